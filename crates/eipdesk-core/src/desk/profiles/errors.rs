//! The IPC shape ([`ErrorDto`]) of profile, keychain, connection and import errors: their
//! stable `code()`, a message without secrets, the RequestId of a failed Alibaba Cloud call
//! (also of the AssumeRole behind a RAM role profile) and the `hint()` saying what to do.

use crate::error::{ErrorDto, ErrorKind};
use crate::profiles::import::ImportError;
use crate::profiles::{ConnectError, KeychainError, ProfileError};

fn dto(kind: ErrorKind, code: &str, message: String, hint: String) -> ErrorDto {
    ErrorDto {
        kind,
        code: code.to_string(),
        message,
        request_id: None,
        hint: Some(hint),
    }
}

/// A keychain failure.
pub fn keychain_error_dto(e: &KeychainError) -> ErrorDto {
    dto(
        ErrorKind::Keychain,
        e.code(),
        e.to_string(),
        e.hint().to_string(),
    )
}

fn profile_kind(e: &ProfileError) -> ErrorKind {
    match e {
        ProfileError::Keychain(_) => ErrorKind::Keychain,
        ProfileError::NotFound(_) => ErrorKind::NotFound,
        ProfileError::NameTaken(_)
        | ProfileError::Invalid(_)
        | ProfileError::Builtin(_)
        | ProfileError::InUse { .. }
        | ProfileError::SourceChain { .. } => ErrorKind::InvalidInput,
        ProfileError::SecretMissing { .. } | ProfileError::SecretCorrupt { .. } => ErrorKind::Auth,
        ProfileError::Read { .. } | ProfileError::CorruptFile { .. } | ProfileError::Write(_) => {
            ErrorKind::Internal
        }
    }
}

/// A profile operation failure.
pub fn profile_error_dto(e: &ProfileError) -> ErrorDto {
    dto(profile_kind(e), e.code(), e.to_string(), e.hint())
}

/// A failed connection (building credentials, the AssumeRole of a role, or the call).
pub fn connect_error_dto(e: &ConnectError) -> ErrorDto {
    match e {
        ConnectError::Profile(p) => profile_error_dto(p),
        ConnectError::SandboxUnavailable => {
            dto(ErrorKind::Internal, e.code(), e.to_string(), e.hint())
        }
        ConnectError::Api(inner) => {
            let api = e.api_error().unwrap_or(inner);
            let mut out = crate::error::api_error_dto(api);
            if e.code() == "connect.credentials" {
                // Keep the Alibaba code and RequestId of the AssumeRole, say it was the role.
                out.kind = ErrorKind::Auth;
                out.message = format!("{} ({})", e, out.message);
                out.hint = Some(e.hint());
            }
            out
        }
    }
}

/// A failed import (nothing was imported).
pub fn import_error_dto(e: &ImportError) -> ErrorDto {
    let kind = match e {
        ImportError::Profile { source, .. } => profile_kind(source),
        ImportError::SourceMissing { .. } | ImportError::UnknownCandidate { .. } => {
            ErrorKind::NotFound
        }
        ImportError::Read { .. } => ErrorKind::Internal,
        ImportError::TooLarge { .. }
        | ImportError::Malformed { .. }
        | ImportError::DuplicateSelection { .. }
        | ImportError::NotImportable { .. } => ErrorKind::InvalidInput,
    };
    dto(kind, e.code(), e.to_string(), e.hint())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keychain_errors_keep_their_code_and_hint() {
        let e = ProfileError::Keychain(KeychainError::Locked {
            detail: "collection login".into(),
        });
        let d = profile_error_dto(&e);
        assert_eq!(d.kind, ErrorKind::Keychain);
        assert_eq!(d.code, "keychain.locked");
        assert!(d.hint.unwrap().contains("Unlock"));
        let c = connect_error_dto(&ConnectError::Profile(e));
        assert_eq!(c.code, "keychain.locked");
    }

    #[test]
    fn input_errors_are_invalid_input() {
        let d = profile_error_dto(&ProfileError::NameTaken("prod".into()));
        assert_eq!(d.kind, ErrorKind::InvalidInput);
        assert_eq!(d.code, "profile.name_taken");
        let d = import_error_dto(&ImportError::DuplicateSelection {
            key: "env:x".into(),
        });
        assert_eq!(d.code, "import.duplicate_selection");
        assert_eq!(d.kind, ErrorKind::InvalidInput);
    }
}
