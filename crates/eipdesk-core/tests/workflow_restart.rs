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
    let sent: Vec<String> = env.mutating().into_iter().map(|e| e.action).collect();
    assert_eq!(sent, actions, "each mutating call exactly once");
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
        assert_eq!(
            env.eip(HZ_EIP_FREE_A).await,
            ("InUse".into(), eni.into(), "BINDED".into())
        );
        assert_eq!(env.eni(eni).await, ("InUse".into(), HZ_I_WEB01.into()));
    }
}

#[tokio::test]
async fn a_kill_while_waiting_is_resumed_without_repeating_the_call() {
    let env = env().await;
    env.emu
        .control()
        .set_delays(alicloud_emulator::Delays::uniform(800));
    let run = env
        .start(cut_through(
            HZ_EIP_FREE_A,
            HZ_ENI_WEB01_DATA,
            Some(HZ_I_WEB01),
        ))
        .await;
    for waiting_step in 0..3 {
        let engine = env.engine();
        let id = run.clone();
        let task = tokio::spawn(async move { engine.drive(&id).await });
        let journal = env.engine();
        loop {
            let steps = journal.journal().steps(&run).unwrap();
            if steps[waiting_step].status == StepStatus::Waiting {
                break;
            }
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        task.abort(); // killed mid-wait
        let _ = task.await;
        // On the next start the run shows as interrupted, with Resume and Roll back.
        let engine = env.engine();
        assert_eq!(
            engine.journal().interrupt_unfinished().unwrap(),
            vec![run.clone()]
        );
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
    assert_eq!(
        env.eip(HZ_EIP_FREE_A).await,
        ("InUse".into(), HZ_ENI_WEB01_DATA.into(), "BINDED".into())
    );
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
        rules: vec![FaultRule {
            action: "AssociateEipAddress".into(),
            error_code: None,
            http_status: None,
            message: None,
            error_rate: 0.0,
            latency_ms: 600,
            drop_rate: 0.0,
        }],
    });
    let engine = env.engine();
    let id = run.clone();
    let task = tokio::spawn(async move { engine.drive(&id).await });
    let journal = env.engine();
    loop {
        if journal
            .journal()
            .calls(&run)
            .unwrap()
            .iter()
            .any(|c| c.action == "AssociateEipAddress" && c.outcome == "sent")
        {
            break;
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    tokio::time::sleep(Duration::from_millis(100)).await;
    task.abort();
    let _ = task.await;
    env.clear_faults();
    let engine = env.engine();
    engine.journal().interrupt_unfinished().unwrap();
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
    assert_eq!(
        env.eip(HZ_EIP_FREE_A).await,
        ("InUse".into(), HZ_ENI_CT_READY_A.into(), "BINDED".into())
    );
    assert_eq!(
        env.eni(HZ_ENI_CT_READY_A).await,
        ("InUse".into(), HZ_I_WEB01.into())
    );
}

#[tokio::test]
async fn an_interrupted_rollback_resumes_as_a_rollback() {
    let env = env().await;
    let run = env
        .start(cut_through(
            HZ_EIP_FREE_A,
            HZ_ENI_WEB01_DATA,
            Some(HZ_I_WEB01),
        ))
        .await;
    env.fault_always("AttachNetworkInterface", "ServiceUnavailable");
    let engine = env.engine();
    assert_eq!(
        engine.drive(&run).await.unwrap(),
        RunStatus::WaitingForDecision
    );
    env.clear_faults();
    engine.roll_back(&run).unwrap();
    // Undo one step (the failed attach: nothing to do), then "crash".
    assert_eq!(engine.step_once(&run).await.unwrap(), Progress::Continue);
    drop(engine);
    let engine = env.engine();
    engine.journal().interrupt_unfinished().unwrap();
    assert!(engine.step_once(&run).await.unwrap() == Progress::Paused(RunStatus::Interrupted));
    engine.resume(&run).unwrap();
    assert_eq!(engine.drive(&run).await.unwrap(), RunStatus::RolledBack);
    assert_eq!(env.eip(HZ_EIP_FREE_A).await.0, "Available");
    assert_eq!(
        env.eni(HZ_ENI_WEB01_DATA).await,
        ("InUse".into(), HZ_I_WEB01.into())
    );
}
