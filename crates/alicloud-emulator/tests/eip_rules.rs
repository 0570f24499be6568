//! EIP business rules (cut-through included), with real codes and statuses.

mod common;

use alicloud_emulator::seed::demo_ids::*;
use common::{ECS, HZ, Sig, VPC, demo, slow};

const NI: (&str, &str) = ("InstanceType", "NetworkInterface");
const BINDED: (&str, &str) = ("Mode", "BINDED");

#[tokio::test]
async fn binded_association_reports_eni_fields_and_associated_public_ip() {
    let c = demo();
    for sig in [Sig::V1, Sig::V3] {
        let c = c.with_sig(sig);
        c.control().reset(None);
        let eni = c.eni(HZ_ENI_CT_READY_A).await;
        let ip = eni["PrivateIpAddress"].as_str().unwrap().to_string();
        c.ok(
            VPC,
            "AssociateEipAddress",
            &[
                HZ,
                ("AllocationId", HZ_EIP_FREE_A),
                ("InstanceId", HZ_ENI_CT_READY_A),
                NI,
                BINDED,
                ("PrivateIpAddress", &ip),
            ],
        )
        .await;
        let e = c.eip(HZ_EIP_FREE_A).await;
        assert_eq!(e["Status"], "InUse");
        assert_eq!(e["Mode"], "BINDED");
        assert_eq!(e["InstanceType"], "NetworkInterface");
        assert_eq!(e["InstanceId"], HZ_ENI_CT_READY_A);
        assert_eq!(e["PrivateIpAddress"], ip.as_str());
        let eni = c.eni(HZ_ENI_CT_READY_A).await;
        assert_eq!(
            eni["AssociatedPublicIp"]["PublicIpAddress"],
            HZ_EIP_FREE_A_IP
        );
        assert_eq!(eni["AssociatedPublicIp"]["AllocationId"], HZ_EIP_FREE_A);
    }
}

#[tokio::test]
async fn private_ip_defaults_to_the_primary_one() {
    let c = demo();
    c.ok(
        VPC,
        "AssociateEipAddress",
        &[
            HZ,
            ("AllocationId", HZ_EIP_FREE_A),
            ("InstanceId", HZ_ENI_CT_READY_A),
            NI,
            BINDED,
        ],
    )
    .await;
    assert_eq!(c.eip(HZ_EIP_FREE_A).await["PrivateIpAddress"], "172.16.1.5");
    c.err(
        VPC,
        "AssociateEipAddress",
        &[
            HZ,
            ("AllocationId", HZ_EIP_FREE_B),
            ("InstanceId", HZ_ENI_CT_READY_B),
            NI,
            BINDED,
            ("PrivateIpAddress", "172.16.1.99"),
        ],
        "InvalidParameter",
        400,
    )
    .await;
}

#[tokio::test]
async fn cut_through_preconditions() {
    let c = demo();
    let assoc = |eip: &'static str, target: &'static str| {
        vec![
            HZ,
            ("AllocationId", eip),
            ("InstanceId", target),
            NI,
            BINDED,
        ]
    };
    c.err(
        VPC,
        "AssociateEipAddress",
        &assoc(HZ_EIP_FREE_A, HZ_ENI_WEB01_DATA),
        "Eni.Attached",
        400,
    )
    .await;
    c.err(
        VPC,
        "AssociateEipAddress",
        &assoc(HZ_EIP_FREE_A, HZ_ENI_MULTI_IP),
        "Eni.HasSubIp",
        400,
    )
    .await;
    c.err(
        VPC,
        "AssociateEipAddress",
        &assoc(HZ_EIP_FREE_A, HZ_ENI_CT_STAGED),
        "InvalidAssociation.Duplicated",
        400,
    )
    .await;
    c.err(
        VPC,
        "AssociateEipAddress",
        &assoc(HZ_EIP_FREE_A, HZ_ENI_NAT),
        "Mode.Conflict",
        400,
    )
    .await;
    c.err(
        VPC,
        "AssociateEipAddress",
        &assoc(HZ_EIP_FREE_A, HZ_ENI_WEB01_PRIMARY),
        "Invalid.DirectEip.BindType",
        400,
    )
    .await;
    c.err(
        VPC,
        "AssociateEipAddress",
        &[
            HZ,
            ("AllocationId", HZ_EIP_FREE_A),
            ("InstanceId", HZ_I_WEB01),
            ("InstanceType", "EcsInstance"),
            BINDED,
        ],
        "Invalid.DirectEip.BindType",
        400,
    )
    .await;
    c.err(
        VPC,
        "AssociateEipAddress",
        &[
            HZ,
            ("AllocationId", HZ_EIP_FREE_A),
            ("InstanceId", HZ_ENI_CT_STAGED),
            NI,
            ("Mode", "NAT"),
        ],
        "Mode.Conflict",
        400,
    )
    .await;
    c.err(
        VPC,
        "AssociateEipAddress",
        &[
            HZ,
            ("AllocationId", HZ_EIP_FREE_A),
            ("InstanceId", HZ_ENI_CT_READY_A),
            NI,
            ("Mode", "CUT"),
        ],
        "IllegalParam.Mode",
        400,
    )
    .await;
    c.err(
        VPC,
        "AssociateEipAddress",
        &[
            ("RegionId", "ap-northeast-1"),
            ("AllocationId", TOKYO_EIP_FREE),
            ("InstanceId", TOKYO_ENI_SPARE),
            NI,
            BINDED,
        ],
        "UnsupportedRegion",
        400,
    )
    .await;
    // Nothing changed.
    assert_eq!(c.eip(HZ_EIP_FREE_A).await["Status"], "Available");
}

#[tokio::test]
async fn not_found_codes() {
    let c = demo();
    c.err(
        VPC,
        "AssociateEipAddress",
        &[
            HZ,
            ("AllocationId", "eip-bp1doesnotexist00000"),
            ("InstanceId", HZ_ENI_CT_READY_A),
            NI,
        ],
        "InvalidAllocationId.NotFound",
        404,
    )
    .await;
    c.err(
        VPC,
        "AssociateEipAddress",
        &[
            HZ,
            ("AllocationId", HZ_EIP_FREE_A),
            ("InstanceId", "eni-bp1nope0000000000000"),
            NI,
        ],
        "InvalidInstanId.NotFound",
        404,
    )
    .await;
    c.err(
        VPC,
        "AssociateEipAddress",
        &[
            HZ,
            ("AllocationId", HZ_EIP_FREE_A),
            ("InstanceId", "i-bp1nope00000000000000"),
        ],
        "InvalidInstanId.NotFound",
        404,
    )
    .await;
    c.err(
        VPC,
        "AssociateEipAddress",
        &[HZ, ("InstanceId", HZ_ENI_CT_READY_A)],
        "MissingAllocationId",
        400,
    )
    .await;
    c.err(
        VPC,
        "ReleaseEipAddress",
        &[HZ, ("AllocationId", "eip-bp1doesnotexist00000")],
        "InvalidAllocationId.NotFound",
        404,
    )
    .await;
    c.err(
        VPC,
        "AssociateEipAddress",
        &[
            HZ,
            ("AllocationId", HZ_EIP_FREE_A),
            ("InstanceId", "ngw-x"),
            ("InstanceType", "Nat"),
        ],
        "InvalidInstanId.NotFound",
        404,
    )
    .await;
    c.err(
        VPC,
        "AssociateEipAddress",
        &[
            HZ,
            ("AllocationId", HZ_EIP_FREE_A),
            ("InstanceId", "x"),
            ("InstanceType", "Bogus"),
        ],
        "InvalidInstanceType.ValueNotSupported",
        400,
    )
    .await;
}

#[tokio::test]
async fn eip_status_rules_while_transitioning() {
    let c = slow();
    let assoc = [
        HZ,
        ("AllocationId", HZ_EIP_FREE_A),
        ("InstanceId", HZ_ENI_CT_READY_A),
        NI,
        BINDED,
    ];
    c.ok(VPC, "AssociateEipAddress", &assoc).await;
    assert_eq!(c.eip(HZ_EIP_FREE_A).await["Status"], "Associating");
    c.err(VPC, "AssociateEipAddress", &assoc, "TaskConflict", 400)
        .await;
    c.err(
        VPC,
        "UnassociateEipAddress",
        &[HZ, ("AllocationId", HZ_EIP_FREE_A)],
        "TaskConflict",
        400,
    )
    .await;
    c.err(
        VPC,
        "ReleaseEipAddress",
        &[HZ, ("AllocationId", HZ_EIP_FREE_A)],
        "TaskConflict",
        400,
    )
    .await;
    c.control()
        .advance_clock(std::time::Duration::from_secs(3600));
    assert_eq!(c.eip(HZ_EIP_FREE_A).await["Status"], "InUse");
    c.err(
        VPC,
        "ReleaseEipAddress",
        &[HZ, ("AllocationId", HZ_EIP_FREE_A)],
        "IncorrectEipStatus",
        400,
    )
    .await;
    c.err(
        VPC,
        "AssociateEipAddress",
        &assoc,
        "InvalidAssociation.Duplicated",
        400,
    )
    .await;
    c.err(
        VPC,
        "AssociateEipAddress",
        &[
            HZ,
            ("AllocationId", HZ_EIP_FREE_A),
            ("InstanceId", HZ_ENI_CT_READY_B),
            NI,
            BINDED,
        ],
        "IncorrectEipStatus",
        400,
    )
    .await;
    c.err(
        VPC,
        "UnassociateEipAddress",
        &[HZ, ("AllocationId", HZ_EIP_FREE_B)],
        "IncorrectEipStatus",
        400,
    )
    .await;
}

#[tokio::test]
async fn unassociating_binded_requires_a_detached_eni() {
    let c = demo();
    c.err(
        VPC,
        "UnassociateEipAddress",
        &[
            HZ,
            ("AllocationId", HZ_EIP_CT_LIVE),
            ("InstanceId", HZ_ENI_CT_LIVE),
            NI,
        ],
        "Eni.Attached",
        400,
    )
    .await;
    c.err(
        VPC,
        "UnassociateEipAddress",
        &[
            HZ,
            ("AllocationId", HZ_EIP_CT_STAGED),
            ("InstanceId", HZ_ENI_CT_READY_A),
            NI,
        ],
        "InvalidBindingStatus",
        400,
    )
    .await;
    c.ok(
        VPC,
        "UnassociateEipAddress",
        &[
            HZ,
            ("AllocationId", HZ_EIP_CT_STAGED),
            ("InstanceId", HZ_ENI_CT_STAGED),
            NI,
        ],
    )
    .await;
    let e = c.eip(HZ_EIP_CT_STAGED).await;
    assert_eq!(e["Status"], "Available");
    assert_eq!(e["InstanceId"], "");
    assert_eq!(
        c.eni(HZ_ENI_CT_STAGED).await["AssociatedPublicIp"],
        serde_json::json!({})
    );
    // The full workflow on ct-live: detach first, then unassociate.
    c.ok(
        ECS,
        "DetachNetworkInterface",
        &[
            HZ,
            ("NetworkInterfaceId", HZ_ENI_CT_LIVE),
            ("InstanceId", HZ_I_WEB02),
        ],
    )
    .await;
    c.ok(
        VPC,
        "UnassociateEipAddress",
        &[HZ, ("AllocationId", HZ_EIP_CT_LIVE)],
    )
    .await;
}

#[tokio::test]
async fn release_rules() {
    let c = demo();
    c.err(
        VPC,
        "ReleaseEipAddress",
        &[HZ, ("AllocationId", HZ_EIP_PREPAID)],
        "Forbidden.ChargeTypeIsPrepaid",
        400,
    )
    .await;
    c.err(
        VPC,
        "ReleaseEipAddress",
        &[HZ, ("AllocationId", HZ_EIP_WEB02_NAT)],
        "IncorrectEipStatus",
        400,
    )
    .await;
    c.ok(
        VPC,
        "ReleaseEipAddress",
        &[HZ, ("AllocationId", HZ_EIP_FREE_C)],
    )
    .await;
    assert!(c.eip(HZ_EIP_FREE_C).await.is_null());
    c.err(
        VPC,
        "ReleaseEipAddress",
        &[HZ, ("AllocationId", HZ_EIP_FREE_C)],
        "InvalidAllocationId.NotFound",
        404,
    )
    .await;
}

#[tokio::test]
async fn ecs_instance_targets() {
    let c = demo();
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
    assert_eq!(
        (e["InstanceType"].as_str(), e["Mode"].as_str()),
        (Some("EcsInstance"), Some("NAT"))
    );
    let v = c
        .ok(
            ECS,
            "DescribeInstances",
            &[HZ, ("InstanceIds", &format!("[\"{HZ_I_WEB01}\"]"))],
        )
        .await;
    assert_eq!(
        v["Instances"]["Instance"][0]["EipAddress"]["IpAddress"],
        HZ_EIP_FREE_A_IP
    );
    let primary = c.eni(HZ_ENI_WEB01_PRIMARY).await;
    assert_eq!(
        primary["AssociatedPublicIp"]["PublicIpAddress"],
        HZ_EIP_FREE_A_IP
    );
    c.err(
        VPC,
        "AssociateEipAddress",
        &[
            HZ,
            ("AllocationId", HZ_EIP_FREE_B),
            ("InstanceId", HZ_I_WEB02),
        ],
        "InvalidAssociation.Duplicated",
        400,
    )
    .await;
    c.err(
        VPC,
        "AssociateEipAddress",
        &[
            HZ,
            ("AllocationId", HZ_EIP_FREE_B),
            ("InstanceId", HZ_I_BATCH01),
        ],
        "IncorrectInstanceStatus",
        400,
    )
    .await;
}

#[tokio::test]
async fn nat_mode_on_secondary_enis() {
    let c = demo();
    c.ok(
        VPC,
        "AssociateEipAddress",
        &[
            HZ,
            ("AllocationId", HZ_EIP_FREE_A),
            ("InstanceId", HZ_ENI_WEB01_DATA),
            NI,
        ],
    )
    .await;
    assert_eq!(c.eip(HZ_EIP_FREE_A).await["Mode"], "NAT");
    c.err(
        VPC,
        "AssociateEipAddress",
        &[
            HZ,
            ("AllocationId", HZ_EIP_FREE_B),
            ("InstanceId", HZ_ENI_WEB01_DATA),
            NI,
        ],
        "InvalidAssociation.Duplicated",
        400,
    )
    .await;
    c.err(
        VPC,
        "AssociateEipAddress",
        &[
            HZ,
            ("AllocationId", HZ_EIP_FREE_B),
            ("InstanceId", HZ_ENI_WEB01_DATA),
            NI,
            ("Mode", "MULTI_BINDED"),
        ],
        "OperationFailed.EipBindModeConflict",
        400,
    )
    .await;
    // NAT on a secondary private IP of the multi-IP ENI.
    c.ok(
        VPC,
        "AssociateEipAddress",
        &[
            HZ,
            ("AllocationId", HZ_EIP_FREE_B),
            ("InstanceId", HZ_ENI_MULTI_IP),
            NI,
            ("PrivateIpAddress", "172.16.1.8"),
        ],
    )
    .await;
    let eni = c.eni(HZ_ENI_MULTI_IP).await;
    assert_eq!(eni["AssociatedPublicIp"], serde_json::json!({}));
    assert_eq!(
        eni["PrivateIpSets"]["PrivateIpSet"][1]["AssociatedPublicIp"]["PublicIpAddress"],
        HZ_EIP_FREE_B_IP
    );
}

#[tokio::test]
async fn allocate_modify_and_idempotency() {
    let c = demo();
    let params = [
        HZ,
        ("Bandwidth", "8"),
        ("InternetChargeType", "PayByTraffic"),
        ("Name", "new-eip"),
        ("ClientToken", "tok-1"),
    ];
    let a = c.ok(VPC, "AllocateEipAddress", &params).await;
    let b = c.ok(VPC, "AllocateEipAddress", &params).await;
    assert_eq!(a["AllocationId"], b["AllocationId"]);
    assert_eq!(a["EipAddress"], b["EipAddress"]);
    assert_ne!(a["RequestId"], b["RequestId"]);
    let id = a["AllocationId"].as_str().unwrap();
    assert!(id.starts_with("eip-bp1"));
    let e = c.eip(id).await;
    assert_eq!(
        (
            e["Bandwidth"].as_str(),
            e["Name"].as_str(),
            e["Status"].as_str()
        ),
        (Some("8"), Some("new-eip"), Some("Available"))
    );
    let v = c
        .ok(VPC, "DescribeEipAddresses", &[HZ, ("EipName", "new-eip")])
        .await;
    assert_eq!(v["TotalCount"], 1, "replay did not allocate twice");
    c.err(
        VPC,
        "AllocateEipAddress",
        &[HZ, ("Bandwidth", "9"), ("ClientToken", "tok-1")],
        "IdempotentParameterMismatch",
        400,
    )
    .await;

    c.err(
        VPC,
        "AllocateEipAddress",
        &[
            HZ,
            ("Bandwidth", "300"),
            ("InternetChargeType", "PayByTraffic"),
        ],
        "InvalidParameter",
        400,
    )
    .await;
    c.err(
        VPC,
        "AllocateEipAddress",
        &[HZ, ("InstanceChargeType", "PrePaid")],
        "MissingPeriod",
        400,
    )
    .await;
    let pre = c
        .ok(
            VPC,
            "AllocateEipAddress",
            &[
                HZ,
                ("InstanceChargeType", "PrePaid"),
                ("Period", "1"),
                ("AutoPay", "true"),
            ],
        )
        .await;
    assert!(pre.get("EipAddress").is_none() && pre["OrderId"].is_u64());

    c.ok(
        VPC,
        "ModifyEipAddressAttribute",
        &[
            HZ,
            ("AllocationId", id),
            ("Bandwidth", "150"),
            ("Name", "renamed"),
        ],
    )
    .await;
    let e = c.eip(id).await;
    assert_eq!(
        (e["Bandwidth"].as_str(), e["Name"].as_str()),
        (Some("150"), Some("renamed"))
    );
    c.err(
        VPC,
        "ModifyEipAddressAttribute",
        &[HZ, ("AllocationId", id), ("Bandwidth", "201")],
        "InvalidParameter",
        400,
    )
    .await;
    c.err(
        VPC,
        "ModifyEipAddressAttribute",
        &[HZ, ("AllocationId", id), ("Name", "http://x")],
        "InvalidParameter",
        400,
    )
    .await;
}

#[tokio::test]
async fn associate_replay_with_client_token_does_not_fail_after_completion() {
    let c = slow();
    let params = [
        HZ,
        ("AllocationId", HZ_EIP_FREE_A),
        ("InstanceId", HZ_ENI_CT_READY_A),
        NI,
        BINDED,
        ("ClientToken", "assoc-1"),
    ];
    c.ok(VPC, "AssociateEipAddress", &params).await;
    c.ok(VPC, "AssociateEipAddress", &params).await;
    c.control()
        .advance_clock(std::time::Duration::from_secs(3600));
    c.ok(VPC, "AssociateEipAddress", &params).await;
    assert_eq!(c.eip(HZ_EIP_FREE_A).await["Status"], "InUse");
    let logged = c.control().requests(0);
    let tokens: Vec<_> = logged
        .iter()
        .filter_map(|e| e.client_token.clone())
        .collect();
    assert_eq!(tokens, vec!["assoc-1"; 3]);
}

#[tokio::test]
async fn forward_mode_changes() {
    let c = demo();
    let fm = |id: &'static str, mode: &'static str| vec![HZ, ("InstanceId", id), ("Mode", mode)];
    c.ok(VPC, "ModifyEipForwardMode", &fm(HZ_EIP_CT_STAGED, "NAT"))
        .await;
    assert_eq!(c.eip(HZ_EIP_CT_STAGED).await["Mode"], "NAT");
    c.ok(VPC, "ModifyEipForwardMode", &fm(HZ_EIP_NAT_ENI, "BINDED"))
        .await;
    assert_eq!(c.eip(HZ_EIP_NAT_ENI).await["Mode"], "BINDED");
    c.err(
        VPC,
        "ModifyEipForwardMode",
        &fm(HZ_EIP_CT_STAGED, "SIDEWAYS"),
        "IllegalParam.Mode",
        400,
    )
    .await;
}

#[tokio::test]
async fn describe_filters_by_association() {
    let c = demo();
    let v = c
        .ok(
            VPC,
            "DescribeEipAddresses",
            &[
                HZ,
                ("AssociatedInstanceType", "NetworkInterface"),
                ("AssociatedInstanceId", HZ_ENI_CT_LIVE),
            ],
        )
        .await;
    assert_eq!(v["TotalCount"], 1);
    assert_eq!(
        v["EipAddresses"]["EipAddress"][0]["AllocationId"],
        HZ_EIP_CT_LIVE
    );
    c.err(
        VPC,
        "DescribeEipAddresses",
        &[HZ, ("AssociatedInstanceType", "Toaster")],
        "InvalidIAssociatedInstanceType.ValueNotSupported",
        400,
    )
    .await;
}
