//! Private by default: the data directory holds account IDs, resource IDs, RequestIds, logs
//! and exports, so on Unix it is readable by its owner only. [`secure_data_dir`] runs first at
//! start-up: it sets the process umask to `077` (so every file the app, SQLite, the log
//! appender or the Sandbox creates from then on is 0600 and every directory 0700, including
//! log files opened at a rotation and the database's WAL and SHM), creates the data directory
//! 0700 and tightens an existing install (directories 0700, regular files 0600; symbolic links
//! are neither followed nor changed). Elsewhere these are no-ops: the per-user data directory
//! is private there already.

use std::io;
use std::path::{Path, PathBuf};

/// Mode of every directory the app keeps (Unix).
pub const DIR_MODE: u32 = 0o700;
/// Mode of every file the app writes (Unix).
pub const FILE_MODE: u32 = 0o600;

/// A data directory that could not be made private.
#[derive(Debug, thiserror::Error)]
#[error("could not make {path} private: {source}")]
pub struct PrivateDirError {
    /// The directory or file that failed.
    pub path: PathBuf,
    #[source]
    pub source: io::Error,
}

/// Restricts the umask, creates `data_dir` (0700) and tightens everything already in it.
/// Safe to call more than once.
pub fn secure_data_dir(data_dir: &Path) -> Result<(), PrivateDirError> {
    restrict_umask();
    create_private_dir(data_dir).map_err(|source| PrivateDirError {
        path: data_dir.to_path_buf(),
        source,
    })?;
    tighten_tree(data_dir)
}

/// Creates `dir` and its missing parents, each new one owner-only.
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt as _;
        builder.mode(DIR_MODE);
    }
    builder.create(dir)?;
    set_mode(dir, DIR_MODE)
}

/// Sets the process umask to `077` (Unix).
pub fn restrict_umask() {
    #[cfg(unix)]
    {
        use rustix::fs::Mode;
        rustix::process::umask(Mode::RWXG | Mode::RWXO);
    }
}

/// Gives `path` the owner-only `mode` (Unix); a no-op elsewhere.
pub fn set_mode(path: &Path, mode: u32) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let current = std::fs::symlink_metadata(path)?.permissions().mode() & 0o777;
        if current != mode {
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))?;
        }
    }
    #[cfg(not(unix))]
    let _ = (path, mode);
    Ok(())
}

/// Directories under `root` 0700, regular files 0600; links are left alone.
fn tighten_tree(root: &Path) -> Result<(), PrivateDirError> {
    let fail = |path: &Path| {
        let path = path.to_path_buf();
        move |source| PrivateDirError { path, source }
    };
    let mut pending = vec![root.to_path_buf()];
    while let Some(dir) = pending.pop() {
        set_mode(&dir, DIR_MODE).map_err(fail(&dir))?;
        for entry in std::fs::read_dir(&dir).map_err(fail(&dir))? {
            let entry = entry.map_err(fail(&dir))?;
            let path = entry.path();
            let kind = entry.file_type().map_err(fail(&path))?;
            if kind.is_dir() {
                pending.push(path);
            } else if kind.is_file() {
                set_mode(&path, FILE_MODE).map_err(fail(&path))?;
            }
        }
    }
    Ok(())
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn mode(path: &Path) -> u32 {
        std::fs::symlink_metadata(path)
            .unwrap()
            .permissions()
            .mode()
            & 0o777
    }

    #[test]
    fn files_created_after_securing_are_owner_only() {
        let scratch = tempfile::tempdir().unwrap();
        let home = scratch.path().join("a").join("b");
        secure_data_dir(&home).unwrap();
        assert_eq!(mode(&home), DIR_MODE);
        assert_eq!(mode(&scratch.path().join("a")), DIR_MODE);
        // What a log appender does at a rotation: a plain create, mode from the umask.
        let log = home.join("eipdesk.log.2026-12-08");
        std::fs::File::create(&log).unwrap();
        assert_eq!(mode(&log), FILE_MODE);
        std::fs::create_dir(home.join("logs")).unwrap();
        assert_eq!(mode(&home.join("logs")), DIR_MODE);
    }
}
