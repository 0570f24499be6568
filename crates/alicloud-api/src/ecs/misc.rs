//! ECS `DescribeInstanceTypes` (ENI quotas) and `DescribeRegions`, with their paging and
//! typed [`Client`](crate::Client) methods (declared with `impl_action!`).

use serde::{Deserialize, Serialize};

use crate::action::{impl_action, rpc_request};
use crate::de;

rpc_request! {
    /// `DescribeInstanceTypes` (no `RegionId` parameter; paged by `NextToken`, at most 100).
    pub struct DescribeInstanceTypesRequest {
        required {}
        optional {
            /// Family filter.
            instance_type_family: String = "InstanceTypeFamily",
            /// At least this many ENIs.
            minimum_eni_quantity: u32 = "MinimumEniQuantity",
            /// At most 100 per page.
            max_results: u32 = "MaxResults",
            /// Token from the previous page.
            next_token: String = "NextToken",
        }
        repeated {
            /// Up to 10 instance types (`InstanceTypes.N`).
            instance_types = "InstanceTypes",
            /// Families (`InstanceTypeFamilies.N`).
            instance_type_families = "InstanceTypeFamilies",
        }
        json_list {}
        route {
            /// Region whose endpoint serves the call.
            region_id,
        }
    }
}
impl_action!(DescribeInstanceTypesRequest => DescribeInstanceTypesResponse, Ecs,
"DescribeInstanceTypes", region: field, client_token: false, retry_on: &[],
method:
    /// One page.
    describe_instance_types,
paged: next_token {
    max: 100,
    items: InstanceType = instance_types.instance_type,
    all: describe_instance_types_all,
});

/// Response of `DescribeInstanceTypes`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct DescribeInstanceTypesResponse {
    /// `RequestId`.
    pub request_id: String,
    /// Token of the next page; empty on the last page.
    pub next_token: String,
    /// The types.
    pub instance_types: InstanceTypes,
}

/// `InstanceTypes` wrapper.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct InstanceTypes {
    /// The types.
    #[serde(deserialize_with = "de::list")]
    pub instance_type: Vec<InstanceType>,
}

/// One instance type (the fields about ENIs and size).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct InstanceType {
    /// e.g. `ecs.g6.large`.
    pub instance_type_id: String,
    /// e.g. `ecs.g6`.
    pub instance_type_family: String,
    /// vCPUs.
    #[serde(deserialize_with = "de::int")]
    pub cpu_core_count: i64,
    /// Memory, GiB.
    #[serde(deserialize_with = "de::float")]
    pub memory_size: f64,
    /// Maximum ENIs per instance.
    #[serde(deserialize_with = "de::int")]
    pub eni_quantity: i64,
    /// Maximum IPv4 addresses per ENI.
    #[serde(deserialize_with = "de::int")]
    pub eni_private_ip_address_quantity: i64,
    /// Maximum IPv6 addresses per ENI.
    #[serde(deserialize_with = "de::int")]
    pub eni_ipv6_address_quantity: i64,
    /// Maximum ENIs including trunk members (preview).
    #[serde(deserialize_with = "de::int")]
    pub eni_total_quantity: i64,
    /// Trunk ENIs supported.
    #[serde(deserialize_with = "de::boolean")]
    pub eni_trunk_supported: bool,
    /// Maximum queues per ENI.
    #[serde(deserialize_with = "de::int")]
    pub maximum_queue_number_per_eni: i64,
}

rpc_request! {
    /// ECS `DescribeRegions`.
    pub struct DescribeRegionsRequest {
        required {}
        optional {
            /// `zh-CN` (default), `en-US`, ...
            accept_language: String = "AcceptLanguage",
            /// `PrePaid`, `PostPaid` (default), ...
            instance_charge_type: String = "InstanceChargeType",
            /// `instance` (default), `disk`, `reservedinstance`, `scu`.
            resource_type: String = "ResourceType",
        }
        repeated {}
        json_list {}
        route {
            /// Region whose endpoint serves the call.
            region_id,
        }
    }
}
impl_action!(DescribeRegionsRequest => DescribeRegionsResponse, Ecs, "DescribeRegions",
    region: field, client_token: false, retry_on: &[],
    method: ecs_describe_regions);

/// Response of ECS `DescribeRegions`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct DescribeRegionsResponse {
    /// `RequestId`.
    pub request_id: String,
    /// The regions.
    pub regions: Regions,
}

/// `Regions` wrapper.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct Regions {
    /// The regions.
    #[serde(deserialize_with = "de::list")]
    pub region: Vec<Region>,
}

/// One ECS region.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct Region {
    /// e.g. `cn-qingdao`.
    pub region_id: String,
    /// Localized name.
    pub local_name: String,
    /// e.g. `ecs.cn-qingdao.aliyuncs.com`.
    pub region_endpoint: String,
    /// `available` or `soldOut`.
    pub status: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_instance_types() {
        let r: DescribeInstanceTypesResponse = serde_json::from_str(
            r#"{"InstanceTypes":{"InstanceType":[
            {"InstanceTypeId":"ecs.g6.large","CpuCoreCount":2,"MemorySize":8.0,"EniQuantity":3,
             "EniPrivateIpAddressQuantity":6,"EniTrunkSupported":true}]}}"#,
        )
        .unwrap();
        let t = &r.instance_types.instance_type[0];
        assert_eq!((t.eni_quantity, t.memory_size), (3, 8.0));
        assert!(t.eni_trunk_supported);
        let q = DescribeInstanceTypesRequest::new()
            .instance_types(["ecs.g6.large"])
            .to_params();
        assert_eq!(
            q,
            vec![("InstanceTypes.1".to_string(), "ecs.g6.large".to_string())]
        );
    }
}
