//! Load-time checks of a snapshot: every region known, every reference resolvable (vSwitch →
//! VPC, instance → VPC/vSwitch/primary ENI/security groups, ENI → VPC/vSwitch/instance/security
//! groups, EIP binding → instance or ENI), no address used twice. Duplicate IDs are refused
//! while parsing ([`crate::state::table`]). Each failure names the account, region, resource
//! and reference.

use std::collections::HashSet;

use crate::state::model::BindTarget;
use crate::state::{RegionState, World, regions};

/// Checks a parsed world; the error says exactly what is wrong.
pub fn check(world: &World) -> Result<(), String> {
    for (account, state) in &world.accounts {
        for (region_id, region) in &state.regions {
            let at = |what: String| format!("account {account}, region {region_id}: {what}");
            if regions::find(region_id).is_none() {
                return Err(at("unknown region".into()));
            }
            check_region(region).map_err(at)?;
        }
    }
    Ok(())
}

fn missing(owner: &str, kind: &str, id: &str) -> String {
    format!("{owner} refers to {kind} {id:?}, which does not exist")
}

fn check_region(r: &RegionState) -> Result<(), String> {
    let vpc = |owner: &str, id: &str| {
        if r.vpcs.contains(id) {
            Ok(())
        } else {
            Err(missing(owner, "VPC", id))
        }
    };
    let vswitch = |owner: &str, id: &str| {
        if r.vswitches.contains(id) {
            Ok(())
        } else {
            Err(missing(owner, "vSwitch", id))
        }
    };
    let groups = |owner: &str, ids: &[String]| {
        ids.iter()
            .find(|g| !r.security_groups.contains(g))
            .map_or(Ok(()), |g| Err(missing(owner, "security group", g)))
    };
    for v in r.vswitches.values() {
        vpc(&format!("vSwitch {}", v.id), &v.vpc_id)?;
    }
    for g in r.security_groups.values() {
        vpc(&format!("security group {}", g.id), &g.vpc_id)?;
    }
    for i in r.instances.values() {
        let owner = format!("instance {}", i.id);
        vpc(&owner, &i.vpc_id)?;
        vswitch(&owner, &i.vswitch_id)?;
        groups(&owner, &i.security_group_ids)?;
        if !r.enis.contains(&i.primary_eni_id) {
            return Err(missing(&owner, "primary ENI", &i.primary_eni_id));
        }
    }
    let mut private = HashSet::new();
    for e in r.enis.values() {
        let owner = format!("ENI {}", e.id);
        vpc(&owner, &e.vpc_id)?;
        vswitch(&owner, &e.vswitch_id)?;
        groups(&owner, &e.security_group_ids)?;
        if let Some(i) = &e.instance_id
            && !r.instances.contains(i)
        {
            return Err(missing(&owner, "instance", i));
        }
        for ip in std::iter::once(&e.primary_ip).chain(&e.secondary_ips) {
            if !private.insert((e.vswitch_id.as_str(), ip.as_str())) {
                return Err(format!(
                    "{owner}: private address {ip} of vSwitch {} is used twice",
                    e.vswitch_id
                ));
            }
        }
    }
    let mut public = HashSet::new();
    for e in r.eips.values() {
        let owner = format!("EIP {}", e.id);
        if !public.insert(e.ip.as_str()) {
            return Err(format!("{owner}: public address {} is used twice", e.ip));
        }
        if let Some(b) = &e.binding {
            let known = match b.target {
                BindTarget::EcsInstance => r.instances.contains(&b.instance_id),
                BindTarget::NetworkInterface => r.enis.contains(&b.instance_id),
            };
            if !known {
                let kind = match b.target {
                    BindTarget::EcsInstance => "instance",
                    BindTarget::NetworkInterface => "ENI",
                };
                return Err(missing(&format!("{owner} (bound)"), kind, &b.instance_id));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::persist::Snapshot;

    fn demo() -> serde_json::Value {
        let mut world = World::new("t");
        crate::seed::demo::populate(&mut world);
        serde_json::from_str(&crate::persist::to_json(&world)).unwrap()
    }

    fn first_region(v: &mut serde_json::Value) -> &mut serde_json::Value {
        let acct = v["world"]["accounts"]
            .as_object_mut()
            .unwrap()
            .values_mut()
            .next()
            .unwrap();
        &mut acct["regions"]["cn-hangzhou"]
    }

    #[test]
    fn the_demo_world_is_valid() {
        assert!(Snapshot::parse(&demo().to_string()).is_ok());
    }

    /// Issue 13 (9): dangling references and duplicate IDs are refused, saying which.
    #[test]
    fn dangling_references_and_duplicates_are_named() {
        let mut v = demo();
        let enis = first_region(&mut v)["enis"].as_array_mut().unwrap();
        let attached = enis
            .iter_mut()
            .find(|e| !e["instance_id"].is_null())
            .unwrap();
        attached["instance_id"] = "i-gone".into();
        let e = Snapshot::parse(&v.to_string()).unwrap_err().to_string();
        assert!(
            e.contains("refers to instance \"i-gone\", which does not exist"),
            "{e}"
        );
        assert!(e.contains("region cn-hangzhou"), "{e}");

        let mut v = demo();
        let eips = first_region(&mut v)["eips"].as_array_mut().unwrap();
        let copy = eips[0].clone();
        eips.push(copy);
        let e = Snapshot::parse(&v.to_string()).unwrap_err().to_string();
        assert!(e.contains("duplicate ID"), "{e}");

        let mut v = demo();
        let eips = first_region(&mut v)["eips"].as_array_mut().unwrap();
        let bound = eips.iter_mut().find(|e| !e["binding"].is_null()).unwrap();
        bound["binding"]["instance_id"] = "eni-gone".into();
        let e = Snapshot::parse(&v.to_string()).unwrap_err().to_string();
        assert!(
            e.contains("\"eni-gone\", which does not exist") || e.contains("\"eni-gone\""),
            "{e}"
        );
    }
}
