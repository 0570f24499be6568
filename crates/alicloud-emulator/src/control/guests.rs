//! Control of the modelled guests behind Cloud Assistant ([`crate::state::guest`]): read or
//! replace what an instance's guest changed, take its agent offline, or arm a script fault.
//!
//! | method and path | body | effect |
//! |---|---|---|
//! | `GET /_emulator/guests/{account}/{region}/{instance}` | | the guest state |
//! | `PUT /_emulator/guests/{account}/{region}/{instance}` | `{"agent_offline": true, "fault": {"kind": "fail", "exit_code": 2, "output": ".."}}` (or `{"kind": "hang"}`) | replaces it |

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use http::StatusCode;

use super::Control;
use crate::app::EmulatorState;
use crate::state::guest::GuestState;

impl Control {
    /// What the guest of `instance` changed (a fresh guest when nothing).
    pub fn guest(&self, account: &str, region: &str, instance: &str) -> GuestState {
        self.state
            .inner
            .world
            .lock()
            .region(account, region)
            .and_then(|r| r.guests.get(instance).cloned())
            .unwrap_or_default()
    }

    /// Replaces the guest state of `instance`.
    pub fn set_guest(&self, account: &str, region: &str, instance: &str, guest: GuestState) {
        self.state
            .inner
            .world
            .lock()
            .region_mut(account, region)
            .guests
            .insert(instance.to_string(), guest);
        self.saved();
    }
}

/// The `/_emulator/guests/…` routes.
pub(super) fn routes() -> Router<EmulatorState> {
    Router::new().route(
        "/_emulator/guests/{account}/{region}/{instance}",
        get(get_guest).put(put_guest),
    )
}

async fn get_guest(
    State(s): State<EmulatorState>,
    Path((account, region, instance)): Path<(String, String, String)>,
) -> Json<GuestState> {
    Json(s.control().guest(&account, &region, &instance))
}

async fn put_guest(
    State(s): State<EmulatorState>,
    Path((account, region, instance)): Path<(String, String, String)>,
    Json(guest): Json<GuestState>,
) -> Response {
    s.control().set_guest(&account, &region, &instance, guest);
    (StatusCode::OK, Json(serde_json::json!({"ok": true}))).into_response()
}
