//! Security-group rules: DescribeSecurityGroupAttribute, AuthorizeSecurityGroup (with
//! `Permissions.N` and the legacy parameters), RevokeSecurityGroup, and their error codes.

mod common;

use alicloud_emulator::seed::demo_ids::*;
use common::{ECS, HZ, demo};
use serde_json::Value;

async fn rules(c: &common::Client) -> Vec<Value> {
    let v = c
        .ok(
            ECS,
            "DescribeSecurityGroupAttribute",
            &[HZ, ("SecurityGroupId", HZ_SG_PROD)],
        )
        .await;
    assert_eq!(v["SecurityGroupId"], HZ_SG_PROD);
    assert_eq!(v["VpcId"], HZ_VPC_PROD);
    v["Permissions"]["Permission"].as_array().unwrap().clone()
}

#[tokio::test]
async fn authorize_describe_and_revoke_inbound_rules() {
    let c = demo();
    assert!(rules(&c).await.is_empty(), "a seeded group has no rules");
    let ssh = [
        HZ,
        ("SecurityGroupId", HZ_SG_PROD),
        ("Permissions.1.IpProtocol", "tcp"),
        ("Permissions.1.PortRange", "22/22"),
        ("Permissions.1.SourceCidrIp", "203.0.113.0/24"),
        ("Permissions.2.IpProtocol", "ICMP"),
        ("Permissions.2.PortRange", "-1/-1"),
        ("Permissions.2.SourceCidrIp", "203.0.113.0/24"),
    ];
    c.ok(ECS, "AuthorizeSecurityGroup", &ssh).await;
    c.ok(ECS, "AuthorizeSecurityGroup", &ssh).await;
    let now = rules(&c).await;
    assert_eq!(now.len(), 2, "an identical rule is not added twice");
    assert_eq!(now[0]["IpProtocol"], "TCP");
    assert_eq!(now[0]["PortRange"], "22/22");
    assert_eq!(now[0]["Direction"], "ingress");
    assert_eq!(now[0]["Policy"], "Accept");
    assert!(
        now[0]["SecurityGroupRuleId"]
            .as_str()
            .unwrap()
            .starts_with("sgr-")
    );
    let legacy = [
        HZ,
        ("SecurityGroupId", HZ_SG_PROD),
        ("IpProtocol", "TCP"),
        ("PortRange", "22/22"),
        ("SourceCidrIp", "203.0.113.0/24"),
    ];
    c.ok(ECS, "RevokeSecurityGroup", &legacy).await;
    let left = rules(&c).await;
    assert_eq!(left.len(), 1);
    let id = left[0]["SecurityGroupRuleId"].as_str().unwrap().to_string();
    c.ok(
        ECS,
        "RevokeSecurityGroup",
        &[
            HZ,
            ("SecurityGroupId", HZ_SG_PROD),
            ("SecurityGroupRuleId.1", &id),
        ],
    )
    .await;
    assert!(rules(&c).await.is_empty());
}

#[tokio::test]
async fn bad_rules_and_unknown_groups_get_real_codes() {
    let c = demo();
    let rule = |proto: &'static str, ports: &'static str, cidr: &'static str| {
        vec![
            HZ,
            ("SecurityGroupId", HZ_SG_PROD),
            ("IpProtocol", proto),
            ("PortRange", ports),
            ("SourceCidrIp", cidr),
        ]
    };
    c.err(
        ECS,
        "AuthorizeSecurityGroup",
        &rule("SCTP", "22/22", "0.0.0.0/0"),
        "InvalidIpProtocol.Malformed",
        400,
    )
    .await;
    c.err(
        ECS,
        "AuthorizeSecurityGroup",
        &rule("TCP", "22", "0.0.0.0/0"),
        "InvalidPortRange.Malformed",
        400,
    )
    .await;
    c.err(
        ECS,
        "AuthorizeSecurityGroup",
        &rule("ICMP", "22/22", "0.0.0.0/0"),
        "InvalidPortRange.Malformed",
        400,
    )
    .await;
    c.err(
        ECS,
        "AuthorizeSecurityGroup",
        &rule("TCP", "22/22", "nowhere"),
        "InvalidSourceCidrIp.Malformed",
        400,
    )
    .await;
    c.err(
        ECS,
        "DescribeSecurityGroupAttribute",
        &[HZ, ("SecurityGroupId", "sg-bp1doesnotexist000")],
        "InvalidSecurityGroupId.NotFound",
        404,
    )
    .await;
}
