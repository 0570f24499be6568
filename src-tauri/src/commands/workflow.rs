//! Commands for the bind sheet, the run timeline and the Activity page, and the event
//! bridge: every change of a run reaches the window as a `workflow-run` event carrying the
//! run's view.

use super::Desk;
use eipdesk_core::api::{
    AuditEntry, AuditFilter, BindForm, BindOptions, Confirmations, ErrorDto, PreflightView,
    RunEvents, RunId, RunView,
};
use tauri::{AppHandle, Emitter};

/// The event name run views are emitted under.
pub const RUN_EVENT: &str = "workflow-run";

/// Forwards run changes to the window.
pub struct TauriRunEvents(AppHandle);

impl TauriRunEvents {
    pub fn new(app: AppHandle) -> Self {
        Self(app)
    }
}

impl RunEvents for TauriRunEvents {
    fn run_changed(&self, run: &RunView) {
        if let Err(e) = self.0.emit(RUN_EVENT, run) {
            tracing::debug!(error = %e, run = %run.id, "run event not delivered");
        }
    }
}

#[tauri::command]
pub async fn bind_options(desk: Desk<'_>, form: BindForm) -> Result<BindOptions, ErrorDto> {
    Ok(desk.bind_options(form).await?)
}

#[tauri::command]
pub async fn preflight_bind(desk: Desk<'_>, form: BindForm) -> Result<PreflightView, ErrorDto> {
    Ok(desk.preflight_bind(form).await?)
}

#[tauri::command]
pub async fn start_bind(
    desk: Desk<'_>,
    form: BindForm,
    confirmations: Confirmations,
) -> Result<RunView, ErrorDto> {
    Ok(desk.start_bind(form, confirmations).await?)
}

#[tauri::command]
pub async fn workflow_runs(desk: Desk<'_>, limit: Option<u32>) -> Result<Vec<RunView>, ErrorDto> {
    Ok(desk.workflow_runs(limit)?)
}

#[tauri::command]
pub async fn resume_run(desk: Desk<'_>, run_id: RunId) -> Result<RunView, ErrorDto> {
    Ok(desk.resume_run(&run_id).await?)
}

#[tauri::command]
pub async fn roll_back_run(desk: Desk<'_>, run_id: RunId) -> Result<RunView, ErrorDto> {
    Ok(desk.roll_back_run(&run_id).await?)
}

#[tauri::command]
pub async fn cancel_run(desk: Desk<'_>, run_id: RunId) -> Result<RunView, ErrorDto> {
    Ok(desk.cancel_run(&run_id).await?)
}

#[tauri::command]
pub async fn audit_log(desk: Desk<'_>, filter: AuditFilter) -> Result<Vec<AuditEntry>, ErrorDto> {
    Ok(desk.audit_log(&filter)?)
}

/// The runs a close would leave interrupted, with the state each leaves.
#[tauri::command]
pub async fn runs_in_progress(desk: Desk<'_>) -> Result<Vec<RunView>, ErrorDto> {
    Ok(desk.runs_in_progress()?)
}

/// Quits after the user chose what happens to the runs in progress.
#[tauri::command]
pub async fn quit_app<R: tauri::Runtime>(app: AppHandle<R>) -> Result<(), ErrorDto> {
    super::lifecycle::QUIT_CONFIRMED.store(true, std::sync::atomic::Ordering::SeqCst);
    tracing::info!("quitting at the user's request");
    app.exit(0);
    Ok(())
}

include!(concat!(env!("OUT_DIR"), "/ipc_checks_workflow.rs"));
