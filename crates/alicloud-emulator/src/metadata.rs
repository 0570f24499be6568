//! The ECS instance metadata service's RAM role endpoints (`EcsRamRole` credentials), served
//! on the emulator's own port so a client can point its metadata endpoint here. The emulated
//! instance has the demo account's role attached.
//!
//! | Request | Answer |
//! |---|---|
//! | `PUT /latest/api/token` with `X-aliyun-ecs-metadata-token-ttl-seconds: 1..=21600` | a token (text) |
//! | `GET /latest/meta-data/ram/security-credentials/` | the attached role's name (text) |
//! | `GET /latest/meta-data/ram/security-credentials/<role>` | `{"Code":"Success","AccessKeyId","AccessKeySecret","SecurityToken","Expiration","LastUpdated"}` |
//!
//! Like the real service: another role name is a plain-text `404 Not Found`, a bad token TTL
//! is `400`, a token that was never issued is `401`. Requests without a token are accepted
//! (the service's normal mode). Sessions last six hours on the emulator clock.

use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, put};
use serde_json::json;

use crate::accounts::DEMO_ACCOUNT_ID;
use crate::app::EmulatorState;
use crate::auth::timestamp::format_ms;

/// Lifetime of an instance role session.
pub const SESSION_MS: i64 = 6 * 3600 * 1000;
const TOKEN_TTL_HEADER: &str = "x-aliyun-ecs-metadata-token-ttl-seconds";
const TOKEN_HEADER: &str = "x-aliyun-ecs-metadata-token";

/// The metadata routes.
pub fn routes() -> Router<EmulatorState> {
    Router::new()
        .route("/latest/api/token", put(token))
        .route(
            "/latest/meta-data/ram/security-credentials/",
            get(role_name),
        )
        .route(
            "/latest/meta-data/ram/security-credentials/{role}",
            get(credentials),
        )
}

fn text(status: StatusCode, body: impl Into<String>) -> Response {
    (status, body.into()).into_response()
}

async fn token(State(state): State<EmulatorState>, headers: HeaderMap) -> Response {
    let ttl = headers
        .get(TOKEN_TTL_HEADER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u32>().ok())
        .filter(|t| (1..=21600).contains(t));
    if ttl.is_none() {
        return text(StatusCode::BAD_REQUEST, "Bad Request");
    }
    let token = format!("emu-imds-{}", uuid::Uuid::new_v4().simple());
    state.inner.metadata_tokens.lock().push(token.clone());
    text(StatusCode::OK, token)
}

/// `Some(response)` when the request carries a token that was never issued.
fn refuse_token(state: &EmulatorState, headers: &HeaderMap) -> Option<Response> {
    let token = headers.get(TOKEN_HEADER)?.to_str().ok()?;
    let known = state
        .inner
        .metadata_tokens
        .lock()
        .iter()
        .any(|t| t == token);
    (!known).then(|| text(StatusCode::UNAUTHORIZED, "Unauthorized"))
}

/// The role attached to the emulated instance (the demo account's first role).
fn attached_role(state: &EmulatorState) -> Option<crate::accounts::RoleSpec> {
    let dir = state.inner.directory.lock();
    dir.account(DEMO_ACCOUNT_ID)?.roles.first().cloned()
}

async fn role_name(State(state): State<EmulatorState>, headers: HeaderMap) -> Response {
    if let Some(refused) = refuse_token(&state, &headers) {
        return refused;
    }
    match attached_role(&state) {
        Some(role) => text(StatusCode::OK, role.name),
        None => text(StatusCode::NOT_FOUND, "Not Found"),
    }
}

async fn credentials(
    State(state): State<EmulatorState>,
    Path(role): Path<String>,
    headers: HeaderMap,
) -> Response {
    if let Some(refused) = refuse_token(&state, &headers) {
        return refused;
    }
    let Some(attached) = attached_role(&state).filter(|r| r.name == role) else {
        return text(StatusCode::NOT_FOUND, "Not Found");
    };
    let now = state.inner.clock.now_ms();
    let session = state.inner.directory.lock().issue(
        DEMO_ACCOUNT_ID,
        &attached,
        "ecs-instance",
        now,
        now + SESSION_MS,
    );
    let body = json!({
        "Code": "Success",
        "AccessKeyId": session.access_key_id,
        "AccessKeySecret": session.secret,
        "SecurityToken": session.token,
        "Expiration": format_ms(session.expires_ms),
        "LastUpdated": format_ms(now),
    });
    (StatusCode::OK, axum::Json(body)).into_response()
}
