//! Every asynchronous transition, driven by the emulator clock (no sleeping): the transitional
//! status is visible until the delay has passed, then the outcome is.

mod common;

use std::time::Duration;

use alicloud_emulator::seed::demo_ids::*;
use common::{Client, ECS, HZ, VPC, slow};

const HOUR: Duration = Duration::from_secs(3600);

async fn advance(c: &Client) {
    c.control().advance_clock(HOUR);
}

#[tokio::test]
async fn associating_then_in_use() {
    let c = slow();
    c.ok(
        VPC,
        "AssociateEipAddress",
        &[
            HZ,
            ("AllocationId", HZ_EIP_FREE_A),
            ("InstanceId", HZ_I_WEB01),
        ],
    )
    .await;
    let e = c.eip(HZ_EIP_FREE_A).await;
    assert_eq!(e["Status"], "Associating");
    assert_eq!(
        e["InstanceId"], HZ_I_WEB01,
        "the target is visible while associating"
    );
    c.control().advance_clock(Duration::from_secs(1800));
    assert_eq!(
        c.eip(HZ_EIP_FREE_A).await["Status"],
        "Associating",
        "not due yet"
    );
    c.control().advance_clock(Duration::from_secs(1800));
    assert_eq!(c.eip(HZ_EIP_FREE_A).await["Status"], "InUse");
}

#[tokio::test]
async fn unassociating_then_available() {
    let c = slow();
    c.ok(
        VPC,
        "UnassociateEipAddress",
        &[HZ, ("AllocationId", HZ_EIP_WEB02_NAT)],
    )
    .await;
    assert_eq!(c.eip(HZ_EIP_WEB02_NAT).await["Status"], "Unassociating");
    advance(&c).await;
    let e = c.eip(HZ_EIP_WEB02_NAT).await;
    assert_eq!(
        (e["Status"].as_str(), e["InstanceId"].as_str()),
        (Some("Available"), Some(""))
    );
}

#[tokio::test]
async fn releasing_then_gone() {
    let c = slow();
    c.ok(
        VPC,
        "ReleaseEipAddress",
        &[HZ, ("AllocationId", HZ_EIP_FREE_A)],
    )
    .await;
    assert_eq!(c.eip(HZ_EIP_FREE_A).await["Status"], "Releasing");
    advance(&c).await;
    assert!(c.eip(HZ_EIP_FREE_A).await.is_null());
}

#[tokio::test]
async fn attaching_then_in_use_and_detaching_then_available() {
    let c = slow();
    let p = [
        HZ,
        ("NetworkInterfaceId", HZ_ENI_CT_READY_A),
        ("InstanceId", HZ_I_WEB01),
    ];
    c.ok(ECS, "AttachNetworkInterface", &p).await;
    let eni = c.eni(HZ_ENI_CT_READY_A).await;
    assert_eq!(
        (eni["Status"].as_str(), eni["InstanceId"].as_str()),
        (Some("Attaching"), Some(HZ_I_WEB01))
    );
    c.err(
        ECS,
        "DetachNetworkInterface",
        &p,
        "InvalidOperation.InvalidEniState",
        400,
    )
    .await;
    advance(&c).await;
    assert_eq!(c.eni(HZ_ENI_CT_READY_A).await["Status"], "InUse");
    c.ok(ECS, "DetachNetworkInterface", &p).await;
    assert_eq!(c.eni(HZ_ENI_CT_READY_A).await["Status"], "Detaching");
    c.ok(ECS, "DetachNetworkInterface", &p).await; // detaching again is accepted
    c.err(
        ECS,
        "AttachNetworkInterface",
        &p,
        "InvalidOperation.InvalidEniState",
        400,
    )
    .await;
    advance(&c).await;
    let eni = c.eni(HZ_ENI_CT_READY_A).await;
    assert_eq!(
        (eni["Status"].as_str(), eni["InstanceId"].as_str()),
        (Some("Available"), Some(""))
    );
}

#[tokio::test]
async fn deleting_then_gone() {
    let c = slow();
    c.ok(
        ECS,
        "DeleteNetworkInterface",
        &[HZ, ("NetworkInterfaceId", HZ_ENI_CT_READY_A)],
    )
    .await;
    assert_eq!(c.eni(HZ_ENI_CT_READY_A).await["Status"], "Deleting");
    c.err(
        ECS,
        "AttachNetworkInterface",
        &[
            HZ,
            ("NetworkInterfaceId", HZ_ENI_CT_READY_A),
            ("InstanceId", HZ_I_WEB01),
        ],
        "InvalidOperation.InvalidEniState",
        400,
    )
    .await;
    advance(&c).await;
    assert!(c.eni(HZ_ENI_CT_READY_A).await.is_null());
}

#[tokio::test]
async fn delays_are_configurable_at_run_time() {
    let c = slow();
    c.control()
        .set_delays(alicloud_emulator::Delays::uniform(0));
    c.ok(
        VPC,
        "AssociateEipAddress",
        &[
            HZ,
            ("AllocationId", HZ_EIP_FREE_A),
            ("InstanceId", HZ_I_WEB01),
        ],
    )
    .await;
    assert_eq!(c.eip(HZ_EIP_FREE_A).await["Status"], "InUse");
}

#[tokio::test]
async fn pending_transitions_survive_snapshot_and_restore() {
    let c = slow();
    c.ok(
        VPC,
        "AssociateEipAddress",
        &[
            HZ,
            ("AllocationId", HZ_EIP_FREE_A),
            ("InstanceId", HZ_I_WEB01),
        ],
    )
    .await;
    let snap = c.control().snapshot();
    c.control().reset(None);
    assert_eq!(c.eip(HZ_EIP_FREE_A).await["Status"], "Available");
    c.control().restore(&snap).unwrap();
    assert_eq!(c.eip(HZ_EIP_FREE_A).await["Status"], "Associating");
    advance(&c).await;
    assert_eq!(c.eip(HZ_EIP_FREE_A).await["Status"], "InUse");
}
