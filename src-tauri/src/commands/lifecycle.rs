//! Closing safely: when the window is asked to close (or the app to quit) while a run still
//! holds resources half-way, the close is held and the window gets a `close-requested` event;
//! it asks the user (wait for a safe point, roll back, or keep the run interrupted) and then
//! calls `quit_app` (in `workflow`). Which runs hold the close is the core's answer (`runs_in_progress`).

use std::sync::atomic::{AtomicBool, Ordering};
use tauri::{Emitter, Manager, Window, WindowEvent};

/// The event the window gets when a close was held because runs are in progress.
pub const CLOSE_EVENT: &str = "close-requested";

/// Set once the user chose to quit: the next close is not held.
pub(crate) static QUIT_CONFIRMED: AtomicBool = AtomicBool::new(false);

/// Holds a close request while runs are in progress and tells the window why.
pub fn on_window_event(window: &Window, event: &WindowEvent) {
    let WindowEvent::CloseRequested { api, .. } = event else {
        return;
    };
    if QUIT_CONFIRMED.load(Ordering::SeqCst) {
        return;
    }
    let desk = window.state::<eipdesk_core::api::EipDesk>();
    match desk.runs_in_progress() {
        Ok(runs) if !runs.is_empty() => {
            api.prevent_close();
            tracing::info!(runs = runs.len(), "close held: runs in progress");
            if let Err(e) = window.emit(CLOSE_EVENT, ()) {
                tracing::warn!(error = %e, "close-requested not delivered");
            }
        }
        Ok(_) => {}
        Err(e) => tracing::warn!(error = %e, "could not read the runs in progress; closing"),
    }
}
