//! The main window's size, position and maximised state, saved on close and restored at the
//! next start (`tauri-plugin-window-state`). The file lives in the data directory, beside
//! everything else EIP Desk keeps, rather than in a second per-app folder. Only Rust uses the
//! plugin: the window is granted none of its commands.

use std::path::Path;
use tauri::plugin::TauriPlugin;
use tauri_plugin_window_state::{Builder, StateFlags};

/// The file holding the saved window state, in the data directory.
pub const FILE: &str = "window-state.json";

/// What is restored: not visibility, decorations or full screen.
pub fn flags() -> StateFlags {
    StateFlags::SIZE | StateFlags::POSITION | StateFlags::MAXIMIZED
}

/// The plugin, saving to `<data_dir>/window-state.json` (the plugin joins the name onto its
/// own folder, and joining an absolute path yields that path). A data directory that is not
/// UTF-8 keeps the plugin's default place, with a warning.
pub fn plugin<R: tauri::Runtime>(data_dir: &Path) -> TauriPlugin<R> {
    let builder = Builder::new().with_state_flags(flags());
    match data_dir.join(FILE).to_str() {
        Some(path) => builder.with_filename(path),
        None => {
            tracing::warn!("data directory is not UTF-8: window state kept in the config folder");
            builder
        }
    }
    .build()
}
