//! The [`SecretStore`] trait (where profile secrets live) and its keychain errors.
//!
//! The only production implementation is [`KeyringStore`](super::keyring_store::KeyringStore),
//! the OS keychain through `keyring` v4 / `keyring-core`. There is no plaintext fallback: when
//! the keychain is unavailable, callers get a [`KeychainError`] that says why and what to do.

use std::fmt;

use alicloud_api::Secret;

use crate::error_hint::ErrorHint;
use crate::error_text::ErrorText;
use crate::text::Message;

/// Keychain service name under which every EIP Desk item is stored.
pub const SERVICE: &str = "eipdesk";

/// The keychain account of a RAM role profile's cached session (kept by `eipdesk-cli`
/// between runs; temporary credentials only).
pub fn session_account(profile: &str) -> String {
    format!("session:{profile}")
}

/// The label of a profile's keychain item: its name (what a user looks for in Seahorse or
/// Keychain Access) and its id (what EIP Desk looks up).
pub fn item_label(profile_name: &str, account: &str) -> String {
    format!("EIP Desk: {profile_name} ({account})")
}

/// A place that keeps one secret text per account (the account is a profile id).
///
/// Calls may block (D-Bus round trips, an unlock prompt): call them off the UI thread.
pub trait SecretStore: Send + Sync + fmt::Debug {
    /// Creates or replaces the item for `account`.
    fn set(&self, account: &str, secret: &Secret) -> Result<(), KeychainError>;

    /// Like [`set`](Self::set), with the label a keychain manager shows for the item (the
    /// profile's name). Stores without labels ignore it.
    fn set_labelled(
        &self,
        account: &str,
        label: &str,
        secret: &Secret,
    ) -> Result<(), KeychainError> {
        let _ = label;
        self.set(account, secret)
    }
    /// Reads the item for `account`; `Ok(None)` when there is none.
    fn get(&self, account: &str) -> Result<Option<Secret>, KeychainError>;
    /// Deletes the item for `account`; `Ok(false)` when there was none.
    fn delete(&self, account: &str) -> Result<bool, KeychainError>;
    /// Checks that the store is reachable and usable, without touching any item.
    fn check(&self) -> Result<(), KeychainError>;
}

/// Why the keychain could not be used. Never carries secret material.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeychainError {
    /// No D-Bus session bus (Linux): not in a desktop session, or
    /// `DBUS_SESSION_BUS_ADDRESS` points at nothing.
    #[error("{}", self.text())]
    NoSessionBus {
        /// What the connection attempt reported.
        detail: String,
    },
    /// The session bus has no Secret Service provider (gnome-keyring, KeePassXC, KWallet).
    #[error("{}", self.text())]
    NoProvider,
    /// The keyring/collection is locked (or the unlock prompt was dismissed).
    #[error("{}", self.text())]
    Locked {
        /// Which lock or prompt failed.
        detail: String,
    },
    /// The keychain refused access to the item.
    #[error("{}", self.text())]
    AccessDenied {
        /// What the keychain reported.
        detail: String,
    },
    /// More than one keychain item matches one profile.
    #[error("{}", self.text())]
    Ambiguous,
    /// This platform has no supported keychain.
    #[error("{}", self.text())]
    Unsupported,
    /// Any other keychain failure.
    #[error("{}", self.text())]
    Failure {
        /// What the keychain reported.
        detail: String,
    },
}

impl KeychainError {
    /// Stable machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            Self::NoSessionBus { .. } => "keychain.no_session_bus",
            Self::NoProvider => "keychain.no_provider",
            Self::Locked { .. } => "keychain.locked",
            Self::AccessDenied { .. } => "keychain.access_denied",
            Self::Ambiguous => "keychain.ambiguous",
            Self::Unsupported => "keychain.unsupported",
            Self::Failure { .. } => "keychain.failure",
        }
    }

    /// What went wrong, as a message key (the `Display` text is its English).
    pub fn text(&self) -> ErrorText {
        match self {
            Self::NoSessionBus { detail } => ErrorText::KeychainNoSessionBus {
                detail: detail.clone(),
            },
            Self::NoProvider => ErrorText::KeychainNoProvider,
            Self::Locked { detail } => ErrorText::KeychainLocked {
                detail: detail.clone(),
            },
            Self::AccessDenied { detail } => ErrorText::KeychainAccessDenied {
                detail: detail.clone(),
            },
            Self::Ambiguous => ErrorText::KeychainAmbiguous,
            Self::Unsupported => ErrorText::KeychainUnsupported,
            Self::Failure { detail } => ErrorText::KeychainFailure {
                detail: detail.clone(),
            },
        }
    }

    /// What the user can do about it, as a message key.
    pub fn hint_text(&self) -> ErrorHint {
        match self {
            Self::NoSessionBus { .. } => ErrorHint::KeychainNoSessionBus,
            Self::NoProvider => ErrorHint::KeychainNoProvider,
            Self::Locked { .. } => ErrorHint::KeychainLocked,
            Self::AccessDenied { .. } => ErrorHint::KeychainAccessDenied,
            Self::Ambiguous => ErrorHint::KeychainAmbiguous,
            Self::Unsupported => ErrorHint::KeychainUnsupported,
            Self::Failure { .. } => ErrorHint::KeychainFailure,
        }
    }

    /// What the user can do about it, in English.
    pub fn hint(&self) -> String {
        self.hint_text().english()
    }
}
