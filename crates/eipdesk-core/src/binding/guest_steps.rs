//! The guest steps of a cut-through plan: after the attach, configure the NIC with the ENI's
//! MAC inside the guest OS (DHCP on, NIC up, optionally the route metric) and verify from the
//! guest's own output that the EIP is on it, both through Cloud Assistant. Whether a plan gets
//! them is decided here ([`GuestChoice`]: on by default outside production, asked on
//! production); when it does not, the plan says why and the run ends with the instructions.
//! The undo of such a binding, run on its own, restores the guest first ([`add_guest_revert`]).

use serde::{Deserialize, Serialize};

use super::job::BindRequest;
use super::plan::{BindPlan, OnFailure, PlanStep, StepAction};
use super::plan_notes::PlanNote;
use super::step_text::StepTitle;
use crate::guest_os::{GuestNic, OsFamily};
use crate::ids::{EniId, InstanceId};

/// The NIC a guest step works on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GuestTarget {
    pub instance: InstanceId,
    pub eni: EniId,
    pub mac: String,
    pub eip_address: String,
    pub os: OsFamily,
}

impl GuestTarget {
    /// The NIC as the scripts and the verifier see it.
    pub fn nic(&self) -> GuestNic {
        GuestNic {
            mac: self.mac.clone(),
            eni_id: self.eni.to_string(),
            eip_address: self.eip_address.clone(),
        }
    }
}

/// The user's choice in the form.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct GuestChoice {
    /// Configure and verify the guest through Cloud Assistant. `None`: on, except on a
    /// production profile, where it must be asked for.
    #[serde(default)]
    #[ts(optional)]
    pub configure: Option<bool>,
    /// The default-route metric to give the new NIC (lower = preferred), if any.
    #[serde(default)]
    #[ts(optional)]
    pub route_metric: Option<u32>,
}

impl GuestChoice {
    /// Whether the guest steps run.
    pub fn wanted(&self, production: bool) -> bool {
        self.configure.unwrap_or(!production)
    }
}

/// Adds the guest steps to a cut-through plan that ends with the ENI attached (or a note
/// saying why not).
pub fn add_guest_steps(plan: &mut BindPlan, choice: &GuestChoice, production: bool) {
    if !plan.needs_guest_setup() {
        return;
    }
    let ctx = &plan.context;
    let (Some(instance), Some(eni), Some(mac)) = (
        ctx.final_instance.clone(),
        ctx.eni.clone(),
        ctx.eni_mac.clone(),
    ) else {
        return;
    };
    if !choice.wanted(production) {
        plan.notes.push(if production {
            PlanNote::GuestManualProduction
        } else {
            PlanNote::GuestManualChosen
        });
        return;
    }
    let Some(os) = ctx.os_name.as_deref().and_then(OsFamily::detect) else {
        plan.notes.push(PlanNote::GuestOsUnsupported {
            instance: instance.to_string(),
            os: ctx.os_name.clone().unwrap_or_else(|| "unknown".into()),
        });
        return;
    };
    let guest = GuestTarget {
        instance,
        eni,
        mac,
        eip_address: ctx.eip_address.clone(),
        os,
    };
    plan.notes.retain(|n| *n != PlanNote::EnableDhcp);
    plan.notes.push(PlanNote::GuestConfigured {
        mac: guest.mac.clone(),
        instance: guest.instance.to_string(),
        ip: guest.eip_address.clone(),
    });
    plan.steps.push(PlanStep {
        action: StepAction::GuestConfigure {
            guest: guest.clone(),
            metric: choice.route_metric,
        },
        on_failure: OnFailure::Ask,
    });
    plan.steps.push(PlanStep {
        action: StepAction::GuestVerify { guest },
        on_failure: OnFailure::Ask,
    });
}

/// A guest whose NIC still carries the DHCP configuration a run's script added (read from the
/// journal: `Journal::configured_guest`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfiguredGuest {
    /// The run whose script configured it.
    pub run_id: String,
    pub guest: GuestTarget,
}

/// Adds to the undo of a cut-through binding the revert of the guest configuration a bind
/// left (`configured`), before the detach, while the NIC is still in that guest. When the ENI
/// is no longer attached to that instance the plan says what the user must do instead.
pub fn add_guest_revert(plan: &mut BindPlan, configured: Option<ConfiguredGuest>) {
    let BindRequest::CutThroughUnbind { .. } = plan.request else {
        return;
    };
    let Some(ConfiguredGuest { run_id, guest }) = configured else {
        return;
    };
    if plan.context.original_instance.as_ref() != Some(&guest.instance) {
        let (run, mac, instance) = (run_id, guest.mac, guest.instance.to_string());
        plan.notes.push(if guest.os == OsFamily::Windows {
            PlanNote::GuestRevertElsewhereWindows { run, mac, instance }
        } else {
            PlanNote::GuestRevertElsewhereLinux { run, mac, instance }
        });
        return;
    }
    plan.notes.push(PlanNote::GuestRevert {
        run: run_id,
        mac: guest.mac.clone(),
        instance: guest.instance.to_string(),
    });
    plan.steps.insert(
        0,
        PlanStep {
            action: StepAction::GuestRevert { guest },
            on_failure: OnFailure::Ask,
        },
    );
}

/// What the user does by hand to undo the guest configuration.
pub fn manual_revert(os: OsFamily) -> &'static str {
    if os == OsFamily::Windows {
        "set the interface metric of the adapter with that MAC back to automatic and disable it"
    } else {
        "delete the NIC's DHCP configuration file EIP Desk wrote, release its lease and bring it down"
    }
}

/// The timeline line of a guest step on `guest`.
pub fn title(action: &StepAction, guest: &GuestTarget) -> StepTitle {
    let mac = guest.mac.clone();
    let instance = guest.instance.to_string();
    match action {
        StepAction::GuestVerify { .. } => StepTitle::GuestVerify {
            ip: guest.eip_address.clone(),
            mac,
            instance,
        },
        StepAction::GuestRevert { .. } => StepTitle::GuestRevert { mac, instance },
        _ => StepTitle::GuestConfigure { mac, instance },
    }
}

/// Whether `action` is a guest step.
pub fn is_guest(action: &StepAction) -> bool {
    matches!(
        action,
        StepAction::GuestConfigure { .. }
            | StepAction::GuestVerify { .. }
            | StepAction::GuestRevert { .. }
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guest_steps_are_on_by_default_outside_production_and_asked_on_production() {
        assert!(GuestChoice::default().wanted(false));
        assert!(!GuestChoice::default().wanted(true));
        let yes = GuestChoice {
            configure: Some(true),
            route_metric: None,
        };
        assert!(yes.wanted(true));
        let no = GuestChoice {
            configure: Some(false),
            route_metric: None,
        };
        assert!(!no.wanted(false));
    }

    #[test]
    fn an_undo_restores_the_guest_only_where_the_nic_still_is() {
        let guest = GuestTarget {
            instance: InstanceId::parse("i-test1").unwrap(),
            eni: EniId::parse("eni-test1").unwrap(),
            mac: "00:16:3e:00:00:01".into(),
            eip_address: "203.0.113.7".into(),
            os: OsFamily::Ubuntu,
        };
        let configured = || {
            Some(ConfiguredGuest {
                run_id: "run-1".into(),
                guest: guest.clone(),
            })
        };
        let mut plan = BindPlan {
            request: BindRequest::CutThroughUnbind {
                eip: crate::ids::AllocationId::parse("eip-test1").unwrap(),
                reattach_to: None,
            },
            region: crate::ids::RegionId::parse("cn-hangzhou").unwrap(),
            steps: Vec::new(),
            warnings: Vec::new(),
            notes: Vec::new(),
            context: super::super::plan::PlanContext::default(),
        };
        let detached = {
            let mut p = plan.clone();
            add_guest_revert(&mut p, configured());
            p
        };
        assert!(detached.steps.is_empty());
        assert!(
            detached.notes[0]
                .to_string()
                .contains("remove it in that guest yourself")
        );
        plan.context.original_instance = Some(guest.instance.clone());
        add_guest_revert(&mut plan, configured());
        assert_eq!(
            plan.steps[0].action,
            StepAction::GuestRevert {
                guest: guest.clone()
            }
        );
        let mut nothing = plan.clone();
        nothing.steps.clear();
        add_guest_revert(&mut nothing, None);
        assert!(nothing.steps.is_empty());
    }
}
