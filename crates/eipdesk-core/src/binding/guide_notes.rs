//! The guide's notes the plan and the form state in words: what a subscription (PrePaid) EIP
//! in cut-through mode means for the ENI's private networking when it is unbound or
//! released, and how many ENIs an instance's type takes.

use super::facts::{InstanceFacts, Snapshot};

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
