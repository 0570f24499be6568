//! Closing safely: when the window is asked to close (or the app to quit) while a run still
//! holds resources half-way, the close is held and the window gets a `close-requested` event;
//! it asks the user (wait for a safe point, roll back, or keep the run interrupted). "Keep it
//! interrupted" calls `quit_app`; the other two hand their answer to the shell (`quit_when`,
//! in `workflow`), which keeps it here and quits as soon as it is fulfilled, checked after
//! every change of a run. The answer lives in the shell, not the page, so a reload or a crash
//! of the web view does not lose it; a reloaded page reads it back (`quit_intent`). Which runs
//! hold the close is the core's answer (`runs_in_progress`), and when an answer is fulfilled
//! too (`QuitIntent`).

use eipdesk_core::api::{EipDesk, QuitIntent};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use tauri::{AppHandle, Emitter, Manager, Runtime, Window, WindowEvent};

/// The event the window gets when a close was held because runs are in progress.
pub const CLOSE_EVENT: &str = "close-requested";

/// Set once the user chose to quit: the next close is not held.
pub(crate) static QUIT_CONFIRMED: AtomicBool = AtomicBool::new(false);

/// The user's answer to a held close, until it is fulfilled and the app quits.
static QUIT_INTENT: Mutex<Option<QuitIntent>> = Mutex::new(None);

/// Quits now, at the user's request: the next close is not held.
pub(crate) fn quit<R: Runtime>(app: &AppHandle<R>) {
    QUIT_CONFIRMED.store(true, Ordering::SeqCst);
    app.exit(0);
}

/// Keeps the user's answer and quits at once if it is already fulfilled.
pub(crate) fn quit_when<R: Runtime>(app: &AppHandle<R>, intent: QuitIntent) {
    tracing::info!(when = ?intent.when, runs = intent.runs.len(), "quitting once the runs allow it");
    *QUIT_INTENT.lock().unwrap_or_else(|p| p.into_inner()) = Some(intent);
    quit_if_fulfilled(app);
}

/// The answer the user gave, if the app is waiting to quit.
pub(crate) fn quit_intent() -> Option<QuitIntent> {
    QUIT_INTENT
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .clone()
}

/// Quits if the user's answer is fulfilled (called after every change of a run). A failure to
/// read the journal keeps waiting: the next change checks again, and "close now" still works.
pub(crate) fn quit_if_fulfilled<R: Runtime>(app: &AppHandle<R>) {
    let Some(intent) = quit_intent() else {
        return;
    };
    let Some(desk) = app.try_state::<EipDesk>() else {
        return;
    };
    match desk.quit_intent_fulfilled(&intent) {
        Ok(true) => {
            tracing::info!(when = ?intent.when, "the runs allow it: quitting");
            quit(app);
        }
        Ok(false) => {}
        Err(e) => tracing::warn!(error = %e, "could not read the runs the quit waits for"),
    }
}

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
