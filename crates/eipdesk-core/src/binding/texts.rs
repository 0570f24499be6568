//! The words of what a plan says before it runs that are not a rule's own family: the
//! warnings to confirm ([`WarningText`], from [`Warning`]), why a choice or a row action is
//! unavailable ([`WhyText`]) and the families a reason comes in ([`ReasonText`]: the binding's
//! [`Blocker`], a lifecycle job's, an ENI's cut-through eligibility or [`WhyText`]). Message keys
//! with typed inputs (see [`crate::text`]); the UI words them, the English comes from the
//! catalogue.

use super::plan::Warning;
use super::rules::Blocker;
use crate::lifecycle::LifecycleBlocker;
use crate::text::Message;
use serde::Serialize;
use ts_rs::TS;

/// What a warning says (`warn_<key>`). The typed confirmation's text is not in it: it is what
/// the user types, verbatim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize, TS)]
#[serde(tag = "key", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum WarningText {
    LosesPrivateNetworking {
        eni: String,
    },
    PrePaidEip {
        eip: String,
    },
    /// "I understand what this breaks:", followed by the plan's impact (the UI words each
    /// item; the English joins their messages).
    Disruptive,
    ProductionProfile {
        profile: String,
        confirm_id: String,
    },
    ProductionResource {
        profile: String,
        confirm_id: String,
    },
}

impl Message for WarningText {
    const PREFIX: &'static str = "warn";
}

impl From<&Warning> for WarningText {
    fn from(w: &Warning) -> Self {
        match w {
            Warning::LosesPrivateNetworking { eni } => {
                Self::LosesPrivateNetworking { eni: eni.clone() }
            }
            Warning::PrePaidEip { eip } => Self::PrePaidEip { eip: eip.clone() },
            Warning::Disruptive { .. } => Self::Disruptive,
            Warning::ProductionProfile {
                profile,
                confirm_id,
            } => Self::ProductionProfile {
                profile: profile.clone(),
                confirm_id: confirm_id.clone(),
            },
            Warning::ProductionResource {
                profile,
                confirm_id,
            } => Self::ProductionResource {
                profile: profile.clone(),
                confirm_id: confirm_id.clone(),
            },
        }
    }
}

/// A warning not confirmed yet, as a run refused to start names it: the acknowledgement of a
/// disruptive plan with what it breaks (`impact`, empty for the other warnings).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UnconfirmedWarning {
    pub text: WarningText,
    pub impact: Vec<super::impact::ImpactText>,
}

impl UnconfirmedWarning {
    /// The warning of `plan` (whose impact a disruptive one lists).
    pub fn of(warning: &Warning, plan: &super::plan::BindPlan) -> Self {
        let impact = match warning {
            Warning::Disruptive { .. } => plan.impact().into_iter().map(|i| i.text).collect(),
            _ => Vec::new(),
        };
        Self {
            text: WarningText::from(warning),
            impact,
        }
    }

    /// Its English, as [`Warning::message`] writes it.
    pub fn english(&self) -> String {
        let text = std::iter::once(self.text.english())
            .chain(
                self.impact
                    .iter()
                    .map(|i| crate::lifecycle::created::humanize(&i.english())),
            )
            .collect::<Vec<_>>()
            .join(" ");
        crate::lifecycle::created::humanize(&text)
    }
}

/// Why a choice of the form or a row action cannot be used now, when no rule of the binding
/// says it (`why_<key>`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize, TS)]
#[serde(tag = "key", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum WhyText {
    /// A run in progress is changing the resource.
    Busy {
        run: String,
    },
    EipNotFree {
        status: String,
    },
    EipAlreadyBound {
        status: String,
    },
    EipNotBound,
    NotOnEni,
    HasCutThroughEip,
    EniHasEip,
    InstanceHasEip {
        ip: String,
    },
}

impl Message for WhyText {
    const PREFIX: &'static str = "why";
}

/// A reason's words: a binding rule (`blk_<key>`), a lifecycle rule (`lcb_<key>`), an ENI's
/// cut-through eligibility (`reason_<key>`) or an unavailable choice or action (`why_<key>`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize, TS)]
#[serde(tag = "family", content = "text", rename_all = "camelCase")]
pub enum ReasonText {
    Binding(Blocker),
    Lifecycle(LifecycleBlocker),
    CutThrough(crate::inventory::rows::CutThroughText),
    Why(WhyText),
}

impl ReasonText {
    /// The English of the reason.
    pub fn english(&self) -> String {
        match self {
            Self::Binding(b) => b.to_string(),
            Self::Lifecycle(b) => b.english(),
            Self::CutThrough(t) => t.english(),
            Self::Why(t) => t.english(),
        }
    }
}

impl From<&Blocker> for ReasonText {
    fn from(b: &Blocker) -> Self {
        match b {
            Blocker::Lifecycle(l) => Self::Lifecycle(l.clone()),
            other => Self::Binding(other.clone()),
        }
    }
}
