//! Cut-through eligibility of an ENI, with typed reasons: the guide's preconditions (secondary
//! ENI in a VPC, supported region, not attached, no other EIP, no secondary private IPs)
//! checked against what the inventory knows. Pure: the binding preflight reuses it.

use super::rows::{
    CutThroughEligibility, CutThroughReason, CutThroughReasonCode as Code, CutThroughVerdict,
    EipRef,
};

/// What eligibility looks at, borrowed from an ENI listing item and its EIPs.
#[derive(Debug, Clone, Copy)]
pub struct EniFacts<'a> {
    pub region_id: &'a str,
    /// `Primary`, `Secondary`, `Trunk`, …
    pub eni_type: &'a str,
    pub status: &'a str,
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

fn reason(code: Code, message: String, blocking: bool) -> CutThroughReason {
    CutThroughReason {
        code,
        message,
        blocking,
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
    let mut reasons = Vec::new();
    match eni.eni_type {
        "Secondary" => {}
        "Primary" => reasons.push(reason(
            Code::PrimaryEni,
            "This is an instance's primary ENI; only secondary ENIs support cut-through mode."
                .into(),
            true,
        )),
        other => reasons.push(reason(
            Code::NotSecondary,
            format!(
                "ENI type `{}` is not a plain secondary ENI.",
                if other.is_empty() { "unknown" } else { other }
            ),
            true,
        )),
    }
    if eni.vpc_id.is_empty() {
        reasons.push(reason(
            Code::NotInVpc,
            "The ENI is not in a VPC.".into(),
            true,
        ));
    }
    if !eni.region_supported {
        reasons.push(reason(
            Code::RegionUnsupported,
            format!("{} does not offer cut-through mode.", eni.region_id),
            true,
        ));
    }
    if let Some(eip) = eni.eips.first() {
        reasons.push(reason(
            Code::HasEip,
            format!(
                "It already holds EIP {} ({} mode); an ENI can hold only one EIP in cut-through mode.",
                eip.ip_address,
                if eip.mode.is_empty() { "NAT" } else { &eip.mode }
            ),
            true,
        ));
    }
    if eni.secondary_private_ips > 0 {
        let n = eni.secondary_private_ips;
        reasons.push(reason(
            Code::HasSecondaryIps,
            format!(
                "It has {n} secondary private IP{}; remove {} first.",
                if n == 1 { "" } else { "s" },
                if n == 1 { "it" } else { "them" }
            ),
            true,
        ));
    }
    if eni.service_managed {
        reasons.push(reason(
            Code::ServiceManaged,
            "It is managed by another cloud service.".into(),
            true,
        ));
    }
    match eni.status {
        "Available" | "InUse" => {}
        status => reasons.push(reason(
            Code::Busy,
            format!(
                "Its status is {}; wait until it is Available.",
                if status.is_empty() { "unknown" } else { status }
            ),
            true,
        )),
    }
    if let Some(instance) = eni.instance_id.filter(|i| !i.is_empty()) {
        // A primary ENI is always attached; saying so would only repeat PrimaryEni.
        if eni.eni_type != "Primary" {
            reasons.push(reason(
                Code::Attached,
                format!("It is attached to {instance}; it must be detached first, then re-attached after binding."),
                false,
            ));
        }
    }
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
            status: "Available",
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
            status: "InUse".into(),
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
            status: "InUse",
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
            status: "InUse",
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
            status: "InUse",
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
            status: "Deleting",
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
                Code::NotSecondary,
                Code::NotInVpc,
                Code::RegionUnsupported,
                Code::HasEip,
                Code::HasSecondaryIps,
                Code::ServiceManaged,
                Code::Busy,
                Code::Attached,
            ]
        );
        let text: Vec<&str> = e.reasons.iter().map(|r| r.message.as_str()).collect();
        assert!(text[0].contains("Trunk"));
        assert!(text[2].contains("ap-northeast-1"));
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
        for status in ["Attaching", "Detaching", "CreateFailed", ""] {
            let e = cut_through_eligibility(&EniFacts {
                status,
                ..free_secondary()
            });
            assert_eq!(e.verdict, CutThroughVerdict::Ineligible, "{status}");
            assert_eq!(codes(&e), vec![Code::Busy]);
        }
    }
}
