//! Unit tests of the relation logic on a small hand-built region.

use super::*;
use crate::ids::RegionId;
use crate::inventory::rows::{CutThroughReasonCode, CutThroughVerdict};
use alicloud_api::ecs::{
    AssociatedPublicIp, InstanceNetworkInterface, InstanceNetworkInterfaces, IpAddressList,
    PrivateIpSet, PrivateIpSets, VpcAttributes,
};

fn eip(id: &str, ip: &str, target_type: &str, target: &str, mode: &str) -> EipAddress {
    EipAddress {
        allocation_id: id.into(),
        ip_address: ip.into(),
        status: if target.is_empty() {
            "Available"
        } else {
            "InUse"
        }
        .into(),
        instance_type: target_type.into(),
        instance_id: target.into(),
        mode: mode.into(),
        region_id: "cn-hangzhou".into(),
        charge_type: "PostPaid".into(),
        bandwidth: "5".into(),
        ..Default::default()
    }
}

fn eni(id: &str, kind: &str, ip: &str, instance: &str) -> NetworkInterfaceSet {
    NetworkInterfaceSet {
        network_interface_id: id.into(),
        network_interface_name: format!("{id}-name"),
        status: if instance.is_empty() {
            "Available"
        } else {
            "InUse"
        }
        .into(),
        interface_type: kind.into(),
        instance_id: instance.into(),
        vpc_id: "vpc-prod".into(),
        vswitch_id: "vsw-h".into(),
        zone_id: "cn-hangzhou-h".into(),
        private_ip_address: ip.into(),
        private_ip_sets: PrivateIpSets {
            private_ip_set: vec![PrivateIpSet {
                private_ip_address: ip.into(),
                primary: true,
                ..Default::default()
            }],
        },
        ..Default::default()
    }
}

fn instance(id: &str, name: &str, kind: &str, ip: &str, nics: &[(&str, &str, &str)]) -> Instance {
    Instance {
        instance_id: id.into(),
        instance_name: name.into(),
        status: "Running".into(),
        instance_type: kind.into(),
        zone_id: "cn-hangzhou-h".into(),
        cpu: 2,
        memory: 8192,
        vpc_attributes: VpcAttributes {
            vpc_id: "vpc-prod".into(),
            vswitch_id: "vsw-h".into(),
            private_ip_address: IpAddressList {
                ip_address: vec![ip.into()],
            },
            ..Default::default()
        },
        network_interfaces: InstanceNetworkInterfaces {
            network_interface: nics
                .iter()
                .map(|(id, t, ip)| InstanceNetworkInterface {
                    network_interface_id: (*id).into(),
                    interface_type: (*t).into(),
                    primary_ip_address: (*ip).into(),
                    ..Default::default()
                })
                .collect(),
        },
        ..Default::default()
    }
}

fn region() -> RegionFacts {
    let mut multi = eni("eni-multi", "Secondary", "172.16.1.30", "");
    for ip in ["172.16.1.31", "172.16.1.32"] {
        multi.private_ip_sets.private_ip_set.push(PrivateIpSet {
            private_ip_address: ip.into(),
            primary: false,
            ..Default::default()
        });
    }
    let mut attached_via_attachment = eni("eni-att", "Secondary", "172.16.1.40", "");
    attached_via_attachment.attachment.instance_id = "i-web02".into();
    attached_via_attachment.status = "InUse".into();
    let mut ct = eni("eni-ct", "Secondary", "172.16.1.20", "i-web02");
    ct.associated_public_ip = AssociatedPublicIp {
        public_ip_address: "47.98.0.20".into(),
        allocation_id: "eip-ct".into(),
    };
    RegionFacts {
        region: RegionId::parse("cn-hangzhou").unwrap(),
        eips: vec![
            eip("eip-nat", "47.98.0.10", "EcsInstance", "i-web01", "NAT"),
            eip(
                "eip-ct",
                "47.98.0.20",
                "NetworkInterface",
                "eni-ct",
                "BINDED",
            ),
            eip("eip-free", "47.98.0.9", "", "", ""),
            eip("eip-slb", "47.98.0.100", "SlbInstance", "lb-123", "NAT"),
            eip(
                "eip-ghost",
                "47.98.0.50",
                "NetworkInterface",
                "eni-gone",
                "NAT",
            ),
            eip("eip-onnat", "47.98.0.60", "NetworkInterface", "eni-nat", ""),
        ],
        enis: vec![
            eni("eni-p1", "Primary", "172.16.1.10", "i-web01"),
            eni("eni-data", "Secondary", "172.16.1.11", "i-web01"),
            eni("eni-p2", "Primary", "172.16.1.12", "i-web02"),
            ct,
            eni("eni-free", "Secondary", "172.16.1.21", ""),
            multi,
            eni("eni-nat", "Secondary", "172.16.1.60", ""),
            attached_via_attachment,
        ],
        instances: vec![
            instance(
                "i-web01",
                "web-01",
                "ecs.g7.large",
                "172.16.1.10",
                &[
                    ("eni-p1", "Primary", "172.16.1.10"),
                    ("eni-data", "Secondary", "172.16.1.11"),
                ],
            ),
            instance(
                "i-web02",
                "web-02",
                "ecs.unknown",
                "172.16.1.12",
                &[
                    ("eni-p2", "Primary", "172.16.1.12"),
                    ("eni-fresh", "Secondary", "172.16.1.70"),
                ],
            ),
        ],
        vpc_names: [("vpc-prod".to_string(), "prod-vpc".to_string())].into(),
        vswitch_names: [("vsw-h".to_string(), "prod-app-h".to_string())].into(),
    }
}

fn quotas() -> EniQuotas {
    [("ecs.g7.large".to_string(), 3)].into_iter().collect()
}

/// The hand-built region's rows (also used by the row-action tests).
pub(crate) fn rows() -> RegionRows {
    build_rows(&region(), &quotas(), &CutThroughRegions::default())
}

fn eip_row<'a>(rows: &'a RegionRows, id: &str) -> &'a EipRow {
    rows.eips.iter().find(|r| r.allocation_id == id).unwrap()
}
fn eni_row<'a>(rows: &'a RegionRows, id: &str) -> &'a EniRow {
    rows.enis
        .iter()
        .find(|r| r.network_interface_id == id)
        .unwrap()
}
fn instance_row<'a>(rows: &'a RegionRows, id: &str) -> &'a InstanceRow {
    rows.instances.iter().find(|r| r.instance_id == id).unwrap()
}

#[test]
fn eips_are_sorted_numerically_by_ip() {
    let rows = rows();
    let ips: Vec<&str> = rows.eips.iter().map(|r| r.ip_address.as_str()).collect();
    assert_eq!(
        ips,
        [
            "47.98.0.9",
            "47.98.0.10",
            "47.98.0.20",
            "47.98.0.50",
            "47.98.0.60",
            "47.98.0.100"
        ]
    );
}

#[test]
fn eip_bound_to_instance_in_nat_mode() {
    let rows = rows();
    let b = eip_row(&rows, "eip-nat").binding.clone().unwrap();
    assert_eq!(b.target, BindingTarget::Instance);
    assert_eq!(b.mode, "NAT");
    assert_eq!(b.instance_id.as_deref(), Some("i-web01"));
    assert_eq!(b.instance_name.as_deref(), Some("web-01"));
    assert_eq!(b.eni_id, None);
    assert!(b.target_listed);
}

#[test]
fn eip_in_cut_through_mode_resolves_through_the_eni_to_its_instance() {
    let rows = rows();
    let row = eip_row(&rows, "eip-ct");
    assert_eq!(row.mode, Some(EipMode::CutThrough));
    let b = row.binding.clone().unwrap();
    assert_eq!(b.target, BindingTarget::Eni);
    assert_eq!(b.mode, "BINDED");
    assert_eq!(b.eni_id.as_deref(), Some("eni-ct"));
    assert_eq!(b.eni_name.as_deref(), Some("eni-ct-name"));
    assert_eq!(b.instance_id.as_deref(), Some("i-web02"));
    assert_eq!(b.instance_name.as_deref(), Some("web-02"));
}

#[test]
fn unbound_other_and_unlisted_targets() {
    let rows = rows();
    let free = eip_row(&rows, "eip-free");
    assert!(free.binding.is_none());
    assert_eq!(
        (
            free.instance_id.clone(),
            free.mode.clone(),
            free.instance_type.clone()
        ),
        (None, None, None)
    );
    let slb = eip_row(&rows, "eip-slb").binding.clone().unwrap();
    assert_eq!(slb.target, BindingTarget::Other);
    assert_eq!(
        (slb.target_id.as_str(), slb.target_type.as_str()),
        ("lb-123", "SlbInstance")
    );
    assert_eq!((slb.eni_id, slb.instance_id), (None, None));
    let ghost = eip_row(&rows, "eip-ghost").binding.clone().unwrap();
    assert_eq!(ghost.target, BindingTarget::Eni);
    assert!(!ghost.target_listed);
    assert_eq!(ghost.instance_id, None);
    // An empty mode from the API means NAT (the default).
    assert_eq!(
        eip_row(&rows, "eip-onnat").binding.clone().unwrap().mode,
        "NAT"
    );
}

#[test]
fn eip_target_infers_type_from_the_id_when_missing() {
    let e = eip("eip-x", "1.1.1.1", "", "eni-abc", "");
    assert_eq!(eip_target(&e), Some((BindingTarget::Eni, "eni-abc")));
    let e = eip("eip-x", "1.1.1.1", "", "i-abc", "");
    assert_eq!(eip_target(&e), Some((BindingTarget::Instance, "i-abc")));
    let e = eip("eip-x", "1.1.1.1", "", "ngw-abc", "");
    assert_eq!(eip_target(&e), Some((BindingTarget::Other, "ngw-abc")));
}

#[test]
fn eni_rows_name_their_instance_eip_network_and_eligibility() {
    let rows = rows();
    let ct = eni_row(&rows, "eni-ct");
    assert_eq!(ct.instance_id.as_deref(), Some("i-web02"));
    assert_eq!(ct.instance_name.as_deref(), Some("web-02"));
    assert_eq!(ct.eips.len(), 1);
    assert_eq!(
        (ct.eips[0].ip_address.as_str(), ct.eips[0].mode.as_str()),
        ("47.98.0.20", "BINDED")
    );
    assert_eq!(ct.cut_through.verdict, CutThroughVerdict::Active);
    assert_eq!(ct.vpc_name.as_deref(), Some("prod-vpc"));
    assert_eq!(ct.vswitch_name.as_deref(), Some("prod-app-h"));

    assert_eq!(
        eni_row(&rows, "eni-free").cut_through.verdict,
        CutThroughVerdict::Eligible
    );
    let data = eni_row(&rows, "eni-data");
    assert_eq!(data.cut_through.verdict, CutThroughVerdict::NeedsDetach);
    assert_eq!(data.instance_name.as_deref(), Some("web-01"));

    let primary = eni_row(&rows, "eni-p1");
    assert_eq!(primary.cut_through.verdict, CutThroughVerdict::Ineligible);
    assert_eq!(
        primary.cut_through.reasons[0].code,
        CutThroughReasonCode::PrimaryEni
    );

    let multi = eni_row(&rows, "eni-multi");
    assert_eq!(
        multi.secondary_private_ips,
        vec!["172.16.1.31", "172.16.1.32"]
    );
    assert_eq!(
        multi.cut_through.reasons[0].code,
        CutThroughReasonCode::HasSecondaryIps
    );

    let nat = eni_row(&rows, "eni-nat");
    assert_eq!(nat.eips[0].mode, "NAT");
    assert_eq!(
        nat.cut_through.reasons[0].code,
        CutThroughReasonCode::HasEip
    );

    // Attached per the Attachment object only.
    let att = eni_row(&rows, "eni-att");
    assert_eq!(att.instance_id.as_deref(), Some("i-web02"));
    assert_eq!(att.cut_through.verdict, CutThroughVerdict::NeedsDetach);
}

#[test]
fn unsupported_region_makes_free_enis_ineligible() {
    let mut facts = region();
    facts.region = RegionId::parse("ap-northeast-1").unwrap();
    let rows = build_rows(&facts, &quotas(), &CutThroughRegions::default());
    let free = eni_row(&rows, "eni-free");
    assert_eq!(free.cut_through.verdict, CutThroughVerdict::Ineligible);
    assert_eq!(
        free.cut_through.reasons[0].code,
        CutThroughReasonCode::RegionUnsupported
    );
    assert_eq!(free.region_id, "ap-northeast-1");
}

#[test]
fn instance_rows_list_enis_with_eips_and_capacity() {
    let rows = rows();
    let web01 = instance_row(&rows, "i-web01");
    let ids: Vec<&str> = web01
        .enis
        .iter()
        .map(|e| e.network_interface_id.as_str())
        .collect();
    assert_eq!(ids, ["eni-p1", "eni-data"]);
    assert_eq!(
        web01.eip.as_ref().map(|e| e.ip_address.as_str()),
        Some("47.98.0.10")
    );
    assert_eq!((web01.eni_quota, web01.eni_remaining), (Some(3), Some(1)));
    assert_eq!(web01.private_ip_address, "172.16.1.10");
    assert_eq!(web01.vpc_name.as_deref(), Some("prod-vpc"));

    let web02 = instance_row(&rows, "i-web02");
    let ids: Vec<&str> = web02
        .enis
        .iter()
        .map(|e| e.network_interface_id.as_str())
        .collect();
    // Primary first; the ENI only the instance reports is included without a status.
    assert_eq!(ids, ["eni-p2", "eni-att", "eni-ct", "eni-fresh"]);
    let ct = web02
        .enis
        .iter()
        .find(|e| e.network_interface_id == "eni-ct")
        .unwrap();
    assert_eq!(ct.eips[0].allocation_id, "eip-ct");
    let fresh = web02
        .enis
        .iter()
        .find(|e| e.network_interface_id == "eni-fresh")
        .unwrap();
    assert_eq!(fresh.status, None);
    assert_eq!((web02.eni_quota, web02.eni_remaining), (None, None));
    assert!(web02.eip.is_none());
}

#[test]
fn remaining_capacity_never_underflows() {
    let q: EniQuotas = [("ecs.g7.large".to_string(), 1)].into_iter().collect();
    let rows = build_rows(&region(), &q, &CutThroughRegions::default());
    assert_eq!(instance_row(&rows, "i-web01").eni_remaining, Some(0));
}

#[test]
fn instance_nat_eip_falls_back_to_the_instance_listing() {
    let mut facts = region();
    facts.eips.retain(|e| e.allocation_id != "eip-nat");
    facts.instances[0].eip_address.allocation_id = "eip-nat".into();
    facts.instances[0].eip_address.ip_address = "47.98.0.10".into();
    let rows = build_rows(&facts, &quotas(), &CutThroughRegions::default());
    let eip = instance_row(&rows, "i-web01").eip.clone().unwrap();
    assert_eq!(
        (eip.allocation_id.as_str(), eip.mode.as_str()),
        ("eip-nat", "NAT")
    );
}

#[test]
fn eni_with_several_eips_lists_the_primary_ip_one_first() {
    let mut facts = region();
    let mut a = eip(
        "eip-a",
        "47.98.0.201",
        "NetworkInterface",
        "eni-free",
        "MULTI_BINDED",
    );
    a.private_ip_address = "172.16.1.99".into();
    let mut b = eip(
        "eip-b",
        "47.98.0.202",
        "NetworkInterface",
        "eni-free",
        "MULTI_BINDED",
    );
    b.private_ip_address = "172.16.1.21".into();
    facts.eips.extend([a, b]);
    let rows = build_rows(&facts, &quotas(), &CutThroughRegions::default());
    let free = eni_row(&rows, "eni-free");
    let ids: Vec<&str> = free.eips.iter().map(|e| e.allocation_id.as_str()).collect();
    assert_eq!(ids, ["eip-b", "eip-a"]);
}

#[test]
fn rows_carry_tags_for_the_tag_filter() {
    let mut facts = region();
    let free = facts
        .eips
        .iter_mut()
        .find(|e| e.allocation_id == "eip-free")
        .unwrap();
    free.tags.tag = vec![
        alicloud_api::vpc::VpcTag {
            key: "team".into(),
            value: "edge".into(),
        },
        alicloud_api::vpc::VpcTag {
            key: "cost".into(),
            value: String::new(),
        },
    ];
    let multi = facts
        .enis
        .iter_mut()
        .find(|n| n.network_interface_id == "eni-multi")
        .unwrap();
    multi.tags.tag = vec![alicloud_api::ecs::EcsTag {
        tag_key: "owner".into(),
        tag_value: "netops".into(),
    }];
    let rows = build_rows(&facts, &quotas(), &CutThroughRegions::default());
    assert_eq!(eip_row(&rows, "eip-free").tags, ["team=edge", "cost"]);
    assert_eq!(eni_row(&rows, "eni-multi").tags, ["owner=netops"]);
    assert!(eip_row(&rows, "eip-nat").tags.is_empty());
}
