//! Response types of the VPC EIP actions (`DescribeEipAddresses` item and wrappers,
//! `AllocateEipAddress`). Field names follow the official SDK models exactly.

use serde::{Deserialize, Serialize};

use crate::de;

/// One EIP as `DescribeEipAddresses` returns it (`EipAddresses.EipAddress[]`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct EipAddress {
    /// `eip-...`.
    pub allocation_id: String,
    /// The public IP address.
    pub ip_address: String,
    /// `Associating`, `Unassociating`, `InUse`, `Available`, `Releasing`.
    pub status: crate::states::EipStatus,
    /// What it is bound to: `EcsInstance`, `SlbInstance`, `Nat`, `HaVip`,
    /// `NetworkInterface`, `IpAddress` (empty when unbound).
    pub instance_type: crate::states::EipTargetType,
    /// The bound instance (an ENI id for `NetworkInterface`).
    pub instance_id: String,
    /// Region of the bound instance.
    pub instance_region_id: String,
    /// Private IP of the secondary ENI it is bound to.
    pub private_ip_address: String,
    /// `NAT`, `MULTI_BINDED` or `BINDED` (cut-through).
    pub mode: crate::states::EipMode,
    /// `PostPaid` or `PrePaid`.
    pub charge_type: String,
    /// `PayByBandwidth` or `PayByTraffic`.
    pub internet_charge_type: String,
    /// Peak bandwidth in Mbit/s (a string in the API).
    #[serde(deserialize_with = "de::string")]
    pub bandwidth: String,
    /// Bandwidth of the EIP itself when in a bandwidth package.
    #[serde(deserialize_with = "de::string")]
    pub eip_bandwidth: String,
    /// The EIP's region.
    pub region_id: String,
    /// Name.
    pub name: String,
    /// Description.
    pub description: String,
    /// `YYYY-MM-DDThh:mm:ssZ`.
    pub allocation_time: String,
    /// Expiry of a subscription EIP.
    pub expired_time: String,
    /// Line type, e.g. `BGP`.
    #[serde(rename = "ISP")]
    pub isp: String,
    /// `public`.
    pub netmode: String,
    /// `Normal`, `OperationLock`, `Unactivated`.
    pub business_status: String,
    /// Locks (`financial`, `security`, ...).
    pub operation_locks: EipOperationLocks,
    /// Whether deletion protection is on.
    #[serde(deserialize_with = "de::boolean")]
    pub deletion_protection: bool,
    /// Whether second-level monitoring limits apply.
    #[serde(deserialize_with = "de::boolean")]
    pub second_limited: bool,
    /// `"true"`/`"false"`.
    #[serde(rename = "HDMonitorStatus", deserialize_with = "de::string")]
    pub hd_monitor_status: String,
    /// Whether a pending configuration change exists.
    #[serde(deserialize_with = "de::string")]
    pub has_reservation_data: String,
    /// When the pending change takes effect.
    pub reservation_active_time: String,
    /// Pending bandwidth.
    #[serde(deserialize_with = "de::string")]
    pub reservation_bandwidth: String,
    /// Pending metering method.
    pub reservation_internet_charge_type: String,
    /// Pending order type.
    pub reservation_order_type: String,
    /// Bandwidth package id, if in one.
    pub bandwidth_package_id: String,
    /// Bandwidth package bandwidth.
    #[serde(deserialize_with = "de::string")]
    pub bandwidth_package_bandwidth: String,
    /// `CommonBandwidthPackage`.
    pub bandwidth_package_type: String,
    /// Resource group.
    pub resource_group_id: String,
    /// Segment (contiguous EIP group) id.
    pub segment_instance_id: String,
    /// IP address pool.
    pub public_ip_address_pool_id: String,
    /// VPC of an `IpAddress` binding.
    pub vpc_id: String,
    /// Zone (CloudBox).
    pub zone: String,
    /// `CloudBox` or `Default`.
    pub biz_type: String,
    /// 1 when managed by a cloud service.
    #[serde(deserialize_with = "de::int")]
    pub service_managed: i64,
    /// The managing service's id.
    #[serde(rename = "ServiceID", deserialize_with = "de::int")]
    pub service_id: i64,
    /// `AntiDDoS_Enhanced` etc.
    pub security_protection_types: SecurityProtectionTypes,
    /// Tags (`Key`/`Value`).
    pub tags: EipTags,
}

/// `OperationLocks` of an EIP.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct EipOperationLocks {
    /// The locks.
    #[serde(deserialize_with = "de::list")]
    pub lock_reason: Vec<EipLockReason>,
}

/// One lock.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct EipLockReason {
    /// `financial`, `security`, `sharedPool`.
    pub lock_reason: String,
}

/// `SecurityProtectionTypes` of an EIP.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct SecurityProtectionTypes {
    /// The protection types.
    #[serde(deserialize_with = "de::list")]
    pub security_protection_type: Vec<String>,
}

/// VPC-style tags: `{"Tag":[{"Key":..,"Value":..}]}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct EipTags {
    /// The tags.
    #[serde(deserialize_with = "de::list")]
    pub tag: Vec<VpcTag>,
}

/// One VPC-style tag.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct VpcTag {
    /// Tag key.
    pub key: String,
    /// Tag value.
    pub value: String,
}

/// `EipAddresses` wrapper.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct EipAddresses {
    /// The EIPs of this page.
    #[serde(deserialize_with = "de::list")]
    pub eip_address: Vec<EipAddress>,
}

/// Response of `DescribeEipAddresses`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct DescribeEipAddressesResponse {
    /// `RequestId`.
    pub request_id: String,
    /// Total matching EIPs across pages.
    #[serde(deserialize_with = "de::int")]
    pub total_count: i64,
    /// This page's number.
    #[serde(deserialize_with = "de::int")]
    pub page_number: i64,
    /// Page size.
    #[serde(deserialize_with = "de::int")]
    pub page_size: i64,
    /// The EIPs.
    pub eip_addresses: EipAddresses,
}

/// Response of `AllocateEipAddress`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct AllocateEipAddressResponse {
    /// `RequestId`.
    pub request_id: String,
    /// The new EIP's id.
    pub allocation_id: String,
    /// The new EIP's address (returned for PostPaid only).
    pub eip_address: String,
    /// Order id (PrePaid).
    #[serde(deserialize_with = "de::int")]
    pub order_id: i64,
    /// Resource group.
    pub resource_group_id: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_sdk_and_doc_shapes() {
        let sdk = r#"{"RequestId":"R","TotalCount":1,"PageNumber":1,"PageSize":10,
          "EipAddresses":{"EipAddress":[{"AllocationId":"eip-1","IpAddress":"47.1.1.1",
          "Status":"InUse","InstanceType":"NetworkInterface","InstanceId":"eni-1",
          "PrivateIpAddress":"192.168.0.5","Mode":"BINDED","Bandwidth":"5","ISP":"BGP",
          "HDMonitorStatus":"false","ServiceManaged":0,"Unknown":{"x":1},
          "Tags":{"Tag":[{"Key":"k","Value":"v"}]},
          "OperationLocks":{"LockReason":[{"LockReason":"financial"}]}}]}}"#;
        let r: DescribeEipAddressesResponse = serde_json::from_str(sdk).unwrap();
        let e = &r.eip_addresses.eip_address[0];
        assert_eq!(
            (
                e.allocation_id.as_str(),
                e.mode.as_str(),
                e.bandwidth.as_str()
            ),
            ("eip-1", "BINDED", "5")
        );
        assert_eq!(e.isp, "BGP");
        assert_eq!(e.tags.tag[0].key, "k");
        assert_eq!(e.operation_locks.lock_reason[0].lock_reason, "financial");
        // The 2021 doc sample: a single object and a numeric bandwidth.
        let doc = r#"{"RequestId":"R","TotalCount":"1","EipAddresses":{"EipAddress":{"AllocationId":"eip-2","Bandwidth":5}}}"#;
        let r: DescribeEipAddressesResponse = serde_json::from_str(doc).unwrap();
        assert_eq!(r.total_count, 1);
        assert_eq!(r.eip_addresses.eip_address[0].bandwidth, "5");
    }
}
