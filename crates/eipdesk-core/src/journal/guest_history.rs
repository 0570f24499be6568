//! What EIP Desk left configured in a guest, read back from the journal: the last guest
//! script that changed the NIC of an ENI (a configure, or the revert that undid it), across
//! runs. The undo of a cut-through binding, started as a run of its own, asks it whether the
//! guest still carries the DHCP configuration a bind added, so it can revert it.

use super::guest::GuestInvocation;
use super::{DbError, Journal};
use crate::binding::StepAction;
use crate::binding::guest_steps::ConfiguredGuest;

/// How many of the most recent runs are looked through.
pub const HISTORY: usize = 500;

/// What one run's scripts last did to the NIC of `eni`: `Some(Some(guest))` configured,
/// `Some(None)` reverted, `None` nothing (no script of the run on it succeeded).
fn last_change(
    steps: &[crate::binding::PlanStep],
    rows: &[GuestInvocation],
    eni: &str,
) -> Option<Option<crate::binding::guest_steps::GuestTarget>> {
    let changes = |idx: usize, phase: &str| {
        rows.iter().any(|r| {
            r.step_idx == idx && r.phase == phase && r.status.as_deref() == Some("Success")
        })
    };
    let on_eni = |(idx, step): (usize, &crate::binding::PlanStep)| match &step.action {
        StepAction::GuestConfigure { guest, .. } if guest.eni.as_str() == eni => {
            Some((idx, guest.clone(), true))
        }
        StepAction::GuestRevert { guest } if guest.eni.as_str() == eni => {
            Some((idx, guest.clone(), false))
        }
        _ => None,
    };
    let scripts: Vec<_> = steps.iter().enumerate().filter_map(on_eni).collect();
    // A roll back undoes from the last step to the first: the undo of the lowest step that
    // has one ran last; without any undo, the highest step's script did.
    let undone = scripts.iter().find(|(idx, ..)| changes(*idx, "undo"));
    if let Some((_, guest, configures)) = undone {
        return Some((!configures).then(|| guest.clone()));
    }
    let done = scripts.iter().rev().find(|(idx, ..)| changes(*idx, "do"));
    done.map(|(_, guest, configures)| configures.then(|| guest.clone()))
}

impl Journal {
    /// The DHCP configuration EIP Desk's scripts left on the NIC of `eni` in `region` (the
    /// newest run whose scripts changed it decides), if it is still there.
    pub fn configured_guest(
        &self,
        region: &str,
        eni: &str,
    ) -> Result<Option<ConfiguredGuest>, DbError> {
        for run in self.list_runs(HISTORY)? {
            if run.region != region {
                continue;
            }
            let touches = run.plan.steps.iter().any(|s| {
                matches!(&s.action,
                    StepAction::GuestConfigure { guest, .. } | StepAction::GuestRevert { guest }
                        if guest.eni.as_str() == eni)
            });
            if !touches {
                continue;
            }
            let rows = self.guest_invocations(&run.id)?;
            if let Some(change) = last_change(&run.plan.steps, &rows, eni) {
                return Ok(change.map(|guest| ConfiguredGuest {
                    run_id: run.id.clone(),
                    guest,
                }));
            }
        }
        Ok(None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::binding::OnFailure;
    use crate::binding::PlanStep;
    use crate::binding::guest_steps::GuestTarget;
    use crate::guest_os::OsFamily;

    fn guest() -> GuestTarget {
        GuestTarget {
            instance: crate::ids::InstanceId::parse("i-test1").unwrap(),
            eni: crate::ids::EniId::parse("eni-test1").unwrap(),
            mac: "00:16:3e:00:00:01".into(),
            eip_address: "203.0.113.7".into(),
            os: OsFamily::Ubuntu,
        }
    }

    fn row(idx: usize, phase: &str, status: &str) -> GuestInvocation {
        GuestInvocation {
            step_idx: idx,
            phase: phase.into(),
            status: Some(status.into()),
            ..GuestInvocation::default()
        }
    }

    #[test]
    fn the_last_successful_script_of_a_run_decides() {
        let steps = vec![
            PlanStep {
                action: StepAction::GuestConfigure {
                    guest: guest(),
                    metric: None,
                },
                on_failure: OnFailure::Ask,
            },
            PlanStep {
                action: StepAction::GuestVerify { guest: guest() },
                on_failure: OnFailure::Ask,
            },
        ];
        let configured = [row(0, "do", "Success"), row(1, "do", "Success")];
        assert_eq!(
            last_change(&steps, &configured, "eni-test1"),
            Some(Some(guest()))
        );
        let rolled_back = [row(0, "do", "Success"), row(0, "undo", "Success")];
        assert_eq!(last_change(&steps, &rolled_back, "eni-test1"), Some(None));
        let failed = [row(0, "do", "Failed")];
        assert_eq!(last_change(&steps, &failed, "eni-test1"), None);
        assert_eq!(last_change(&steps, &configured, "eni-other"), None);
    }
}
