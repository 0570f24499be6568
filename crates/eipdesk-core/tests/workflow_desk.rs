//! The workflow through the app service (what the Tauri commands call), on the in-process
//! Sandbox: form choices with reasons, preflight, confirmations, a run on a background task
//! reported through run events, the run list, and the audit log with the account and export.

mod no_keychain;

use alicloud_emulator::seed::demo_ids::*;
use eipdesk_core::DescribeError;
use eipdesk_core::EipDesk;
use eipdesk_core::audit::AuditFilter;
use eipdesk_core::audit::export::ExportFormat;
use eipdesk_core::binding::step_text::english;
use eipdesk_core::binding::{BindForm, Confirmations, JobKind};
use eipdesk_core::desk::workflow::AuditExportRequest;
use eipdesk_core::export_file::ExportTarget;
use eipdesk_core::ids::RunId;
use eipdesk_core::journal::{RunStatus, StepStatus};
use eipdesk_core::workflow::{RunEvents, RunView, WorkflowError};
use no_keychain::NoKeychain;
use std::sync::{Arc, Mutex};
use std::time::Duration;

#[derive(Default)]
struct Recorder(Mutex<Vec<RunView>>);

impl RunEvents for Recorder {
    fn run_changed(&self, run: &RunView) {
        self.0.lock().unwrap().push(run.clone());
    }
}

fn form(eni: Option<&str>, attach_to: Option<&str>) -> BindForm {
    BindForm {
        region_id: "cn-hangzhou".into(),
        job: Some(JobKind::CutThroughBind),
        allocation_id: HZ_EIP_FREE_A.into(),
        target_kind: None,
        target_id: eni.map(str::to_string),
        attach_to: attach_to.map(str::to_string),
        mode: None,
        guest: None,
        remote_access: None,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bind_through_the_desk_reports_progress_and_lands_in_the_audit_log() {
    let dir = tempfile::tempdir().unwrap();
    let desk = EipDesk::start_with(dir.path(), Arc::new(NoKeychain))
        .await
        .unwrap();
    let events = Arc::new(Recorder::default());
    desk.set_run_events(events.clone());

    let options = desk.bind_options(form(None, None)).await.unwrap();
    let reason = |id: &str| {
        options
            .enis
            .iter()
            .find(|c| c.id == id)
            .unwrap()
            .reason_code
            .clone()
    };
    assert_eq!(reason(HZ_ENI_WEB01_DATA), None);
    assert_eq!(
        reason(HZ_ENI_WEB01_PRIMARY).as_deref(),
        Some("EniNotSecondary")
    );
    assert_eq!(
        reason(HZ_ENI_MULTI_IP).as_deref(),
        Some("EniHasSecondaryIps")
    );
    assert_eq!(reason(HZ_ENI_CT_LIVE).as_deref(), Some("EniHasEip"));
    let bad_region = BindForm {
        region_id: "nowhere".into(),
        ..form(None, None)
    };
    assert!(matches!(
        desk.bind_options(bad_region).await,
        Err(WorkflowError::Form(_))
    ));

    let chosen = form(Some(HZ_ENI_WEB01_DATA), Some(HZ_I_WEB01));
    // Remote access is never opened to the whole Internet unless asked for by name.
    let anywhere = BindForm {
        remote_access: Some(eipdesk_core::binding::access_steps::RemoteAccess {
            source_cidr: "0.0.0.0/0".into(),
            allow_anywhere: None,
        }),
        ..chosen.clone()
    };
    assert!(matches!(
        desk.preflight_bind(anywhere).await,
        Err(WorkflowError::Form(_))
    ));
    let preflight = desk.preflight_bind(chosen.clone()).await.unwrap();
    assert!(preflight.ok, "{:?}", preflight.blockers);
    let plan = preflight.plan.unwrap();
    // Detach, associate, attach, verify, then the guest steps (on by default on the Sandbox).
    assert_eq!(plan.steps.len(), 6);
    assert_eq!(plan.steps[4].api_action.as_deref(), Some("RunCommand"));
    // The seeded security group lets nothing in: step 7 of the guide is warned about.
    assert!(
        plan.notes
            .iter()
            .any(|n| n.to_string().contains("allows inbound SSH (TCP 22)")),
        "{:?}",
        plan.notes
    );
    assert_eq!(
        plan.warnings
            .iter()
            .map(|w| w.code.as_str())
            .collect::<Vec<_>>(),
        ["LosesPrivateNetworking"]
    );

    let unconfirmed = desk
        .start_bind(chosen.clone(), Confirmations::default())
        .await
        .unwrap_err();
    assert_eq!(unconfirmed.to_dto().code, "ConfirmationRequired");

    let confirmed = Confirmations {
        accepted: vec!["LosesPrivateNetworking".into()],
        typed: None,
    };
    let run = desk.start_bind(chosen, confirmed).await.unwrap();
    let mut view = run.clone();
    for _ in 0..300 {
        view = desk.workflow_run(&run.id).unwrap();
        if view.status != RunStatus::Running {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(view.status, RunStatus::Completed, "{:?}", view.message);
    assert!(view.guest_os.is_some());
    // Cloud Assistant verified it: the instructions panel says so (they stay as a reference).
    let verified = view.guest_verified.clone().unwrap_or_default();
    assert!(
        verified.contains("verified on eth1 (MAC 00:16:3e:"),
        "{verified}"
    );
    // The panel words the same finding as a message key, read back from the journaled output.
    let text = serde_json::to_value(view.guest_verified_text.as_ref().unwrap()).unwrap();
    assert!(
        text["key"].as_str().unwrap().starts_with("verified"),
        "{text}"
    );
    assert_eq!(text["interface"], "eth1");
    let message = view.message.clone().unwrap_or_default();
    assert!(
        message.contains("verified on eth1 (MAC 00:16:3e:"),
        "{message}"
    );
    assert!(
        view.steps[5]
            .guest
            .as_ref()
            .is_some_and(|g| g.output.contains("\"addr\""))
    );
    assert_eq!(view.final_instance.as_deref(), Some(HZ_I_WEB01));

    // Events came in order of revision and showed the waits.
    let seen = events.0.lock().unwrap().clone();
    assert!(seen.windows(2).all(|w| w[0].revision <= w[1].revision));
    assert!(seen.iter().any(|v| {
        v.steps
            .iter()
            .any(|s| s.status == StepStatus::Waiting && s.waiting_for.is_some())
    }));
    assert_eq!(seen.last().unwrap().status, RunStatus::Completed);

    let runs = desk.workflow_runs(Some(10)).unwrap();
    assert_eq!(
        runs.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
        [run.id.as_str()]
    );
    assert!(
        desk.cancel_run(&RunId::parse(&run.id).unwrap())
            .await
            .is_err(),
        "a completed run cannot be cancelled"
    );
    assert!(matches!(
        desk.workflow_run("run-none"),
        Err(WorkflowError::RunNotFound(_))
    ));

    let audit = desk.audit_log(&AuditFilter::default()).unwrap();
    assert_eq!(audit.len(), 5, "three cloud calls and two scripts");
    // The Activity page shows a script as its first line and length, not its Base64.
    let content = |entry: &eipdesk_core::audit::AuditEntry| {
        entry
            .params
            .iter()
            .find(|p| p.name == "CommandContent")
            .map(|p| p.value.clone())
            .unwrap_or_default()
    };
    let scripts: Vec<String> = audit
        .iter()
        .filter(|a| a.action == "RunCommand")
        .map(content)
        .collect();
    assert!(
        scripts
            .iter()
            .all(|c| c.starts_with("# eipdesk-guest-script: op=") && c.ends_with("-byte script)")),
        "{scripts:?}"
    );
    assert!(
        audit
            .iter()
            .all(|a| a.account.as_deref() == Some(alicloud_emulator::DEMO_ACCOUNT_ID))
    );
    let path = dir.path().join("audit.csv");
    let csv = AuditExportRequest {
        format: ExportFormat::Csv,
        filter: AuditFilter::default(),
    };
    let written = desk
        .export_audit(&ExportTarget::chosen(path.clone(), "csv").unwrap(), &csv)
        .unwrap();
    assert_eq!(written.entries, 5);
    let exported = std::fs::read_to_string(&path).unwrap();
    assert!(exported.starts_with("time,profile,account,region,action"));
    // The export keeps the script whole (Base64, as sent).
    assert!(!exported.contains("-byte script)"), "{exported}");
    assert!(
        exported.contains("CommandContent=IyEvYmluL3No"),
        "{exported}"
    );
    let suggested = desk.audit_export_suggestion(ExportFormat::Json);
    assert!(suggested.file_name.ends_with(".json"), "{suggested:?}");
}

/// A row whose resource a run is changing offers no action while the run goes on, and says
/// which run; once the run ends the actions are back.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rows_a_run_is_changing_offer_no_action_until_it_ends() {
    use eipdesk_core::api::{LoadRequest, ResourceKind, ResourceRef};
    let dir = tempfile::tempdir().unwrap();
    let desk = EipDesk::start_with(dir.path(), Arc::new(NoKeychain))
        .await
        .unwrap();
    desk.sandbox()
        .emulator()
        .control()
        .set_delays(alicloud_emulator::Delays::uniform(1500));
    let scope = eipdesk_core::inventory::Scope::parse("cn-hangzhou").unwrap();
    desk.load_inventory(
        &LoadRequest {
            scope,
            supersede: false,
        },
        &|_| {},
    )
    .await
    .unwrap();
    let eip = ResourceRef {
        kind: ResourceKind::Eip,
        id: HZ_EIP_FREE_A.into(),
        region_id: "cn-hangzhou".into(),
    };
    let available = |actions: &[eipdesk_core::api::RowAction]| {
        actions.iter().filter(|a| a.unavailable.is_none()).count()
    };
    assert!(available(&desk.row_actions(&eip).unwrap()) > 0);

    let confirmed = Confirmations {
        accepted: vec!["LosesPrivateNetworking".into()],
        typed: None,
    };
    let run = desk
        .start_bind(form(Some(HZ_ENI_WEB01_DATA), Some(HZ_I_WEB01)), confirmed)
        .await
        .unwrap();
    let during = desk.row_actions(&eip).unwrap();
    assert_eq!(available(&during), 0, "{during:?}");
    let bind = during.iter().find(|a| a.primary).unwrap();
    assert!(
        bind.unavailable.as_deref().unwrap().contains(&run.id),
        "{during:?}"
    );
    assert_eq!(desk.run_changing(HZ_ENI_WEB01_DATA), Some(run.id.clone()));

    for _ in 0..600 {
        if desk.workflow_run(&run.id).unwrap().status != RunStatus::Running {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(
        desk.workflow_run(&run.id).unwrap().status,
        RunStatus::Completed
    );
    for _ in 0..100 {
        if desk.run_changing(HZ_EIP_FREE_A).is_none() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(desk.run_changing(HZ_EIP_FREE_A), None);
}

/// Waits for a run of the desk to leave `Running`; returns its view.
async fn settled(desk: &EipDesk, run: &str) -> RunView {
    for _ in 0..600 {
        let view = desk.workflow_run(run).unwrap();
        if view.status != RunStatus::Running {
            return view;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    desk.workflow_run(run).unwrap()
}

/// Confirms every warning of the plan `form` gets.
async fn confirm_all(desk: &EipDesk, form: &BindForm) -> Confirmations {
    let preflight = desk.preflight_bind(form.clone()).await.unwrap();
    assert!(preflight.ok, "{:?}", preflight.blockers);
    Confirmations {
        accepted: preflight
            .plan
            .unwrap()
            .warnings
            .iter()
            .map(|w| w.code.clone())
            .collect(),
        typed: None,
    }
}

/// Undo of a cut-through binding in its own run (what the timeline's Undo starts) reverts
/// the guest's DHCP change the bind made, as a journaled guest step before the detach.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn undo_in_a_separate_run_reverts_the_guest_configuration() {
    let dir = tempfile::tempdir().unwrap();
    let desk = EipDesk::start_with(dir.path(), Arc::new(NoKeychain))
        .await
        .unwrap();
    let guest = || {
        desk.sandbox().emulator().control().guest(
            alicloud_emulator::DEMO_ACCOUNT_ID,
            "cn-hangzhou",
            HZ_I_WEB01,
        )
    };
    // The bind also opens SSH and ping to a range; the undo closes them again.
    let bind = BindForm {
        remote_access: Some(eipdesk_core::binding::access_steps::RemoteAccess {
            source_cidr: "203.0.113.0/24".into(),
            allow_anywhere: None,
        }),
        ..form(Some(HZ_ENI_WEB01_DATA), Some(HZ_I_WEB01))
    };
    let confirmed = confirm_all(&desk, &bind).await;
    let run = desk.start_bind(bind, confirmed).await.unwrap();
    let view = settled(&desk, &run.id).await;
    assert_eq!(view.status, RunStatus::Completed, "{:?}", view.message);
    assert_eq!(guest().dhcp_macs.len(), 1, "the bind configured the NIC");

    let undo = BindForm {
        job: Some(JobKind::CutThroughUnbind),
        target_id: None,
        ..form(None, Some(HZ_I_WEB01))
    };
    let preflight = desk.preflight_bind(undo.clone()).await.unwrap();
    let plan = preflight.plan.unwrap();
    assert_eq!(
        plan.steps[0].api_action.as_deref(),
        Some("RunCommand"),
        "the guest is restored before the detach: {:?}",
        plan.steps.iter().map(|s| &s.title).collect::<Vec<_>>()
    );
    assert!(english(&plan.steps[0].title).starts_with("Restore the NIC"));
    let apis: Vec<Option<&str>> = plan.steps.iter().map(|s| s.api_action.as_deref()).collect();
    assert_eq!(
        apis.iter()
            .filter(|a| **a == Some("RevokeSecurityGroup"))
            .count(),
        2,
        "the rules the bind opened are removed: {apis:?}"
    );
    let confirmed = confirm_all(&desk, &undo).await;
    let run = desk.start_bind(undo, confirmed).await.unwrap();
    let view = settled(&desk, &run.id).await;
    assert_eq!(view.status, RunStatus::Completed, "{:?}", view.message);
    assert!(
        guest().dhcp_macs.is_empty(),
        "the undo reverted the guest: {:?}",
        guest()
    );
    let message = view.message.unwrap_or_default();
    assert!(message.contains("DHCP configuration removed"), "{message}");
    let revoked = desk
        .audit_log(&AuditFilter {
            action: Some("RevokeSecurityGroup".into()),
            ..AuditFilter::default()
        })
        .unwrap();
    assert_eq!(revoked.len(), 2, "{revoked:?}");
    assert!(revoked.iter().all(|a| a.outcome == "success"));

    // Nothing is left to revert: a new bind and undo plan has no restore step until the
    // guest is configured again.
    let again = BindForm {
        guest: Some(eipdesk_core::binding::guest_steps::GuestChoice {
            configure: Some(false),
            route_metric: None,
        }),
        ..form(Some(HZ_ENI_WEB01_DATA), Some(HZ_I_WEB01))
    };
    let confirmed = confirm_all(&desk, &again).await;
    let run = desk.start_bind(again, confirmed).await.unwrap();
    assert_eq!(settled(&desk, &run.id).await.status, RunStatus::Completed);
    let undo = BindForm {
        job: Some(JobKind::CutThroughUnbind),
        target_id: None,
        ..form(None, Some(HZ_I_WEB01))
    };
    let plan = desk.preflight_bind(undo).await.unwrap().plan.unwrap();
    assert!(
        plan.steps
            .iter()
            .all(|s| s.api_action.as_deref() != Some("RunCommand")),
        "{:?}",
        plan.steps.iter().map(|s| &s.title).collect::<Vec<_>>()
    );
}
