//! What the API said about one region (EIPs, ENIs, instances, VPC and vSwitch names), kept
//! so rows can be rebuilt after a targeted refresh, and the merge of refreshed items into it.

use std::collections::{BTreeMap, HashMap, HashSet};

use alicloud_api::ecs::{Instance, NetworkInterfaceSet};
use alicloud_api::vpc::EipAddress;

use crate::ids::RegionId;

/// The raw listing of one region.
#[derive(Debug, Clone)]
pub struct RegionFacts {
    pub region: RegionId,
    pub eips: Vec<EipAddress>,
    pub enis: Vec<NetworkInterfaceSet>,
    pub instances: Vec<Instance>,
    /// VPC ID → name (empty names are left out).
    pub vpc_names: BTreeMap<String, String>,
    /// vSwitch ID → name (empty names are left out).
    pub vswitch_names: BTreeMap<String, String>,
}

impl RegionFacts {
    /// A region with nothing in it.
    pub fn empty(region: RegionId) -> Self {
        Self {
            region,
            eips: Vec::new(),
            enis: Vec::new(),
            instances: Vec::new(),
            vpc_names: BTreeMap::new(),
            vswitch_names: BTreeMap::new(),
        }
    }
}

/// `ENI quota` (EniQuantity) per instance type.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EniQuotas(HashMap<String, u32>);

impl EniQuotas {
    pub fn get(&self, instance_type: &str) -> Option<u32> {
        self.0.get(instance_type).copied()
    }

    pub fn insert(&mut self, instance_type: impl Into<String>, eni_quantity: u32) {
        self.0.insert(instance_type.into(), eni_quantity);
    }

    pub fn contains(&self, instance_type: &str) -> bool {
        self.0.contains_key(instance_type)
    }
}

impl FromIterator<(String, u32)> for EniQuotas {
    fn from_iter<T: IntoIterator<Item = (String, u32)>>(iter: T) -> Self {
        Self(iter.into_iter().collect())
    }
}

/// Replaces the items whose key is in `requested` by what `fetched` holds for them: items
/// fetched again are updated (or added), requested items that were not returned are gone.
/// Items not requested are kept as they were, in their order; new ones are appended.
pub fn merge_by_id<T>(
    items: &mut Vec<T>,
    requested: &HashSet<String>,
    fetched: Vec<T>,
    key: impl Fn(&T) -> &str,
) {
    let mut fresh: HashMap<String, T> = fetched
        .into_iter()
        .filter(|item| requested.contains(key(item)))
        .map(|item| (key(&item).to_string(), item))
        .collect();
    let mut kept = Vec::with_capacity(items.len() + fresh.len());
    for item in items.drain(..) {
        let id = key(&item).to_string();
        if !requested.contains(&id) {
            kept.push(item);
        } else if let Some(updated) = fresh.remove(&id) {
            kept.push(updated);
        }
    }
    let mut added: Vec<T> = fresh.into_values().collect();
    added.sort_by(|a, b| key(a).cmp(key(b)));
    kept.extend(added);
    *items = kept;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, PartialEq)]
    struct Item(&'static str, u32);

    fn ids(v: &[&str]) -> HashSet<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn merge_updates_removes_and_adds_only_requested_items() {
        let mut items = vec![Item("a", 1), Item("b", 1), Item("c", 1)];
        let fetched = vec![Item("b", 2), Item("d", 2), Item("e", 9)];
        // b updated, c gone (requested, not returned), d new, e ignored (not requested).
        merge_by_id(&mut items, &ids(&["b", "c", "d"]), fetched, |i| i.0);
        assert_eq!(items, vec![Item("a", 1), Item("b", 2), Item("d", 2)]);
    }

    #[test]
    fn merge_with_nothing_requested_changes_nothing() {
        let mut items = vec![Item("a", 1)];
        merge_by_id(&mut items, &ids(&[]), vec![Item("a", 5)], |i| i.0);
        assert_eq!(items, vec![Item("a", 1)]);
    }

    #[test]
    fn quotas_lookup() {
        let q: EniQuotas = [("ecs.g7.large".to_string(), 3)].into_iter().collect();
        assert_eq!(q.get("ecs.g7.large"), Some(3));
        assert!(q.contains("ecs.g7.large"));
        assert_eq!(q.get("ecs.t5"), None);
    }
}
