//! Commands for the lifecycle forms and row actions (allocate, release, create, delete,
//! attach, detach, rename, bandwidth, tags; bulk included): the form's choices, preflight with
//! the plan, and starting the run, which then reports like any run (`workflow-run` events).
//! Not to be confused with `lifecycle`, the window's close guard.

use super::Desk;
use eipdesk_core::api::{
    Confirmations, ErrorDto, LifecycleChoices, LifecycleForm, PreflightView, RunView,
};

#[tauri::command]
pub async fn lifecycle_choices(
    desk: Desk<'_>,
    region_id: String,
) -> Result<LifecycleChoices, ErrorDto> {
    Ok(desk.lifecycle_choices(&region_id).await?)
}

#[tauri::command]
pub async fn preflight_lifecycle(
    desk: Desk<'_>,
    form: LifecycleForm,
) -> Result<PreflightView, ErrorDto> {
    Ok(desk.preflight_lifecycle(form).await?)
}

#[tauri::command]
pub async fn start_lifecycle(
    desk: Desk<'_>,
    form: LifecycleForm,
    confirmations: Confirmations,
) -> Result<RunView, ErrorDto> {
    Ok(desk.start_lifecycle(form, confirmations).await?)
}

include!(concat!(env!("OUT_DIR"), "/ipc_checks_lifecycle_jobs.rs"));
