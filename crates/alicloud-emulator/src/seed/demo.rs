//! The `demo` seed: realistic, deterministic data for two accounts. Every resource state that
//! matters to the cut-through workflow exists in cn-hangzhou (free secondary ENIs, attached
//! ones, primary ones, an ENI with secondary IPs, EIPs free and associated in NAT and BINDED
//! modes, a PrePaid EIP, a full instance, a starting instance, ENIs in another zone and VPC);
//! cn-shanghai has a smaller set; every other region of the catalog has one VPC, instance,
//! spare ENI and free EIP. The second account owns different resources in cn-hangzhou and
//! cn-beijing. The IDs are listed in the crate documentation and checked by a test.

use super::builder::Builder;
use crate::accounts::{DEMO_ACCOUNT_ID, SECOND_ACCOUNT_ID};
use crate::state::World;
use crate::state::model::{BindMode, ChargeType, InstanceStatus};
use crate::state::regions::REGIONS;

const TRAFFIC: &str = "PayByTraffic";
const BANDWIDTH: &str = "PayByBandwidth";

/// Populates the demo accounts.
pub fn populate(world: &mut World) {
    hangzhou(world);
    shanghai(world);
    for region in REGIONS {
        if !matches!(region.id, "cn-hangzhou" | "cn-shanghai") {
            small_region(world, region.id);
        }
    }
    second_account(world);
}

fn hangzhou(world: &mut World) {
    let Some(mut b) = Builder::new(world, DEMO_ACCOUNT_ID, "cn-hangzhou") else {
        return;
    };
    let prod = b.vpc("prod-vpc", "172.16.0.0/12");
    let staging = b.vpc("staging-vpc", "10.10.0.0/16");
    let prod_h = b.vswitch(&prod, "h", "prod-app-h", "172.16.1.0/24");
    let prod_i = b.vswitch(&prod, "i", "prod-app-i", "172.16.2.0/24");
    let staging_h = b.vswitch(&staging, "h", "staging-h", "10.10.1.0/24");
    let sg = b.security_group(&prod, "prod-web");
    let sg_staging = b.security_group(&staging, "staging-default");

    let (web01, _) = b.instance(
        "web-01",
        &prod_h,
        &sg,
        "ecs.g7.large",
        InstanceStatus::Running,
    );
    let (web02, _) = b.instance(
        "web-02",
        &prod_h,
        &sg,
        "ecs.g7.xlarge",
        InstanceStatus::Running,
    );
    b.instance(
        "db-01",
        &prod_i,
        &sg,
        "ecs.r7.large",
        InstanceStatus::Stopped,
    );
    let (edge01, _) = b.instance(
        "edge-01",
        &prod_h,
        &sg,
        "ecs.t6-c1m2.large",
        InstanceStatus::Running,
    );
    b.instance(
        "batch-01",
        &prod_h,
        &sg,
        "ecs.c7.large",
        InstanceStatus::Starting,
    );
    b.instance(
        "stage-01",
        &staging_h,
        &sg_staging,
        "ecs.g7.large",
        InstanceStatus::Running,
    );

    b.eni("ct-ready-a", &prod_h, &sg, 0);
    b.eni("ct-ready-b", &prod_h, &sg, 0);
    b.eni("spare-zone-i", &prod_i, &sg, 0);
    b.eni("multi-ip", &prod_h, &sg, 2);
    let web01_data = b.eni("web-01-data", &prod_h, &sg, 0);
    b.attach(&web01_data, &web01);
    let edge01_data = b.eni("edge-01-data", &prod_h, &sg, 0);
    b.attach(&edge01_data, &edge01);
    let ct_live = b.eni("ct-live", &prod_h, &sg, 0);
    let ct_staged = b.eni("ct-staged", &prod_h, &sg, 0);
    let nat_eni = b.eni("nat-eni", &prod_h, &sg, 0);
    b.eni("staging-spare", &staging_h, &sg_staging, 0);

    b.eip("free-a", 5, ChargeType::PostPaid, TRAFFIC);
    b.eip("free-b", 10, ChargeType::PostPaid, BANDWIDTH);
    b.eip("free-c", 20, ChargeType::PostPaid, TRAFFIC);
    let (web02_eip, _) = b.eip("web-02-nat", 5, ChargeType::PostPaid, TRAFFIC);
    b.bind_instance(&web02_eip, &web02);
    let (live_eip, _) = b.eip("ct-live", 100, ChargeType::PostPaid, TRAFFIC);
    b.bind_eni(&live_eip, &ct_live, BindMode::Binded);
    b.attach(&ct_live, &web02);
    let (staged_eip, _) = b.eip("ct-staged", 50, ChargeType::PostPaid, TRAFFIC);
    b.bind_eni(&staged_eip, &ct_staged, BindMode::Binded);
    let (nat_eni_eip, _) = b.eip("nat-eni", 5, ChargeType::PostPaid, TRAFFIC);
    b.bind_eni(&nat_eni_eip, &nat_eni, BindMode::Nat);
    b.eip("prepaid-reserved", 50, ChargeType::PrePaid, BANDWIDTH);
}

fn shanghai(world: &mut World) {
    let Some(mut b) = Builder::new(world, DEMO_ACCOUNT_ID, "cn-shanghai") else {
        return;
    };
    let vpc = b.vpc("sh-prod-vpc", "192.168.0.0/16");
    let vsw = b.vswitch(&vpc, "e", "sh-app-e", "192.168.10.0/24");
    let sg = b.security_group(&vpc, "sh-web");
    let (app01, _) = b.instance(
        "sh-app-01",
        &vsw,
        &sg,
        "ecs.g7.large",
        InstanceStatus::Running,
    );
    b.instance(
        "sh-app-02",
        &vsw,
        &sg,
        "ecs.c7.large",
        InstanceStatus::Stopped,
    );
    b.eni("sh-ct-ready", &vsw, &sg, 0);
    let attached = b.eni("sh-app-01-data", &vsw, &sg, 0);
    b.attach(&attached, &app01);
    b.eip("sh-free-a", 5, ChargeType::PostPaid, TRAFFIC);
    b.eip("sh-free-b", 10, ChargeType::PostPaid, BANDWIDTH);
    let (nat, _) = b.eip("sh-app-01-nat", 5, ChargeType::PostPaid, TRAFFIC);
    b.bind_instance(&nat, &app01);
}

fn small_region(world: &mut World, region: &str) {
    let Some(mut b) = Builder::new(world, DEMO_ACCOUNT_ID, region) else {
        return;
    };
    let zone = b.region().zones.first().copied().unwrap_or("a");
    let vpc = b.vpc(&format!("{region}-vpc"), "172.31.0.0/16");
    let vsw = b.vswitch(&vpc, zone, &format!("{region}-{zone}"), "172.31.0.0/20");
    let sg = b.security_group(&vpc, &format!("{region}-default"));
    b.instance(
        &format!("{region}-node-01"),
        &vsw,
        &sg,
        "ecs.g7.large",
        InstanceStatus::Running,
    );
    b.eni(&format!("{region}-spare"), &vsw, &sg, 0);
    b.eip(&format!("{region}-free"), 5, ChargeType::PostPaid, TRAFFIC);
}

fn second_account(world: &mut World) {
    if let Some(mut b) = Builder::new(world, SECOND_ACCOUNT_ID, "cn-hangzhou") {
        let vpc = b.vpc("acme-vpc", "10.20.0.0/16");
        let vsw = b.vswitch(&vpc, "k", "acme-k", "10.20.1.0/24");
        let sg = b.security_group(&vpc, "acme-default");
        let (web, _) = b.instance(
            "acme-web",
            &vsw,
            &sg,
            "ecs.c7.xlarge",
            InstanceStatus::Running,
        );
        b.eni("acme-spare", &vsw, &sg, 0);
        b.eip("acme-free", 5, ChargeType::PostPaid, TRAFFIC);
        let (nat, _) = b.eip("acme-web-nat", 10, ChargeType::PostPaid, BANDWIDTH);
        b.bind_instance(&nat, &web);
    }
    if let Some(mut b) = Builder::new(world, SECOND_ACCOUNT_ID, "cn-beijing") {
        let vpc = b.vpc("acme-bj-vpc", "10.30.0.0/16");
        b.vswitch(&vpc, "h", "acme-bj-h", "10.30.1.0/24");
        b.eip("acme-bj-free", 5, ChargeType::PostPaid, TRAFFIC);
    }
}
