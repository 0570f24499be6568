//! The ENI table's Cut-through column: the shared ENI preconditions
//! ([`crate::binding::preconditions`]) plus the region's support, mapped to typed reasons with
//! the sentence the table shows. The bind form and preflight map the same preconditions to
//! their blockers, so the column and the form cannot disagree.

use super::rows::{
    CutThroughEligibility, CutThroughReason, CutThroughReasonCode as Code, CutThroughText as Text,
    CutThroughVerdict, EipRef,
};
use crate::binding::preconditions::{self, EniCutThroughFacts, HeldEip, Unmet};
use crate::text::Message;
use alicloud_api::states::EniStatus;

/// What eligibility looks at, borrowed from an ENI listing item and its EIPs.
#[derive(Debug, Clone, Copy)]
pub struct EniFacts<'a> {
    pub region_id: &'a str,
    /// `Primary`, `Secondary`, `Trunk`, …
    pub eni_type: &'a str,
    pub status: &'a EniStatus,
    pub vpc_id: &'a str,
    /// The instance it is attached to (empty or `None` when free).
    pub instance_id: Option<&'a str>,
    pub secondary_private_ips: usize,
    pub service_managed: bool,
    /// EIPs associated with the ENI.
    pub eips: &'a [EipRef],
    /// Whether the region offers cut-through mode.
    pub region_supported: bool,
}

impl<'a> EniFacts<'a> {
    /// The view the shared preconditions take.
    fn preconditions_view(&self) -> EniCutThroughFacts<'a> {
        EniCutThroughFacts {
            eni_type: self.eni_type,
            vpc_id: self.vpc_id,
            status: self.status,
            instance_id: self.instance_id,
            secondary_private_ips: self.secondary_private_ips,
            service_managed: self.service_managed,
            eip: self.eips.first().map(|e| HeldEip {
                allocation_id: &e.allocation_id,
                ip_address: &e.ip_address,
                mode: &e.mode,
            }),
        }
    }
}

fn reason(code: Code, text: Text, blocking: bool) -> CutThroughReason {
    CutThroughReason {
        code,
        message: text.english(),
        text,
        blocking,
    }
}

/// The mode of an EIP the ENI holds, as a reason names it (no mode: NAT).
fn held_mode<'e>(eip: &'e HeldEip<'_>) -> &'e str {
    if eip.mode.is_empty() {
        "NAT"
    } else {
        eip.mode.as_str()
    }
}

fn or_unknown(s: &str) -> &str {
    if s.is_empty() { "unknown" } else { s }
}

/// The table's reason for one unmet precondition (the mapping is exhaustive on purpose).
fn unmet_reason(unmet: &Unmet<'_>) -> CutThroughReason {
    let blocking = unmet.blocking();
    match *unmet {
        Unmet::Primary => reason(Code::PrimaryEni, Text::PrimaryEni, blocking),
        Unmet::NotPlainSecondary { eni_type } => reason(
            Code::NotSecondary,
            Text::NotSecondary {
                kind: or_unknown(eni_type).to_owned(),
            },
            blocking,
        ),
        Unmet::NotInVpc => reason(Code::NotInVpc, Text::NotInVpc, blocking),
        Unmet::HoldsEip(eip) => reason(
            Code::HasEip,
            Text::HasEip {
                ip: eip.ip_address.to_string(),
                mode: held_mode(&eip).to_owned(),
            },
            blocking,
        ),
        Unmet::HasSecondaryIps { count: n } => reason(
            Code::HasSecondaryIps,
            Text::HasSecondaryIps {
                count: u32::try_from(n).unwrap_or(u32::MAX),
            },
            blocking,
        ),
        Unmet::ServiceManaged => reason(Code::ServiceManaged, Text::ServiceManaged, blocking),
        Unmet::Busy { status } => reason(
            Code::Busy,
            Text::Busy {
                status: or_unknown(status.as_str()).to_owned(),
            },
            blocking,
        ),
        Unmet::Attached { instance } => reason(
            Code::Attached,
            Text::Attached {
                instance: instance.to_string(),
            },
            blocking,
        ),
    }
}

/// Evaluates every precondition and returns all failures, not only the first, so the UI can
/// say everything that stands in the way at once.
pub fn cut_through_eligibility(eni: &EniFacts<'_>) -> CutThroughEligibility {
    if eni.eips.iter().any(|e| e.mode == "BINDED") {
        return CutThroughEligibility {
            verdict: CutThroughVerdict::Active,
            reasons: Vec::new(),
        };
    }
    // The region first: nothing about the ENI matters where cut-through is not offered.
    let region = (!eni.region_supported).then(|| {
        reason(
            Code::RegionUnsupported,
            Text::RegionUnsupported {
                region: eni.region_id.to_string(),
            },
            true,
        )
    });
    let reasons: Vec<CutThroughReason> = region
        .into_iter()
        .chain(
            preconditions::unmet(&eni.preconditions_view())
                .iter()
                .map(unmet_reason),
        )
        .collect();
    let verdict = if reasons.iter().any(|r| r.blocking) {
        CutThroughVerdict::Ineligible
    } else if reasons.is_empty() {
        CutThroughVerdict::Eligible
    } else {
        CutThroughVerdict::NeedsDetach
    };
    CutThroughEligibility { verdict, reasons }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn free_secondary() -> EniFacts<'static> {
        EniFacts {
            region_id: "cn-hangzhou",
            eni_type: "Secondary",
            status: &EniStatus::Available,
            vpc_id: "vpc-1",
            instance_id: None,
            secondary_private_ips: 0,
            service_managed: false,
            eips: &[],
            region_supported: true,
        }
    }

    fn codes(e: &CutThroughEligibility) -> Vec<Code> {
        e.reasons.iter().map(|r| r.code).collect()
    }

    fn eip(mode: &str) -> EipRef {
        EipRef {
            allocation_id: "eip-1".into(),
            ip_address: "47.98.1.2".into(),
            mode: mode.into(),
            status: alicloud_api::states::EipStatus::InUse,
        }
    }

    #[test]
    fn free_secondary_eni_is_eligible() {
        let e = cut_through_eligibility(&free_secondary());
        assert_eq!(e.verdict, CutThroughVerdict::Eligible);
        assert!(e.reasons.is_empty());
    }

    #[test]
    fn attached_secondary_needs_detach_only() {
        let e = cut_through_eligibility(&EniFacts {
            instance_id: Some("i-web01"),
            status: &EniStatus::InUse,
            ..free_secondary()
        });
        assert_eq!(e.verdict, CutThroughVerdict::NeedsDetach);
        assert_eq!(codes(&e), vec![Code::Attached]);
        assert!(!e.reasons[0].blocking);
        assert!(e.reasons[0].message.contains("i-web01"));
        // An empty instance ID is "not attached".
        let e = cut_through_eligibility(&EniFacts {
            instance_id: Some(""),
            ..free_secondary()
        });
        assert_eq!(e.verdict, CutThroughVerdict::Eligible);
    }

    #[test]
    fn primary_eni_is_ineligible_without_repeating_attached() {
        let e = cut_through_eligibility(&EniFacts {
            eni_type: "Primary",
            instance_id: Some("i-1"),
            status: &EniStatus::InUse,
            ..free_secondary()
        });
        assert_eq!(e.verdict, CutThroughVerdict::Ineligible);
        assert_eq!(codes(&e), vec![Code::PrimaryEni]);
    }

    #[test]
    fn binded_eip_means_active() {
        let eips = [eip("BINDED")];
        let e = cut_through_eligibility(&EniFacts {
            eips: &eips,
            status: &EniStatus::InUse,
            instance_id: Some("i-1"),
            ..free_secondary()
        });
        assert_eq!(e.verdict, CutThroughVerdict::Active);
        assert!(e.reasons.is_empty());
    }

    #[test]
    fn every_blocking_reason_is_reported() {
        let eips = [eip("NAT")];
        let e = cut_through_eligibility(&EniFacts {
            region_id: "ap-northeast-1",
            eni_type: "Trunk",
            status: &EniStatus::Deleting,
            vpc_id: "",
            instance_id: Some("i-2"),
            secondary_private_ips: 2,
            service_managed: true,
            eips: &eips,
            region_supported: false,
        });
        assert_eq!(e.verdict, CutThroughVerdict::Ineligible);
        assert_eq!(
            codes(&e),
            vec![
                Code::RegionUnsupported,
                Code::NotSecondary,
                Code::NotInVpc,
                Code::HasEip,
                Code::HasSecondaryIps,
                Code::ServiceManaged,
                Code::Busy,
                Code::Attached,
            ]
        );
        let text: Vec<&str> = e.reasons.iter().map(|r| r.message.as_str()).collect();
        assert!(text[0].contains("ap-northeast-1"));
        assert!(text[1].contains("Trunk"));
        assert!(text[3].contains("47.98.1.2") && text[3].contains("NAT"));
        assert!(text[4].contains("2 secondary private IPs"));
        assert!(text[6].contains("Deleting"));
    }

    #[test]
    fn single_secondary_ip_is_singular() {
        let e = cut_through_eligibility(&EniFacts {
            secondary_private_ips: 1,
            ..free_secondary()
        });
        assert_eq!(codes(&e), vec![Code::HasSecondaryIps]);
        assert!(e.reasons[0].message.contains("1 secondary private IP;"));
    }

    #[test]
    fn transient_status_blocks() {
        for text in ["Attaching", "Detaching", "CreateFailed", ""] {
            let status = &EniStatus::parse(text);
            let e = cut_through_eligibility(&EniFacts {
                status,
                ..free_secondary()
            });
            assert_eq!(e.verdict, CutThroughVerdict::Ineligible, "{status}");
            assert_eq!(codes(&e), vec![Code::Busy]);
        }
    }
}
