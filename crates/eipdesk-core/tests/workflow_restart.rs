//! Engine restarts: dropping the engine between every pair of steps, killing it while it
//! waits or while a call is in flight, then resuming on the same journal, must complete with
//! each mutating call sent exactly once (checked in the emulator's request log).

#[path = "workflow_support.rs"]
mod support;

use alicloud_emulator::{FaultConfig, FaultRule};
use eipdesk_core::journal::{RunStatus, StepStatus};
use eipdesk_core::workflow::Progress;
use eipdesk_core::workflow::view::run_view;
use std::time::Duration;
use support::*;

fn exactly_once(env: &Env, actions: &[&str]) {
    assert_eq!(
        env.mutating_actions(),
        actions,
        "each mutating call exactly once"
    );
    assert!(env.mutating().iter().all(|e| e.code == "OK"));
}

#[tokio::test]
async fn a_restart_between_every_pair_of_steps_completes_with_each_call_once() {
    for (eni, expected) in [
        (
            HZ_ENI_WEB01_DATA,
            &[
                "DetachNetworkInterface",
                "AssociateEipAddress",
                "AttachNetworkInterface",
            ][..],
        ),
        (
            HZ_ENI_CT_READY_A,
            &["AssociateEipAddress", "AttachNetworkInterface"][..],
        ),
    ] {
        let env = env().await;
        let run = env
            .start(cut_through(HZ_EIP_FREE_A, eni, Some(HZ_I_WEB01)))
            .await;
        let mut units = 0;
        let status = loop {
            let engine = env.engine(); // a new engine each time: the app restarted
            units += 1;
            if let Progress::Paused(status) = engine.step_once(&run).await.unwrap() {
                break status;
            }
        };
        assert_eq!(status, RunStatus::Completed);
        assert_eq!(
            units,
            expected.len() + 2,
            "one unit per step (verify included), then completion"
        );
        exactly_once(&env, expected);
        env.assert_cut_through(HZ_EIP_FREE_A, eni, HZ_I_WEB01).await;
    }
}

#[tokio::test]
async fn a_kill_while_waiting_is_resumed_without_repeating_the_call() {
    let env = env().await;
    env.emu
        .control()
        .set_delays(alicloud_emulator::Delays::uniform(800));
    let run = env.start_attached().await;
    for waiting_step in 0..3 {
        // Killed mid-wait.
        env.kill_when(&run, Duration::ZERO, |journal| {
            journal.steps(&run).unwrap()[waiting_step].status == StepStatus::Waiting
        })
        .await;
        // On the next start the run shows as interrupted, with Resume and Roll back.
        let engine = env.restart_after_crash(&run);
        let view = run_view(engine.journal(), &run).unwrap();
        assert!(view.status == RunStatus::Interrupted && view.can_resume && view.can_roll_back);
        engine.resume(&run).unwrap();
        if waiting_step == 2 {
            assert_eq!(engine.drive(&run).await.unwrap(), RunStatus::Completed);
        }
    }
    exactly_once(
        &env,
        &[
            "DetachNetworkInterface",
            "AssociateEipAddress",
            "AttachNetworkInterface",
        ],
    );
    env.assert_attached_bound().await;
}

#[tokio::test]
async fn a_kill_with_the_call_in_flight_does_not_send_it_again() {
    let env = env().await;
    let run = env
        .start(cut_through(
            HZ_EIP_FREE_A,
            HZ_ENI_CT_READY_A,
            Some(HZ_I_WEB01),
        ))
        .await;
    // The emulator applies the association at once but answers 600 ms later.
    env.emu.control().set_faults(FaultConfig {
        seed: 3,
        rules: vec![FaultRule::latency("AssociateEipAddress", 600)],
    });
    // Killed 100 ms after the association was sent, before its answer.
    env.kill_when(&run, Duration::from_millis(100), |journal| {
        journal
            .calls(&run)
            .unwrap()
            .iter()
            .any(|c| c.action == "AssociateEipAddress" && c.outcome == "sent")
    })
    .await;
    env.clear_faults();
    let engine = env.restart_after_crash(&run);
    engine.resume(&run).unwrap();
    assert_eq!(engine.drive(&run).await.unwrap(), RunStatus::Completed);
    let calls = engine.journal().calls(&run).unwrap();
    assert_eq!(
        calls
            .iter()
            .filter(|c| c.action == "AssociateEipAddress")
            .count(),
        1,
        "{calls:?}"
    );
    assert_eq!(
        calls[0].outcome, "sent",
        "the interrupted call stays recorded as sent without an answer"
    );
    // The emulator logs a call when it applies it, before the injected latency: the
    // association whose answer never arrived is there once, and the resume sent only the
    // attach, no second AssociateEipAddress.
    exactly_once(&env, &["AssociateEipAddress", "AttachNetworkInterface"]);
    env.assert_cut_through(HZ_EIP_FREE_A, HZ_ENI_CT_READY_A, HZ_I_WEB01)
        .await;
}

#[tokio::test]
async fn an_interrupted_rollback_resumes_as_a_rollback() {
    let env = env().await;
    let (engine, run) = env.attach_fault_awaiting_decision().await;
    env.clear_faults();
    engine.roll_back(&run).unwrap();
    // Undo one step (the failed attach: nothing to do), then "crash".
    assert_eq!(engine.step_once(&run).await.unwrap(), Progress::Continue);
    drop(engine);
    let engine = env.restart_after_crash(&run);
    assert!(engine.step_once(&run).await.unwrap() == Progress::Paused(RunStatus::Interrupted));
    engine.resume(&run).unwrap();
    assert_eq!(engine.drive(&run).await.unwrap(), RunStatus::RolledBack);
    env.assert_attached_untouched().await;
}
