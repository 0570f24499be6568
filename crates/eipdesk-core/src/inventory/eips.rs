//! Elastic IPs of one region, as table rows.

use crate::dto::EipRow;
use crate::error::CoreError;
use crate::ids::RegionId;
use alicloud_api::Client;
use alicloud_api::vpc::{DescribeEipAddressesRequest, EipAddress};

/// Every EIP of `region` (all pages), sorted by IP address.
pub async fn list_eips(client: &Client, region: &RegionId) -> Result<Vec<EipRow>, CoreError> {
    let request = DescribeEipAddressesRequest::new(region.as_str());
    let eips = client.describe_eip_addresses_all(&request).await?;
    let mut rows: Vec<EipRow> = eips.iter().map(|e| eip_row(e, region)).collect();
    rows.sort_by(|a, b| ip_sort_key(&a.ip_address).cmp(&ip_sort_key(&b.ip_address)));
    Ok(rows)
}

fn ip_sort_key(ip: &str) -> (Option<std::net::IpAddr>, String) {
    (ip.parse().ok(), ip.to_string())
}

fn non_empty(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

/// One API item as a row; empty strings from the API become `None`.
pub fn eip_row(eip: &EipAddress, region: &RegionId) -> EipRow {
    let bound = !eip.instance_id.is_empty();
    EipRow {
        allocation_id: eip.allocation_id.clone(),
        ip_address: eip.ip_address.clone(),
        status: eip.status.clone(),
        instance_id: non_empty(&eip.instance_id),
        instance_type: bound.then(|| non_empty(&eip.instance_type)).flatten(),
        mode: bound.then(|| non_empty(&eip.mode)).flatten(),
        private_ip_address: non_empty(&eip.private_ip_address),
        region_id: non_empty(&eip.region_id).unwrap_or_else(|| region.to_string()),
        charge_type: eip.charge_type.clone(),
        bandwidth: eip.bandwidth.clone(),
        name: eip.name.clone(),
    }
}
