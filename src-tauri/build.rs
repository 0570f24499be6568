//! Generates the Tauri context and the permissions of the app's own commands.

/// Every `#[tauri::command]` the window may call; `capabilities/main.json` grants each one.
const COMMANDS: &[&str] = &[
    "app_info",
    "list_regions",
    "list_eips",
    "load_inventory",
    "cancel_inventory",
    "refresh_resources",
    "inventory_rows",
    "export_csv",
    "default_export_path",
    "active_profile",
    "profiles_overview",
    "search_profiles",
    "create_profile",
    "update_profile",
    "delete_profile",
    "switch_profile",
    "test_profile_connection",
    "scan_profile_imports",
    "import_profiles",
    "bind_options",
    "preflight_bind",
    "start_bind",
    "workflow_runs",
    "workflow_run",
    "resume_run",
    "roll_back_run",
    "cancel_run",
    "audit_log",
    "export_audit",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri-build failed");
}
