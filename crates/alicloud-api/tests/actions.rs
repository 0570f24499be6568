//! Every typed action against the fake server: the action name, product version and
//! parameters on the wire, response decoding, and NextToken paging (stream and collected).

mod common;

use alicloud_api::{SignatureVersion, ecs, sts, vpc};
use common::{FakeServer, Recorded, Reply};
use futures::TryStreamExt;
use serde_json::{Value, json};

/// Pages `n` items `make(i)` by NextToken (token = next start index), `MaxResults` items each.
fn token_page(r: &Recorded, n: usize, wrap: (&str, &str), make: impl Fn(usize) -> Value) -> Reply {
    let start: usize = r
        .param("NextToken")
        .map(|t| t.parse().unwrap())
        .unwrap_or(0);
    let max: usize = r.param("MaxResults").unwrap_or("10").parse().unwrap();
    let end = (start + max).min(n);
    let items: Vec<Value> = (start..end).map(make).collect();
    let next = if end < n {
        end.to_string()
    } else {
        String::new()
    };
    let mut body = json!({"NextToken": next, "TotalCount": n});
    body[wrap.0] = json!({ wrap.1: items });
    Reply::ok(body)
}

fn handler(r: &Recorded) -> Reply {
    match r.action.as_str() {
        "DescribeNetworkInterfaces" => token_page(
            r,
            1200,
            ("NetworkInterfaceSets", "NetworkInterfaceSet"),
            |i| json!({"NetworkInterfaceId": format!("eni-{i:05}"), "Type": "Secondary", "Status": "Available"}),
        ),
        "DescribeInstances" => token_page(
            r,
            250,
            ("Instances", "Instance"),
            |i| json!({"InstanceId": format!("i-{i:04}"), "Status": "Running"}),
        ),
        "DescribeInstanceTypes" => token_page(
            r,
            130,
            ("InstanceTypes", "InstanceType"),
            |i| json!({"InstanceTypeId": format!("ecs.t{i}"), "EniQuantity": 3}),
        ),
        "DescribeVpcs" | "DescribeVSwitches" => {
            let (outer, inner, id, prefix) = if r.action == "DescribeVpcs" {
                ("Vpcs", "Vpc", "VpcId", "vpc")
            } else {
                ("VSwitches", "VSwitch", "VSwitchId", "vsw")
            };
            let number: usize = r.param("PageNumber").unwrap().parse().unwrap();
            let size: usize = r.param("PageSize").unwrap().parse().unwrap();
            let items: Vec<Value> = ((number - 1) * size..(number * size).min(120))
                .map(|i| json!({ id: format!("{prefix}-{i:03}") }))
                .collect();
            let mut body = json!({"TotalCount": 120, "PageNumber": number, "PageSize": size});
            body[outer] = json!({ inner: items });
            Reply::ok(body)
        }
        "DescribeRegions" => Reply::ok(json!({"Regions": {"Region": [
            {"RegionId": "cn-hangzhou", "LocalName": "Hangzhou", "RegionEndpoint": "x", "Status": "available"}]}})),
        "AllocateEipAddress" => {
            Reply::ok(json!({"AllocationId": "eip-new", "EipAddress": "47.0.0.9"}))
        }
        "CreateNetworkInterface" => Reply::ok(
            json!({"NetworkInterfaceId": "eni-new", "Status": "Available",
            "Type": "Secondary", "PrivateIpAddress": "192.168.0.20"}),
        ),
        "GetCallerIdentity" => Reply::ok(
            json!({"AccountId": "1234567890", "Arn": "acs:ram::1234567890:user/x",
            "IdentityType": "RAMUser", "UserId": "u1"}),
        ),
        _ => Reply::ok(json!({"RequestId": format!("req-{}", r.action)})),
    }
}

#[tokio::test]
async fn network_interfaces_follow_next_token() {
    let server = FakeServer::start(handler).await;
    let client = common::client(&server, SignatureVersion::V3);
    let request =
        ecs::DescribeNetworkInterfacesRequest::new("cn-hangzhou").interface_type("Secondary");
    let all = client
        .describe_network_interfaces_all(&request)
        .await
        .unwrap();
    assert_eq!(all.len(), 1200);
    assert_eq!(all[1199].network_interface_id, "eni-01199");
    let seen = server.requests_for("DescribeNetworkInterfaces");
    let tokens: Vec<Option<&str>> = seen.iter().map(|r| r.param("NextToken")).collect();
    assert_eq!(tokens, vec![None, Some("500"), Some("1000")]);
    for r in &seen {
        assert_eq!(r.param("MaxResults"), Some("500"));
        assert_eq!(r.param("Type"), Some("Secondary"));
        assert_eq!(r.header("x-acs-version"), Some("2014-05-26"));
    }
    // The same listing as a stream of pages, with the request's own page size.
    let pages: Vec<_> = client
        .describe_network_interfaces_pages(request.max_results(400u32))
        .try_collect()
        .await
        .unwrap();
    let sizes: Vec<usize> = pages
        .iter()
        .map(|p| p.network_interface_sets.network_interface_set.len())
        .collect();
    assert_eq!(sizes, vec![400, 400, 400]);
}

#[tokio::test]
async fn instances_and_instance_types_follow_next_token() {
    let server = FakeServer::start(handler).await;
    let client = common::client(&server, SignatureVersion::V1);
    let instances = client
        .describe_instances_all(
            &ecs::DescribeInstancesRequest::new("cn-shanghai").instance_ids(["i-0001"]),
        )
        .await
        .unwrap();
    assert_eq!(instances.len(), 250);
    let seen = server.requests_for("DescribeInstances");
    assert_eq!(seen.len(), 3);
    assert!(seen.iter().all(|r| r.param("MaxResults") == Some("100")));
    assert_eq!(seen[0].param("InstanceIds"), Some(r#"["i-0001"]"#));
    let types = client
        .describe_instance_types_all(&ecs::DescribeInstanceTypesRequest::new())
        .await
        .unwrap();
    assert_eq!(types.len(), 130);
    assert_eq!(types[0].eni_quantity, 3);
    assert!(
        server.requests_for("DescribeInstanceTypes")[0]
            .param("RegionId")
            .is_none()
    );
}

#[tokio::test]
async fn vpcs_and_vswitches_page_by_number() {
    let server = FakeServer::start(handler).await;
    let client = common::client(&server, SignatureVersion::V3);
    let vpcs = client
        .describe_vpcs_all(&vpc::DescribeVpcsRequest::new("cn-hangzhou"))
        .await
        .unwrap();
    assert_eq!(vpcs.len(), 120);
    assert_eq!(vpcs[119].vpc_id, "vpc-119");
    let vsws = client
        .describe_vswitches_all(&vpc::DescribeVSwitchesRequest::new("cn-hangzhou").vpc_id("vpc-1"))
        .await
        .unwrap();
    assert_eq!(vsws.len(), 120);
    let seen = server.requests_for("DescribeVSwitches");
    assert_eq!(seen.len(), 3);
    assert!(
        seen.iter()
            .all(|r| r.param("PageSize") == Some("50") && r.param("VpcId") == Some("vpc-1"))
    );
}

#[tokio::test]
async fn mutating_and_misc_actions_send_their_parameters() {
    let server = FakeServer::start(handler).await;
    let client = common::client(&server, SignatureVersion::V3);
    let r = "cn-hangzhou";
    let eip = client
        .allocate_eip_address(
            &vpc::AllocateEipAddressRequest::new(r)
                .bandwidth("10")
                .name("n"),
        )
        .await
        .unwrap();
    assert_eq!(
        (eip.allocation_id.as_str(), eip.eip_address.as_str()),
        ("eip-new", "47.0.0.9")
    );
    client
        .associate_eip_address(
            &vpc::AssociateEipAddressRequest::new(r, "eip-new", "eni-1")
                .instance_type("NetworkInterface")
                .mode("BINDED")
                .private_ip_address("192.168.0.20")
                .client_token("token-from-journal"),
        )
        .await
        .unwrap();
    client
        .unassociate_eip_address(
            &vpc::UnassociateEipAddressRequest::new(r, "eip-new").instance_id("eni-1"),
        )
        .await
        .unwrap();
    client
        .modify_eip_address_attribute(
            &vpc::ModifyEipAddressAttributeRequest::new(r, "eip-new").bandwidth("20"),
        )
        .await
        .unwrap();
    client
        .modify_eip_forward_mode(&vpc::ModifyEipForwardModeRequest::new(r, "eip-new", "NAT"))
        .await
        .unwrap();
    let released = client
        .release_eip_address(&vpc::ReleaseEipAddressRequest::new(r, "eip-new"))
        .await
        .unwrap();
    assert_eq!(released.request_id, "req-ReleaseEipAddress");
    let eni = client
        .create_network_interface(
            &ecs::CreateNetworkInterfaceRequest::new(r, "vsw-1")
                .security_group_ids(["sg-1", "sg-2"]),
        )
        .await
        .unwrap();
    assert_eq!(
        (
            eni.network_interface_id.as_str(),
            eni.interface_type.as_str()
        ),
        ("eni-new", "Secondary")
    );
    client
        .attach_network_interface(&ecs::AttachNetworkInterfaceRequest::new(
            r, "eni-new", "i-1",
        ))
        .await
        .unwrap();
    client
        .detach_network_interface(&ecs::DetachNetworkInterfaceRequest::new(
            r, "eni-new", "i-1",
        ))
        .await
        .unwrap();
    client
        .delete_network_interface(&ecs::DeleteNetworkInterfaceRequest::new(r, "eni-new"))
        .await
        .unwrap();
    let regions = client
        .vpc_describe_regions(&vpc::DescribeRegionsRequest::new())
        .await
        .unwrap();
    assert_eq!(regions.regions.region[0].region_id, "cn-hangzhou");
    let regions = client
        .ecs_describe_regions(&ecs::DescribeRegionsRequest::new())
        .await
        .unwrap();
    assert_eq!(regions.regions.region[0].status, "available");
    let me = client.get_caller_identity().await.unwrap();
    assert_eq!(
        (me.account_id.as_str(), me.identity_type.as_str()),
        ("1234567890", "RAMUser")
    );
    client
        .assume_role(&sts::AssumeRoleRequest::new("acs:ram::1:role/r", "s").external_id("e"))
        .await
        .unwrap();

    let one = |action: &str| {
        let mut v = server.requests_for(action);
        assert_eq!(v.len(), 1, "{action}");
        v.remove(0)
    };
    let alloc = one("AllocateEipAddress");
    assert_eq!(alloc.param("Bandwidth"), Some("10"));
    assert!(
        alloc.param("ClientToken").is_some_and(|t| !t.is_empty()),
        "generated token"
    );
    let assoc = one("AssociateEipAddress");
    for (k, v) in [
        ("AllocationId", "eip-new"),
        ("InstanceId", "eni-1"),
        ("InstanceType", "NetworkInterface"),
        ("Mode", "BINDED"),
        ("PrivateIpAddress", "192.168.0.20"),
        ("ClientToken", "token-from-journal"),
        ("RegionId", r),
    ] {
        assert_eq!(assoc.param(k), Some(v), "{k}");
    }
    assert!(one("UnassociateEipAddress").param("ClientToken").is_some());
    assert_eq!(
        one("ModifyEipAddressAttribute").param("Bandwidth"),
        Some("20")
    );
    let fwd = one("ModifyEipForwardMode");
    assert_eq!(
        (fwd.param("InstanceId"), fwd.param("Mode")),
        (Some("eip-new"), Some("NAT"))
    );
    assert!(one("ReleaseEipAddress").param("ClientToken").is_none());
    let create = one("CreateNetworkInterface");
    assert_eq!(create.param("SecurityGroupIds.2"), Some("sg-2"));
    assert_eq!(create.param("VSwitchId"), Some("vsw-1"));
    assert!(create.param("ClientToken").is_some());
    let attach = one("AttachNetworkInterface");
    assert_eq!(
        (
            attach.param("NetworkInterfaceId"),
            attach.param("InstanceId")
        ),
        (Some("eni-new"), Some("i-1"))
    );
    assert_eq!(
        one("DetachNetworkInterface").param("InstanceId"),
        Some("i-1")
    );
    assert_eq!(
        one("DeleteNetworkInterface").param("NetworkInterfaceId"),
        Some("eni-new")
    );
    let regions = server.requests_for("DescribeRegions");
    assert_eq!(regions[0].header("x-acs-version"), Some("2016-04-28"));
    assert_eq!(regions[1].header("x-acs-version"), Some("2014-05-26"));
    assert!(regions.iter().all(|r| r.param("RegionId").is_none()));
    assert_eq!(
        one("GetCallerIdentity").header("x-acs-version"),
        Some("2015-04-01")
    );
    let assume = one("AssumeRole");
    assert_eq!(assume.param("ExternalId"), Some("e"));
}
