//! Response types of the ECS ENI actions (`DescribeNetworkInterfaces` item and wrappers,
//! `CreateNetworkInterface`), plus the small wrappers ECS responses share.

use serde::{Deserialize, Serialize};

use crate::de;

/// One ENI (`NetworkInterfaceSets.NetworkInterfaceSet[]`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct NetworkInterfaceSet {
    /// `eni-...`.
    pub network_interface_id: String,
    /// Name.
    pub network_interface_name: String,
    /// Description.
    pub description: String,
    /// `Available`, `Attaching`, `InUse`, `Detaching`, `Deleting` (`CreateFailed` in old docs).
    pub status: crate::states::EniStatus,
    /// `Primary` or `Secondary` (JSON `Type`).
    #[serde(rename = "Type")]
    pub interface_type: String,
    /// The instance it is attached to (empty when not attached).
    pub instance_id: String,
    /// Its VPC.
    pub vpc_id: String,
    /// Its vSwitch.
    #[serde(rename = "VSwitchId")]
    pub vswitch_id: String,
    /// Its zone.
    pub zone_id: String,
    /// Primary private IPv4 address.
    pub private_ip_address: String,
    /// MAC address.
    pub mac_address: String,
    /// Security groups.
    pub security_group_ids: SecurityGroupIds,
    /// The public IP associated with the primary private IP.
    pub associated_public_ip: AssociatedPublicIp,
    /// All private IPv4 addresses.
    pub private_ip_sets: PrivateIpSets,
    /// IPv6 addresses.
    pub ipv6_sets: Ipv6Sets,
    /// Attachment details.
    pub attachment: Attachment,
    /// Tags (`TagKey`/`TagValue`).
    pub tags: EcsTags,
    /// `YYYY-MM-DDThh:mm:ssZ`.
    pub creation_time: String,
    /// Owner account (a string here).
    #[serde(deserialize_with = "de::string")]
    pub owner_id: String,
    /// Resource group.
    pub resource_group_id: String,
    /// Released with the instance.
    #[serde(deserialize_with = "de::boolean")]
    pub delete_on_release: bool,
    /// Managed by another cloud service.
    #[serde(deserialize_with = "de::boolean")]
    pub service_managed: bool,
    /// Source/destination check.
    #[serde(deserialize_with = "de::boolean")]
    pub source_dest_check: bool,
    /// The managing service's id.
    #[serde(rename = "ServiceID", deserialize_with = "de::int")]
    pub service_id: i64,
    /// Queues.
    #[serde(deserialize_with = "de::int")]
    pub queue_number: i64,
    /// Queue pairs.
    #[serde(deserialize_with = "de::int")]
    pub queue_pair_number: i64,
    /// `Standard` or `HighPerformance`.
    pub network_interface_traffic_mode: String,
}

/// `SecurityGroupIds` wrapper.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct SecurityGroupIds {
    /// The IDs.
    #[serde(deserialize_with = "de::list")]
    pub security_group_id: Vec<String>,
}

/// `AssociatedPublicIp` (empty object when none).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct AssociatedPublicIp {
    /// The public IP.
    pub public_ip_address: String,
    /// The EIP's allocation ID (preview).
    pub allocation_id: String,
}

/// `PrivateIpSets` wrapper.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct PrivateIpSets {
    /// The addresses.
    #[serde(deserialize_with = "de::list")]
    pub private_ip_set: Vec<PrivateIpSet>,
}

/// One private IPv4 address of an ENI.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct PrivateIpSet {
    /// The address.
    pub private_ip_address: String,
    /// Whether it is the primary address.
    #[serde(deserialize_with = "de::boolean")]
    pub primary: bool,
    /// Private DNS name.
    pub private_dns_name: String,
    /// Its public IP, if any.
    pub associated_public_ip: AssociatedPublicIp,
}

/// `Ipv6Sets` wrapper.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct Ipv6Sets {
    /// The addresses.
    #[serde(deserialize_with = "de::list")]
    pub ipv6_set: Vec<Ipv6Set>,
}

/// One IPv6 address.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct Ipv6Set {
    /// The address.
    pub ipv6_address: String,
}

/// `Attachment` of an ENI.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct Attachment {
    /// The instance.
    pub instance_id: String,
    /// Device index.
    #[serde(deserialize_with = "de::int")]
    pub device_index: i64,
    /// Network card index.
    #[serde(deserialize_with = "de::int")]
    pub network_card_index: i64,
    /// Trunk ENI.
    pub trunk_network_interface_id: String,
}

/// ECS-style tags: `{"Tag":[{"TagKey":..,"TagValue":..}]}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct EcsTags {
    /// The tags.
    #[serde(deserialize_with = "de::list")]
    pub tag: Vec<EcsTag>,
}

/// One ECS-style tag.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct EcsTag {
    /// Tag key.
    pub tag_key: String,
    /// Tag value.
    pub tag_value: String,
}

/// `NetworkInterfaceSets` wrapper.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct NetworkInterfaceSets {
    /// The ENIs.
    #[serde(deserialize_with = "de::list")]
    pub network_interface_set: Vec<NetworkInterfaceSet>,
}

/// Response of `DescribeNetworkInterfaces`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct DescribeNetworkInterfacesResponse {
    /// `RequestId`.
    pub request_id: String,
    /// Total (not meaningful with `NextToken` paging).
    #[serde(deserialize_with = "de::int")]
    pub total_count: i64,
    /// Page number (deprecated paging).
    #[serde(deserialize_with = "de::int")]
    pub page_number: i64,
    /// Page size (deprecated paging).
    #[serde(deserialize_with = "de::int")]
    pub page_size: i64,
    /// Token of the next page; empty on the last page.
    pub next_token: String,
    /// The ENIs.
    pub network_interface_sets: NetworkInterfaceSets,
}

/// Response of `CreateNetworkInterface` (top level, no wrapper).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct CreateNetworkInterfaceResponse {
    /// `RequestId`.
    pub request_id: String,
    /// The new ENI (empty means none was created).
    pub network_interface_id: String,
    /// Name.
    pub network_interface_name: String,
    /// `Available`.
    pub status: crate::states::EniStatus,
    /// `Secondary`.
    #[serde(rename = "Type")]
    pub interface_type: String,
    /// VPC.
    pub vpc_id: String,
    /// vSwitch.
    #[serde(rename = "VSwitchId")]
    pub vswitch_id: String,
    /// Zone.
    pub zone_id: String,
    /// Primary private IP.
    pub private_ip_address: String,
    /// MAC address.
    pub mac_address: String,
    /// Description.
    pub description: String,
    /// Owner account.
    #[serde(deserialize_with = "de::string")]
    pub owner_id: String,
    /// Resource group.
    pub resource_group_id: String,
    /// Managing service.
    #[serde(rename = "ServiceID", deserialize_with = "de::int")]
    pub service_id: i64,
    /// Managed by a service.
    #[serde(deserialize_with = "de::boolean")]
    pub service_managed: bool,
    /// Source/destination check.
    #[serde(deserialize_with = "de::boolean")]
    pub source_dest_check: bool,
    /// Security groups.
    pub security_group_ids: SecurityGroupIds,
    /// Private IPs.
    pub private_ip_sets: PrivateIpSets,
    /// IPv6 addresses.
    pub ipv6_sets: Ipv6Sets,
    /// Tags.
    pub tags: EcsTags,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_network_interfaces() {
        let body = r#"{"RequestId":"R","TotalCount":2,"NextToken":"AAAA",
          "NetworkInterfaceSets":{"NetworkInterfaceSet":[{"NetworkInterfaceId":"eni-1",
          "Status":"Available","Type":"Secondary","VSwitchId":"vsw-1","PrivateIpAddress":"192.168.0.9",
          "SecurityGroupIds":{"SecurityGroupId":["sg-1"]},"AssociatedPublicIp":{},
          "PrivateIpSets":{"PrivateIpSet":[{"PrivateIpAddress":"192.168.0.9","Primary":true}]},
          "Attachment":{"InstanceId":"i-1","DeviceIndex":1},"OwnerId":"123",
          "Tags":{"Tag":[{"TagKey":"owner","TagValue":"x"}]}}]}}"#;
        let r: DescribeNetworkInterfacesResponse = serde_json::from_str(body).unwrap();
        assert_eq!(r.next_token, "AAAA");
        let eni = &r.network_interface_sets.network_interface_set[0];
        assert_eq!(
            (eni.interface_type.as_str(), eni.vswitch_id.as_str()),
            ("Secondary", "vsw-1")
        );
        assert!(eni.private_ip_sets.private_ip_set[0].primary);
        assert_eq!(eni.attachment.device_index, 1);
        assert_eq!(eni.tags.tag[0].tag_key, "owner");
        assert!(eni.associated_public_ip.public_ip_address.is_empty());
    }
}
