//! The words of a binding step: [`StepAction`]'s title and effect and [`Expectation`]'s
//! line, as [`super`] families, and their English.

use super::{StepEffect, StepTitle, WaitText, english, mode_input};
use crate::binding::{BindMode, Expectation, StepAction};

impl Expectation {
    /// "eni-1 InUse on i-2": how the timeline names the state it waits for.
    pub fn text(&self) -> WaitText {
        match self {
            Expectation::EniAttached { eni, instance } => WaitText::EniAttached {
                eni: eni.to_string(),
                instance: instance.to_string(),
            },
            Expectation::EniDetached { eni } => WaitText::EniAvailable {
                eni: eni.to_string(),
            },
            Expectation::EipBound { eip, mode, .. } => WaitText::EipBound {
                eip: eip.to_string(),
                mode: mode_input(*mode),
            },
            Expectation::EipFree { eip } => WaitText::EipAvailable {
                eip: eip.to_string(),
            },
            Expectation::Lifecycle(l) => l.text(),
        }
    }

    /// [`Expectation::text`] in English (logs, errors, the CLI script).
    pub fn describe(&self) -> String {
        english(&self.text())
    }
}

impl StepAction {
    /// One line for the timeline and the plan.
    pub fn title_text(&self) -> StepTitle {
        match self {
            StepAction::DetachEni { eni, instance } => StepTitle::DetachEni {
                eni: eni.to_string(),
                instance: instance.to_string(),
            },
            StepAction::AttachEni { eni, instance } => StepTitle::AttachEni {
                eni: eni.to_string(),
                instance: instance.to_string(),
            },
            StepAction::Associate {
                eip, target, mode, ..
            } => StepTitle::Bind {
                eip: eip.to_string(),
                target: target.clone(),
                mode: mode_input(*mode),
            },
            StepAction::Unassociate { eip, target, .. } => StepTitle::Unbind {
                eip: eip.to_string(),
                target: target.clone(),
            },
            StepAction::ModifyForwardMode { eip, to, .. } => StepTitle::SwitchMode {
                eip: eip.to_string(),
                mode: mode_input(*to),
            },
            StepAction::Verify { .. } => StepTitle::Verify,
            StepAction::Lifecycle(l) => l.title_text(),
            StepAction::AuthorizeIngress { rule } => rule.allow_title(),
            StepAction::RevokeIngress { rule } => rule.remove_title(),
            StepAction::GuestConfigure { guest, .. }
            | StepAction::GuestVerify { guest }
            | StepAction::GuestRevert { guest } => crate::binding::guest_steps::title(self, guest),
        }
    }

    /// [`StepAction::title_text`] in English (journal, CLI script).
    pub fn title(&self) -> String {
        english(&self.title_text())
    }

    /// What the step changes, in the user's terms.
    pub fn effect_text(&self) -> StepEffect {
        match self {
            StepAction::DetachEni { instance, .. } => StepEffect::DetachEni {
                instance: instance.to_string(),
            },
            StepAction::AttachEni { instance, .. } => StepEffect::AttachEni {
                instance: instance.to_string(),
            },
            StepAction::Associate {
                mode: BindMode::CutThrough,
                private_ip,
                ..
            } => match private_ip {
                Some(ip) => StepEffect::BindCutThroughIp { ip: ip.clone() },
                None => StepEffect::BindCutThrough,
            },
            StepAction::Associate {
                mode: BindMode::Nat,
                ..
            } => StepEffect::BindNat,
            StepAction::Unassociate {
                mode: BindMode::CutThrough,
                ..
            } => StepEffect::UnbindCutThrough,
            StepAction::Unassociate { .. } => StepEffect::UnbindNat,
            StepAction::ModifyForwardMode { to, .. } => StepEffect::SwitchMode {
                mode: mode_input(*to),
                api_mode: to.as_api().to_string(),
            },
            StepAction::Verify { checks } => StepEffect::Verify {
                checks: checks.iter().map(Expectation::text).collect(),
            },
            StepAction::Lifecycle(l) => l.effect_text(),
            StepAction::AuthorizeIngress { rule } => rule.allow_effect(),
            StepAction::RevokeIngress { .. } => StepEffect::RemoveRule,
            StepAction::GuestConfigure { guest, metric } => match metric {
                Some(metric) => StepEffect::GuestConfigureMetric {
                    os: guest.os.label().to_string(),
                    metric: *metric,
                },
                None => StepEffect::GuestConfigure {
                    os: guest.os.label().to_string(),
                },
            },
            StepAction::GuestVerify { guest } => StepEffect::GuestVerify {
                ip: guest.eip_address.clone(),
            },
            StepAction::GuestRevert { .. } => StepEffect::GuestRevert,
        }
    }

    /// [`StepAction::effect_text`] in English.
    pub fn effect(&self) -> String {
        english(&self.effect_text())
    }
}
