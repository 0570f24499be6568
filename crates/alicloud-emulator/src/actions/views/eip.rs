//! A `DescribeEipAddresses` item (VPC `EipAddress` model).

use serde::Serialize;

use super::shapes::{AsText, NoItems, One, Time, VpcTags, empty};
use crate::state::model::Eip;
use crate::state::model::{BindMode, WireName as _};

/// One EIP. Fields in byte order of their names.
#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct EipView<'a> {
    allocation_id: &'a str,
    allocation_time: Time,
    available_regions: One<[&'a str; 1]>,
    bandwidth: AsText<u32>,
    bandwidth_package_bandwidth: &'static str,
    bandwidth_package_id: &'static str,
    bandwidth_package_type: &'static str,
    biz_type: &'static str,
    business_status: &'static str,
    charge_type: &'static str,
    deletion_protection: bool,
    description: &'a str,
    eip_bandwidth: AsText<u32>,
    expired_time: Time,
    #[serde(rename = "HDMonitorStatus")]
    hd_monitor_status: &'static str,
    has_reservation_data: &'static str,
    #[serde(rename = "ISP")]
    isp: &'a str,
    instance_id: &'a str,
    instance_region_id: &'a str,
    instance_type: &'static str,
    internet_charge_type: &'a str,
    ip_address: &'a str,
    mode: &'static str,
    name: &'a str,
    netmode: &'static str,
    operation_locks: One<NoItems>,
    private_ip_address: &'a str,
    public_ip_address_pool_id: &'static str,
    region_id: &'a str,
    reservation_active_time: &'static str,
    reservation_bandwidth: &'static str,
    reservation_internet_charge_type: &'static str,
    reservation_order_type: &'static str,
    resource_group_id: &'a str,
    second_limited: bool,
    security_protection_types: One<NoItems>,
    segment_instance_id: &'static str,
    service_managed: u8,
    status: &'static str,
    tags: VpcTags<'a>,
    vpc_id: &'a str,
    zone: &'static str,
}

impl<'a> EipView<'a> {
    /// The view of `e` in `region_id`.
    pub fn new(e: &'a Eip, region_id: &'a str) -> Self {
        let b = e.binding.as_ref();
        Self {
            allocation_id: &e.id,
            allocation_time: Time::at(e.allocated_ms),
            available_regions: One("AvailableRegion", [region_id]),
            bandwidth: AsText(e.bandwidth),
            bandwidth_package_bandwidth: "",
            bandwidth_package_id: "",
            bandwidth_package_type: "",
            biz_type: "Default",
            business_status: "Normal",
            charge_type: e.charge_type.as_str(),
            deletion_protection: false,
            description: &e.description,
            eip_bandwidth: AsText(e.bandwidth),
            expired_time: Time(e.expires_ms),
            hd_monitor_status: "false",
            has_reservation_data: "false",
            isp: &e.isp,
            instance_id: b.map_or("", |b| b.instance_id.as_str()),
            instance_region_id: if b.is_some() { region_id } else { "" },
            instance_type: b.map_or("", |b| b.target.as_str()),
            internet_charge_type: &e.internet_charge_type,
            ip_address: &e.ip,
            mode: b.map_or_else(
                || e.mode.unwrap_or(BindMode::Nat).as_str(),
                |b| b.mode.as_str(),
            ),
            name: &e.name,
            netmode: "public",
            operation_locks: empty("LockReason"),
            private_ip_address: b.map_or("", |b| b.private_ip.as_str()),
            public_ip_address_pool_id: "",
            region_id,
            reservation_active_time: "",
            reservation_bandwidth: "",
            reservation_internet_charge_type: "",
            reservation_order_type: "",
            resource_group_id: &e.resource_group_id,
            second_limited: false,
            security_protection_types: empty("SecurityProtectionType"),
            segment_instance_id: "",
            service_managed: 0,
            status: e.status.as_str(),
            tags: VpcTags(&e.tags),
            vpc_id: b.map_or("", |b| b.vpc_id.as_str()),
            zone: "",
        }
    }
}
