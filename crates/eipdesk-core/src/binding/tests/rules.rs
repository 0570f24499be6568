//! Every preflight rule, positive and negative, with its message.

use super::*;
use crate::binding::rules;

#[test]
fn rule_region_supports_cut_through() {
    assert!(rules::region_supports_cut_through(&regions(), &rid("eu-central-1")).is_ok());
    let err = rules::region_supports_cut_through(&regions(), &rid("ap-northeast-1")).unwrap_err();
    assert_eq!(
        err.to_string(),
        "region ap-northeast-1 does not support cut-through mode"
    );
    let custom = CutThroughRegions::with_override(Some(&[rid("ap-northeast-1")]));
    assert!(rules::region_supports_cut_through(&custom, &rid("ap-northeast-1")).is_ok());
}

#[test]
fn rule_eip_is_free() {
    let s = snapshot();
    assert!(rules::eip_is_free(&s.eips[0]).is_ok());
    let err = rules::eip_is_free(&s.eips[2]).unwrap_err();
    assert_eq!(err.to_string(), "EIP eip-used is already bound to i-web");
    let mut busy = s.eips[0].clone();
    busy.status = "Releasing".into();
    assert_eq!(
        rules::eip_is_free(&busy).unwrap_err().to_string(),
        "EIP eip-free is Releasing; only an Available EIP can be bound"
    );
}

#[test]
fn rule_eip_is_bound() {
    let s = snapshot();
    assert!(rules::eip_is_bound(&s.eips[3]).is_ok());
    assert_eq!(
        rules::eip_is_bound(&s.eips[0]).unwrap_err().to_string(),
        "EIP eip-free is not bound to anything"
    );
    let mut e = s.eips[3].clone();
    e.status = "Associating".into();
    assert_eq!(
        rules::eip_is_bound(&e).unwrap_err().to_string(),
        "EIP eip-ct is Associating; wait until it is InUse"
    );
}

#[test]
fn rule_eni_is_secondary_and_in_vpc() {
    let s = snapshot();
    assert!(rules::eni_is_secondary(&s.enis[1]).is_ok());
    assert_eq!(
        rules::eni_is_secondary(&s.enis[0]).unwrap_err().to_string(),
        "eni-pweb is a primary network interface; cut-through needs a secondary one"
    );
    assert!(rules::eni_in_vpc(&s.enis[1]).is_ok());
    let mut classic = s.enis[2].clone();
    classic.vpc_id.clear();
    assert_eq!(
        rules::eni_in_vpc(&classic).unwrap_err().to_string(),
        "eni-free is not in a VPC"
    );
}

#[test]
fn rule_eni_plain_secondary_and_self_managed() {
    let s = snapshot();
    let mut trunk = s.enis[2].clone();
    trunk.eni_type = "Trunk".into();
    assert_eq!(
        rules::eni_is_secondary(&trunk).unwrap_err().to_string(),
        "eni-free is a Trunk network interface, not a plain secondary one; choose a Secondary network interface for cut-through mode"
    );
    trunk.eni_type.clear();
    assert_eq!(
        rules::eni_is_secondary(&trunk).unwrap_err().code(),
        "EniNotPlainSecondary"
    );
    assert!(rules::eni_is_self_managed(&s.enis[2]).is_ok());
    let mut managed = s.enis[2].clone();
    managed.service_managed = true;
    assert_eq!(
        rules::eni_is_self_managed(&managed)
            .unwrap_err()
            .to_string(),
        "eni-free is managed by another cloud service and cannot take an EIP; choose a network interface you created yourself"
    );
}

#[test]
fn rule_eni_in_eip_region() {
    let s = snapshot();
    assert!(rules::eni_in_eip_region(&s.enis[2], &s.eips[0]).is_ok());
    let mut far = s.enis[2].clone();
    far.region = rid("cn-shanghai");
    assert_eq!(
        rules::eni_in_eip_region(&far, &s.eips[0])
            .unwrap_err()
            .to_string(),
        "eni-free is in cn-shanghai, but the EIP is in cn-hangzhou"
    );
}

#[test]
fn rule_eni_has_no_eip() {
    let s = snapshot();
    assert!(rules::eni_has_no_eip(&s.enis[2], &s).is_ok());
    let err = rules::eni_has_no_eip(&s.enis[3], &s).unwrap_err();
    assert_eq!(err.code(), "EniHasEip");
    assert!(
        err.to_string()
            .starts_with("eni-ct already has EIP 47.0.0.6 (eip-ct)")
    );
}

#[test]
fn rule_eni_has_no_secondary_ips() {
    let s = snapshot();
    assert!(rules::eni_has_no_secondary_ips(&s.enis[2]).is_ok());
    assert_eq!(
        rules::eni_has_no_secondary_ips(&s.enis[7])
            .unwrap_err()
            .to_string(),
        "eni-subip has 2 secondary private IP(s); remove them before binding in cut-through mode"
    );
}

#[test]
fn rule_eni_is_settled() {
    let s = snapshot();
    assert!(rules::eni_is_settled(&s.enis[1]).is_ok());
    assert!(rules::eni_is_settled(&s.enis[2]).is_ok());
    let mut e = s.enis[2].clone();
    e.status = "Detaching".into();
    assert_eq!(
        rules::eni_is_settled(&e).unwrap_err().to_string(),
        "eni-free is Detaching; wait until it is Available or InUse"
    );
}

#[test]
fn rule_instance_is_ready() {
    let s = snapshot();
    assert!(rules::instance_is_ready(&s.instances[0]).is_ok());
    assert!(rules::instance_is_ready(&s.instances[2]).is_ok());
    let mut i = s.instances[0].clone();
    i.status = "Stopping".into();
    assert_eq!(
        rules::instance_is_ready(&i).unwrap_err().to_string(),
        "i-web is Stopping; it must be Running or Stopped"
    );
}

#[test]
fn rule_instance_can_take_eni_vpc_zone_capacity() {
    let s = snapshot();
    let free = &s.enis[2];
    assert!(rules::instance_can_take_eni(&s.instances[0], free, &s).is_ok());
    let mut other_vpc = s.instances[0].clone();
    other_vpc.vpc_id = "vpc-b".into();
    assert_eq!(
        rules::instance_can_take_eni(&other_vpc, free, &s)
            .unwrap_err()
            .to_string(),
        "i-web is in VPC vpc-b, but the network interface is in vpc-a"
    );
    let mut other_zone = s.instances[0].clone();
    other_zone.zone_id = "cn-hangzhou-i".into();
    assert_eq!(
        rules::instance_can_take_eni(&other_zone, free, &s)
            .unwrap_err()
            .to_string(),
        "i-web is in zone cn-hangzhou-i, but the network interface is in cn-hangzhou-h"
    );
    let mut classic = s.instances[0].clone();
    classic.vpc_id.clear();
    assert_eq!(
        rules::instance_can_take_eni(&classic, free, &s)
            .unwrap_err()
            .code(),
        "InstanceNotInVpc"
    );
    assert_eq!(
        rules::instance_can_take_eni(&s.instances[1], free, &s)
            .unwrap_err()
            .to_string(),
        "i-full already has 2 of 2 network interfaces (ecs.g6.large)"
    );
    // The ENI's own slot is free when it goes back to the instance it came from.
    assert!(rules::instance_can_take_eni(&s.instances[1], &s.enis[6], &s).is_ok());
}

#[test]
fn rule_nat_targets() {
    let s = snapshot();
    assert!(rules::instance_can_take_nat_eip(&s.instances[2], &s.eips[0], &s).is_ok());
    assert_eq!(
        rules::instance_can_take_nat_eip(&s.instances[0], &s.eips[0], &s)
            .unwrap_err()
            .to_string(),
        "i-web already has EIP 47.0.0.8 (eip-used)"
    );
    let mut far = s.instances[2].clone();
    far.region = rid("cn-beijing");
    assert_eq!(
        rules::instance_can_take_nat_eip(&far, &s.eips[0], &s)
            .unwrap_err()
            .code(),
        "InstanceRegionMismatch"
    );
    assert!(rules::eni_can_take_nat_eip(&s.enis[2], &s.eips[0], &s).is_ok());
    assert_eq!(
        rules::eni_can_take_nat_eip(&s.enis[4], &s.eips[0], &s)
            .unwrap_err()
            .code(),
        "EniHasEip"
    );
    let mut managed = s.enis[2].clone();
    managed.service_managed = true;
    assert_eq!(
        rules::eni_can_take_nat_eip(&managed, &s.eips[0], &s)
            .unwrap_err()
            .code(),
        "EniServiceManaged"
    );
}
