//! The guest steps against the emulator's Cloud Assistant: a cut-through bind that configures
//! and verifies the guest; an offline agent (the run ends with the instructions and says why);
//! a failing script (the run stops with the output, offers retry or roll back); a timeout; a
//! kill between the attach and the guest step, then resume, without sending the script twice.

#[path = "workflow_support.rs"]
mod support;

use alicloud_emulator::DEMO_ACCOUNT_ID;
use alicloud_emulator::state::guest::{GuestState, ScriptFault};
use eipdesk_core::binding::Confirmations;
use eipdesk_core::binding::guest_steps::{GuestChoice, add_guest_steps};
use eipdesk_core::journal::{CallPhase, Journal, RunStatus};
use std::time::Duration;
use support::*;

/// Starts the attached cut-through bind of `HZ_EIP_FREE_A` to `HZ_ENI_WEB01_DATA` (back on
/// `HZ_I_WEB01`) with the guest steps; returns the run's ID.
async fn start_with_guest(env: &Env, metric: Option<u32>) -> String {
    let mut plan = env
        .plan(cut_through(
            HZ_EIP_FREE_A,
            HZ_ENI_WEB01_DATA,
            Some(HZ_I_WEB01),
        ))
        .await;
    let choice = GuestChoice {
        configure: None,
        route_metric: metric,
    };
    add_guest_steps(&mut plan, &choice, false);
    assert_eq!(
        plan.steps
            .iter()
            .map(|s| s.action.api_action())
            .collect::<Vec<_>>(),
        [
            Some("DetachNetworkInterface"),
            Some("AssociateEipAddress"),
            Some("AttachNetworkInterface"),
            None,
            Some("RunCommand"),
            Some("RunCommand"),
        ]
    );
    let confirmations = Confirmations {
        accepted: plan.warnings.iter().map(|w| w.code().to_string()).collect(),
        typed: None,
    };
    env.engine()
        .start(&plan, &confirmations, &owner())
        .unwrap()
        .id
}

fn set_guest(env: &Env, guest: GuestState) {
    env.emu
        .control()
        .set_guest(DEMO_ACCOUNT_ID, "cn-hangzhou", HZ_I_WEB01, guest);
}

/// Scripts the emulated guest of `HZ_I_WEB01` ran (replays of a ClientToken run nothing).
fn scripts_run(env: &Env) -> u64 {
    env.emu
        .control()
        .guest(DEMO_ACCOUNT_ID, "cn-hangzhou", HZ_I_WEB01)
        .invocation_count
}

/// Distinct ClientTokens of successful `RunCommand` calls: one per script sent (a resend
/// after a kill reuses its token, and the cloud replays the first answer).
fn distinct_commands(env: &Env) -> usize {
    env.requests()
        .into_iter()
        .filter(|e| e.action == "RunCommand" && e.code == "OK")
        .filter_map(|e| e.client_token)
        .collect::<std::collections::BTreeSet<_>>()
        .len()
}

fn run_commands(env: &Env) -> usize {
    env.requests()
        .iter()
        .filter(|e| e.action == "RunCommand" && e.code == "OK")
        .count()
}

/// The configure step is the fifth (index 4), the verification the sixth.
const CONFIGURE: usize = 4;
const VERIFY: usize = 5;

async fn mac(env: &Env) -> String {
    let snapshot = eipdesk_core::workflow::snapshot::fetch_snapshot(&env.client, &env.region)
        .await
        .unwrap();
    snapshot
        .eni(&id(HZ_ENI_WEB01_DATA))
        .unwrap()
        .mac_address
        .clone()
}

#[tokio::test]
async fn a_bind_configures_and_verifies_the_guest() {
    let env = env().await;
    let run = start_with_guest(&env, Some(50)).await;
    let engine = env.engine();
    assert_eq!(engine.drive(&run).await.unwrap(), RunStatus::Completed);
    env.assert_attached_bound().await;
    let mac = mac(&env).await;
    let record = engine.journal().run(&run).unwrap().unwrap();
    let message = record.message.unwrap();
    let eip = HZ_EIP_FREE_A_IP;
    assert!(
        message.contains(&format!(
            "EIP {eip} verified on eth1 (MAC {mac}), default route metric 50."
        )),
        "{message}"
    );
    assert_eq!(run_commands(&env), 2);
    let verify = engine
        .journal()
        .guest_invocation(&run, VERIFY, CallPhase::Do)
        .unwrap()
        .unwrap();
    assert!(verify.invoke_id.unwrap().starts_with("t-"));
    assert_eq!(verify.status.as_deref(), Some("Success"));
    assert!(verify.output.contains(eip), "{}", verify.output);
}

#[tokio::test]
async fn an_offline_agent_ends_the_run_with_the_instructions_and_says_why() {
    let env = env().await;
    set_guest(
        &env,
        GuestState {
            agent_offline: true,
            ..GuestState::default()
        },
    );
    let run = start_with_guest(&env, None).await;
    let engine = env.engine();
    assert_eq!(engine.drive(&run).await.unwrap(), RunStatus::Completed);
    env.assert_attached_bound().await;
    let message = engine
        .journal()
        .run(&run)
        .unwrap()
        .unwrap()
        .message
        .unwrap();
    assert!(
        message.contains("Cloud Assistant is not online on i-bp1rqn8y8lb6iy5x5nne")
            && message.contains("Follow the instructions"),
        "{message}"
    );
    assert_eq!(run_commands(&env), 0, "nothing is sent to an offline agent");
}

#[tokio::test]
async fn a_failing_script_stops_with_its_output_then_retry_completes() {
    let env = env().await;
    set_guest(
        &env,
        GuestState {
            fault: Some(ScriptFault::Fail {
                exit_code: 2,
                output: "dhclient: no DHCPOFFERS received".into(),
            }),
            ..GuestState::default()
        },
    );
    let run = start_with_guest(&env, None).await;
    let engine = env.engine();
    assert_eq!(
        engine.drive(&run).await.unwrap(),
        RunStatus::WaitingForDecision
    );
    let steps = engine.journal().steps(&run).unwrap();
    let error = steps[CONFIGURE].error.clone().unwrap();
    assert_eq!(error.code, "GuestScriptFailed");
    assert!(
        error.message.contains("exited with code 2")
            && error.message.contains("no DHCPOFFERS received"),
        "{}",
        error.message
    );
    let row = guest_row(engine.journal(), &run, CONFIGURE);
    assert_eq!(
        (row.status.as_deref(), row.exit_code),
        (Some("Failed"), Some(2))
    );
    // Retry: a new script is sent (the fault was consumed) and the run completes.
    engine.resume(&run).unwrap();
    assert_eq!(engine.drive(&run).await.unwrap(), RunStatus::Completed);
    assert_eq!(run_commands(&env), 3);
}

#[tokio::test]
async fn a_failing_script_can_be_rolled_back() {
    let env = env().await;
    set_guest(
        &env,
        GuestState {
            fault: Some(ScriptFault::Fail {
                exit_code: 1,
                output: "boom".into(),
            }),
            ..GuestState::default()
        },
    );
    let run = start_with_guest(&env, None).await;
    let engine = env.engine();
    assert_eq!(
        engine.drive(&run).await.unwrap(),
        RunStatus::WaitingForDecision
    );
    engine.roll_back(&run).unwrap();
    assert_eq!(engine.drive(&run).await.unwrap(), RunStatus::RolledBack);
    env.assert_attached_untouched().await;
}

#[tokio::test]
async fn a_hung_script_times_out() {
    let env = env().await;
    set_guest(
        &env,
        GuestState {
            fault: Some(ScriptFault::Hang),
            ..GuestState::default()
        },
    );
    let run = start_with_guest(&env, None).await;
    let engine = env.engine();
    let id = run.clone();
    let task = tokio::spawn(async move { engine.drive(&id).await });
    let journal = env.engine();
    wait_until(|| {
        journal
            .journal()
            .guest_invocation(&run, CONFIGURE, CallPhase::Do)
            .unwrap()
            .is_some_and(|r| r.status.as_deref() == Some("Running"))
    })
    .await;
    env.emu.control().advance_clock(Duration::from_secs(61));
    assert_eq!(task.await.unwrap().unwrap(), RunStatus::WaitingForDecision);
    let steps = journal.journal().steps(&run).unwrap();
    assert_eq!(
        steps[CONFIGURE].error.as_ref().unwrap().code,
        "GuestScriptTimeout"
    );
    assert_eq!(
        guest_row(journal.journal(), &run, CONFIGURE)
            .status
            .as_deref(),
        Some("Timeout")
    );
}

#[tokio::test]
async fn a_kill_after_the_script_was_sent_resumes_without_sending_it_again() {
    let env = env().await;
    let run = start_with_guest(&env, None).await;
    // Killed while the script runs (its InvokeId and a first status are journaled).
    env.kill_when(&run, Duration::ZERO, |journal| {
        journal
            .guest_invocation(&run, CONFIGURE, CallPhase::Do)
            .unwrap()
            .is_some_and(|r| {
                r.invoke_id.is_some() && matches!(r.status.as_deref(), Some("Pending" | "Running"))
            })
    })
    .await;
    let engine = env.restart_after_crash(&run);
    engine.resume(&run).unwrap();
    assert_eq!(engine.drive(&run).await.unwrap(), RunStatus::Completed);
    assert_eq!(
        distinct_commands(&env),
        2,
        "configure and verify, once each"
    );
    assert_eq!(scripts_run(&env), 2);
}

#[tokio::test]
async fn a_kill_between_token_and_invoke_id_resends_with_the_same_token() {
    let env = env().await;
    let run = start_with_guest(&env, None).await;
    // The app died after journaling the ClientToken, before the InvokeId came back: the
    // resumed step sends again with the same token and the cloud answers with the first
    // invocation.
    env.kill_when(&run, Duration::ZERO, |journal| {
        journal
            .guest_invocation(&run, CONFIGURE, CallPhase::Do)
            .unwrap()
            .is_some()
    })
    .await;
    let journal = env.engine();
    let row = guest_row(journal.journal(), &run, CONFIGURE);
    let engine = env.restart_after_crash(&run);
    engine.resume(&run).unwrap();
    assert_eq!(engine.drive(&run).await.unwrap(), RunStatus::Completed);
    let configure_tokens: std::collections::BTreeSet<String> = env
        .requests()
        .into_iter()
        .filter(|e| e.action == "RunCommand" && e.code == "OK")
        .filter_map(|e| e.client_token)
        .collect();
    assert!(configure_tokens.contains(&row.client_token));
    let invocations = env
        .requests()
        .iter()
        .filter(|e| e.action == "DescribeInvocationResults")
        .count();
    assert!(invocations > 0);
    let after = guest_row(journal.journal(), &run, CONFIGURE);
    assert_eq!(after.client_token, row.client_token);
    assert_eq!(after.status.as_deref(), Some("Success"));
    assert_eq!(
        scripts_run(&env),
        2,
        "the guest ran configure and verify once each"
    );
}

fn guest_row(
    journal: &Journal,
    run: &str,
    idx: usize,
) -> eipdesk_core::journal::guest::GuestInvocation {
    journal
        .guest_invocation(run, idx, CallPhase::Do)
        .unwrap()
        .unwrap()
}

#[tokio::test]
async fn a_kill_between_the_attach_and_the_guest_step_sends_each_script_once() {
    let env = env().await;
    let run = start_with_guest(&env, None).await;
    env.kill_when(&run, Duration::ZERO, |journal| {
        journal.steps(&run).unwrap()[2].status == eipdesk_core::journal::StepStatus::Done
    })
    .await;
    let engine = env.restart_after_crash(&run);
    engine.resume(&run).unwrap();
    assert_eq!(engine.drive(&run).await.unwrap(), RunStatus::Completed);
    assert_eq!(scripts_run(&env), 2);
    assert_eq!(distinct_commands(&env), 2);
}
