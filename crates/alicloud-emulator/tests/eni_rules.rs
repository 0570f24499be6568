//! ENI rules (attach, detach, create, delete) and DescribeNetworkInterfaces paging.

mod common;

use alicloud_emulator::seed::demo_ids::*;
use common::{ECS, HZ, VPC, demo};
use serde_json::Value;

fn attach(eni: &'static str, instance: &'static str) -> Vec<(&'static str, &'static str)> {
    vec![HZ, ("NetworkInterfaceId", eni), ("InstanceId", instance)]
}

#[tokio::test]
async fn attach_and_detach_rules() {
    let c = demo();
    c.err(
        ECS,
        "AttachNetworkInterface",
        &attach(HZ_ENI_WEB01_DATA, HZ_I_WEB02),
        "InvalidOperation.InvalidEniState",
        400,
    )
    .await;
    c.err(
        ECS,
        "AttachNetworkInterface",
        &attach(HZ_ENI_CT_READY_A, HZ_I_BATCH01),
        "InvalidOperation.InvalidEcsState",
        400,
    )
    .await;
    c.err(
        ECS,
        "AttachNetworkInterface",
        &attach(HZ_ENI_STAGING_SPARE, HZ_I_WEB01),
        "InvalidOperation.VpcMismatch",
        403,
    )
    .await;
    c.err(
        ECS,
        "AttachNetworkInterface",
        &attach(HZ_ENI_SPARE_ZONE_I, HZ_I_WEB01),
        "InvalidOperation.AvailabilityZoneMismatch",
        403,
    )
    .await;
    c.err(
        ECS,
        "AttachNetworkInterface",
        &attach(HZ_ENI_CT_READY_A, HZ_I_EDGE01),
        "EniPerInstanceLimitExceeded",
        403,
    )
    .await;
    c.err(
        ECS,
        "AttachNetworkInterface",
        &attach(HZ_ENI_WEB01_PRIMARY, HZ_I_WEB02),
        "InvalidOperation.InvalidEniType",
        403,
    )
    .await;
    c.err(
        ECS,
        "AttachNetworkInterface",
        &attach("eni-bp1nope0000000000000", HZ_I_WEB01),
        "InvalidEniId.NotFound",
        404,
    )
    .await;
    c.err(
        ECS,
        "AttachNetworkInterface",
        &attach(HZ_ENI_CT_READY_A, "i-bp1nope00000000000000"),
        "InvalidEcsId.NotFound",
        404,
    )
    .await;
    c.err(
        ECS,
        "AttachNetworkInterface",
        &[HZ, ("NetworkInterfaceId", HZ_ENI_CT_READY_A)],
        "MissingInstanceId",
        400,
    )
    .await;

    c.err(
        ECS,
        "DetachNetworkInterface",
        &attach(HZ_ENI_WEB01_PRIMARY, HZ_I_WEB01),
        "InvalidOperation.DetachPrimaryEniNotAllowed",
        400,
    )
    .await;
    c.err(
        ECS,
        "DetachNetworkInterface",
        &attach(HZ_ENI_CT_READY_A, HZ_I_WEB01),
        "InvalidOperation.InvalidEniState",
        400,
    )
    .await;
    c.err(
        ECS,
        "DetachNetworkInterface",
        &attach(HZ_ENI_WEB01_DATA, HZ_I_WEB02),
        "InvalidParams.EniId",
        400,
    )
    .await;

    c.ok(
        ECS,
        "AttachNetworkInterface",
        &attach(HZ_ENI_CT_READY_A, HZ_I_WEB01),
    )
    .await;
    let eni = c.eni(HZ_ENI_CT_READY_A).await;
    assert_eq!(
        (eni["Status"].as_str(), eni["InstanceId"].as_str()),
        (Some("InUse"), Some(HZ_I_WEB01))
    );
    assert_eq!(eni["Attachment"]["InstanceId"], HZ_I_WEB01);
    // web-01 (3 ENIs) now has primary + web-01-data + ct-ready-a: full.
    c.err(
        ECS,
        "AttachNetworkInterface",
        &attach(HZ_ENI_CT_READY_B, HZ_I_WEB01),
        "EniPerInstanceLimitExceeded",
        403,
    )
    .await;
    let v = c
        .ok(
            ECS,
            "DescribeInstances",
            &[HZ, ("InstanceIds", &format!("[\"{HZ_I_WEB01}\"]"))],
        )
        .await;
    assert_eq!(
        v["Instances"]["Instance"][0]["NetworkInterfaces"]["NetworkInterface"]
            .as_array()
            .unwrap()
            .len(),
        3
    );

    c.ok(
        ECS,
        "DetachNetworkInterface",
        &attach(HZ_ENI_CT_READY_A, HZ_I_WEB01),
    )
    .await;
    let eni = c.eni(HZ_ENI_CT_READY_A).await;
    assert_eq!(
        (eni["Status"].as_str(), eni["InstanceId"].as_str()),
        (Some("Available"), Some(""))
    );
    assert!(eni.get("Attachment").is_none());
}

#[tokio::test]
async fn cut_through_workflow_end_to_end() {
    let c = demo();
    // Associate in BINDED mode first, then attach: the documented order.
    c.ok(
        VPC,
        "AssociateEipAddress",
        &[
            HZ,
            ("AllocationId", HZ_EIP_FREE_B),
            ("InstanceId", HZ_ENI_CT_READY_B),
            ("InstanceType", "NetworkInterface"),
            ("Mode", "BINDED"),
        ],
    )
    .await;
    c.ok(
        ECS,
        "AttachNetworkInterface",
        &attach(HZ_ENI_CT_READY_B, HZ_I_WEB01),
    )
    .await;
    let eni = c.eni(HZ_ENI_CT_READY_B).await;
    assert_eq!(eni["Status"], "InUse");
    assert_eq!(
        eni["AssociatedPublicIp"]["PublicIpAddress"],
        HZ_EIP_FREE_B_IP
    );
    let e = c.eip(HZ_EIP_FREE_B).await;
    assert_eq!(
        (e["Mode"].as_str(), e["InstanceId"].as_str()),
        (Some("BINDED"), Some(HZ_ENI_CT_READY_B))
    );
    // Teardown in reverse.
    c.err(
        VPC,
        "UnassociateEipAddress",
        &[HZ, ("AllocationId", HZ_EIP_FREE_B)],
        "Eni.Attached",
        400,
    )
    .await;
    c.ok(
        ECS,
        "DetachNetworkInterface",
        &attach(HZ_ENI_CT_READY_B, HZ_I_WEB01),
    )
    .await;
    c.ok(
        VPC,
        "UnassociateEipAddress",
        &[HZ, ("AllocationId", HZ_EIP_FREE_B)],
    )
    .await;
    assert_eq!(c.eip(HZ_EIP_FREE_B).await["Status"], "Available");
}

#[tokio::test]
async fn create_and_delete() {
    let c = demo();
    let base = [
        HZ,
        ("VSwitchId", HZ_VSW_PROD_H),
        ("SecurityGroupId", HZ_SG_PROD),
        ("NetworkInterfaceName", "fresh"),
        ("ClientToken", "create-1"),
    ];
    let a = c.ok(ECS, "CreateNetworkInterface", &base).await;
    let b = c.ok(ECS, "CreateNetworkInterface", &base).await;
    assert_eq!(
        a["NetworkInterfaceId"], b["NetworkInterfaceId"],
        "idempotent replay"
    );
    let id = a["NetworkInterfaceId"].as_str().unwrap().to_string();
    assert!(id.starts_with("eni-bp1"));
    assert_eq!(a["Status"], "Available");
    assert_eq!(a["ZoneId"], "cn-hangzhou-h");
    assert!(a["MacAddress"].as_str().unwrap().starts_with("00:16:3e:"));
    let ip = a["PrivateIpAddress"].as_str().unwrap();
    assert!(ip.starts_with("172.16.1."));
    let v = c
        .ok(
            ECS,
            "DescribeNetworkInterfaces",
            &[HZ, ("NetworkInterfaceName", "fresh")],
        )
        .await;
    assert_eq!(v["TotalCount"], 1);

    c.err(
        ECS,
        "CreateNetworkInterface",
        &[
            HZ,
            ("VSwitchId", HZ_VSW_PROD_H),
            ("SecurityGroupId", HZ_SG_PROD),
            ("PrimaryIpAddress", ip),
        ],
        "InvalidPrivateIpAddress.Duplicated",
        400,
    )
    .await;
    c.err(
        ECS,
        "CreateNetworkInterface",
        &[
            HZ,
            ("VSwitchId", HZ_VSW_PROD_H),
            ("SecurityGroupId", HZ_SG_PROD),
            ("PrimaryIpAddress", "10.9.9.9"),
        ],
        "InvalidVSwitchId.IpInvalid",
        403,
    )
    .await;
    c.err(
        ECS,
        "CreateNetworkInterface",
        &[
            HZ,
            ("VSwitchId", "vsw-bp1nope000000000000"),
            ("SecurityGroupId", HZ_SG_PROD),
        ],
        "InvalidVSwitchId.NotFound",
        404,
    )
    .await;
    c.err(
        ECS,
        "CreateNetworkInterface",
        &[
            HZ,
            ("VSwitchId", HZ_VSW_PROD_H),
            ("SecurityGroupId", HZ_SG_STAGING),
        ],
        "InvalidOperation.VpcMismatch",
        403,
    )
    .await;
    c.err(
        ECS,
        "CreateNetworkInterface",
        &[HZ, ("VSwitchId", HZ_VSW_PROD_H)],
        "MissingSecurityGroupId",
        400,
    )
    .await;
    let multi = c
        .ok(
            ECS,
            "CreateNetworkInterface",
            &[
                HZ,
                ("VSwitchId", HZ_VSW_PROD_H),
                ("SecurityGroupIds.1", HZ_SG_PROD),
                ("SecondaryPrivateIpAddressCount", "2"),
            ],
        )
        .await;
    assert_eq!(
        multi["PrivateIpSets"]["PrivateIpSet"]
            .as_array()
            .unwrap()
            .len(),
        3
    );

    c.err(
        ECS,
        "DeleteNetworkInterface",
        &[HZ, ("NetworkInterfaceId", HZ_ENI_WEB01_DATA)],
        "InvalidOperation.InvalidEniState",
        400,
    )
    .await;
    c.err(
        ECS,
        "DeleteNetworkInterface",
        &[HZ, ("NetworkInterfaceId", HZ_ENI_CT_STAGED)],
        "InvalidOperation.EipAssociated",
        400,
    )
    .await;
    c.err(
        ECS,
        "DeleteNetworkInterface",
        &[HZ, ("NetworkInterfaceId", HZ_ENI_WEB01_PRIMARY)],
        "InvalidOperation.InvalidEniType",
        403,
    )
    .await;
    c.ok(
        ECS,
        "DeleteNetworkInterface",
        &[HZ, ("NetworkInterfaceId", &id)],
    )
    .await;
    assert!(c.eni(&id).await.is_null());
    c.err(
        ECS,
        "DeleteNetworkInterface",
        &[HZ, ("NetworkInterfaceId", &id)],
        "InvalidEniId.NotFound",
        404,
    )
    .await;
    // Its address is free again.
    let again = c
        .ok(
            ECS,
            "CreateNetworkInterface",
            &[
                HZ,
                ("VSwitchId", HZ_VSW_PROD_H),
                ("SecurityGroupId", HZ_SG_PROD),
                ("PrimaryIpAddress", ip),
            ],
        )
        .await;
    assert_eq!(again["PrivateIpAddress"], ip);
}

fn ids(v: &Value) -> Vec<String> {
    v["NetworkInterfaceSets"]["NetworkInterfaceSet"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["NetworkInterfaceId"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn next_token_walks_every_eni_once() {
    let c = demo();
    let all = c
        .ok(ECS, "DescribeNetworkInterfaces", &[HZ, ("PageSize", "100")])
        .await;
    let total = all["TotalCount"].as_u64().unwrap() as usize;
    assert_eq!(ids(&all).len(), total);
    assert!(total > 10);
    let mut seen = Vec::new();
    let mut token = String::new();
    loop {
        let mut params = vec![HZ, ("MaxResults", "10")];
        if !token.is_empty() {
            params.push(("NextToken", token.as_str()));
        }
        let page = c.ok(ECS, "DescribeNetworkInterfaces", &params).await;
        seen.extend(ids(&page));
        token = page["NextToken"].as_str().unwrap().to_string();
        if token.is_empty() {
            break;
        }
    }
    assert_eq!(seen, ids(&all));
    c.err(
        ECS,
        "DescribeNetworkInterfaces",
        &[HZ, ("NextToken", "bogus")],
        "InvalidParameter.NextToken",
        400,
    )
    .await;
}

#[tokio::test]
async fn eni_filters() {
    let c = demo();
    let v = c
        .ok(
            ECS,
            "DescribeNetworkInterfaces",
            &[HZ, ("Type", "Primary"), ("PageSize", "100")],
        )
        .await;
    assert_eq!(v["TotalCount"], 6);
    let v = c
        .ok(
            ECS,
            "DescribeNetworkInterfaces",
            &[HZ, ("InstanceId", HZ_I_WEB01)],
        )
        .await;
    assert_eq!(v["TotalCount"], 2);
    let v = c
        .ok(
            ECS,
            "DescribeNetworkInterfaces",
            &[
                HZ,
                ("NetworkInterfaceId.1", HZ_ENI_CT_READY_A),
                ("NetworkInterfaceId.2", HZ_ENI_CT_READY_B),
            ],
        )
        .await;
    assert_eq!(ids(&v), vec![HZ_ENI_CT_READY_A, HZ_ENI_CT_READY_B]);
    let v = c
        .ok(
            ECS,
            "DescribeNetworkInterfaces",
            &[HZ, ("Status", "Available"), ("VpcId", HZ_VPC_STAGING)],
        )
        .await;
    assert_eq!(ids(&v), vec![HZ_ENI_STAGING_SPARE]);
    let v = c
        .ok(
            ECS,
            "DescribeNetworkInterfaces",
            &[HZ, ("PrivateIpAddress.1", "172.16.1.8")],
        )
        .await;
    assert_eq!(ids(&v), vec![HZ_ENI_MULTI_IP]);
    let binded = c.eni(HZ_ENI_CT_LIVE).await;
    assert!(binded["AssociatedPublicIp"]["PublicIpAddress"].is_string());
}

#[tokio::test]
async fn instance_types_report_eni_quantity_and_instances_page() {
    let c = demo();
    let v = c
        .ok(
            ECS,
            "DescribeInstanceTypes",
            &[("InstanceTypes.1", "ecs.g7.large")],
        )
        .await;
    let t = &v["InstanceTypes"]["InstanceType"][0];
    assert_eq!(
        (t["InstanceTypeId"].as_str(), t["EniQuantity"].as_u64()),
        (Some("ecs.g7.large"), Some(3))
    );
    let v = c
        .ok(ECS, "DescribeInstanceTypes", &[("MinimumEniQuantity", "4")])
        .await;
    assert!(
        v["InstanceTypes"]["InstanceType"]
            .as_array()
            .unwrap()
            .iter()
            .all(|t| t["EniQuantity"].as_u64().unwrap() >= 4)
    );
    let page = c
        .ok(ECS, "DescribeInstances", &[HZ, ("MaxResults", "4")])
        .await;
    assert_eq!(page["Instances"]["Instance"].as_array().unwrap().len(), 4);
    let next = page["NextToken"].as_str().unwrap();
    let rest = c
        .ok(
            ECS,
            "DescribeInstances",
            &[HZ, ("MaxResults", "4"), ("NextToken", next)],
        )
        .await;
    assert_eq!(rest["Instances"]["Instance"].as_array().unwrap().len(), 2);
    assert_eq!(rest["NextToken"], "");
    let v = c
        .ok(
            ECS,
            "DescribeInstances",
            &[HZ, ("InstanceName", "web-*"), ("Status", "Running")],
        )
        .await;
    assert_eq!(v["TotalCount"], 2);
    c.err(
        ECS,
        "DescribeInstances",
        &[HZ, ("InstanceIds", "[i-bad")],
        "InvalidInstanceIds.Malformed",
        400,
    )
    .await;
}
