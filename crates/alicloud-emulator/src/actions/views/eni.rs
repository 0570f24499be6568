//! A `DescribeNetworkInterfaces` item (ECS `NetworkInterfaceSet` model), with the EIP mapped
//! to each of its private IPs.

use serde::{Serialize, Serializer};

use super::shapes::{EcsTags, NoItems, One, PublicIp, Seq, Time, empty};
use super::{BoundIndex, DEFAULT_RESOURCE_GROUP};
use crate::state::model::WireName as _;
use crate::state::model::{Eni, EniType};

/// One ENI. Fields in byte order of their names.
#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct EniView<'a> {
    associated_public_ip: PublicIp<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    attachment: Option<Attachment<'a>>,
    creation_time: Time,
    delete_on_release: bool,
    description: &'a str,
    instance_id: &'a str,
    ipv4_prefix_sets: One<NoItems>,
    ipv6_prefix_sets: One<NoItems>,
    ipv6_sets: One<NoItems>,
    mac_address: &'a str,
    network_interface_id: &'a str,
    network_interface_name: &'a str,
    network_interface_traffic_mode: &'static str,
    owner_id: &'a str,
    private_ip_address: &'a str,
    private_ip_sets: One<PrivateIpSets<'a>>,
    queue_number: u8,
    queue_pair_number: u8,
    resource_group_id: &'static str,
    security_group_ids: One<&'a [String]>,
    service_managed: bool,
    source_dest_check: bool,
    status: &'static str,
    tags: EcsTags<'a>,
    #[serde(rename = "Type")]
    kind: &'static str,
    #[serde(rename = "VSwitchId")]
    vswitch_id: &'a str,
    vpc_id: &'a str,
    zone_id: &'a str,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
struct Attachment<'a> {
    device_index: u8,
    instance_id: &'a str,
    network_card_index: u8,
    trunk_network_interface_id: &'static str,
}

/// The primary IP then the secondary ones, each with its EIP.
#[derive(Debug, Clone, Copy)]
struct PrivateIpSets<'a> {
    eni: &'a Eni,
    bound: &'a BoundIndex<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct PrivateIp<'a> {
    associated_public_ip: PublicIp<'a>,
    primary: bool,
    private_dns_name: &'static str,
    private_ip_address: &'a str,
}

impl Serialize for PrivateIpSets<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let Self { eni, bound } = *self;
        let ips = std::iter::once(eni.primary_ip.as_str())
            .chain(eni.secondary_ips.iter().map(String::as_str))
            .enumerate()
            .map(|(k, ip)| PrivateIp {
                associated_public_ip: PublicIp(bound.for_ip(eni, ip)),
                primary: k == 0,
                private_dns_name: "",
                private_ip_address: ip,
            });
        Seq(ips).serialize(serializer)
    }
}

impl<'a> EniView<'a> {
    /// The view of `e`, owned by `account_id`.
    pub fn new(e: &'a Eni, bound: &'a BoundIndex<'a>, account_id: &'a str) -> Self {
        Self {
            associated_public_ip: PublicIp(bound.for_ip(e, &e.primary_ip)),
            attachment: e.instance_id.as_deref().map(|instance_id| Attachment {
                device_index: if e.kind == EniType::Primary { 0 } else { 1 },
                instance_id,
                network_card_index: 0,
                trunk_network_interface_id: "",
            }),
            creation_time: Time::at(e.created_ms),
            delete_on_release: e.delete_on_release,
            description: &e.description,
            instance_id: e.instance_id.as_deref().unwrap_or(""),
            ipv4_prefix_sets: empty("Ipv4PrefixSet"),
            ipv6_prefix_sets: empty("Ipv6PrefixSet"),
            ipv6_sets: empty("Ipv6Set"),
            mac_address: &e.mac,
            network_interface_id: &e.id,
            network_interface_name: &e.name,
            network_interface_traffic_mode: "Standard",
            owner_id: account_id,
            private_ip_address: &e.primary_ip,
            private_ip_sets: One("PrivateIpSet", PrivateIpSets { eni: e, bound }),
            queue_number: 2,
            queue_pair_number: 0,
            resource_group_id: DEFAULT_RESOURCE_GROUP,
            security_group_ids: One("SecurityGroupId", &e.security_group_ids),
            service_managed: false,
            source_dest_check: false,
            status: e.status.as_str(),
            tags: EcsTags(&e.tags),
            kind: e.kind.as_str(),
            vswitch_id: &e.vswitch_id,
            vpc_id: &e.vpc_id,
            zone_id: &e.zone_id,
        }
    }
}
