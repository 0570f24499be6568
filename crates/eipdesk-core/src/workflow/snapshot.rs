//! Reads a region fresh from the API and turns the describe responses into the binding's
//! [`Snapshot`] (preflight always works on the real state, never on a cached table).

use crate::binding::{EipBinding, EipFacts, EniFacts, InstanceFacts, Snapshot};
use crate::ids::{AllocationId, EniId, InstanceId, RegionId};
use alicloud_api::ecs::{
    DescribeInstanceTypesRequest, DescribeInstancesRequest, DescribeNetworkInterfacesRequest,
    Instance, NetworkInterfaceSet,
};
use alicloud_api::vpc::{DescribeEipAddressesRequest, EipAddress};
use alicloud_api::{Client, Error};
use std::collections::{BTreeSet, HashMap};

/// `DescribeInstanceTypes` takes at most 10 types per call.
const TYPES_PER_CALL: usize = 10;

fn non_empty(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

/// One EIP as preflight sees it (`None` for an unparsable ID).
pub fn eip_facts(eip: &EipAddress, region: &RegionId) -> Option<EipFacts> {
    let binding = non_empty(&eip.instance_id).map(|instance_id| EipBinding {
        instance_id,
        instance_type: eip.instance_type.clone(),
        mode: if eip.mode.is_empty() {
            "NAT".into()
        } else {
            eip.mode.clone()
        },
        private_ip: non_empty(&eip.private_ip_address),
    });
    Some(EipFacts {
        allocation_id: AllocationId::parse(&eip.allocation_id).ok()?,
        ip_address: eip.ip_address.clone(),
        region: non_empty(&eip.region_id)
            .and_then(|r| RegionId::parse(&r).ok())
            .unwrap_or_else(|| region.clone()),
        status: eip.status.clone(),
        charge_type: eip.charge_type.clone(),
        binding,
        name: eip.name.clone(),
    })
}

/// One ENI as preflight sees it.
pub fn eni_facts(eni: &NetworkInterfaceSet, region: &RegionId) -> Option<EniFacts> {
    let attached = [
        eni.instance_id.as_str(),
        eni.attachment.instance_id.as_str(),
    ]
    .into_iter()
    .find(|s| !s.is_empty());
    Some(EniFacts {
        id: EniId::parse(&eni.network_interface_id).ok()?,
        region: region.clone(),
        eni_type: eni.interface_type.clone(),
        service_managed: eni.service_managed,
        status: eni.status.clone(),
        vpc_id: eni.vpc_id.clone(),
        vswitch_id: eni.vswitch_id.clone(),
        zone_id: eni.zone_id.clone(),
        primary_ip: eni.private_ip_address.clone(),
        mac_address: eni.mac_address.clone(),
        instance_id: attached.and_then(|i| InstanceId::parse(i).ok()),
        secondary_private_ips: eni
            .private_ip_sets
            .private_ip_set
            .iter()
            .filter(|p| {
                !p.primary
                    && p.private_ip_address != eni.private_ip_address
                    && !p.private_ip_address.is_empty()
            })
            .map(|p| p.private_ip_address.clone())
            .collect(),
        name: eni.network_interface_name.clone(),
    })
}

/// One instance as preflight sees it; `quota` is its type's `EniQuantity`.
pub fn instance_facts(
    instance: &Instance,
    region: &RegionId,
    quota: Option<u32>,
) -> Option<InstanceFacts> {
    Some(InstanceFacts {
        id: InstanceId::parse(&instance.instance_id).ok()?,
        region: region.clone(),
        name: instance.instance_name.clone(),
        status: instance.status.clone(),
        vpc_id: instance.vpc_attributes.vpc_id.clone(),
        zone_id: instance.zone_id.clone(),
        instance_type: instance.instance_type.clone(),
        eni_quota: quota,
        os_name: instance.os_name_english().to_string(),
    })
}

/// Builds a snapshot from describe results and known ENI quotas (per instance type).
pub fn snapshot_from(
    region: &RegionId,
    eips: &[EipAddress],
    enis: &[NetworkInterfaceSet],
    instances: &[Instance],
    quotas: &HashMap<String, u32>,
) -> Snapshot {
    Snapshot {
        eips: eips.iter().filter_map(|e| eip_facts(e, region)).collect(),
        enis: enis.iter().filter_map(|e| eni_facts(e, region)).collect(),
        instances: instances
            .iter()
            .filter_map(|i| instance_facts(i, region, quotas.get(&i.instance_type).copied()))
            .collect(),
    }
}

/// Reads every EIP, ENI and instance of `region`, and the ENI quotas of the instance types
/// in use.
pub async fn fetch_snapshot(client: &Client, region: &RegionId) -> Result<Snapshot, Error> {
    let r = region.as_str();
    let (eip_req, eni_req, instance_req) = (
        DescribeEipAddressesRequest::new(r),
        DescribeNetworkInterfacesRequest::new(r),
        DescribeInstancesRequest::new(r),
    );
    let (eips, enis, instances) = tokio::try_join!(
        client.describe_eip_addresses_all(&eip_req),
        client.describe_network_interfaces_all(&eni_req),
        client.describe_instances_all(&instance_req),
    )?;
    let types: BTreeSet<&str> = instances
        .iter()
        .map(|i| i.instance_type.as_str())
        .filter(|t| !t.is_empty())
        .collect();
    let types: Vec<&str> = types.into_iter().collect();
    let mut quotas = HashMap::new();
    for chunk in types.chunks(TYPES_PER_CALL) {
        let mut request =
            DescribeInstanceTypesRequest::default().instance_types(chunk.iter().copied());
        request.region_id = Some(r.to_string());
        for t in client.describe_instance_types_all(&request).await? {
            if let Ok(q) = u32::try_from(t.eni_quantity) {
                quotas.insert(t.instance_type_id.clone(), q);
            }
        }
    }
    Ok(snapshot_from(region, &eips, &enis, &instances, &quotas))
}
