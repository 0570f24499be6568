//! Opening what the app uses (the data directory's `profiles.toml`, the OS keychain) and
//! finding the profile a command names, or the app's active profile when it names none.

use std::sync::Arc;

use eipdesk_core::profiles::{KeyringStore, Profile, ProfileId, ProfileStore};

use crate::error::CliError;

/// The profile store and keychain of this user, shared with the EIP Desk app.
pub struct Context {
    /// Profiles (metadata in `profiles.toml`, secrets in the keychain).
    pub store: ProfileStore,
    /// The keychain itself (also holds the cached role sessions).
    pub keychain: Arc<KeyringStore>,
}

impl Context {
    /// Opens the data directory (`EIPDESK_HOME` or the platform's) and the keychain. Does
    /// not touch the keychain yet.
    pub fn open() -> Result<Self, CliError> {
        let dir = eipdesk_core::paths::data_dir().map_err(|e| CliError::Other(e.to_string()))?;
        let keychain = Arc::new(KeyringStore::new());
        let store = ProfileStore::open(&dir, keychain.clone())?;
        Ok(Self { store, keychain })
    }

    /// The profile named `name` (case-insensitively, or by id); the app's active profile
    /// when `None`.
    pub fn profile(&self, name: Option<&str>) -> Result<&Profile, CliError> {
        let Some(name) = name else {
            return Ok(self.store.get(self.store.active_id())?);
        };
        let wanted = name.trim();
        let by_name = self
            .store
            .list()
            .into_iter()
            .find(|p| p.name.eq_ignore_ascii_case(wanted) || p.name == wanted);
        let id = match by_name {
            Some(p) => p.id,
            None => {
                ProfileId::parse(wanted).ok_or_else(|| CliError::UnknownProfile(name.into()))?
            }
        };
        self.store
            .get(&id)
            .map_err(|_| CliError::UnknownProfile(name.into()))
    }
}
