//! The `scale:N` seed for benchmarks: in each of the 15 regions, for the demo account, one VPC
//! with a /16 vSwitch per zone, `N/2` running instances (each with its primary ENI),
//! `N - N/2` free secondary ENIs (so `N` ENIs in all) and `N` EIPs: a quarter associated with
//! instances in NAT mode, an eighth in cut-through mode on secondary ENIs, the rest free.

use super::builder::Builder;
use crate::accounts::DEMO_ACCOUNT_ID;
use crate::state::World;
use crate::state::model::{BindMode, ChargeType, InstanceStatus};
use crate::state::regions::REGIONS;

/// Populates `world` with `n` of each resource per region.
pub fn populate(world: &mut World, n: usize) {
    for region in REGIONS {
        let Some(mut b) = Builder::new(world, DEMO_ACCOUNT_ID, region.id) else {
            continue;
        };
        let vpc = b.vpc("scale-vpc", "10.0.0.0/8");
        let sg = b.security_group(&vpc, "scale-sg");
        let vswitches: Vec<String> = region
            .zones
            .iter()
            .enumerate()
            .map(|(k, z)| {
                b.vswitch(
                    &vpc,
                    z,
                    &format!("scale-{z}"),
                    &format!("10.{}.0.0/16", k + 1),
                )
            })
            .collect();
        let instances_n = n / 2;
        let mut instances = Vec::with_capacity(instances_n);
        for k in 0..instances_n {
            let vsw = &vswitches[k % vswitches.len()];
            let (id, _) = b.instance(
                &format!("node-{k:05}"),
                vsw,
                &sg,
                "ecs.g7.xlarge",
                InstanceStatus::Running,
            );
            instances.push(id);
        }
        let mut enis = Vec::with_capacity(n - instances_n);
        for k in 0..n - instances_n {
            let vsw = &vswitches[k % vswitches.len()];
            enis.push(b.eni(&format!("eni-{k:05}"), vsw, &sg, 0));
        }
        for k in 0..n {
            let (eip, _) = b.eip(
                &format!("eip-{k:05}"),
                5,
                ChargeType::PostPaid,
                "PayByTraffic",
            );
            if k < n / 4 && k < instances.len() {
                b.bind_instance(&eip, &instances[k]);
            } else if k >= n / 4
                && k < n / 4 + n / 8
                && let Some(eni) = enis.get(k - n / 4)
            {
                b.bind_eni(&eip, eni, BindMode::Binded);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_per_region() {
        let mut w = World::new("t");
        populate(&mut w, 8);
        let acct = &w.accounts[DEMO_ACCOUNT_ID];
        assert_eq!(acct.regions.len(), 15);
        for r in acct.regions.values() {
            assert_eq!(r.eips.len(), 8);
            assert_eq!(r.enis.len(), 8);
            assert_eq!(r.instances.len(), 4);
            let bound = r.eips.values().filter(|e| e.binding.is_some()).count();
            assert_eq!(bound, 2 + 1);
        }
    }
}
