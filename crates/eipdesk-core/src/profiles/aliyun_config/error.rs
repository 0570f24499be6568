//! [`ConfigWriteError`]: why a change to the aliyun CLI's `config.json` (set-up, moving keys
//! into the keychain, restoring a backup) was refused or failed, with its stable code, hint
//! and the window's description. Nothing is half-done: each refusal leaves the file as it was.

use std::path::PathBuf;

use crate::error::{DescribeError, ErrorHint, ErrorKind, ErrorText};
use crate::fsutil::WriteError;
use crate::profiles::ProfileError;
use crate::profiles::import::ImportError;

/// Why a `config.json` change was refused or failed.
#[derive(Debug, thiserror::Error)]
pub enum ConfigWriteError {
    /// There is no home directory, so no `~/.aliyun/config.json`.
    #[error("there is no home directory, so there is no aliyun CLI configuration")]
    NoHome,
    /// The file cannot be read (missing permissions, a FIFO, too large, malformed…).
    #[error(transparent)]
    Source(ImportError),
    /// The JSON is valid but is not an aliyun CLI configuration.
    #[error("{path} is not an aliyun CLI configuration: {reason}")]
    Structure {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        reason: String,
    },
    /// The file was changed (or created, or deleted) after the preview was made.
    #[error("{path} changed after the preview was made; nothing was written")]
    Changed {
        /// The file.
        path: PathBuf,
    },
    /// Moving keys needs a file, and there is none.
    #[error("{path} does not exist")]
    Missing {
        /// The file.
        path: PathBuf,
    },
    /// The aliyun CLI already has a different profile with the name set-up would use.
    #[error("the aliyun CLI already has a profile named {name:?} that does something else")]
    NameTaken {
        /// The aliyun CLI profile name.
        name: String,
    },
    /// No backup of that name next to the file.
    #[error("there is no backup named {name:?} next to the aliyun CLI configuration")]
    UnknownBackup {
        /// The backup's file name.
        name: String,
    },
    /// The backup could not be written (then the file was not touched either).
    #[error("could not write the backup {path}: {source}")]
    Backup {
        /// The backup file.
        path: PathBuf,
        /// The I/O failure.
        #[source]
        source: std::io::Error,
    },
    /// The new file could not be written (the old one is still in place).
    #[error(transparent)]
    Write(#[from] WriteError),
    /// The EIP Desk profile the change is for cannot be used.
    #[error(transparent)]
    Profile(#[from] ProfileError),
}

impl ConfigWriteError {
    /// Stable machine-readable code.
    pub fn code(&self) -> String {
        match self {
            Self::NoHome => "aliyun_config.no_home".into(),
            Self::Source(e) => e.code().into(),
            Self::Structure { .. } => "aliyun_config.structure".into(),
            Self::Changed { .. } => "aliyun_config.changed".into(),
            Self::Missing { .. } => "aliyun_config.missing".into(),
            Self::NameTaken { .. } => "aliyun_config.name_taken".into(),
            Self::UnknownBackup { .. } => "aliyun_config.unknown_backup".into(),
            Self::Backup { .. } => "aliyun_config.backup".into(),
            Self::Write(_) => "aliyun_config.write".into(),
            Self::Profile(e) => e.code().into(),
        }
    }
}

impl DescribeError for ConfigWriteError {
    fn kind(&self) -> ErrorKind {
        match self {
            Self::Profile(e) => e.kind(),
            Self::Changed { .. }
            | Self::Structure { .. }
            | Self::NameTaken { .. }
            | Self::Source(_) => ErrorKind::InvalidInput,
            Self::Missing { .. } | Self::UnknownBackup { .. } | Self::NoHome => ErrorKind::NotFound,
            Self::Backup { .. } | Self::Write(_) => ErrorKind::Internal,
        }
    }
    fn code(&self) -> String {
        ConfigWriteError::code(self)
    }
    fn text(&self) -> Option<ErrorText> {
        let path = |p: &std::path::Path| p.display().to_string();
        Some(match self {
            Self::NoHome => ErrorText::ConfigNoHome,
            Self::Source(e) => return e.text(),
            Self::Structure { path: p, reason } => ErrorText::ConfigStructure {
                path: path(p),
                detail: reason.clone(),
            },
            Self::Changed { path: p } => ErrorText::ConfigChanged { path: path(p) },
            Self::Missing { path: p } => ErrorText::ConfigMissing { path: path(p) },
            Self::NameTaken { name } => ErrorText::ConfigNameTaken { name: name.clone() },
            Self::UnknownBackup { name } => ErrorText::ConfigUnknownBackup { name: name.clone() },
            Self::Backup { path: p, source } => ErrorText::ConfigBackup {
                path: path(p),
                detail: source.to_string(),
            },
            Self::Write(e) => ErrorText::file_write(e),
            Self::Profile(e) => return e.text(),
        })
    }
    fn hint_text(&self) -> Option<ErrorHint> {
        Some(match self {
            Self::NoHome => ErrorHint::ConfigNoHome,
            Self::Source(_) | Self::Structure { .. } => ErrorHint::ConfigFix,
            Self::Changed { .. } => ErrorHint::ConfigChanged,
            Self::Missing { .. } => ErrorHint::ConfigMissing,
            Self::NameTaken { name } => ErrorHint::ConfigNameTaken { name: name.clone() },
            Self::UnknownBackup { .. } => ErrorHint::ConfigUnknownBackup,
            Self::Backup { .. } | Self::Write(_) => ErrorHint::ConfigWrite,
            Self::Profile(e) => e.hint_text(),
        })
    }
}
