//! `ModifyEipForwardMode` against Alibaba's documented error table (issue 13, point 6).

mod common;

use alicloud_emulator::seed::demo_ids::*;
use common::{HZ, VPC, demo};

/// Issue 13 (6): the documented error codes of ModifyEipForwardMode, an unbound EIP may
/// change mode (and associates in it), and NAT and MULTI_BINDED are not mixed on one ENI.
#[tokio::test]
async fn forward_mode_follows_the_documented_table() {
    let c = demo();
    let fm = |id: &'static str, mode: &'static str| vec![HZ, ("InstanceId", id), ("Mode", mode)];
    for (id, mode, code) in [
        (HZ_EIP_CT_LIVE, "NAT", "ENI.BindEcs"),
        (HZ_EIP_WEB02_NAT, "BINDED", "BindInstance.NotSupport"),
        (HZ_EIP_PREPAID, "BINDED", "Forbidden.PrePaidBindedEip"),
    ] {
        c.err(VPC, "ModifyEipForwardMode", &fm(id, mode), code, 400)
            .await;
    }
    c.ok(
        VPC,
        "ModifyEipForwardMode",
        &fm(HZ_EIP_FREE_A, "MULTI_BINDED"),
    )
    .await;
    assert_eq!(c.eip(HZ_EIP_FREE_A).await["Mode"], "MULTI_BINDED");
    c.ok(
        VPC,
        "AssociateEipAddress",
        &[
            HZ,
            ("AllocationId", HZ_EIP_FREE_A),
            ("InstanceId", HZ_ENI_CT_READY_A),
            ("InstanceType", "NetworkInterface"),
        ],
    )
    .await;
    let eip = c.eip(HZ_EIP_FREE_A).await;
    assert_eq!(
        (eip["Status"].as_str(), eip["Mode"].as_str()),
        (Some("InUse"), Some("MULTI_BINDED"))
    );

    // Two NAT EIPs on one ENI (one per private IP): neither may become MULTI_BINDED.
    let eni = c.eni(HZ_ENI_MULTI_IP).await;
    let secondary = eni["PrivateIpSets"]["PrivateIpSet"]
        .as_array()
        .unwrap()
        .iter()
        .find(|ip| ip["Primary"] == false)
        .map(|ip| ip["PrivateIpAddress"].as_str().unwrap().to_string())
        .unwrap();
    for (eip, ip) in [
        (HZ_EIP_FREE_B, None),
        (HZ_EIP_FREE_C, Some(secondary.as_str())),
    ] {
        let mut p = vec![
            HZ,
            ("AllocationId", eip),
            ("InstanceId", HZ_ENI_MULTI_IP),
            ("InstanceType", "NetworkInterface"),
        ];
        if let Some(ip) = ip {
            p.push(("PrivateIpAddress", ip));
        }
        c.ok(VPC, "AssociateEipAddress", &p).await;
    }
    c.err(
        VPC,
        "ModifyEipForwardMode",
        &fm(HZ_EIP_FREE_B, "MULTI_BINDED"),
        "Instance.ModeError",
        400,
    )
    .await;
    assert_eq!(c.eip(HZ_EIP_FREE_B).await["Mode"], "NAT");

    // BINDED is only for regions of the cut-through list.
    c.control()
        .set_cut_through_regions(vec!["cn-shanghai".into()]);
    c.err(
        VPC,
        "ModifyEipForwardMode",
        &fm(HZ_EIP_NAT_ENI, "BINDED"),
        "Region.NotSupport",
        400,
    )
    .await;
}
