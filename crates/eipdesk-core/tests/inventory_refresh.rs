//! Freshness against the emulator: after a change, refreshing the resources it touched
//! returns only the rows that changed (relations included), and released resources are
//! reported as removed. Also the single-region path and the EipDesk service surface.

mod inventory_support;

use eipdesk_core::DescribeError;
use eipdesk_core::export_file::ExportTarget;
use std::time::Duration;

use alicloud_api::ecs::AttachNetworkInterfaceRequest;
use alicloud_api::vpc::{AssociateEipAddressRequest, ReleaseEipAddressRequest};
use alicloud_emulator::seed::demo_ids::*;
use alicloud_emulator::{Delays, EmulatorConfig};
use eipdesk_core::inventory::{
    BindingTarget, CutThroughVerdict, InventoryPatch, ResourceKind, ResourceRef,
};
use inventory_support::*;

fn r(kind: ResourceKind, id: &str) -> ResourceRef {
    ResourceRef {
        kind,
        id: id.into(),
        region_id: HZ.into(),
    }
}

fn quick() -> EmulatorConfig {
    EmulatorConfig {
        delays: Delays::uniform(20),
        ..Default::default()
    }
}

/// Refreshes until `done` holds for the patch (transitions take a few ms).
async fn refresh_until(
    store: &eipdesk_core::inventory::InventoryStore,
    client: &alicloud_api::Client,
    refs: &[ResourceRef],
    done: impl Fn(&InventoryPatch) -> bool,
) -> InventoryPatch {
    let mut merged: Option<InventoryPatch> = None;
    for _ in 0..100 {
        let mut patches = store
            .refresh(ctx(client, 0), refs)
            .await
            .expect("refresh works");
        assert_eq!(patches.len(), 1, "one region, one patch");
        let patch = patches.remove(0);
        // Accumulate: an earlier refresh may already have carried part of the change.
        let m = match merged.as_mut() {
            None => merged.insert(patch),
            Some(m) => {
                for e in patch.eips {
                    m.eips.retain(|x| x.allocation_id != e.allocation_id);
                    m.eips.push(e);
                }
                for e in patch.enis {
                    m.enis
                        .retain(|x| x.network_interface_id != e.network_interface_id);
                    m.enis.push(e);
                }
                for i in patch.instances {
                    m.instances.retain(|x| x.instance_id != i.instance_id);
                    m.instances.push(i);
                }
                m.removed.extend(patch.removed);
                m
            }
        };
        if done(m) {
            return m.clone();
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("the change never showed up");
}

#[tokio::test]
async fn a_cut_through_bind_and_attach_update_only_the_rows_they_touch() {
    let emu = emulator(quick()).await;
    let client = client(&emu, None);
    let store = store();
    let summary = store
        .load(ctx(&client, 0), vec![region(HZ)], true, &|_| {})
        .await;
    assert_eq!(summary.loaded.len(), 1);
    let before = store.rows(0, Some(HZ)).remove(0);
    let ready = before
        .enis
        .iter()
        .find(|e| e.network_interface_id == HZ_ENI_CT_READY_A)
        .unwrap();
    assert_eq!(ready.cut_through.verdict, CutThroughVerdict::Eligible);

    client
        .associate_eip_address(
            &AssociateEipAddressRequest::new(HZ, HZ_EIP_FREE_A, HZ_ENI_CT_READY_A)
                .instance_type("NetworkInterface")
                .mode("BINDED")
                .private_ip_address(ready.private_ip_address.clone()),
        )
        .await
        .expect("associate");
    let refs = [
        r(ResourceKind::Eip, HZ_EIP_FREE_A),
        r(ResourceKind::Eni, HZ_ENI_CT_READY_A),
    ];
    let patch = refresh_until(&store, &client, &refs, |p| {
        p.eips.iter().any(|e| e.status == "InUse")
    })
    .await;
    let eip = patch
        .eips
        .iter()
        .find(|e| e.allocation_id == HZ_EIP_FREE_A)
        .unwrap();
    let b = eip.binding.as_ref().unwrap();
    assert_eq!((b.target, b.mode.as_str()), (BindingTarget::Eni, "BINDED"));
    assert_eq!(b.eni_id.as_deref(), Some(HZ_ENI_CT_READY_A));
    let eni = patch
        .enis
        .iter()
        .find(|e| e.network_interface_id == HZ_ENI_CT_READY_A)
        .unwrap();
    assert_eq!(eni.cut_through.verdict, CutThroughVerdict::Active);
    // Nothing else changed.
    assert!(patch.eips.iter().all(|e| e.allocation_id == HZ_EIP_FREE_A));
    assert!(
        patch
            .enis
            .iter()
            .all(|e| e.network_interface_id == HZ_ENI_CT_READY_A)
    );
    assert!(patch.instances.is_empty() && patch.removed.is_empty());

    // Attaching the ENI changes the ENI row, web-01's ENI list and the EIP's binding.
    client
        .attach_network_interface(&AttachNetworkInterfaceRequest::new(
            HZ,
            HZ_ENI_CT_READY_A,
            HZ_I_WEB01,
        ))
        .await
        .expect("attach");
    let refs = [
        r(ResourceKind::Eni, HZ_ENI_CT_READY_A),
        r(ResourceKind::Instance, HZ_I_WEB01),
    ];
    let patch = refresh_until(&store, &client, &refs, |p| {
        p.enis.iter().any(|e| e.status == "InUse")
    })
    .await;
    let web01 = patch
        .instances
        .iter()
        .find(|i| i.instance_id == HZ_I_WEB01)
        .unwrap();
    assert!(
        web01
            .enis
            .iter()
            .any(|e| e.network_interface_id == HZ_ENI_CT_READY_A)
    );
    assert_eq!(web01.eni_remaining, Some(0));
    let eip = patch
        .eips
        .iter()
        .find(|e| e.allocation_id == HZ_EIP_FREE_A)
        .unwrap();
    assert_eq!(
        eip.binding.as_ref().unwrap().instance_id.as_deref(),
        Some(HZ_I_WEB01)
    );

    // The store now holds the new state.
    let after = store.rows(0, Some(HZ)).remove(0);
    assert_eq!(after.eips.len(), before.eips.len());
}

#[tokio::test]
async fn released_eips_are_reported_removed() {
    let emu = emulator(quick()).await;
    let client = client(&emu, None);
    let store = store();
    store
        .load(ctx(&client, 0), vec![region(HZ)], true, &|_| {})
        .await;
    client
        .release_eip_address(&ReleaseEipAddressRequest::new(HZ, HZ_EIP_FREE_B))
        .await
        .expect("release");
    let refs = [r(ResourceKind::Eip, HZ_EIP_FREE_B)];
    let patch = refresh_until(&store, &client, &refs, |p| !p.removed.is_empty()).await;
    assert_eq!(patch.removed, vec![r(ResourceKind::Eip, HZ_EIP_FREE_B)]);
    assert_eq!(store.rows(0, Some(HZ))[0].eips.len(), 7);
}

#[tokio::test]
async fn refreshing_a_region_not_loaded_loads_it_whole_and_bad_refs_are_refused() {
    let emu = emulator(quick()).await;
    let client = client(&emu, None);
    let store = store();
    let patches = store
        .refresh(ctx(&client, 0), &[r(ResourceKind::Eip, HZ_EIP_FREE_A)])
        .await
        .unwrap();
    assert_eq!(patches.len(), 1);
    assert_eq!((patches[0].eips.len(), patches[0].enis.len()), (8, 16));
    let bad = ResourceRef {
        kind: ResourceKind::Eni,
        id: HZ_EIP_FREE_A.into(),
        region_id: HZ.into(),
    };
    let err = store.refresh(ctx(&client, 0), &[bad]).await.unwrap_err();
    assert_eq!(err.to_dto().code, "InvalidId");
}

#[tokio::test]
async fn region_names_come_in_the_language_asked_for() {
    use eipdesk_core::inventory::RegionLanguage;
    let home = tempfile::tempdir().unwrap();
    let desk = eipdesk_core::EipDesk::start(home.path())
        .await
        .expect("desk starts");
    let name = |regions: &[eipdesk_core::api::RegionInfo]| {
        regions
            .iter()
            .find(|r| r.id == HZ)
            .map(|r| r.name.clone())
            .unwrap()
    };
    let chinese = desk.list_regions(RegionLanguage::Chinese).await.unwrap();
    assert_eq!(name(&chinese), "华东1（杭州）");
    // Each language has its own cached list; asking again in another language re-reads.
    let english = desk.list_regions(RegionLanguage::English).await.unwrap();
    assert_eq!(name(&english), "China (Hangzhou)");
    let japanese = desk.list_regions(RegionLanguage::Japanese).await.unwrap();
    assert_eq!(name(&japanese), "中国 (杭州)");
    let again = desk.list_regions(RegionLanguage::Chinese).await.unwrap();
    assert_eq!(again, chinese);
    let ids =
        |r: &[eipdesk_core::api::RegionInfo]| r.iter().map(|r| r.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&chinese), ids(&english));
}

#[tokio::test]
async fn the_service_lists_regions_loads_scopes_and_exports() {
    let home = tempfile::tempdir().unwrap();
    let desk = eipdesk_core::EipDesk::start(home.path())
        .await
        .expect("desk starts");
    let regions = desk.list_regions(Default::default()).await.unwrap();
    assert_eq!(regions.len(), 15);
    assert!(
        regions
            .iter()
            .find(|r| r.id == "ap-northeast-1")
            .is_some_and(|r| !r.cut_through)
    );
    let eips = desk.list_eips(HZ).await.unwrap();
    assert_eq!(eips.len(), 8);
    assert!(desk.list_eips("Hangzhou").await.is_err());

    let recorder = Recorder::default();
    let request = eipdesk_core::inventory::LoadRequest {
        scope: eipdesk_core::inventory::Scope::All,
        supersede: true,
    };
    let summary = desk
        .load_inventory(&request, &recorder.sink())
        .await
        .unwrap();
    assert_eq!(summary.loaded.len(), 15);
    assert_eq!(
        desk.inventory_rows(&eipdesk_core::inventory::Scope::All)
            .len(),
        15
    );
    assert_eq!(
        desk.inventory_rows(&eipdesk_core::inventory::Scope::parse(HZ).unwrap())
            .len(),
        1
    );
    assert!(desk.inventory_region(&region(HZ)).is_some());

    let suggested = desk.csv_export_suggestion(eipdesk_core::inventory::TableId::Eips);
    assert!(
        suggested.file_name.ends_with(".csv") && suggested.file_name.starts_with("eipdesk-eips-"),
        "{suggested:?}"
    );
    let target = ExportTarget::chosen(home.path().join("eips"), "csv").unwrap();
    let result = desk
        .export_csv(
            &target,
            &eipdesk_core::inventory::CsvExportRequest {
                table: eipdesk_core::inventory::TableId::Eips,
                headers: vec!["IP".into()],
                rows: vec![vec![HZ_EIP_FREE_A_IP.into()]],
            },
        )
        .unwrap();
    assert_eq!(result.rows, 1);
    assert!(
        std::fs::read_to_string(&result.path)
            .unwrap()
            .contains(HZ_EIP_FREE_A_IP)
    );
}
