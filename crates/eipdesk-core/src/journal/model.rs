//! The journal's records: runs, their steps and every API call, with the statuses the engine
//! moves them through.

use crate::binding::{BindPlan, JobKind, StepAction};
use crate::error::ErrorDto;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

macro_rules! text_enum {
    ($(#[$m:meta])* $name:ident { $($(#[$vm:meta])* $variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
        pub enum $name { $($(#[$vm])* #[serde(rename = $text)] $variant),+ }
        impl $name {
            pub fn as_str(self) -> &'static str { match self { $(Self::$variant => $text),+ } }
            pub fn parse(text: &str) -> Option<Self> { match text { $($text => Some(Self::$variant),)+ _ => None } }
        }
    };
}

text_enum!(
    /// Where a run stands.
    RunStatus {
        /// Steps are executing.
        Running => "running",
        /// A step failed after the point where undoing is automatic: retry or roll back.
        WaitingForDecision => "waitingForDecision",
        /// Completed steps are being undone.
        RollingBack => "rollingBack",
        /// Every step is done and verified.
        Completed => "completed",
        /// A failure was undone: everything is back as it was.
        RolledBack => "rolledBack",
        /// The user cancelled and what was done is undone.
        Cancelled => "cancelled",
        /// Undoing failed too: the state needs a person (the timeline says what is left).
        Failed => "failed",
        /// Found unfinished at start-up (crash or kill): resume or roll back.
        Interrupted => "interrupted",
    }
);

impl RunStatus {
    /// True when nothing more will happen without the user.
    pub fn is_final(self) -> bool {
        matches!(
            self,
            RunStatus::Completed | RunStatus::RolledBack | RunStatus::Cancelled | RunStatus::Failed
        )
    }
}

text_enum!(
    /// Which way a run is going.
    Phase {
        Forward => "forward",
        Rollback => "rollback",
    }
);

text_enum!(
    /// One step's state in the timeline.
    StepStatus {
        Pending => "pending",
        Running => "running",
        /// The call returned; waiting for the state (`waiting_for` says which).
        Waiting => "waiting",
        Done => "done",
        Failed => "failed",
        Undoing => "undoing",
        Undone => "undone",
        UndoFailed => "undoFailed",
    }
);

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
}

/// Whether a call did a step or undid it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CallPhase {
    Do,
    Undo,
}

impl CallPhase {
    pub fn as_str(self) -> &'static str {
        match self {
            CallPhase::Do => "do",
            CallPhase::Undo => "undo",
        }
    }
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
