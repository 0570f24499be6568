//! EIP Desk's desktop shell: window, logging and the Tauri commands that map IPC to
//! `eipdesk-core`. No business logic lives here (see ARCHITECTURE.md).

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;
mod ipc;
mod logging;
mod web_process;

use anyhow::Context;
use tauri::Manager;

/// mimalloc rather than the system allocator: loading an inventory allocates a string per
/// decoded field of thousands of resources, and glibc's malloc spent some 30 % of that load
/// in `malloc`/`free` (measured with `cargo xtask bench inventory`, which uses the same).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> anyhow::Result<()> {
    let data_dir = eipdesk_core::api::data_dir().context("locating the data directory")?;
    // Before anything writes there: owner-only directory, files and umask (logs included).
    eipdesk_core::api::secure_data_dir(&data_dir).context("securing the data directory")?;
    let _log_guard = logging::init(&data_dir.join("logs"))?;
    tracing::info!(version = env!("CARGO_PKG_VERSION"), "EIP Desk starting");
    let instance = eipdesk_core::api::instance_key(&data_dir);
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
        .manage(commands::exports::ExportedFiles::default())
        .setup(move |app| {
            let desk = tauri::async_runtime::block_on(eipdesk_core::api::EipDesk::start(&data_dir))
                .map_err(|e| anyhow::anyhow!("{:?}", eipdesk_core::api::ErrorDto::from(e)))?;
            tracing::info!(sandbox = %desk.sandbox_endpoint(), "ready");
            desk.set_run_events(std::sync::Arc::new(
                commands::workflow::TauriRunEvents::new(app.handle().clone()),
            ));
            app.manage(desk);
            if let Some(window) = app.get_webview_window("main") {
                web_process::reload_when_it_dies(&window);
            }
            Ok(())
        })
        .on_window_event(commands::lifecycle::on_window_event)
        .invoke_handler(ipc::invoke_handler())
        .build(tauri::generate_context!())
        .context("building the Tauri application")?
        .run(|app, event| {
            // `exit` ends the process without dropping managed state: save what must be saved.
            if let tauri::RunEvent::Exit = event
                && let Some(desk) = app.try_state::<eipdesk_core::api::EipDesk>()
            {
                desk.shutdown();
            }
        });
    Ok(())
}
