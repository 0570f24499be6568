//! The words of a lifecycle step: [`LifecycleAction`]'s title and effect and
//! [`LifecycleExpectation`]'s line, as families of [`crate::binding::step_text`].

use super::action::{Billing, LifecycleAction, LifecycleExpectation};
use crate::binding::step_text::{
    StepEffect, StepTitle, WaitText, billing_input, by_count, tag_pairs,
};

impl LifecycleExpectation {
    /// The state, as the timeline names it.
    pub fn text(&self) -> WaitText {
        match self {
            Self::EipExists { eip } => WaitText::EipAvailable {
                eip: eip.to_string(),
            },
            Self::EipGone { eip } => WaitText::EipReleased {
                eip: eip.to_string(),
            },
            Self::EniExists { eni } => WaitText::EniAvailable {
                eni: eni.to_string(),
            },
            Self::EniGone { eni } => WaitText::EniDeleted {
                eni: eni.to_string(),
            },
            Self::EipAttributes { eip, .. } => WaitText::NewAttributes {
                id: eip.to_string(),
            },
            Self::EniAttributes { eni, .. } => WaitText::NewAttributes {
                id: eni.to_string(),
            },
            Self::Tagged { ids, tags, .. } => by_count(
                ids,
                |id| WaitText::TaggedOne {
                    id,
                    tags: tag_pairs(tags),
                },
                |first, more| WaitText::TaggedMany {
                    first,
                    more,
                    tags: tag_pairs(tags),
                },
            ),
            Self::Untagged { ids, keys, .. } => by_count(
                ids,
                |id| WaitText::UntaggedOne {
                    id,
                    keys: keys.join(", "),
                },
                |first, more| WaitText::UntaggedMany {
                    first,
                    more,
                    keys: keys.join(", "),
                },
            ),
        }
    }

    /// [`LifecycleExpectation::text`] in English.
    pub fn describe(&self) -> String {
        crate::binding::step_text::english(&self.text())
    }
}

impl LifecycleAction {
    /// The step's line in the plan and the timeline.
    pub fn title_text(&self) -> StepTitle {
        match self {
            Self::AllocateEip { spec, .. } => StepTitle::AllocateEip {
                billing: billing_input(spec.billing),
                bandwidth: spec.bandwidth,
            },
            Self::ReleaseEip { eip } => StepTitle::ReleaseEip {
                eip: eip.to_string(),
            },
            Self::ModifyEip {
                eip,
                bandwidth: Some(b),
                name: None,
                ..
            } => StepTitle::SetBandwidth {
                eip: eip.to_string(),
                bandwidth: *b,
            },
            Self::ModifyEip { eip, .. } => StepTitle::RenameEip {
                eip: eip.to_string(),
            },
            Self::CreateEni { spec, .. } => StepTitle::CreateEni {
                vswitch: spec.vswitch_id.clone(),
            },
            Self::DeleteEni { eni } => StepTitle::DeleteEni {
                eni: eni.to_string(),
            },
            Self::ModifyEni { eni, .. } => StepTitle::RenameEni {
                eni: eni.to_string(),
            },
            Self::Tag { ids, tags, .. } => by_count(
                ids,
                |id| StepTitle::TagOne {
                    id,
                    tags: tag_pairs(tags),
                },
                |first, more| StepTitle::TagMany {
                    first,
                    more,
                    tags: tag_pairs(tags),
                },
            ),
            Self::Untag { ids, keys, .. } => by_count(
                ids,
                |id| StepTitle::UntagOne {
                    id,
                    keys: keys.join(", "),
                },
                |first, more| StepTitle::UntagMany {
                    first,
                    more,
                    keys: keys.join(", "),
                },
            ),
        }
    }

    /// What the step changes.
    pub fn effect_text(&self) -> StepEffect {
        match self {
            Self::AllocateEip { spec, .. } if spec.billing == Billing::Subscription => {
                StepEffect::AllocateEipSubscription
            }
            Self::AllocateEip { spec, .. } => StepEffect::AllocateEip {
                billing: billing_input(spec.billing),
            },
            Self::ReleaseEip { .. } => StepEffect::ReleaseEip,
            Self::ModifyEip { .. } => StepEffect::ModifyEip,
            Self::CreateEni { spec, .. } => match &spec.private_ip {
                Some(ip) => StepEffect::CreateEniIp {
                    vswitch: spec.vswitch_id.clone(),
                    ip: ip.clone(),
                },
                None => StepEffect::CreateEni {
                    vswitch: spec.vswitch_id.clone(),
                },
            },
            Self::DeleteEni { .. } => StepEffect::DeleteEni,
            Self::ModifyEni { .. } => StepEffect::ModifyEni,
            Self::Tag { .. } => StepEffect::Tag,
            Self::Untag { .. } => StepEffect::Untag,
        }
    }
}
