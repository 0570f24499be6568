//! `cargo xtask test`: every gate, in order, stopping at the first failure.

use crate::cmd::{self, run, step};
use crate::session::{self, Display};
use crate::setup::{self, Tools};
use anyhow::{Result, bail};
use std::process::Command;

pub fn test(args: &[&str]) -> Result<()> {
    let tools = setup::all()?;
    build_ui()?;
    match args {
        [] => {
            rust_gates()?;
            ui_gates()?;
            conformance(&tools)?;
            e2e(&tools, &[])
        }
        ["e2e", specs @ ..] => e2e(&tools, specs),
        ["conformance"] => conformance(&tools),
        ["ui"] => ui_gates(),
        ["rust"] => rust_gates(),
        _ => bail!("usage: cargo xtask test [rust|ui|conformance|e2e [SPEC-FILTER…]]"),
    }?;
    println!("\nAll requested gates passed.");
    Ok(())
}

/// `vite build` into `ui/dist`, which the app embeds at compile time.
pub fn build_ui() -> Result<()> {
    step("build UI (vite)");
    run(setup::npm_command()
        .args(["run", "build"])
        .current_dir(cmd::root().join("ui")))
}

/// The feature that builds the `alicloud-call` binary (and its test).
const CLI: &str = "alicloud-api/cli";

fn rust_gates() -> Result<()> {
    step("cargo fmt --check");
    run(cmd::cargo().args(["fmt", "--all", "--check"]))?;
    step("cargo clippy --workspace --all-targets (+ alicloud-call) -- -D warnings");
    run(cmd::cargo().args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--features",
        CLI,
        "--",
        "-D",
        "warnings",
    ]))?;
    let [workspace, namespace] = rust_test_runs();
    step("cargo test --workspace (+ alicloud-call; D-Bus session, unlocked gnome-keyring)");
    let scratch = session::scratch("rust-tests")?;
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    session::headless(
        Display::None,
        &scratch,
        &cargo,
        &workspace,
        &[("EIPDESK_REQUIRE_KEYCHAIN", "1".into())],
    )?;
    step("guest scripts on a real network stack (namespace test, output shown)");
    run(cmd::cargo().args(namespace))
}

/// The namespace test of the guest scripts (`crates/eipdesk-core/tests/guest_namespace.rs`).
const NAMESPACE_TEST: &str = "linux_scripts_configure_dhcp_and_verify_the_eip_on_a_real_nic";

/// The `cargo test` runs of the Rust gate: the workspace without the namespace test, then that
/// test on its own with `--nocapture`, so the log shows the address table and routes it saw
/// (or why it was skipped) instead of cargo capturing them.
fn rust_test_runs() -> [Vec<&'static str>; 2] {
    let common = ["test", "--workspace", "--features", CLI];
    let mut workspace = common.to_vec();
    workspace.extend(["--", "--skip", NAMESPACE_TEST]);
    let mut namespace = common.to_vec();
    namespace.extend([
        "--test",
        "guest_namespace",
        "--",
        "--exact",
        NAMESPACE_TEST,
        "--nocapture",
    ]);
    [workspace, namespace]
}

fn ui_gates() -> Result<()> {
    let ui = cmd::root().join("ui");
    step("UI type check (svelte-check)");
    run(setup::npm_command().args(["run", "check"]).current_dir(&ui))?;
    step("UI unit tests (vitest)");
    run(setup::npm_command().args(["run", "test"]).current_dir(&ui))
}

fn conformance(tools: &Tools) -> Result<()> {
    let root = cmd::root();
    if !root.join("tests/conformance").read_dir()?.any(|e| {
        e.map(|e| e.file_name().to_string_lossy().starts_with("test_"))
            .unwrap_or(false)
    }) {
        bail!("tests/conformance has no test_*.py files");
    }
    step("build emulator and alicloud-call");
    run(cmd::cargo().args([
        "build",
        "-p",
        "alicloud-emulator",
        "-p",
        "alicloud-api",
        "--features",
        CLI,
        "--bins",
    ]))?;
    step("SDK conformance (official Alibaba Cloud Python SDKs against the emulator)");
    let bin = root.join("target/debug");
    run(Command::new(&tools.python)
        .args(["-m", "pytest", "-q", "tests/conformance"])
        .current_dir(&root)
        .env("EMULATOR_BIN", bin.join("alicloud-emulator"))
        .env("ALICLOUD_CALL_BIN", bin.join("alicloud-call")))
}

/// Builds the production-like app (assets embedded) and runs the WebdriverIO specs through
/// tauri-driver under Xvfb, with a real keyring. `specs` filters spec files by name.
pub fn e2e(tools: &Tools, specs: &[&str]) -> Result<()> {
    let root = cmd::root();
    step("build the app (custom-protocol: UI embedded)");
    run(cmd::cargo().args(["build", "-p", "eipdesk", "--features", "custom-protocol"]))?;
    step("end-to-end suite (Xvfb + D-Bus + gnome-keyring + tauri-driver + WebdriverIO)");
    let scratch = session::scratch("e2e")?;
    let out = root.join("target/e2e");
    std::fs::create_dir_all(&out)?;
    let mut args = vec!["tests/e2e/run.mjs"];
    args.extend_from_slice(specs);
    session::headless(
        Display::Xvfb,
        &scratch,
        "node",
        &args,
        &[
            (
                "EIPDESK_APP",
                root.join("target/debug/eipdesk").display().to_string(),
            ),
            ("TAURI_DRIVER", tools.tauri_driver.display().to_string()),
            ("E2E_OUT", out.display().to_string()),
            ("E2E_SCRATCH", scratch.display().to_string()),
            // WebKitWebDriver's screenshots hang when the WebView paints without compositing
            // (the app's default, `src-tauri/src/rendering.rs`): the suite keeps WebKit's.
            ("EIPDESK_WEBVIEW_GPU", "1".into()),
            // The app's own log stays quiet unless something is wrong (it also goes to files).
            (
                "EIPDESK_LOG",
                std::env::var("EIPDESK_LOG").unwrap_or_else(|_| "warn".into()),
            ),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A renamed test would be skipped by neither run and shown by none: the name must exist.
    #[test]
    fn the_namespace_test_is_the_one_run_with_its_output_shown() {
        let source = std::fs::read_to_string(
            cmd::root().join("crates/eipdesk-core/tests/guest_namespace.rs"),
        )
        .unwrap();
        assert!(source.contains(&format!("fn {NAMESPACE_TEST}()")));
        let [workspace, namespace] = rust_test_runs();
        assert!(workspace.ends_with(&["--skip", NAMESPACE_TEST]));
        assert!(namespace.ends_with(&[NAMESPACE_TEST, "--nocapture"]));
    }
}
