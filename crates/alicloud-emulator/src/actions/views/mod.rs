//! Resource → response item, as typed views that borrow the state and serialize with the
//! exact field names and JSON types of the official SDK models: [`eip`] (EIPs), [`eni`]
//! (ENIs), [`instance`] (instances), [`network`] (VPCs, vSwitches), shared shapes in
//! [`shapes`]. Fields are declared in byte order of their names, the order a `Value` object
//! has, so the bytes are those the emulator has always sent (a test checks every view).
//!
//! Derived associations (an ENI's `AssociatedPublicIp`, an instance's `EipAddress`) come from
//! [`BoundIndex`], an index of the EIPs bound in the region.

pub mod eip;
pub mod eni;
pub mod instance;
pub mod network;
pub mod shapes;

use std::collections::HashMap;

use crate::state::RegionState;
use crate::state::model::{BindTarget, Eip, EipStatus, Eni, EniType};

pub use eip::EipView;
pub use eni::EniView;
pub use instance::InstanceView;
pub use network::{VSwitchView, VpcView};

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
        let mut by_target: HashMap<&str, Vec<&Eip>> = HashMap::with_capacity(region.eips.len());
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

#[cfg(test)]
mod tests {
    use super::shapes::tests::assert_value_order;
    use super::*;
    use crate::state::World;

    /// Every view of every demo resource (tagged, attached, bound, free) declares its fields
    /// in the order a `Value` object would write them.
    #[test]
    fn every_view_keeps_value_key_order() {
        let mut world = World::new("t");
        crate::seed::demo::populate(&mut world);
        let mut checked = 0;
        for (account, state) in &mut world.accounts {
            for (region, res) in &mut state.regions {
                let res = std::sync::Arc::make_mut(res);
                let tag = || vec![("k".to_string(), "v".to_string())];
                res.eips.values_mut().for_each(|e| e.tags = tag());
                res.enis.values_mut().for_each(|e| e.tags = tag());
                res.instances.values_mut().for_each(|i| i.tags = tag());
                let res = &*res;
                let bound = BoundIndex::new(res);
                for e in res.eips.values() {
                    assert_value_order(&EipView::new(e, region));
                    checked += 1;
                }
                for e in res.enis.values() {
                    assert_value_order(&EniView::new(e, &bound, account));
                    checked += 1;
                }
                for i in res.instances.values() {
                    let enis: Vec<&Eni> = res
                        .enis
                        .values()
                        .filter(|e| e.instance_id.as_ref() == Some(&i.id))
                        .collect();
                    assert_value_order(&InstanceView::new(i, &enis, &bound, region));
                    checked += 1;
                }
                for v in res.vpcs.values() {
                    assert_value_order(&VpcView::new(v, vec!["vsw-1"], region, account));
                    checked += 1;
                }
                for s in res.vswitches.values() {
                    assert_value_order(&VSwitchView::new(s, 1, "vtb-1", account));
                    checked += 1;
                }
            }
        }
        assert!(checked > 50);
    }
}
