//! The shared emulator state behind every request: the world, credentials, runtime settings,
//! clock, nonce cache, throttles, faults, request log and persister; plus the seed-or-file
//! start-up logic and saving.

use std::sync::Arc;
use std::time::Duration;

use parking_lot::{Mutex, RwLock};

use crate::accounts::{AccountSpec, Directory, SECOND_ACCOUNT_ID};
use crate::auth::nonce::NonceCache;
use crate::auth::timestamp::DEFAULT_WINDOW;
use crate::clock::Clock;
use crate::config::{ConnectionLimits, Delays, EmulatorConfig, EmulatorError, Seed};
use crate::faults::Faults;
use crate::persist::{self, Persisted, Persister, Runtime};
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
    /// Instance metadata session tokens issued (`metadata.rs`).
    pub(crate) metadata_tokens: Mutex<Vec<String>>,
    pub(crate) persister: Option<Persister>,
    pub(crate) limits: ConnectionLimits,
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
            Some(path) => {
                let removed = persist::clean_leftovers(path);
                if removed > 0 {
                    tracing::info!(removed, "removed temporary state files of a killed writer");
                }
                persist::load(path)?
            }
            None => None,
        };
        let fresh = restored.is_none();
        let (world, runtime) = match restored {
            Some(loaded) => loaded,
            None => (
                crate::seed::build(config.seed, config.rng_seed),
                Runtime::default(),
            ),
        };
        let mut throttles = Throttles::default();
        throttles.set_rules(config.throttles.clone());
        let clock = Clock::default();
        clock.advance(runtime.clock_offset_ms);
        let state = Self {
            inner: Arc::new(Shared {
                world: Mutex::new(world),
                directory: Mutex::new(Directory::new(accounts)),
                settings: RwLock::new(settings.clone()),
                clock,
                nonces: Mutex::new(NonceCache::from_entries(runtime.nonces)),
                throttles: Mutex::new(throttles),
                faults: Mutex::new(Faults::default()),
                log: Mutex::new(RequestLog::default()),
                metadata_tokens: Mutex::new(Vec::new()),
                persister,
                limits: config.connections,
                initial: Initial {
                    seed: config.seed,
                    rng_seed: config.rng_seed,
                    settings,
                    throttles: config.throttles.clone(),
                },
            }),
        };
        if let Some(p) = &state.inner.persister {
            if fresh {
                persist::write(p.path(), &state.persisted())?;
            }
            let weak = Arc::downgrade(&state.inner);
            p.spawn(Box::new(move || {
                weak.upgrade()
                    .map(|inner| EmulatorState { inner }.persisted())
            }))?;
        }
        Ok(state)
    }

    /// The control handle.
    pub fn control(&self) -> crate::control::Control {
        crate::control::Control::new(self.clone())
    }

    /// What the state file holds, taken under the locks without copying the resources.
    fn persisted(&self) -> Persisted {
        let world = self.inner.world.lock().view();
        Persisted {
            world,
            runtime: Runtime {
                clock_offset_ms: self.inner.clock.offset_ms(),
                nonces: self.inner.nonces.lock().entries(),
            },
        }
    }

    /// Notes a change of state: the background writer saves it soon (no-op without a state
    /// file).
    pub fn mark_dirty(&self) {
        if let Some(p) = &self.inner.persister {
            p.mark_dirty();
        }
    }

    /// Writes every change so far to the state file (if any) and waits, blocking the calling
    /// thread.
    pub fn save_blocking(&self) -> Result<(), EmulatorError> {
        match &self.inner.persister {
            Some(p) => p.flush().map_err(EmulatorError::State),
            None => Ok(()),
        }
    }

    /// Like [`EmulatorState::save_blocking`], off the async runtime's threads.
    pub async fn save(&self) {
        if self.inner.persister.is_none() {
            return;
        }
        let state = self.clone();
        match tokio::task::spawn_blocking(move || state.save_blocking()).await {
            Ok(Err(e)) => tracing::warn!(error = %e, "saving emulator state failed"),
            Err(e) => tracing::warn!(error = %e, "saving emulator state panicked"),
            Ok(Ok(())) => {}
        }
    }
}
