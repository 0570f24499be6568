//! Engine against the emulator with faults: an error injected at each step in turn, once and
//! then persistently, must end consistent (completed, or undone with the ENI back on its
//! instance) and never associate twice; lost responses and throttling bursts too.

#[path = "workflow_support.rs"]
mod support;

use alicloud_emulator::ThrottleRule;
use eipdesk_core::journal::{RunStatus, StepStatus};
use eipdesk_core::workflow::view::run_view;
use support::*;

const STEPS: [&str; 3] = [
    "DetachNetworkInterface",
    "AssociateEipAddress",
    "AttachNetworkInterface",
];

/// Bound once: the attached job's end state, with a single association.
async fn assert_bound(env: &Env) {
    env.assert_attached_bound().await;
    assert_eq!(env.associations(), 1);
}

#[tokio::test]
async fn a_fault_once_at_each_step_still_completes() {
    for action in STEPS {
        let env = env().await;
        let run = env.start_attached().await;
        let watcher = env.fault_once(action, "ServiceUnavailable");
        assert_eq!(
            env.engine().drive(&run).await.unwrap(),
            RunStatus::Completed,
            "fault once on {action}"
        );
        watcher.await.unwrap();
        assert_bound(&env).await;
        for a in STEPS {
            assert_eq!(env.ok_count(a), 1, "{a} after a fault on {action}");
        }
        assert!(
            env.mutating_codes()
                .contains(&(action.to_string(), "ServiceUnavailable".to_string()))
        );
    }
}

#[tokio::test]
async fn a_persistent_detach_fault_changes_nothing() {
    let env = env().await;
    let run = env.start_attached().await;
    env.fault_always("DetachNetworkInterface", "ServiceUnavailable");
    let engine = env.engine();
    assert_eq!(engine.drive(&run).await.unwrap(), RunStatus::RolledBack);
    env.assert_attached_untouched().await;
    assert_eq!(env.ok_count("AssociateEipAddress"), 0);
    let view = run_view(engine.journal(), &run).unwrap();
    assert!(view.message.unwrap().contains("Nothing had changed"));
    assert_eq!(view.error.unwrap().code, "ServiceUnavailable");
}

#[tokio::test]
async fn a_persistent_associate_fault_reattaches_the_eni_automatically() {
    let env = env().await;
    let run = env.start_attached().await;
    env.fault_always("AssociateEipAddress", "ServiceUnavailable");
    let engine = env.engine();
    assert_eq!(engine.drive(&run).await.unwrap(), RunStatus::RolledBack);
    env.assert_attached_untouched().await;
    assert_eq!(env.associations(), 0);
    let view = run_view(engine.journal(), &run).unwrap();
    let message = view.message.unwrap();
    assert!(
        message.contains("automatically")
            && message.contains(&format!(
                "{HZ_ENI_WEB01_DATA} is attached to {HZ_I_WEB01} again"
            )),
        "{message}"
    );
    assert_eq!(view.steps[0].status, StepStatus::Undone);
    assert!(view.steps[0].undo_request_id.is_some());
    assert_eq!(
        view.steps[1].error.as_ref().unwrap().code,
        "ServiceUnavailable"
    );
}

#[tokio::test]
async fn a_persistent_attach_fault_waits_for_a_decision_then_retry_completes() {
    let env = env().await;
    let (engine, run) = env.attach_fault_awaiting_decision().await;
    let view = run_view(engine.journal(), &run).unwrap();
    assert!(view.can_retry && view.can_roll_back && !view.can_resume);
    // Rolling back unbinds the EIP from the ENI (its public address is gone afterwards); the
    // re-attach that follows restores the NIC, so only the address is listed.
    let impact: Vec<_> = view
        .roll_back_impact
        .iter()
        .map(|i| (i.kind, i.lasts, i.resource.as_str()))
        .collect();
    assert_eq!(
        impact,
        [(
            eipdesk_core::binding::ImpactKind::PublicIp,
            eipdesk_core::binding::ImpactLasts::AfterRun,
            HZ_ENI_WEB01_DATA
        )]
    );
    // Closing the app now leaves the run interrupted; the window says in what state.
    assert!(view.status.in_progress());
    assert_eq!(
        view.state_if_stopped,
        format!(
            "{HZ_ENI_WEB01_DATA} is detached from {HZ_I_WEB01}; \
             {HZ_EIP_FREE_A} is bound to {HZ_ENI_WEB01_DATA} in cut-through mode."
        )
    );
    assert_eq!(env.eni(HZ_ENI_WEB01_DATA).await.0, "Available");
    env.clear_faults();
    engine.resume(&run).unwrap();
    assert_eq!(engine.drive(&run).await.unwrap(), RunStatus::Completed);
    assert_bound(&env).await;
}

#[tokio::test]
async fn a_persistent_attach_fault_rolls_back_on_request_even_after_a_failed_rollback() {
    let env = env().await;
    let (engine, run) = env.attach_fault_awaiting_decision().await;
    // Rolling back needs an attach too: with the fault still there, the rollback fails...
    engine.roll_back(&run).unwrap();
    assert_eq!(engine.drive(&run).await.unwrap(), RunStatus::Failed);
    let view = run_view(engine.journal(), &run).unwrap();
    assert!(view.can_roll_back);
    assert_eq!(view.steps[0].status, StepStatus::UndoFailed);
    assert_eq!(
        env.eip(HZ_EIP_FREE_A).await.0,
        "Available",
        "the unbind was undone before"
    );
    // ...and once the cause is gone, rolling back again finishes the job.
    env.clear_faults();
    engine.roll_back(&run).unwrap();
    assert_eq!(engine.drive(&run).await.unwrap(), RunStatus::RolledBack);
    env.assert_attached_untouched().await;
    assert_eq!(env.associations(), 1);
    assert_eq!(env.ok_count("UnassociateEipAddress"), 1);
}

#[tokio::test]
async fn a_lost_response_is_not_an_error_and_never_binds_twice() {
    for action in STEPS {
        let env = env().await;
        let run = env.start_attached().await;
        let lift = env.drop_once(action);
        assert_eq!(
            env.engine().drive(&run).await.unwrap(),
            RunStatus::Completed,
            "lost response of {action}"
        );
        lift.await.unwrap();
        assert_bound(&env).await;
    }
}

#[tokio::test]
async fn throttling_bursts_slow_the_run_down_but_it_completes() {
    let env = env().await;
    let run = env.start_attached().await;
    env.emu.control().set_throttles(vec![ThrottleRule {
        account_id: None,
        action: "*".into(),
        rate_per_sec: 6.0,
        burst: 2,
    }]);
    assert_eq!(
        env.engine().drive(&run).await.unwrap(),
        RunStatus::Completed
    );
    env.emu.control().set_throttles(Vec::new());
    assert!(
        env.requests().iter().any(|e| e.code == "Throttling.User"),
        "the burst limit was hit"
    );
    assert_bound(&env).await;
    for a in STEPS {
        assert_eq!(env.ok_count(a), 1, "{a}");
    }
}
