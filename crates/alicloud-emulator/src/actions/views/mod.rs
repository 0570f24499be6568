//! Resource → response JSON, with the exact field names and types of the official SDK
//! models. Derived associations (an ENI's `AssociatedPublicIp`, an instance's `EipAddress`)
//! come from an index of the EIPs bound in the region.

use std::collections::HashMap;

use serde_json::{Value, json};

use super::list;
use crate::auth::timestamp::format_ms;
use crate::state::RegionState;
use crate::state::model::{
    BindTarget, ChargeType, Eip, EipStatus, Eni, EniStatus, EniType, Instance, Tag, VSwitch, Vpc,
    instance_type,
};

/// The resource group every seeded resource is in.
pub const DEFAULT_RESOURCE_GROUP: &str = "rg-acfmzw2jz2z4ldq";

/// EIPs whose association is visible (InUse or Unassociating), by bound instance/ENI ID.
#[derive(Debug)]
pub struct BoundIndex<'a> {
    by_target: HashMap<&'a str, Vec<&'a Eip>>,
}

impl<'a> BoundIndex<'a> {
    /// Indexes a region's EIPs.
    pub fn new(region: &'a RegionState) -> Self {
        let mut by_target: HashMap<&str, Vec<&Eip>> = HashMap::new();
        for eip in region.eips.values() {
            if !matches!(eip.status, EipStatus::InUse | EipStatus::Unassociating) {
                continue;
            }
            if let Some(b) = &eip.binding {
                by_target
                    .entry(b.instance_id.as_str())
                    .or_default()
                    .push(eip);
            }
        }
        Self { by_target }
    }

    /// The EIP mapped to `private_ip` of `eni` (directly, or through the instance for a
    /// primary ENI).
    pub fn for_ip(&self, eni: &Eni, private_ip: &str) -> Option<&'a Eip> {
        let direct = self.by_target.get(eni.id.as_str()).and_then(|v| {
            v.iter()
                .find(|e| {
                    e.binding
                        .as_ref()
                        .is_some_and(|b| b.private_ip == private_ip)
                })
                .copied()
        });
        direct.or_else(|| {
            let instance = eni
                .instance_id
                .as_deref()
                .filter(|_| eni.kind == EniType::Primary)?;
            self.by_target.get(instance).and_then(|v| {
                v.iter()
                    .find(|e| {
                        e.binding.as_ref().is_some_and(|b| {
                            b.target == BindTarget::EcsInstance && b.private_ip == private_ip
                        })
                    })
                    .copied()
            })
        })
    }

    /// The EIP associated with an instance (`EcsInstance` binding).
    pub fn for_instance(&self, instance_id: &str) -> Option<&'a Eip> {
        self.by_target.get(instance_id).and_then(|v| {
            v.iter()
                .find(|e| {
                    e.binding
                        .as_ref()
                        .is_some_and(|b| b.target == BindTarget::EcsInstance)
                })
                .copied()
        })
    }
}

fn tags_key_value(tags: &[Tag]) -> Value {
    list(
        "Tag",
        tags.iter()
            .map(|(k, v)| json!({"Key": k, "Value": v}))
            .collect(),
    )
}

fn tags_ecs(tags: &[Tag]) -> Value {
    list(
        "Tag",
        tags.iter()
            .map(|(k, v)| json!({"TagKey": k, "TagValue": v}))
            .collect(),
    )
}

fn public_ip(eip: Option<&Eip>) -> Value {
    eip.map_or_else(
        || json!({}),
        |e| json!({"PublicIpAddress": e.ip, "AllocationId": e.id}),
    )
}

/// A `DescribeEipAddresses` item.
pub fn eip(e: &Eip, region_id: &str) -> Value {
    let b = e.binding.as_ref();
    json!({
        "AllocationId": e.id,
        "IpAddress": e.ip,
        "Status": e.status.as_str(),
        "InstanceType": b.map_or("", |b| b.target.as_str()),
        "InstanceId": b.map_or("", |b| b.instance_id.as_str()),
        "InstanceRegionId": if b.is_some() { region_id } else { "" },
        "PrivateIpAddress": b.map_or("", |b| b.private_ip.as_str()),
        "Mode": b.map_or("NAT", |b| b.mode.as_str()),
        "VpcId": b.map_or("", |b| b.vpc_id.as_str()),
        "ChargeType": e.charge_type.as_str(),
        "InternetChargeType": e.internet_charge_type,
        "Bandwidth": e.bandwidth.to_string(),
        "EipBandwidth": e.bandwidth.to_string(),
        "RegionId": region_id,
        "Name": e.name,
        "Description": e.description,
        "AllocationTime": format_ms(e.allocated_ms),
        "ExpiredTime": e.expires_ms.map(format_ms).unwrap_or_default(),
        "ISP": e.isp,
        "Netmode": "public",
        "BusinessStatus": "Normal",
        "OperationLocks": {"LockReason": []},
        "DeletionProtection": false,
        "SecondLimited": false,
        "HDMonitorStatus": "false",
        "HasReservationData": "false",
        "ReservationActiveTime": "",
        "ReservationBandwidth": "",
        "ReservationInternetChargeType": "",
        "ReservationOrderType": "",
        "BandwidthPackageId": "",
        "BandwidthPackageBandwidth": "",
        "BandwidthPackageType": "",
        "ResourceGroupId": e.resource_group_id,
        "SegmentInstanceId": "",
        "PublicIpAddressPoolId": "",
        "Zone": "",
        "BizType": "Default",
        "ServiceManaged": 0,
        "SecurityProtectionTypes": {"SecurityProtectionType": []},
        "Tags": tags_key_value(&e.tags),
        "AvailableRegions": {"AvailableRegion": [region_id]},
    })
}

fn private_ip_sets(eni: &Eni, bound: &BoundIndex<'_>) -> Value {
    let mut items = vec![json!({
        "PrivateIpAddress": eni.primary_ip,
        "Primary": true,
        "PrivateDnsName": "",
        "AssociatedPublicIp": public_ip(bound.for_ip(eni, &eni.primary_ip)),
    })];
    for ip in &eni.secondary_ips {
        items.push(json!({
            "PrivateIpAddress": ip,
            "Primary": false,
            "PrivateDnsName": "",
            "AssociatedPublicIp": public_ip(bound.for_ip(eni, ip)),
        }));
    }
    list("PrivateIpSet", items)
}

/// A `DescribeNetworkInterfaces` item.
pub fn eni(e: &Eni, bound: &BoundIndex<'_>, account_id: &str) -> Value {
    let mut v = json!({
        "NetworkInterfaceId": e.id,
        "NetworkInterfaceName": e.name,
        "Description": e.description,
        "Status": e.status.as_str(),
        "Type": e.kind.as_str(),
        "InstanceId": e.instance_id.as_deref().unwrap_or(""),
        "VpcId": e.vpc_id,
        "VSwitchId": e.vswitch_id,
        "ZoneId": e.zone_id,
        "PrivateIpAddress": e.primary_ip,
        "MacAddress": e.mac,
        "SecurityGroupIds": {"SecurityGroupId": e.security_group_ids},
        "AssociatedPublicIp": public_ip(bound.for_ip(e, &e.primary_ip)),
        "PrivateIpSets": private_ip_sets(e, bound),
        "Ipv6Sets": {"Ipv6Set": []},
        "Ipv4PrefixSets": {"Ipv4PrefixSet": []},
        "Ipv6PrefixSets": {"Ipv6PrefixSet": []},
        "Tags": tags_ecs(&e.tags),
        "CreationTime": format_ms(e.created_ms),
        "OwnerId": account_id,
        "ResourceGroupId": DEFAULT_RESOURCE_GROUP,
        "DeleteOnRelease": e.delete_on_release,
        "ServiceManaged": false,
        "SourceDestCheck": false,
        "QueueNumber": 2,
        "QueuePairNumber": 0,
        "NetworkInterfaceTrafficMode": "Standard",
    });
    if let (Some(instance), Some(map)) = (&e.instance_id, v.as_object_mut()) {
        map.insert(
            "Attachment".into(),
            json!({
                "InstanceId": instance,
                "DeviceIndex": if e.kind == EniType::Primary { 0 } else { 1 },
                "NetworkCardIndex": 0,
                "TrunkNetworkInterfaceId": "",
            }),
        );
    }
    v
}

/// A `DescribeInstances` item. `enis` are the region's ENIs attached to it.
pub fn instance(i: &Instance, enis: &[&Eni], bound: &BoundIndex<'_>, region_id: &str) -> Value {
    let t = instance_type(&i.instance_type);
    let primary_ip = enis
        .iter()
        .find(|e| e.kind == EniType::Primary)
        .map_or("", |e| e.primary_ip.as_str());
    let eip = bound.for_instance(&i.id);
    let nics: Vec<Value> = enis
        .iter()
        .filter(|e| matches!(e.status, EniStatus::InUse | EniStatus::Detaching))
        .map(|e| {
            let mut sets = vec![
                json!({"PrivateIpAddress": e.primary_ip, "Primary": true, "PrivateDnsName": ""}),
            ];
            sets.extend(
                e.secondary_ips.iter().map(
                    |ip| json!({"PrivateIpAddress": ip, "Primary": false, "PrivateDnsName": ""}),
                ),
            );
            json!({
                "NetworkInterfaceId": e.id,
                "Type": e.kind.as_str(),
                "MacAddress": e.mac,
                "PrimaryIpAddress": e.primary_ip,
                "PrivateIpSets": {"PrivateIpSet": sets},
                "Ipv6Sets": {"Ipv6Set": []},
                "Ipv4PrefixSets": {"Ipv4PrefixSet": []},
                "Ipv6PrefixSets": {"Ipv6PrefixSet": []},
            })
        })
        .collect();
    json!({
        "InstanceId": i.id,
        "InstanceName": i.name,
        "HostName": i.hostname,
        "Description": i.description,
        "RegionId": region_id,
        "ZoneId": i.zone_id,
        "Status": i.status.as_str(),
        "InstanceType": i.instance_type,
        "InstanceTypeFamily": t.map_or("", |t| t.family),
        "Cpu": t.map_or(0, |t| t.cpu),
        "Memory": t.map_or(0, |t| (t.memory_gib * 1024.0) as u64),
        "ImageId": i.image_id,
        "OSName": i.os_name,
        "OSNameEn": i.os_name,
        "OSType": i.os_type,
        "CreationTime": format_ms(i.created_ms),
        "StartTime": format_ms(i.created_ms),
        "ExpiredTime": "2099-12-31T15:59Z",
        "InstanceChargeType": i.charge_type.as_str(),
        "InternetChargeType": "PayByTraffic",
        "InternetMaxBandwidthIn": 100,
        "InternetMaxBandwidthOut": 0,
        "InstanceNetworkType": "vpc",
        "IoOptimized": true,
        "DeletionProtection": false,
        "DeviceAvailable": true,
        "GPUAmount": 0,
        "GPUSpec": "",
        "Recyclable": false,
        "SerialNumber": serial(&i.id),
        "SpotStrategy": "NoSpot",
        "SpotPriceLimit": 0.0,
        "StoppedMode": "Not-applicable",
        "ResourceGroupId": DEFAULT_RESOURCE_GROUP,
        "KeyPairName": "",
        "CreditSpecification": "",
        "DeploymentSetId": "",
        "LocalStorageAmount": 0,
        "LocalStorageCapacity": 0,
        "VlanId": "",
        "ClusterId": "",
        "HpcClusterId": "",
        "AutoReleaseTime": "",
        "SaleCycle": "",
        "VpcAttributes": {
            "VpcId": i.vpc_id,
            "VSwitchId": i.vswitch_id,
            "NatIpAddress": "",
            "PrivateIpAddress": {"IpAddress": if primary_ip.is_empty() { vec![] } else { vec![primary_ip] }},
        },
        "NetworkInterfaces": {"NetworkInterface": nics},
        "EipAddress": {
            "AllocationId": eip.map_or("", |e| e.id.as_str()),
            "IpAddress": eip.map_or("", |e| e.ip.as_str()),
            "Bandwidth": eip.map_or(0, |e| e.bandwidth),
            "InternetChargeType": eip.map_or("", |e| e.internet_charge_type.as_str()),
            "IsSupportUnassociate": eip.is_some_and(|e| e.charge_type == ChargeType::PostPaid || e.charge_type == ChargeType::PrePaid),
        },
        "PublicIpAddress": {"IpAddress": []},
        "InnerIpAddress": {"IpAddress": []},
        "RdmaIpAddress": {"IpAddress": []},
        "SecurityGroupIds": {"SecurityGroupId": i.security_group_ids},
        "OperationLocks": {"LockReason": []},
        "Tags": tags_ecs(&i.tags),
        "DedicatedHostAttribute": {"DedicatedHostId": "", "DedicatedHostName": "", "DedicatedHostClusterId": ""},
        "DedicatedInstanceAttribute": {"Affinity": "", "Tenancy": ""},
        "EcsCapacityReservationAttr": {"CapacityReservationId": "", "CapacityReservationPreference": ""},
        "HibernationOptions": {"Configured": false},
        "MetadataOptions": {"HttpEndpoint": "enabled", "HttpPutResponseHopLimit": 1, "HttpTokens": "optional"},
        "CpuOptions": {"CoreCount": t.map_or(0, |t| t.cpu / 2), "ThreadsPerCore": 2, "Numa": ""},
        "ImageOptions": {"LoginAsNonRoot": false},
        "PrivateDnsNameOptions": {"EnableInstanceIdDnsAAAARecord": false, "EnableInstanceIdDnsARecord": false, "EnableIpDnsARecord": false, "EnableIpDnsPtrRecord": false, "HostnameType": "Custom"},
        "AdditionalInfo": {"EnableHighDensityMode": false},
    })
}

fn serial(id: &str) -> String {
    let h = alicloud_api::signing::sha256_hex(id.as_bytes());
    format!(
        "{}-{}-{}-{}-{}",
        &h[0..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..32]
    )
}

/// A `DescribeVpcs` item.
pub fn vpc(v: &Vpc, vswitch_ids: Vec<String>, region_id: &str, account_id: &str) -> Value {
    json!({
        "VpcId": v.id,
        "VpcName": v.name,
        "RegionId": region_id,
        "Status": "Available",
        "CidrBlock": v.cidr,
        "Ipv6CidrBlock": "",
        "Description": v.description,
        "IsDefault": v.is_default,
        "CreationTime": format_ms(v.created_ms),
        "VRouterId": v.vrouter_id,
        "ResourceGroupId": DEFAULT_RESOURCE_GROUP,
        "CenStatus": "Detached",
        "DhcpOptionsSetId": "",
        "DhcpOptionsSetStatus": "",
        "DnsHostnameStatus": "DISABLED",
        "EnabledIpv6": false,
        "OwnerId": account_id.parse::<u64>().unwrap_or(0),
        "VSwitchIds": {"VSwitchId": vswitch_ids},
        "UserCidrs": {"UserCidr": []},
        "NatGatewayIds": {"NatGatewayIds": []},
        "RouterTableIds": {"RouterTableIds": [v.route_table_id]},
        "SecondaryCidrBlocks": {"SecondaryCidrBlock": []},
        "Ipv6CidrBlocks": {"Ipv6CidrBlock": []},
        "Tags": {"Tag": []},
    })
}

/// A `DescribeVSwitches` item.
pub fn vswitch(s: &VSwitch, available: u32, route_table_id: &str, account_id: &str) -> Value {
    json!({
        "VSwitchId": s.id,
        "VpcId": s.vpc_id,
        "Status": "Available",
        "CidrBlock": s.cidr,
        "Ipv6CidrBlock": "",
        "ZoneId": s.zone_id,
        "AvailableIpAddressCount": available,
        "Description": s.description,
        "VSwitchName": s.name,
        "CreationTime": format_ms(s.created_ms),
        "IsDefault": s.is_default,
        "ResourceGroupId": DEFAULT_RESOURCE_GROUP,
        "NetworkAclId": "",
        "OwnerId": account_id.parse::<u64>().unwrap_or(0),
        "ShareType": "Sharing",
        "EnabledIpv6": false,
        "RouteTable": {"RouteTableId": route_table_id, "RouteTableType": "System"},
        "Tags": {"Tag": []},
    })
}
