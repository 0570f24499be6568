//! The workflow engine: runs a [`BindPlan`](crate::binding::BindPlan) step by step against the
//! real cloud, journaling every step and call (so a crashed run can be resumed or rolled
//! back), recording every mutating call in the audit log, undoing completed steps when a step
//! fails, and reporting progress through [`RunEvents`].
//!
//! * [`engine`]: runs, decisions (resume, retry, roll back, cancel), forward and rollback;
//! * [`step`]: one step's mechanics: check the real state first, call with retries, wait
//!   (the typed request of each step is `binding::calls`, shared with the plan);
//! * [`observe`]: reading and judging the state of an ENI or EIP;
//! * [`snapshot`]: the fresh region snapshot preflight works on;
//! * `guest`: the guest steps, run through Cloud Assistant; `access`: the optional
//!   security-group rule for remote access;
//! * [`reachability`]: the security-group check of step 7 of the guide, added to plans;
//! * [`view`]: what the UI's timeline receives;
//! * [`quit`]: when the user's answer to a close held by runs lets the app quit.

mod access;
pub mod engine;
mod guest;
pub mod guest_view;
pub mod observe;
pub mod quit;
pub mod reachability;
pub mod run_text;
pub mod snapshot;
mod step;
pub mod view;

pub use engine::{Engine, Progress};
pub use view::{RunView, StepView};

use crate::binding::texts::ReasonText;
use crate::binding::{Blocker, FormError};
use crate::error::{DescribeError, ErrorDto, ErrorHint, ErrorKind, ErrorText};
use crate::journal::{DbError, RunStatus};
use std::time::Duration;

/// Timing of the engine.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EngineConfig {
    /// First pause between two state reads while waiting; doubled up to `poll_max`.
    pub poll_initial: Duration,
    pub poll_max: Duration,
    /// How long one step may wait for its state.
    pub wait_deadline: Duration,
    /// How long one call is retried on retryable errors (on top of the client's own retries).
    pub call_deadline: Duration,
    /// How long a settled but unexpected state is tolerated after a call (the cloud may report
    /// the old state for a moment) before the step fails.
    pub settle_grace: Duration,
    /// How long the final verification may wait for every check to hold.
    pub verify_deadline: Duration,
}

impl Default for EngineConfig {
    fn default() -> Self {
        Self {
            poll_initial: Duration::from_millis(500),
            poll_max: Duration::from_secs(5),
            wait_deadline: Duration::from_secs(300),
            call_deadline: Duration::from_secs(120),
            settle_grace: Duration::from_secs(20),
            verify_deadline: Duration::from_secs(30),
        }
    }
}

impl EngineConfig {
    /// Short timings for tests against the emulator.
    pub fn fast() -> Self {
        Self {
            poll_initial: Duration::from_millis(25),
            poll_max: Duration::from_millis(200),
            wait_deadline: Duration::from_secs(20),
            call_deadline: Duration::from_millis(1500),
            settle_grace: Duration::from_millis(600),
            verify_deadline: Duration::from_secs(5),
        }
    }
}

/// Receives a run's new state after every change (the shell forwards it as a Tauri event).
pub trait RunEvents: Send + Sync {
    fn run_changed(&self, run: &RunView);
}

/// Drops every event.
#[derive(Debug, Default, Clone, Copy)]
pub struct NoEvents;

impl RunEvents for NoEvents {
    fn run_changed(&self, _run: &RunView) {}
}

/// What a run was asked to do when its state did not allow it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunAction {
    Resume,
    RollBack,
    Cancel,
}

impl RunAction {
    fn english(self) -> &'static str {
        match self {
            RunAction::Resume => "resume",
            RunAction::RollBack => "roll back",
            RunAction::Cancel => "be cancelled",
        }
    }
}

/// Errors of starting or steering runs (a failing *step* is not an error: it is recorded in
/// the run).
#[derive(Debug, thiserror::Error)]
pub enum WorkflowError {
    #[error(transparent)]
    Db(#[from] DbError),
    /// A cloud call failed (kept in its IPC shape).
    #[error("{}: {}", .0.code, .0.message)]
    Api(ErrorDto),
    #[error(transparent)]
    Form(#[from] FormError),
    #[error("the binding cannot run: {}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    Preflight(Vec<Blocker>),
    #[error("confirm first: {}", .0.iter().map(|w| w.english()).collect::<Vec<_>>().join(" "))]
    Unconfirmed(Vec<crate::binding::texts::UnconfirmedWarning>),
    #[error("run {0} was not found")]
    RunNotFound(String),
    #[error("run {id} is {}: it cannot {} now", <&str>::from(*status), action.english())]
    WrongState {
        id: String,
        status: RunStatus,
        action: RunAction,
    },
    #[error("run {run} is already working on {resource}; wait for it to finish")]
    Busy { run: String, resource: String },
    #[error("this run belongs to profile \"{profile}\"; switch to it to continue the run")]
    OtherProfile { profile: String },
    #[error(transparent)]
    Export(#[from] crate::export_file::ExportError),
}

impl From<alicloud_api::Error> for WorkflowError {
    fn from(e: alicloud_api::Error) -> Self {
        WorkflowError::Api(ErrorDto::from(e))
    }
}

impl WorkflowError {
    fn describe(&self) -> (ErrorKind, &str, Option<ErrorHint>) {
        match self {
            WorkflowError::Api(dto) => (dto.kind, &dto.code, None),
            WorkflowError::Db(_) => (
                ErrorKind::Internal,
                "JournalError",
                Some(ErrorHint::RunJournal),
            ),
            WorkflowError::Form(_) => (ErrorKind::InvalidInput, "InvalidForm", None),
            WorkflowError::Preflight(b) => (
                ErrorKind::InvalidState,
                b.first().map_or("PreflightFailed", Blocker::code),
                Some(ErrorHint::RunPreflight),
            ),
            WorkflowError::Unconfirmed(_) => (
                ErrorKind::InvalidInput,
                "ConfirmationRequired",
                Some(ErrorHint::RunConfirm),
            ),
            WorkflowError::RunNotFound(_) => (ErrorKind::NotFound, "RunNotFound", None),
            WorkflowError::WrongState { .. } => (
                ErrorKind::InvalidState,
                "RunStateConflict",
                Some(ErrorHint::RunWrongState),
            ),
            WorkflowError::Busy { .. } => (
                ErrorKind::InvalidState,
                "ResourceBusy",
                Some(ErrorHint::RunBusy),
            ),
            WorkflowError::OtherProfile { .. } => (ErrorKind::InvalidState, "OtherProfile", None),
            WorkflowError::Export(_) => (ErrorKind::InvalidInput, "ExportFailed", None),
        }
    }
}

/// A failed cloud call keeps its own IPC shape (Alibaba code, message, RequestId, hint).
impl DescribeError for WorkflowError {
    fn kind(&self) -> ErrorKind {
        match self {
            WorkflowError::Export(e) => e.kind(),
            _ => self.describe().0,
        }
    }
    fn code(&self) -> String {
        match self {
            WorkflowError::Export(e) => e.code(),
            _ => self.describe().1.to_string(),
        }
    }
    fn text(&self) -> Option<ErrorText> {
        match self {
            WorkflowError::Api(dto) => dto.words.as_ref().and_then(|w| w.message.clone()),
            WorkflowError::Export(e) => e.text(),
            WorkflowError::Db(e) => Some(match e {
                DbError::Sqlite(e) => ErrorText::JournalDb {
                    detail: e.to_string(),
                },
                DbError::Corrupt(detail) => ErrorText::JournalCorrupt {
                    detail: detail.clone(),
                },
                DbError::Schema(e) => ErrorText::JournalSchema {
                    detail: e.to_string(),
                },
            }),
            WorkflowError::RunNotFound(id) => Some(ErrorText::RunNotFound { id: id.clone() }),
            WorkflowError::Busy { run, resource } => Some(ErrorText::RunBusy {
                run: run.clone(),
                resource: resource.clone(),
            }),
            WorkflowError::OtherProfile { profile } => Some(ErrorText::RunOtherProfile {
                profile: profile.clone(),
            }),
            WorkflowError::Preflight(blockers) => Some(ErrorText::RunPreflight {
                reasons: blockers.iter().map(ReasonText::from).collect(),
            }),
            WorkflowError::Unconfirmed(warnings) => Some(ErrorText::RunUnconfirmed {
                warnings: warnings.clone(),
            }),
            WorkflowError::WrongState { id, status, action } => {
                let (id, run_status) = (id.clone(), *status);
                Some(match action {
                    RunAction::Resume => ErrorText::RunCannotResume { id, run_status },
                    RunAction::RollBack => ErrorText::RunCannotRollBack { id, run_status },
                    RunAction::Cancel => ErrorText::RunCannotCancel { id, run_status },
                })
            }
            WorkflowError::Form(FormError::InvalidId(e)) => e.text(),
            WorkflowError::Form(e) => e
                .problem()
                .map(|form_problem| ErrorText::InvalidForm { form_problem }),
        }
    }
    fn hint_text(&self) -> Option<ErrorHint> {
        match self {
            WorkflowError::Api(dto) => dto.words.as_ref().and_then(|w| w.hint.clone()),
            WorkflowError::Export(e) => e.hint_text(),
            _ => self.describe().2,
        }
    }
    fn hint(&self) -> Option<String> {
        match self {
            WorkflowError::Api(dto) => dto.hint.clone(),
            WorkflowError::Export(e) => e.hint(),
            _ => self.hint_text().map(|h| crate::text::Message::english(&h)),
        }
    }
    fn message(&self) -> String {
        match self {
            WorkflowError::Api(dto) => dto.message.clone(),
            _ => self.to_string(),
        }
    }
    fn request_id(&self) -> Option<String> {
        match self {
            WorkflowError::Api(dto) => dto.request_id.clone(),
            _ => None,
        }
    }
}
