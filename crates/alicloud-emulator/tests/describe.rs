//! Describe actions against the demo seed, in both signature versions.

mod common;

use common::{ECS, Sig, VPC, demo};
use serde_json::Value;

fn eips(v: &Value) -> Vec<Value> {
    v["EipAddresses"]["EipAddress"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

#[tokio::test]
async fn describe_eip_addresses_pages_in_both_signature_versions() {
    let c = demo();
    for sig in [Sig::V1, Sig::V3] {
        let c = c.with_sig(sig);
        let all = c
            .ok(
                VPC,
                "DescribeEipAddresses",
                &[("RegionId", "cn-hangzhou"), ("PageSize", "100")],
            )
            .await;
        let total = all["TotalCount"].as_u64().unwrap();
        assert!(total >= 3);
        assert_eq!(eips(&all).len() as u64, total);
        let p1 = c
            .ok(
                VPC,
                "DescribeEipAddresses",
                &[("RegionId", "cn-hangzhou"), ("PageSize", "3")],
            )
            .await;
        let p2 = c
            .ok(
                VPC,
                "DescribeEipAddresses",
                &[
                    ("RegionId", "cn-hangzhou"),
                    ("PageSize", "3"),
                    ("PageNumber", "2"),
                ],
            )
            .await;
        assert_eq!(p1["PageSize"], 3);
        assert_eq!(p2["PageNumber"], 2);
        let ids: Vec<Value> = eips(&p1)
            .into_iter()
            .chain(eips(&p2))
            .map(|e| e["AllocationId"].clone())
            .collect();
        let expected: Vec<Value> = eips(&all)
            .into_iter()
            .take(6)
            .map(|e| e["AllocationId"].clone())
            .collect();
        assert_eq!(ids, expected);
        let capped = c
            .ok(
                VPC,
                "DescribeEipAddresses",
                &[("RegionId", "cn-hangzhou"), ("PageSize", "1000")],
            )
            .await;
        assert_eq!(capped["PageSize"], 100);
    }
}

#[tokio::test]
async fn eip_items_have_sdk_types() {
    let c = demo();
    let v = c
        .ok(
            VPC,
            "DescribeEipAddresses",
            &[("RegionId", "cn-hangzhou"), ("PageSize", "100")],
        )
        .await;
    for e in eips(&v) {
        assert!(
            e["Bandwidth"].is_string(),
            "Bandwidth is a string in the SDK"
        );
        assert!(e["AllocationId"].as_str().unwrap().starts_with("eip-bp1"));
        assert_eq!(e["RegionId"], "cn-hangzhou");
        assert!(e["Tags"]["Tag"].is_array());
    }
    let binded: Vec<Value> = eips(&v)
        .into_iter()
        .filter(|e| e["Mode"] == "BINDED")
        .collect();
    assert!(!binded.is_empty());
    for e in binded {
        assert_eq!(e["InstanceType"], "NetworkInterface");
        assert!(e["InstanceId"].as_str().unwrap().starts_with("eni-"));
        assert!(!e["PrivateIpAddress"].as_str().unwrap().is_empty());
    }
}

#[tokio::test]
async fn eip_filters() {
    let c = demo();
    let v = c
        .ok(
            VPC,
            "DescribeEipAddresses",
            &[("RegionId", "cn-hangzhou"), ("Status", "InUse")],
        )
        .await;
    assert!(eips(&v).iter().all(|e| e["Status"] == "InUse"));
    let v = c
        .ok(
            VPC,
            "DescribeEipAddresses",
            &[("RegionId", "cn-hangzhou"), ("ChargeType", "PrePaid")],
        )
        .await;
    assert_eq!(v["TotalCount"], 1);
    let one = eips(&v)[0].clone();
    let by_id = c
        .ok(
            VPC,
            "DescribeEipAddresses",
            &[
                ("RegionId", "cn-hangzhou"),
                ("AllocationId", one["AllocationId"].as_str().unwrap()),
            ],
        )
        .await;
    assert_eq!(eips(&by_id), vec![one.clone()]);
    let by_ip = c
        .ok(
            VPC,
            "DescribeEipAddresses",
            &[
                ("RegionId", "cn-hangzhou"),
                ("EipAddress", one["IpAddress"].as_str().unwrap()),
            ],
        )
        .await;
    assert_eq!(by_ip["TotalCount"], 1);
    c.err(
        VPC,
        "DescribeEipAddresses",
        &[("RegionId", "cn-hangzhou"), ("Status", "Nope")],
        "InvalidStatus.ValueNotSupported",
        400,
    )
    .await;
    c.err(
        VPC,
        "DescribeEipAddresses",
        &[("RegionId", "mars-north-1")],
        "InvalidRegionId.NotFound",
        404,
    )
    .await;
    c.err(VPC, "DescribeEipAddresses", &[], "MissingRegionId", 400)
        .await;
}

#[tokio::test]
async fn region_names_follow_accept_language() {
    let c = demo();
    for (version, language, name) in [
        (VPC, None, "华东1（杭州）"),
        (VPC, Some("zh-CN"), "华东1（杭州）"),
        (VPC, Some("en-US"), "China (Hangzhou)"),
        (ECS, Some("en-US"), "China (Hangzhou)"),
        (ECS, Some("ja"), "中国 (杭州)"),
        (ECS, Some("ko"), "华东1（杭州）"),
    ] {
        let params: Vec<(&str, &str)> = language
            .map(|l| ("AcceptLanguage", l))
            .into_iter()
            .collect();
        let v = c.ok(version, "DescribeRegions", &params).await;
        let hangzhou = v["Regions"]["Region"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["RegionId"] == "cn-hangzhou")
            .unwrap()
            .clone();
        assert_eq!(hangzhou["LocalName"], name, "{version} {language:?}");
    }
}

#[tokio::test]
async fn regions_and_networks() {
    let c = demo();
    let v = c
        .ok(VPC, "DescribeRegions", &[("AcceptLanguage", "en-US")])
        .await;
    let regions = v["Regions"]["Region"].as_array().unwrap();
    assert_eq!(regions.len(), 15);
    assert!(
        regions
            .iter()
            .any(|r| r["RegionId"] == "cn-hangzhou" && r["RegionEndpoint"] == "vpc.aliyuncs.com")
    );
    let v = c.ok(ECS, "DescribeRegions", &[]).await;
    assert!(
        v["Regions"]["Region"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["Status"] == "available")
    );
    let v = c
        .ok(VPC, "DescribeVpcs", &[("RegionId", "cn-hangzhou")])
        .await;
    assert_eq!(v["TotalCount"], 2);
    let vpc = &v["Vpcs"]["Vpc"][0];
    assert!(vpc["VpcId"].as_str().unwrap().starts_with("vpc-bp1"));
    assert!(vpc["VSwitchIds"]["VSwitchId"].as_array().unwrap().len() >= 2);
    let v = c
        .ok(
            VPC,
            "DescribeVSwitches",
            &[
                ("RegionId", "cn-hangzhou"),
                ("VpcId", vpc["VpcId"].as_str().unwrap()),
            ],
        )
        .await;
    let vsw = &v["VSwitches"]["VSwitch"][0];
    assert!(vsw["AvailableIpAddressCount"].as_u64().unwrap() < 252);
    assert!(vsw["VSwitchId"].as_str().unwrap().starts_with("vsw-"));
}

#[tokio::test]
async fn second_account_sees_its_own_resources() {
    let c = demo();
    let other = c.with_key(
        alicloud_emulator::SECOND_ACCESS_KEY_ID,
        alicloud_emulator::SECOND_ACCESS_KEY_SECRET,
        None,
    );
    let a = c
        .ok(
            VPC,
            "DescribeEipAddresses",
            &[("RegionId", "cn-hangzhou"), ("PageSize", "100")],
        )
        .await;
    let b = other
        .ok(
            VPC,
            "DescribeEipAddresses",
            &[("RegionId", "cn-hangzhou"), ("PageSize", "100")],
        )
        .await;
    let ids = |v: &Value| {
        eips(v)
            .iter()
            .map(|e| e["AllocationId"].clone())
            .collect::<Vec<_>>()
    };
    assert!(!ids(&b).is_empty());
    assert!(ids(&a).iter().all(|id| !ids(&b).contains(id)));
}
