//! `DescribeVpcs` and `DescribeVSwitches` items (VPC `Vpc` and `VSwitch` models).

use serde::Serialize;

use super::DEFAULT_RESOURCE_GROUP;
use super::shapes::{NoItems, One, Time, empty};
use crate::state::model::{VSwitch, Vpc};

/// One VPC. Fields in byte order of their names.
#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct VpcView<'a> {
    cen_status: &'static str,
    cidr_block: &'a str,
    creation_time: Time,
    description: &'a str,
    dhcp_options_set_id: &'static str,
    dhcp_options_set_status: &'static str,
    dns_hostname_status: &'static str,
    enabled_ipv6: bool,
    ipv6_cidr_block: &'static str,
    ipv6_cidr_blocks: One<NoItems>,
    is_default: bool,
    nat_gateway_ids: One<NoItems>,
    owner_id: u64,
    region_id: &'a str,
    resource_group_id: &'static str,
    router_table_ids: One<[&'a str; 1]>,
    secondary_cidr_blocks: One<NoItems>,
    status: &'static str,
    tags: One<NoItems>,
    user_cidrs: One<NoItems>,
    #[serde(rename = "VRouterId")]
    vrouter_id: &'a str,
    #[serde(rename = "VSwitchIds")]
    vswitch_ids: One<Vec<&'a str>>,
    vpc_id: &'a str,
    vpc_name: &'a str,
}

impl<'a> VpcView<'a> {
    /// The view of `v` with the IDs of its vSwitches.
    pub fn new(
        v: &'a Vpc,
        vswitch_ids: Vec<&'a str>,
        region_id: &'a str,
        account_id: &str,
    ) -> Self {
        Self {
            cen_status: "Detached",
            cidr_block: &v.cidr,
            creation_time: Time::at(v.created_ms),
            description: &v.description,
            dhcp_options_set_id: "",
            dhcp_options_set_status: "",
            dns_hostname_status: "DISABLED",
            enabled_ipv6: false,
            ipv6_cidr_block: "",
            ipv6_cidr_blocks: empty("Ipv6CidrBlock"),
            is_default: v.is_default,
            nat_gateway_ids: empty("NatGatewayIds"),
            owner_id: account_id.parse().unwrap_or(0),
            region_id,
            resource_group_id: DEFAULT_RESOURCE_GROUP,
            router_table_ids: One("RouterTableIds", [v.route_table_id.as_str()]),
            secondary_cidr_blocks: empty("SecondaryCidrBlock"),
            status: "Available",
            tags: empty("Tag"),
            user_cidrs: empty("UserCidr"),
            vrouter_id: &v.vrouter_id,
            vswitch_ids: One("VSwitchId", vswitch_ids),
            vpc_id: &v.id,
            vpc_name: &v.name,
        }
    }
}

/// One vSwitch. Fields in byte order of their names.
#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct VSwitchView<'a> {
    available_ip_address_count: u32,
    cidr_block: &'a str,
    creation_time: Time,
    description: &'a str,
    enabled_ipv6: bool,
    ipv6_cidr_block: &'static str,
    is_default: bool,
    network_acl_id: &'static str,
    owner_id: u64,
    resource_group_id: &'static str,
    route_table: RouteTable<'a>,
    share_type: &'static str,
    status: &'static str,
    tags: One<NoItems>,
    #[serde(rename = "VSwitchId")]
    vswitch_id: &'a str,
    #[serde(rename = "VSwitchName")]
    vswitch_name: &'a str,
    vpc_id: &'a str,
    zone_id: &'a str,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
struct RouteTable<'a> {
    route_table_id: &'a str,
    route_table_type: &'static str,
}

impl<'a> VSwitchView<'a> {
    /// The view of `s` with its free address count and its VPC's route table.
    pub fn new(s: &'a VSwitch, available: u32, route_table_id: &'a str, account_id: &str) -> Self {
        Self {
            available_ip_address_count: available,
            cidr_block: &s.cidr,
            creation_time: Time::at(s.created_ms),
            description: &s.description,
            enabled_ipv6: false,
            ipv6_cidr_block: "",
            is_default: s.is_default,
            network_acl_id: "",
            owner_id: account_id.parse().unwrap_or(0),
            resource_group_id: DEFAULT_RESOURCE_GROUP,
            route_table: RouteTable {
                route_table_id,
                route_table_type: "System",
            },
            share_type: "Sharing",
            status: "Available",
            tags: empty("Tag"),
            vswitch_id: &s.id,
            vswitch_name: &s.name,
            vpc_id: &s.vpc_id,
            zone_id: &s.zone_id,
        }
    }
}
