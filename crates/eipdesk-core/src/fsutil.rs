//! Atomic file writes through the `atomic-write-file` crate (the emulator uses it too):
//! a temporary file next to the target, fsynced, renamed over the target, then the directory
//! fsynced, so a crash leaves either the old or the new file, never a truncated one. Files are
//! written readable by the owner only (0600 on Unix), whatever mode an old file had.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// A failed atomic write, with the file it was for.
#[derive(Debug, thiserror::Error)]
#[error("could not write {path}: {source}")]
pub struct WriteError {
    /// The file that was being written.
    pub path: PathBuf,
    /// The underlying I/O failure.
    #[source]
    pub source: io::Error,
}

/// Replaces `path` with `contents` atomically, creating missing parent directories.
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<(), WriteError> {
    write_inner(path, contents).map_err(|source| WriteError {
        path: path.to_path_buf(),
        source,
    })
}

/// Replaces `path` with `contents` atomically, in a folder that must already exist.
pub fn replace_file(path: &Path, contents: &[u8]) -> Result<(), WriteError> {
    replace_inner(path, contents).map_err(|source| WriteError {
        path: path.to_path_buf(),
        source,
    })
}

fn write_inner(path: &Path, contents: &[u8]) -> io::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        fs::create_dir_all(dir)?;
    }
    replace_inner(path, contents)
}

fn replace_inner(path: &Path, contents: &[u8]) -> io::Result<()> {
    let mut options = atomic_write_file::AtomicWriteFile::options();
    #[cfg(unix)]
    {
        use atomic_write_file::unix::OpenOptionsExt as _;
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600).preserve_mode(false);
    }
    let mut file = options.open(path)?;
    file.write_all(contents)?;
    file.commit()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn creates_and_replaces_without_leaving_temp_files() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("nested").join("profiles.toml");
        write_atomic(&target, b"first").unwrap();
        assert_eq!(fs::read(&target).unwrap(), b"first");
        write_atomic(&target, b"second, longer").unwrap();
        assert_eq!(fs::read(&target).unwrap(), b"second, longer");
        let names: Vec<_> = fs::read_dir(target.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("profiles.toml")]);
    }

    #[cfg(unix)]
    #[test]
    fn new_files_are_owner_only() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("f");
        write_atomic(&target, b"x").unwrap();
        let mode = fs::metadata(&target).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        // Replacing a file someone made world-readable does not keep that mode.
        fs::set_permissions(&target, fs::Permissions::from_mode(0o644)).unwrap();
        write_atomic(&target, b"y").unwrap();
        let mode = fs::metadata(&target).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }

    #[test]
    fn error_names_the_file() {
        let dir = tempfile::tempdir().unwrap();
        // A directory where the file should go makes the rename fail.
        let target = dir.path().join("occupied");
        fs::create_dir(&target).unwrap();
        fs::write(target.join("inside"), b"keep").unwrap();
        let err = write_atomic(&target, b"x").unwrap_err();
        assert_eq!(err.path, target);
        assert_eq!(fs::read(target.join("inside")).unwrap(), b"keep");
    }
}
