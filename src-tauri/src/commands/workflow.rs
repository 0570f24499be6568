//! Commands for the bind sheet, the run timeline and the Activity page, and the event
//! bridge: every change of a run reaches the window as a `workflow-run` event carrying the
//! run's view.

use super::Desk;
use eipdesk_core::api::{
    AuditEntry, AuditFilter, BindForm, BindOptions, Confirmations, ErrorDto, PreflightView,
    QuitIntent, QuitWhen, RunEvents, RunId, RunView,
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
        super::lifecycle::quit_if_fulfilled(&self.0);
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
    tracing::info!("quitting at the user's request");
    super::lifecycle::quit(&app);
    Ok(())
}

/// Quits once every run in `runs` reaches `when` (at once if they already have): the shell
/// keeps this answer, so a reload of the window does not lose it.
#[tauri::command]
pub async fn quit_when<R: tauri::Runtime>(
    app: AppHandle<R>,
    when: QuitWhen,
    runs: Vec<RunId>,
) -> Result<(), ErrorDto> {
    super::lifecycle::quit_when(&app, QuitIntent { when, runs });
    Ok(())
}

/// The answer the app is waiting on to quit, if any (a reloaded window shows it again).
#[tauri::command]
pub async fn quit_intent() -> Result<Option<QuitIntent>, ErrorDto> {
    Ok(super::lifecycle::quit_intent())
}

include!(concat!(env!("OUT_DIR"), "/ipc_checks_workflow.rs"));
