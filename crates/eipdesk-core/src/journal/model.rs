//! The journal's records: runs, their steps and every API call, with the statuses the engine
//! moves them through. Each status is stored and sent as its camelCase variant name: `strum`
//! (`IntoStaticStr`, `EnumString`) for the database, serde for the UI, with the same rule.

use crate::binding::{BindPlan, JobKind, StepAction};
use crate::error::ErrorDto;
use serde::{Deserialize, Serialize};
use strum::{EnumString, IntoStaticStr};
use ts_rs::TS;

/// Where a run stands.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, IntoStaticStr, EnumString,
)]
#[serde(rename_all = "camelCase")]
#[strum(serialize_all = "camelCase")]
pub enum RunStatus {
    /// Steps are executing.
    Running,
    /// A step failed after the point where undoing is automatic: retry or roll back.
    WaitingForDecision,
    /// Completed steps are being undone.
    RollingBack,
    /// Every step is done and verified.
    Completed,
    /// A failure was undone: everything is back as it was.
    RolledBack,
    /// The user cancelled and what was done is undone.
    Cancelled,
    /// Undoing failed too: the state needs a person (the timeline says what is left).
    Failed,
    /// Found unfinished at start-up (crash or kill): resume or roll back.
    Interrupted,
}

impl RunStatus {
    /// True while the run holds its resources half-way: running, rolling back, or waiting
    /// for the user's decision.
    pub fn in_progress(self) -> bool {
        matches!(
            self,
            RunStatus::Running | RunStatus::RollingBack | RunStatus::WaitingForDecision
        )
    }

    /// True when nothing more will happen without the user.
    pub fn is_final(self) -> bool {
        matches!(
            self,
            RunStatus::Completed | RunStatus::RolledBack | RunStatus::Cancelled | RunStatus::Failed
        )
    }
}

/// Which way a run is going.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, IntoStaticStr, EnumString,
)]
#[serde(rename_all = "camelCase")]
#[strum(serialize_all = "camelCase")]
pub enum Phase {
    Forward,
    Rollback,
}

/// One step's state in the timeline.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, IntoStaticStr, EnumString,
)]
#[serde(rename_all = "camelCase")]
#[strum(serialize_all = "camelCase")]
pub enum StepStatus {
    Pending,
    Running,
    /// The call returned; waiting for the state (`waiting_for` says which).
    Waiting,
    Done,
    Failed,
    Undoing,
    Undone,
    UndoFailed,
}

/// One run of a plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunRecord {
    pub id: String,
    pub job: JobKind,
    pub title: String,
    pub plan: BindPlan,
    pub profile: String,
    pub account: Option<String>,
    pub region: String,
    pub status: RunStatus,
    pub phase: Phase,
    /// What the user should know (e.g. "the ENI was re-attached to i-1 automatically").
    pub message: Option<String>,
    /// The message as a message key (`None` for a run journaled before schema version 5).
    pub message_text: Option<crate::workflow::run_text::RunMessage>,
    pub error: Option<ErrorDto>,
    pub cancel_requested: bool,
    /// Bumped by every change of the run or its steps: orders the views the UI receives.
    pub revision: u64,
    pub created_at: String,
    pub updated_at: String,
    pub finished_at: Option<String>,
}

/// One step of a run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepRecord {
    pub idx: usize,
    pub title: String,
    pub action: StepAction,
    pub status: StepStatus,
    pub waiting_for: Option<String>,
    pub client_token: Option<String>,
    pub request_id: Option<String>,
    pub undo_client_token: Option<String>,
    pub undo_request_id: Option<String>,
    pub error: Option<ErrorDto>,
    pub started_at: Option<String>,
    pub finished_at: Option<String>,
    /// What the step created (a new EIP's or ENI's ID), once its call returned.
    pub created_id: Option<String>,
}

/// Whether a call did a step or undid it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, IntoStaticStr, EnumString)]
#[strum(serialize_all = "camelCase")]
pub enum CallPhase {
    Do,
    Undo,
}

/// Which value of a step's call [`super::Journal::set_step_field`] stores.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepField {
    /// The ClientToken, stored before the call is sent (kept across retries).
    ClientToken,
    /// The RequestId the call returned.
    RequestId,
    /// The ID of what the call created (the same for both phases).
    CreatedId,
}

/// One API call, written before it is sent and completed after it returns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallRecord {
    pub id: i64,
    pub run_id: String,
    pub step_idx: usize,
    /// `do` or `undo`.
    pub phase: String,
    pub action: String,
    pub params: Vec<(String, String)>,
    pub client_token: Option<String>,
    pub started_at: String,
    pub finished_at: Option<String>,
    pub request_id: Option<String>,
    /// `sent` (no answer recorded: the app stopped during the call), `ok` or `error`.
    pub outcome: String,
    pub error: Option<ErrorDto>,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The stored texts: a change here breaks every existing database.
    #[test]
    fn stored_texts_are_stable() {
        use RunStatus as R;
        use StepStatus as S;
        let runs = [
            (R::Running, "running"),
            (R::WaitingForDecision, "waitingForDecision"),
            (R::RollingBack, "rollingBack"),
            (R::Completed, "completed"),
            (R::RolledBack, "rolledBack"),
            (R::Cancelled, "cancelled"),
            (R::Failed, "failed"),
            (R::Interrupted, "interrupted"),
        ];
        let steps = [
            (S::Pending, "pending"),
            (S::Running, "running"),
            (S::Waiting, "waiting"),
            (S::Done, "done"),
            (S::Failed, "failed"),
            (S::Undoing, "undoing"),
            (S::Undone, "undone"),
            (S::UndoFailed, "undoFailed"),
        ];
        fn check<T>(pairs: &[(T, &str)])
        where
            T: Copy + PartialEq + std::fmt::Debug + Serialize + Into<&'static str>,
            T: std::str::FromStr,
        {
            for &(value, text) in pairs {
                let stored: &str = value.into();
                assert_eq!(stored, text);
                assert_eq!(text.parse::<T>().ok(), Some(value));
                assert_eq!(serde_json::to_value(value).unwrap(), text);
            }
        }
        check(&runs);
        check(&steps);
        check(&[(Phase::Forward, "forward"), (Phase::Rollback, "rollback")]);
        for (value, text) in [(CallPhase::Do, "do"), (CallPhase::Undo, "undo")] {
            assert_eq!(<&str>::from(value), text);
            assert_eq!(text.parse::<CallPhase>().ok(), Some(value));
        }
        assert!("Running".parse::<RunStatus>().is_err());
    }
}
