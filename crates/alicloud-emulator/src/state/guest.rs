//! The guest behind Cloud Assistant: a model of each instance's operating system network
//! configuration, driven by the cloud state. What is stored is only what the guest changed
//! (DHCP turned on for a NIC, a route metric, the agent's state, a fault to inject); the NICs
//! themselves, their MACs and the addresses DHCP hands out are read from the instance's ENIs
//! and EIP bindings whenever the guest is asked.
//!
//! * NICs: the primary ENI is `eth0` and is always configured; secondary ENIs attached to the
//!   instance (`InUse`) follow as `eth1`, `eth2`, … in attach-table order. A secondary NIC is
//!   down with no address until DHCP is enabled on it (by MAC).
//! * Addresses: a configured NIC gets its ENI's primary private IP with the vSwitch's prefix,
//!   or, when a `BINDED` (cut-through) EIP is `InUse` on the ENI, the EIP with prefix /24.
//! * Routes: one default route per configured NIC (`eth0` metric 100, `ethN` metric 100 + N
//!   unless the guest set another) and one link route per address.

use std::collections::{BTreeMap, BTreeSet};
use std::net::Ipv4Addr;

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use super::RegionState;
use super::ipam::Cidr;
use super::model::{BindMode, BindTarget, EipStatus, EniStatus, EniType, Instance};

/// A fault the next app script run on the instance meets (tests and demos set it through the
/// control API).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum ScriptFault {
    /// The script exits with `exit_code`, printing `output`; it changes nothing.
    Fail {
        /// Exit code (non-zero).
        exit_code: i64,
        /// What it prints.
        #[serde(default)]
        output: String,
    },
    /// The script never finishes: the invocation ends in `Timeout`.
    Hang,
}

/// What the guest of one instance changed (absent: a fresh guest).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GuestState {
    /// The Cloud Assistant agent is stopped or not installed.
    #[serde(default)]
    pub agent_offline: bool,
    /// MACs of the secondary NICs DHCP was enabled on.
    #[serde(default)]
    pub dhcp_macs: BTreeSet<String>,
    /// Default-route metrics set by the guest, by MAC.
    #[serde(default)]
    pub metrics: BTreeMap<String, u32>,
    /// The fault the next app script meets (consumed by it).
    #[serde(default)]
    pub fault: Option<ScriptFault>,
    /// Invocations run on this instance.
    #[serde(default)]
    pub invocation_count: u64,
    /// When the last one was sent, epoch ms.
    #[serde(default)]
    pub last_invoked_ms: Option<i64>,
}

/// The OS family a script type runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GuestOs {
    /// `RunShellScript`.
    Linux,
    /// `RunPowerShellScript` / `RunBatScript`.
    Windows,
}

impl GuestOs {
    /// The instance's family from `OSType`.
    pub fn of(instance: &Instance) -> Self {
        if instance.os_type.eq_ignore_ascii_case("windows") {
            GuestOs::Windows
        } else {
            GuestOs::Linux
        }
    }

    /// `OSType` as Cloud Assistant reports it.
    pub fn label(self) -> &'static str {
        match self {
            GuestOs::Linux => "Linux",
            GuestOs::Windows => "Windows",
        }
    }
}

/// One address on a NIC.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Address {
    /// IPv4.
    pub ip: Ipv4Addr,
    /// Prefix length.
    pub prefix: u8,
    /// The default gateway DHCP gave.
    pub gateway: Ipv4Addr,
}

/// One NIC as the guest sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Nic {
    /// `eth0`, `eth1`, …
    pub name: String,
    /// Interface index (`lo` is 1).
    pub index: u32,
    /// MAC, lower case with colons.
    pub mac: String,
    /// Configured and up.
    pub up: bool,
    /// Its address when up.
    pub address: Option<Address>,
    /// Default-route metric.
    pub metric: u32,
}

fn network(ip: Ipv4Addr, prefix: u8) -> Ipv4Addr {
    let mask = u32::MAX << (32 - u32::from(prefix));
    Ipv4Addr::from(u32::from(ip) & mask)
}

fn broadcast(ip: Ipv4Addr, prefix: u8) -> Ipv4Addr {
    let mask = u32::MAX << (32 - u32::from(prefix));
    Ipv4Addr::from(u32::from(ip) | !mask)
}

/// The cut-through EIP on `eni_id`, if one is `InUse` in `BINDED` mode.
fn binded_eip(region: &RegionState, eni_id: &str) -> Option<Ipv4Addr> {
    region
        .eips
        .values()
        .find(|e| {
            e.status == EipStatus::InUse
                && e.binding.as_ref().is_some_and(|b| {
                    b.target == BindTarget::NetworkInterface
                        && b.mode == BindMode::Binded
                        && b.instance_id == eni_id
                })
        })
        .and_then(|e| e.ip.parse().ok())
}

fn private_address(region: &RegionState, vswitch_id: &str, ip: &str) -> Option<Address> {
    let ip: Ipv4Addr = ip.parse().ok()?;
    let cidr = Cidr::parse(&region.vswitches.get(vswitch_id)?.cidr)?;
    // Alibaba's vSwitch gateway is the block's last usable-looking address (x.x.x.253 in /24).
    let gateway = Ipv4Addr::from(cidr.base + cidr.size() - 3);
    Some(Address {
        ip,
        prefix: cidr.prefix,
        gateway,
    })
}

fn public_address(ip: Ipv4Addr) -> Address {
    let net = network(ip, 24);
    let gw = if ip.octets()[3] == 1 {
        Ipv4Addr::from(u32::from(net) + 254)
    } else {
        Ipv4Addr::from(u32::from(net) + 1)
    };
    Address {
        ip,
        prefix: 24,
        gateway: gw,
    }
}

/// The instance's NICs as its guest sees them now.
pub fn nics(region: &RegionState, instance: &Instance, guest: &GuestState) -> Vec<Nic> {
    let mut out = Vec::new();
    if let Some(primary) = region.enis.get(&instance.primary_eni_id) {
        out.push(Nic {
            name: "eth0".into(),
            index: 2,
            mac: primary.mac.to_ascii_lowercase(),
            up: true,
            address: private_address(region, &primary.vswitch_id, &primary.primary_ip),
            metric: guest.metrics.get(&primary.mac).copied().unwrap_or(100),
        });
    }
    let secondaries = region.enis.values().filter(|e| {
        e.kind == EniType::Secondary
            && e.status == EniStatus::InUse
            && e.instance_id.as_deref() == Some(instance.id.as_str())
    });
    for (n, eni) in secondaries.enumerate() {
        let n = u32::try_from(n).unwrap_or(u32::MAX - 3) + 1;
        let mac = eni.mac.to_ascii_lowercase();
        let up = guest.dhcp_macs.contains(&mac);
        let address = up
            .then(|| match binded_eip(region, &eni.id) {
                Some(eip) => Some(public_address(eip)),
                None => private_address(region, &eni.vswitch_id, &eni.primary_ip),
            })
            .flatten();
        out.push(Nic {
            name: format!("eth{n}"),
            index: 2 + n,
            metric: guest.metrics.get(&mac).copied().unwrap_or(100 + n),
            mac,
            up,
            address,
        });
    }
    out
}

/// `ip -j addr` for these NICs (with `lo`).
pub fn ip_addr_json(nics: &[Nic]) -> Value {
    let mut links = vec![json!({
        "ifindex": 1, "ifname": "lo", "flags": ["LOOPBACK", "UP", "LOWER_UP"], "mtu": 65536,
        "qdisc": "noqueue", "operstate": "UNKNOWN", "group": "default", "txqlen": 1000,
        "link_type": "loopback", "address": "00:00:00:00:00:00", "broadcast": "00:00:00:00:00:00",
        "addr_info": [{"family": "inet", "local": "127.0.0.1", "prefixlen": 8, "scope": "host",
            "label": "lo", "valid_life_time": 4294967295u32, "preferred_life_time": 4294967295u32}]
    })];
    for nic in nics {
        let flags: Vec<&str> = if nic.up {
            vec!["BROADCAST", "MULTICAST", "UP", "LOWER_UP"]
        } else {
            vec!["BROADCAST", "MULTICAST"]
        };
        let addr_info: Vec<Value> = nic
            .address
            .iter()
            .map(|a| {
                json!({"family": "inet", "local": a.ip.to_string(), "prefixlen": a.prefix,
                    "broadcast": broadcast(a.ip, a.prefix).to_string(), "scope": "global",
                    "dynamic": true, "noprefixroute": false, "label": nic.name,
                    "valid_life_time": 315_359_000u32, "preferred_life_time": 315_359_000u32})
            })
            .collect();
        links.push(json!({
            "ifindex": nic.index, "ifname": nic.name, "flags": flags, "mtu": 1500,
            "qdisc": "mq", "operstate": if nic.up { "UP" } else { "DOWN" }, "group": "default",
            "txqlen": 1000, "link_type": "ether", "address": nic.mac,
            "broadcast": "ff:ff:ff:ff:ff:ff", "addr_info": addr_info
        }));
    }
    Value::Array(links)
}

/// `ip -j route` for these NICs.
pub fn ip_route_json(nics: &[Nic]) -> Value {
    let mut defaults = Vec::new();
    let mut links = Vec::new();
    for nic in nics.iter().filter(|n| n.up) {
        let Some(a) = &nic.address else { continue };
        defaults.push(
            json!({"dst": "default", "gateway": a.gateway.to_string(), "dev": nic.name,
            "protocol": "dhcp", "prefsrc": a.ip.to_string(), "metric": nic.metric, "flags": []}),
        );
        links.push(
            json!({"dst": format!("{}/{}", network(a.ip, a.prefix), a.prefix),
            "dev": nic.name, "protocol": "kernel", "scope": "link", "prefsrc": a.ip.to_string(),
            "metric": nic.metric, "flags": []}),
        );
    }
    defaults.sort_by_key(|r| r["metric"].as_u64());
    defaults.extend(links);
    Value::Array(defaults)
}

/// The Windows answer: `Get-NetAdapter`, `Get-NetIPAddress` and `Get-NetRoute` (IPv4) as
/// `ConvertTo-Json` prints them (adapter names `Ethernet`, `Ethernet 2`, …).
pub fn windows_json(nics: &[Nic]) -> Value {
    let alias = |n: &Nic| {
        if n.index == 2 {
            "Ethernet".to_string()
        } else {
            format!("Ethernet {}", n.index - 1)
        }
    };
    let adapters: Vec<Value> = nics
        .iter()
        .map(|n| {
            json!({"Name": alias(n), "ifIndex": n.index + 3,
            "MacAddress": n.mac.to_ascii_uppercase().replace(':', "-"),
            "Status": if n.up { "Up" } else { "Disconnected" }})
        })
        .collect();
    let addresses: Vec<Value> = nics
        .iter()
        .filter_map(|n| n.address.as_ref().map(|a| (n, a)))
        .map(|(n, a)| {
            json!({"InterfaceAlias": alias(n), "InterfaceIndex": n.index + 3,
            "IPAddress": a.ip.to_string(), "PrefixLength": a.prefix, "AddressFamily": 2,
            "PrefixOrigin": 3, "SuffixOrigin": 3})
        })
        .collect();
    let routes: Vec<Value> = nics
        .iter()
        .filter_map(|n| n.address.as_ref().map(|a| (n, a)))
        .map(|(n, a)| {
            json!({"DestinationPrefix": "0.0.0.0/0", "InterfaceAlias": alias(n),
            "InterfaceIndex": n.index + 3, "NextHop": a.gateway.to_string(),
            "RouteMetric": 0, "InterfaceMetric": n.metric})
        })
        .collect();
    json!({"adapters": adapters, "addresses": addresses, "routes": routes})
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_addresses_get_a_gateway_in_their_slash_24() {
        let a = public_address("47.98.3.7".parse().unwrap());
        assert_eq!(a.gateway, Ipv4Addr::new(47, 98, 3, 1));
        let b = public_address("47.98.3.1".parse().unwrap());
        assert_eq!(b.gateway, Ipv4Addr::new(47, 98, 3, 254));
        assert_eq!(broadcast(a.ip, 24), Ipv4Addr::new(47, 98, 3, 255));
    }
}
