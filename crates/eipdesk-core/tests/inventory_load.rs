//! The inventory against the emulator (demo seed, started in-process): every region loads
//! with the right relations; a failing region does not hide the others and can be retried;
//! throttling is absorbed; a newer load or a session switch cancels a running one.

mod inventory_support;

use std::time::Duration;

use alicloud_api::RetryPolicy;
use alicloud_emulator::seed::demo_ids::*;
use alicloud_emulator::{EmulatorConfig, FaultConfig, FaultRule};
use eipdesk_core::inventory::{
    BindingTarget, CutThroughReasonCode, CutThroughVerdict, InventoryEvent, RegionRows,
};
use inventory_support::*;

fn rows_of<'a>(events: &'a [InventoryEvent], region: &str) -> &'a RegionRows {
    events
        .iter()
        .find_map(|e| match e {
            InventoryEvent::RegionLoaded(l) if l.rows.region_id == region => Some(&l.rows),
            _ => None,
        })
        .unwrap_or_else(|| panic!("{region} was not loaded"))
}

#[tokio::test]
async fn all_regions_load_with_their_relations() {
    let emu = emulator(EmulatorConfig::default()).await;
    let client = client(&emu, None);
    let store = store();
    let regions = all_regions(&client).await;
    assert_eq!(regions.len(), 15);
    let recorder = Recorder::default();
    let summary = store
        .load(ctx(&client, 0), regions.clone(), true, &recorder.sink())
        .await;
    assert!(!summary.cancelled);
    assert_eq!((summary.loaded.len(), summary.failed.len()), (15, 0));

    let events = recorder.events();
    assert!(matches!(events.first(), Some(InventoryEvent::Started(s)) if s.region_ids.len() == 15));
    assert!(matches!(events.last(), Some(InventoryEvent::Finished(f)) if f.loaded.len() == 15));
    let per_region = events
        .iter()
        .filter(|e| matches!(e, InventoryEvent::RegionLoaded(_)))
        .count();
    assert_eq!(per_region, 15);

    let hz = rows_of(&events, HZ);
    assert_eq!(
        (hz.eips.len(), hz.enis.len(), hz.instances.len()),
        (8, 16, 6)
    );

    // EIP in cut-through mode: bound to an ENI, which is attached to web-02.
    let live = hz
        .eips
        .iter()
        .find(|e| e.allocation_id == HZ_EIP_CT_LIVE)
        .unwrap();
    let b = live.binding.as_ref().unwrap();
    assert_eq!((b.target, b.mode.as_str()), (BindingTarget::Eni, "BINDED"));
    assert_eq!(b.eni_id.as_deref(), Some(HZ_ENI_CT_LIVE));
    assert_eq!(b.instance_id.as_deref(), Some(HZ_I_WEB02));
    assert_eq!(b.instance_name.as_deref(), Some("web-02"));
    // EIP in NAT mode on the instance itself.
    let nat = hz
        .eips
        .iter()
        .find(|e| e.allocation_id == HZ_EIP_WEB02_NAT)
        .unwrap();
    let b = nat.binding.as_ref().unwrap();
    assert_eq!(
        (b.target, b.mode.as_str()),
        (BindingTarget::Instance, "NAT")
    );

    // ENIs: instance, EIP, eligibility and names.
    let eni = |id: &str| {
        hz.enis
            .iter()
            .find(|e| e.network_interface_id == id)
            .unwrap()
    };
    assert_eq!(
        eni(HZ_ENI_CT_READY_A).cut_through.verdict,
        CutThroughVerdict::Eligible
    );
    assert_eq!(eni(HZ_ENI_CT_READY_A).vpc_name.as_deref(), Some("prod-vpc"));
    assert_eq!(
        eni(HZ_ENI_CT_READY_A).vswitch_name.as_deref(),
        Some("prod-app-h")
    );
    let data = eni(HZ_ENI_WEB01_DATA);
    assert_eq!(data.cut_through.verdict, CutThroughVerdict::NeedsDetach);
    assert_eq!(data.instance_id.as_deref(), Some(HZ_I_WEB01));
    assert_eq!(data.instance_name.as_deref(), Some("web-01"));
    let live = eni(HZ_ENI_CT_LIVE);
    assert_eq!(live.cut_through.verdict, CutThroughVerdict::Active);
    assert_eq!(live.eips[0].allocation_id, HZ_EIP_CT_LIVE);
    let multi = eni(HZ_ENI_MULTI_IP);
    assert_eq!(multi.secondary_private_ips.len(), 2);
    assert_eq!(
        multi.cut_through.reasons[0].code,
        CutThroughReasonCode::HasSecondaryIps
    );
    let primary = eni(HZ_ENI_WEB01_PRIMARY);
    assert_eq!(
        primary.cut_through.reasons[0].code,
        CutThroughReasonCode::PrimaryEni
    );
    assert_eq!(
        eni(HZ_ENI_NAT).cut_through.reasons[0].code,
        CutThroughReasonCode::HasEip
    );

    // Instances: ENIs with their EIPs and the capacity left (EniQuantity).
    let instance = |id: &str| hz.instances.iter().find(|i| i.instance_id == id).unwrap();
    let web01 = instance(HZ_I_WEB01);
    let ids: Vec<&str> = web01
        .enis
        .iter()
        .map(|e| e.network_interface_id.as_str())
        .collect();
    assert_eq!(ids, [HZ_ENI_WEB01_PRIMARY, HZ_ENI_WEB01_DATA]);
    assert_eq!((web01.eni_quota, web01.eni_remaining), (Some(3), Some(1)));
    let edge = instance(HZ_I_EDGE01);
    assert_eq!(edge.eni_remaining, Some(0), "edge-01 is full");
    let web02 = instance(HZ_I_WEB02);
    assert_eq!(
        web02.eip.as_ref().map(|e| e.allocation_id.as_str()),
        Some(HZ_EIP_WEB02_NAT)
    );
    let ct = web02
        .enis
        .iter()
        .find(|e| e.network_interface_id == HZ_ENI_CT_LIVE)
        .unwrap();
    assert_eq!(ct.eips[0].mode, "BINDED");

    // A region without cut-through mode.
    let tokyo = rows_of(&events, "ap-northeast-1");
    let spare = tokyo
        .enis
        .iter()
        .find(|e| e.network_interface_id == TOKYO_ENI_SPARE)
        .unwrap();
    assert_eq!(
        spare.cut_through.reasons[0].code,
        CutThroughReasonCode::RegionUnsupported
    );
    assert!(tokyo.eips.iter().any(|e| e.allocation_id == TOKYO_EIP_FREE));

    // The store keeps what was loaded.
    assert_eq!(store.rows(0, None).len(), 15);
    assert_eq!(store.rows(0, Some(HZ))[0].eips.len(), 8);
}

#[tokio::test]
async fn a_failing_region_reports_its_error_and_the_others_still_load() {
    let emu = emulator(EmulatorConfig::default()).await;
    // No retries: each region makes exactly one DescribeNetworkInterfaces call, so the
    // seeded fault generator fails the same number of regions on every run.
    let client = client(&emu, Some(RetryPolicy::none()));
    let regions = all_regions(&client).await;
    emu.control().set_faults(FaultConfig {
        seed: 7,
        rules: vec![FaultRule::error(
            "DescribeNetworkInterfaces",
            "ServiceUnavailable",
            0.5,
        )],
    });
    let store = store();
    let recorder = Recorder::default();
    let summary = store
        .load(ctx(&client, 0), regions.clone(), true, &recorder.sink())
        .await;
    assert_eq!(summary.loaded.len() + summary.failed.len(), 15);
    assert!(!summary.failed.is_empty(), "the fault failed no region");
    assert!(!summary.loaded.is_empty(), "the fault failed every region");

    let events = recorder.events();
    for event in &events {
        match event {
            InventoryEvent::RegionFailed(f) => {
                assert!(summary.failed.contains(&f.region_id));
                assert_eq!(f.error.code, "ServiceUnavailable");
                assert!(
                    f.error.request_id.is_some(),
                    "the error keeps its request ID"
                );
                assert!(f.error.hint.is_some());
            }
            InventoryEvent::RegionLoaded(l) => {
                assert!(summary.loaded.contains(&l.rows.region_id));
                assert!(!l.rows.eips.is_empty() && !l.rows.instances.is_empty());
            }
            _ => {}
        }
    }
    assert_eq!(store.rows(0, None).len(), summary.loaded.len());

    // Retrying one failed region (not superseding) loads it once the fault is gone.
    emu.control().set_faults(FaultConfig::default());
    let retry = region(&summary.failed[0]);
    let summary2 = store
        .load(ctx(&client, 0), vec![retry.clone()], false, &|_| {})
        .await;
    assert_eq!(summary2.loaded, vec![retry.to_string()]);
    assert_eq!(store.rows(0, None).len(), summary.loaded.len() + 1);
}

#[tokio::test]
async fn throttling_is_absorbed_and_every_region_loads() {
    let (emu, client, regions) = throttled_eips().await;
    emu.control().clear_requests();
    let store = store();
    let recorder = Recorder::default();
    let summary = store
        .load(ctx(&client, 0), regions, true, &recorder.sink())
        .await;
    assert_eq!((summary.loaded.len(), summary.failed.len()), (15, 0));

    let log = emu.control().requests(0);
    let eip_calls: Vec<_> = log
        .iter()
        .filter(|e| e.action == "DescribeEipAddresses")
        .collect();
    let throttled = eip_calls
        .iter()
        .filter(|e| e.code.starts_with("Throttling"))
        .count();
    assert!(
        throttled > 0,
        "the emulator throttled nothing; the test proves nothing"
    );
    let ok_regions: std::collections::BTreeSet<&str> = eip_calls
        .iter()
        .filter(|e| e.code == "OK")
        .map(|e| e.region_id.as_str())
        .collect();
    assert_eq!(ok_regions.len(), 15);
    assert_eq!(rows_of(&recorder.events(), HZ).eips.len(), 8);
}

#[tokio::test]
async fn a_newer_load_or_a_session_switch_cancels_a_running_load() {
    let emu = emulator(EmulatorConfig::default()).await;
    let client = client(&emu, None);
    let regions = all_regions(&client).await;
    emu.control().set_faults(FaultConfig {
        seed: 1,
        rules: vec![FaultRule::latency("*", 1500)],
    });
    let store = std::sync::Arc::new(store());

    let first = tokio::spawn({
        let (store, client, regions) = (store.clone(), client.clone(), regions.clone());
        async move { store.load(ctx(&client, 0), regions, true, &|_| {}).await }
    });
    wait_for_loads(&store, 1).await;
    // A region retry does not supersede…
    let retry = tokio::spawn({
        let (store, client) = (store.clone(), client.clone());
        async move {
            store
                .load(ctx(&client, 0), vec![region(HZ)], false, &|_| {})
                .await
        }
    });
    wait_for_loads(&store, 2).await;
    // …a new scope does.
    let second = tokio::spawn({
        let (store, client) = (store.clone(), client.clone());
        async move {
            store
                .load(ctx(&client, 0), vec![region("cn-shanghai")], true, &|_| {})
                .await
        }
    });
    let first = first.await.unwrap();
    assert!(first.cancelled);
    assert!(retry.await.unwrap().cancelled);
    tokio::time::sleep(Duration::from_millis(50)).await;
    // A session switch cancels the load in flight and forgets the old session's rows.
    store.reset(1);
    let second = second.await.unwrap();
    assert!(second.cancelled);
    assert!(second.loaded.is_empty());
    assert_eq!(store.running_loads(), 0);
    assert!(store.rows(1, None).is_empty());
}

async fn wait_for_loads(store: &eipdesk_core::inventory::InventoryStore, n: usize) {
    for _ in 0..200 {
        if store.running_loads() == n {
            return;
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    panic!(
        "expected {n} running loads, found {}",
        store.running_loads()
    );
}
