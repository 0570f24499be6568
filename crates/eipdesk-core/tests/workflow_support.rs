//! Shared set-up of the workflow engine tests (included by each `workflow_*.rs` test with
//! `#[path]`): an in-process emulator with the demo seed, a client on it, a journal in a
//! temporary directory, fault helpers and readers of the emulator's request log.

#![allow(dead_code)]

use alicloud_api::credentials::StaticCredentials;
use alicloud_api::ecs::DescribeNetworkInterfacesRequest;
use alicloud_api::vpc::DescribeEipAddressesRequest;
use alicloud_api::{Client, RetryPolicy, Secret};
use alicloud_emulator::reqlog::LogEntry;
use alicloud_emulator::{Delays, EmulatorConfig, FaultConfig, FaultRule, RunningEmulator};
use eipdesk_core::binding::{BindPlan, BindRequest, Confirmations, ProfileFacts, preflight};
use eipdesk_core::ids::RegionId;
use eipdesk_core::journal::{Database, RunOwner, db_path};
use eipdesk_core::regions::CutThroughRegions;
use eipdesk_core::workflow::snapshot::fetch_snapshot;
use eipdesk_core::workflow::{Engine, EngineConfig, NoEvents};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

pub use alicloud_emulator::seed::demo_ids::*;

pub const MUTATING: &[&str] = &[
    "DetachNetworkInterface",
    "AttachNetworkInterface",
    "AssociateEipAddress",
    "UnassociateEipAddress",
    "ModifyEipForwardMode",
];

#[derive(Debug)]
pub struct Env {
    pub emu: RunningEmulator,
    pub client: Client,
    pub dir: tempfile::TempDir,
    pub db: PathBuf,
    pub region: RegionId,
}

pub async fn env() -> Env {
    let config = EmulatorConfig {
        delays: Delays::uniform(120),
        ..Default::default()
    };
    let emu = alicloud_emulator::start(config, "127.0.0.1:0".parse().unwrap())
        .await
        .unwrap();
    let credentials = StaticCredentials::new(
        alicloud_emulator::DEMO_ACCESS_KEY_ID,
        Secret::new(alicloud_emulator::DEMO_ACCESS_KEY_SECRET.to_string()),
    );
    let retry = RetryPolicy {
        max_attempts: 4,
        base_delay: Duration::from_millis(20),
        max_delay: Duration::from_millis(200),
        invalid_state_deadline: Duration::ZERO,
        invalid_state_interval: Duration::from_millis(50),
    };
    let client = Client::builder(Arc::new(credentials))
        .endpoint_override(emu.endpoint())
        .retry_policy(retry)
        .build()
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let db = db_path(dir.path());
    Env {
        emu,
        client,
        dir,
        db,
        region: RegionId::parse("cn-hangzhou").unwrap(),
    }
}

impl Env {
    /// A new engine on the journal file (a fresh one per call: like a restarted app).
    pub fn engine(&self) -> Engine {
        Engine::new(
            Database::open(&self.db).unwrap(),
            &self.client,
            Arc::new(NoEvents),
            EngineConfig::fast(),
        )
    }

    /// Preflight against the real (emulated) state; panics on blockers.
    pub async fn plan(&self, request: BindRequest) -> BindPlan {
        let snapshot = fetch_snapshot(&self.client, &self.region).await.unwrap();
        preflight(
            &request,
            &snapshot,
            &CutThroughRegions::default(),
            &ProfileFacts {
                name: "Sandbox".into(),
                production: false,
            },
        )
        .unwrap_or_else(|b| panic!("preflight failed: {b:?}"))
    }

    /// Starts a run of `request` with every warning confirmed; returns its ID.
    pub async fn start(&self, request: BindRequest) -> String {
        let plan = self.plan(request).await;
        let confirmations = Confirmations {
            accepted: plan.warnings.iter().map(|w| w.code().to_string()).collect(),
            typed: None,
        };
        self.engine()
            .start(&plan, &confirmations, &owner())
            .unwrap()
            .id
    }

    pub fn requests(&self) -> Vec<LogEntry> {
        self.emu.control().requests(0)
    }

    /// Mutating calls in the request log, in order.
    pub fn mutating(&self) -> Vec<LogEntry> {
        self.requests()
            .into_iter()
            .filter(|e| MUTATING.contains(&e.action.as_str()))
            .collect()
    }

    /// `(action, code)` of every mutating call.
    pub fn mutating_codes(&self) -> Vec<(String, String)> {
        self.mutating()
            .into_iter()
            .map(|e| (e.action, e.code))
            .collect()
    }

    /// How many calls of `action` succeeded.
    pub fn ok_count(&self, action: &str) -> usize {
        self.mutating()
            .iter()
            .filter(|e| e.action == action && e.code == "OK")
            .count()
    }

    /// Distinct ClientTokens of successful `AssociateEipAddress` calls: one per association.
    pub fn associations(&self) -> usize {
        let mut tokens: Vec<String> = self
            .mutating()
            .into_iter()
            .filter(|e| e.action == "AssociateEipAddress" && e.code == "OK")
            .map(|e| e.client_token.unwrap_or_default())
            .collect();
        tokens.sort();
        tokens.dedup();
        tokens.len()
    }

    pub async fn eni(&self, eni: &str) -> (String, String) {
        let req = DescribeNetworkInterfacesRequest::new("cn-hangzhou").network_interface_ids([eni]);
        let n = self
            .client
            .describe_network_interfaces(&req)
            .await
            .unwrap()
            .network_interface_sets
            .network_interface_set
            .remove(0);
        (n.status, n.instance_id)
    }

    /// The ENI's primary private IP.
    pub async fn eni_ip(&self, eni: &str) -> String {
        let req = DescribeNetworkInterfacesRequest::new("cn-hangzhou").network_interface_ids([eni]);
        self.client
            .describe_network_interfaces(&req)
            .await
            .unwrap()
            .network_interface_sets
            .network_interface_set
            .remove(0)
            .private_ip_address
    }

    pub async fn eip(&self, eip: &str) -> (String, String, String) {
        let req = DescribeEipAddressesRequest::new("cn-hangzhou").allocation_id(eip);
        let e = self
            .client
            .describe_eip_addresses(&req)
            .await
            .unwrap()
            .eip_addresses
            .eip_address
            .remove(0);
        (e.status, e.instance_id, e.mode)
    }

    /// Every call of `action` answers `code` until the faults are cleared.
    pub fn fault_always(&self, action: &str, code: &str) {
        self.emu.control().set_faults(FaultConfig {
            seed: 1,
            rules: vec![rule(action, code)],
        });
    }

    pub fn clear_faults(&self) {
        self.emu.control().set_faults(FaultConfig::default());
    }

    /// The next call of `action` answers `code`; the fault is lifted as soon as it was served.
    pub fn fault_once(&self, action: &str, code: &str) -> tokio::task::JoinHandle<()> {
        let control = self.emu.control();
        let since = control.requests(0).last().map_or(0, |e| e.seq + 1);
        control.set_faults(FaultConfig {
            seed: 1,
            rules: vec![rule(action, code)],
        });
        let (action, code) = (action.to_string(), code.to_string());
        tokio::spawn(async move {
            loop {
                if control
                    .requests(since)
                    .iter()
                    .any(|e| e.action == action && e.code == code)
                {
                    control.set_faults(FaultConfig::default());
                    return;
                }
                tokio::time::sleep(Duration::from_millis(2)).await;
            }
        })
    }
}

fn rule(action: &str, code: &str) -> FaultRule {
    FaultRule {
        action: action.into(),
        error_code: Some(code.into()),
        http_status: None,
        message: None,
        error_rate: 1.0,
        latency_ms: 0,
        drop_rate: 0.0,
    }
}

pub fn owner() -> RunOwner {
    RunOwner {
        profile: "Sandbox".into(),
        account: Some(alicloud_emulator::DEMO_ACCOUNT_ID.into()),
    }
}

pub fn id<T: TryFrom<String>>(s: &str) -> T
where
    T::Error: std::fmt::Debug,
{
    T::try_from(s.to_string()).unwrap()
}

/// Cut-through bind of `eip` to `eni`, attaching it to `attach_to` afterwards.
pub fn cut_through(eip: &str, eni: &str, attach_to: Option<&str>) -> BindRequest {
    BindRequest::CutThroughBind {
        eip: id(eip),
        eni: id(eni),
        attach_to: attach_to.map(id),
    }
}
