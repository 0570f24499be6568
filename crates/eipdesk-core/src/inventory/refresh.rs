//! Freshness after a change: describe only the named resources again, merge them into the
//! region's listing, rebuild its rows, and return just the rows that changed (relations
//! included: re-reading an EIP also updates the ENI and instance rows it touches).

use std::collections::{BTreeMap, HashMap};

use futures::future::try_join_all;

use super::events::{InventoryPatch, now_rfc3339};
use super::facts::merge_by_id;
use super::fetch::RequestedIds;
use super::load::LoadContext;
use super::rows::{EipRow, EniRow, InstanceRow, RegionRows, ResourceKind, ResourceRef};
use super::store::InventoryStore;
use crate::error::CoreError;
use crate::ids::{AllocationId, EniId, InstanceId, InvalidId, RegionId};

/// Validates and groups references by region.
pub fn group_refs(refs: &[ResourceRef]) -> Result<BTreeMap<RegionId, RequestedIds>, InvalidId> {
    let mut out: BTreeMap<RegionId, RequestedIds> = BTreeMap::new();
    for r in refs {
        let region = RegionId::parse(&r.region_id)?;
        let ids = out.entry(region).or_default();
        let (list, id) = match r.kind {
            ResourceKind::Eip => (&mut ids.eips, AllocationId::parse(&r.id)?.to_string()),
            ResourceKind::Eni => (&mut ids.enis, EniId::parse(&r.id)?.to_string()),
            ResourceKind::Instance => (&mut ids.instances, InstanceId::parse(&r.id)?.to_string()),
        };
        if !list.contains(&id) {
            list.push(id);
        }
    }
    Ok(out)
}

/// Rows in `new` that are new or differ from `old`, and the keys of rows `new` lacks.
fn changed<T: PartialEq + Clone>(
    old: &[T],
    new: &[T],
    key: impl Fn(&T) -> &str,
) -> (Vec<T>, Vec<String>) {
    let before: HashMap<&str, &T> = old.iter().map(|r| (key(r), r)).collect();
    let upserts = new
        .iter()
        .filter(|r| before.get(key(r)).is_none_or(|o| *o != *r))
        .cloned()
        .collect();
    let after: HashMap<&str, &T> = new.iter().map(|r| (key(r), r)).collect();
    let removed = old
        .iter()
        .map(&key)
        .filter(|k| !after.contains_key(k))
        .map(str::to_string)
        .collect();
    (upserts, removed)
}

/// The patch taking `old` to `new`.
pub fn diff_rows(old: &RegionRows, new: &RegionRows, refreshed_at: String) -> InventoryPatch {
    let region_id = new.region_id.clone();
    let (eips, gone_eips) = changed(&old.eips, &new.eips, |r: &EipRow| &r.allocation_id);
    let (enis, gone_enis) = changed(&old.enis, &new.enis, |r: &EniRow| &r.network_interface_id);
    let (instances, gone_instances) = changed(&old.instances, &new.instances, |r: &InstanceRow| {
        &r.instance_id
    });
    let reference = |kind| {
        let region_id = region_id.clone();
        move |id: String| ResourceRef {
            kind,
            id,
            region_id: region_id.clone(),
        }
    };
    let removed = gone_eips
        .into_iter()
        .map(reference(ResourceKind::Eip))
        .chain(gone_enis.into_iter().map(reference(ResourceKind::Eni)))
        .chain(
            gone_instances
                .into_iter()
                .map(reference(ResourceKind::Instance)),
        )
        .collect();
    InventoryPatch {
        region_id,
        eips,
        enis,
        instances,
        removed,
        refreshed_at,
    }
}

impl InventoryStore {
    /// Refreshes the named resources; one patch per region. A region not loaded yet is
    /// loaded whole (its patch then holds every row).
    pub async fn refresh(
        &self,
        ctx: LoadContext<'_>,
        refs: &[ResourceRef],
    ) -> Result<Vec<InventoryPatch>, CoreError> {
        let groups = group_refs(refs)?;
        let fetcher = self.fetcher(ctx.client, ctx.generation);
        let quotas = self.quotas(ctx.generation);
        let patches = try_join_all(groups.into_iter().map(|(region, ids)| {
            let (fetcher, quotas) = (&fetcher, &quotas);
            async move {
                if self.region(ctx.generation, region.as_str()).is_some() {
                    let fresh = fetcher.by_ids(&region, &ids, quotas).await?;
                    let at = now_rfc3339();
                    let updated = self.update_region(
                        ctx.generation,
                        region.as_str(),
                        ctx.cut_through,
                        at.clone(),
                        |facts| {
                            merge_by_id(&mut facts.eips, &ids.eip_set(), fresh.eips, |e| {
                                &e.allocation_id
                            });
                            merge_by_id(&mut facts.enis, &ids.eni_set(), fresh.enis, |e| {
                                &e.network_interface_id
                            });
                            merge_by_id(
                                &mut facts.instances,
                                &ids.instance_set(),
                                fresh.instances,
                                |i| &i.instance_id,
                            );
                        },
                    );
                    if let Some((old, new)) = updated {
                        return Ok::<_, CoreError>(Some(diff_rows(&old, &new, at)));
                    }
                }
                let fetched = fetcher.region(&region, quotas).await?;
                let at = now_rfc3339();
                Ok(self
                    .put_region(ctx.generation, fetched.facts, ctx.cut_through, at.clone())
                    .map(|rows| diff_rows(&RegionRows::default(), &rows, at)))
            }
        }))
        .await?;
        Ok(patches.into_iter().flatten().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::inventory::facts::{EniQuotas, RegionFacts};
    use crate::inventory::relations::build_rows;
    use crate::regions::CutThroughRegions;
    use alicloud_api::ecs::NetworkInterfaceSet;
    use alicloud_api::vpc::EipAddress;

    fn r(kind: ResourceKind, id: &str, region: &str) -> ResourceRef {
        ResourceRef {
            kind,
            id: id.into(),
            region_id: region.into(),
        }
    }

    #[test]
    fn refs_are_validated_deduplicated_and_grouped() {
        let groups = group_refs(&[
            r(ResourceKind::Eip, "eip-a", "cn-hangzhou"),
            r(ResourceKind::Eip, "eip-a", "cn-hangzhou"),
            r(ResourceKind::Eni, "eni-b", "cn-hangzhou"),
            r(ResourceKind::Instance, "i-c", "cn-beijing"),
        ])
        .unwrap();
        let hz = &groups[&RegionId::parse("cn-hangzhou").unwrap()];
        assert_eq!(
            (hz.eips.clone(), hz.enis.clone()),
            (vec!["eip-a".to_string()], vec!["eni-b".to_string()])
        );
        assert_eq!(
            groups[&RegionId::parse("cn-beijing").unwrap()].instances,
            vec!["i-c".to_string()]
        );
        assert!(group_refs(&[r(ResourceKind::Eni, "eip-a", "cn-hangzhou")]).is_err());
        assert!(group_refs(&[r(ResourceKind::Eip, "eip-a", "Hangzhou")]).is_err());
    }

    fn facts(eip_target: &str) -> RegionFacts {
        let mut f = RegionFacts::empty(RegionId::parse("cn-hangzhou").unwrap());
        f.eips = vec![
            EipAddress {
                allocation_id: "eip-a".into(),
                ip_address: "47.98.0.1".into(),
                status: if eip_target.is_empty() {
                    "Available"
                } else {
                    "InUse"
                }
                .into(),
                instance_type: if eip_target.is_empty() {
                    ""
                } else {
                    "NetworkInterface"
                }
                .into(),
                instance_id: eip_target.into(),
                mode: if eip_target.is_empty() { "" } else { "BINDED" }.into(),
                ..Default::default()
            },
            EipAddress {
                allocation_id: "eip-z".into(),
                ip_address: "47.98.0.2".into(),
                status: "Available".into(),
                ..Default::default()
            },
        ];
        f.enis = vec![
            NetworkInterfaceSet {
                network_interface_id: "eni-b".into(),
                interface_type: "Secondary".into(),
                status: "Available".into(),
                vpc_id: "vpc-1".into(),
                ..Default::default()
            },
            NetworkInterfaceSet {
                network_interface_id: "eni-c".into(),
                interface_type: "Secondary".into(),
                status: "Available".into(),
                vpc_id: "vpc-1".into(),
                ..Default::default()
            },
        ];
        f
    }

    #[test]
    fn binding_an_eip_patches_the_eip_and_the_eni_it_touches_only() {
        let rows =
            |f: &RegionFacts| build_rows(f, &EniQuotas::default(), &CutThroughRegions::default());
        let before = rows(&facts(""));
        let after = rows(&facts("eni-b"));
        let patch = diff_rows(&before, &after, "t".into());
        let eips: Vec<&str> = patch
            .eips
            .iter()
            .map(|e| e.allocation_id.as_str())
            .collect();
        let enis: Vec<&str> = patch
            .enis
            .iter()
            .map(|e| e.network_interface_id.as_str())
            .collect();
        assert_eq!(eips, ["eip-a"]);
        assert_eq!(enis, ["eni-b"]);
        assert!(patch.instances.is_empty() && patch.removed.is_empty());
        assert_eq!(patch.enis[0].eips[0].mode, "BINDED");
    }

    #[test]
    fn removed_rows_are_reported() {
        let rows =
            |f: &RegionFacts| build_rows(f, &EniQuotas::default(), &CutThroughRegions::default());
        let before = rows(&facts(""));
        let mut gone = facts("");
        gone.eips.retain(|e| e.allocation_id != "eip-z");
        let patch = diff_rows(&before, &rows(&gone), "t".into());
        assert!(patch.eips.is_empty());
        assert_eq!(
            patch.removed,
            vec![r(ResourceKind::Eip, "eip-z", "cn-hangzhou")]
        );
        assert_eq!(diff_rows(&before, &before, "t".into()).removed, vec![]);
    }
}
