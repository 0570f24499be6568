//! The built-in Sandbox: the Alibaba-Cloud-compatible emulator started in-process on
//! `127.0.0.1:<random port>`, reached through the same signed HTTP client as the real cloud
//! (one code path for real and sandbox). Its state is kept in `<data dir>/sandbox/`, so the
//! user's work in the Sandbox survives restarts.
//!
//! `EIPDESK_SANDBOX_SEED` (`demo`, the default; `empty`; `scale:N`) chooses what a *new*
//! Sandbox starts with, e.g. an empty cloud or thousands of rows for UI benchmarks.

use crate::error::CoreError;
use alicloud_api::credentials::StaticCredentials;
use alicloud_api::{Client, Secret};
use std::net::{Ipv4Addr, SocketAddr};
use std::path::Path;
use std::sync::Arc;

/// Environment variable choosing the seed of a new Sandbox.
pub const SEED_ENV: &str = "EIPDESK_SANDBOX_SEED";

/// A running in-process emulator.
#[derive(Debug)]
pub struct Sandbox {
    emulator: alicloud_emulator::RunningEmulator,
}

impl Sandbox {
    /// Starts the emulator, restoring `<data_dir>/sandbox/state.json` if present and otherwise
    /// seeding it (demo seed unless `EIPDESK_SANDBOX_SEED` says otherwise).
    pub async fn start(data_dir: &Path) -> Result<Self, CoreError> {
        let dir = data_dir.join("sandbox");
        crate::private_fs::create_private_dir(&dir)
            .map_err(|e| CoreError::Sandbox(format!("cannot create {}: {e}", dir.display())))?;
        let seed = match std::env::var(SEED_ENV) {
            Ok(raw) => raw
                .parse::<alicloud_emulator::Seed>()
                .map_err(|e| CoreError::Sandbox(format!("{SEED_ENV}: {e}")))?,
            Err(_) => alicloud_emulator::Seed::Demo,
        };
        let config = alicloud_emulator::EmulatorConfig {
            seed,
            state_file: Some(dir.join("state.json")),
            ..Default::default()
        };
        let emulator = alicloud_emulator::start(config, SocketAddr::from((Ipv4Addr::LOCALHOST, 0)))
            .await
            .map_err(|e| CoreError::Sandbox(e.to_string()))?;
        tracing::info!(endpoint = %emulator.endpoint(), "sandbox emulator started");
        Ok(Self { emulator })
    }

    /// Writes every change the emulator holds in memory to its state file, now (the emulator
    /// saves in the background; an app exiting without this could lose the last half second).
    pub fn save(&self) {
        if let Err(e) = self.emulator.state().save_blocking() {
            tracing::warn!(error = %e, "saving the Sandbox state failed");
        }
    }

    /// The running emulator (its control API sets delays and faults in tests).
    pub fn emulator(&self) -> &alicloud_emulator::RunningEmulator {
        &self.emulator
    }

    /// `http://127.0.0.1:<port>`.
    pub fn endpoint(&self) -> String {
        self.emulator.endpoint()
    }

    /// A client for the Sandbox's demo account.
    pub fn client(&self) -> Result<Client, CoreError> {
        let credentials = StaticCredentials::new(
            alicloud_emulator::DEMO_ACCESS_KEY_ID,
            Secret::new(alicloud_emulator::DEMO_ACCESS_KEY_SECRET.to_string()),
        );
        Ok(Client::builder(Arc::new(credentials))
            .endpoint_override(self.endpoint())
            .build()?)
    }
}
