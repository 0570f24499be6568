//! ECS security-group rules: `DescribeSecurityGroupAttribute`, `AuthorizeSecurityGroup` and
//! `RevokeSecurityGroup` (one inbound CIDR rule per call, with the legacy top-level
//! parameters), with typed [`Client`](crate::Client) methods.

use serde::{Deserialize, Serialize};

use crate::action::{RequestIdOnly, impl_action, rpc_request};
use crate::de;

rpc_request! {
    /// `DescribeSecurityGroupAttribute`.
    pub struct DescribeSecurityGroupAttributeRequest {
        required {
            /// The region.
            region_id = "RegionId",
            /// The group.
            security_group_id = "SecurityGroupId",
        }
        optional {
            /// `ingress`, `egress` or `all` (default).
            direction: String = "Direction",
        }
        repeated {}
        json_list {}
        route {}
    }
}
impl_action!(DescribeSecurityGroupAttributeRequest => DescribeSecurityGroupAttributeResponse, Ecs,
    "DescribeSecurityGroupAttribute", region: field, client_token: false, retry_on: &[],
    method: describe_security_group_attribute);

/// Response of `DescribeSecurityGroupAttribute`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct DescribeSecurityGroupAttributeResponse {
    /// `RequestId`.
    pub request_id: String,
    /// The group.
    pub security_group_id: String,
    /// Its name.
    pub security_group_name: String,
    /// The rules.
    pub permissions: Permissions,
}

/// `Permissions` wrapper.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct Permissions {
    /// The rules.
    #[serde(deserialize_with = "de::list")]
    pub permission: Vec<Permission>,
}

/// One rule.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct Permission {
    /// `sgr-…`.
    pub security_group_rule_id: String,
    /// `ingress` or `egress`.
    pub direction: String,
    /// `TCP`, `UDP`, `ICMP`, `GRE`, `ALL`.
    pub ip_protocol: String,
    /// `22/22`, `-1/-1`.
    pub port_range: String,
    /// Source CIDR (inbound).
    pub source_cidr_ip: String,
    /// `Accept` or `Drop`.
    pub policy: String,
    /// 1–100.
    #[serde(deserialize_with = "de::string")]
    pub priority: String,
}

rpc_request! {
    /// `AuthorizeSecurityGroup`: one inbound rule.
    pub struct AuthorizeSecurityGroupRequest {
        required {
            /// The region.
            region_id = "RegionId",
            /// The group.
            security_group_id = "SecurityGroupId",
            /// `TCP`, `UDP`, `ICMP`, `GRE`, `ALL`.
            ip_protocol = "IpProtocol",
            /// `22/22`, `-1/-1`.
            port_range = "PortRange",
            /// Source CIDR.
            source_cidr_ip = "SourceCidrIp",
        }
        optional {
            /// `accept` (default) or `drop`.
            policy: String = "Policy",
            /// Description.
            description: String = "Description",
            /// Idempotence token (generated when unset).
            client_token: String = "ClientToken",
        }
        repeated {}
        json_list {}
        route {}
    }
}
impl_action!(AuthorizeSecurityGroupRequest => RequestIdOnly, Ecs, "AuthorizeSecurityGroup",
    region: field, client_token: true, retry_on: &[], method: authorize_security_group);

rpc_request! {
    /// `RevokeSecurityGroup`: one inbound rule, by its fields.
    pub struct RevokeSecurityGroupRequest {
        required {
            /// The region.
            region_id = "RegionId",
            /// The group.
            security_group_id = "SecurityGroupId",
            /// `TCP`, `UDP`, `ICMP`, `GRE`, `ALL`.
            ip_protocol = "IpProtocol",
            /// `22/22`, `-1/-1`.
            port_range = "PortRange",
            /// Source CIDR.
            source_cidr_ip = "SourceCidrIp",
        }
        optional {
            /// `accept` (default) or `drop`.
            policy: String = "Policy",
            /// Idempotence token (generated when unset).
            client_token: String = "ClientToken",
        }
        repeated {}
        json_list {}
        route {}
    }
}
impl_action!(RevokeSecurityGroupRequest => RequestIdOnly, Ecs, "RevokeSecurityGroup",
    region: field, client_token: true, retry_on: &[], method: revoke_security_group);
