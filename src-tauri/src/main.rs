//! EIP Desk's desktop shell: window, logging and the Tauri commands that map IPC to
//! `eipdesk-core`. No business logic lives here (see ARCHITECTURE.md).

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;
mod logging;

use anyhow::Context;
use tauri::Manager;

/// mimalloc rather than the system allocator: loading an inventory allocates a string per
/// decoded field of thousands of resources, and glibc's malloc spent some 30 % of that load
/// in `malloc`/`free` (measured with `cargo xtask bench inventory`, which uses the same).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> anyhow::Result<()> {
    let data_dir = eipdesk_core::paths::data_dir().context("locating the data directory")?;
    let _log_guard = logging::init(&data_dir.join("logs"))?;
    tracing::info!(version = env!("CARGO_PKG_VERSION"), "EIP Desk starting");
    tauri::Builder::default()
        .setup(move |app| {
            let desk = tauri::async_runtime::block_on(eipdesk_core::EipDesk::start(&data_dir))
                .map_err(|e| anyhow::anyhow!("{}", e.to_dto().message))?;
            tracing::info!(sandbox = %desk.sandbox_endpoint(), "ready");
            desk.set_run_events(std::sync::Arc::new(
                commands::workflow::TauriRunEvents::new(app.handle().clone()),
            ));
            app.manage(desk);
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::inventory::app_info,
            commands::inventory::list_regions,
            commands::inventory::list_eips,
            commands::inventory::load_inventory,
            commands::inventory::cancel_inventory,
            commands::inventory::refresh_resources,
            commands::inventory::inventory_rows,
            commands::inventory::export_csv,
            commands::inventory::default_export_path,
            commands::profiles::active_profile,
            commands::profiles::profiles_overview,
            commands::profiles::search_profiles,
            commands::profiles::create_profile,
            commands::profiles::update_profile,
            commands::profiles::delete_profile,
            commands::profiles::switch_profile,
            commands::profiles::test_profile_connection,
            commands::profiles::scan_profile_imports,
            commands::profiles::import_profiles,
            commands::workflow::bind_options,
            commands::workflow::preflight_bind,
            commands::workflow::start_bind,
            commands::workflow::workflow_runs,
            commands::workflow::workflow_run,
            commands::workflow::resume_run,
            commands::workflow::roll_back_run,
            commands::workflow::cancel_run,
            commands::workflow::audit_log,
            commands::workflow::export_audit,
        ])
        .run(tauri::generate_context!())
        .context("running the Tauri application")?;
    Ok(())
}
