//! The emulated cloud: per account, per region, the resources of [`model`], plus what spans
//! them (ID counter, public address pools, idempotency records). [`World`] is what a snapshot
//! holds and what the state file persists; credentials live elsewhere ([`crate::accounts`]).

pub mod guest;
pub mod idempotency;
pub mod ids;
pub mod invocation;
pub mod ipam;
pub mod model;
pub mod regions;
pub mod table;
pub mod transitions;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::net::Ipv4Addr;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use self::ipam::{Cidr, Pool};
use self::model::{Eip, Eni, Instance, SecurityGroup, VSwitch, Vpc};
use self::table::{Keyed, Table};

macro_rules! keyed {
    ($($t:ty),+) => { $(impl Keyed for $t { fn key(&self) -> &str { &self.id } })+ };
}
keyed!(Vpc, VSwitch, SecurityGroup, Instance, Eni, Eip);

/// The resources of one account in one region.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct RegionState {
    /// VPCs.
    pub vpcs: Table<Vpc>,
    /// vSwitches.
    pub vswitches: Table<VSwitch>,
    /// Security groups.
    pub security_groups: Table<SecurityGroup>,
    /// ECS instances.
    pub instances: Table<Instance>,
    /// ENIs.
    pub enis: Table<Eni>,
    /// EIPs.
    pub eips: Table<Eip>,
    /// Cloud Assistant invocations.
    #[serde(default, skip_serializing_if = "Table::is_empty")]
    pub invocations: Table<invocation::Invocation>,
    /// Inbound rules of each security group, by group ID (absent: none).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub sg_rules: BTreeMap<String, Vec<crate::actions::security_groups::SgRule>>,
    /// What each instance's guest changed, by instance ID (absent: a fresh guest).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub guests: BTreeMap<String, guest::GuestState>,
    /// Private addresses in use, per vSwitch (rebuilt from ENIs on load).
    #[serde(skip)]
    pub pools: HashMap<String, Pool>,
    /// Pending transitions by due time (rebuilt from resources on load).
    #[serde(skip)]
    pub pending: BTreeSet<(i64, String)>,
}

impl RegionState {
    /// Claims a specific private address in a vSwitch; `false` when taken or outside it.
    pub fn claim_private_ip(&mut self, vswitch_id: &str, ip: &str) -> bool {
        let (Some(vsw), Ok(addr)) = (self.vswitches.get(vswitch_id), ip.parse::<Ipv4Addr>()) else {
            return false;
        };
        let Some(cidr) = Cidr::parse(&vsw.cidr) else {
            return false;
        };
        cidr.usable(addr)
            && self
                .pools
                .entry(vswitch_id.to_string())
                .or_default()
                .claim(addr)
    }

    /// Allocates the lowest free private address of a vSwitch.
    pub fn allocate_private_ip(&mut self, vswitch_id: &str) -> Option<String> {
        let cidr = Cidr::parse(&self.vswitches.get(vswitch_id)?.cidr)?;
        self.pools
            .entry(vswitch_id.to_string())
            .or_default()
            .allocate(&cidr)
            .map(|ip| ip.to_string())
    }

    /// Frees a private address.
    pub fn release_private_ip(&mut self, vswitch_id: &str, ip: &str) {
        if let (Some(pool), Ok(addr)) = (self.pools.get_mut(vswitch_id), ip.parse()) {
            pool.release(addr);
        }
    }

    /// Free usable addresses of a vSwitch (`AvailableIpAddressCount`).
    pub fn available_ips(&self, vswitch: &VSwitch) -> u32 {
        let total = Cidr::parse(&vswitch.cidr).map_or(0, |c| c.usable_count());
        total.saturating_sub(self.pools.get(&vswitch.id).map_or(0, Pool::used_count))
    }

    /// Schedules a transition on the resource `id` (an `eip-…` or `eni-…`).
    pub fn schedule(&mut self, id: &str, due_ms: i64) {
        self.pending.insert((due_ms, id.to_string()));
    }

    fn rebuild(&mut self) {
        self.pools.clear();
        self.pending.clear();
        let enis: Vec<(String, Vec<String>)> = self
            .enis
            .values()
            .map(|e| {
                let mut ips = vec![e.primary_ip.clone()];
                ips.extend(e.secondary_ips.iter().cloned());
                (e.vswitch_id.clone(), ips)
            })
            .collect();
        for (vsw, ips) in enis {
            for ip in ips {
                self.claim_private_ip(&vsw, &ip);
            }
        }
        let due: Vec<(i64, String)> = self
            .eips
            .values()
            .filter_map(|e| e.pending.map(|p| (p.due_ms, e.id.clone())))
            .chain(
                self.enis
                    .values()
                    .filter_map(|e| e.pending.map(|p| (p.due_ms, e.id.clone()))),
            )
            .collect();
        self.pending.extend(due);
    }
}

/// The resources of one account. Regions are shared copy-on-write, so taking a
/// [`WorldView`] for the state file costs no copy; a region is copied when first changed
/// while a view of it is still being written.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct AccountState {
    /// By region ID.
    pub regions: BTreeMap<String, Arc<RegionState>>,
}

/// What a snapshot holds, taken from a [`World`] without copying the resources; serialized
/// exactly like the world.
#[derive(Debug, Clone, Serialize)]
pub struct WorldView {
    accounts: BTreeMap<String, AccountState>,
    idempotency: idempotency::Records,
    id_counter: u64,
    id_salt: String,
}

/// Everything a snapshot holds.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct World {
    /// By account ID.
    pub accounts: BTreeMap<String, AccountState>,
    /// Recorded `ClientToken`s.
    pub idempotency: idempotency::Records,
    /// Feeds runtime IDs.
    pub id_counter: u64,
    /// Mixed into runtime IDs so different seeds give different IDs.
    pub id_salt: String,
    /// Public addresses in use, per region (rebuilt on load).
    #[serde(skip)]
    pub public_pools: HashMap<String, Pool>,
}

impl World {
    /// An empty world whose runtime IDs are salted with `salt`.
    pub fn new(salt: &str) -> Self {
        Self {
            id_salt: salt.to_string(),
            ..Self::default()
        }
    }

    /// Read access to an account's region.
    pub fn region(&self, account: &str, region: &str) -> Option<&RegionState> {
        self.accounts
            .get(account)?
            .regions
            .get(region)
            .map(|r| &**r)
    }

    /// Write access to an account's region, created on first use.
    pub fn region_mut(&mut self, account: &str, region: &str) -> &mut RegionState {
        Arc::make_mut(
            self.accounts
                .entry(account.to_string())
                .or_default()
                .regions
                .entry(region.to_string())
                .or_default(),
        )
    }

    /// A view for the state file (shares the regions and records; no copy).
    pub fn view(&self) -> WorldView {
        WorldView {
            accounts: self.accounts.clone(),
            idempotency: self.idempotency.clone(),
            id_counter: self.id_counter,
            id_salt: self.id_salt.clone(),
        }
    }

    /// A fresh resource ID for `region` (`prefix` is `eip`, `eni`, `i`, ...).
    pub fn next_id(&mut self, prefix: &str, region: &str) -> String {
        self.id_counter += 1;
        let code = regions::find(region).map_or("xx0", |r| r.code);
        ids::resource_id(
            prefix,
            code,
            &format!("{}/{}/{}", self.id_salt, prefix, self.id_counter),
        )
    }

    /// A fresh key for hash-derived values (MACs, tokens).
    pub fn next_key(&mut self, what: &str) -> String {
        self.id_counter += 1;
        format!("{}/{what}/{}", self.id_salt, self.id_counter)
    }

    /// Claims a specific public address in `region`.
    pub fn claim_public_ip(&mut self, region: &str, ip: &str) -> bool {
        match ip.parse::<Ipv4Addr>() {
            Ok(addr) => self
                .public_pools
                .entry(region.to_string())
                .or_default()
                .claim(addr),
            Err(_) => false,
        }
    }

    /// Allocates a public address from the region's block.
    pub fn allocate_public_ip(&mut self, region: &str) -> Option<String> {
        let block = regions::find(region)?.public_block;
        let cidr = Cidr {
            base: u32::from(Ipv4Addr::new(block[0], block[1], 0, 0)),
            prefix: 16,
        };
        let pool = self.public_pools.entry(region.to_string()).or_default();
        loop {
            let ip = pool.allocate(&cidr)?;
            // Skip network/broadcast-looking addresses: nobody gets x.y.z.0 or x.y.z.255.
            if !matches!(ip.octets()[3], 0 | 255) {
                return Some(ip.to_string());
            }
        }
    }

    /// A random-looking public address of the region's block derived from `key` (re-hashed
    /// on collision, falling back to the lowest free one).
    pub fn hashed_public_ip(&mut self, region: &str, key: &str) -> Option<String> {
        let [a, b] = regions::find(region)?.public_block;
        for attempt in 0..64 {
            let h = ids::numeric(&format!("{key}#{attempt}"), 12);
            let n: u64 = h.parse().unwrap_or(0);
            let ip = format!("{a}.{b}.{}.{}", n % 256, 1 + (n / 256) % 254);
            if self.claim_public_ip(region, &ip) {
                return Some(ip);
            }
        }
        self.allocate_public_ip(region)
    }

    /// Frees a public address.
    pub fn release_public_ip(&mut self, region: &str, ip: &str) {
        if let (Some(pool), Ok(addr)) = (self.public_pools.get_mut(region), ip.parse()) {
            pool.release(addr);
        }
    }

    /// Rebuilds the derived indexes (address pools, pending queue) after loading.
    pub fn rebuild_indexes(&mut self) {
        self.public_pools.clear();
        let mut public: Vec<(String, String)> = Vec::new();
        for account in self.accounts.values_mut() {
            for (region_id, region) in &mut account.regions {
                let region = Arc::make_mut(region);
                region.rebuild();
                public.extend(
                    region
                        .eips
                        .values()
                        .map(|e| (region_id.clone(), e.ip.clone())),
                );
            }
        }
        for (region, ip) in public {
            self.claim_public_ip(&region, &ip);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runtime_ids_are_deterministic_per_salt() {
        let mut a = World::new("s1");
        let mut b = World::new("s1");
        let mut c = World::new("s2");
        let ia = a.next_id("eip", "cn-hangzhou");
        assert_eq!(ia, b.next_id("eip", "cn-hangzhou"));
        assert_ne!(ia, c.next_id("eip", "cn-hangzhou"));
        assert!(ia.starts_with("eip-bp1"));
        assert_ne!(ia, a.next_id("eip", "cn-hangzhou"));
    }

    #[test]
    fn public_ips_come_from_the_region_block_and_are_unique() {
        let mut w = World::new("s");
        assert!(w.claim_public_ip("cn-hangzhou", "47.98.0.1"));
        let ip = w.allocate_public_ip("cn-hangzhou").unwrap();
        assert_eq!(ip, "47.98.0.2");
        assert!(!w.claim_public_ip("cn-hangzhou", &ip));
        assert!(w.allocate_public_ip("nowhere-1").is_none());
    }
}
