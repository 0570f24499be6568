//! [`KeyringStore`]: the OS keychain through `keyring-core` with the platform's native store.
//!
//! - Linux and the BSDs: the Secret Service over D-Bus (`zbus-secret-service-keyring-store`,
//!   the store `keyring` v4 uses there). The connection is opened lazily by this value and
//!   retried on the next call when it failed, so starting or unlocking the keyring later
//!   needs no restart. Failures are classified by [`super::keyring_linux`].
//! - macOS and Windows: `keyring` v4's native store (Keychain Services, Credential Manager).
//!
//! Never the mock or an in-memory store: tests that need an in-memory store define their own.
//! One item per profile: service [`SERVICE`](super::keychain::SERVICE), account = profile id.

use std::fmt;
use std::sync::{Arc, Mutex};

use keyring_core::{CredentialStore, Entry, Error as KError};

use super::keychain::{KeychainError, SecretStore};
use super::secret::Sensitive;

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
        let store = open_native()?;
        *guard = Some(store.clone());
        Ok(store)
    }

    fn entry(&self, account: &str) -> Result<Entry, KeychainError> {
        let store = self.native()?;
        build_entry(&store, &self.service, account).map_err(|e| self.classify(e))
    }

    /// Maps a keyring error; connection-level failures drop the cached connection so the
    /// next call reconnects.
    fn classify(&self, err: KError) -> KeychainError {
        let mapped = classify(err);
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
    fn set(&self, account: &str, secret: &Sensitive) -> Result<(), KeychainError> {
        let entry = self.entry(account)?;
        entry
            .set_password(secret.expose())
            .map_err(|e| self.classify(e))?;
        tracing::debug!(service = %self.service, account, "keychain item written");
        Ok(())
    }

    fn get(&self, account: &str) -> Result<Option<Sensitive>, KeychainError> {
        let entry = self.entry(account)?;
        match entry.get_password() {
            Ok(text) => Ok(Some(Sensitive::new(text))),
            Err(KError::NoEntry) => Ok(None),
            Err(KError::BadEncoding(_)) => Err(KeychainError::Failure {
                detail: "the keychain item is not UTF-8 text".into(),
            }),
            Err(e) => Err(self.classify(e)),
        }
    }

    fn delete(&self, account: &str) -> Result<bool, KeychainError> {
        let entry = self.entry(account)?;
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
        let store = self.native()?;
        check_native(&store).map_err(|e| self.classify(e))
    }
}

#[cfg(all(
    unix,
    not(any(target_os = "macos", target_os = "ios", target_os = "android"))
))]
fn open_native() -> Result<Arc<CredentialStore>, KeychainError> {
    match zbus_secret_service_keyring_store::Store::new() {
        Ok(store) => Ok(store),
        Err(e) => Err(classify(e)),
    }
}

#[cfg(any(target_os = "macos", target_os = "windows"))]
fn open_native() -> Result<Arc<CredentialStore>, KeychainError> {
    if let Err(e) = keyring::Entry::store_status() {
        return Err(KeychainError::Failure {
            detail: e.to_string(),
        });
    }
    keyring_core::get_default_store().ok_or(KeychainError::Unsupported)
}

#[cfg(not(any(
    all(
        unix,
        not(any(target_os = "macos", target_os = "ios", target_os = "android"))
    ),
    target_os = "macos",
    target_os = "windows"
)))]
fn open_native() -> Result<Arc<CredentialStore>, KeychainError> {
    Err(KeychainError::Unsupported)
}

#[cfg(all(
    unix,
    not(any(target_os = "macos", target_os = "ios", target_os = "android"))
))]
fn build_entry(
    store: &Arc<CredentialStore>,
    service: &str,
    account: &str,
) -> keyring_core::Result<Entry> {
    let label = format!("EIP Desk credentials ({account})");
    let modifiers = std::collections::HashMap::from([("label", label.as_str())]);
    Entry::new_in_store_with_modifiers(store, service, account, &modifiers)
}

#[cfg(not(all(
    unix,
    not(any(target_os = "macos", target_os = "ios", target_os = "android"))
)))]
fn build_entry(
    store: &Arc<CredentialStore>,
    service: &str,
    account: &str,
) -> keyring_core::Result<Entry> {
    Entry::new_in_store(store, service, account)
}

#[cfg(all(
    unix,
    not(any(target_os = "macos", target_os = "ios", target_os = "android"))
))]
fn check_native(store: &Arc<CredentialStore>) -> keyring_core::Result<()> {
    super::keyring_linux::check(store)
}

#[cfg(not(all(
    unix,
    not(any(target_os = "macos", target_os = "ios", target_os = "android"))
)))]
fn check_native(_store: &Arc<CredentialStore>) -> keyring_core::Result<()> {
    Ok(())
}

#[cfg(all(
    unix,
    not(any(target_os = "macos", target_os = "ios", target_os = "android"))
))]
fn classify(err: KError) -> KeychainError {
    super::keyring_linux::classify(err)
}

#[cfg(not(all(
    unix,
    not(any(target_os = "macos", target_os = "ios", target_os = "android"))
)))]
fn classify(err: KError) -> KeychainError {
    match err {
        KError::NoStorageAccess(e) => KeychainError::AccessDenied {
            detail: e.to_string(),
        },
        KError::Ambiguous(_) => KeychainError::Ambiguous,
        KError::NoDefaultStore => KeychainError::Unsupported,
        other => KeychainError::Failure {
            detail: other.to_string(),
        },
    }
}
