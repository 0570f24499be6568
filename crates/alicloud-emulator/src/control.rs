//! The control surface, in process ([`Control`]) and over HTTP under the reserved prefix
//! `/_emulator/` (JSON; never routed to RPC). It is unauthenticated: the emulator is meant to
//! listen on loopback only.
//!
//! | method and path | body | effect |
//! |---|---|---|
//! | `GET /_emulator/health` | | `{"ok": true}` |
//! | `POST /_emulator/reset` | optional `{"seed": "demo"}` | configured (or given) seed, delays, throttles; clears faults, log, clock offset |
//! | `POST /_emulator/seed` | `{"seed": "scale:100"}` | replaces the resources only |
//! | `GET /_emulator/snapshot` | | the resources as JSON (no credentials) |
//! | `POST /_emulator/restore` | a snapshot | replaces the resources |
//! | `GET`/`PUT /_emulator/delays` | `{"associate_ms": 300, "unassociate_ms": .., "release_ms": .., "attach_ms": .., "detach_ms": .., "delete_eni_ms": ..}` | transition delays (missing fields: 300) |
//! | `GET`/`PUT /_emulator/faults` | `{"seed": 1, "rules": [{"action": "AssociateEipAddress", "error_code": "ServiceUnavailable", "error_rate": 0.5, "latency_ms": 0, "drop_rate": 0.0}]}` | fault injection |
//! | `GET`/`PUT /_emulator/throttles` | `{"rules": [{"account_id": null, "action": "*", "rate_per_sec": 5, "burst": 5}]}` | rate limits |
//! | `GET /_emulator/requests?since=N` | | `{"requests": [LogEntry..]}` |
//! | `DELETE /_emulator/requests` | | clears the log |
//! | `GET /_emulator/clock` | | `{"now_ms", "now", "offset_ms"}` |
//! | `POST /_emulator/clock/advance` | `{"ms": 60000}` | moves the emulator clock forward |
//! | `PUT /_emulator/sts` | `{"token_lifetime_seconds": 5}` (or `null`) | lifetime of tokens issued from now on |
//! | `PUT /_emulator/cut-through-regions` | `{"regions": ["cn-hangzhou"]}` | regions accepting `Mode=BINDED` |
//! | `GET /_emulator/accounts` | | account IDs, AccessKey IDs, role ARNs (no secrets) |
//! | `GET`/`PUT /_emulator/guests/{account}/{region}/{instance}` | see [`guests`] | the Cloud Assistant guest |

mod guests;

use std::time::Duration;

use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use axum::{Json, Router};
use http::StatusCode;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use crate::accounts::AccountSpec;
use crate::app::EmulatorState;
use crate::config::{Delays, EmulatorError, Seed};
use crate::faults::{FaultConfig, Faults};
use crate::persist::{self, Snapshot};
use crate::reqlog::LogEntry;
use crate::throttle::ThrottleRule;

/// In-process control of an emulator.
#[derive(Debug, Clone)]
pub struct Control {
    state: EmulatorState,
}

/// An account as the control API lists it (no secret).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountSummary {
    /// Account ID.
    pub account_id: String,
    /// Alias.
    pub alias: String,
    /// AccessKey ID.
    pub access_key_id: String,
    /// ARNs of assumable roles.
    pub role_arns: Vec<String>,
}

impl Control {
    pub(crate) fn new(state: EmulatorState) -> Self {
        Self { state }
    }

    /// The state changed: the background writer saves it soon.
    fn saved(&self) {
        self.state.mark_dirty();
    }

    /// Writes every change so far to the state file (if any) and waits for it (blocking).
    pub fn save_now(&self) -> Result<(), EmulatorError> {
        self.state.save_blocking()
    }

    /// Back to the configured seed (or `seed`), delays, throttles and clock; faults and the
    /// request log are cleared. Issued STS sessions stay valid.
    pub fn reset(&self, seed: Option<Seed>) {
        let inner = &self.state.inner;
        let init = &inner.initial;
        *inner.world.lock() = crate::seed::build(seed.unwrap_or(init.seed), init.rng_seed);
        *inner.settings.write() = init.settings.clone();
        inner.throttles.lock().set_rules(init.throttles.clone());
        *inner.faults.lock() = Faults::default();
        inner.log.lock().clear();
        inner.clock.reset();
        self.saved();
    }

    /// Replaces the resources with a seed's.
    pub fn load_seed(&self, seed: Seed) {
        let init = &self.state.inner.initial;
        *self.state.inner.world.lock() = crate::seed::build(seed, init.rng_seed);
        self.saved();
    }

    /// The resources as snapshot JSON.
    pub fn snapshot(&self) -> String {
        persist::to_json(&self.state.inner.world.lock())
    }

    /// Replaces the resources with a snapshot.
    pub fn restore(&self, snapshot: &str) -> Result<(), EmulatorError> {
        let world = Snapshot::parse(snapshot)?;
        *self.state.inner.world.lock() = world;
        self.saved();
        Ok(())
    }

    /// Current delays.
    pub fn delays(&self) -> Delays {
        self.state.inner.settings.read().delays
    }

    /// Sets the transition delays (for transitions started from now on).
    pub fn set_delays(&self, delays: Delays) {
        self.state.inner.settings.write().delays = delays;
    }

    /// Current fault configuration.
    pub fn faults(&self) -> FaultConfig {
        self.state.inner.faults.lock().config().clone()
    }

    /// Sets the fault configuration (re-seeding the generator).
    pub fn set_faults(&self, config: FaultConfig) {
        *self.state.inner.faults.lock() = Faults::new(config);
    }

    /// Current throttling rules.
    pub fn throttles(&self) -> Vec<ThrottleRule> {
        self.state.inner.throttles.lock().rules().to_vec()
    }

    /// Sets the throttling rules (buckets start full).
    pub fn set_throttles(&self, rules: Vec<ThrottleRule>) {
        self.state.inner.throttles.lock().set_rules(rules);
    }

    /// Logged requests with `seq >= since`.
    pub fn requests(&self, since: u64) -> Vec<LogEntry> {
        self.state.inner.log.lock().since(since)
    }

    /// Clears the request log.
    pub fn clear_requests(&self) {
        self.state.inner.log.lock().clear();
    }

    /// Moves the emulator clock forward (transitions and STS expiry follow it).
    pub fn advance_clock(&self, by: Duration) {
        self.state
            .inner
            .clock
            .advance(i64::try_from(by.as_millis()).unwrap_or(i64::MAX));
        self.saved();
    }

    /// The emulator clock, epoch ms.
    pub fn now_ms(&self) -> i64 {
        self.state.inner.clock.now_ms()
    }

    /// Forces the lifetime of STS tokens issued from now on (`None`: follow `DurationSeconds`).
    pub fn set_sts_token_lifetime(&self, lifetime: Option<Duration>) {
        self.state.inner.settings.write().sts_token_lifetime = lifetime;
    }

    /// Sets the regions that accept `Mode=BINDED`.
    pub fn set_cut_through_regions(&self, regions: Vec<String>) {
        self.state.inner.settings.write().cut_through_regions = regions;
    }

    /// The configured accounts.
    pub fn accounts(&self) -> Vec<AccountSummary> {
        self.state
            .inner
            .directory
            .lock()
            .accounts()
            .iter()
            .map(|a| AccountSummary {
                account_id: a.account_id.clone(),
                alias: a.alias.clone(),
                access_key_id: a.access_key_id.clone(),
                role_arns: a
                    .roles
                    .iter()
                    .map(|r| format!("acs:ram::{}:role/{}", a.account_id, r.name))
                    .collect(),
            })
            .collect()
    }

    /// Adds an account; `false` when its AccessKey ID exists.
    pub fn add_account(&self, account: AccountSpec) -> bool {
        self.state.inner.directory.lock().add_account(account)
    }
}

/// The `/_emulator/` routes.
pub fn routes() -> Router<EmulatorState> {
    Router::new()
        .route("/_emulator/health", get(health))
        .route("/_emulator/reset", post(reset))
        .route("/_emulator/seed", post(load_seed))
        .route("/_emulator/snapshot", get(snapshot))
        .route("/_emulator/restore", post(restore))
        .route("/_emulator/delays", get(get_delays).put(put_delays))
        .route("/_emulator/faults", get(get_faults).put(put_faults))
        .route(
            "/_emulator/throttles",
            get(get_throttles).put(put_throttles),
        )
        .route(
            "/_emulator/requests",
            get(get_requests).delete(delete_requests),
        )
        .route("/_emulator/clock", get(get_clock))
        .route("/_emulator/clock/advance", post(advance_clock))
        .route("/_emulator/sts", put(put_sts))
        .route("/_emulator/cut-through-regions", put(put_cut_through))
        .route("/_emulator/accounts", get(get_accounts))
        .merge(guests::routes())
        .route("/_emulator/{*rest}", axum::routing::any(unknown))
}

fn bad_request(message: impl std::fmt::Display) -> Response {
    (
        StatusCode::BAD_REQUEST,
        Json(json!({"error": message.to_string()})),
    )
        .into_response()
}

fn ok() -> Response {
    Json(json!({"ok": true})).into_response()
}

async fn unknown() -> Response {
    (
        StatusCode::NOT_FOUND,
        Json(json!({"error": "unknown control endpoint"})),
    )
        .into_response()
}

async fn health() -> Json<Value> {
    Json(json!({"ok": true, "service": "alicloud-emulator"}))
}

#[derive(Deserialize, Default)]
struct SeedBody {
    #[serde(default)]
    seed: Option<String>,
}

async fn reset(State(s): State<EmulatorState>, body: axum::body::Bytes) -> Response {
    let parsed: SeedBody = if body.iter().all(u8::is_ascii_whitespace) {
        SeedBody::default()
    } else {
        match serde_json::from_slice(&body) {
            Ok(b) => b,
            Err(e) => return bad_request(e),
        }
    };
    let seed = match parsed.seed {
        None => None,
        Some(text) => match text.parse::<Seed>() {
            Ok(seed) => Some(seed),
            Err(e) => return bad_request(e),
        },
    };
    s.control().reset(seed);
    ok()
}

async fn load_seed(State(s): State<EmulatorState>, Json(body): Json<SeedBody>) -> Response {
    match body.seed.as_deref().map(str::parse::<Seed>) {
        Some(Ok(seed)) => {
            s.control().load_seed(seed);
            ok()
        }
        Some(Err(e)) => bad_request(e),
        None => bad_request("missing \"seed\""),
    }
}

async fn snapshot(State(s): State<EmulatorState>) -> Response {
    (
        [(http::header::CONTENT_TYPE, "application/json")],
        s.control().snapshot(),
    )
        .into_response()
}

async fn restore(State(s): State<EmulatorState>, body: String) -> Response {
    match s.control().restore(&body) {
        Ok(()) => ok(),
        Err(e) => bad_request(e),
    }
}

async fn get_delays(State(s): State<EmulatorState>) -> Json<Delays> {
    Json(s.control().delays())
}

async fn put_delays(State(s): State<EmulatorState>, Json(d): Json<Delays>) -> Response {
    s.control().set_delays(d);
    ok()
}

async fn get_faults(State(s): State<EmulatorState>) -> Json<FaultConfig> {
    Json(s.control().faults())
}

async fn put_faults(State(s): State<EmulatorState>, Json(f): Json<FaultConfig>) -> Response {
    s.control().set_faults(f);
    ok()
}

#[derive(Serialize, Deserialize)]
struct ThrottleBody {
    rules: Vec<ThrottleRule>,
}

async fn get_throttles(State(s): State<EmulatorState>) -> Json<ThrottleBody> {
    Json(ThrottleBody {
        rules: s.control().throttles(),
    })
}

async fn put_throttles(State(s): State<EmulatorState>, Json(b): Json<ThrottleBody>) -> Response {
    s.control().set_throttles(b.rules);
    ok()
}

#[derive(Deserialize)]
struct Since {
    #[serde(default)]
    since: u64,
}

async fn get_requests(State(s): State<EmulatorState>, Query(q): Query<Since>) -> Json<Value> {
    Json(json!({"requests": s.control().requests(q.since)}))
}

async fn delete_requests(State(s): State<EmulatorState>) -> Response {
    s.control().clear_requests();
    ok()
}

async fn get_clock(State(s): State<EmulatorState>) -> Json<Value> {
    let c = s.control();
    Json(json!({
        "now_ms": c.now_ms(),
        "now": crate::auth::timestamp::format_ms(c.now_ms()),
        "offset_ms": s.inner.clock.offset_ms(),
    }))
}

#[derive(Deserialize)]
struct Advance {
    ms: u64,
}

async fn advance_clock(State(s): State<EmulatorState>, Json(a): Json<Advance>) -> Response {
    s.control().advance_clock(Duration::from_millis(a.ms));
    ok()
}

#[derive(Deserialize)]
struct StsBody {
    #[serde(default)]
    token_lifetime_seconds: Option<u64>,
}

async fn put_sts(State(s): State<EmulatorState>, Json(b): Json<StsBody>) -> Response {
    s.control()
        .set_sts_token_lifetime(b.token_lifetime_seconds.map(Duration::from_secs));
    ok()
}

#[derive(Deserialize)]
struct RegionsBody {
    regions: Vec<String>,
}

async fn put_cut_through(State(s): State<EmulatorState>, Json(b): Json<RegionsBody>) -> Response {
    s.control().set_cut_through_regions(b.regions);
    ok()
}

async fn get_accounts(State(s): State<EmulatorState>) -> Json<Value> {
    Json(json!({"accounts": s.control().accounts()}))
}
