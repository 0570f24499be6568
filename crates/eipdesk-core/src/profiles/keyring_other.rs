//! Keychain specifics for macOS and Windows (`keyring` v4's native Keychain Services and
//! Credential Manager stores) and for platforms without a supported keychain.

use std::sync::Arc;

use keyring_core::{CredentialStore, Entry, Error as KError};

use crate::profiles::keychain::KeychainError;

/// The native store `keyring` v4 selects for this platform.
#[cfg(any(target_os = "macos", target_os = "windows"))]
pub(super) fn open_native() -> Result<Arc<CredentialStore>, KeychainError> {
    if let Err(e) = keyring::Entry::store_status() {
        return Err(KeychainError::Failure {
            detail: e.to_string(),
        });
    }
    keyring_core::get_default_store().ok_or(KeychainError::Unsupported)
}

/// No supported keychain here.
#[cfg(not(any(target_os = "macos", target_os = "windows")))]
pub(super) fn open_native() -> Result<Arc<CredentialStore>, KeychainError> {
    Err(KeychainError::Unsupported)
}

/// An entry for `service`/`account`.
pub(super) fn build_entry(
    store: &Arc<CredentialStore>,
    service: &str,
    account: &str,
    _label: Option<&str>,
) -> keyring_core::Result<Entry> {
    Entry::new_in_store(store, service, account)
}

/// These stores need no separate availability probe: opening them is the check.
pub(super) fn check() -> Result<(), KeychainError> {
    Ok(())
}

/// Maps a `keyring-core` error.
pub(super) fn classify(err: KError) -> KeychainError {
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
