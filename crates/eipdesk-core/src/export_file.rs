//! Files the user exports (a table as CSV, the audit log as CSV or JSON): where the save dialog
//! starts, the name it suggests, the checks on the file the user chose in it, and the write.
//!
//! The path always comes from the OS save dialog, which asked before replacing an existing file;
//! so the write may replace the chosen file, and nothing else: folders are never created, and
//! when the extension is added to a name typed without one, a file already there under the
//! longer name is refused (the dialog never asked about it).

use std::path::{Path, PathBuf};

use crate::error::{DescribeError, ErrorHint, ErrorKind, ErrorText};
use crate::fsutil::replace_file;

/// Why an export was not written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExportError {
    #[error("{path} is not a full path")]
    NotAbsolute { path: String },
    #[error("{path} is a folder, not a file name")]
    IsFolder { path: String },
    #[error("the folder {folder} does not exist")]
    NoFolder { folder: String },
    #[error("{path} already exists and the save dialog did not ask to replace it")]
    WouldReplace { path: String },
    #[error("could not write {path}: {reason}")]
    Write { path: String, reason: String },
}

impl DescribeError for ExportError {
    fn kind(&self) -> ErrorKind {
        match self {
            ExportError::Write { .. } => ErrorKind::Internal,
            _ => ErrorKind::InvalidInput,
        }
    }
    fn code(&self) -> String {
        match self {
            ExportError::NotAbsolute { .. } | ExportError::IsFolder { .. } => "ExportPathInvalid",
            ExportError::NoFolder { .. } => "ExportFolderMissing",
            ExportError::WouldReplace { .. } => "ExportWouldReplace",
            ExportError::Write { .. } => "ExportFailed",
        }
        .into()
    }
    fn text(&self) -> Option<ErrorText> {
        Some(match self.clone() {
            ExportError::NotAbsolute { path } => ErrorText::ExportNotAbsolute { path },
            ExportError::IsFolder { path } => ErrorText::ExportIsFolder { path },
            ExportError::NoFolder { folder } => ErrorText::ExportNoFolder { folder },
            ExportError::WouldReplace { path } => ErrorText::ExportWouldReplace { path },
            ExportError::Write { path, reason } => ErrorText::ExportWrite {
                path,
                detail: reason,
            },
        })
    }
    fn hint_text(&self) -> Option<ErrorHint> {
        Some(match self {
            ExportError::NotAbsolute { .. } | ExportError::IsFolder { .. } => {
                ErrorHint::ExportChooseFile
            }
            ExportError::NoFolder { .. } => ErrorHint::ExportNoFolder,
            ExportError::WouldReplace { .. } => ErrorHint::ExportWouldReplace,
            ExportError::Write { .. } => ErrorHint::ExportWrite,
        })
    }
}

/// A file the user chose in the save dialog, checked and ready to be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportTarget {
    path: PathBuf,
}

impl ExportTarget {
    /// Checks the file the dialog returned. `extension` (`csv`, `json`) is added when the name
    /// has none, unless a file with the longer name already exists.
    pub fn chosen(path: PathBuf, extension: &str) -> Result<Self, ExportError> {
        let shown = path.display().to_string();
        if !path.is_absolute() {
            return Err(ExportError::NotAbsolute { path: shown });
        }
        if path.is_dir() || path.file_name().is_none() {
            return Err(ExportError::IsFolder { path: shown });
        }
        let folder = path.parent().map(Path::to_path_buf).unwrap_or_default();
        if !folder.is_dir() {
            return Err(ExportError::NoFolder {
                folder: folder.display().to_string(),
            });
        }
        if path.extension().is_some() {
            return Ok(ExportTarget { path });
        }
        let longer = path.with_extension(extension);
        if longer.symlink_metadata().is_ok() {
            return Err(ExportError::WouldReplace {
                path: longer.display().to_string(),
            });
        }
        Ok(ExportTarget { path: longer })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Writes `contents` atomically (a crash leaves the old file or the new one), owner-only.
    pub fn write(&self, contents: &[u8]) -> Result<(), ExportError> {
        replace_file(&self.path, contents).map_err(|e| ExportError::Write {
            path: self.path.display().to_string(),
            reason: e.source.to_string(),
        })?;
        tracing::info!(path = %self.path.display(), bytes = contents.len(), "exported");
        Ok(())
    }
}

/// Where the save dialog opens and the file name it suggests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportSuggestion {
    pub folder: PathBuf,
    pub file_name: String,
}

/// Where the save dialog opens: the user's Downloads folder, else the home folder; under
/// `EIPDESK_HOME` (an isolated instance, as in tests) the data directory's own `exports`
/// folder, which belongs to the app.
pub fn default_dir(data_dir: &Path) -> PathBuf {
    if std::env::var_os("EIPDESK_HOME").is_some() {
        let own = data_dir.join("exports");
        if crate::private_fs::create_private_dir(&own).is_ok() {
            return own;
        }
        return data_dir.to_path_buf();
    }
    let user = directories::UserDirs::new();
    let downloads = user
        .as_ref()
        .and_then(|d| d.download_dir())
        .filter(|d| d.is_dir());
    match (downloads, user.as_ref()) {
        (Some(dir), _) => dir.to_path_buf(),
        (None, Some(dirs)) => dirs.home_dir().to_path_buf(),
        (None, None) => data_dir.to_path_buf(),
    }
}

/// The name the save dialog suggests: `eipdesk-<what>-<UTC time>.<extension>`.
pub fn suggested_name(what: &str, extension: &str) -> String {
    let stamp = alicloud_api::timestamp::now_utc(alicloud_api::timestamp::FILE_NAME);
    format!("eipdesk-{what}-{stamp}.{extension}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_relative_path_or_a_folder_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let relative = ExportTarget::chosen("out.csv".into(), "csv").unwrap_err();
        assert_eq!(relative.code(), "ExportPathInvalid");
        let folder = ExportTarget::chosen(dir.path().to_path_buf(), "csv").unwrap_err();
        assert!(matches!(folder, ExportError::IsFolder { .. }));
    }

    #[test]
    fn a_missing_folder_is_refused_and_not_created() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("nested").join("out.csv");
        let err = ExportTarget::chosen(missing, "csv").unwrap_err();
        assert_eq!(err.code(), "ExportFolderMissing");
        assert!(!dir.path().join("nested").exists());
    }

    #[test]
    fn the_extension_is_added_unless_that_would_replace_an_unconfirmed_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = ExportTarget::chosen(dir.path().join("eips"), "csv").unwrap();
        assert_eq!(target.path(), dir.path().join("eips.csv"));
        std::fs::write(dir.path().join("eips.csv"), "keep").unwrap();
        let err = ExportTarget::chosen(dir.path().join("eips"), "csv").unwrap_err();
        assert_eq!(err.code(), "ExportWouldReplace");
        assert_eq!(
            std::fs::read_to_string(dir.path().join("eips.csv")).unwrap(),
            "keep"
        );
    }

    #[test]
    fn the_chosen_file_is_replaced_owner_only() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("audit.json");
        std::fs::write(&file, "old").unwrap();
        let target = ExportTarget::chosen(file.clone(), "json").unwrap();
        target.write(b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "new");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let mode = std::fs::metadata(&file).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }
}
