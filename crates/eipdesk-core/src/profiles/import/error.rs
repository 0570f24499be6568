//! [`ImportError`]: why a source or one selection cannot be imported, with its stable code
//! and hint.

use std::path::PathBuf;

use crate::error_hint::ErrorHint;
use crate::error_text::ErrorText;
use crate::profiles::error::ProfileError;
use crate::text::Message;

/// Why a source or one selection cannot be imported.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file exists but could not be read.
    #[error("could not read {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// The path is not a regular file (a FIFO, a device, a directory…); it was not read.
    #[error("{path} is {kind}, not a credentials file; it was not read")]
    NotAFile {
        /// The path.
        path: PathBuf,
        /// What it is.
        kind: &'static str,
    },
    /// The file is larger than [`MAX_FILE_BYTES`].
    #[error("{}", self.text().map(|t| t.english()).unwrap_or_default())]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        bytes: u64,
    },
    /// The file's syntax or structure is wrong.
    #[error("{path} is malformed{}: {reason}", location(*.line, *.column))]
    Malformed {
        /// The file.
        path: PathBuf,
        /// 1-based line, when known.
        line: Option<usize>,
        /// 1-based column, when known.
        column: Option<usize>,
        /// What is wrong (never the file's content).
        reason: super::FileProblem,
    },
    /// The source of a selected key is not configured or not present any more.
    #[error("{}", self.text().map(|t| t.english()).unwrap_or_default())]
    SourceMissing {
        /// The key.
        key: String,
    },
    /// No candidate has this key (any more).
    #[error("{}", self.text().map(|t| t.english()).unwrap_or_default())]
    UnknownCandidate {
        /// The key.
        key: String,
    },
    /// The same key was selected twice.
    #[error("{}", self.text().map(|t| t.english()).unwrap_or_default())]
    DuplicateSelection {
        /// The key.
        key: String,
    },
    /// The candidate cannot be imported.
    #[error("{key} cannot be imported: {reason}")]
    NotImportable {
        /// The key.
        key: String,
        /// Refusal code.
        code: &'static str,
        /// Why.
        reason: super::ImportReason,
    },
    /// Creating the profile failed.
    #[error("importing {key} failed: {source}")]
    Profile {
        /// The key.
        key: String,
        /// The profile error.
        #[source]
        source: ProfileError,
    },
}

fn location(line: Option<usize>, column: Option<usize>) -> String {
    match (line, column) {
        (Some(l), Some(c)) => format!(" at line {l}, column {c}"),
        (Some(l), None) => format!(" at line {l}"),
        _ => String::new(),
    }
}

impl ImportError {
    /// The selection key the error is about, when it is about one.
    pub fn key(&self) -> Option<&str> {
        match self {
            Self::SourceMissing { key }
            | Self::UnknownCandidate { key }
            | Self::DuplicateSelection { key }
            | Self::NotImportable { key, .. }
            | Self::Profile { key, .. } => Some(key),
            _ => None,
        }
    }

    /// Stable machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Read { .. } => "import.read",
            Self::TooLarge { .. } => "import.too_large",
            Self::NotAFile { .. } => "import.not_a_file",
            Self::Malformed { .. } => "import.malformed",
            Self::SourceMissing { .. } => "import.source_missing",
            Self::UnknownCandidate { .. } => "import.unknown_candidate",
            Self::DuplicateSelection { .. } => "import.duplicate_selection",
            Self::NotImportable { code, .. } => code,
            Self::Profile { source, .. } => source.code(),
        }
    }

    /// What went wrong, as a message key, for the errors that have one (their `Display` is
    /// its English).
    pub fn text(&self) -> Option<ErrorText> {
        Some(match self {
            Self::TooLarge { path, bytes } => ErrorText::ImportTooLarge {
                path: path.display().to_string(),
                bytes: *bytes,
            },
            Self::SourceMissing { key } => ErrorText::ImportSourceMissing {
                candidate: key.clone(),
            },
            Self::UnknownCandidate { key } => ErrorText::ImportUnknownCandidate {
                candidate: key.clone(),
            },
            Self::DuplicateSelection { key } => ErrorText::ImportDuplicate {
                candidate: key.clone(),
            },
            Self::NotImportable { key, reason, .. } => ErrorText::ImportNotImportable {
                candidate: key.clone(),
                import_reason: reason.clone(),
            },
            Self::Read { path, source } => ErrorText::ImportRead {
                path: path.display().to_string(),
                detail: source.to_string(),
            },
            Self::Profile { key, source } => ErrorText::ImportProfileFailed {
                candidate: key.clone(),
                cause: Box::new(source.text()?),
            },
            Self::Malformed {
                path,
                line,
                column,
                reason,
            } => {
                let path = path.display().to_string();
                let file_problem = reason.clone();
                match (*line, *column) {
                    (Some(line), Some(column)) => ErrorText::ImportMalformedAt {
                        path,
                        line,
                        column,
                        file_problem,
                    },
                    (Some(line), None) => ErrorText::ImportMalformedLine {
                        path,
                        line,
                        file_problem,
                    },
                    _ => ErrorText::ImportMalformed { path, file_problem },
                }
            }
            Self::NotAFile { .. } => return None,
        })
    }

    /// What the user can do about it, as a message key.
    pub fn hint_text(&self) -> ErrorHint {
        match self {
            Self::Read { .. } => ErrorHint::ImportRead,
            Self::TooLarge { .. } | Self::NotAFile { .. } => ErrorHint::ImportNotAFile,
            Self::Malformed { .. } => ErrorHint::ImportMalformed,
            Self::SourceMissing { .. } | Self::UnknownCandidate { .. } => {
                ErrorHint::ImportSourceChanged
            }
            Self::DuplicateSelection { .. } => ErrorHint::ImportDuplicate,
            Self::NotImportable { .. } => ErrorHint::ImportNotImportable,
            Self::Profile { source, .. } => source.hint_text(),
        }
    }

    /// What the user can do about it, in English.
    pub fn hint(&self) -> String {
        self.hint_text().english()
    }
}
