//! The shared emulator state behind every request: the world, credentials, runtime settings,
//! clock, nonce cache, throttles, faults, request log and persister; plus the seed-or-file
//! start-up logic and saving.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use parking_lot::{Mutex, RwLock};

use crate::accounts::{AccountSpec, Directory, SECOND_ACCOUNT_ID};
use crate::auth::nonce::NonceCache;
use crate::auth::timestamp::DEFAULT_WINDOW;
use crate::clock::Clock;
use crate::config::{Delays, EmulatorConfig, EmulatorError, Seed};
use crate::faults::Faults;
use crate::persist::{self, Persister};
use crate::reqlog::RequestLog;
use crate::state::World;
use crate::state::regions::CUT_THROUGH_REGIONS;
use crate::throttle::{ThrottleRule, Throttles};
use crate::{
    DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET, SECOND_ACCESS_KEY_ID, SECOND_ACCESS_KEY_SECRET,
};

/// Knobs that can change at run time.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Transition delays.
    pub delays: Delays,
    /// STS lifetime override.
    pub sts_token_lifetime: Option<Duration>,
    /// Allowed timestamp skew.
    pub timestamp_window: Duration,
    /// Regions accepting `Mode=BINDED`.
    pub cut_through_regions: Vec<String>,
}

/// What a reset returns to.
#[derive(Debug, Clone)]
pub(crate) struct Initial {
    pub seed: Seed,
    pub rng_seed: u64,
    pub settings: Settings,
    pub throttles: Vec<ThrottleRule>,
}

/// Everything shared by the request handlers.
#[derive(Debug)]
pub struct Shared {
    pub(crate) world: Mutex<World>,
    pub(crate) directory: Mutex<Directory>,
    pub(crate) settings: RwLock<Settings>,
    pub(crate) clock: Clock,
    pub(crate) nonces: Mutex<NonceCache>,
    pub(crate) throttles: Mutex<Throttles>,
    pub(crate) faults: Mutex<Faults>,
    pub(crate) log: Mutex<RequestLog>,
    pub(crate) persister: Option<Persister>,
    pub(crate) generation: AtomicU64,
    pub(crate) initial: Initial,
}

/// A handle on a running (or router-only) emulator's state. Cheap to clone.
#[derive(Debug, Clone)]
pub struct EmulatorState {
    pub(crate) inner: Arc<Shared>,
}

/// The two built-in demo accounts.
pub fn demo_accounts() -> Vec<AccountSpec> {
    vec![
        AccountSpec::new(
            crate::accounts::DEMO_ACCOUNT_ID,
            "eipdesk-sandbox",
            DEMO_ACCESS_KEY_ID,
            DEMO_ACCESS_KEY_SECRET,
        ),
        AccountSpec::new(
            SECOND_ACCOUNT_ID,
            "eipdesk-sandbox-two",
            SECOND_ACCESS_KEY_ID,
            SECOND_ACCESS_KEY_SECRET,
        ),
    ]
}

impl EmulatorState {
    /// Builds the state: from `config.state_file` when it exists, else from `config.seed`.
    pub fn new(config: &EmulatorConfig) -> Result<Self, EmulatorError> {
        let mut accounts = demo_accounts();
        accounts.extend(config.extra_accounts.iter().cloned());
        let settings = Settings {
            delays: config.delays,
            sts_token_lifetime: config.sts_token_lifetime,
            timestamp_window: config.timestamp_window.unwrap_or(DEFAULT_WINDOW),
            cut_through_regions: config
                .cut_through_regions
                .clone()
                .unwrap_or_else(|| CUT_THROUGH_REGIONS.iter().map(|s| s.to_string()).collect()),
        };
        let persister = config.state_file.clone().map(Persister::new);
        let restored = match &config.state_file {
            Some(path) => persist::load(path)?,
            None => None,
        };
        let fresh = restored.is_none();
        let world = match restored {
            Some(w) => w,
            None => crate::seed::build(config.seed, config.rng_seed),
        };
        let mut throttles = Throttles::default();
        throttles.set_rules(config.throttles.clone());
        let state = Self {
            inner: Arc::new(Shared {
                world: Mutex::new(world),
                directory: Mutex::new(Directory::new(accounts)),
                settings: RwLock::new(settings.clone()),
                clock: Clock::default(),
                nonces: Mutex::new(NonceCache::default()),
                throttles: Mutex::new(throttles),
                faults: Mutex::new(Faults::default()),
                log: Mutex::new(RequestLog::default()),
                persister,
                generation: AtomicU64::new(0),
                initial: Initial {
                    seed: config.seed,
                    rng_seed: config.rng_seed,
                    settings,
                    throttles: config.throttles.clone(),
                },
            }),
        };
        if fresh {
            state.save_blocking()?;
        }
        Ok(state)
    }

    /// The control handle.
    pub fn control(&self) -> crate::control::Control {
        crate::control::Control::new(self.clone())
    }

    /// Serializes the world and the next generation number.
    fn snapshot_for_save(&self) -> Option<(u64, String)> {
        self.inner.persister.as_ref()?;
        let world = self.inner.world.lock();
        let generation = self.inner.generation.fetch_add(1, Ordering::SeqCst) + 1;
        Some((generation, persist::to_json(&world)))
    }

    /// Saves to the state file (if any), blocking the calling thread.
    pub fn save_blocking(&self) -> Result<(), EmulatorError> {
        if let (Some((generation, json)), Some(p)) =
            (self.snapshot_for_save(), self.inner.persister.as_ref())
        {
            p.write(generation, &json)?;
        }
        Ok(())
    }

    /// Saves to the state file (if any) off the async runtime's threads.
    pub async fn save(&self) {
        let Some((generation, json)) = self.snapshot_for_save() else {
            return;
        };
        let inner = self.inner.clone();
        let result = tokio::task::spawn_blocking(move || {
            inner
                .persister
                .as_ref()
                .map_or(Ok(()), |p| p.write(generation, &json))
        })
        .await;
        match result {
            Ok(Err(e)) => tracing::warn!(error = %e, "saving emulator state failed"),
            Err(e) => tracing::warn!(error = %e, "saving emulator state panicked"),
            Ok(Ok(())) => {}
        }
    }
}
