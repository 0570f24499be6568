//! EIP Desk's desktop shell: window, logging and the Tauri commands that map IPC to
//! `eipdesk-core`. No business logic lives here (see ARCHITECTURE.md).

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;
mod ipc;
mod logging;
mod memory;
mod os_language;
mod rendering;
mod startup;
mod timeline;
mod web_process;
mod window_state;

use anyhow::Context;
use eipdesk_core::api::{EipDesk, ErrorDto};
use std::sync::Arc;
use tauri::Manager;

/// mimalloc rather than the system allocator: loading an inventory allocates a string per
/// decoded field of thousands of resources, and glibc's malloc spent some 30 % of that load
/// in `malloc`/`free` (measured with `cargo xtask bench inventory`, which uses the same).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> anyhow::Result<()> {
    timeline::begin();
    memory::configure();
    let data_dir = eipdesk_core::api::data_dir().context("locating the data directory")?;
    // Before anything writes there: owner-only directory, files and umask (logs included).
    eipdesk_core::api::secure_data_dir(&data_dir).context("securing the data directory")?;
    let _log_guard = logging::init(&data_dir.join("logs"))?;
    tracing::info!(version = env!("CARGO_PKG_VERSION"), "EIP Desk starting");
    timeline::mark_main_entered();
    timeline::mark("main: logging ready");
    let instance = eipdesk_core::api::instance_key(&data_dir);
    let window_state = window_state::plugin(&data_dir);
    // The desk (Sandbox emulator, profiles, keychain) starts now, on the async runtime, while
    // GTK initialises and the WebView loads; the gate holds IPC calls until it is managed.
    let starting = tauri::async_runtime::spawn(async move { EipDesk::start(&data_dir).await });
    let gate = Arc::new(startup::Gate::new(Box::new(ipc::invoke_handler())));
    let handler_gate = gate.clone();
    tauri::Builder::default()
        // First: a second launch on the same data directory focuses this window and exits.
        .plugin(
            tauri_plugin_single_instance::Builder::new()
                .dbus_id(instance)
                .callback(|app, _args, _cwd| {
                    tracing::info!("second launch: focusing the running window");
                    if let Some(window) = app.get_webview_window("main") {
                        let _ = window.unminimize();
                        let _ = window.show();
                        let _ = window.set_focus();
                    }
                })
                .build(),
        )
        // The save dialog for exports, called from Rust only (the window gets no permission).
        .plugin(tauri_plugin_dialog::init())
        // The OS's language for the UI's first choice of locale (issue 17).
        .plugin(os_language::plugin())
        .manage(commands::exports::ExportedFiles::default())
        .plugin(window_state)
        .setup(move |app| {
            timeline::mark("setup: window created");
            if let Some(window) = app.get_webview_window("main") {
                rendering::configure(&window);
                web_process::reload_when_it_dies(&window);
            }
            // Nothing here blocks the main thread: the window paints while the desk starts.
            let app = app.handle().clone();
            tauri::async_runtime::spawn(async move {
                let outcome = match starting.await {
                    Ok(Ok(desk)) => {
                        tracing::info!(sandbox = %desk.sandbox_endpoint(), "ready");
                        timeline::mark("desk ready (Sandbox, profiles, keychain)");
                        desk.set_run_events(Arc::new(commands::workflow::TauriRunEvents::new(
                            app.clone(),
                        )));
                        app.manage(desk);
                        Ok(())
                    }
                    Ok(Err(e)) => Err(ErrorDto::from(e)),
                    Err(e) => Err(ErrorDto::from(eipdesk_core::api::CoreError::Background(
                        e.to_string(),
                    ))),
                };
                if let Err(e) = &outcome {
                    tracing::error!(code = %e.code, message = %e.message, "EIP Desk could not start");
                }
                gate.open(outcome);
            });
            Ok(())
        })
        .on_page_load(|_, payload| {
            timeline::mark(match payload.event() {
                tauri::webview::PageLoadEvent::Started => "page load started",
                tauri::webview::PageLoadEvent::Finished => "page load finished",
            });
        })
        // Until the desk is managed there is no run to guard: the window may simply close.
        .on_window_event(|window, event| {
            if window.try_state::<EipDesk>().is_some() {
                commands::lifecycle::on_window_event(window, event);
            }
        })
        .invoke_handler(move |invoke| handler_gate.handle(invoke))
        .build(tauri::generate_context!())
        .context("building the Tauri application")?
        .run(|app, event| {
            // `exit` ends the process without dropping managed state: save what must be saved.
            if let tauri::RunEvent::Exit = event
                && let Some(desk) = app.try_state::<EipDesk>()
            {
                desk.shutdown();
            }
        });
    Ok(())
}
