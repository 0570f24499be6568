//! A `DescribeInstances` item (ECS `Instance` model): type figures from the catalog, the
//! attached ENIs, the associated EIP, a serial number derived from the ID, and the constant
//! option blocks the SDK models expect.

use serde::{Serialize, Serializer};
use sha2::{Digest as _, Sha256};

use super::shapes::{EcsTags, NoItems, One, Seq, Time, empty};
use super::{BoundIndex, DEFAULT_RESOURCE_GROUP};
use crate::state::model::WireName as _;
use crate::state::model::{ChargeType, Eip, Eni, EniStatus, EniType, Instance, instance_type};

/// One instance. Fields in byte order of their names.
#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct InstanceView<'a> {
    additional_info: AdditionalInfo,
    auto_release_time: &'static str,
    cluster_id: &'static str,
    cpu: u32,
    cpu_options: CpuOptions,
    creation_time: Time,
    credit_specification: &'static str,
    dedicated_host_attribute: DedicatedHostAttribute,
    dedicated_instance_attribute: DedicatedInstanceAttribute,
    deletion_protection: bool,
    deployment_set_id: &'static str,
    description: &'a str,
    device_available: bool,
    ecs_capacity_reservation_attr: EcsCapacityReservationAttr,
    eip_address: EipAddress<'a>,
    expired_time: &'static str,
    #[serde(rename = "GPUAmount")]
    gpu_amount: u32,
    #[serde(rename = "GPUSpec")]
    gpu_spec: &'static str,
    hibernation_options: HibernationOptions,
    host_name: &'a str,
    hpc_cluster_id: &'static str,
    image_id: &'a str,
    image_options: ImageOptions,
    inner_ip_address: One<NoItems>,
    instance_charge_type: &'static str,
    instance_id: &'a str,
    instance_name: &'a str,
    instance_network_type: &'static str,
    instance_type: &'a str,
    instance_type_family: &'static str,
    internet_charge_type: &'static str,
    internet_max_bandwidth_in: u32,
    internet_max_bandwidth_out: u32,
    io_optimized: bool,
    key_pair_name: &'static str,
    local_storage_amount: u32,
    local_storage_capacity: u32,
    memory: u64,
    metadata_options: MetadataOptions,
    network_interfaces: One<Nics<'a>>,
    #[serde(rename = "OSName")]
    os_name: &'a str,
    #[serde(rename = "OSNameEn")]
    os_name_en: &'a str,
    #[serde(rename = "OSType")]
    os_type: &'a str,
    operation_locks: One<NoItems>,
    private_dns_name_options: PrivateDnsNameOptions,
    public_ip_address: One<NoItems>,
    rdma_ip_address: One<NoItems>,
    recyclable: bool,
    region_id: &'a str,
    resource_group_id: &'static str,
    sale_cycle: &'static str,
    security_group_ids: One<&'a [String]>,
    serial_number: Serial,
    spot_price_limit: f64,
    spot_strategy: &'static str,
    start_time: Time,
    status: &'static str,
    stopped_mode: &'static str,
    tags: EcsTags<'a>,
    vlan_id: &'static str,
    vpc_attributes: VpcAttributes<'a>,
    zone_id: &'a str,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
struct AdditionalInfo {
    enable_high_density_mode: bool,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
struct CpuOptions {
    core_count: u32,
    numa: &'static str,
    threads_per_core: u32,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
struct DedicatedHostAttribute {
    dedicated_host_cluster_id: &'static str,
    dedicated_host_id: &'static str,
    dedicated_host_name: &'static str,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
struct DedicatedInstanceAttribute {
    affinity: &'static str,
    tenancy: &'static str,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
struct EcsCapacityReservationAttr {
    capacity_reservation_id: &'static str,
    capacity_reservation_preference: &'static str,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
struct HibernationOptions {
    configured: bool,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
struct ImageOptions {
    login_as_non_root: bool,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
struct MetadataOptions {
    http_endpoint: &'static str,
    http_put_response_hop_limit: u32,
    http_tokens: &'static str,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
struct PrivateDnsNameOptions {
    #[serde(rename = "EnableInstanceIdDnsAAAARecord")]
    enable_instance_id_dns_aaaa_record: bool,
    #[serde(rename = "EnableInstanceIdDnsARecord")]
    enable_instance_id_dns_a_record: bool,
    #[serde(rename = "EnableIpDnsARecord")]
    enable_ip_dns_a_record: bool,
    enable_ip_dns_ptr_record: bool,
    hostname_type: &'static str,
}

/// The associated EIP (empty fields without one).
#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
struct EipAddress<'a> {
    allocation_id: &'a str,
    bandwidth: u32,
    internet_charge_type: &'a str,
    ip_address: &'a str,
    is_support_unassociate: bool,
}

impl<'a> EipAddress<'a> {
    fn new(eip: Option<&'a Eip>) -> Self {
        Self {
            allocation_id: eip.map_or("", |e| e.id.as_str()),
            bandwidth: eip.map_or(0, |e| e.bandwidth),
            internet_charge_type: eip.map_or("", |e| e.internet_charge_type.as_str()),
            ip_address: eip.map_or("", |e| e.ip.as_str()),
            is_support_unassociate: eip.is_some_and(|e| {
                e.charge_type == ChargeType::PostPaid || e.charge_type == ChargeType::PrePaid
            }),
        }
    }
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
struct VpcAttributes<'a> {
    nat_ip_address: &'static str,
    private_ip_address: One<Seq<std::option::IntoIter<&'a str>>>,
    #[serde(rename = "VSwitchId")]
    vswitch_id: &'a str,
    vpc_id: &'a str,
}

/// The attached ENIs that are in use (or detaching).
#[derive(Debug, Clone, Copy)]
struct Nics<'a>(&'a [&'a Eni]);

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct Nic<'a> {
    ipv4_prefix_sets: One<NoItems>,
    ipv6_prefix_sets: One<NoItems>,
    ipv6_sets: One<NoItems>,
    mac_address: &'a str,
    network_interface_id: &'a str,
    primary_ip_address: &'a str,
    private_ip_sets: One<NicIps<'a>>,
    #[serde(rename = "Type")]
    kind: &'static str,
}

/// An ENI's private IPs, primary first, without EIPs.
#[derive(Debug, Clone, Copy)]
struct NicIps<'a>(&'a Eni);

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct NicIp<'a> {
    primary: bool,
    private_dns_name: &'static str,
    private_ip_address: &'a str,
}

impl Serialize for Nics<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let nics = self
            .0
            .iter()
            .filter(|e| matches!(e.status, EniStatus::InUse | EniStatus::Detaching))
            .map(|e| Nic {
                ipv4_prefix_sets: empty("Ipv4PrefixSet"),
                ipv6_prefix_sets: empty("Ipv6PrefixSet"),
                ipv6_sets: empty("Ipv6Set"),
                mac_address: &e.mac,
                network_interface_id: &e.id,
                primary_ip_address: &e.primary_ip,
                private_ip_sets: One("PrivateIpSet", NicIps(e)),
                kind: e.kind.as_str(),
            });
        Seq(nics).serialize(serializer)
    }
}

impl Serialize for NicIps<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let e = self.0;
        let ips = std::iter::once(e.primary_ip.as_str())
            .chain(e.secondary_ips.iter().map(String::as_str))
            .enumerate()
            .map(|(k, ip)| NicIp {
                primary: k == 0,
                private_dns_name: "",
                private_ip_address: ip,
            });
        Seq(ips).serialize(serializer)
    }
}

/// A serial number in UUID form, from the SHA-256 of the instance ID.
#[derive(Debug, Clone, Copy)]
struct Serial([u8; 36]);

impl Serial {
    fn of(id: &str) -> Self {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let digest = Sha256::digest(id.as_bytes());
        let mut out = [b'-'; 36];
        let mut pos = 0;
        for (k, byte) in digest.iter().take(16).enumerate() {
            if matches!(k, 4 | 6 | 8 | 10) {
                pos += 1;
            }
            out[pos] = HEX[usize::from(byte >> 4)];
            out[pos + 1] = HEX[usize::from(byte & 0xf)];
            pos += 2;
        }
        Self(out)
    }
}

impl Serialize for Serial {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(std::str::from_utf8(&self.0).unwrap_or_default())
    }
}

impl<'a> InstanceView<'a> {
    /// The view of `i`; `enis` are the region's ENIs attached to it.
    pub fn new(
        i: &'a Instance,
        enis: &'a [&'a Eni],
        bound: &BoundIndex<'a>,
        region_id: &'a str,
    ) -> Self {
        let t = instance_type(&i.instance_type);
        let primary_ip = enis
            .iter()
            .find(|e| e.kind == EniType::Primary)
            .map(|e| e.primary_ip.as_str())
            .filter(|ip| !ip.is_empty());
        Self {
            additional_info: AdditionalInfo {
                enable_high_density_mode: false,
            },
            auto_release_time: "",
            cluster_id: "",
            cpu: t.map_or(0, |t| t.cpu),
            cpu_options: CpuOptions {
                core_count: t.map_or(0, |t| t.cpu / 2),
                numa: "",
                threads_per_core: 2,
            },
            creation_time: Time::at(i.created_ms),
            credit_specification: "",
            dedicated_host_attribute: DedicatedHostAttribute {
                dedicated_host_cluster_id: "",
                dedicated_host_id: "",
                dedicated_host_name: "",
            },
            dedicated_instance_attribute: DedicatedInstanceAttribute {
                affinity: "",
                tenancy: "",
            },
            deletion_protection: false,
            deployment_set_id: "",
            description: &i.description,
            device_available: true,
            ecs_capacity_reservation_attr: EcsCapacityReservationAttr {
                capacity_reservation_id: "",
                capacity_reservation_preference: "",
            },
            eip_address: EipAddress::new(bound.for_instance(&i.id)),
            expired_time: "2099-12-31T15:59Z",
            gpu_amount: 0,
            gpu_spec: "",
            hibernation_options: HibernationOptions { configured: false },
            host_name: &i.hostname,
            hpc_cluster_id: "",
            image_id: &i.image_id,
            image_options: ImageOptions {
                login_as_non_root: false,
            },
            inner_ip_address: empty("IpAddress"),
            instance_charge_type: i.charge_type.as_str(),
            instance_id: &i.id,
            instance_name: &i.name,
            instance_network_type: "vpc",
            instance_type: &i.instance_type,
            instance_type_family: t.map_or("", |t| t.family),
            internet_charge_type: "PayByTraffic",
            internet_max_bandwidth_in: 100,
            internet_max_bandwidth_out: 0,
            io_optimized: true,
            key_pair_name: "",
            local_storage_amount: 0,
            local_storage_capacity: 0,
            memory: t.map_or(0, |t| (t.memory_gib * 1024.0) as u64),
            metadata_options: MetadataOptions {
                http_endpoint: "enabled",
                http_put_response_hop_limit: 1,
                http_tokens: "optional",
            },
            network_interfaces: One("NetworkInterface", Nics(enis)),
            os_name: &i.os_name,
            os_name_en: if i.os_name_en.is_empty() {
                &i.os_name
            } else {
                &i.os_name_en
            },
            os_type: &i.os_type,
            operation_locks: empty("LockReason"),
            private_dns_name_options: PrivateDnsNameOptions {
                enable_instance_id_dns_aaaa_record: false,
                enable_instance_id_dns_a_record: false,
                enable_ip_dns_a_record: false,
                enable_ip_dns_ptr_record: false,
                hostname_type: "Custom",
            },
            public_ip_address: empty("IpAddress"),
            rdma_ip_address: empty("IpAddress"),
            recyclable: false,
            region_id,
            resource_group_id: DEFAULT_RESOURCE_GROUP,
            sale_cycle: "",
            security_group_ids: One("SecurityGroupId", &i.security_group_ids),
            serial_number: Serial::of(&i.id),
            spot_price_limit: 0.0,
            spot_strategy: "NoSpot",
            start_time: Time::at(i.created_ms),
            status: i.status.as_str(),
            stopped_mode: "Not-applicable",
            tags: EcsTags(&i.tags),
            vlan_id: "",
            vpc_attributes: VpcAttributes {
                nat_ip_address: "",
                private_ip_address: One("IpAddress", Seq(primary_ip.into_iter())),
                vswitch_id: &i.vswitch_id,
                vpc_id: &i.vpc_id,
            },
            zone_id: &i.zone_id,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serial_is_the_hash_in_uuid_form() {
        let h = alicloud_api::signing::sha256_hex(b"i-bp1example");
        let expected = format!(
            "{}-{}-{}-{}-{}",
            &h[0..8],
            &h[8..12],
            &h[12..16],
            &h[16..20],
            &h[20..32]
        );
        assert_eq!(
            serde_json::to_value(Serial::of("i-bp1example")).unwrap(),
            expected
        );
    }
}
