//! What went wrong, for the core's own errors, as message keys ([`ErrorText`], catalogue
//! prefix `emsg`): the profile, keychain, connection and import failures users meet most. Their
//! `Display` (CLI, logs) is [`Message::english`] of the same value, so each sentence is written
//! once, in the catalogue. Names, IDs, paths and what the system reported travel verbatim.
//! An Alibaba Cloud error's own `Message` is the cloud's text and never goes through here.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::text::Message;

/// One error message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "key", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum ErrorText {
    // The keychain (`detail` is what the system reported).
    KeychainNoSessionBus {
        detail: String,
    },
    KeychainNoProvider,
    KeychainLocked {
        detail: String,
    },
    KeychainAccessDenied {
        detail: String,
    },
    KeychainAmbiguous,
    KeychainUnsupported,
    KeychainFailure {
        detail: String,
    },
    // Profiles.
    ProfileNotFound {
        id: String,
    },
    ProfileNameTaken {
        name: String,
    },
    ProfileInUse {
        names: String,
    },
    ProfileSourceChain {
        max: usize,
    },
    ProfileSecretMissing {
        name: String,
    },
    ProfileSecretCorrupt {
        name: String,
        reason: String,
    },
    // Connecting.
    ConnectSandbox,
    // Importing (`candidate`: the selection key; `key` is the tag).
    ImportSourceMissing {
        candidate: String,
    },
    ImportUnknownCandidate {
        candidate: String,
    },
    ImportDuplicate {
        candidate: String,
    },
    ImportTooLarge {
        path: String,
        bytes: u64,
    },
    ImportNotImportable {
        candidate: String,
        import_reason: crate::profiles::import::ImportReason,
    },
    ImportRead {
        path: String,
        detail: String,
    },
    /// Creating the profile failed, for `cause`.
    ImportProfileFailed {
        candidate: String,
        cause: Box<ErrorText>,
    },
    ImportMalformed {
        path: String,
        file_problem: crate::profiles::import::FileProblem,
    },
    ImportMalformedLine {
        path: String,
        line: usize,
        file_problem: crate::profiles::import::FileProblem,
    },
    ImportMalformedAt {
        path: String,
        line: usize,
        column: usize,
        file_problem: crate::profiles::import::FileProblem,
    },
    // Profile input and the profiles file (`field` is the DTO's field name, for the form).
    ProfileInvalid {
        field: String,
        field_label: crate::profiles::validate::FieldLabel,
        field_reason: crate::profiles::validate::FieldReason,
    },
    // The built-in Sandbox profile cannot be changed so.
    SandboxNotDeleted,
    SandboxNotRenamed,
    SandboxNoCredentials,
    SandboxNotInTerminal,
    ProfileRead {
        path: String,
        detail: String,
    },
    ProfileFileCorrupt {
        path: String,
        detail: String,
    },
    FileWrite {
        path: String,
        detail: String,
    },
    // The aliyun CLI's configuration file.
    ConfigNoHome,
    ConfigStructure {
        path: String,
        detail: String,
    },
    ConfigChanged {
        path: String,
    },
    ConfigMissing {
        path: String,
    },
    ConfigNameTaken {
        name: String,
    },
    ConfigUnknownBackup {
        name: String,
    },
    ConfigBackup {
        path: String,
        detail: String,
    },
    // Exports (CSV, the audit log) and the save dialog.
    ExportNotAbsolute {
        path: String,
    },
    ExportIsFolder {
        path: String,
    },
    ExportNoFolder {
        folder: String,
    },
    ExportWouldReplace {
        path: String,
    },
    ExportWrite {
        path: String,
        detail: String,
    },
    SaveDialogFailed {
        detail: String,
    },
    SaveDialogNoPath {
        detail: String,
    },
    NotExported {
        path: String,
    },
    NoFileManager {
        path: String,
        detail: String,
    },
    // The inventory.
    InventoryCancelled,
    InventoryRowNotFound {
        id: String,
    },
    // An ID that does not parse (`value` as typed).
    InvalidEipId {
        value: String,
    },
    InvalidEniId {
        value: String,
    },
    InvalidInstanceId {
        value: String,
    },
    InvalidRunId {
        value: String,
    },
    InvalidRegionId {
        value: String,
    },
    // Runs and their journal (`detail` is what the database reported).
    RunNotFound {
        id: String,
    },
    RunBusy {
        run: String,
        resource: String,
    },
    RunOtherProfile {
        profile: String,
    },
    JournalDb {
        detail: String,
    },
    JournalCorrupt {
        detail: String,
    },
    JournalSchema {
        detail: String,
    },
    // Starting and steering a run.
    /// A bind or lifecycle form that cannot become a job.
    InvalidForm {
        form_problem: crate::binding::form_text::FormProblem,
    },
    /// The binding cannot run, for these reasons (the English joins them with `; `).
    RunPreflight {
        reasons: Vec<crate::binding::texts::ReasonText>,
    },
    /// These warnings are not confirmed yet (the English joins them with a space).
    RunUnconfirmed {
        warnings: Vec<crate::binding::texts::UnconfirmedWarning>,
    },
    RunCannotResume {
        id: String,
        run_status: crate::journal::RunStatus,
    },
    RunCannotRollBack {
        id: String,
        run_status: crate::journal::RunStatus,
    },
    RunCannotCancel {
        id: String,
        run_status: crate::journal::RunStatus,
    },
    /// A step's state did not come: `expected` (the state waited for), `seen` (what it is).
    StepStateMismatch {
        expected: crate::binding::step_text::WaitText,
        seen: crate::workflow::observe::SeenText,
    },
    /// The final state is not as planned (the English joins the checks with `; `).
    StepVerifyFailed {
        checks: Vec<crate::workflow::observe::StateCheck>,
    },
    StepWaitTimeout {
        expected: crate::binding::step_text::WaitText,
        #[ts(type = "number")]
        seconds: u64,
        seen: crate::workflow::observe::SeenText,
    },
    /// A security-group rule is not as the call should have left it (`what`: `TCP 22/22`,
    /// `ICMP (ping)`).
    AccessRuleMissing {
        what: String,
        cidr: String,
        group: String,
    },
    AccessRuleStillThere {
        what: String,
        cidr: String,
        group: String,
    },
    // Guest steps run through Cloud Assistant (`output`: the script's last lines).
    GuestNotVerified {
        detail: String,
    },
    GuestScriptNoEnd {
        invoke_id: String,
        #[ts(type = "number")]
        seconds: u64,
        status: String,
    },
    GuestScriptFailed {
        instance: String,
        #[ts(type = "number")]
        exit_code: i64,
        output: String,
    },
    GuestScriptStopped {
        instance: String,
        seconds: u32,
        output: String,
    },
    GuestScriptNotRun {
        instance: String,
        status: String,
        error_code: String,
        error_info: String,
    },
    // The app itself.
    ArgInvalid {
        field: String,
        problem: String,
    },
    SandboxFailed {
        detail: String,
    },
    BackgroundStopped {
        detail: String,
    },
    DataDirPrivate {
        path: String,
        detail: String,
    },
    /// The app opened the Sandbox instead of profile `name`, for `cause` (worded).
    SandboxFallback {
        name: String,
        cause: Box<ErrorText>,
    },
    /// The same, when the cause has no words of its own (an Alibaba Cloud message).
    SandboxFallbackVerbatim {
        name: String,
        detail: String,
    },
}

impl Message for ErrorText {
    const PREFIX: &'static str = "emsg";

    /// The catalogue's English; inputs that are lists of another family's sentences, or a
    /// step's state, are worded first (the UI's localizers word the same inputs).
    fn english(&self) -> String {
        let nested: Vec<(&str, String)> = match self {
            Self::RunPreflight { reasons } => vec![(
                "reasons",
                reasons
                    .iter()
                    .map(crate::binding::texts::ReasonText::english)
                    .collect::<Vec<_>>()
                    .join("; "),
            )],
            Self::RunUnconfirmed { warnings } => vec![(
                "warnings",
                warnings
                    .iter()
                    .map(crate::binding::texts::UnconfirmedWarning::english)
                    .collect::<Vec<_>>()
                    .join(" "),
            )],
            Self::StepVerifyFailed { checks } => vec![(
                "checks",
                checks
                    .iter()
                    .map(Message::english)
                    .collect::<Vec<_>>()
                    .join("; "),
            )],
            Self::InvalidForm { form_problem } => vec![("formProblem", form_problem.english())],
            Self::StepStateMismatch { expected, seen }
            | Self::StepWaitTimeout { expected, seen, .. } => vec![
                ("expected", crate::binding::step_text::english(expected)),
                ("seen", seen.english()),
            ],
            _ => Vec::new(),
        };
        let mut value = serde_json::to_value(self).unwrap_or(serde_json::Value::Null);
        if let serde_json::Value::Object(map) = &mut value {
            for (name, words) in nested {
                map.insert(name.to_string(), serde_json::Value::String(words));
            }
        }
        crate::text::english_of(Self::PREFIX, &value)
    }
}

impl ErrorText {
    /// A failed atomic write.
    pub fn file_write(e: &crate::fsutil::WriteError) -> Self {
        Self::FileWrite {
            path: e.path.display().to_string(),
            detail: e.source.to_string(),
        }
    }
}

impl std::fmt::Display for ErrorText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.english())
    }
}

#[cfg(test)]
mod tests {
    use super::ErrorText;
    use crate::error::ErrorDto;
    use crate::profiles::import::ImportError;
    use crate::profiles::{ConnectError, KeychainError, ProfileError};
    use crate::text::Message;

    fn message_key(dto: &ErrorDto) -> Option<ErrorText> {
        dto.words.as_ref().and_then(|w| w.message.clone())
    }

    #[test]
    fn our_errors_send_their_message_as_a_key_and_keep_their_english() {
        let taken = ErrorDto::from(ProfileError::NameTaken("prod".into()));
        assert_eq!(
            message_key(&taken),
            Some(ErrorText::ProfileNameTaken {
                name: "prod".into()
            })
        );
        assert_eq!(taken.message, "a profile named \"prod\" already exists");

        let locked = ProfileError::Keychain(KeychainError::Locked {
            detail: "collection login".into(),
        });
        assert_eq!(
            locked.to_string(),
            "the keyring is locked (collection login)"
        );
        let dto = ErrorDto::from(ConnectError::Profile(locked));
        assert_eq!(
            message_key(&dto),
            Some(ErrorText::KeychainLocked {
                detail: "collection login".into()
            })
        );

        let twice = ErrorDto::from(ImportError::DuplicateSelection {
            key: "env:default".into(),
        });
        assert_eq!(twice.message, "env:default is selected twice");
        let json = serde_json::to_value(&twice).unwrap();
        assert_eq!(
            json["words"]["message"],
            serde_json::json!({ "key": "importDuplicate", "candidate": "env:default" })
        );
        assert_eq!(
            ConnectError::SandboxUnavailable.to_string(),
            "the Sandbox emulator is not running"
        );
    }

    #[test]
    fn an_api_error_keeps_the_clouds_message_without_a_key() {
        let api = alicloud_api::Error::Api(alicloud_api::ApiError {
            message: "Specified access key is not found.".into(),
            ..alicloud_api::ApiError::new("InvalidAccessKeyId.NotFound", 404)
        });
        let dto = ErrorDto::from(api);
        assert_eq!(dto.message, "Specified access key is not found.");
        assert_eq!(message_key(&dto), None);
    }

    #[test]
    fn a_failed_profile_import_nests_the_profile_error() {
        let e = ImportError::Profile {
            key: "aliyun-cli:prod".into(),
            source: ProfileError::NameTaken("prod".into()),
        };
        let text = e.text().unwrap();
        assert_eq!(text.english(), e.to_string());
        assert_eq!(
            serde_json::to_value(&text).unwrap(),
            serde_json::json!({
                "key": "importProfileFailed",
                "candidate": "aliyun-cli:prod",
                "cause": { "key": "profileNameTaken", "name": "prod" },
            })
        );
    }

    #[test]
    fn the_sandbox_refusals_have_words_and_keep_their_display() {
        let e = ProfileError::Builtin("deleted");
        assert_eq!(e.text(), Some(ErrorText::SandboxNotDeleted));
        assert_eq!(
            e.to_string(),
            "the built-in Sandbox profile cannot be deleted"
        );
        for what in ["renamed", "given credentials", "used from a terminal"] {
            let e = ProfileError::Builtin(what);
            assert_eq!(e.text().map(|t| t.english()), Some(e.to_string()));
        }
    }
}
