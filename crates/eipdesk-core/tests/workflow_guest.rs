//! The guest steps against the emulator's Cloud Assistant: a cut-through bind that configures
//! and verifies the guest; an offline agent (the run ends with the instructions and says why);
//! a failing script (the run stops with the output, offers retry or roll back); a timeout; a
//! kill between the attach and the guest step, then resume, without sending the script twice;
//! the undo of the binding in a run of its own reverts the guest (or says what to do by hand).

#[path = "workflow_support.rs"]
mod support;

use alicloud_emulator::DEMO_ACCOUNT_ID;
use alicloud_emulator::state::guest::{GuestState, ScriptFault};
use eipdesk_core::binding::guest_steps::{GuestChoice, add_guest_revert, add_guest_steps};
use eipdesk_core::binding::{BindPlan, BindRequest, Confirmations};
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
    env.engine()
        .start(&plan, &confirm_all(&plan), &owner())
        .unwrap()
        .id
}

/// `start_with_guest`, driven to completion; returns the engine and the run's ID.
async fn completed_bind(
    env: &Env,
    metric: Option<u32>,
) -> (eipdesk_core::workflow::Engine, String) {
    let run = start_with_guest(env, metric).await;
    let engine = env.engine();
    assert_eq!(engine.drive(&run).await.unwrap(), RunStatus::Completed);
    (engine, run)
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
    let (engine, run) = completed_bind(&env, Some(50)).await;
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
    let message = run_message(&engine, &run);
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

/// Plans the undo of the binding `start_with_guest` made, with the guest revert the journal
/// calls for, and runs it to completion; returns the plan and the run's ID.
async fn completed_undo(env: &Env, engine: &eipdesk_core::workflow::Engine) -> (BindPlan, String) {
    let mut plan = env
        .plan(BindRequest::CutThroughUnbind {
            eip: id(HZ_EIP_FREE_A),
            reattach_to: Some(id(HZ_I_WEB01)),
        })
        .await;
    let configured = engine
        .journal()
        .configured_guest("cn-hangzhou", HZ_ENI_WEB01_DATA)
        .unwrap();
    add_guest_revert(&mut plan, configured);
    let undo = engine
        .start(&plan, &confirm_all(&plan), &owner())
        .unwrap()
        .id;
    assert_eq!(engine.drive(&undo).await.unwrap(), RunStatus::Completed);
    (plan, undo)
}

fn run_message(engine: &eipdesk_core::workflow::Engine, run: &str) -> String {
    engine.journal().run(run).unwrap().unwrap().message.unwrap()
}

fn confirm_all(plan: &BindPlan) -> Confirmations {
    Confirmations {
        accepted: plan.warnings.iter().map(|w| w.code().to_string()).collect(),
        typed: None,
    }
}

#[tokio::test]
async fn an_undo_run_reverts_the_guest_and_journals_its_invoke_id() {
    let env = env().await;
    let (engine, _) = completed_bind(&env, Some(50)).await;
    let mac = mac(&env).await.to_ascii_lowercase();
    let before = env
        .emu
        .control()
        .guest(DEMO_ACCOUNT_ID, "cn-hangzhou", HZ_I_WEB01);
    assert!(before.dhcp_macs.contains(&mac) && before.metrics.contains_key(&mac));

    let (plan, undo) = completed_undo(&env, &engine).await;
    assert_eq!(plan.steps[0].action.api_action(), Some("RunCommand"));
    let after = env
        .emu
        .control()
        .guest(DEMO_ACCOUNT_ID, "cn-hangzhou", HZ_I_WEB01);
    assert!(!after.dhcp_macs.contains(&mac), "{after:?}");
    let row = guest_row(engine.journal(), &undo, 0);
    assert!(row.invoke_id.is_some_and(|i| i.starts_with("t-")));
    assert_eq!(row.status.as_deref(), Some("Success"));
    // Reverted: the next undo plan has nothing to restore.
    let next = engine
        .journal()
        .configured_guest("cn-hangzhou", HZ_ENI_WEB01_DATA)
        .unwrap();
    assert_eq!(next, None);
}

#[tokio::test]
async fn an_undo_run_with_the_agent_offline_says_what_to_remove_by_hand() {
    let env = env().await;
    let (engine, _) = completed_bind(&env, None).await;
    let mut guest = env
        .emu
        .control()
        .guest(DEMO_ACCOUNT_ID, "cn-hangzhou", HZ_I_WEB01);
    guest.agent_offline = true;
    set_guest(&env, guest);

    let (_, undo) = completed_undo(&env, &engine).await;
    let message = run_message(&engine, &undo);
    assert!(
        message.contains("Cloud Assistant is not online on i-bp1rqn8y8lb6iy5x5nne")
            && message.contains("is still in the guest")
            && message.contains("delete the NIC's DHCP configuration file"),
        "{message}"
    );
    assert_eq!(
        run_commands(&env),
        2,
        "only the bind's two scripts were sent"
    );
    // Still configured as far as the journal knows: a later undo offers the revert again.
    assert!(
        engine
            .journal()
            .configured_guest("cn-hangzhou", HZ_ENI_WEB01_DATA)
            .unwrap()
            .is_some()
    );
}
