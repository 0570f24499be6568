//! The lifecycle steps: what each one calls, the state it waits for, how it is undone, and how
//! the plan and the timeline name it. They ride in the engine's [`StepAction`] as
//! `StepAction::Lifecycle`, so the engine, the journal, the audit log and the plan view treat
//! them like every binding step.
//!
//! A step that creates a resource (allocate an EIP, create an ENI) names it by a placeholder
//! ID ([`super::created`]) until the call returns the real one; later steps and the undo use
//! the placeholder and the engine substitutes the ID the journal recorded.
//!
//! [`StepAction`]: crate::binding::StepAction

use crate::ids::{AllocationId, EniId};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How an EIP is billed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Billing {
    /// Pay-as-you-go, charged by traffic (bandwidth 1–200 Mbit/s).
    PayByTraffic,
    /// Pay-as-you-go, charged by bandwidth (1–500 Mbit/s).
    PayByBandwidth,
    /// Subscription (PrePaid, by bandwidth, 1–1000 Mbit/s) for a period.
    Subscription,
}

impl Billing {
    /// The documented bandwidth range in Mbit/s (`AllocateEipAddress`,
    /// `ModifyEipAddressAttribute`).
    pub fn bandwidth_range(self) -> (u32, u32) {
        match self {
            Billing::PayByTraffic => (1, 200),
            Billing::PayByBandwidth => (1, 500),
            Billing::Subscription => (1, 1000),
        }
    }

    /// From the API's `ChargeType` and `InternetChargeType`.
    pub fn from_api(charge_type: &str, internet_charge_type: &str) -> Self {
        match (charge_type, internet_charge_type) {
            ("PrePaid", _) => Billing::Subscription,
            (_, "PayByTraffic") => Billing::PayByTraffic,
            _ => Billing::PayByBandwidth,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Billing::PayByTraffic => "pay-as-you-go by traffic",
            Billing::PayByBandwidth => "pay-as-you-go by bandwidth",
            Billing::Subscription => "subscription",
        }
    }
}

/// Subscription period unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub enum PricingCycle {
    Month,
    Year,
}

/// What a new EIP looks like.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EipSpec {
    pub billing: Billing,
    /// Subscription only: the period and its unit.
    pub period: Option<(u32, PricingCycle)>,
    pub bandwidth: u32,
    /// Line type (`BGP` when unset).
    pub isp: Option<String>,
    pub name: String,
    pub description: String,
    pub resource_group_id: Option<String>,
}

/// What a new secondary ENI looks like.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EniSpec {
    pub vswitch_id: String,
    pub security_group_ids: Vec<String>,
    /// A fixed primary private IP (random when unset).
    pub private_ip: Option<String>,
    pub name: String,
    pub description: String,
}

/// An EIP's editable attributes (kept so an edit can be undone).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EipAttrs {
    pub name: String,
    pub description: String,
    pub bandwidth: u32,
}

/// An ENI's editable attributes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EniAttrs {
    pub name: String,
    pub description: String,
}

/// Which kind of resource a tag call is about (VPC `EIP` or ECS `eni`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum TagKind {
    Eip,
    Eni,
}

impl TagKind {
    /// `ResourceType` as the API takes it.
    pub fn resource_type(self) -> &'static str {
        match self {
            TagKind::Eip => "EIP",
            TagKind::Eni => "eni",
        }
    }

    pub fn product(self) -> &'static str {
        match self {
            TagKind::Eip => "vpc",
            TagKind::Eni => "ecs",
        }
    }
}

/// One lifecycle step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "camelCase")]
pub enum LifecycleAction {
    /// VPC `AllocateEipAddress`; `eip` is the placeholder of the new EIP.
    AllocateEip { eip: AllocationId, spec: EipSpec },
    /// VPC `ReleaseEipAddress`.
    ReleaseEip { eip: AllocationId },
    /// VPC `ModifyEipAddressAttribute` (only what is set changes).
    ModifyEip {
        eip: AllocationId,
        name: Option<String>,
        description: Option<String>,
        bandwidth: Option<u32>,
        before: EipAttrs,
    },
    /// ECS `CreateNetworkInterface`; `eni` is the placeholder of the new ENI.
    CreateEni { eni: EniId, spec: EniSpec },
    /// ECS `DeleteNetworkInterface`.
    DeleteEni { eni: EniId },
    /// ECS `ModifyNetworkInterfaceAttribute`.
    ModifyEni {
        eni: EniId,
        name: Option<String>,
        description: Option<String>,
        before: EniAttrs,
    },
    /// `TagResources` (VPC or ECS flavour).
    Tag {
        kind: TagKind,
        ids: Vec<String>,
        tags: Vec<(String, String)>,
    },
    /// `UnTagResources` (VPC) / `UntagResources` (ECS).
    Untag {
        kind: TagKind,
        ids: Vec<String>,
        keys: Vec<String>,
    },
}

/// The state a lifecycle step waits for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "camelCase")]
pub enum LifecycleExpectation {
    /// The EIP exists and is settled (a new one is `Available`).
    EipExists { eip: AllocationId },
    /// The EIP is gone (released).
    EipGone { eip: AllocationId },
    /// The ENI exists and is settled.
    EniExists { eni: EniId },
    /// The ENI is gone (deleted).
    EniGone { eni: EniId },
    /// The EIP's attributes are the ones set.
    EipAttributes {
        eip: AllocationId,
        name: Option<String>,
        description: Option<String>,
        bandwidth: Option<u32>,
    },
    /// The ENI's attributes are the ones set.
    EniAttributes {
        eni: EniId,
        name: Option<String>,
        description: Option<String>,
    },
    /// Every resource carries every tag.
    Tagged {
        kind: TagKind,
        ids: Vec<String>,
        tags: Vec<(String, String)>,
    },
    /// No resource carries any of the keys.
    Untagged {
        kind: TagKind,
        ids: Vec<String>,
        keys: Vec<String>,
    },
}

impl LifecycleAction {
    pub fn api_action(&self) -> &'static str {
        match self {
            Self::AllocateEip { .. } => "AllocateEipAddress",
            Self::ReleaseEip { .. } => "ReleaseEipAddress",
            Self::ModifyEip { .. } => "ModifyEipAddressAttribute",
            Self::CreateEni { .. } => "CreateNetworkInterface",
            Self::DeleteEni { .. } => "DeleteNetworkInterface",
            Self::ModifyEni { .. } => "ModifyNetworkInterfaceAttribute",
            Self::Tag { .. } => "TagResources",
            Self::Untag {
                kind: TagKind::Eip, ..
            } => "UnTagResources",
            Self::Untag { .. } => "UntagResources",
        }
    }

    pub fn product(&self) -> &'static str {
        match self {
            Self::CreateEni { .. } | Self::DeleteEni { .. } | Self::ModifyEni { .. } => "ecs",
            Self::Tag { kind, .. } | Self::Untag { kind, .. } => kind.product(),
            _ => "vpc",
        }
    }

    /// Only the create calls take a `ClientToken` (the others have none in the API).
    pub fn takes_client_token(&self) -> bool {
        matches!(self, Self::AllocateEip { .. } | Self::CreateEni { .. })
    }

    /// The placeholder ID of the resource this step creates.
    pub fn creates(&self) -> Option<&str> {
        match self {
            Self::AllocateEip { eip, .. } => Some(eip.as_str()),
            Self::CreateEni { eni, .. } => Some(eni.as_str()),
            _ => None,
        }
    }

    /// The resources the step acts on (two runs sharing one must not overlap).
    pub fn resources(&self) -> Vec<String> {
        match self {
            Self::AllocateEip { eip, .. }
            | Self::ReleaseEip { eip }
            | Self::ModifyEip { eip, .. } => vec![eip.to_string()],
            Self::CreateEni { eni, .. } | Self::DeleteEni { eni } | Self::ModifyEni { eni, .. } => {
                vec![eni.to_string()]
            }
            Self::Tag { ids, .. } | Self::Untag { ids, .. } => ids.clone(),
        }
    }

    pub fn expectation(&self) -> LifecycleExpectation {
        match self.clone() {
            Self::AllocateEip { eip, .. } => LifecycleExpectation::EipExists { eip },
            Self::ReleaseEip { eip } => LifecycleExpectation::EipGone { eip },
            Self::ModifyEip {
                eip,
                name,
                description,
                bandwidth,
                ..
            } => LifecycleExpectation::EipAttributes {
                eip,
                name,
                description,
                bandwidth,
            },
            Self::CreateEni { eni, .. } => LifecycleExpectation::EniExists { eni },
            Self::DeleteEni { eni } => LifecycleExpectation::EniGone { eni },
            Self::ModifyEni {
                eni,
                name,
                description,
                ..
            } => LifecycleExpectation::EniAttributes {
                eni,
                name,
                description,
            },
            Self::Tag { kind, ids, tags } => LifecycleExpectation::Tagged { kind, ids, tags },
            Self::Untag { kind, ids, keys } => LifecycleExpectation::Untagged { kind, ids, keys },
        }
    }

    /// The step that reverses this one: a new resource is released or deleted, an edit is
    /// edited back, added tags are removed. Release, delete and tag removal cannot be undone.
    pub fn undo(&self) -> Option<LifecycleAction> {
        Some(match self.clone() {
            Self::AllocateEip { eip, .. } => Self::ReleaseEip { eip },
            Self::CreateEni { eni, .. } => Self::DeleteEni { eni },
            Self::ModifyEip {
                eip,
                name,
                description,
                bandwidth,
                before,
            } => Self::ModifyEip {
                eip,
                name: name.as_ref().map(|_| before.name.clone()),
                description: description.as_ref().map(|_| before.description.clone()),
                bandwidth: bandwidth.map(|_| before.bandwidth),
                before: EipAttrs {
                    name: name.unwrap_or(before.name),
                    description: description.unwrap_or(before.description),
                    bandwidth: bandwidth.unwrap_or(before.bandwidth),
                },
            },
            Self::ModifyEni {
                eni,
                name,
                description,
                before,
            } => Self::ModifyEni {
                eni,
                name: name.as_ref().map(|_| before.name.clone()),
                description: description.as_ref().map(|_| before.description.clone()),
                before: EniAttrs {
                    name: name.unwrap_or(before.name),
                    description: description.unwrap_or(before.description),
                },
            },
            Self::Tag { kind, ids, tags } => Self::Untag {
                kind,
                ids,
                keys: tags.into_iter().map(|(k, _)| k).collect(),
            },
            Self::ReleaseEip { .. } | Self::DeleteEni { .. } | Self::Untag { .. } => return None,
        })
    }
}
