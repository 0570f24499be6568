//! What the timeline shows about a run: its steps with status, the state waited for, elapsed
//! time, ClientToken and RequestIds, the decisions offered, and (once a cut-through attach has
//! completed) the guest-OS instructions.

use crate::binding::step_text::{RunSummary, StepEffect, StepTitle, WaitText, mode_input};
use crate::binding::view::PlanView;
use crate::binding::{
    BindRequest, Expectation, ImpactItem, JobKind, OnFailure, StepAction, impact_of,
};
use crate::error::ErrorDto;
use crate::guest_os::{GuestNic, GuestOsGuide, guide};
use crate::journal::db::elapsed_ms;
use crate::journal::{DbError, Journal, Phase, RunRecord, RunStatus, StepRecord, StepStatus};
use serde::Serialize;
use ts_rs::TS;

/// One step in the timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StepView {
    pub index: u32,
    pub title: StepTitle,
    pub effect: StepEffect,
    pub api_action: Option<String>,
    pub status: StepStatus,
    /// The state waited for, while waiting.
    pub waiting_for: Option<WaitText>,
    pub client_token: Option<String>,
    pub request_id: Option<String>,
    pub undo_request_id: Option<String>,
    pub started_at: Option<String>,
    pub finished_at: Option<String>,
    /// Set once the step (or its undo) settled.
    pub elapsed_ms: Option<u32>,
    pub error: Option<ErrorDto>,
    /// `rollBack` or `ask`.
    pub on_failure: String,
    /// How the step is undone, if it can be.
    pub undo_title: Option<StepTitle>,
    /// A guest step's Cloud Assistant invocation and output.
    pub guest: Option<super::guest_view::GuestStepView>,
}

/// A run as the bind sheet and the Activity page show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RunView {
    pub id: String,
    /// The job; its title is the message `jobTitle_<job>`.
    pub job: JobKind,
    /// e.g. `eip-… 203.0.113.7 → eni-… (cut-through), on i-…`.
    pub summary: RunSummary,
    pub profile: String,
    pub account: Option<String>,
    pub region: String,
    pub status: RunStatus,
    pub phase: Phase,
    /// The message in English (a run journaled before schema version 5 has only this).
    pub message: Option<String>,
    /// The message as a message key, for the UI to word (`None`: show `message`).
    pub message_text: Option<super::run_text::RunMessage>,
    pub error: Option<ErrorDto>,
    pub created_at: String,
    pub updated_at: String,
    pub finished_at: Option<String>,
    pub cancel_requested: bool,
    /// Increases with every change: a view with a lower revision is older.
    pub revision: u32,
    pub steps: Vec<StepView>,
    pub can_resume: bool,
    pub can_retry: bool,
    pub can_roll_back: bool,
    pub can_cancel: bool,
    /// What a roll back breaks: the undo of every step that took effect, in reverse order.
    pub roll_back_impact: Vec<crate::binding::ImpactItem>,
    /// What "Cancel" breaks: the current step completes, then it and every completed step are
    /// rolled back.
    pub cancel_impact: Vec<crate::binding::ImpactItem>,
    /// What the cloud looks like if the run stops now (the app closes): the state the steps
    /// that took effect left, in words.
    pub state_if_stopped: String,
    /// The same as message keys, one per state (empty: nothing has changed yet).
    pub state_if_stopped_text: Vec<crate::binding::outcome::OutcomeText>,
    /// The plan the run executes (calls, CLI, Terraform).
    pub plan: PlanView,
    /// Guest-OS instructions, once a cut-through binding is attached to an instance.
    pub guest_os: Option<GuestOsGuide>,
    /// What Cloud Assistant verified in the guest (e.g. "EIP … verified on eth1 (MAC …)."),
    /// when the completed run's verification step found the EIP on the NIC; the instructions
    /// are then only a reference.
    pub guest_verified: Option<String>,
    /// The same as a message key, for the verified panel (`None`: show `guest_verified`).
    pub guest_verified_text: Option<crate::workflow::guest_view::VerifiedText>,
    /// Resource IDs the run touches (for refreshing the tables).
    pub resources: Vec<String>,
    /// The EIP of the job.
    pub allocation_id: String,
    /// The ENI involved, if any.
    pub eni_id: Option<String>,
    /// Where the ENI is attached when the run completes, if anywhere.
    pub final_instance: Option<String>,
}

fn step_view(
    run: &RunRecord,
    s: &StepRecord,
    guest: &[crate::journal::guest::GuestInvocation],
) -> StepView {
    let elapsed = match (&s.started_at, &s.finished_at) {
        (Some(a), Some(b)) => elapsed_ms(a, b).map(|ms| u32::try_from(ms).unwrap_or(u32::MAX)),
        _ => None,
    };
    StepView {
        index: u32::try_from(s.idx).unwrap_or(u32::MAX),
        title: s.action.title_text(),
        effect: s.action.effect_text(),
        api_action: s.action.api_action().map(str::to_string),
        status: s.status,
        waiting_for: waiting_for(s, guest),
        client_token: s.client_token.clone(),
        request_id: s.request_id.clone(),
        undo_request_id: s.undo_request_id.clone(),
        started_at: s.started_at.clone(),
        finished_at: s.finished_at.clone(),
        elapsed_ms: elapsed,
        error: s.error.clone(),
        on_failure: match run.plan.steps.get(s.idx).map(|p| p.on_failure) {
            Some(OnFailure::Ask) => "ask".into(),
            _ => "rollBack".into(),
        },
        undo_title: s.action.undo().map(|u| u.title_text()),
        guest: super::guest_view::guest_view(guest, s.idx),
    }
}

/// What the plan's calls touch, plus the instances the ENI leaves and ends on (their rows
/// change too).
fn resources(run: &RunRecord) -> Vec<String> {
    let c = &run.plan.context;
    let mut out = run.plan.touched_resources();
    out.extend(c.original_instance.iter().map(ToString::to_string));
    out.extend(c.final_instance.iter().map(ToString::to_string));
    out.sort();
    out.dedup();
    out
}

/// What a waiting (or undoing) step waits for, from its action: the state its call (or its
/// undo) leads to, or a guest step's script. The journal's own line is English.
fn waiting_for(
    s: &StepRecord,
    guest: &[crate::journal::guest::GuestInvocation],
) -> Option<WaitText> {
    let undoing = match s.status {
        StepStatus::Waiting => false,
        StepStatus::Undoing => true,
        _ => return None,
    };
    s.waiting_for.as_ref()?;
    let action = if undoing {
        s.action.undo()?
    } else {
        s.action.clone()
    };
    if let StepAction::GuestConfigure { guest: target, .. }
    | StepAction::GuestVerify { guest: target }
    | StepAction::GuestRevert { guest: target } = &action
    {
        let phase = if undoing { "undo" } else { "do" };
        let invoke_id = guest
            .iter()
            .filter(|r| r.step_idx == s.idx && r.phase == phase)
            .find_map(|r| r.invoke_id.clone())?;
        return Some(WaitText::Script {
            invoke_id,
            instance: target.instance.to_string(),
        });
    }
    action.expectation().first().map(Expectation::text)
}

fn summary(run: &RunRecord) -> RunSummary {
    let plan = &run.plan;
    if let BindRequest::Lifecycle { lifecycle } = &plan.request {
        return lifecycle.summary();
    }
    let c = &plan.context;
    let eip = plan
        .request
        .eip()
        .map(ToString::to_string)
        .unwrap_or_default();
    let ip = c.eip_address.clone();
    let on = c.final_instance.as_ref().map(ToString::to_string);
    // What the job does to the binding: binds (→), unbinds, or switches its mode.
    let change = plan.steps.iter().find(|s| {
        matches!(
            s.action,
            StepAction::Associate { .. }
                | StepAction::Unassociate { .. }
                | StepAction::ModifyForwardMode { .. }
        )
    });
    let Some(change) = change else {
        return RunSummary::Eip { eip, ip };
    };
    match (&change.action, on) {
        (StepAction::Associate { target, mode, .. }, None) => RunSummary::Bind {
            eip,
            ip,
            target: target.clone(),
            mode: mode_input(*mode),
        },
        (StepAction::Associate { target, mode, .. }, Some(instance)) => RunSummary::BindOn {
            eip,
            ip,
            target: target.clone(),
            mode: mode_input(*mode),
            instance,
        },
        (StepAction::Unassociate { target, mode, .. }, None) => RunSummary::Unbind {
            eip,
            ip,
            target: target.clone(),
            mode: mode_input(*mode),
        },
        (StepAction::Unassociate { target, mode, .. }, Some(instance)) => RunSummary::UnbindOn {
            eip,
            ip,
            target: target.clone(),
            mode: mode_input(*mode),
            instance,
        },
        (StepAction::ModifyForwardMode { eni, to, .. }, None) => RunSummary::Switch {
            eip,
            ip,
            eni: eni.clone(),
            mode: mode_input(*to),
        },
        (StepAction::ModifyForwardMode { eni, to, .. }, Some(instance)) => RunSummary::SwitchOn {
            eip,
            ip,
            eni: eni.clone(),
            mode: mode_input(*to),
            instance,
        },
        _ => RunSummary::Eip { eip, ip },
    }
}

/// What undoing the steps in `undo_from` (in reverse order) breaks.
fn undo_impact(run: &RunRecord, steps: &[StepRecord], undo_from: &[StepStatus]) -> Vec<ImpactItem> {
    let undo: Vec<_> = steps
        .iter()
        .rev()
        .filter(|s| undo_from.contains(&s.status))
        .filter_map(|s| s.action.undo())
        .collect();
    impact_of(&undo, &run.plan.context.eip_address)
}

/// The states the steps that took effect (and were not undone) left.
fn state_if_stopped_text(steps: &[StepRecord]) -> Vec<crate::binding::outcome::OutcomeText> {
    steps
        .iter()
        .filter(|s| matches!(s.status, StepStatus::Done | StepStatus::Waiting))
        .filter_map(|s| crate::binding::outcome::outcome_text(&s.action, false))
        .collect()
}

/// [`state_if_stopped_text`] in English.
fn state_if_stopped(steps: &[StepRecord]) -> String {
    let text = state_if_stopped_text(steps)
        .iter()
        .map(crate::binding::step_text::english)
        .collect::<Vec<_>>()
        .join("; ");
    if text.is_empty() {
        "Nothing has changed yet.".into()
    } else {
        format!("{text}.")
    }
}

/// Builds the view of `run`.
pub fn view_of(run: &RunRecord, steps: &[StepRecord]) -> RunView {
    view_with_guest(run, steps, &[])
}

/// [`view_of`] with the guest steps' journaled invocations.
pub fn view_with_guest(
    run: &RunRecord,
    steps: &[StepRecord],
    guest: &[crate::journal::guest::GuestInvocation],
) -> RunView {
    let created = crate::lifecycle::created::created_ids(steps);
    let guest_os = (run.status == RunStatus::Completed && run.plan.needs_guest_setup())
        .then(|| {
            let c = &run.plan.context;
            let nic = GuestNic {
                mac: c.eni_mac.clone()?,
                eni_id: c.eni.as_ref()?.to_string(),
                eip_address: c.eip_address.clone(),
            };
            Some(guide(&nic, c.os_name.as_deref()))
        })
        .flatten();
    let guest_verified = (run.status == RunStatus::Completed)
        .then(|| crate::workflow::guest_view::verified(&run.plan, guest))
        .flatten();
    let guest_verified_text = guest_verified
        .as_ref()
        .and_then(|_| crate::workflow::guest_view::verified_text(&run.plan, guest));
    RunView {
        id: run.id.clone(),
        job: run.job,
        summary: summary(run),
        profile: run.profile.clone(),
        account: run.account.clone(),
        region: run.region.clone(),
        status: run.status,
        phase: run.phase,
        message: run.message.clone(),
        message_text: run.message_text.clone(),
        error: run.error.clone(),
        created_at: run.created_at.clone(),
        updated_at: run.updated_at.clone(),
        finished_at: run.finished_at.clone(),
        cancel_requested: run.cancel_requested,
        revision: u32::try_from(run.revision).unwrap_or(u32::MAX),
        steps: steps.iter().map(|s| step_view(run, s, guest)).collect(),
        can_resume: run.status == RunStatus::Interrupted,
        can_retry: run.status == RunStatus::WaitingForDecision,
        can_roll_back: matches!(
            run.status,
            RunStatus::Interrupted | RunStatus::WaitingForDecision
        ) || (run.status == RunStatus::Failed && run.phase == Phase::Rollback),
        can_cancel: run.status == RunStatus::Running
            && run.phase == Phase::Forward
            && !run.cancel_requested,
        state_if_stopped: state_if_stopped(steps),
        state_if_stopped_text: state_if_stopped_text(steps),
        roll_back_impact: undo_impact(run, steps, &[StepStatus::Done, StepStatus::Waiting]),
        cancel_impact: undo_impact(
            run,
            steps,
            &[StepStatus::Done, StepStatus::Running, StepStatus::Waiting],
        ),
        plan: PlanView::from(&run.plan),
        guest_os,
        guest_verified,
        guest_verified_text,
        // What the run created replaces its placeholders (see `lifecycle::created`).
        resources: crate::lifecycle::created::resolve(&resources(run), &created),
        allocation_id: crate::lifecycle::created::resolve(
            &run.plan
                .request
                .eip()
                .map(ToString::to_string)
                .or_else(|| {
                    run.plan.steps.iter().find_map(|s| {
                        crate::lifecycle::created::creates(&s.action)
                            .filter(|p| p.starts_with("eip-"))
                            .map(str::to_string)
                    })
                })
                .unwrap_or_default(),
            &created,
        ),
        eni_id: crate::lifecycle::created::resolve(
            &run.plan.context.eni.as_ref().map(ToString::to_string),
            &created,
        ),
        final_instance: run
            .plan
            .context
            .final_instance
            .as_ref()
            .map(ToString::to_string),
    }
}

/// Reads `run_id` from the journal and builds its view.
pub fn run_view(journal: &Journal, run_id: &str) -> Result<RunView, DbError> {
    let run = journal
        .run(run_id)?
        .ok_or_else(|| DbError::Corrupt(format!("run {run_id} is gone")))?;
    let steps = journal.steps(run_id)?;
    let guest = journal.guest_invocations(run_id)?;
    Ok(view_with_guest(&run, &steps, &guest))
}

/// The most recent runs, newest first.
pub fn recent_runs(journal: &Journal, limit: usize) -> Result<Vec<RunView>, DbError> {
    journal
        .list_runs(limit)?
        .iter()
        .map(|run| {
            let guest = journal.guest_invocations(&run.id)?;
            Ok(view_with_guest(run, &journal.steps(&run.id)?, &guest))
        })
        .collect()
}
