//! In-memory [`SecretStore`] for unit tests only (compiled under `cfg(test)`), with a switch
//! to simulate an unavailable keychain.

use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use super::keychain::{KeychainError, SecretStore};
use alicloud_api::Secret;

#[derive(Debug, Default)]
pub(crate) struct MemorySecretStore {
    items: Mutex<HashMap<String, String>>,
    locked: AtomicBool,
}

impl MemorySecretStore {
    pub(crate) fn set_locked(&self, locked: bool) {
        self.locked.store(locked, Ordering::SeqCst);
    }

    pub(crate) fn raw(&self, account: &str) -> Option<String> {
        self.items.lock().unwrap().get(account).cloned()
    }

    pub(crate) fn len(&self) -> usize {
        self.items.lock().unwrap().len()
    }

    fn gate(&self) -> Result<(), KeychainError> {
        if self.locked.load(Ordering::SeqCst) {
            Err(KeychainError::Locked {
                detail: "test lock".into(),
            })
        } else {
            Ok(())
        }
    }
}

impl SecretStore for MemorySecretStore {
    fn set(&self, account: &str, secret: &Secret) -> Result<(), KeychainError> {
        self.gate()?;
        self.items
            .lock()
            .unwrap()
            .insert(account.to_string(), secret.expose().to_string());
        Ok(())
    }

    fn get(&self, account: &str) -> Result<Option<Secret>, KeychainError> {
        self.gate()?;
        Ok(self
            .items
            .lock()
            .unwrap()
            .get(account)
            .map(|s| Secret::from(s.as_str())))
    }

    fn delete(&self, account: &str) -> Result<bool, KeychainError> {
        self.gate()?;
        Ok(self.items.lock().unwrap().remove(account).is_some())
    }

    fn check(&self) -> Result<(), KeychainError> {
        self.gate()
    }
}
