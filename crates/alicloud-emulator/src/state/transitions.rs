//! Lazy asynchronous transitions. A mutating action sets the transitional status
//! (`Associating`, `Detaching`, ...) and schedules the outcome at a due time; before every
//! request the caller's account is settled: every transition whose time has come is applied.
//! No background task exists, so a paused clock means paused transitions.

use super::World;
use super::model::{EipStatus, EniStatus, PendingKind};

/// Applies every transition of `account` due at or before `now_ms`.
pub fn settle(world: &mut World, account: &str, now_ms: i64) {
    let Some(acct) = world.accounts.get_mut(account) else {
        return;
    };
    let mut freed_public: Vec<(String, String)> = Vec::new();
    for (region_id, region) in &mut acct.regions {
        if region.pending.first().is_none_or(|(due, _)| *due > now_ms) {
            continue;
        }
        let region = std::sync::Arc::make_mut(region);
        while let Some((due, id)) = region.pending.first().cloned() {
            if due > now_ms {
                break;
            }
            region.pending.pop_first();
            if let Some(ip) = apply(region, &id, due) {
                freed_public.push((region_id.clone(), ip));
            }
        }
    }
    for (region, ip) in freed_public {
        world.release_public_ip(&region, &ip);
    }
}

/// Applies one transition; returns a public IP to free when an EIP is gone. Stale queue
/// entries (the resource's pending due time changed) are ignored.
fn apply(region: &mut super::RegionState, id: &str, due: i64) -> Option<String> {
    if let Some(eip) = region.eips.get_mut(id) {
        let pending = eip.pending.filter(|p| p.due_ms == due)?;
        eip.pending = None;
        match pending.kind {
            PendingKind::Associate => eip.status = EipStatus::InUse,
            PendingKind::Unassociate => {
                eip.status = EipStatus::Available;
                eip.binding = None;
            }
            PendingKind::Release => {
                return region.eips.remove(id).map(|e| e.ip);
            }
            _ => {}
        }
        return None;
    }
    let eni = region.enis.get_mut(id)?;
    let pending = eni.pending.filter(|p| p.due_ms == due)?;
    eni.pending = None;
    match pending.kind {
        PendingKind::Attach => eni.status = EniStatus::InUse,
        PendingKind::Detach => {
            eni.status = EniStatus::Available;
            eni.instance_id = None;
        }
        PendingKind::Delete => {
            if let Some(gone) = region.enis.remove(id) {
                region.release_private_ip(&gone.vswitch_id, &gone.primary_ip);
                for ip in &gone.secondary_ips {
                    region.release_private_ip(&gone.vswitch_id, ip);
                }
            }
        }
        _ => {}
    }
    None
}
