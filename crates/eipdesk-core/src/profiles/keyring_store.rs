//! [`KeyringStore`]: the OS keychain through `keyring-core` with the platform's native store.
//!
//! - Linux and the BSDs: the Secret Service over D-Bus (`zbus-secret-service-keyring-store`,
//!   the store `keyring` v4 uses there). The connection is opened lazily by this value and
//!   retried on the next call when it failed, so starting or unlocking the keyring later
//!   needs no restart. Failures are classified by `keyring_linux.rs`.
//! - macOS and Windows: `keyring` v4's native store (Keychain Services, Credential Manager).
//!
//! Never the mock or an in-memory store: tests that need an in-memory store define their own.
//! One item per profile: service [`SERVICE`](super::keychain::SERVICE), account = profile id.

use std::fmt;
use std::sync::{Arc, Mutex};

use keyring_core::{CredentialStore, Entry, Error as KError};

use super::keychain::{KeychainError, SecretStore};

#[cfg(all(
    unix,
    not(any(target_os = "macos", target_os = "ios", target_os = "android"))
))]
#[path = "keyring_linux.rs"]
mod platform;

#[cfg(not(all(
    unix,
    not(any(target_os = "macos", target_os = "ios", target_os = "android"))
)))]
#[path = "keyring_other.rs"]
mod platform;
use alicloud_api::Secret;

/// The OS keychain.
pub struct KeyringStore {
    service: String,
    store: Mutex<Option<Arc<CredentialStore>>>,
}

impl fmt::Debug for KeyringStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("KeyringStore")
            .field("service", &self.service)
            .finish_non_exhaustive()
    }
}

impl KeyringStore {
    /// A store for items under the `eipdesk` service.
    pub fn new() -> Self {
        Self::with_service(super::keychain::SERVICE)
    }

    /// A store for items under another service name.
    pub fn with_service(service: impl Into<String>) -> Self {
        Self {
            service: service.into(),
            store: Mutex::new(None),
        }
    }

    /// The service name items are stored under.
    pub fn service(&self) -> &str {
        &self.service
    }

    fn native(&self) -> Result<Arc<CredentialStore>, KeychainError> {
        let mut guard = self.store.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(store) = guard.as_ref() {
            return Ok(store.clone());
        }
        let store = platform::open_native()?;
        *guard = Some(store.clone());
        Ok(store)
    }

    fn entry(&self, account: &str, label: Option<&str>) -> Result<Entry, KeychainError> {
        let store = self.native()?;
        platform::build_entry(&store, &self.service, account, label).map_err(|e| self.classify(e))
    }

    fn write(
        &self,
        account: &str,
        label: Option<&str>,
        secret: &Secret,
    ) -> Result<(), KeychainError> {
        let entry = self.entry(account, label)?;
        entry
            .set_password(secret.expose())
            .map_err(|e| self.classify(e))?;
        tracing::debug!(service = %self.service, account, "keychain item written");
        Ok(())
    }

    /// Maps a keyring error; connection-level failures drop the cached connection so the
    /// next call reconnects.
    fn classify(&self, err: KError) -> KeychainError {
        let mapped = platform::classify(err);
        if matches!(
            mapped,
            KeychainError::NoSessionBus { .. } | KeychainError::NoProvider
        ) {
            *self.store.lock().unwrap_or_else(|p| p.into_inner()) = None;
        }
        mapped
    }
}

impl Default for KeyringStore {
    fn default() -> Self {
        Self::new()
    }
}

impl SecretStore for KeyringStore {
    fn set(&self, account: &str, secret: &Secret) -> Result<(), KeychainError> {
        self.write(account, None, secret)
    }

    fn set_labelled(
        &self,
        account: &str,
        label: &str,
        secret: &Secret,
    ) -> Result<(), KeychainError> {
        self.write(account, Some(label), secret)
    }

    fn get(&self, account: &str) -> Result<Option<Secret>, KeychainError> {
        let entry = self.entry(account, None)?;
        match entry.get_password() {
            Ok(text) => Ok(Some(Secret::from(text))),
            Err(KError::NoEntry) => Ok(None),
            Err(KError::BadEncoding(_)) => Err(KeychainError::Failure {
                detail: "the keychain item is not UTF-8 text".into(),
            }),
            Err(e) => Err(self.classify(e)),
        }
    }

    fn delete(&self, account: &str) -> Result<bool, KeychainError> {
        let entry = self.entry(account, None)?;
        match entry.delete_credential() {
            Ok(()) => {
                tracing::debug!(service = %self.service, account, "keychain item deleted");
                Ok(true)
            }
            Err(KError::NoEntry) => Ok(false),
            Err(e) => Err(self.classify(e)),
        }
    }

    fn check(&self) -> Result<(), KeychainError> {
        self.native()?;
        let result = platform::check();
        if matches!(
            result,
            Err(KeychainError::NoSessionBus { .. } | KeychainError::NoProvider)
        ) {
            *self.store.lock().unwrap_or_else(|p| p.into_inner()) = None;
        }
        result
    }
}
