//! Relations: turns one region's raw listing into table rows that know each other. An EIP
//! row says what it is bound to and how (through an ENI to an instance, NAT or cut-through);
//! an ENI row names its instance, its EIPs and its cut-through eligibility; an instance row
//! lists its ENIs with their EIPs and the ENI capacity left. Pure functions, no I/O.

use alicloud_api::states::EipMode;
use std::cmp::Ordering;
use std::collections::HashMap;

use alicloud_api::ecs::{Instance, NetworkInterfaceSet};
use alicloud_api::vpc::EipAddress;

use super::eligibility::{EniFacts, cut_through_eligibility};
use super::facts::{EniQuotas, RegionFacts};
use super::rows::{
    BindingTarget, EipBinding, EipRef, EipRow, EniRow, InstanceEni, InstanceRow, RegionRows,
};
use crate::regions::CutThroughRegions;

fn non_empty(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

/// What an EIP's `InstanceType`/`InstanceId` point at; `None` when unbound.
pub fn eip_target(eip: &EipAddress) -> Option<(BindingTarget, &str)> {
    let id = eip.instance_id.as_str();
    if id.is_empty() {
        return None;
    }
    let target = match eip.instance_type.as_str() {
        "NetworkInterface" => BindingTarget::Eni,
        "EcsInstance" => BindingTarget::Instance,
        "" if id.starts_with("eni-") => BindingTarget::Eni,
        "" if id.starts_with("i-") => BindingTarget::Instance,
        _ => BindingTarget::Other,
    };
    Some((target, id))
}

/// An EIP as other rows mention it.
pub fn eip_ref(eip: &EipAddress) -> EipRef {
    EipRef {
        allocation_id: eip.allocation_id.clone(),
        ip_address: eip.ip_address.clone(),
        mode: if eip.mode.is_empty() {
            EipMode::Nat
        } else {
            eip.mode.clone()
        },
        status: eip.status.clone(),
    }
}

/// The instance an ENI is attached to (`InstanceId`, else `Attachment.InstanceId`).
pub fn eni_instance(eni: &NetworkInterfaceSet) -> Option<&str> {
    [
        eni.instance_id.as_str(),
        eni.attachment.instance_id.as_str(),
    ]
    .into_iter()
    .find(|s| !s.is_empty())
}

/// The ENI's private IPv4 addresses other than its primary one.
pub fn secondary_private_ips(eni: &NetworkInterfaceSet) -> Vec<String> {
    eni.private_ip_sets
        .private_ip_set
        .iter()
        .filter(|p| !p.primary && p.private_ip_address != eni.private_ip_address)
        .map(|p| p.private_ip_address.clone())
        .filter(|ip| !ip.is_empty())
        .collect()
}

fn ip_order(a: &str, b: &str) -> Ordering {
    match (a.parse::<std::net::IpAddr>(), b.parse::<std::net::IpAddr>()) {
        (Ok(x), Ok(y)) => x.cmp(&y),
        (Ok(_), Err(_)) => Ordering::Less,
        (Err(_), Ok(_)) => Ordering::Greater,
        (Err(_), Err(_)) => a.cmp(b),
    }
}

/// Indexes over one region's listing.
struct Index<'a> {
    enis: HashMap<&'a str, &'a NetworkInterfaceSet>,
    instances: HashMap<&'a str, &'a Instance>,
    eips_by_eni: HashMap<&'a str, Vec<&'a EipAddress>>,
    eips_by_instance: HashMap<&'a str, Vec<&'a EipAddress>>,
    enis_by_instance: HashMap<&'a str, Vec<&'a NetworkInterfaceSet>>,
}

impl<'a> Index<'a> {
    fn new(facts: &'a RegionFacts) -> Self {
        let mut index = Index {
            enis: facts
                .enis
                .iter()
                .map(|e| (e.network_interface_id.as_str(), e))
                .collect(),
            instances: facts
                .instances
                .iter()
                .map(|i| (i.instance_id.as_str(), i))
                .collect(),
            eips_by_eni: HashMap::new(),
            eips_by_instance: HashMap::new(),
            enis_by_instance: HashMap::new(),
        };
        for eip in &facts.eips {
            match eip_target(eip) {
                Some((BindingTarget::Eni, id)) => {
                    index.eips_by_eni.entry(id).or_default().push(eip)
                }
                Some((BindingTarget::Instance, id)) => {
                    index.eips_by_instance.entry(id).or_default().push(eip);
                }
                _ => {}
            }
        }
        for eni in &facts.enis {
            if let Some(instance) = eni_instance(eni) {
                index
                    .enis_by_instance
                    .entry(instance)
                    .or_default()
                    .push(eni);
            }
        }
        index
    }

    /// EIPs on an ENI, the one on its primary private IP first.
    fn eni_eips(&self, eni_id: &str, primary_ip: &str) -> Vec<EipRef> {
        let Some(on_eni) = self.eips_by_eni.get(eni_id) else {
            return Vec::new();
        };
        let mut eips: Vec<&'a EipAddress> = on_eni.clone();
        // Keys borrowed from the listing: no String allocated per comparison.
        eips.sort_by_key(|e: &&'a EipAddress| {
            let e: &'a EipAddress = e;
            (e.private_ip_address != primary_ip, e.allocation_id.as_str())
        });
        eips.into_iter().map(eip_ref).collect()
    }

    fn instance_name(&self, id: &str) -> Option<String> {
        self.instances
            .get(id)
            .and_then(|i| non_empty(&i.instance_name))
    }
}

/// Builds every row of a region.
pub fn build_rows(
    facts: &RegionFacts,
    quotas: &EniQuotas,
    cut_through: &CutThroughRegions,
) -> RegionRows {
    let index = Index::new(facts);
    let region = facts.region.as_str();
    let region_supported = cut_through.supports(&facts.region);

    let mut eips: Vec<EipRow> = facts
        .eips
        .iter()
        .map(|e| eip_row(e, region, &index))
        .collect();
    eips.sort_by(|a, b| {
        ip_order(&a.ip_address, &b.ip_address).then_with(|| a.allocation_id.cmp(&b.allocation_id))
    });

    let mut enis: Vec<EniRow> = facts
        .enis
        .iter()
        .map(|e| eni_row(e, facts, &index, region_supported))
        .collect();
    enis.sort_by(|a, b| a.network_interface_id.cmp(&b.network_interface_id));

    let mut instances: Vec<InstanceRow> = facts
        .instances
        .iter()
        .map(|i| instance_row(i, facts, &index, quotas))
        .collect();
    instances.sort_by(|a, b| a.instance_id.cmp(&b.instance_id));

    RegionRows {
        region_id: region.to_string(),
        eips,
        enis,
        instances,
    }
}

/// `key=value`, or `key` when the value is empty.
fn tag_text(key: &str, value: &str) -> String {
    if value.is_empty() {
        key.to_string()
    } else {
        format!("{key}={value}")
    }
}

fn eip_row(eip: &EipAddress, region: &str, index: &Index<'_>) -> EipRow {
    let binding = eip_target(eip).map(|(target, id)| {
        let mut b = EipBinding {
            target,
            target_type: eip.instance_type.clone(),
            target_id: id.to_string(),
            mode: if eip.mode.is_empty() {
                "NAT".into()
            } else {
                eip.mode.clone()
            },
            eni_id: None,
            eni_name: None,
            instance_id: None,
            instance_name: None,
            target_listed: false,
        };
        match target {
            BindingTarget::Eni => {
                b.eni_id = Some(id.to_string());
                if let Some(eni) = index.enis.get(id) {
                    b.target_listed = true;
                    b.eni_name = non_empty(&eni.network_interface_name);
                    if let Some(instance) = eni_instance(eni) {
                        b.instance_id = Some(instance.to_string());
                        b.instance_name = index.instance_name(instance);
                    }
                }
            }
            BindingTarget::Instance => {
                b.instance_id = Some(id.to_string());
                b.target_listed = index.instances.contains_key(id);
                b.instance_name = index.instance_name(id);
            }
            BindingTarget::Other => {}
        }
        b
    });
    let bound = binding.is_some();
    EipRow {
        allocation_id: eip.allocation_id.clone(),
        ip_address: eip.ip_address.clone(),
        status: eip.status.clone(),
        region_id: non_empty(&eip.region_id).unwrap_or_else(|| region.to_string()),
        name: eip.name.clone(),
        description: eip.description.clone(),
        charge_type: eip.charge_type.clone(),
        internet_charge_type: eip.internet_charge_type.clone(),
        bandwidth: eip.bandwidth.clone(),
        isp: eip.isp.clone(),
        allocation_time: eip.allocation_time.clone(),
        instance_id: non_empty(&eip.instance_id),
        instance_type: (bound && !eip.instance_type.is_empty()).then(|| eip.instance_type.clone()),
        mode: (bound && !eip.mode.is_empty()).then(|| eip.mode.clone()),
        private_ip_address: non_empty(&eip.private_ip_address),
        binding,
        lock_reasons: eip
            .operation_locks
            .lock_reason
            .iter()
            .filter_map(|l| non_empty(&l.lock_reason))
            .collect(),
        tags: eip
            .tags
            .tag
            .iter()
            .map(|t| tag_text(&t.key, &t.value))
            .collect(),
    }
}

fn eni_row(
    eni: &NetworkInterfaceSet,
    facts: &RegionFacts,
    index: &Index<'_>,
    region_supported: bool,
) -> EniRow {
    let id = eni.network_interface_id.as_str();
    let eips = index.eni_eips(id, &eni.private_ip_address);
    let secondary = secondary_private_ips(eni);
    let instance = eni_instance(eni);
    let cut_through = cut_through_eligibility(&EniFacts {
        region_id: facts.region.as_str(),
        eni_type: &eni.interface_type,
        status: &eni.status,
        vpc_id: &eni.vpc_id,
        instance_id: instance,
        secondary_private_ips: secondary.len(),
        service_managed: eni.service_managed,
        eips: &eips,
        region_supported,
    });
    EniRow {
        network_interface_id: id.to_string(),
        name: eni.network_interface_name.clone(),
        description: eni.description.clone(),
        status: eni.status.clone(),
        eni_type: eni.interface_type.clone(),
        region_id: facts.region.to_string(),
        zone_id: eni.zone_id.clone(),
        vpc_id: eni.vpc_id.clone(),
        vpc_name: facts.vpc_names.get(&eni.vpc_id).cloned(),
        vswitch_id: eni.vswitch_id.clone(),
        vswitch_name: facts.vswitch_names.get(&eni.vswitch_id).cloned(),
        private_ip_address: eni.private_ip_address.clone(),
        secondary_private_ips: secondary,
        mac_address: eni.mac_address.clone(),
        security_group_ids: eni.security_group_ids.security_group_id.clone(),
        tags: eni
            .tags
            .tag
            .iter()
            .map(|t| tag_text(&t.tag_key, &t.tag_value))
            .collect(),
        creation_time: eni.creation_time.clone(),
        instance_id: instance.map(str::to_string),
        instance_name: instance.and_then(|i| index.instance_name(i)),
        eips,
        cut_through,
    }
}

fn instance_row(
    instance: &Instance,
    facts: &RegionFacts,
    index: &Index<'_>,
    quotas: &EniQuotas,
) -> InstanceRow {
    let id = instance.instance_id.as_str();
    let listed: Vec<&NetworkInterfaceSet> =
        index.enis_by_instance.get(id).cloned().unwrap_or_default();
    let mut enis: Vec<InstanceEni> = listed
        .iter()
        .map(|eni| InstanceEni {
            network_interface_id: eni.network_interface_id.clone(),
            eni_type: eni.interface_type.clone(),
            private_ip_address: eni.private_ip_address.clone(),
            status: Some(eni.status.clone()),
            eips: index.eni_eips(&eni.network_interface_id, &eni.private_ip_address),
        })
        .collect();
    // ENIs the instance reports that the ENI listing did not return (e.g. just attached).
    for nic in &instance.network_interfaces.network_interface {
        let known = enis
            .iter()
            .any(|e| e.network_interface_id == nic.network_interface_id);
        if !known && !nic.network_interface_id.is_empty() {
            enis.push(InstanceEni {
                network_interface_id: nic.network_interface_id.clone(),
                eni_type: nic.interface_type.clone(),
                private_ip_address: nic.primary_ip_address.clone(),
                status: index
                    .enis
                    .get(nic.network_interface_id.as_str())
                    .map(|e| e.status.clone()),
                eips: index.eni_eips(&nic.network_interface_id, &nic.primary_ip_address),
            });
        }
    }
    enis.sort_by(|a, b| {
        (a.eni_type != "Primary", &a.network_interface_id)
            .cmp(&(b.eni_type != "Primary", &b.network_interface_id))
    });
    let primary_ip = instance
        .vpc_attributes
        .private_ip_address
        .ip_address
        .first()
        .cloned()
        .or_else(|| {
            enis.iter()
                .find(|e| e.eni_type == "Primary")
                .map(|e| e.private_ip_address.clone())
        })
        .unwrap_or_default();
    let eip = index
        .eips_by_instance
        .get(id)
        .and_then(|v| v.first())
        .map(|e| eip_ref(e))
        .or_else(|| {
            let e = &instance.eip_address;
            (!e.ip_address.is_empty()).then(|| EipRef {
                allocation_id: e.allocation_id.clone(),
                ip_address: e.ip_address.clone(),
                mode: "NAT".into(),
                status: "InUse".into(),
            })
        });
    let eni_quota = quotas.get(&instance.instance_type);
    let attached = u32::try_from(enis.len()).unwrap_or(u32::MAX);
    let vpc_id = instance.vpc_attributes.vpc_id.clone();
    let vswitch_id = instance.vpc_attributes.vswitch_id.clone();
    InstanceRow {
        instance_id: id.to_string(),
        name: instance.instance_name.clone(),
        status: instance.status.clone(),
        region_id: non_empty(&instance.region_id).unwrap_or_else(|| facts.region.to_string()),
        zone_id: instance.zone_id.clone(),
        instance_type: instance.instance_type.clone(),
        vpc_name: facts.vpc_names.get(&vpc_id).cloned(),
        vpc_id,
        vswitch_name: facts.vswitch_names.get(&vswitch_id).cloned(),
        vswitch_id,
        private_ip_address: primary_ip,
        os_name: instance.os_name_english().to_string(),
        charge_type: instance.instance_charge_type.clone(),
        cpu: u32::try_from(instance.cpu).unwrap_or(0),
        memory_mib: u32::try_from(instance.memory).unwrap_or(0),
        creation_time: instance.creation_time.clone(),
        eip,
        enis,
        eni_quota,
        eni_remaining: eni_quota.map(|q| q.saturating_sub(attached)),
    }
}

#[cfg(test)]
#[path = "relations_tests.rs"]
pub(crate) mod tests;
