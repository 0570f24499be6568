//! The guide's notes the plan and the form state in words: what a subscription (PrePaid) EIP
//! in cut-through mode means for the ENI's private networking when it is unbound or
//! released, how many ENIs an instance's type takes, and what a switch of binding mode
//! changes inside the guest OS (the plan's note and the completed run's message).

use super::facts::{InstanceFacts, Snapshot};
use super::job::{BindMode, BindRequest};
use super::plan::BindPlan;

/// The note of an unbind (or a release) of a subscription EIP bound in cut-through mode.
pub fn prepaid_unbind_note(eip: &str, eni: &str) -> String {
    format!(
        "{eip} is a subscription (PrePaid) EIP in cut-through mode. Unbinding it as planned gives {eni} its private networking back; releasing it while it is still bound would leave {eni} without private networking until the ENI is detached and bound again."
    )
}

/// `ENIs 2 of 3 (ecs.g7.large)`: how many ENIs the instance has and its type's capacity.
pub fn eni_capacity(instance: &InstanceFacts, snapshot: &Snapshot) -> String {
    let used = snapshot.enis_attached_to(&instance.id);
    match instance.eni_quota {
        Some(quota) => format!("ENIs {used} of {quota} ({})", instance.instance_type),
        None => format!(
            "ENIs {used} (capacity of {} unknown)",
            instance.instance_type
        ),
    }
}

/// What a switch of binding mode changes inside the guest OS: in cut-through mode the EIP
/// replaces the ENI's private address on the NIC (which must use DHCP to get it); back in NAT
/// mode it leaves the NIC, which gets its private address again. `done`: the words of the
/// completed run rather than of the plan. `None` for any other job.
pub fn switch_mode_guest_note(plan: &BindPlan, done: bool) -> Option<String> {
    let BindRequest::SwitchMode { to, .. } = &plan.request else {
        return None;
    };
    let ctx = &plan.context;
    let (ip, eni) = (&ctx.eip_address, ctx.eni.as_ref()?);
    let guest = match &ctx.final_instance {
        Some(instance) => format!("Inside the guest OS of {instance}"),
        None => format!("Inside the guest OS (once {eni} is attached to an instance)"),
    };
    Some(match (to, done) {
        (BindMode::CutThrough, false) => format!(
            "{guest}, {ip} appears on the NIC of {eni} in place of its private address: DHCP must be on for that NIC (then restart it), and traffic to {ip} no longer goes through NAT."
        ),
        (BindMode::CutThrough, true) => format!(
            "{guest}, {ip} is on the NIC of {eni} in place of its private address; the NIC picks it up by DHCP (restart it if it still shows the private address)."
        ),
        (BindMode::Nat, false) => format!(
            "{guest}, {ip} disappears from the NIC of {eni}, which gets its private address back by DHCP (keep DHCP on); {ip} then reaches it through NAT."
        ),
        (BindMode::Nat, true) => format!(
            "{guest}, {ip} is no longer on the NIC of {eni}: the NIC has its private address again (by DHCP), and {ip} reaches it through NAT."
        ),
    })
}
