//! How profile, keychain, connection and import errors describe themselves to the window
//! ([`DescribeError`]): their stable `code()`, a message without secrets, the RequestId of a
//! failed Alibaba Cloud call (also of the AssumeRole behind a RAM role profile) and the
//! `hint()` saying what to do.

use crate::error::{DescribeError, ErrorHint, ErrorKind, ErrorText};
use crate::profiles::import::ImportError;
use crate::profiles::{ConnectError, KeychainError, ProfileError};

impl DescribeError for KeychainError {
    fn kind(&self) -> ErrorKind {
        ErrorKind::Keychain
    }
    fn code(&self) -> String {
        KeychainError::code(self).into()
    }
    fn text(&self) -> Option<ErrorText> {
        Some(KeychainError::text(self))
    }
    fn hint_text(&self) -> Option<ErrorHint> {
        Some(KeychainError::hint_text(self))
    }
}

impl DescribeError for ProfileError {
    fn kind(&self) -> ErrorKind {
        match self {
            ProfileError::Keychain(_) => ErrorKind::Keychain,
            ProfileError::NotFound(_) => ErrorKind::NotFound,
            ProfileError::NameTaken(_)
            | ProfileError::Invalid(_)
            | ProfileError::Builtin(_)
            | ProfileError::InUse { .. }
            | ProfileError::SourceChain { .. } => ErrorKind::InvalidInput,
            ProfileError::SecretMissing { .. } | ProfileError::SecretCorrupt { .. } => {
                ErrorKind::Auth
            }
            ProfileError::Read { .. }
            | ProfileError::CorruptFile { .. }
            | ProfileError::Write(_) => ErrorKind::Internal,
        }
    }
    fn code(&self) -> String {
        ProfileError::code(self).into()
    }
    fn text(&self) -> Option<ErrorText> {
        ProfileError::text(self)
    }
    fn hint_text(&self) -> Option<ErrorHint> {
        Some(ProfileError::hint_text(self))
    }
}

/// A failed connection (building credentials, the AssumeRole of a role, or the call). An
/// API failure keeps the Alibaba code and RequestId; when it was the role's AssumeRole, the
/// message and hint say so.
impl DescribeError for ConnectError {
    fn kind(&self) -> ErrorKind {
        match self {
            ConnectError::Profile(p) => p.kind(),
            ConnectError::SandboxUnavailable => ErrorKind::Internal,
            _ if self.is_credentials() => ErrorKind::Auth,
            ConnectError::Api(_) => self.api().map_or(ErrorKind::Internal, DescribeError::kind),
        }
    }
    fn code(&self) -> String {
        match self {
            ConnectError::Profile(p) => DescribeError::code(p),
            ConnectError::SandboxUnavailable => ConnectError::code(self).into(),
            ConnectError::Api(_) => self.api().map(DescribeError::code).unwrap_or_default(),
        }
    }
    fn message(&self) -> String {
        match self {
            ConnectError::Profile(p) => p.message(),
            ConnectError::Api(_) => {
                let api = self.api().map(DescribeError::message).unwrap_or_default();
                if self.is_credentials() {
                    format!("{self} ({api})")
                } else {
                    api
                }
            }
            ConnectError::SandboxUnavailable => self.to_string(),
        }
    }
    fn text(&self) -> Option<ErrorText> {
        ConnectError::text(self)
    }
    fn hint_text(&self) -> Option<ErrorHint> {
        match self {
            ConnectError::Api(_) if !self.is_credentials() => {
                self.api().and_then(DescribeError::hint_text)
            }
            _ => Some(ConnectError::hint_text(self)),
        }
    }
    fn hint(&self) -> Option<String> {
        match self {
            ConnectError::Api(_) if !self.is_credentials() => {
                self.api().and_then(DescribeError::hint)
            }
            _ => Some(ConnectError::hint(self)),
        }
    }
    fn recommend(&self) -> Option<String> {
        self.api().and_then(DescribeError::recommend)
    }
    fn request_id(&self) -> Option<String> {
        self.api().and_then(DescribeError::request_id)
    }
}

impl ConnectError {
    fn api(&self) -> Option<&alicloud_api::Error> {
        self.api_error()
    }

    fn is_credentials(&self) -> bool {
        ConnectError::code(self) == "connect.credentials"
    }
}

/// A failed import (nothing was imported).
impl DescribeError for ImportError {
    fn kind(&self) -> ErrorKind {
        match self {
            ImportError::Profile { source, .. } => source.kind(),
            ImportError::SourceMissing { .. } | ImportError::UnknownCandidate { .. } => {
                ErrorKind::NotFound
            }
            ImportError::Read { .. } => ErrorKind::Internal,
            ImportError::TooLarge { .. }
            | ImportError::NotAFile { .. }
            | ImportError::Malformed { .. }
            | ImportError::DuplicateSelection { .. }
            | ImportError::NotImportable { .. } => ErrorKind::InvalidInput,
        }
    }
    fn code(&self) -> String {
        ImportError::code(self).into()
    }
    fn text(&self) -> Option<ErrorText> {
        ImportError::text(self)
    }
    fn hint_text(&self) -> Option<ErrorHint> {
        Some(ImportError::hint_text(self))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorDto;

    #[test]
    fn keychain_errors_keep_their_code_and_hint() {
        let e = ProfileError::Keychain(KeychainError::Locked {
            detail: "collection login".into(),
        });
        let d = ErrorDto::describe(&e);
        assert_eq!(d.kind, ErrorKind::Keychain);
        assert_eq!(d.code, "keychain.locked");
        assert!(d.hint.unwrap().contains("Unlock"));
        let c = ErrorDto::from(ConnectError::Profile(e));
        assert_eq!(c.code, "keychain.locked");
    }

    #[test]
    fn input_errors_are_invalid_input() {
        let d = ErrorDto::from(ProfileError::NameTaken("prod".into()));
        assert_eq!(d.kind, ErrorKind::InvalidInput);
        assert_eq!(d.code, "profile.name_taken");
        let d = ErrorDto::from(ImportError::DuplicateSelection {
            key: "env:x".into(),
        });
        assert_eq!(d.code, "import.duplicate_selection");
        assert_eq!(d.kind, ErrorKind::InvalidInput);
    }
}
