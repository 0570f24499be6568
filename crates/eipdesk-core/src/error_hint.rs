//! What the user can do about an error, as message keys ([`ErrorHint`], catalogue prefix
//! `ehint`): the hints of Alibaba Cloud API failures by kind, and of the core's own profile,
//! keychain, connection and import errors. The window words them in its language; the CLI and
//! the English `ErrorDto::hint` come from [`Message::english`], so each hint is written once,
//! in the catalogue.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::text::Message;

/// One hint. Paths travel verbatim as inputs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "key", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum ErrorHint {
    // An Alibaba Cloud call, by the class of its error.
    ApiThrottling,
    ApiTransient,
    ApiAuth,
    ApiNotFound,
    ApiInvalidState,
    ApiInvalidInput,
    ApiTransport,
    ApiDecode,
    ApiCredentials,
    // The app itself.
    Background,
    Sandbox,
    DataDir { path: String },
    // The keychain.
    KeychainNoSessionBus,
    KeychainNoProvider,
    KeychainLocked,
    KeychainAccessDenied,
    KeychainAmbiguous,
    KeychainUnsupported,
    KeychainFailure,
    // Profiles.
    ProfileNotFound,
    ProfileNameTaken,
    ProfileInvalid,
    ProfileBuiltin,
    ProfileInUse,
    ProfileSourceChain,
    ProfileSecret,
    ProfileDataDir,
    ProfileFileCorrupt,
    // Connecting a profile.
    ConnectSandbox,
    ConnectRole,
    ConnectApi,
    // Importing profiles.
    ImportRead,
    ImportNotAFile,
    ImportMalformed,
    ImportSourceChanged,
    ImportDuplicate,
    ImportNotImportable,
    // The aliyun CLI's configuration file.
    ConfigNoHome,
    ConfigFix,
    ConfigChanged,
    ConfigMissing,
    ConfigNameTaken { name: String },
    ConfigUnknownBackup,
    ConfigWrite,
    // Exports and the save dialog.
    ExportChooseFile,
    ExportNoFolder,
    ExportWouldReplace,
    ExportWrite,
    ExportRetry,
    OpenFileManager,
    OpenFileManagerPath,
    // The inventory.
    InventoryCancelled,
    InventoryRefresh,
    // IDs.
    IdPrefixed { prefix: String },
    IdRegion,
    // Runs and their steps.
    RunJournal,
    RunPreflight,
    RunConfirm,
    RunWrongState,
    RunBusy,
    StepState,
    GuestRetry,
    AccessRule,
    // The window.
    ArgReload { field: String },
}

impl Message for ErrorHint {
    const PREFIX: &'static str = "ehint";
}

impl ErrorHint {
    /// The hint for an Alibaba Cloud call's error class.
    pub fn for_api(kind: alicloud_api::ErrorKind) -> Self {
        use alicloud_api::ErrorKind as K;
        match kind {
            K::Throttling => Self::ApiThrottling,
            K::Transient => Self::ApiTransient,
            K::Auth => Self::ApiAuth,
            K::NotFound => Self::ApiNotFound,
            K::InvalidState => Self::ApiInvalidState,
            K::InvalidInput => Self::ApiInvalidInput,
            K::Transport => Self::ApiTransport,
            K::Decode => Self::ApiDecode,
            K::Credentials => Self::ApiCredentials,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::ErrorHint;
    use crate::error::{ErrorDto, ErrorKind};
    use crate::profiles::{KeychainError, ProfileError};
    use crate::text::Message;
    use alicloud_api::{ApiError, Error};

    #[test]
    fn an_api_error_sends_its_hint_as_a_key_and_keeps_its_own_words() {
        let throttled = Error::Api(ApiError {
            message: "Request was denied due to user flow control.".into(),
            request_id: "7DC0013A-FAKE".into(),
            recommend: Some("https://api.aliyun.com/troubleshoot?q=Throttling.User".into()),
            ..ApiError::new("Throttling.User", 400)
        });
        let dto = ErrorDto::from(throttled);
        assert_eq!(dto.kind, ErrorKind::Throttling);
        assert_eq!(dto.code, "Throttling.User");
        assert_eq!(dto.message, "Request was denied due to user flow control.");
        assert_eq!(
            dto.words.as_ref().and_then(|w| w.hint.as_ref()),
            Some(&ErrorHint::ApiThrottling)
        );
        assert_eq!(
            dto.recommend.as_deref().map(String::as_str),
            Some("https://api.aliyun.com/troubleshoot?q=Throttling.User")
        );
        // The CLI's English is unchanged: the hint, then the link.
        assert_eq!(
            dto.hint.as_deref(),
            Some(
                "Alibaba Cloud is rate-limiting this account; wait a moment and retry. \
                 (https://api.aliyun.com/troubleshoot?q=Throttling.User)"
            )
        );
        let json = serde_json::to_value(&dto).unwrap();
        assert_eq!(
            json["words"],
            serde_json::json!({ "message": null, "hint": { "key": "apiThrottling" } })
        );
    }

    #[test]
    fn profile_and_keychain_errors_send_their_hint_as_a_key() {
        let locked = ProfileError::Keychain(KeychainError::Locked {
            detail: "collection login".into(),
        });
        let dto = ErrorDto::from(locked);
        assert_eq!(
            dto.words.as_ref().and_then(|w| w.hint.as_ref()),
            Some(&ErrorHint::KeychainLocked)
        );
        assert!(dto.hint.unwrap().starts_with("Unlock your login keyring"));
        let taken = ErrorDto::from(ProfileError::NameTaken("prod".into()));
        assert_eq!(
            taken.words.as_ref().and_then(|w| w.hint.as_ref()),
            Some(&ErrorHint::ProfileNameTaken)
        );
        assert_eq!(taken.hint.as_deref(), Some("Choose a different name."));
    }

    #[test]
    fn a_journal_written_before_hint_keys_still_reads() {
        let old = r#"{"kind":"notFound","code":"InvalidAllocationId.NotFound","message":"gone",
                      "requestId":"R-1","hint":"The resource no longer exists; refresh the list."}"#;
        let dto: ErrorDto = serde_json::from_str(old).unwrap();
        assert_eq!(dto.words, None);
        assert_eq!(dto.recommend, None);
    }

    #[test]
    fn every_hint_has_an_english_sentence() {
        use ErrorHint as H;
        let all = [
            H::ApiThrottling,
            H::ApiTransient,
            H::ApiAuth,
            H::ApiNotFound,
            H::ApiInvalidState,
            H::ApiInvalidInput,
            H::ApiTransport,
            H::ApiDecode,
            H::ApiCredentials,
            H::Background,
            H::Sandbox,
            H::DataDir {
                path: "/fake/home".into(),
            },
            H::KeychainNoSessionBus,
            H::KeychainNoProvider,
            H::KeychainLocked,
            H::KeychainAccessDenied,
            H::KeychainAmbiguous,
            H::KeychainUnsupported,
            H::KeychainFailure,
            H::ProfileNotFound,
            H::ProfileNameTaken,
            H::ProfileInvalid,
            H::ProfileBuiltin,
            H::ProfileInUse,
            H::ProfileSourceChain,
            H::ProfileSecret,
            H::ProfileDataDir,
            H::ProfileFileCorrupt,
            H::ConnectSandbox,
            H::ConnectRole,
            H::ConnectApi,
            H::ImportRead,
            H::ImportNotAFile,
            H::ImportMalformed,
            H::ImportSourceChanged,
            H::ImportDuplicate,
            H::ImportNotImportable,
        ];
        for hint in all {
            let english = hint.english();
            assert!(english.ends_with('.'), "{hint:?}: {english}");
        }
        assert_eq!(
            H::DataDir {
                path: "/fake/home".into()
            }
            .english(),
            "Check that you own /fake/home and can change its permissions."
        );
    }
}
