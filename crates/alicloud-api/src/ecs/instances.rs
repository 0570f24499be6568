//! ECS `DescribeInstances`: request, the `Instance` model, and its paging and typed
//! [`Client`](crate::Client) methods (declared with `impl_action!`).

use serde::{Deserialize, Serialize};

use crate::action::{impl_action, rpc_request};
use crate::de;

use super::eni_types::{EcsTags, SecurityGroupIds};

rpc_request! {
    /// `DescribeInstances` (paged by `NextToken`/`MaxResults`, at most 100).
    pub struct DescribeInstancesRequest {
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
            /// Name filter (`*` wildcard).
            instance_name: String = "InstanceName",
            /// `Pending`, `Running`, `Starting`, `Stopping`, `Stopped`.
            status: String = "Status",
            /// Instance type filter.
            instance_type: String = "InstanceType",
            /// Instance type family filter.
            instance_type_family: String = "InstanceTypeFamily",
            /// Security group filter.
            security_group_id: String = "SecurityGroupId",
            /// `classic` or `vpc`.
            instance_network_type: String = "InstanceNetworkType",
            /// `PrePaid` or `PostPaid`.
            instance_charge_type: String = "InstanceChargeType",
            /// `PayByBandwidth` or `PayByTraffic`.
            internet_charge_type: String = "InternetChargeType",
            /// Resource group.
            resource_group_id: String = "ResourceGroupId",
            /// Image filter.
            image_id: String = "ImageId",
            /// Key pair filter.
            key_pair_name: String = "KeyPairName",
            /// Check only.
            dry_run: bool = "DryRun",
            /// At most 100 per page.
            max_results: u32 = "MaxResults",
            /// Token from the previous page.
            next_token: String = "NextToken",
            /// Deprecated paging.
            page_number: u32 = "PageNumber",
            /// Deprecated paging.
            page_size: u32 = "PageSize",
        }
        repeated {
            /// e.g. `META_OPTIONS`, `NETWORK_PRIMARY_ENI_IP`.
            additional_attributes = "AdditionalAttributes",
        }
        json_list {
            /// Up to 100 instance IDs (sent as a JSON array).
            instance_ids = "InstanceIds",
            /// Private IPs (JSON array).
            private_ip_addresses = "PrivateIpAddresses",
            /// Public IPs (JSON array).
            public_ip_addresses = "PublicIpAddresses",
            /// EIPs (JSON array).
            eip_addresses = "EipAddresses",
        }
        route {}
    }
}
impl_action!(DescribeInstancesRequest => DescribeInstancesResponse, Ecs, "DescribeInstances",
region: field, client_token: false, retry_on: &[],
method:
    /// One page.
    describe_instances,
paged: next_token {
    max: 100,
    items: Instance = instances.instance,
    all: describe_instances_all,
    pages: describe_instances_pages,
});

/// Response of `DescribeInstances`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct DescribeInstancesResponse {
    /// `RequestId`.
    pub request_id: String,
    /// Total matching instances.
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
    /// The instances.
    pub instances: Instances,
}

/// `Instances` wrapper.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct Instances {
    /// The instances.
    #[serde(deserialize_with = "de::list")]
    pub instance: Vec<Instance>,
}

/// One ECS instance (the fields EIP Desk uses; others are ignored).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct Instance {
    /// `i-...`.
    pub instance_id: String,
    /// Name.
    pub instance_name: String,
    /// Description.
    pub description: String,
    /// Host name.
    pub host_name: String,
    /// `Pending`, `Starting`, `Running`, `Stopping`, `Stopped`.
    pub status: crate::states::InstanceStatus,
    /// Region.
    pub region_id: String,
    /// Zone.
    pub zone_id: String,
    /// e.g. `ecs.g6.large`.
    pub instance_type: String,
    /// e.g. `ecs.g6`.
    pub instance_type_family: String,
    /// `PrePaid` or `PostPaid`.
    pub instance_charge_type: String,
    /// `PayByBandwidth` or `PayByTraffic`.
    pub internet_charge_type: String,
    /// Inbound public bandwidth, Mbit/s.
    #[serde(deserialize_with = "de::int")]
    pub internet_max_bandwidth_in: i64,
    /// Outbound public bandwidth, Mbit/s.
    #[serde(deserialize_with = "de::int")]
    pub internet_max_bandwidth_out: i64,
    /// vCPUs.
    #[serde(deserialize_with = "de::int")]
    pub cpu: i64,
    /// Memory, MiB.
    #[serde(deserialize_with = "de::int")]
    pub memory: i64,
    /// OS name.
    #[serde(rename = "OSName")]
    pub os_name: String,
    /// OS name in English.
    #[serde(rename = "OSNameEn")]
    pub os_name_en: String,
    /// `linux` or `windows`.
    #[serde(rename = "OSType")]
    pub os_type: String,
    /// Image.
    pub image_id: String,
    /// `YYYY-MM-DDThh:mmZ`.
    pub creation_time: String,
    /// Last start time.
    pub start_time: String,
    /// Expiry (subscription).
    pub expired_time: String,
    /// `classic` or `vpc`.
    pub instance_network_type: String,
    /// I/O optimized.
    #[serde(deserialize_with = "de::boolean")]
    pub io_optimized: bool,
    /// Key pair.
    pub key_pair_name: String,
    /// Resource group.
    pub resource_group_id: String,
    /// Serial number.
    pub serial_number: String,
    /// Release protection.
    #[serde(deserialize_with = "de::boolean")]
    pub deletion_protection: bool,
    /// `KeepCharging`, `StopCharging`, `Not-applicable`.
    pub stopped_mode: String,
    /// The instance's ENIs.
    pub network_interfaces: InstanceNetworkInterfaces,
    /// VPC attributes.
    pub vpc_attributes: VpcAttributes,
    /// The EIP bound in NAT mode, if any.
    pub eip_address: InstanceEipAddress,
    /// Classic public IPs.
    pub public_ip_address: IpAddressList,
    /// Classic internal IPs.
    pub inner_ip_address: IpAddressList,
    /// Security groups.
    pub security_group_ids: SecurityGroupIds,
    /// Tags (`TagKey`/`TagValue`).
    pub tags: EcsTags,
    /// Locks.
    pub operation_locks: InstanceOperationLocks,
}

impl Instance {
    /// The OS name in English (`OSNameEn`) when the API gives one, else `OSName` (which is in
    /// the console's language, often Chinese).
    pub fn os_name_english(&self) -> &str {
        if self.os_name_en.is_empty() {
            &self.os_name
        } else {
            &self.os_name_en
        }
    }
}

/// `{"IpAddress": [...]}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct IpAddressList {
    /// The addresses.
    #[serde(deserialize_with = "de::list")]
    pub ip_address: Vec<String>,
}

/// `NetworkInterfaces` of an instance.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct InstanceNetworkInterfaces {
    /// The ENIs.
    #[serde(deserialize_with = "de::list")]
    pub network_interface: Vec<InstanceNetworkInterface>,
}

/// One ENI of an instance (no status or EIP fields here).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct InstanceNetworkInterface {
    /// `eni-...`.
    pub network_interface_id: String,
    /// `Primary` or `Secondary`.
    #[serde(rename = "Type")]
    pub interface_type: String,
    /// MAC address.
    pub mac_address: String,
    /// Primary private IP.
    pub primary_ip_address: String,
    /// Private IPs.
    pub private_ip_sets: super::eni_types::PrivateIpSets,
}

/// `VpcAttributes` of an instance.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct VpcAttributes {
    /// VPC.
    pub vpc_id: String,
    /// vSwitch.
    #[serde(rename = "VSwitchId")]
    pub vswitch_id: String,
    /// NAT IP.
    pub nat_ip_address: String,
    /// Private IPs.
    pub private_ip_address: IpAddressList,
}

/// `EipAddress` of an instance (`Bandwidth` is an integer here, unlike VPC).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct InstanceEipAddress {
    /// The EIP.
    pub allocation_id: String,
    /// Its address.
    pub ip_address: String,
    /// Mbit/s.
    #[serde(deserialize_with = "de::int")]
    pub bandwidth: i64,
    /// Metering.
    pub internet_charge_type: String,
    /// Whether it can be unbound.
    #[serde(deserialize_with = "de::boolean")]
    pub is_support_unassociate: bool,
}

/// `OperationLocks` of an instance.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct InstanceOperationLocks {
    /// The locks.
    #[serde(deserialize_with = "de::list")]
    pub lock_reason: Vec<InstanceLockReason>,
}

/// One instance lock.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct InstanceLockReason {
    /// Message.
    pub lock_msg: String,
    /// `financial`, `security`, `recycling`, ...
    pub lock_reason: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_instances() {
        let body = r#"{"RequestId":"R","NextToken":"","Instances":{"Instance":[{"InstanceId":"i-1",
          "Status":"Running","Cpu":2,"Memory":8192,"OSType":"linux","ZoneId":"cn-hangzhou-h",
          "VpcAttributes":{"VpcId":"vpc-1","VSwitchId":"vsw-1","PrivateIpAddress":{"IpAddress":["192.168.0.2"]}},
          "NetworkInterfaces":{"NetworkInterface":[{"NetworkInterfaceId":"eni-p","Type":"Primary","PrimaryIpAddress":"192.168.0.2"}]},
          "EipAddress":{"AllocationId":"","IpAddress":"","Bandwidth":0},"Anything":[1,2]}]}}"#;
        let r: DescribeInstancesResponse = serde_json::from_str(body).unwrap();
        let i = &r.instances.instance[0];
        assert_eq!((i.cpu, i.memory, i.os_type.as_str()), (2, 8192, "linux"));
        assert_eq!(
            i.vpc_attributes.private_ip_address.ip_address,
            vec!["192.168.0.2"]
        );
        assert_eq!(
            i.network_interfaces.network_interface[0].interface_type,
            "Primary"
        );
        let req = DescribeInstancesRequest::new("cn-hangzhou").instance_ids(["i-1", "i-2"]);
        assert!(
            req.to_params()
                .contains(&("InstanceIds".into(), r#"["i-1","i-2"]"#.into()))
        );
    }
}
