//! [`ProfileError`]: everything that can go wrong with profiles, each with a stable
//! machine-readable [`code`](ProfileError::code) and a user-facing [`hint`](ProfileError::hint).
//! Messages never contain secret material.

use std::path::PathBuf;

use super::keychain::KeychainError;
use super::model::ProfileId;
use super::validate::FieldError;
use crate::error_hint::ErrorHint;
use crate::error_text::ErrorText;
use crate::text::Message;

/// A profile operation failed.
#[derive(Debug, thiserror::Error)]
pub enum ProfileError {
    /// The keychain could not be used.
    #[error(transparent)]
    Keychain(#[from] KeychainError),
    /// No profile has this id.
    #[error("{}", self.text().map(|t| t.english()).unwrap_or_default())]
    NotFound(ProfileId),
    /// Another profile already has this name.
    #[error("{}", self.text().map(|t| t.english()).unwrap_or_default())]
    NameTaken(String),
    /// An input field is invalid.
    #[error("invalid profile: {0}")]
    Invalid(#[from] FieldError),
    /// The built-in Sandbox profile cannot be deleted, renamed or given credentials.
    #[error("the built-in Sandbox profile cannot be {0}")]
    Builtin(&'static str),
    /// Other RAM role profiles use this one as their source.
    #[error("{}", self.text().map(|t| t.english()).unwrap_or_default())]
    InUse {
        /// Names of the dependent profiles.
        used_by: Vec<String>,
    },
    /// The RAM role source chain would loop or is too deep.
    #[error("{}", self.text().map(|t| t.english()).unwrap_or_default())]
    SourceChain {
        /// Maximum chain length.
        max: usize,
    },
    /// The profile's keychain item is missing.
    #[error("{}", self.text().map(|t| t.english()).unwrap_or_default())]
    SecretMissing {
        /// Profile name.
        name: String,
    },
    /// The profile's keychain item cannot be read as EIP Desk credentials.
    #[error("{}", self.text().map(|t| t.english()).unwrap_or_default())]
    SecretCorrupt {
        /// Profile name.
        name: String,
        /// Why (never the content).
        reason: String,
    },
    /// `profiles.toml` could not be read.
    #[error("could not read {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// `profiles.toml` is not valid.
    #[error("{path} is not a valid profiles file: {reason}")]
    CorruptFile {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        reason: String,
    },
    /// `profiles.toml` could not be written.
    #[error(transparent)]
    Write(#[from] crate::fsutil::WriteError),
}

impl ProfileError {
    /// Stable machine-readable code, e.g. `keychain.locked` or `profile.name_taken`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Keychain(k) => k.code(),
            Self::NotFound(_) => "profile.not_found",
            Self::NameTaken(_) => "profile.name_taken",
            Self::Invalid(_) => "profile.invalid",
            Self::Builtin(_) => "profile.builtin",
            Self::InUse { .. } => "profile.in_use",
            Self::SourceChain { .. } => "profile.source_chain",
            Self::SecretMissing { .. } => "profile.secret_missing",
            Self::SecretCorrupt { .. } => "profile.secret_corrupt",
            Self::Read { .. } => "profile.file_read",
            Self::CorruptFile { .. } => "profile.file_corrupt",
            Self::Write(_) => "profile.file_write",
        }
    }

    /// What went wrong, as a message key, for the errors that have one (their `Display` is
    /// its English; the keychain's own are the keychain error's).
    pub fn text(&self) -> Option<ErrorText> {
        Some(match self {
            Self::Keychain(k) => k.text(),
            Self::NotFound(id) => ErrorText::ProfileNotFound { id: id.to_string() },
            Self::NameTaken(name) => ErrorText::ProfileNameTaken { name: name.clone() },
            Self::InUse { used_by } => ErrorText::ProfileInUse {
                names: used_by.join(", "),
            },
            Self::SourceChain { max } => ErrorText::ProfileSourceChain { max: *max },
            Self::SecretMissing { name } => ErrorText::ProfileSecretMissing { name: name.clone() },
            Self::SecretCorrupt { name, reason } => ErrorText::ProfileSecretCorrupt {
                name: name.clone(),
                reason: reason.clone(),
            },
            Self::Invalid(e) => ErrorText::ProfileInvalid {
                field: e.field.to_string(),
                field_label: super::validate::FieldLabel::of(e.field),
                field_reason: e.reason.clone(),
            },
            Self::Read { path, source } => ErrorText::ProfileRead {
                path: path.display().to_string(),
                detail: source.to_string(),
            },
            Self::CorruptFile { path, reason } => ErrorText::ProfileFileCorrupt {
                path: path.display().to_string(),
                detail: reason.clone(),
            },
            Self::Write(e) => ErrorText::file_write(e),
            Self::Builtin(what) => match *what {
                "deleted" => ErrorText::SandboxNotDeleted,
                "renamed" => ErrorText::SandboxNotRenamed,
                "given credentials" => ErrorText::SandboxNoCredentials,
                "used from a terminal" => ErrorText::SandboxNotInTerminal,
                _ => return None,
            },
        })
    }

    /// What the user can do about it, as a message key.
    pub fn hint_text(&self) -> ErrorHint {
        match self {
            Self::Keychain(k) => k.hint_text(),
            Self::NotFound(_) => ErrorHint::ProfileNotFound,
            Self::NameTaken(_) => ErrorHint::ProfileNameTaken,
            Self::Invalid(_) => ErrorHint::ProfileInvalid,
            Self::Builtin(_) => ErrorHint::ProfileBuiltin,
            Self::InUse { .. } => ErrorHint::ProfileInUse,
            Self::SourceChain { .. } => ErrorHint::ProfileSourceChain,
            Self::SecretMissing { .. } | Self::SecretCorrupt { .. } => ErrorHint::ProfileSecret,
            Self::Read { .. } | Self::Write(_) => ErrorHint::ProfileDataDir,
            Self::CorruptFile { .. } => ErrorHint::ProfileFileCorrupt,
        }
    }

    /// What the user can do about it, in English.
    pub fn hint(&self) -> String {
        self.hint_text().english()
    }

    /// The field an [`Invalid`](Self::Invalid) error is about.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            Self::Invalid(e) => Some(e.field),
            _ => None,
        }
    }
}
