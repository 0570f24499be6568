//! The aliyun CLI's `config.json` on disk: read once with a fingerprint (so that a change
//! confirmed in a preview is refused if the file changed since), timestamped owner-only
//! backups beside it, atomic owner-only replacement, and listing / restoring backups.
//! A symbolic link is followed: the file it points at is read, backed up and replaced.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};
use time::OffsetDateTime;

use super::error::ConfigWriteError;
use super::json::{self, Json};
use crate::fsutil;
use crate::profiles::import::read::read_text;

/// Fingerprint of a file that does not exist.
pub const ABSENT: &str = "absent";

/// What backups are called: `<file name>` + this + `<UTC time>` (`20261207T165000Z`).
pub const BACKUP_INFIX: &str = ".eipdesk-backup-";

/// The file as read: its real path, bytes (as text) and fingerprint; `text` is `None` when
/// the file does not exist.
#[derive(Debug, Clone)]
pub(crate) struct Loaded {
    pub path: PathBuf,
    pub text: Option<String>,
    pub fingerprint: String,
}

impl Loaded {
    /// The parsed document, checked to be an aliyun CLI configuration (an object whose
    /// `profiles`, if present, is a list); `None` when the file does not exist.
    pub fn document(&self) -> Result<Option<Json>, ConfigWriteError> {
        let Some(text) = &self.text else {
            return Ok(None);
        };
        let structure = |reason: String| ConfigWriteError::Structure {
            path: self.path.clone(),
            reason,
        };
        let doc = json::parse(text).map_err(|e| structure(e.to_string()))?;
        match (&doc, doc.get("profiles")) {
            (Json::Object(_), None | Some(Json::Array(_))) => Ok(Some(doc)),
            (Json::Object(_), Some(_)) => Err(structure("\"profiles\" must be a list".into())),
            _ => Err(structure("the top level must be a JSON object".into())),
        }
    }

    /// Refuses when the fingerprint a preview showed is not the file's any more.
    pub fn expect(&self, fingerprint: &str) -> Result<(), ConfigWriteError> {
        if self.fingerprint == fingerprint {
            Ok(())
        } else {
            Err(ConfigWriteError::Changed {
                path: self.path.clone(),
            })
        }
    }

    /// Whether the text ends with a newline (kept when rewriting).
    fn trailing_newline(&self) -> bool {
        self.text.as_deref().is_some_and(|t| t.ends_with('\n'))
    }

    /// Backs the current file up (when there is one), then writes `doc` in its place
    /// atomically, owner-only. Returns the backup's path.
    pub fn replace_with(&self, doc: &Json) -> Result<Option<PathBuf>, ConfigWriteError> {
        let mut text = json::render(doc);
        if self.trailing_newline() {
            text.push('\n');
        }
        let backup = match &self.text {
            Some(old) => Some(write_backup(&self.path, old.as_bytes())?),
            None => {
                if let Some(dir) = self.path.parent().filter(|d| !d.exists()) {
                    crate::private_fs::create_private_dir(dir).map_err(|source| {
                        fsutil::WriteError {
                            path: dir.to_path_buf(),
                            source,
                        }
                    })?;
                }
                None
            }
        };
        fsutil::replace_file(&self.path, text.as_bytes())?;
        Ok(backup)
    }
}

/// Reads `path` (following a link to its target), never blocking on a special file.
pub(crate) fn load(path: &Path) -> Result<Loaded, ConfigWriteError> {
    let real = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let text = read_text(&real).map_err(ConfigWriteError::Source)?;
    let fingerprint = text
        .as_deref()
        .map_or_else(|| ABSENT.to_string(), |t| fingerprint(t.as_bytes()));
    Ok(Loaded {
        path: real,
        text,
        fingerprint,
    })
}

/// SHA-256 of `bytes`, in hex.
pub(crate) fn fingerprint(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Writes `bytes` to a new backup beside `path` (never over an existing file), owner-only
/// and synced to disk.
pub(crate) fn write_backup(path: &Path, bytes: &[u8]) -> Result<PathBuf, ConfigWriteError> {
    let stamp = stamp(OffsetDateTime::now_utc());
    let base = format!("{}{BACKUP_INFIX}{stamp}", file_name(path));
    let mut attempt = 1;
    loop {
        let name = if attempt == 1 {
            base.clone()
        } else {
            format!("{base}-{attempt}")
        };
        let target = path.with_file_name(name);
        match create_new(&target, bytes) {
            Ok(()) => return Ok(target),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && attempt < 100 => {
                attempt += 1;
            }
            Err(source) => {
                return Err(ConfigWriteError::Backup {
                    path: target,
                    source,
                });
            }
        }
    }
}

fn create_new(target: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(crate::private_fs::FILE_MODE);
    }
    let mut file = options.open(target)?;
    file.write_all(bytes)?;
    file.sync_all()
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "config.json".into())
}

/// `20261207T165000Z`.
fn stamp(t: OffsetDateTime) -> String {
    let layout = time::macros::format_description!("[year][month][day]T[hour][minute][second]Z");
    t.format(layout)
        .unwrap_or_else(|_| t.unix_timestamp().to_string())
}

/// The backups beside `path`, newest first: (file name, size in bytes).
pub(crate) fn backups(path: &Path) -> Vec<(String, u64)> {
    let prefix = format!("{}{BACKUP_INFIX}", file_name(path));
    let Some(dir) = path.parent() else {
        return Vec::new();
    };
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<(String, u64)> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name().to_str()?.to_string();
            let meta = e.metadata().ok()?;
            (name.starts_with(&prefix) && meta.is_file()).then_some((name, meta.len()))
        })
        .collect();
    found.sort_by(|a, b| b.0.cmp(&a.0));
    found
}

/// The backup named `name` beside `path`, if it is one.
pub(crate) fn backup_path(path: &Path, name: &str) -> Result<PathBuf, ConfigWriteError> {
    backups(path)
        .into_iter()
        .find(|(n, _)| n == name)
        .map(|(n, _)| path.with_file_name(n))
        .ok_or_else(|| ConfigWriteError::UnknownBackup {
            name: name.to_string(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_sort_by_time() {
        let t = time::macros::datetime!(2026-12-07 16:50:01 UTC);
        assert_eq!(stamp(t), "20261207T165001Z");
    }
}
