//! `EipDesk`: the application service the desktop shell holds. It owns the Sandbox, the
//! active profile's client and the settings. Each feature adds its methods in its own file
//! (`impl EipDesk` in `desk/<feature>.rs`), and the shell maps them 1:1 to Tauri commands.

mod inventory;
pub mod lifecycle;
pub mod profiles;
pub mod workflow;
pub(crate) mod workflow_types;

use crate::api::AppInfo;
use crate::desk::profiles::Environment;
use crate::error::CoreError;
use crate::profiles::{KeyringStore, ProfileId, SecretStore};
use crate::regions::CutThroughRegions;
use crate::sandbox::Sandbox;
use alicloud_api::Client;
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};

/// What the window is currently working with: the active profile and its client.
#[derive(Debug, Clone)]
pub struct ActiveSession {
    pub profile_id: ProfileId,
    pub profile_name: String,
    /// `production`, `staging`, `test`, `none` or `sandbox`.
    pub environment: Environment,
    pub client: Client,
    /// Bumped on every switch, so work started for an older session can tell it is stale.
    pub generation: u64,
}

/// The running application's domain state.
#[derive(Debug)]
pub struct EipDesk {
    data_dir: PathBuf,
    sandbox: Sandbox,
    session: RwLock<ActiveSession>,
    cut_through: CutThroughRegions,
    inventory: crate::inventory::InventoryStore,
    profiles: profiles::DeskProfiles,
    workflow: workflow::WorkflowHub,
}

impl EipDesk {
    /// Makes the data directory private (see [`crate::private_fs`]), starts the Sandbox and
    /// restores the persisted active profile (secrets in the OS
    /// keychain); falls back to the Sandbox, with a notice, when that profile cannot be opened.
    pub async fn start(data_dir: &Path) -> Result<Self, CoreError> {
        Self::start_with(data_dir, Arc::new(KeyringStore::new())).await
    }

    /// [`start`](Self::start) with another secret store (tests use an in-memory one).
    pub async fn start_with(
        data_dir: &Path,
        secrets: Arc<dyn SecretStore>,
    ) -> Result<Self, CoreError> {
        crate::private_fs::secure_data_dir(data_dir)?;
        let sandbox = Sandbox::start(data_dir).await?;
        let (profiles, session) =
            profiles::DeskProfiles::restore(data_dir, secrets, &sandbox).await?;
        Ok(Self {
            data_dir: data_dir.to_path_buf(),
            sandbox,
            session: RwLock::new(session),
            cut_through: CutThroughRegions::default(),
            inventory: crate::inventory::InventoryStore::default(),
            profiles,
            workflow: workflow::WorkflowHub::new(data_dir),
        })
    }

    /// What must happen before the process exits: the Sandbox's unsaved changes are written.
    pub fn shutdown(&self) {
        self.sandbox.save();
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    pub fn sandbox(&self) -> &Sandbox {
        &self.sandbox
    }

    pub fn sandbox_endpoint(&self) -> String {
        self.sandbox.endpoint()
    }

    pub fn cut_through_regions(&self) -> &CutThroughRegions {
        &self.cut_through
    }

    /// A snapshot of the active session (cheap: the client is reference-counted).
    pub fn session(&self) -> ActiveSession {
        self.session
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone()
    }

    /// Makes `profile_id` with `client` the active session; returns the new generation.
    pub fn switch_session(
        &self,
        profile_id: ProfileId,
        profile_name: String,
        environment: Environment,
        client: Client,
    ) -> u64 {
        let mut guard = self
            .session
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let generation = guard.generation + 1;
        *guard = ActiveSession {
            profile_id,
            profile_name,
            environment,
            client,
            generation,
        };
        drop(guard);
        self.inventory.reset(generation);
        generation
    }

    pub fn app_info(&self) -> AppInfo {
        let session = self.session();
        AppInfo {
            version: env!("CARGO_PKG_VERSION").to_string(),
            profile_name: session.profile_name,
            environment: session.environment,
            default_region: session.client.default_region().into(),
        }
    }
}
