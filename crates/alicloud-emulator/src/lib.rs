//! # alicloud-emulator
//!
//! An Alibaba-Cloud-compatible local cloud for EIPs, ENIs, ECS instances and STS, faithful
//! enough that the official SDKs cannot tell it from the real endpoint: signed RPC requests
//! (V1 HMAC-SHA1 and V3 ACS3-HMAC-SHA256), the same JSON/XML shapes, the same error codes and
//! HTTP statuses, asynchronous state changes that clients must poll.
//!
//! All products are served on one port at `/`, told apart by `Version` (`2016-04-28` VPC,
//! `2014-05-26` ECS, `2015-04-01` STS). The control API lives under `/_emulator/`.
//!
//! ```no_run
//! # async fn demo() -> Result<(), alicloud_emulator::EmulatorError> {
//! use alicloud_emulator::{EmulatorConfig, start};
//! let emu = start(EmulatorConfig::default(), "127.0.0.1:0".parse().unwrap()).await?;
//! println!("{}", emu.endpoint()); // http://127.0.0.1:PORT
//! emu.shutdown().await;
//! # Ok(()) }
//! ```
//!
//! * Behaviour and every choice made where the real service is undocumented: [`behaviour`].
//! * Key IDs of the deterministic demo seed (two accounts, 15 regions): [`seed::demo_ids`].
//! * Control API (`/_emulator/health`, `reset`, `seed`, `snapshot`, `restore`, `delays`,
//!   `faults`, `throttles`, `requests`, `clock`, `clock/advance`, `sts`,
//!   `cut-through-regions`, `accounts`): [`control`].
//!
//! Module map: [`protocol`] (parsing, params, rendering, XML), [`auth`] (V1/V3, nonces,
//! timestamps, STS tokens), [`state`] (resources, IDs, IPAM, transitions, idempotency),
//! [`rules`] (business rules), [`actions`] (one module per API area), [`seed`], [`control`],
//! [`faults`], [`throttle`], [`persist`] (state file, background writer), [`reqlog`],
//! [`server`] and [`conn`] (TCP serving, connection limits), [`rpc`] (the pipeline).

#![recursion_limit = "512"]

pub mod accounts;
pub mod actions;
pub mod app;
pub mod auth;
pub mod behaviour;
pub mod clock;
pub mod config;
pub mod conn;
pub mod control;
pub mod faults;
pub mod metadata;
pub mod oidc;
pub mod persist;
pub mod protocol;
pub mod reqlog;
pub mod rpc;
pub mod rules;
pub mod seed;
pub mod server;
pub mod state;
pub mod throttle;

use axum::Router;
use axum::routing::get;

pub use accounts::{AccountSpec, DEMO_ACCOUNT_ID, DEMO_ROLE_NAME, SECOND_ACCOUNT_ID};
pub use app::EmulatorState;
pub use config::{ConnectionLimits, Delays, EmulatorConfig, EmulatorError, Seed};
pub use control::Control;
pub use faults::{FaultConfig, FaultRule};
pub use server::{RunningEmulator, start};
pub use throttle::ThrottleRule;

/// AccessKey ID of the demo account (obviously fake).
pub const DEMO_ACCESS_KEY_ID: &str = "LTAI5tEipDeskSandbox01";
/// AccessKey secret of the demo account (obviously fake).
pub const DEMO_ACCESS_KEY_SECRET: &str = "sandbox-secret-not-real-1";
/// AccessKey ID of the second demo account.
pub const SECOND_ACCESS_KEY_ID: &str = "LTAI5tEipDeskSandbox02";
/// AccessKey secret of the second demo account.
pub const SECOND_ACCESS_KEY_SECRET: &str = "sandbox-secret-not-real-2";

/// The ARN of the demo account's assumable role.
pub fn demo_role_arn() -> String {
    format!("acs:ram::{DEMO_ACCOUNT_ID}:role/{DEMO_ROLE_NAME}")
}

/// The ARN of the demo account's OIDC provider.
pub fn demo_oidc_provider_arn() -> String {
    format!(
        "acs:ram::{DEMO_ACCOUNT_ID}:oidc-provider/{}",
        oidc::DEMO_OIDC_PROVIDER_NAME
    )
}

/// The HTTP application: RPC at `/` (GET and POST; `HEAD` and other methods are refused
/// without running anything) and the control API under `/_emulator/`; any other path is an
/// Alibaba-style `404`.
pub fn router(state: EmulatorState) -> Router {
    Router::new()
        .route(
            "/",
            get(rpc::handle)
                .post(rpc::handle)
                .head(rpc::refuse_method)
                .fallback(rpc::refuse_method),
        )
        .merge(control::routes())
        .merge(metadata::routes())
        .fallback(rpc::unknown_path)
        .with_state(state)
}
