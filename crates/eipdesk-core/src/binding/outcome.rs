//! What the cloud looks like after a call, in the words a user reads ("eni-… is attached to
//! i-… again; eip-… is unbound"), for the summaries after a roll back, a cancel or an undo.
//! The API's own words (`EcsInstance`, `BINDED`, `InUse`) stay in the plan's API view.

use super::plan::StepAction;

/// The state `action` leaves behind; `again` when it restores an earlier state (an undo).
pub fn outcome(action: &StepAction, again: bool) -> Option<String> {
    let again = if again { " again" } else { "" };
    Some(match action {
        StepAction::AttachEni { eni, instance } => {
            format!("{eni} is attached to {instance}{again}")
        }
        StepAction::DetachEni { eni, instance } => {
            format!("{eni} is detached from {instance}{again}")
        }
        StepAction::Associate {
            eip, target, mode, ..
        } => format!("{eip} is bound to {target} in {} mode{again}", mode.label()),
        StepAction::Unassociate { eip, target, .. } => {
            format!("{eip} is unbound from {target}{again}")
        }
        StepAction::ModifyForwardMode { eip, to, .. } => {
            format!("{eip} is in {} mode{again}", to.label())
        }
        StepAction::Verify { .. } | StepAction::GuestVerify { .. } => return None,
        StepAction::GuestConfigure { guest, .. } => {
            format!("the NIC with MAC {} uses DHCP{again}", guest.mac)
        }
        StepAction::GuestRevert { guest } => {
            format!("the NIC with MAC {} is restored{again}", guest.mac)
        }
        StepAction::AuthorizeIngress { rule } => format!("{} is allowed{again}", rule.describe()),
        StepAction::RevokeIngress { rule } => format!("{} is removed{again}", rule.describe()),
        StepAction::Lifecycle(l) => l.outcome(again),
    })
}

/// The states a list of undo calls left, joined for a summary sentence.
pub fn outcomes<'a>(undone: impl IntoIterator<Item = &'a StepAction>) -> String {
    undone
        .into_iter()
        .filter_map(|a| outcome(a, true))
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::binding::BindMode;
    use crate::ids::{AllocationId, EniId, InstanceId};

    #[test]
    fn undo_summaries_say_what_the_cloud_looks_like_now() {
        let eni = EniId::parse("eni-bp1lofjktg4dbzdlyxgp").unwrap();
        let web01 = InstanceId::parse("i-bp1rqn8y8lb6iy5x5nne").unwrap();
        let eip = AllocationId::parse("eip-bp1vdcgzm41znfkjyd2x").unwrap();
        let text = outcomes(&[
            StepAction::Unassociate {
                eip,
                target: eni.to_string(),
                target_type: "NetworkInterface".into(),
                mode: BindMode::CutThrough,
                private_ip: None,
            },
            StepAction::AttachEni {
                eni,
                instance: web01,
            },
        ]);
        assert_eq!(
            text,
            "eip-bp1vdcgzm41znfkjyd2x is unbound from eni-bp1lofjktg4dbzdlyxgp again; \
             eni-bp1lofjktg4dbzdlyxgp is attached to i-bp1rqn8y8lb6iy5x5nne again"
        );
        assert!(!text.contains("NetworkInterface") && !text.contains("BINDED"));
    }
}
