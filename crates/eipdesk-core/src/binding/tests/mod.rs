//! Fixtures shared by the binding tests: a small region with free, bound and awkward
//! resources.

mod agreement;
mod busy;
mod choices;
mod guide_notes;
mod plans;
mod rules;
mod view_text;

use super::facts::*;
use super::job::*;
use super::plan::*;
use super::preflight::ProfileFacts;
use super::rules::Blocker;
use crate::ids::*;
use crate::regions::CutThroughRegions;

pub(super) fn rid(s: &str) -> RegionId {
    RegionId::parse(s).unwrap()
}

pub(super) fn eip(
    id: &str,
    status: &str,
    charge: &str,
    binding: Option<(&str, &str, &str)>,
) -> EipFacts {
    EipFacts {
        allocation_id: AllocationId::parse(id).unwrap(),
        ip_address: format!("47.0.0.{}", id.len()),
        region: rid("cn-hangzhou"),
        status: status.into(),
        charge_type: charge.into(),
        binding: binding.map(|(target, ty, mode)| EipBinding {
            instance_id: target.into(),
            instance_type: ty.into(),
            mode: mode.into(),
            private_ip: None,
        }),
        name: String::new(),
    }
}

pub(super) fn eni(id: &str, secondary: bool, status: &str, on: Option<&str>) -> EniFacts {
    EniFacts {
        id: EniId::parse(id).unwrap(),
        region: rid("cn-hangzhou"),
        eni_type: if secondary { "Secondary" } else { "Primary" }.into(),
        service_managed: false,
        status: status.into(),
        vpc_id: "vpc-a".into(),
        vswitch_id: "vsw-a".into(),
        zone_id: "cn-hangzhou-h".into(),
        primary_ip: "10.0.0.20".into(),
        mac_address: "00:16:3e:00:00:01".into(),
        instance_id: on.map(|i| InstanceId::parse(i).unwrap()),
        secondary_private_ips: Vec::new(),
        name: String::new(),
    }
}

pub(super) fn instance(id: &str, status: &str, quota: Option<u32>) -> InstanceFacts {
    InstanceFacts {
        id: InstanceId::parse(id).unwrap(),
        region: rid("cn-hangzhou"),
        name: String::new(),
        status: status.into(),
        vpc_id: "vpc-a".into(),
        zone_id: "cn-hangzhou-h".into(),
        instance_type: "ecs.g6.large".into(),
        eni_quota: quota,
        os_name: "Ubuntu 22.04 64位".into(),
    }
}

pub(super) fn snapshot() -> Snapshot {
    let mut enis = vec![
        eni("eni-pweb", false, "InUse", Some("i-web")),
        eni("eni-sec", true, "InUse", Some("i-web")),
        eni("eni-free", true, "Available", None),
        eni("eni-ct", true, "InUse", Some("i-web")),
        eni("eni-nat", true, "Available", None),
        eni("eni-p1", false, "InUse", Some("i-full")),
        eni("eni-s1", true, "InUse", Some("i-full")),
    ];
    let mut sub = eni("eni-subip", true, "Available", None);
    sub.secondary_private_ips = vec!["10.0.0.21".into(), "10.0.0.22".into()];
    enis.push(sub);
    Snapshot {
        eips: vec![
            eip("eip-free", "Available", "PostPaid", None),
            eip("eip-prepaid", "Available", "PrePaid", None),
            eip(
                "eip-used",
                "InUse",
                "PostPaid",
                Some(("i-web", "EcsInstance", "NAT")),
            ),
            eip(
                "eip-ct",
                "InUse",
                "PostPaid",
                Some(("eni-ct", "NetworkInterface", "BINDED")),
            ),
            eip(
                "eip-enat",
                "InUse",
                "PostPaid",
                Some(("eni-nat", "NetworkInterface", "NAT")),
            ),
        ],
        enis,
        instances: vec![
            instance("i-web", "Running", Some(4)),
            instance("i-full", "Running", Some(2)),
            instance("i-other", "Stopped", None),
        ],
    }
}

pub(super) fn regions() -> CutThroughRegions {
    CutThroughRegions::default()
}

pub(super) fn dev() -> ProfileFacts {
    ProfileFacts {
        name: "dev".into(),
        production: false,
    }
}

pub(super) fn bind(eni_id: &str, attach_to: Option<&str>) -> BindRequest {
    BindRequest::CutThroughBind {
        eip: AllocationId::parse("eip-free").unwrap(),
        eni: EniId::parse(eni_id).unwrap(),
        attach_to: attach_to.map(|i| InstanceId::parse(i).unwrap()),
    }
}

pub(super) fn codes(r: Result<BindPlan, Vec<Blocker>>) -> Vec<&'static str> {
    r.unwrap_err().iter().map(Blocker::code).collect()
}

pub(super) fn actions(plan: &BindPlan) -> Vec<&'static str> {
    plan.steps
        .iter()
        .map(|s| s.action.api_action().unwrap_or("Verify"))
        .collect()
}
