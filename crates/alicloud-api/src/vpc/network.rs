//! VPC `DescribeRegions`, `DescribeVpcs` and `DescribeVSwitches`: requests, responses, and
//! their paging and typed [`Client`](crate::Client) methods (declared with `impl_action!`).

use serde::{Deserialize, Serialize};

use crate::action::{impl_action, rpc_request};
use crate::de;

use super::eip_types::EipTags;

rpc_request! {
    /// VPC `DescribeRegions` (no `RegionId` parameter; served by the default region's endpoint
    /// unless `region_id` routes it elsewhere).
    pub struct DescribeRegionsRequest {
        required {}
        optional {
            /// `zh-CN` (default) or `en-US`.
            accept_language: String = "AcceptLanguage",
            /// Default `VPC`.
            product_type: String = "ProductType",
        }
        repeated {}
        json_list {}
        route {
            /// Region whose endpoint serves the call.
            region_id,
        }
    }
}
impl_action!(DescribeRegionsRequest => DescribeRegionsResponse, Vpc, "DescribeRegions",
    region: field, client_token: false, retry_on: &[],
    method: vpc_describe_regions);

/// Response of VPC `DescribeRegions`.
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

/// One region.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct Region {
    /// e.g. `cn-hangzhou`.
    pub region_id: String,
    /// Localized name.
    pub local_name: String,
    /// e.g. `vpc.aliyuncs.com`.
    pub region_endpoint: String,
}

rpc_request! {
    /// `DescribeVpcs` (paged, `PageSize` at most 50).
    pub struct DescribeVpcsRequest {
        required {
            /// The region.
            region_id = "RegionId",
        }
        optional {
            /// Up to 20 VPC IDs, comma-separated.
            vpc_id: String = "VpcId",
            /// Name filter.
            vpc_name: String = "VpcName",
            /// Only the default VPC.
            is_default: bool = "IsDefault",
            /// Resource group.
            resource_group_id: String = "ResourceGroupId",
            /// Check only.
            dry_run: bool = "DryRun",
            /// Page number, from 1.
            page_number: u32 = "PageNumber",
            /// Page size, at most 50.
            page_size: u32 = "PageSize",
        }
        repeated {}
        json_list {}
        route {}
    }
}
impl_action!(DescribeVpcsRequest => DescribeVpcsResponse, Vpc, "DescribeVpcs",
    region: field, client_token: false, retry_on: &[],
    method:
        /// One page.
        describe_vpcs,
    paged: page_number { max: 50, items: Vpc = vpcs.vpc, all: describe_vpcs_all });

/// Response of `DescribeVpcs`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct DescribeVpcsResponse {
    /// `RequestId`.
    pub request_id: String,
    /// Total matching VPCs.
    #[serde(deserialize_with = "de::int")]
    pub total_count: i64,
    /// Page number.
    #[serde(deserialize_with = "de::int")]
    pub page_number: i64,
    /// Page size.
    #[serde(deserialize_with = "de::int")]
    pub page_size: i64,
    /// The VPCs.
    pub vpcs: Vpcs,
}

/// `Vpcs` wrapper.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct Vpcs {
    /// The VPCs.
    #[serde(deserialize_with = "de::list")]
    pub vpc: Vec<Vpc>,
}

/// One VPC.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct Vpc {
    /// `vpc-...`.
    pub vpc_id: String,
    /// Name.
    pub vpc_name: String,
    /// Region.
    pub region_id: String,
    /// `Pending` or `Available`.
    pub status: String,
    /// IPv4 CIDR block.
    pub cidr_block: String,
    /// IPv6 CIDR block.
    pub ipv6_cidr_block: String,
    /// Whether it is the region's default VPC.
    #[serde(deserialize_with = "de::boolean")]
    pub is_default: bool,
    /// Description.
    pub description: String,
    /// `YYYY-MM-DDThh:mm:ssZ`.
    pub creation_time: String,
    /// Router id.
    #[serde(rename = "VRouterId")]
    pub vrouter_id: String,
    /// The VPC's vSwitches.
    #[serde(rename = "VSwitchIds")]
    pub vswitch_ids: VSwitchIds,
    /// Resource group.
    pub resource_group_id: String,
    /// Owner account.
    #[serde(deserialize_with = "de::int")]
    pub owner_id: i64,
    /// Tags (`Key`/`Value`).
    pub tags: EipTags,
}

/// `VSwitchIds` wrapper.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct VSwitchIds {
    /// vSwitch IDs.
    #[serde(rename = "VSwitchId", deserialize_with = "de::list")]
    pub vswitch_id: Vec<String>,
}

rpc_request! {
    /// `DescribeVSwitches` (paged, `PageSize` at most 50).
    pub struct DescribeVSwitchesRequest {
        required {
            /// The region.
            region_id = "RegionId",
        }
        optional {
            /// VPC filter.
            vpc_id: String = "VpcId",
            /// vSwitch filter.
            vswitch_id: String = "VSwitchId",
            /// Zone filter.
            zone_id: String = "ZoneId",
            /// Name filter.
            vswitch_name: String = "VSwitchName",
            /// Only default vSwitches.
            is_default: bool = "IsDefault",
            /// Resource group.
            resource_group_id: String = "ResourceGroupId",
            /// Check only.
            dry_run: bool = "DryRun",
            /// Page number, from 1.
            page_number: u32 = "PageNumber",
            /// Page size, at most 50.
            page_size: u32 = "PageSize",
        }
        repeated {}
        json_list {}
        route {}
    }
}
impl_action!(DescribeVSwitchesRequest => DescribeVSwitchesResponse, Vpc, "DescribeVSwitches",
    region: field, client_token: false, retry_on: &[],
    method:
        /// One page.
        describe_vswitches,
    paged: page_number { max: 50, items: VSwitch = vswitches.vswitch, all: describe_vswitches_all });

/// Response of `DescribeVSwitches`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct DescribeVSwitchesResponse {
    /// `RequestId`.
    pub request_id: String,
    /// Total matching vSwitches.
    #[serde(deserialize_with = "de::int")]
    pub total_count: i64,
    /// Page number.
    #[serde(deserialize_with = "de::int")]
    pub page_number: i64,
    /// Page size.
    #[serde(deserialize_with = "de::int")]
    pub page_size: i64,
    /// The vSwitches.
    #[serde(rename = "VSwitches")]
    pub vswitches: VSwitches,
}

/// `VSwitches` wrapper.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VSwitches {
    /// The vSwitches.
    #[serde(rename = "VSwitch", deserialize_with = "de::list")]
    pub vswitch: Vec<VSwitch>,
}

/// One vSwitch.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct VSwitch {
    /// `vsw-...`.
    #[serde(rename = "VSwitchId")]
    pub vswitch_id: String,
    /// Name.
    #[serde(rename = "VSwitchName")]
    pub vswitch_name: String,
    /// Its VPC.
    pub vpc_id: String,
    /// Its zone.
    pub zone_id: String,
    /// `Pending` or `Available`.
    pub status: String,
    /// IPv4 CIDR block.
    pub cidr_block: String,
    /// IPv6 CIDR block.
    pub ipv6_cidr_block: String,
    /// Free IPv4 addresses.
    #[serde(deserialize_with = "de::int")]
    pub available_ip_address_count: i64,
    /// Whether it is a default vSwitch.
    #[serde(deserialize_with = "de::boolean")]
    pub is_default: bool,
    /// Description.
    pub description: String,
    /// `YYYY-MM-DDThh:mm:ssZ`.
    pub creation_time: String,
    /// Network ACL.
    pub network_acl_id: String,
    /// Resource group.
    pub resource_group_id: String,
    /// Owner account.
    #[serde(deserialize_with = "de::int")]
    pub owner_id: i64,
    /// Tags (`Key`/`Value`).
    pub tags: EipTags,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_vpcs_and_vswitches() {
        let vpcs: DescribeVpcsResponse = serde_json::from_str(
            r#"{"RequestId":"R","TotalCount":1,
            "Vpcs":{"Vpc":[{"VpcId":"vpc-1","CidrBlock":"192.168.0.0/16","IsDefault":false,
            "VRouterId":"vrt-1","VSwitchIds":{"VSwitchId":["vsw-1"]},"OwnerId":123}]}}"#,
        )
        .unwrap();
        let v = &vpcs.vpcs.vpc[0];
        assert_eq!(
            (v.vrouter_id.as_str(), v.vswitch_ids.vswitch_id[0].as_str()),
            ("vrt-1", "vsw-1")
        );
        let vsw: DescribeVSwitchesResponse = serde_json::from_str(
            r#"{"TotalCount":1,
            "VSwitches":{"VSwitch":[{"VSwitchId":"vsw-1","VpcId":"vpc-1","ZoneId":"cn-hangzhou-h",
            "AvailableIpAddressCount":250,"VSwitchName":"a"}]}}"#,
        )
        .unwrap();
        let s = &vsw.vswitches.vswitch[0];
        assert_eq!(
            (s.vswitch_id.as_str(), s.available_ip_address_count),
            ("vsw-1", 250)
        );
        assert_eq!(s.vswitch_name, "a");
        let regions: DescribeRegionsResponse = serde_json::from_str(
            r#"{"Regions":{"Region":[{"RegionId":"cn-hangzhou","LocalName":"x","RegionEndpoint":"vpc.aliyuncs.com"}]}}"#).unwrap();
        assert_eq!(
            regions.regions.region[0].region_endpoint,
            "vpc.aliyuncs.com"
        );
    }
}
