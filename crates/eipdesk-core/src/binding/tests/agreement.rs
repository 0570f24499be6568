//! The inventory's Cut-through column and the bind form / preflight agree: one API listing per
//! ENI precondition goes through both paths (`build_rows`, and `snapshot_from` then
//! `preflight` and `bind_options`), and both report that precondition and nothing else.

use super::*;
use crate::binding::options::bind_options;
use crate::binding::preflight;
use crate::inventory::rows::{CutThroughReasonCode as Code, CutThroughVerdict, EniRow};
use crate::inventory::{EniQuotas, RegionFacts, build_rows};
use crate::workflow::snapshot::snapshot_from;
use alicloud_api::ecs::{NetworkInterfaceSet, PrivateIpSet, PrivateIpSets};
use alicloud_api::vpc::EipAddress;
use std::collections::HashMap;

const ENI: &str = "eni-x";

fn api_eip(id: &str, bound_to: Option<(&str, &str)>) -> EipAddress {
    EipAddress {
        allocation_id: id.into(),
        ip_address: "47.0.0.9".into(),
        status: if bound_to.is_some() {
            "InUse"
        } else {
            "Available"
        }
        .into(),
        // Empty: the listing's region.
        region_id: String::new(),
        charge_type: "PostPaid".into(),
        instance_id: bound_to.map(|(t, _)| t.into()).unwrap_or_default(),
        instance_type: bound_to
            .map(|_| "NetworkInterface".into())
            .unwrap_or_default(),
        mode: bound_to.map(|(_, m)| m.into()).unwrap_or_default(),
        ..Default::default()
    }
}

/// A free, plain secondary ENI that meets every precondition.
fn api_eni() -> NetworkInterfaceSet {
    NetworkInterfaceSet {
        network_interface_id: ENI.into(),
        status: "Available".into(),
        interface_type: "Secondary".into(),
        vpc_id: "vpc-a".into(),
        vswitch_id: "vsw-a".into(),
        zone_id: "cn-hangzhou-h".into(),
        private_ip_address: "10.0.0.20".into(),
        private_ip_sets: PrivateIpSets {
            private_ip_set: vec![PrivateIpSet {
                private_ip_address: "10.0.0.20".into(),
                primary: true,
                ..Default::default()
            }],
        },
        ..Default::default()
    }
}

fn region(name: &str, eni: NetworkInterfaceSet, extra_eips: Vec<EipAddress>) -> RegionFacts {
    let mut facts = RegionFacts::empty(rid(name));
    facts.eips = vec![api_eip("eip-new", None)];
    facts.eips.extend(extra_eips);
    facts.enis = vec![eni];
    facts
}

/// The table's row for the ENI.
fn table(facts: &RegionFacts) -> EniRow {
    build_rows(facts, &EniQuotas::default(), &regions())
        .enis
        .into_iter()
        .find(|r| r.network_interface_id == ENI)
        .unwrap()
}

/// What preflight, the form with the EIP chosen and the form without it say about binding
/// `eip-new` to the ENI in cut-through mode.
fn binding(facts: &RegionFacts) -> [Vec<String>; 3] {
    let snapshot = snapshot_from(
        &facts.region,
        &facts.eips,
        &facts.enis,
        &facts.instances,
        &HashMap::new(),
    );
    let request = BindRequest::CutThroughBind {
        eip: AllocationId::parse("eip-new").unwrap(),
        eni: EniId::parse(ENI).unwrap(),
        attach_to: None,
    };
    let preflight = match preflight(&request, &snapshot, &regions(), &dev()) {
        Ok(_) => Vec::new(),
        Err(blockers) => blockers.iter().map(|b| b.code().to_string()).collect(),
    };
    let form = |allocation_id: &str| {
        let form = BindForm {
            job: Some(JobKind::CutThroughBind),
            allocation_id: allocation_id.into(),
            ..Default::default()
        };
        let options = bind_options(&form, &snapshot, &regions());
        let choice = options.enis.iter().find(|c| c.id == ENI).unwrap();
        choice.reason_code.clone().into_iter().collect::<Vec<_>>()
    };
    [preflight, form("eip-new"), form("")]
}

struct Case {
    what: &'static str,
    eni: NetworkInterfaceSet,
    eips: Vec<EipAddress>,
    table: Code,
    /// `None`: the binding takes care of it (detaching the ENI).
    blocker: Option<&'static str>,
}

fn cases() -> Vec<Case> {
    let case = |what, eni, table, blocker| Case {
        what,
        eni,
        eips: Vec::new(),
        table,
        blocker,
    };
    let mut with_ips = api_eni();
    with_ips.private_ip_sets.private_ip_set.push(PrivateIpSet {
        private_ip_address: "10.0.0.21".into(),
        primary: false,
        ..Default::default()
    });
    vec![
        case(
            "primary",
            NetworkInterfaceSet {
                interface_type: "Primary".into(),
                instance_id: "i-web".into(),
                status: "InUse".into(),
                ..api_eni()
            },
            Code::PrimaryEni,
            Some("EniNotSecondary"),
        ),
        case(
            "trunk",
            NetworkInterfaceSet {
                interface_type: "Trunk".into(),
                ..api_eni()
            },
            Code::NotSecondary,
            Some("EniNotPlainSecondary"),
        ),
        case(
            "unknown type",
            NetworkInterfaceSet {
                interface_type: String::new(),
                ..api_eni()
            },
            Code::NotSecondary,
            Some("EniNotPlainSecondary"),
        ),
        case(
            "not in a VPC",
            NetworkInterfaceSet {
                vpc_id: String::new(),
                ..api_eni()
            },
            Code::NotInVpc,
            Some("EniNotInVpc"),
        ),
        Case {
            eips: vec![api_eip("eip-held", Some((ENI, "NAT")))],
            ..case("holds an EIP", api_eni(), Code::HasEip, Some("EniHasEip"))
        },
        case(
            "secondary private IPs",
            with_ips,
            Code::HasSecondaryIps,
            Some("EniHasSecondaryIps"),
        ),
        case(
            "service-managed",
            NetworkInterfaceSet {
                service_managed: true,
                ..api_eni()
            },
            Code::ServiceManaged,
            Some("EniServiceManaged"),
        ),
        case(
            "busy",
            NetworkInterfaceSet {
                status: "Deleting".into(),
                ..api_eni()
            },
            Code::Busy,
            Some("EniBusy"),
        ),
        case(
            "attached",
            NetworkInterfaceSet {
                instance_id: "i-web".into(),
                status: "InUse".into(),
                ..api_eni()
            },
            Code::Attached,
            None,
        ),
    ]
}

#[test]
fn a_free_secondary_eni_is_eligible_everywhere() {
    let facts = region("cn-hangzhou", api_eni(), Vec::new());
    let row = table(&facts);
    assert_eq!(row.cut_through.verdict, CutThroughVerdict::Eligible);
    assert!(binding(&facts).iter().all(Vec::is_empty));
}

#[test]
fn table_and_binding_report_each_precondition_alike() {
    for case in cases() {
        let facts = region("cn-hangzhou", case.eni, case.eips);
        let row = table(&facts);
        let codes: Vec<Code> = row.cut_through.reasons.iter().map(|r| r.code).collect();
        assert_eq!(codes, [case.table], "table, {}", case.what);
        assert_eq!(
            row.cut_through.reasons[0].blocking,
            case.blocker.is_some(),
            "table blocking, {}",
            case.what
        );
        let expected: Vec<&str> = case.blocker.into_iter().collect();
        let [preflight, form_with_eip, form_alone] = binding(&facts);
        assert_eq!(preflight, expected, "preflight, {}", case.what);
        assert_eq!(form_with_eip, expected, "form with the EIP, {}", case.what);
        assert_eq!(form_alone, expected, "form without an EIP, {}", case.what);
    }
}

#[test]
fn every_failure_at_once_is_reported_alike_and_in_the_same_order() {
    let mut eni = NetworkInterfaceSet {
        interface_type: "Trunk".into(),
        vpc_id: String::new(),
        service_managed: true,
        status: "Deleting".into(),
        instance_id: "i-web".into(),
        ..api_eni()
    };
    eni.private_ip_sets.private_ip_set.push(PrivateIpSet {
        private_ip_address: "10.0.0.21".into(),
        ..Default::default()
    });
    let facts = region(
        "cn-hangzhou",
        eni,
        vec![api_eip("eip-held", Some((ENI, "NAT")))],
    );
    let row = table(&facts);
    // Each table code, in table order, paired with its blocker through the cases above.
    let pairs: Vec<(Code, Option<&str>)> = cases().iter().map(|c| (c.table, c.blocker)).collect();
    let expected: Vec<&str> = row
        .cut_through
        .reasons
        .iter()
        .filter_map(|r| pairs.iter().find(|(code, _)| *code == r.code).unwrap().1)
        .collect();
    assert_eq!(row.cut_through.reasons.len(), 7);
    let [preflight, form_with_eip, form_alone] = binding(&facts);
    assert_eq!(preflight, expected);
    assert_eq!(form_with_eip, expected[..1]);
    assert_eq!(form_alone, expected[..1]);
}

#[test]
fn an_unsupported_region_is_reported_alike() {
    let facts = region("ap-northeast-1", api_eni(), Vec::new());
    let row = table(&facts);
    let codes: Vec<Code> = row.cut_through.reasons.iter().map(|r| r.code).collect();
    assert_eq!(codes, [Code::RegionUnsupported]);
    let [preflight, _, _] = binding(&facts);
    assert_eq!(preflight, ["RegionNotCutThrough"]);
}
