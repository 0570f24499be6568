//! The preflight rules, one pure function and one typed [`Blocker`] per rule. Each function
//! answers "can this resource take part in this binding?" and is also used by the form to show
//! a choice as disabled with its reason. The ENI's own cut-through rules are the shared
//! [`preconditions`](super::preconditions) mapped to blockers by [`eni_blocker`].

use super::facts::{EipFacts, EipStatus, EniFacts, InstanceFacts, InstanceStatus, Snapshot};
use super::preconditions::{Precondition, Unmet, unmet_of};
use crate::ids::RegionId;
use crate::regions::CutThroughRegions;
use serde::Serialize;
use ts_rs::TS;

/// Why a binding cannot run, as a message family (`blk_<key>`, see [`crate::text`]): the UI
/// words it in the user's language; `Display` is the English of the same message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize, TS)]
#[serde(tag = "key", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum Blocker {
    EipNotFound {
        eip: String,
    },
    EniNotFound {
        eni: String,
    },
    InstanceNotFound {
        instance: String,
    },
    RegionNotCutThrough {
        region: String,
    },
    EipNotAvailable {
        eip: String,
        status: String,
    },
    EipAlreadyBound {
        eip: String,
        instance: String,
    },
    EipNotBound {
        eip: String,
    },
    EipBusy {
        eip: String,
        status: String,
    },
    EipNotCutThrough {
        eip: String,
        mode: String,
    },
    EipIsCutThrough {
        eip: String,
    },
    EipNotOnEni {
        eip: String,
        instance_type: String,
    },
    EipAlreadyInMode {
        eip: String,
        mode: String,
    },
    EniNotSecondary {
        eni: String,
    },
    EniNotPlainSecondary {
        eni: String,
        eni_type: String,
    },
    EniNotInVpc {
        eni: String,
    },
    EniRegionMismatch {
        eni: String,
        eni_region: String,
        eip_region: String,
    },
    EniHasEip {
        eni: String,
        allocation_id: String,
        ip: String,
    },
    EniHasSecondaryIps {
        eni: String,
        count: usize,
    },
    EniServiceManaged {
        eni: String,
    },
    EniBusy {
        eni: String,
        status: String,
    },
    InstanceRegionMismatch {
        instance: String,
        instance_region: String,
        eip_region: String,
    },
    InstanceNotInVpc {
        instance: String,
    },
    InstanceVpcMismatch {
        instance: String,
        instance_vpc: String,
        eni_vpc: String,
    },
    InstanceZoneMismatch {
        instance: String,
        instance_zone: String,
        eni_zone: String,
    },
    InstanceNotReady {
        instance: String,
        status: String,
    },
    InstanceEniQuotaFull {
        instance: String,
        instance_type: String,
        attached: u32,
        quota: u32,
    },
    InstanceHasEip {
        instance: String,
        allocation_id: String,
        ip: String,
    },
    /// A rule of a lifecycle job (see [`crate::lifecycle::reasons`]): its own family, so the
    /// view sends it apart ([`super::view::ReasonText`]).
    #[serde(skip)]
    Lifecycle(crate::lifecycle::LifecycleBlocker),
}

impl crate::text::Message for Blocker {
    const PREFIX: &'static str = "blk";
}

impl std::fmt::Display for Blocker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Blocker::Lifecycle(b) => b.fmt(f),
            _ => f.write_str(&crate::text::Message::english(self)),
        }
    }
}

impl std::error::Error for Blocker {}

impl From<crate::lifecycle::LifecycleBlocker> for Blocker {
    fn from(b: crate::lifecycle::LifecycleBlocker) -> Self {
        Blocker::Lifecycle(b)
    }
}

impl Blocker {
    /// A stable code for the UI and tests (the variant name).
    pub fn code(&self) -> &'static str {
        match self {
            Blocker::EipNotFound { .. } => "EipNotFound",
            Blocker::EniNotFound { .. } => "EniNotFound",
            Blocker::InstanceNotFound { .. } => "InstanceNotFound",
            Blocker::RegionNotCutThrough { .. } => "RegionNotCutThrough",
            Blocker::EipNotAvailable { .. } => "EipNotAvailable",
            Blocker::EipAlreadyBound { .. } => "EipAlreadyBound",
            Blocker::EipNotBound { .. } => "EipNotBound",
            Blocker::EipBusy { .. } => "EipBusy",
            Blocker::EipNotCutThrough { .. } => "EipNotCutThrough",
            Blocker::EipIsCutThrough { .. } => "EipIsCutThrough",
            Blocker::EipNotOnEni { .. } => "EipNotOnEni",
            Blocker::EipAlreadyInMode { .. } => "EipAlreadyInMode",
            Blocker::EniNotSecondary { .. } => "EniNotSecondary",
            Blocker::EniNotPlainSecondary { .. } => "EniNotPlainSecondary",
            Blocker::EniNotInVpc { .. } => "EniNotInVpc",
            Blocker::EniRegionMismatch { .. } => "EniRegionMismatch",
            Blocker::EniHasEip { .. } => "EniHasEip",
            Blocker::EniHasSecondaryIps { .. } => "EniHasSecondaryIps",
            Blocker::EniServiceManaged { .. } => "EniServiceManaged",
            Blocker::EniBusy { .. } => "EniBusy",
            Blocker::InstanceRegionMismatch { .. } => "InstanceRegionMismatch",
            Blocker::InstanceNotInVpc { .. } => "InstanceNotInVpc",
            Blocker::InstanceVpcMismatch { .. } => "InstanceVpcMismatch",
            Blocker::InstanceZoneMismatch { .. } => "InstanceZoneMismatch",
            Blocker::InstanceNotReady { .. } => "InstanceNotReady",
            Blocker::InstanceEniQuotaFull { .. } => "InstanceEniQuotaFull",
            Blocker::InstanceHasEip { .. } => "InstanceHasEip",
            Blocker::Lifecycle(b) => b.code(),
        }
    }
}

/// The region must support cut-through mode (data, overridable).
pub fn region_supports_cut_through(
    regions: &CutThroughRegions,
    region: &RegionId,
) -> Result<(), Blocker> {
    if regions.supports(region) {
        Ok(())
    } else {
        Err(Blocker::RegionNotCutThrough {
            region: region.to_string(),
        })
    }
}

/// A new binding needs an `Available`, unbound EIP.
pub fn eip_is_free(eip: &EipFacts) -> Result<(), Blocker> {
    if let Some(b) = &eip.binding {
        return Err(Blocker::EipAlreadyBound {
            eip: eip.allocation_id.to_string(),
            instance: b.instance_id.clone(),
        });
    }
    if eip.status != EipStatus::Available {
        return Err(Blocker::EipNotAvailable {
            eip: eip.allocation_id.to_string(),
            status: eip.status.to_string(),
        });
    }
    Ok(())
}

/// Unbinding or switching needs an EIP that is bound and settled (`InUse`).
pub fn eip_is_bound(eip: &EipFacts) -> Result<&super::facts::EipBinding, Blocker> {
    let id = eip.allocation_id.to_string();
    let binding = eip
        .binding
        .as_ref()
        .ok_or_else(|| Blocker::EipNotBound { eip: id.clone() })?;
    if eip.status != EipStatus::InUse {
        return Err(Blocker::EipBusy {
            eip: id,
            status: eip.status.to_string(),
        });
    }
    Ok(binding)
}

/// The blocker for one unmet ENI precondition (`None`: the plan takes care of it). The
/// mapping is exhaustive on purpose: a new precondition must say what it blocks.
pub fn eni_blocker(eni: &EniFacts, unmet: &Unmet<'_>) -> Option<Blocker> {
    let id = eni.id.to_string();
    Some(match *unmet {
        Unmet::Primary => Blocker::EniNotSecondary { eni: id },
        Unmet::NotPlainSecondary { eni_type } => Blocker::EniNotPlainSecondary {
            eni: id,
            eni_type: if eni_type.is_empty() {
                "unknown".into()
            } else {
                eni_type.to_string()
            },
        },
        Unmet::NotInVpc => Blocker::EniNotInVpc { eni: id },
        Unmet::HoldsEip(eip) => Blocker::EniHasEip {
            eni: id,
            allocation_id: eip.allocation_id.to_string(),
            ip: eip.ip_address.to_string(),
        },
        Unmet::HasSecondaryIps { count } => Blocker::EniHasSecondaryIps { eni: id, count },
        Unmet::ServiceManaged => Blocker::EniServiceManaged { eni: id },
        Unmet::Busy { status } => Blocker::EniBusy {
            eni: id,
            status: status.to_string(),
        },
        // Attached is fine: the plan detaches the ENI first.
        Unmet::Attached { .. } => return None,
    })
}

/// The blockers of the preconditions `which`, in that order.
fn eni_blockers(eni: &EniFacts, snapshot: &Snapshot, which: &[Precondition]) -> Vec<Blocker> {
    let view = eni.cut_through_view(snapshot.eip_bound_to(eni.id.as_str()));
    unmet_of(&view, which)
        .iter()
        .filter_map(|u| eni_blocker(eni, u))
        .collect()
}

/// One precondition that does not look at the ENI's EIP.
fn eni_rule(eni: &EniFacts, precondition: Precondition) -> Result<(), Blocker> {
    debug_assert_ne!(precondition, Precondition::HoldsNoEip);
    match precondition
        .check(&eni.cut_through_view(None))
        .and_then(|u| eni_blocker(eni, &u))
    {
        Some(b) => Err(b),
        None => Ok(()),
    }
}

/// Every ENI-intrinsic cut-through precondition the ENI fails, as blockers (the shared
/// definition in [`preconditions`](super::preconditions)).
pub fn eni_cut_through_blockers(eni: &EniFacts, snapshot: &Snapshot) -> Vec<Blocker> {
    eni_blockers(eni, snapshot, &Precondition::ALL)
}

/// The same, for an ENI that keeps the EIP it holds (switching that EIP to cut-through).
pub fn eni_cut_through_blockers_keeping_eip(eni: &EniFacts, snapshot: &Snapshot) -> Vec<Blocker> {
    let which: Vec<Precondition> = Precondition::ALL
        .into_iter()
        .filter(|p| *p != Precondition::HoldsNoEip)
        .collect();
    eni_blockers(eni, snapshot, &which)
}

/// Cut-through needs a plain secondary ENI.
pub fn eni_is_secondary(eni: &EniFacts) -> Result<(), Blocker> {
    eni_rule(eni, Precondition::PlainSecondary)
}

/// The ENI must be in a VPC.
pub fn eni_in_vpc(eni: &EniFacts) -> Result<(), Blocker> {
    eni_rule(eni, Precondition::InVpc)
}

/// The ENI must be in the EIP's region.
pub fn eni_in_eip_region(eni: &EniFacts, eip: &EipFacts) -> Result<(), Blocker> {
    if eni.region == eip.region {
        Ok(())
    } else {
        Err(Blocker::EniRegionMismatch {
            eni: eni.id.to_string(),
            eni_region: eni.region.to_string(),
            eip_region: eip.region.to_string(),
        })
    }
}

/// An ENI holds one EIP: it must have none yet.
pub fn eni_has_no_eip(eni: &EniFacts, snapshot: &Snapshot) -> Result<(), Blocker> {
    first(eni_blockers(eni, snapshot, &[Precondition::HoldsNoEip]))
}

/// Cut-through needs an ENI without secondary private IPs.
pub fn eni_has_no_secondary_ips(eni: &EniFacts) -> Result<(), Blocker> {
    eni_rule(eni, Precondition::NoSecondaryIps)
}

/// Binding needs an ENI no other cloud service manages (cut-through and NAT alike).
pub fn eni_is_self_managed(eni: &EniFacts) -> Result<(), Blocker> {
    eni_rule(eni, Precondition::SelfManaged)
}

/// The ENI must be settled: `Available` (detached) or `InUse` (attached; the plan detaches it).
pub fn eni_is_settled(eni: &EniFacts) -> Result<(), Blocker> {
    eni_rule(eni, Precondition::Settled)
}

/// The first ENI rule of a cut-through binding that fails: the ENI in the EIP's region, then
/// the ENI's own preconditions in the order the user reads them.
pub fn eni_can_cut_through(
    eni: &EniFacts,
    eip: &EipFacts,
    snapshot: &Snapshot,
) -> Result<(), Blocker> {
    eni_in_eip_region(eni, eip)?;
    first(eni_cut_through_blockers(eni, snapshot))
}

/// `Err` with the first blocker, if any.
pub fn first(blockers: Vec<Blocker>) -> Result<(), Blocker> {
    match blockers.into_iter().next() {
        Some(b) => Err(b),
        None => Ok(()),
    }
}

/// The instance must be `Running` or `Stopped`.
pub fn instance_is_ready(instance: &InstanceFacts) -> Result<(), Blocker> {
    if matches!(
        instance.status,
        InstanceStatus::Running | InstanceStatus::Stopped
    ) {
        Ok(())
    } else {
        Err(Blocker::InstanceNotReady {
            instance: instance.id.to_string(),
            status: instance.status.to_string(),
        })
    }
}

/// The ENI can be attached to `instance`: same VPC and zone, instance ready, a free ENI slot
/// (the ENI's own slot counts as free when it is attached to this instance now).
pub fn instance_can_take_eni(
    instance: &InstanceFacts,
    eni: &EniFacts,
    snapshot: &Snapshot,
) -> Result<(), Blocker> {
    let id = instance.id.to_string();
    if instance.vpc_id.is_empty() {
        return Err(Blocker::InstanceNotInVpc { instance: id });
    }
    if instance.vpc_id != eni.vpc_id {
        return Err(Blocker::InstanceVpcMismatch {
            instance: id,
            instance_vpc: instance.vpc_id.clone(),
            eni_vpc: eni.vpc_id.clone(),
        });
    }
    if instance.zone_id != eni.zone_id {
        return Err(Blocker::InstanceZoneMismatch {
            instance: id,
            instance_zone: instance.zone_id.clone(),
            eni_zone: eni.zone_id.clone(),
        });
    }
    instance_is_ready(instance)?;
    if let Some(quota) = instance.eni_quota {
        let mut attached = snapshot.enis_attached_to(&instance.id);
        if eni.instance_id.as_ref() == Some(&instance.id) {
            attached = attached.saturating_sub(1);
        }
        if attached >= quota {
            return Err(Blocker::InstanceEniQuotaFull {
                instance: id,
                instance_type: instance.instance_type.clone(),
                attached,
                quota,
            });
        }
    }
    Ok(())
}

/// NAT mode to an instance: same region, in a VPC, ready, no EIP yet.
pub fn instance_can_take_nat_eip(
    instance: &InstanceFacts,
    eip: &EipFacts,
    snapshot: &Snapshot,
) -> Result<(), Blocker> {
    let id = instance.id.to_string();
    if instance.region != eip.region {
        return Err(Blocker::InstanceRegionMismatch {
            instance: id,
            instance_region: instance.region.to_string(),
            eip_region: eip.region.to_string(),
        });
    }
    if instance.vpc_id.is_empty() {
        return Err(Blocker::InstanceNotInVpc { instance: id });
    }
    instance_is_ready(instance)?;
    if let Some(e) = snapshot.eip_bound_to(instance.id.as_str()) {
        return Err(Blocker::InstanceHasEip {
            instance: id,
            allocation_id: e.allocation_id.to_string(),
            ip: e.ip_address.clone(),
        });
    }
    Ok(())
}

/// NAT mode to an ENI: in a VPC, in the EIP's region, no EIP yet, not managed by another
/// service, settled.
pub fn eni_can_take_nat_eip(
    eni: &EniFacts,
    eip: &EipFacts,
    snapshot: &Snapshot,
) -> Result<(), Blocker> {
    eni_in_vpc(eni)?;
    eni_is_self_managed(eni)?;
    eni_in_eip_region(eni, eip)?;
    eni_has_no_eip(eni, snapshot)?;
    eni_is_settled(eni)
}
