//! What the run view shows of a guest step: its Cloud Assistant invocation (InvokeId,
//! status, exit code, bounded output), what it verified, or why it was skipped; and what the
//! run as a whole verified in the guest.

use crate::binding::{BindPlan, StepAction};
use crate::journal::guest::GuestInvocation;
use serde::Serialize;
use ts_rs::TS;

/// A guest step's invocation, for the timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GuestStepView {
    pub invoke_id: Option<String>,
    /// `Pending`, `Running`, `Success`, `Failed`, `Timeout`, ...
    pub status: Option<String>,
    pub exit_code: Option<i64>,
    /// The script's output (bounded; the journal keeps its head and tail).
    pub output: String,
    /// Why the step ran no script (Cloud Assistant offline, ...).
    pub skipped: Option<String>,
    /// What the step found (e.g. "EIP … verified on eth1 (MAC …)").
    pub summary: Option<String>,
}

/// The view of step `idx` from the run's journaled invocations (its undo's, when it has one).
pub fn guest_view(rows: &[GuestInvocation], idx: usize) -> Option<GuestStepView> {
    let row = rows
        .iter()
        .filter(|r| r.step_idx == idx)
        .max_by_key(|r| r.phase == "undo")?;
    Some(GuestStepView {
        invoke_id: row.invoke_id.clone(),
        status: row.status.clone(),
        exit_code: row.exit_code,
        output: row.output.clone(),
        skipped: row.note.clone(),
        summary: row.summary.clone(),
    })
}

/// What the run's verification step found in the guest (its summary), if it verified the EIP.
pub fn verified(plan: &BindPlan, rows: &[GuestInvocation]) -> Option<String> {
    rows.iter()
        .filter(|r| r.phase == "do" && r.status.as_deref() == Some("Success"))
        .filter(|r| {
            matches!(
                plan.steps.get(r.step_idx).map(|s| &s.action),
                Some(StepAction::GuestVerify { .. })
            )
        })
        .find_map(|r| r.summary.clone())
}
