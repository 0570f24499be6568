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
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri-build failed");
}
