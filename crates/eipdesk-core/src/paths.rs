//! Where EIP Desk keeps its per-user data: the data directory and the well-known files in it.
//!
//! `EIPDESK_HOME` overrides everything (tests always set it to a temporary directory);
//! otherwise the platform's per-user data directory from [`directories::ProjectDirs`]
//! (`~/.local/share/eipdesk` on Linux, `~/Library/Application Support/dev.eipdesk.EIP-Desk`
//! on macOS, `%APPDATA%\eipdesk\EIP Desk\data` on Windows).

use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// Environment variable that overrides the data directory.
pub const HOME_ENV: &str = "EIPDESK_HOME";

/// File name of the profile metadata (never holds a secret).
pub const PROFILES_FILE: &str = "profiles.toml";

/// Why no data directory could be found.
#[derive(Debug, thiserror::Error)]
pub enum PathsError {
    /// `EIPDESK_HOME` is set but empty or relative.
    #[error("{HOME_ENV} must be an absolute path, got {0:?}")]
    InvalidOverride(PathBuf),
    /// The platform reports no home directory for this user.
    #[error("no home directory found for the current user; set {HOME_ENV} to a directory")]
    NoHome,
}

impl PathsError {
    /// Stable machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            Self::InvalidOverride(_) => "paths.invalid_override",
            Self::NoHome => "paths.no_home",
        }
    }
}

/// Resolves the data directory from the process environment.
pub fn data_dir() -> Result<PathBuf, PathsError> {
    data_dir_from(std::env::var_os(HOME_ENV))
}

/// Resolves the data directory given the value of `EIPDESK_HOME` (pure apart from the
/// platform lookup, so tests can pass the override explicitly).
pub fn data_dir_from(home_override: Option<OsString>) -> Result<PathBuf, PathsError> {
    if let Some(value) = home_override {
        let path = PathBuf::from(value);
        if path.as_os_str().is_empty() || !path.is_absolute() {
            return Err(PathsError::InvalidOverride(path));
        }
        return Ok(path);
    }
    directories::ProjectDirs::from("dev", "eipdesk", "EIP Desk")
        .map(|dirs| dirs.data_dir().to_path_buf())
        .ok_or(PathsError::NoHome)
}

/// `profiles.toml` inside `data_dir`.
pub fn profiles_file(data_dir: &Path) -> PathBuf {
    data_dir.join(PROFILES_FILE)
}

/// The name one running app claims for `data_dir` (a D-Bus name element on Linux): a second
/// launch on the same data directory (same journal) finds it taken and hands over to the
/// first; another data directory (another `EIPDESK_HOME`) is another app. FNV-1a of the path,
/// so it is the same for every build.
pub fn instance_key(data_dir: &Path) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in data_dir.as_os_str().as_encoded_bytes() {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("com.eipdesk.desktop.home{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn override_must_be_absolute() {
        let err = data_dir_from(Some("relative/dir".into())).unwrap_err();
        assert_eq!(err.code(), "paths.invalid_override");
        assert!(data_dir_from(Some("".into())).is_err());
    }

    #[test]
    fn one_instance_key_per_data_dir() {
        let a = instance_key(Path::new("/home/user/.local/share/eipdesk"));
        assert_eq!(
            a,
            instance_key(Path::new("/home/user/.local/share/eipdesk"))
        );
        assert_ne!(a, instance_key(Path::new("/tmp/other-home")));
        // A valid D-Bus name: dot-separated elements of [A-Za-z0-9_-], none starting with a digit.
        assert!(a.split('.').all(|e| {
            !e.is_empty()
                && !e.starts_with(|c: char| c.is_ascii_digit())
                && e.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        }));
    }

    #[test]
    fn absolute_override_wins() {
        let dir = std::env::temp_dir().join("eipdesk-paths-test");
        assert_eq!(data_dir_from(Some(dir.clone().into())).unwrap(), dir);
        assert_eq!(profiles_file(&dir), dir.join("profiles.toml"));
    }
}
