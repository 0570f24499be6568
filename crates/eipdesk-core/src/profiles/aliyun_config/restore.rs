//! One-click restore: [`backups`] lists the backups beside `config.json` (newest first) and
//! [`restore`] puts one back after the user confirmed, refusing if the file changed since the
//! list was made. The file it replaces is itself backed up first, so a restore can be undone.
//! Profiles that were moved into EIP Desk stay there.

use std::path::Path;

use serde::Serialize;
use ts_rs::TS;

use super::error::ConfigWriteError;
use super::file;
use crate::fsutil;

/// One backup beside the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ConfigBackup {
    /// Its file name (what [`restore`] takes).
    pub name: String,
    /// Its size in bytes.
    pub bytes: u64,
}

/// The backups and the current file's fingerprint (which [`restore`] needs).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupList {
    /// The file.
    pub path: String,
    /// Fingerprint of the file now.
    pub fingerprint: String,
    /// Newest first.
    pub backups: Vec<ConfigBackup>,
}

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RestoreReport {
    /// The file.
    pub path: String,
    /// The backup put back.
    pub restored_from: String,
    /// Where the replaced file was saved (none when there was no file).
    pub previous_saved_as: Option<String>,
}

/// The backups beside the file at `path`.
pub fn backups(path: &Path) -> Result<BackupList, ConfigWriteError> {
    let loaded = file::load(path)?;
    Ok(BackupList {
        path: loaded.path.display().to_string(),
        backups: file::backups(&loaded.path)
            .into_iter()
            .map(|(name, bytes)| ConfigBackup { name, bytes })
            .collect(),
        fingerprint: loaded.fingerprint,
    })
}

/// Puts the backup `name` back in place of the file, which must still have `fingerprint`.
pub fn restore(
    path: &Path,
    name: &str,
    fingerprint: &str,
) -> Result<RestoreReport, ConfigWriteError> {
    let loaded = file::load(path)?;
    loaded.expect(fingerprint)?;
    let source = file::backup_path(&loaded.path, name)?;
    let bytes = std::fs::read(&source).map_err(|e| {
        ConfigWriteError::Source(crate::profiles::import::ImportError::Read {
            path: source.clone(),
            source: e,
        })
    })?;
    let previous = match &loaded.text {
        Some(old) => Some(file::write_backup(&loaded.path, old.as_bytes())?),
        None => None,
    };
    fsutil::replace_file(&loaded.path, &bytes)?;
    tracing::info!(
        backup = name,
        "aliyun CLI configuration restored from a backup"
    );
    Ok(RestoreReport {
        path: loaded.path.display().to_string(),
        restored_from: name.to_string(),
        previous_saved_as: previous.map(|p| p.display().to_string()),
    })
}
