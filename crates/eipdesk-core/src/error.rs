//! The core's error type and the one shape errors take when they cross IPC:
//! `{ kind, code, message, requestId?, hint? }`. The UI shows the Alibaba Cloud code and the
//! request ID, which is what support asks for. No secret ever reaches a message.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Broad classes the UI reacts to (retry, re-authenticate, fix input, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ErrorKind {
    Throttling,
    Transient,
    Auth,
    NotFound,
    InvalidState,
    InvalidInput,
    Transport,
    Keychain,
    Internal,
}

/// An error as the UI receives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ErrorDto {
    pub kind: ErrorKind,
    /// The Alibaba Cloud error code (e.g. `Eni.Attached`) or one of ours (e.g. `InvalidRegionId`).
    pub code: String,
    pub message: String,
    pub request_id: Option<String>,
    /// What the user can do about it.
    pub hint: Option<String>,
}

/// Errors of eipdesk-core.
#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    #[error(transparent)]
    Api(#[from] alicloud_api::Error),
    #[error(transparent)]
    InvalidId(#[from] crate::ids::InvalidId),
    #[error("the Sandbox emulator could not start: {0}")]
    Sandbox(String),
    #[error(transparent)]
    Inventory(#[from] crate::inventory::InventoryError),
    #[error(transparent)]
    Profile(#[from] crate::profiles::ProfileError),
    #[error(transparent)]
    Connect(#[from] crate::profiles::ConnectError),
    #[error(transparent)]
    Import(#[from] crate::profiles::import::ImportError),
    #[error("a background task stopped: {0}")]
    Background(String),
}

impl CoreError {
    /// The IPC shape of this error.
    pub fn to_dto(&self) -> ErrorDto {
        match self {
            CoreError::Api(err) => api_error_dto(err),
            CoreError::InvalidId(err) => ErrorDto {
                kind: ErrorKind::InvalidInput,
                code: "InvalidId".into(),
                message: err.to_string(),
                request_id: None,
                hint: Some(format!("Enter {}.", err.expected)),
            },
            CoreError::Inventory(err) => err.to_dto(),
            CoreError::Profile(err) => crate::desk::profiles::profile_error_dto(err),
            CoreError::Connect(err) => crate::desk::profiles::connect_error_dto(err),
            CoreError::Import(err) => crate::desk::profiles::import_error_dto(err),
            CoreError::Background(message) => ErrorDto {
                kind: ErrorKind::Internal,
                code: "Background".into(),
                message: message.clone(),
                request_id: None,
                hint: Some("Try again; if it persists, restart EIP Desk.".into()),
            },
            CoreError::Sandbox(message) => ErrorDto {
                kind: ErrorKind::Internal,
                code: "SandboxUnavailable".into(),
                message: message.clone(),
                request_id: None,
                hint: Some("Restart EIP Desk; if it persists, check the log folder.".into()),
            },
        }
    }
}

/// The IPC shape of an API error.
pub fn api_error_dto(err: &alicloud_api::Error) -> ErrorDto {
    use alicloud_api::ErrorKind as K;
    let (kind, hint) = match err.kind() {
        K::Throttling => (
            ErrorKind::Throttling,
            "Alibaba Cloud is rate-limiting this account; wait a moment and retry.",
        ),
        K::Transient => (
            ErrorKind::Transient,
            "A temporary failure on Alibaba Cloud's side; retry shortly.",
        ),
        K::Auth => (
            ErrorKind::Auth,
            "Check the profile's AccessKey and its RAM permissions.",
        ),
        K::NotFound => (
            ErrorKind::NotFound,
            "The resource no longer exists; refresh the list.",
        ),
        K::InvalidState => (
            ErrorKind::InvalidState,
            "The resource is busy or in the wrong state; refresh and retry.",
        ),
        K::InvalidInput => (ErrorKind::InvalidInput, "Check the values entered."),
        K::Transport => (
            ErrorKind::Transport,
            "Could not reach the endpoint; check the network or proxy.",
        ),
        K::Decode => (
            ErrorKind::Internal,
            "The response could not be read; report this with the request ID.",
        ),
        K::Credentials => (
            ErrorKind::Auth,
            "The profile's credentials could not be obtained; edit the profile.",
        ),
    };
    let api = err.api_error();
    ErrorDto {
        kind,
        code: api
            .map(|a| a.code.clone())
            .unwrap_or_else(|| format!("{:?}", err.kind())),
        message: api
            .map(|a| a.message.clone())
            .unwrap_or_else(|| err.to_string()),
        request_id: api.map(|a| a.request_id.clone()).filter(|r| !r.is_empty()),
        hint: Some(
            api.and_then(|a| a.recommend.clone())
                .filter(|r| !r.is_empty())
                .map_or(hint.to_string(), |r| format!("{hint} ({r})")),
        ),
    }
}
