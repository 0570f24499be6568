//! The inbound rules a binding's run added (its remote-access steps that took effect), read
//! back from the journal. The undo of a cut-through binding, started as a run of its own,
//! asks for them so it removes them with the binding.

use super::guest_history::HISTORY;
use super::{DbError, Journal, RunStatus, StepStatus};
use crate::binding::StepAction;
use crate::binding::access_steps::IngressRule;

impl Journal {
    /// The rules the newest completed run that bound `eni` (in `region`) in cut-through mode
    /// on an instance added and still has (its `AuthorizeSecurityGroup` steps that are done).
    pub fn opened_rules(&self, region: &str, eni: &str) -> Result<Vec<IngressRule>, DbError> {
        let binds = |run: &super::RunRecord| {
            run.region == region
                && run.status == RunStatus::Completed
                && run.plan.needs_guest_setup()
                && run
                    .plan
                    .context
                    .eni
                    .as_ref()
                    .is_some_and(|e| e.as_str() == eni)
        };
        let Some(run) = self.list_runs(HISTORY)?.into_iter().find(binds) else {
            return Ok(Vec::new());
        };
        Ok(self
            .steps(&run.id)?
            .into_iter()
            .filter(|s| s.status == StepStatus::Done)
            .filter_map(|s| match s.action {
                StepAction::AuthorizeIngress { rule } => Some(rule),
                _ => None,
            })
            .collect())
    }
}
