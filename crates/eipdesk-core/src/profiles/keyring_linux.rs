//! Secret Service specifics (Linux and the BSDs): turning `keyring-core` errors into
//! [`KeychainError`]s that say *which* problem it is, and the availability check.
//!
//! Connection-level failures are diagnosed directly on the session bus: can we connect at
//! all (else [`KeychainError::NoSessionBus`]), and does anybody own or activate
//! `org.freedesktop.secrets` (else [`KeychainError::NoProvider`])?

use std::sync::Arc;

use keyring_core::{CredentialStore, Entry, Error as KError};
use secret_service::Error as SsError;

use crate::profiles::keychain::KeychainError;

/// The Secret Service's well-known bus name.
const SECRETS_BUS_NAME: &str = "org.freedesktop.secrets";

/// Opens a connection to the Secret Service (`keyring` v4's Linux store).
pub(super) fn open_native() -> Result<Arc<CredentialStore>, KeychainError> {
    let store: Arc<CredentialStore> =
        zbus_secret_service_keyring_store::Store::new().map_err(classify)?;
    Ok(store)
}

/// An entry for `service`/`account`, labelled for keychain managers such as Seahorse
/// (`label` when a new item is written, else a generic one).
pub(super) fn build_entry(
    store: &Arc<CredentialStore>,
    service: &str,
    account: &str,
    label: Option<&str>,
) -> keyring_core::Result<Entry> {
    let label = label
        .map(str::to_string)
        .unwrap_or_else(|| format!("EIP Desk credentials ({account})"));
    let modifiers = std::collections::HashMap::from([("label", label.as_str())]);
    Entry::new_in_store_with_modifiers(store, service, account, &modifiers)
}

/// Classifies a `keyring-core` error from the Secret Service store.
pub(super) fn classify(err: KError) -> KeychainError {
    match err {
        KError::NoStorageAccess(inner) => match inner.downcast_ref::<SsError>() {
            Some(SsError::Prompt) => KeychainError::Locked {
                detail: "the unlock prompt was dismissed or could not be shown".into(),
            },
            Some(SsError::NoResult) => KeychainError::Locked {
                detail: "the Secret Service has no default collection (login keyring)".into(),
            },
            Some(SsError::Locked) => KeychainError::Locked {
                detail: "the collection is locked".into(),
            },
            _ => KeychainError::AccessDenied {
                detail: inner.to_string(),
            },
        },
        KError::PlatformFailure(inner) => match inner.downcast_ref::<SsError>() {
            Some(ss) => classify_service_error(ss),
            None => KeychainError::Failure {
                detail: inner.to_string(),
            },
        },
        KError::Ambiguous(_) => KeychainError::Ambiguous,
        KError::NoDefaultStore => KeychainError::Unsupported,
        other => KeychainError::Failure {
            detail: other.to_string(),
        },
    }
}

fn classify_service_error(err: &SsError) -> KeychainError {
    match err {
        SsError::Unavailable => diagnose(),
        SsError::Locked | SsError::Prompt | SsError::NoResult => KeychainError::Locked {
            detail: err.to_string(),
        },
        SsError::Zbus(z) => classify_zbus(z, err),
        SsError::ZbusFdo(fdo) => classify_dbus_name(&fdo_name(fdo), err),
        _ => KeychainError::Failure {
            detail: err.to_string(),
        },
    }
}

fn classify_zbus(z: &zbus::Error, outer: &SsError) -> KeychainError {
    match z {
        zbus::Error::MethodError(name, _, _) => classify_dbus_name(name.as_str(), outer),
        zbus::Error::FDO(fdo) => classify_dbus_name(&fdo_name(fdo), outer),
        zbus::Error::Address(_) | zbus::Error::InputOutput(_) | zbus::Error::Handshake(_) => {
            diagnose()
        }
        _ => KeychainError::Failure {
            detail: outer.to_string(),
        },
    }
}

fn fdo_name(fdo: &zbus::fdo::Error) -> String {
    use zbus::DBusError;
    fdo.name().as_str().to_string()
}

fn classify_dbus_name(name: &str, outer: &SsError) -> KeychainError {
    match name {
        "org.freedesktop.DBus.Error.ServiceUnknown"
        | "org.freedesktop.DBus.Error.NameHasNoOwner"
        | "org.freedesktop.DBus.Error.Spawn.ChildExited"
        | "org.freedesktop.DBus.Error.Spawn.ExecFailed"
        | "org.freedesktop.DBus.Error.Spawn.ServiceNotFound" => KeychainError::NoProvider,
        "org.freedesktop.Secret.Error.IsLocked" => KeychainError::Locked {
            detail: "the collection is locked".into(),
        },
        "org.freedesktop.DBus.Error.AccessDenied" | "org.freedesktop.DBus.Error.AuthFailed" => {
            KeychainError::AccessDenied {
                detail: outer.to_string(),
            }
        }
        _ => KeychainError::Failure {
            detail: outer.to_string(),
        },
    }
}

/// Looks at the session bus directly to tell "no bus" from "no provider".
fn diagnose() -> KeychainError {
    let conn = match zbus::blocking::Connection::session() {
        Ok(conn) => conn,
        Err(e) => {
            return KeychainError::NoSessionBus {
                detail: e.to_string(),
            };
        }
    };
    let proxy = match zbus::blocking::fdo::DBusProxy::new(&conn) {
        Ok(proxy) => proxy,
        Err(e) => {
            return KeychainError::NoSessionBus {
                detail: e.to_string(),
            };
        }
    };
    let Ok(name) = zbus::names::BusName::try_from(SECRETS_BUS_NAME) else {
        return KeychainError::NoProvider;
    };
    let owned = proxy.name_has_owner(name).unwrap_or(false);
    let activatable = proxy
        .list_activatable_names()
        .map(|names| names.iter().any(|n| n.as_str() == SECRETS_BUS_NAME))
        .unwrap_or(false);
    if owned || activatable {
        KeychainError::Failure {
            detail: "the Secret Service provider is present but did not answer".into(),
        }
    } else {
        KeychainError::NoProvider
    }
}

/// Availability check: the Secret Service answers, has a default collection (the login
/// keyring) and that collection is unlocked. Never prompts and never reads a secret.
pub(super) fn check() -> Result<(), KeychainError> {
    use secret_service::EncryptionType;
    use secret_service::blocking::SecretService;
    let ss = SecretService::connect(EncryptionType::Dh).map_err(|e| classify_service_error(&e))?;
    let collection = ss.get_default_collection().map_err(|e| match e {
        SsError::NoResult => KeychainError::Locked {
            detail: "the Secret Service has no default collection (login keyring)".into(),
        },
        other => classify_service_error(&other),
    })?;
    match collection.is_locked() {
        Ok(false) => Ok(()),
        Ok(true) => Err(KeychainError::Locked {
            detail: "the default collection is locked".into(),
        }),
        Err(e) => Err(classify_service_error(&e)),
    }
}
