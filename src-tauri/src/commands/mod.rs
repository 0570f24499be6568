//! Tauri commands, one module per feature: parse, call eipdesk-core, map the result. Errors
//! cross IPC as `ErrorDto { kind, code, message, requestId?, hint? }`. Every command is listed
//! in `build.rs` and granted in `capabilities/main.json`; nothing else is callable.

pub mod exports;
pub mod inventory;
pub mod lifecycle;
pub mod lifecycle_jobs;
pub mod profiles;
pub mod workflow;

use eipdesk_core::api::EipDesk;

/// The managed application service, as commands receive it.
pub type Desk<'a> = tauri::State<'a, EipDesk>;
