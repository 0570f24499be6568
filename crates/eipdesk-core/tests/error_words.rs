//! Every error of ours that reaches the window carries its words as message keys
//! (`ErrorDto.words`), so the window shows it in the user's language, while its English
//! `message` and `hint` (the CLI, logs, the journal) stay exactly what they were. Checked on the
//! IPC shape (JSON), as the window receives it. The import dialog's refusal reasons and notes
//! travel as keys too.

mod profiles_support;

use eipdesk_core::api::{CoreError, ErrorDto, ExportError};
use eipdesk_core::ids::AllocationId;
use eipdesk_core::inventory::InventoryError;
use eipdesk_core::profiles::aliyun_config::ConfigWriteError;
use eipdesk_core::profiles::import::{self, SourceKind};
use eipdesk_core::profiles::{ProfileError, validate};
use eipdesk_core::workflow::WorkflowError;
use profiles_support::fixtures;
use profiles_support::import_fixtures::*;
use serde_json::{Value, json};

/// The DTO as JSON, with its English message and hint.
fn ipc(dto: ErrorDto) -> (Value, String, Option<String>) {
    let json = serde_json::to_value(&dto).unwrap();
    (json, dto.message, dto.hint)
}

/// Asserts the message key (`null` for none) and the hint key of `dto`.
fn assert_words(dto: ErrorDto, message: Value, hint: Value) -> (String, Option<String>) {
    let (json, english, english_hint) = ipc(dto);
    assert_eq!(json["words"]["message"], message, "{json:#}");
    assert_eq!(json["words"]["hint"], hint, "{json:#}");
    (english, english_hint)
}

#[test]
fn export_and_inventory_errors_carry_words_and_keep_their_english() {
    let (message, hint) = assert_words(
        ErrorDto::from(ExportError::NoFolder {
            folder: "/fake/out".into(),
        }),
        json!({ "key": "exportNoFolder", "folder": "/fake/out" }),
        json!({ "key": "exportNoFolder" }),
    );
    assert_eq!(message, "the folder /fake/out does not exist");
    assert_eq!(
        hint.as_deref(),
        Some("Export again and choose a folder that exists; EIP Desk does not create folders.")
    );

    let (message, hint) = assert_words(
        ErrorDto::from(InventoryError::RowNotFound("eip-gone".into())),
        json!({ "key": "inventoryRowNotFound", "id": "eip-gone" }),
        json!({ "key": "inventoryRefresh" }),
    );
    assert_eq!(message, "eip-gone is not in the loaded inventory");
    assert_eq!(hint.as_deref(), Some("Refresh the table."));

    let (message, hint) = assert_words(
        ErrorDto::from(InventoryError::Export(ExportError::WouldReplace {
            path: "/fake/eips.csv".into(),
        })),
        json!({ "key": "exportWouldReplace", "path": "/fake/eips.csv" }),
        json!({ "key": "exportWouldReplace" }),
    );
    assert_eq!(
        message,
        "/fake/eips.csv already exists and the save dialog did not ask to replace it"
    );
    assert_eq!(
        hint.as_deref(),
        Some(
            "Export again and choose that file by its full name to replace it, or type another name."
        )
    );
}

#[test]
fn aliyun_config_errors_carry_words_and_keep_their_english() {
    let (message, hint) = assert_words(
        ErrorDto::from(ConfigWriteError::NameTaken {
            name: "eipdesk-prod".into(),
        }),
        json!({ "key": "configNameTaken", "name": "eipdesk-prod" }),
        json!({ "key": "configNameTaken", "name": "eipdesk-prod" }),
    );
    assert_eq!(
        message,
        "the aliyun CLI already has a profile named \"eipdesk-prod\" that does something else"
    );
    assert_eq!(
        hint.as_deref(),
        Some(
            "Rename or remove the aliyun CLI profile \"eipdesk-prod\" (aliyun configure), then try again."
        )
    );
    let (message, hint) = assert_words(
        ErrorDto::from(ConfigWriteError::NoHome),
        json!({ "key": "configNoHome" }),
        json!({ "key": "configNoHome" }),
    );
    assert_eq!(
        message,
        "there is no home directory, so there is no aliyun CLI configuration"
    );
    assert_eq!(
        hint.as_deref(),
        Some("Set HOME or ALIBABA_CLOUD_CONFIG_FILE, then try again.")
    );
}

#[test]
fn an_invalid_id_carries_words_and_keeps_its_english() {
    let err = AllocationId::parse("ip-1").unwrap_err();
    let (message, hint) = assert_words(
        ErrorDto::from(CoreError::from(err)),
        json!({ "key": "invalidEipId", "value": "ip-1" }),
        json!({ "key": "idPrefixed", "prefix": "eip-" }),
    );
    assert_eq!(
        message,
        "`ip-1` is not a valid EIP allocation ID: expected `eip-` followed by lower-case letters and digits"
    );
    assert_eq!(
        hint.as_deref(),
        Some("Enter `eip-` followed by lower-case letters and digits.")
    );
}

#[test]
fn workflow_errors_carry_words_and_keep_their_english() {
    let (message, hint) = assert_words(
        ErrorDto::from(WorkflowError::Busy {
            run: "run-1".into(),
            resource: "eni-2".into(),
        }),
        json!({ "key": "runBusy", "run": "run-1", "resource": "eni-2" }),
        json!({ "key": "runBusy" }),
    );
    assert_eq!(
        message,
        "run run-1 is already working on eni-2; wait for it to finish"
    );
    assert_eq!(
        hint.as_deref(),
        Some("Wait for the other run, then try again.")
    );
    let (message, _) = assert_words(
        ErrorDto::from(WorkflowError::RunNotFound("run-9".into())),
        json!({ "key": "runNotFound", "id": "run-9" }),
        Value::Null,
    );
    assert_eq!(message, "run run-9 was not found");
    // A failed call keeps the cloud's words and passes its hint key on.
    let api = alicloud_api::Error::Api(alicloud_api::ApiError {
        message: "Request was denied due to user flow control.".into(),
        ..alicloud_api::ApiError::new("Throttling.User", 400)
    });
    let (message, _) = assert_words(
        ErrorDto::from(WorkflowError::from(api)),
        Value::Null,
        json!({ "key": "apiThrottling" }),
    );
    assert_eq!(message, "Request was denied due to user flow control.");
}

#[test]
fn refusals_to_start_or_steer_a_run_carry_words_and_keep_their_english() {
    use eipdesk_core::binding::Blocker;
    use eipdesk_core::binding::impact::ImpactText;
    use eipdesk_core::binding::texts::{UnconfirmedWarning, WarningText};
    use eipdesk_core::journal::RunStatus;
    use eipdesk_core::workflow::RunAction;

    let (message, hint) = assert_words(
        ErrorDto::from(WorkflowError::Preflight(vec![
            Blocker::EipNotFound {
                eip: "eip-gone".into(),
            },
            Blocker::EipNotBound {
                eip: "eip-free".into(),
            },
        ])),
        json!({ "key": "runPreflight", "reasons": [
            { "family": "binding", "text": { "key": "eipNotFound", "eip": "eip-gone" } },
            { "family": "binding", "text": { "key": "eipNotBound", "eip": "eip-free" } },
        ] }),
        json!({ "key": "runPreflight" }),
    );
    assert_eq!(
        message,
        format!(
            "the binding cannot run: {}; {}",
            Blocker::EipNotFound {
                eip: "eip-gone".into()
            },
            Blocker::EipNotBound {
                eip: "eip-free".into()
            }
        )
    );
    assert!(hint.is_some());

    let disruptive = UnconfirmedWarning {
        text: WarningText::Disruptive,
        impact: vec![ImpactText::NicDuringRun {
            instance: "i-1".into(),
            eni: "eni-1".into(),
        }],
    };
    let prepaid = UnconfirmedWarning {
        text: WarningText::PrePaidEip {
            eip: "eip-1".into(),
        },
        impact: vec![],
    };
    let (message, _) = assert_words(
        ErrorDto::from(WorkflowError::Unconfirmed(vec![disruptive, prepaid])),
        json!({ "key": "runUnconfirmed", "warnings": [
            { "text": { "key": "disruptive" }, "impact": [{ "key": "nicDuringRun", "instance": "i-1", "eni": "eni-1" }] },
            { "text": { "key": "prePaidEip", "eip": "eip-1" }, "impact": [] },
        ] }),
        json!({ "key": "runConfirm" }),
    );
    assert!(
        message.starts_with(
            "confirm first: I understand what this breaks: i-1 loses its NIC eni-1 while the job runs; "
        ),
        "{message}"
    );
    assert!(
        message.contains(" eip-1 is a subscription (PrePaid) EIP."),
        "{message}"
    );

    for (action, key, english) in [
        (RunAction::Resume, "runCannotResume", "resume"),
        (RunAction::RollBack, "runCannotRollBack", "roll back"),
        (RunAction::Cancel, "runCannotCancel", "be cancelled"),
    ] {
        let (message, _) = assert_words(
            ErrorDto::from(WorkflowError::WrongState {
                id: "run-1".into(),
                status: RunStatus::Completed,
                action,
            }),
            json!({ "key": key, "id": "run-1", "runStatus": "completed" }),
            json!({ "key": "runWrongState" }),
        );
        assert_eq!(
            message,
            format!("run run-1 is completed: it cannot {english} now")
        );
    }
}

#[test]
fn a_form_that_cannot_become_a_job_carries_words_and_keeps_its_english() {
    use eipdesk_core::binding::access_steps::AccessError;
    use eipdesk_core::binding::form_text::FormProblem;
    use eipdesk_core::binding::{BindForm, FormError, JobKind};

    let cases = [
        (
            FormError::MissingJob,
            json!({ "key": "chooseJob" }),
            "choose what to do (bind, unbind or switch mode)",
        ),
        (
            FormError::NotABindJob(JobKind::ReleaseEip),
            json!({ "key": "notABindJob", "job": "releaseEip" }),
            "\"Release EIPs\" is not a binding job",
        ),
        (
            FormError::Lifecycle(FormProblem::IsBindJob {
                job: JobKind::NatBind,
            }),
            json!({ "key": "isBindJob", "job": "natBind" }),
            "\"Bind in NAT mode\" is a binding job",
        ),
        (
            FormError::Lifecycle(FormProblem::NeedTagKey),
            json!({ "key": "needTagKey" }),
            "give at least one tag key to remove",
        ),
        (
            FormError::RemoteAccess(AccessError::NotCidr("10.0.0.1".into())),
            json!({ "key": "notCidr", "cidr": "10.0.0.1" }),
            "10.0.0.1 is not an IPv4 CIDR block such as 203.0.113.0/24",
        ),
    ];
    for (error, problem, english) in cases {
        let (message, _) = assert_words(
            ErrorDto::from(WorkflowError::Form(error)),
            json!({ "key": "invalidForm", "formProblem": problem }),
            Value::Null,
        );
        assert_eq!(message, english);
    }
    // The bind form's missing target names what it needs.
    let form = BindForm {
        job: Some(JobKind::CutThroughBind),
        allocation_id: "eip-1".into(),
        ..BindForm::default()
    };
    let (message, _) = assert_words(
        ErrorDto::from(WorkflowError::Form(form.parse().unwrap_err())),
        json!({ "key": "invalidForm", "formProblem": { "key": "chooseTargetEni" } }),
        Value::Null,
    );
    assert_eq!(message, "choose a target network interface");
}

#[test]
fn an_invalid_profile_field_carries_its_label_and_reason() {
    let err = ProfileError::from(validate::name("   ").unwrap_err());
    let (message, hint) = assert_words(
        ErrorDto::from(err),
        json!({
            "key": "profileInvalid",
            "field": "name",
            "fieldLabel": { "key": "name" },
            "fieldReason": { "key": "enterName" },
        }),
        json!({ "key": "profileInvalid" }),
    );
    assert_eq!(message, "invalid profile: Name: enter a name");
    assert_eq!(
        hint.as_deref(),
        Some("Correct it in the form, then save again.")
    );
    let padded = validate::secret("accessKeySecret", " s3cr3t").unwrap_err();
    assert_eq!(
        padded.to_string(),
        "AccessKey secret: remove the spaces before or after it (a secret never starts or ends \
         with one)"
    );
}

#[test]
fn start_up_failures_carry_words() {
    let (json, message, hint) = ipc(ErrorDto::from(CoreError::Sandbox(
        "cannot create /fake/sandbox: denied".into(),
    )));
    assert_eq!(
        json["words"]["message"],
        json!({ "key": "sandboxFailed", "detail": "cannot create /fake/sandbox: denied" })
    );
    assert_eq!(message, "cannot create /fake/sandbox: denied");
    assert_eq!(
        hint.as_deref(),
        Some("Restart EIP Desk; if it persists, check the log folder.")
    );
}

#[test]
fn import_refusals_and_notes_travel_as_keys_beside_their_english() {
    let path = fixtures().join("aliyun/mixed.json");
    let report = import::scan(&sources(Some(path), None, None));
    let list = candidates(&report, SourceKind::AliyunCli);
    let json = serde_json::to_value(&list).unwrap();
    let by_key = |key: &str| {
        json.as_array()
            .unwrap()
            .iter()
            .find(|c| c["key"] == key)
            .unwrap_or_else(|| panic!("no candidate {key}: {json:#}"))
            .clone()
    };
    let nameless = by_key("aliyun-cli:#2");
    assert_eq!(nameless["reason"], "it has no name");
    assert_eq!(nameless["reasonText"], json!({ "key": "noName" }));
    for c in json.as_array().unwrap() {
        if c["importable"] == false {
            assert!(c["reasonText"].is_object(), "{c:#}");
        }
        let notes = c["notes"].as_array().unwrap();
        let keys = c["noteTexts"].as_array().unwrap();
        assert_eq!(notes.len(), keys.len(), "{c:#}");
    }
}

#[test]
fn a_malformed_source_carries_its_words_and_keeps_its_english() {
    let path = fixtures().join("alibabacloud/malformed");
    let report = import::scan(&sources(None, Some(path.clone()), None));
    let problem = serde_json::to_value(report.sources[0].error.as_ref().unwrap()).unwrap();
    let shown = path.display().to_string();
    assert_eq!(
        problem["text"],
        json!({
            "key": "importMalformedLine",
            "path": shown,
            "line": 4,
            "fileProblem": { "key": "iniExpected" },
        })
    );
    assert_eq!(
        problem["message"],
        format!("{shown} is malformed at line 4: expected `key = value`, a [section] or a comment")
    );
}
