//! What lifecycle preflight reads, fresh from the API: the binding's [`Snapshot`] (EIPs, ENIs,
//! instances with their ENI capacity) plus what only these jobs need: EIP attributes and tags,
//! ENI security groups and tags, vSwitches (CIDR, zone) and security groups. Also the private
//! address rules of a vSwitch (inside its block, not reserved, not in use).

use super::reasons::LifecycleBlocker;
use crate::binding::Snapshot;
use crate::ids::RegionId;
use crate::workflow::snapshot::fetch_snapshot;
use alicloud_api::ecs::{DescribeNetworkInterfacesRequest, NetworkInterfaceSet};
use alicloud_api::tags::{DescribeSecurityGroupsRequest, SecurityGroup};
use alicloud_api::vpc::{
    DescribeEipAddressesRequest, DescribeVSwitchesRequest, EipAddress, VSwitch,
};
use alicloud_api::{Client, Error};
use std::net::Ipv4Addr;

/// A region as lifecycle preflight sees it.
#[derive(Debug, Clone, Default)]
pub struct LifecycleFacts {
    pub snapshot: Snapshot,
    pub eips: Vec<EipAddress>,
    pub enis: Vec<NetworkInterfaceSet>,
    pub vswitches: Vec<VSwitch>,
    pub security_groups: Vec<SecurityGroup>,
}

/// Reads `region` (five listings, concurrently).
pub async fn fetch(client: &Client, region: &RegionId) -> Result<LifecycleFacts, Error> {
    let r = region.as_str();
    let (eip_req, eni_req, vsw_req, sg_req) = (
        DescribeEipAddressesRequest::new(r),
        DescribeNetworkInterfacesRequest::new(r),
        DescribeVSwitchesRequest::new(r),
        DescribeSecurityGroupsRequest::new(r),
    );
    let (snapshot, eips, enis, vswitches, security_groups) = tokio::try_join!(
        fetch_snapshot(client, region),
        client.describe_eip_addresses_all(&eip_req),
        client.describe_network_interfaces_all(&eni_req),
        client.describe_vswitches_all(&vsw_req),
        client.describe_security_groups_all(&sg_req),
    )?;
    Ok(LifecycleFacts {
        snapshot,
        eips,
        enis,
        vswitches,
        security_groups,
    })
}

impl LifecycleFacts {
    pub fn eip(&self, id: &str) -> Option<&EipAddress> {
        self.eips.iter().find(|e| e.allocation_id == id)
    }

    pub fn eni(&self, id: &str) -> Option<&NetworkInterfaceSet> {
        self.enis.iter().find(|n| n.network_interface_id == id)
    }

    pub fn vswitch(&self, id: &str) -> Option<&VSwitch> {
        self.vswitches.iter().find(|v| v.vswitch_id == id)
    }

    pub fn security_group(&self, id: &str) -> Option<&SecurityGroup> {
        self.security_groups
            .iter()
            .find(|g| g.security_group_id == id)
    }

    /// Every private address in use in `vswitch`, with the ENI holding it.
    fn used_in(&self, vswitch: &str) -> impl Iterator<Item = (&str, &str)> {
        self.enis
            .iter()
            .filter(move |n| n.vswitch_id == vswitch)
            .flat_map(|n| {
                let id = n.network_interface_id.as_str();
                std::iter::once((n.private_ip_address.as_str(), id)).chain(
                    n.private_ip_sets
                        .private_ip_set
                        .iter()
                        .map(move |s| (s.private_ip_address.as_str(), id)),
                )
            })
    }
}

/// An IPv4 block: first address and size.
fn block(cidr: &str) -> Option<(u32, u32)> {
    let (ip, len) = cidr.split_once('/')?;
    let ip: Ipv4Addr = ip.parse().ok()?;
    let len: u32 = len.parse().ok().filter(|l| *l <= 30)?;
    let size = 1u32 << (32 - len);
    Some((u32::from(ip) & !(size - 1), size))
}

/// `ip` may be the primary address of a new ENI in `vswitch`: an IPv4 address inside its
/// block, not reserved (the first address and the last three are), not in use.
pub fn check_private_ip(
    facts: &LifecycleFacts,
    vswitch: &VSwitch,
    ip: &str,
) -> Result<(), LifecycleBlocker> {
    let addr: Ipv4Addr = ip
        .parse()
        .map_err(|_| LifecycleBlocker::IpMalformed { ip: ip.to_string() })?;
    let cidr = vswitch.cidr_block.clone();
    let Some((base, size)) = block(&cidr) else {
        return Err(LifecycleBlocker::IpOutsideVSwitch {
            ip: ip.to_string(),
            cidr,
        });
    };
    let n = u32::from(addr);
    if n < base || n >= base + size {
        return Err(LifecycleBlocker::IpOutsideVSwitch {
            ip: ip.to_string(),
            cidr,
        });
    }
    if n == base || n >= base + size - 3 {
        return Err(LifecycleBlocker::IpReserved {
            ip: ip.to_string(),
            cidr,
        });
    }
    if let Some((_, holder)) = facts.used_in(&vswitch.vswitch_id).find(|(u, _)| *u == ip) {
        return Err(LifecycleBlocker::IpTaken {
            ip: ip.to_string(),
            holder: holder.to_string(),
        });
    }
    Ok(())
}

/// The lowest free usable address of `vswitch`.
pub fn free_ip(facts: &LifecycleFacts, vswitch: &VSwitch) -> Option<String> {
    let (base, size) = block(&vswitch.cidr_block)?;
    let used: std::collections::HashSet<&str> = facts
        .used_in(&vswitch.vswitch_id)
        .map(|(ip, _)| ip)
        .collect();
    (base + 1..base + size - 3)
        .map(|n| Ipv4Addr::from(n).to_string())
        .find(|ip| !used.contains(ip.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vsw() -> VSwitch {
        VSwitch {
            vswitch_id: "vsw-1".into(),
            cidr_block: "172.16.1.0/24".into(),
            ..Default::default()
        }
    }

    #[test]
    fn private_ips_inside_free_and_not_reserved() {
        let mut facts = LifecycleFacts::default();
        facts.enis.push(NetworkInterfaceSet {
            network_interface_id: "eni-a".into(),
            vswitch_id: "vsw-1".into(),
            private_ip_address: "172.16.1.1".into(),
            ..Default::default()
        });
        let v = vsw();
        assert_eq!(check_private_ip(&facts, &v, "172.16.1.9"), Ok(()));
        let code = |ip| check_private_ip(&facts, &v, ip).unwrap_err().code();
        assert_eq!(code("172.16.2.9"), "IpOutsideVSwitch");
        assert_eq!(code("172.16.1.0"), "IpReserved");
        assert_eq!(code("172.16.1.253"), "IpReserved");
        assert_eq!(code("172.16.1.1"), "IpTaken");
        assert_eq!(code("300.1.1.1"), "IpMalformed");
        assert_eq!(free_ip(&facts, &v).as_deref(), Some("172.16.1.2"));
    }
}
