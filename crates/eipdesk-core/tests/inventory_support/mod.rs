//! Shared set-up of the inventory integration tests: an emulator started in-process, a
//! client for its demo account, an inventory store, and an event recorder.

#![allow(dead_code)]

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex};

use alicloud_api::credentials::StaticCredentials;
use alicloud_api::{Client, RetryPolicy, Secret};
use alicloud_emulator::{EmulatorConfig, RunningEmulator, ThrottleRule};
use eipdesk_core::ids::RegionId;
use eipdesk_core::inventory::{InventoryEvent, InventoryStore, LoadContext};
use eipdesk_core::regions::CutThroughRegions;

pub const HZ: &str = "cn-hangzhou";

pub async fn emulator(config: EmulatorConfig) -> RunningEmulator {
    alicloud_emulator::start(config, SocketAddr::from((Ipv4Addr::LOCALHOST, 0)))
        .await
        .expect("emulator starts")
}

pub fn client(emu: &RunningEmulator, retry: Option<RetryPolicy>) -> Client {
    let credentials = StaticCredentials::new(
        alicloud_emulator::DEMO_ACCESS_KEY_ID,
        Secret::new(alicloud_emulator::DEMO_ACCESS_KEY_SECRET.to_string()),
    );
    let mut builder = Client::builder(Arc::new(credentials)).endpoint_override(emu.endpoint());
    if let Some(retry) = retry {
        builder = builder.retry_policy(retry);
    }
    builder.build().expect("client builds")
}

pub fn cut_through() -> &'static CutThroughRegions {
    static REGIONS: std::sync::OnceLock<CutThroughRegions> = std::sync::OnceLock::new();
    REGIONS.get_or_init(CutThroughRegions::default)
}

pub fn ctx(client: &Client, generation: u64) -> LoadContext<'_> {
    LoadContext {
        client,
        generation,
        cut_through: cut_through(),
    }
}

pub async fn all_regions(client: &Client) -> Vec<RegionId> {
    eipdesk_core::inventory::list_regions(client, cut_through(), Default::default())
        .await
        .expect("regions listed")
        .iter()
        .map(|r| RegionId::parse(&r.id).unwrap())
        .collect()
}

/// An emulator whose `DescribeEipAddresses` is throttled to 10 calls/s (burst 4) once the
/// regions are listed, a client with the default retry policy, and every region.
pub async fn throttled_eips() -> (RunningEmulator, Client, Vec<RegionId>) {
    let emu = emulator(EmulatorConfig::default()).await;
    let client = client(&emu, None);
    let regions = all_regions(&client).await;
    emu.control().set_throttles(vec![ThrottleRule {
        account_id: None,
        action: "DescribeEipAddresses".into(),
        rate_per_sec: 10.0,
        burst: 4,
    }]);
    (emu, client, regions)
}

pub fn region(id: &str) -> RegionId {
    RegionId::parse(id).unwrap()
}

/// Records every event of a load.
#[derive(Default, Clone)]
pub struct Recorder(Arc<Mutex<Vec<InventoryEvent>>>);

impl Recorder {
    pub fn sink(&self) -> impl Fn(InventoryEvent) + Send + Sync + use<> {
        let events = self.0.clone();
        move |e| events.lock().unwrap().push(e)
    }
    pub fn events(&self) -> Vec<InventoryEvent> {
        self.0.lock().unwrap().clone()
    }
}

pub fn store() -> InventoryStore {
    InventoryStore::default()
}
