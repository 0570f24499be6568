//! What the cloud looks like after a call, in the words a user reads ("eni-… is attached to
//! i-… again; eip-… is unbound"), for the summaries after a roll back, a cancel or an undo.
//! The API's own words (`EcsInstance`, `BINDED`, `InUse`) stay in the plan's API view.

use super::plan::StepAction;
use super::step_text::{by_count, english, mode_input, tag_pairs};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What the cloud looks like after a call (`outcome_<key>`); the `…Again` forms say an undo
/// restored an earlier state. Inputs are IDs, addresses and the mode's API value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "key", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum OutcomeText {
    EniAttached {
        eni: String,
        instance: String,
    },
    EniAttachedAgain {
        eni: String,
        instance: String,
    },
    EniDetached {
        eni: String,
        instance: String,
    },
    EniDetachedAgain {
        eni: String,
        instance: String,
    },
    EipBound {
        eip: String,
        target: String,
        mode: String,
    },
    EipBoundAgain {
        eip: String,
        target: String,
        mode: String,
    },
    EipUnbound {
        eip: String,
        target: String,
    },
    EipUnboundAgain {
        eip: String,
        target: String,
    },
    EipMode {
        eip: String,
        mode: String,
    },
    EipModeAgain {
        eip: String,
        mode: String,
    },
    GuestDhcp {
        mac: String,
    },
    GuestDhcpAgain {
        mac: String,
    },
    GuestRestored {
        mac: String,
    },
    GuestRestoredAgain {
        mac: String,
    },
    RuleAllowed {
        protocol: String,
        ports: String,
        cidr: String,
        group: String,
    },
    RuleAllowedAgain {
        protocol: String,
        ports: String,
        cidr: String,
        group: String,
    },
    PingAllowed {
        cidr: String,
        group: String,
    },
    PingAllowedAgain {
        cidr: String,
        group: String,
    },
    RuleRemoved {
        protocol: String,
        ports: String,
        cidr: String,
        group: String,
    },
    RuleRemovedAgain {
        protocol: String,
        ports: String,
        cidr: String,
        group: String,
    },
    PingRemoved {
        cidr: String,
        group: String,
    },
    PingRemovedAgain {
        cidr: String,
        group: String,
    },
    EipAllocated {
        eip: String,
    },
    EipAllocatedAgain {
        eip: String,
    },
    EipReleased {
        eip: String,
    },
    EipAttributes {
        eip: String,
    },
    EipAttributesAgain {
        eip: String,
    },
    EniExists {
        eni: String,
    },
    EniExistsAgain {
        eni: String,
    },
    EniDeleted {
        eni: String,
    },
    EniAttributes {
        eni: String,
    },
    EniAttributesAgain {
        eni: String,
    },
    TaggedOne {
        id: String,
        tags: String,
    },
    TaggedOneAgain {
        id: String,
        tags: String,
    },
    TaggedMany {
        first: String,
        more: u32,
        tags: String,
    },
    TaggedManyAgain {
        first: String,
        more: u32,
        tags: String,
    },
    UntaggedOne {
        id: String,
        keys: String,
    },
    UntaggedMany {
        first: String,
        more: u32,
        keys: String,
    },
}

impl crate::text::Message for OutcomeText {
    const PREFIX: &'static str = "outcome";
}

/// `plain` or, when `again`, `restored`.
fn pick<T>(again: bool, plain: T, restored: T) -> T {
    if again { restored } else { plain }
}

/// The state `action` leaves behind as a message; `again` when it restores an earlier state
/// (an undo).
pub fn outcome_text(action: &StepAction, again: bool) -> Option<OutcomeText> {
    use OutcomeText as O;
    Some(match action {
        StepAction::AttachEni { eni, instance } => {
            let (eni, instance) = (eni.to_string(), instance.to_string());
            pick(
                again,
                O::EniAttached {
                    eni: eni.clone(),
                    instance: instance.clone(),
                },
                O::EniAttachedAgain { eni, instance },
            )
        }
        StepAction::DetachEni { eni, instance } => {
            let (eni, instance) = (eni.to_string(), instance.to_string());
            pick(
                again,
                O::EniDetached {
                    eni: eni.clone(),
                    instance: instance.clone(),
                },
                O::EniDetachedAgain { eni, instance },
            )
        }
        StepAction::Associate {
            eip, target, mode, ..
        } => {
            let (eip, target, mode) = (eip.to_string(), target.clone(), mode_input(*mode));
            if again {
                O::EipBoundAgain { eip, target, mode }
            } else {
                O::EipBound { eip, target, mode }
            }
        }
        StepAction::Unassociate { eip, target, .. } => {
            let (eip, target) = (eip.to_string(), target.clone());
            if again {
                O::EipUnboundAgain { eip, target }
            } else {
                O::EipUnbound { eip, target }
            }
        }
        StepAction::ModifyForwardMode { eip, to, .. } => {
            let (eip, mode) = (eip.to_string(), mode_input(*to));
            if again {
                O::EipModeAgain { eip, mode }
            } else {
                O::EipMode { eip, mode }
            }
        }
        StepAction::Verify { .. } | StepAction::GuestVerify { .. } => return None,
        StepAction::GuestConfigure { guest, .. } => {
            let mac = guest.mac.clone();
            if again {
                O::GuestDhcpAgain { mac }
            } else {
                O::GuestDhcp { mac }
            }
        }
        StepAction::GuestRevert { guest } => {
            let mac = guest.mac.clone();
            if again {
                O::GuestRestoredAgain { mac }
            } else {
                O::GuestRestored { mac }
            }
        }
        StepAction::AuthorizeIngress { rule } => rule_outcome(rule, again, true),
        StepAction::RevokeIngress { rule } => rule_outcome(rule, again, false),
        StepAction::Lifecycle(l) => l.outcome_text(again),
    })
}

fn rule_outcome(rule: &super::access_steps::IngressRule, again: bool, added: bool) -> OutcomeText {
    use OutcomeText as O;
    let (cidr, group) = (rule.source_cidr.clone(), rule.security_group.clone());
    if rule.protocol == "ICMP" {
        return match (added, again) {
            (true, false) => O::PingAllowed { cidr, group },
            (true, true) => O::PingAllowedAgain { cidr, group },
            (false, false) => O::PingRemoved { cidr, group },
            (false, true) => O::PingRemovedAgain { cidr, group },
        };
    }
    let (protocol, ports) = (rule.protocol.clone(), rule.port_range.clone());
    match (added, again) {
        (true, false) => O::RuleAllowed {
            protocol,
            ports,
            cidr,
            group,
        },
        (true, true) => O::RuleAllowedAgain {
            protocol,
            ports,
            cidr,
            group,
        },
        (false, false) => O::RuleRemoved {
            protocol,
            ports,
            cidr,
            group,
        },
        (false, true) => O::RuleRemovedAgain {
            protocol,
            ports,
            cidr,
            group,
        },
    }
}

impl crate::lifecycle::LifecycleAction {
    /// What the cloud looks like after the step, as a message.
    pub fn outcome_text(&self, again: bool) -> OutcomeText {
        use crate::lifecycle::LifecycleAction as L;
        use OutcomeText as O;
        match self {
            L::AllocateEip { eip, .. } => {
                let eip = eip.to_string();
                pick(
                    again,
                    O::EipAllocated { eip: eip.clone() },
                    O::EipAllocatedAgain { eip },
                )
            }
            L::ReleaseEip { eip } => O::EipReleased {
                eip: eip.to_string(),
            },
            L::ModifyEip { eip, .. } => {
                let eip = eip.to_string();
                pick(
                    again,
                    O::EipAttributes { eip: eip.clone() },
                    O::EipAttributesAgain { eip },
                )
            }
            L::CreateEni { eni, .. } => {
                let eni = eni.to_string();
                pick(
                    again,
                    O::EniExists { eni: eni.clone() },
                    O::EniExistsAgain { eni },
                )
            }
            L::DeleteEni { eni } => O::EniDeleted {
                eni: eni.to_string(),
            },
            L::ModifyEni { eni, .. } => {
                let eni = eni.to_string();
                pick(
                    again,
                    O::EniAttributes { eni: eni.clone() },
                    O::EniAttributesAgain { eni },
                )
            }
            L::Tag { ids, tags, .. } => {
                let tags = tag_pairs(tags);
                by_count(
                    ids,
                    |id| {
                        let tags = tags.clone();
                        if again {
                            O::TaggedOneAgain { id, tags }
                        } else {
                            O::TaggedOne { id, tags }
                        }
                    },
                    |first, more| {
                        let tags = tags.clone();
                        if again {
                            O::TaggedManyAgain { first, more, tags }
                        } else {
                            O::TaggedMany { first, more, tags }
                        }
                    },
                )
            }
            L::Untag { ids, keys, .. } => {
                let keys = keys.join(", ");
                by_count(
                    ids,
                    |id| O::UntaggedOne {
                        id,
                        keys: keys.clone(),
                    },
                    |first, more| O::UntaggedMany {
                        first,
                        more,
                        keys: keys.clone(),
                    },
                )
            }
        }
    }
}

/// The state `action` leaves behind, in English; `again` when it restores an earlier state.
pub fn outcome(action: &StepAction, again: bool) -> Option<String> {
    outcome_text(action, again).map(|t| english(&t))
}

/// The states a list of undo calls left, as messages.
pub fn outcome_texts<'a>(undone: impl IntoIterator<Item = &'a StepAction>) -> Vec<OutcomeText> {
    undone
        .into_iter()
        .filter_map(|a| outcome_text(a, true))
        .collect()
}

/// The states a list of undo calls left, joined for a summary sentence.
pub fn outcomes<'a>(undone: impl IntoIterator<Item = &'a StepAction>) -> String {
    outcome_texts(undone)
        .iter()
        .map(english)
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
