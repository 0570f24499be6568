//! The engine: starts runs, moves them forward one step at a time, undoes completed steps in
//! reverse order when a step fails (automatically, or after the user chose to), and handles
//! the user's decisions: resume, retry, roll back, cancel. All state lives in the journal, so
//! any engine built on the same database can continue any run.

use super::run_text::RunMessage;
use super::view::run_view;
use super::{EngineConfig, RunAction, RunEvents, WorkflowError};
use crate::audit::AuditLog;
use crate::binding::texts::UnconfirmedWarning;
use crate::binding::{BindPlan, Confirmations, OnFailure};
use crate::journal::{
    CallPhase, Database, Journal, Phase, RunOwner, RunRecord, RunStatus, StepRecord, StepStatus,
};
use alicloud_api::Client;
use std::sync::Arc;
use std::time::Duration;

/// What one call of [`Engine::step_once`] left behind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// More work to do.
    Continue,
    /// The run stopped: final, waiting for a decision, or interrupted.
    Paused(RunStatus),
}

/// Runs binding plans.
pub struct Engine {
    pub(super) journal: Journal,
    pub(super) audit: AuditLog,
    pub(super) client: Client,
    pub(super) events: Arc<dyn RunEvents>,
    pub(super) config: EngineConfig,
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Engine")
            .field("config", &self.config)
            .finish_non_exhaustive()
    }
}

fn wrong(run: &RunRecord, action: RunAction) -> WorkflowError {
    WorkflowError::WrongState {
        id: run.id.clone(),
        status: run.status,
        action,
    }
}

/// Steps whose effect may need undoing, in the order they are undone (last first).
fn undo_candidate(steps: &[StepRecord]) -> Option<&StepRecord> {
    steps.iter().rev().find(|s| {
        s.action.undo().is_some()
            && matches!(
                s.status,
                StepStatus::Done
                    | StepStatus::Failed
                    | StepStatus::Running
                    | StepStatus::Waiting
                    | StepStatus::Undoing
                    | StepStatus::UndoFailed
            )
    })
}

impl Engine {
    /// An engine on `db` that calls the cloud through `client`. The client's own retries on
    /// "invalid state" codes are turned off: the engine decides those after reading the state.
    pub fn new(
        db: Database,
        client: &Client,
        events: Arc<dyn RunEvents>,
        config: EngineConfig,
    ) -> Self {
        let mut retry = client.retry_policy().clone();
        retry.invalid_state_deadline = Duration::ZERO;
        Self {
            journal: Journal::new(db.clone()),
            audit: AuditLog::new(db),
            client: client.with_retry_policy(retry),
            events,
            config,
        }
    }

    pub fn journal(&self) -> &Journal {
        &self.journal
    }

    pub(super) fn emit(&self, run_id: &str) {
        match run_view(&self.journal, run_id) {
            Ok(view) => self.events.run_changed(&view),
            Err(e) => tracing::warn!(run = run_id, error = %e, "cannot build the run view"),
        }
    }

    fn load(&self, run_id: &str) -> Result<RunRecord, WorkflowError> {
        self.journal
            .run(run_id)?
            .ok_or_else(|| WorkflowError::RunNotFound(run_id.to_string()))
    }

    /// Records a new run of `plan` once every warning is confirmed. It does not execute: call
    /// [`Engine::drive`] (usually on a task).
    pub fn start(
        &self,
        plan: &BindPlan,
        confirmations: &Confirmations,
        owner: &RunOwner,
    ) -> Result<RunRecord, WorkflowError> {
        let missing = plan.unconfirmed(confirmations);
        if !missing.is_empty() {
            return Err(WorkflowError::Unconfirmed(
                missing
                    .iter()
                    .map(|w| UnconfirmedWarning::of(w, plan))
                    .collect(),
            ));
        }
        let run = self.journal.create_run(plan, owner)?;
        tracing::info!(run = %run.id, job = ?run.job, region = %run.region, "run started");
        self.emit(&run.id);
        Ok(run)
    }

    /// Works on the run until it stops (final, waiting for a decision, or interrupted).
    pub async fn drive(&self, run_id: &str) -> Result<RunStatus, WorkflowError> {
        loop {
            if let Progress::Paused(status) = self.step_once(run_id).await? {
                return Ok(status);
            }
        }
    }

    /// Does one unit of work: one step forward, or one step undone.
    pub async fn step_once(&self, run_id: &str) -> Result<Progress, WorkflowError> {
        let run = self.load(run_id)?;
        match run.status {
            RunStatus::Running => self.forward(&run).await,
            RunStatus::RollingBack => self.backward(&run).await,
            other => Ok(Progress::Paused(other)),
        }
    }

    /// Continues an interrupted run (in the direction it was going), retries the failed step
    /// of a run waiting for a decision, or retries a rollback that failed.
    pub fn resume(&self, run_id: &str) -> Result<(), WorkflowError> {
        let run = self.load(run_id)?;
        match (run.status, run.phase) {
            (RunStatus::Interrupted | RunStatus::WaitingForDecision, Phase::Forward) => {
                self.journal.clear_cancel(run_id)?;
                self.journal.set_run(
                    run_id,
                    RunStatus::Running,
                    Phase::Forward,
                    Some(&RunMessage::Resumed),
                    None,
                )?;
            }
            (RunStatus::Interrupted | RunStatus::Failed, Phase::Rollback) => {
                self.journal.set_run(
                    run_id,
                    RunStatus::RollingBack,
                    Phase::Rollback,
                    Some(&RunMessage::RollingBackAgain),
                    run.error.as_ref(),
                )?;
            }
            _ => return Err(wrong(&run, RunAction::Resume)),
        }
        self.emit(run_id);
        Ok(())
    }

    /// Undoes what the run did (reverse order): for an interrupted run, one waiting for a
    /// decision, or a failed rollback.
    pub fn roll_back(&self, run_id: &str) -> Result<(), WorkflowError> {
        let run = self.load(run_id)?;
        let allowed = matches!(
            run.status,
            RunStatus::Interrupted | RunStatus::WaitingForDecision
        ) || (run.status == RunStatus::Failed && run.phase == Phase::Rollback);
        if !allowed {
            return Err(wrong(&run, RunAction::RollBack));
        }
        self.journal.set_run(
            run_id,
            RunStatus::RollingBack,
            Phase::Rollback,
            Some(&RunMessage::RollingBackAsRequested),
            run.error.as_ref(),
        )?;
        self.emit(run_id);
        Ok(())
    }

    /// Asks a running run to stop after its current step and undo what it did.
    pub fn cancel(&self, run_id: &str) -> Result<(), WorkflowError> {
        let run = self.load(run_id)?;
        if run.status != RunStatus::Running || run.phase != Phase::Forward {
            return Err(wrong(&run, RunAction::Cancel));
        }
        self.journal.request_cancel(run_id)?;
        self.emit(run_id);
        Ok(())
    }

    async fn forward(&self, run: &RunRecord) -> Result<Progress, WorkflowError> {
        if run.cancel_requested {
            self.journal.set_run(
                &run.id,
                RunStatus::RollingBack,
                Phase::Rollback,
                Some(&RunMessage::Cancelling),
                None,
            )?;
            self.emit(&run.id);
            return Ok(Progress::Continue);
        }
        let steps = self.journal.steps(&run.id)?;
        let Some(step) = steps.iter().find(|s| s.status != StepStatus::Done) else {
            let message = self.completion_message(run)?;
            self.journal.set_run(
                &run.id,
                RunStatus::Completed,
                Phase::Forward,
                Some(&message),
                None,
            )?;
            tracing::info!(run = %run.id, "run completed");
            self.emit(&run.id);
            return Ok(Progress::Paused(RunStatus::Completed));
        };
        let plan_step =
            run.plan.steps.get(step.idx).ok_or_else(|| {
                WorkflowError::RunNotFound(format!("{} step {}", run.id, step.idx))
            })?;
        self.journal
            .set_step(&run.id, step.idx, StepStatus::Running, None, None)?;
        self.emit(&run.id);
        match self
            .execute(run, step, &plan_step.action, CallPhase::Do)
            .await?
        {
            Ok(()) => {
                self.journal
                    .set_step(&run.id, step.idx, StepStatus::Done, None, None)?;
                self.emit(&run.id);
                Ok(Progress::Continue)
            }
            Err(error) => {
                self.journal
                    .set_step(&run.id, step.idx, StepStatus::Failed, None, Some(&error))?;
                tracing::warn!(run = %run.id, step = step.idx, code = %error.code, "step failed");
                let progress = match plan_step.on_failure {
                    OnFailure::RollBack => {
                        let message = RunMessage::FailedRollingBack {
                            step: step.action.title_text(),
                            code: error.code.clone(),
                        };
                        self.journal.set_run(
                            &run.id,
                            RunStatus::RollingBack,
                            Phase::Rollback,
                            Some(&message),
                            Some(&error),
                        )?;
                        Progress::Continue
                    }
                    OnFailure::Ask => {
                        let message = RunMessage::FailedAsk {
                            step: step.action.title_text(),
                            code: error.code.clone(),
                        };
                        self.journal.set_run(
                            &run.id,
                            RunStatus::WaitingForDecision,
                            Phase::Forward,
                            Some(&message),
                            Some(&error),
                        )?;
                        Progress::Paused(RunStatus::WaitingForDecision)
                    }
                };
                self.emit(&run.id);
                Ok(progress)
            }
        }
    }

    async fn backward(&self, run: &RunRecord) -> Result<Progress, WorkflowError> {
        let steps = self.journal.steps(&run.id)?;
        let Some(step) = undo_candidate(&steps) else {
            return self.finish_rollback(run, &steps);
        };
        let Some(undo) = step.action.undo() else {
            return Ok(Progress::Continue);
        };
        self.journal
            .set_step(&run.id, step.idx, StepStatus::Undoing, None, None)?;
        self.emit(&run.id);
        match self.execute(run, step, &undo, CallPhase::Undo).await? {
            Ok(()) => {
                self.journal
                    .set_step(&run.id, step.idx, StepStatus::Undone, None, None)?;
                self.emit(&run.id);
                Ok(Progress::Continue)
            }
            Err(error) => {
                self.journal.set_step(
                    &run.id,
                    step.idx,
                    StepStatus::UndoFailed,
                    None,
                    Some(&error),
                )?;
                let message = RunMessage::UndoFailed {
                    step: step.action.title_text(),
                    code: error.code.clone(),
                    message: error.message.clone(),
                };
                self.journal.set_run(
                    &run.id,
                    RunStatus::Failed,
                    Phase::Rollback,
                    Some(&message),
                    Some(&error),
                )?;
                tracing::error!(run = %run.id, step = step.idx, code = %error.code, "rollback failed");
                self.emit(&run.id);
                Ok(Progress::Paused(RunStatus::Failed))
            }
        }
    }

    fn finish_rollback(
        &self,
        run: &RunRecord,
        steps: &[StepRecord],
    ) -> Result<Progress, WorkflowError> {
        let undo_calls: Vec<_> = steps
            .iter()
            .rev()
            .filter(|s| s.status == StepStatus::Undone && s.undo_request_id.is_some())
            .filter_map(|s| s.action.undo())
            .collect();
        let now = crate::binding::outcome::outcome_texts(&undo_calls);
        let nothing = undo_calls.is_empty();
        let (status, message) = if run.cancel_requested {
            (
                RunStatus::Cancelled,
                if nothing {
                    RunMessage::CancelledNothing
                } else {
                    RunMessage::Cancelled { now }
                },
            )
        } else if let Some(error) = &run.error {
            let automatic = steps
                .iter()
                .find(|s| s.error.is_some())
                .and_then(|s| run.plan.steps.get(s.idx))
                .is_some_and(|p| p.on_failure == OnFailure::RollBack);
            let code = error.code.clone();
            let message = match (automatic, nothing) {
                (true, true) => RunMessage::RolledBackAutomaticallyNothing { code },
                (true, false) => RunMessage::RolledBackAutomatically { code, now },
                (false, true) => RunMessage::RolledBackAsRequestedNothing { code },
                (false, false) => RunMessage::RolledBackAsRequested { code, now },
            };
            (RunStatus::RolledBack, message)
        } else if nothing {
            (RunStatus::RolledBack, RunMessage::RolledBackNothing)
        } else {
            (RunStatus::RolledBack, RunMessage::RolledBack { now })
        };
        self.journal.set_run(
            &run.id,
            status,
            Phase::Rollback,
            Some(&message),
            run.error.as_ref(),
        )?;
        tracing::info!(run = %run.id, status = <&str>::from(status), "rollback finished");
        self.emit(&run.id);
        Ok(Progress::Paused(status))
    }
}
