//! Shared set-up of the workflow engine tests (included by each `workflow_*.rs` test with
//! `#[path]`): an in-process emulator with the demo seed, a client on it, a journal in a
//! temporary directory, fault helpers, readers of the emulator's request log, and the
//! starts and end-state checks the tests share.

#![allow(dead_code)]

use alicloud_api::credentials::StaticCredentials;
use alicloud_api::ecs::DescribeNetworkInterfacesRequest;
use alicloud_api::vpc::DescribeEipAddressesRequest;
use alicloud_api::{Client, RetryPolicy, Secret};
use alicloud_emulator::reqlog::LogEntry;
use alicloud_emulator::{Delays, EmulatorConfig, FaultConfig, FaultRule, RunningEmulator};
use eipdesk_core::binding::{BindPlan, BindRequest, Confirmations, ProfileFacts, preflight};
use eipdesk_core::ids::RegionId;
use eipdesk_core::journal::{Database, Journal, RunOwner, RunStatus, db_path};
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

    /// Starts the cut-through bind of `HZ_EIP_FREE_A` to `HZ_ENI_WEB01_DATA`, which is attached
    /// to `HZ_I_WEB01` and goes back to it (detach, associate, attach); returns the run's ID.
    pub async fn start_attached(&self) -> String {
        self.start(cut_through(
            HZ_EIP_FREE_A,
            HZ_ENI_WEB01_DATA,
            Some(HZ_I_WEB01),
        ))
        .await
    }

    /// [`Env::start_attached`] with every attach failing: drives the run until it waits for a
    /// decision and returns the engine and the run's ID. The fault stays until cleared.
    pub async fn attach_fault_awaiting_decision(&self) -> (Engine, String) {
        let run = self.start_attached().await;
        self.fault_always("AttachNetworkInterface", "ServiceUnavailable");
        let engine = self.engine();
        assert_eq!(
            engine.drive(&run).await.unwrap(),
            RunStatus::WaitingForDecision
        );
        (engine, run)
    }

    /// Drives `run` on a new engine in a task until `reached` holds for the journal, lets it go
    /// on for `grace`, then kills the task (the app dies at that point).
    pub async fn kill_when(&self, run: &str, grace: Duration, reached: impl Fn(&Journal) -> bool) {
        let engine = self.engine();
        let id = run.to_string();
        let task = tokio::spawn(async move { engine.drive(&id).await });
        let journal = self.engine();
        wait_until(|| reached(journal.journal())).await;
        tokio::time::sleep(grace).await;
        task.abort();
        let _ = task.await;
    }

    /// A new engine after a crash: like the app's next start, marks unfinished runs as
    /// interrupted, and checks that `run` is the only one.
    pub fn restart_after_crash(&self, run: &str) -> Engine {
        let engine = self.engine();
        assert_eq!(
            engine.journal().interrupt_unfinished().unwrap(),
            vec![run.to_string()]
        );
        engine
    }

    /// `eip` is bound in cut-through mode to `eni`, which is attached to `instance`.
    pub async fn assert_cut_through(&self, eip: &str, eni: &str, instance: &str) {
        assert_eq!(
            self.eip(eip).await,
            ("InUse".into(), eni.into(), "BINDED".into())
        );
        self.assert_eni_on(eni, instance).await;
    }

    /// `eni` is attached to `instance`.
    pub async fn assert_eni_on(&self, eni: &str, instance: &str) {
        assert_eq!(self.eni(eni).await, ("InUse".into(), instance.into()));
    }

    /// The end state of a completed [`Env::start_attached`] run.
    pub async fn assert_attached_bound(&self) {
        self.assert_cut_through(HZ_EIP_FREE_A, HZ_ENI_WEB01_DATA, HZ_I_WEB01)
            .await;
    }

    /// The state before [`Env::start_attached`]: the EIP free, the ENI on its instance.
    pub async fn assert_attached_untouched(&self) {
        assert_eq!(self.eip(HZ_EIP_FREE_A).await.0, "Available");
        self.assert_eni_on(HZ_ENI_WEB01_DATA, HZ_I_WEB01).await;
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

    /// Actions of the mutating calls, in order.
    pub fn mutating_actions(&self) -> Vec<String> {
        self.mutating().into_iter().map(|e| e.action).collect()
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
        (n.status.to_string(), n.instance_id)
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
        (e.status.to_string(), e.instance_id, e.mode.to_string())
    }

    /// Every call of `action` answers `code` until the faults are cleared.
    pub fn fault_always(&self, action: &str, code: &str) {
        self.emu.control().set_faults(FaultConfig {
            seed: 1,
            rules: vec![FaultRule::error(action, code, 1.0)],
        });
    }

    pub fn clear_faults(&self) {
        self.emu.control().set_faults(FaultConfig::default());
    }

    /// The next call of `action` answers `code`; the fault is lifted as soon as it was served.
    pub fn fault_once(&self, action: &str, code: &str) -> tokio::task::JoinHandle<()> {
        let (action, code) = (action.to_string(), code.to_string());
        self.fault_until_served(FaultRule::error(&action, &code, 1.0), move |e| {
            e.action == action && e.code == code
        })
    }

    /// The next call of `action` is applied but its response is lost (the connection closes
    /// without an answer); the fault is lifted as soon as it was served.
    pub fn drop_once(&self, action: &str) -> tokio::task::JoinHandle<()> {
        let action = action.to_string();
        self.fault_until_served(FaultRule::drop(&action, 1.0), move |e| {
            e.action == action && e.status == 0
        })
    }

    /// Sets `rule` alone; a task lifts it once a later call in the request log matches `served`.
    fn fault_until_served(
        &self,
        rule: FaultRule,
        served: impl Fn(&LogEntry) -> bool + Send + Sync + 'static,
    ) -> tokio::task::JoinHandle<()> {
        let control = self.emu.control();
        let since = control.requests(0).last().map_or(0, |e| e.seq + 1);
        control.set_faults(FaultConfig {
            seed: 1,
            rules: vec![rule],
        });
        tokio::spawn(async move {
            wait_until(|| control.requests(since).iter().any(&served)).await;
            control.set_faults(FaultConfig::default());
        })
    }
}

/// Polls `done` every 2 ms until it holds.
pub async fn wait_until(mut done: impl FnMut() -> bool) {
    while !done() {
        tokio::time::sleep(Duration::from_millis(2)).await;
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
