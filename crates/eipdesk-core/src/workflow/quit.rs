//! Quitting once runs are safe: the user's answer to a close that was held because runs were
//! in progress ("wait for a safe point", "roll back, then quit"), and the rule that says when
//! that answer is fulfilled. The shell holds the answer, not the page, so a reload or a crash
//! of the web view cannot lose it; it checks [`QuitIntent::fulfilled`] after every change of a
//! run and quits when it holds.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::ids::RunId;
use crate::journal::RunStatus;

/// What the runs held by a close must reach before the app quits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum QuitWhen {
    /// No step is executing or being undone: each run completed, or stopped where nothing is
    /// in flight (waiting for a decision, failed).
    SafePoint,
    /// Each run has finished rolling back (or stopped), and none waits for a decision.
    RolledBack,
}

impl QuitWhen {
    /// Whether a run in `status` no longer holds the quit.
    pub fn reached(self, status: RunStatus) -> bool {
        match self {
            QuitWhen::SafePoint => !matches!(status, RunStatus::Running | RunStatus::RollingBack),
            QuitWhen::RolledBack => !status.in_progress(),
        }
    }
}

/// The user's answer: quit once every one of `runs` has reached `when`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct QuitIntent {
    pub when: QuitWhen,
    #[ts(type = "RunId[]")]
    pub runs: Vec<RunId>,
}

impl QuitIntent {
    /// Whether the app may quit now, given each run's current status (`None`: the run is
    /// gone from the journal, so it holds nothing).
    pub fn fulfilled(&self, status_of: impl Fn(&RunId) -> Option<RunStatus>) -> bool {
        self.runs
            .iter()
            .all(|id| status_of(id).is_none_or(|s| self.when.reached(s)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use RunStatus::*;

    const ALL: [RunStatus; 8] = [
        Running,
        WaitingForDecision,
        RollingBack,
        Completed,
        RolledBack,
        Cancelled,
        Failed,
        Interrupted,
    ];

    fn reached(when: QuitWhen) -> Vec<RunStatus> {
        ALL.into_iter().filter(|s| when.reached(*s)).collect()
    }

    #[test]
    fn a_safe_point_is_anything_but_a_step_in_flight() {
        assert_eq!(
            reached(QuitWhen::SafePoint),
            [
                WaitingForDecision,
                Completed,
                RolledBack,
                Cancelled,
                Failed,
                Interrupted
            ]
        );
    }

    #[test]
    fn rolled_back_waits_for_every_run_in_progress() {
        assert_eq!(
            reached(QuitWhen::RolledBack),
            [Completed, RolledBack, Cancelled, Failed, Interrupted]
        );
    }

    #[test]
    fn the_intent_holds_until_every_run_reached_it() {
        let a = RunId::parse("run-a").unwrap();
        let b = RunId::parse("run-b").unwrap();
        let intent = QuitIntent {
            when: QuitWhen::SafePoint,
            runs: vec![a.clone(), b.clone()],
        };
        let only_a_running = |id: &RunId| Some(if *id == a { Running } else { Completed });
        let only_b_running = |id: &RunId| Some(if *id == b { Running } else { Completed });
        assert!(!intent.fulfilled(only_a_running));
        assert!(!intent.fulfilled(only_b_running));
        assert!(intent.fulfilled(|_| Some(Completed)));
        assert!(
            intent.fulfilled(|_| None),
            "runs gone from the journal hold nothing"
        );
    }
}
