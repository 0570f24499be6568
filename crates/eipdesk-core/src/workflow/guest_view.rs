//! What the run view shows of a guest step: its Cloud Assistant invocation (InvokeId,
//! status, exit code, bounded output), what it verified, or why it was skipped; and what the
//! run as a whole verified in the guest, also as a message key ([`VerifiedText`]) the
//! verified panel words in the user's language.

use crate::binding::{BindPlan, StepAction};
use crate::guest_os::verify::{self, Verified};
use crate::journal::guest::GuestInvocation;
use crate::workflow::run_text::GuestNote;
use serde::{Deserialize, Serialize};
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
    /// [`GuestStepView::skipped`] as a message key (the UI words it).
    pub skipped_text: Option<GuestNote>,
    /// [`GuestStepView::summary`] as a message key.
    pub summary_text: Option<GuestNote>,
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
        skipped_text: row.note_text.clone(),
        summary_text: row.summary_text.clone(),
    })
}

/// What the verification found: the EIP on which interface (`gv_<key>`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "key", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum VerifiedText {
    Verified {
        ip: String,
        interface: String,
        mac: String,
    },
    VerifiedMetric {
        ip: String,
        interface: String,
        mac: String,
        metric: u32,
    },
}

impl crate::text::Message for VerifiedText {
    const PREFIX: &'static str = "gv";
}

impl VerifiedText {
    pub fn new(ip: &str, v: &Verified) -> Self {
        let (ip, interface, mac) = (ip.to_string(), v.interface.clone(), v.mac.clone());
        match v.metric {
            Some(m) => Self::VerifiedMetric {
                ip,
                interface,
                mac,
                metric: u32::try_from(m).unwrap_or(u32::MAX),
            },
            None => Self::Verified { ip, interface, mac },
        }
    }
}

/// What the run's verification step found, read again from its journaled output (`None`
/// when the run did not verify the EIP, or the bounded output no longer parses).
pub fn verified_text(plan: &BindPlan, rows: &[GuestInvocation]) -> Option<VerifiedText> {
    rows.iter()
        .filter(|r| r.phase == "do" && r.status.as_deref() == Some("Success"))
        .find_map(|r| match plan.steps.get(r.step_idx).map(|s| &s.action) {
            Some(StepAction::GuestVerify { guest }) => {
                let v = verify::check(guest.os, &r.output, &guest.nic()).ok()?;
                Some(VerifiedText::new(&guest.eip_address, &v))
            }
            _ => None,
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
