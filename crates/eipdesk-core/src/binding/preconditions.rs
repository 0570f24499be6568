//! The ENI's own cut-through preconditions (Mode=BINDED): the one definition of "can this
//! network interface, by itself, take an EIP in cut-through mode". The inventory's
//! Cut-through column maps each [`Unmet`] to a reason with a code; the binding rules map it
//! to a [`Blocker`](super::Blocker) for the form and preflight. Both match exhaustively, so a
//! new precondition cannot reach one and not the other.
//!
//! Not here: what depends on the binding itself (the region offering cut-through, the ENI being
//! in the EIP's region, the EIP and the target instance); those stay in [`rules`](super::rules).

use super::facts::{EipMode, EniStatus};

/// ENI types as the API spells them.
pub mod eni_type {
    pub const PRIMARY: &str = "Primary";
    pub const SECONDARY: &str = "Secondary";
}

/// An EIP the ENI already holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeldEip<'a> {
    pub allocation_id: &'a str,
    pub ip_address: &'a str,
    /// `NAT`, `BINDED` or `MULTI_BINDED` (empty means NAT).
    pub mode: &'a EipMode,
}

/// What the preconditions look at, borrowed from an inventory listing item or from the
/// binding's facts.
#[derive(Debug, Clone, Copy)]
pub struct EniCutThroughFacts<'a> {
    /// `Primary`, `Secondary`, `Trunk`, … (empty when unknown).
    pub eni_type: &'a str,
    /// Empty when the ENI is not in a VPC.
    pub vpc_id: &'a str,
    pub status: &'a EniStatus,
    /// The instance it is attached to (`None` or empty when detached).
    pub instance_id: Option<&'a str>,
    pub secondary_private_ips: usize,
    pub service_managed: bool,
    /// The EIP it already holds, if any.
    pub eip: Option<HeldEip<'a>>,
}

/// One precondition, in the order the user reads them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precondition {
    /// A plain secondary ENI (not primary, trunk, …).
    PlainSecondary,
    InVpc,
    /// An ENI holds one EIP in cut-through mode: it must hold none yet.
    HoldsNoEip,
    NoSecondaryIps,
    /// Not managed by another cloud service.
    SelfManaged,
    /// `Available` or `InUse`, not in a transient or failed state.
    Settled,
    /// Detached; not blocking, since a binding detaches it first.
    Detached,
}

impl Precondition {
    /// Every precondition, in the order the user reads them.
    pub const ALL: [Precondition; 7] = [
        Precondition::PlainSecondary,
        Precondition::InVpc,
        Precondition::HoldsNoEip,
        Precondition::NoSecondaryIps,
        Precondition::SelfManaged,
        Precondition::Settled,
        Precondition::Detached,
    ];

    /// How `eni` fails this precondition, if it does. Each looks only at its own fields.
    pub fn check<'a>(self, eni: &EniCutThroughFacts<'a>) -> Option<Unmet<'a>> {
        match self {
            Precondition::PlainSecondary => match eni.eni_type {
                eni_type::SECONDARY => None,
                eni_type::PRIMARY => Some(Unmet::Primary),
                other => Some(Unmet::NotPlainSecondary { eni_type: other }),
            },
            Precondition::InVpc => eni.vpc_id.is_empty().then_some(Unmet::NotInVpc),
            Precondition::HoldsNoEip => eni.eip.map(Unmet::HoldsEip),
            Precondition::NoSecondaryIps => {
                (eni.secondary_private_ips > 0).then_some(Unmet::HasSecondaryIps {
                    count: eni.secondary_private_ips,
                })
            }
            Precondition::SelfManaged => eni.service_managed.then_some(Unmet::ServiceManaged),
            Precondition::Settled => match eni.status {
                EniStatus::Available | EniStatus::InUse => None,
                status => Some(Unmet::Busy { status }),
            },
            // A primary ENI is always attached; saying so would only repeat `Primary`.
            Precondition::Detached => eni
                .instance_id
                .filter(|i| !i.is_empty() && eni.eni_type != eni_type::PRIMARY)
                .map(|instance| Unmet::Attached { instance }),
        }
    }
}

/// How an ENI fails a precondition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unmet<'a> {
    /// An instance's primary ENI.
    Primary,
    /// Some other type than a plain secondary ENI (trunk, member, unknown: empty).
    NotPlainSecondary {
        eni_type: &'a str,
    },
    NotInVpc,
    HoldsEip(HeldEip<'a>),
    HasSecondaryIps {
        count: usize,
    },
    ServiceManaged,
    /// A transient or failed status (empty when unknown).
    Busy {
        status: &'a EniStatus,
    },
    /// Attached to `instance`: it must be detached first (the binding does that).
    Attached {
        instance: &'a str,
    },
}

impl Unmet<'_> {
    /// False only for what a binding fixes by itself (detaching the ENI).
    pub fn blocking(&self) -> bool {
        !matches!(self, Unmet::Attached { .. })
    }
}

/// The preconditions among `which` that `eni` fails, in that order.
pub fn unmet_of<'a>(eni: &EniCutThroughFacts<'a>, which: &[Precondition]) -> Vec<Unmet<'a>> {
    which.iter().filter_map(|p| p.check(eni)).collect()
}

/// Every precondition `eni` fails, not only the first, blocking or not.
pub fn unmet<'a>(eni: &EniCutThroughFacts<'a>) -> Vec<Unmet<'a>> {
    unmet_of(eni, &Precondition::ALL)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn free_secondary() -> EniCutThroughFacts<'static> {
        EniCutThroughFacts {
            eni_type: "Secondary",
            vpc_id: "vpc-1",
            status: &EniStatus::Available,
            instance_id: None,
            secondary_private_ips: 0,
            service_managed: false,
            eip: None,
        }
    }

    #[test]
    fn a_free_secondary_eni_meets_every_precondition() {
        assert!(unmet(&free_secondary()).is_empty());
    }

    #[test]
    fn each_precondition_reports_only_its_own_failure() {
        let eip = HeldEip {
            allocation_id: "eip-1",
            ip_address: "47.0.0.1",
            mode: &alicloud_api::states::EipMode::Nat,
        };
        let cases = [
            (
                EniCutThroughFacts {
                    eni_type: "Primary",
                    instance_id: Some("i-1"),
                    status: &EniStatus::InUse,
                    ..free_secondary()
                },
                Unmet::Primary,
            ),
            (
                EniCutThroughFacts {
                    eni_type: "Trunk",
                    ..free_secondary()
                },
                Unmet::NotPlainSecondary { eni_type: "Trunk" },
            ),
            (
                EniCutThroughFacts {
                    eni_type: "",
                    ..free_secondary()
                },
                Unmet::NotPlainSecondary { eni_type: "" },
            ),
            (
                EniCutThroughFacts {
                    vpc_id: "",
                    ..free_secondary()
                },
                Unmet::NotInVpc,
            ),
            (
                EniCutThroughFacts {
                    eip: Some(eip),
                    ..free_secondary()
                },
                Unmet::HoldsEip(eip),
            ),
            (
                EniCutThroughFacts {
                    secondary_private_ips: 3,
                    ..free_secondary()
                },
                Unmet::HasSecondaryIps { count: 3 },
            ),
            (
                EniCutThroughFacts {
                    service_managed: true,
                    ..free_secondary()
                },
                Unmet::ServiceManaged,
            ),
            (
                EniCutThroughFacts {
                    status: &EniStatus::Deleting,
                    ..free_secondary()
                },
                Unmet::Busy {
                    status: &EniStatus::Deleting,
                },
            ),
            (
                EniCutThroughFacts {
                    instance_id: Some("i-1"),
                    status: &EniStatus::InUse,
                    ..free_secondary()
                },
                Unmet::Attached { instance: "i-1" },
            ),
        ];
        for (eni, expected) in cases {
            assert_eq!(unmet(&eni), [expected], "{eni:?}");
            assert_eq!(
                expected.blocking(),
                !matches!(expected, Unmet::Attached { .. })
            );
        }
        // An empty instance ID is "detached".
        let eni = EniCutThroughFacts {
            instance_id: Some(""),
            ..free_secondary()
        };
        assert!(unmet(&eni).is_empty());
    }

    #[test]
    fn a_subset_is_checked_in_the_order_given() {
        let eni = EniCutThroughFacts {
            eni_type: "Primary",
            vpc_id: "",
            service_managed: true,
            ..free_secondary()
        };
        assert_eq!(
            unmet_of(&eni, &[Precondition::SelfManaged, Precondition::InVpc]),
            [Unmet::ServiceManaged, Unmet::NotInVpc]
        );
    }
}
