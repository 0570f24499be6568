//! Generates the Tauri context and, from the `#[tauri::command]` functions in
//! `src/commands/*.rs` (the one declaration of each command), the command permissions and
//! the window's capability that grants them, the invoke handler and the argument checks
//! (see `src/ipc/spec.rs`).

#[path = "src/ipc/spec.rs"]
#[allow(dead_code)]
mod spec;

use std::path::PathBuf;

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let commands_dir = manifest.join("src/commands");
    println!("cargo:rerun-if-changed={}", commands_dir.display());
    println!("cargo:rerun-if-changed=src/ipc/spec.rs");
    let contract = spec::read_dir(&commands_dir).unwrap_or_else(|e| panic!("{e}"));

    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap());
    write(
        &out.join("ipc_handler.rs"),
        &spec::handler_source(&contract),
    );
    let mut modules: Vec<&str> = contract
        .commands
        .iter()
        .map(|c| c.module.as_str())
        .collect();
    modules.dedup();
    for module in modules {
        write(
            &out.join(format!("ipc_checks_{module}.rs")),
            &spec::module_checks_source(&contract, module),
        );
    }

    // tauri-build keeps the names for the whole build script; it runs once, so leaking is fine.
    // The window's capability grants exactly these commands. It is derived data, regenerated
    // on every build (as tauri-build regenerates `gen/`), and committed so that a review
    // sees every change of what the window may call.
    write(
        &manifest.join("capabilities/main.json"),
        &spec::capability(&contract),
    );

    let names: Vec<&'static str> = contract
        .commands
        .into_iter()
        .map(|c| &*Box::leak(c.name.into_boxed_str()))
        .collect();
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(names.leak())),
    )
    .expect("tauri-build failed");
}

/// Writes only when the content changed, so unchanged output does not trigger rebuilds.
fn write(path: &std::path::Path, content: &str) {
    if std::fs::read_to_string(path).ok().as_deref() != Some(content) {
        std::fs::write(path, content).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
}
