//! `cargo xtask dist [--check]`: the installable packages. Builds the UI and the release app
//! (plus `eipdesk-cli` when the workspace has it), then bundles a `.deb` and an `.rpm` with the
//! pinned Tauri CLI (`tauri bundle`: both formats are written in Rust, no rpmbuild or dpkg
//! tooling needed) into `target/dist/`. `--check` then installs the `.deb` on this machine and
//! tests it (see `dist/check.rs`).
//!
//! The static packaging settings (icons, desktop entry template, AppStream metadata,
//! dependencies) live in `src-tauri/tauri.conf.json`; what depends on the build is merged in
//! from `target/dist/tauri.dist.json`: the package name and the CLI binary, if any.

pub mod check;
mod tree;

use crate::cmd::{self, run};
use crate::phases::Phases;
use crate::setup;
use anyhow::{Context, Result, bail};
use std::path::{Path, PathBuf};

/// The package name (the `.deb`/`.rpm` name, the desktop entry and icon file names).
pub const PACKAGE: &str = "eipdesk";
/// The command-line companion another crate may provide; packaged when the workspace has it.
const CLI_BIN: &str = "eipdesk-cli";

/// The packages one `dist` run produced.
#[derive(Debug)]
pub struct Packages {
    pub deb: PathBuf,
    pub rpm: PathBuf,
    /// `Some` when `eipdesk-cli` was built and packaged (as `/usr/bin/eipdesk-cli`).
    pub cli: Option<PathBuf>,
}

pub fn dist(args: &[&str]) -> Result<()> {
    let check = match args {
        [] => false,
        ["--check"] => true,
        _ => bail!("usage: cargo xtask dist [--check]"),
    };
    let mut phases = Phases::default();
    let result = build(&mut phases).and_then(|packages| match check {
        true => check::check(&packages, &mut phases),
        false => Ok(()),
    });
    println!("\n{}", phases.table());
    result
}

/// Builds everything and bundles the two packages.
pub fn build(phases: &mut Phases) -> Result<Packages> {
    phases.step("set-up: system packages, Node.js, npm packages");
    setup::system_packages()?;
    setup::node()?;
    setup::npm_ci(&cmd::root().join("ui"))?;
    phases.step("set-up: the pinned Tauri CLI");
    let tauri = setup::tauri_cli()?;
    phases.step("build the UI");
    crate::test::build_ui()?;
    let root = cmd::root();
    phases.step("build the release app and CLI (custom-protocol, one cargo build)");
    let cli = build_release()?;
    let out = root.join("target/dist");
    if out.exists() {
        std::fs::remove_dir_all(&out)?;
    }
    std::fs::create_dir_all(&out)?;
    let merged = out.join("tauri.dist.json");
    std::fs::write(&merged, merge_config(cli.as_deref()))?;
    phases.step("bundle .deb and .rpm (tauri bundle)");
    let bundle = root.join("target/release/bundle");
    if bundle.exists() {
        std::fs::remove_dir_all(&bundle)?;
    }
    run(std::process::Command::new(&tauri)
        .args(["bundle", "--ci", "--no-sign", "--bundles", "deb,rpm"])
        // keep the binary byte-for-byte as built (and as `bench startup` measured it)
        .arg("--no-binary-patching")
        .args(["--features", "custom-protocol", "--config"])
        .arg(&merged)
        .current_dir(root.join("src-tauri")))?;
    let deb = copy_one(&bundle.join("deb"), "deb", &out)?;
    let rpm = copy_one(&bundle.join("rpm"), "rpm", &out)?;
    println!();
    for file in [&deb, &rpm] {
        let size = std::fs::metadata(file)?.len() as f64 / 1e6;
        println!("{:>7.1} MB  {}", size, file.display());
    }
    Ok(Packages { deb, rpm, cli })
}

/// Builds the release app (UI embedded) and, when the workspace has it, `eipdesk-cli`, in
/// one `cargo build`: two builds would resolve the shared dependencies' features apart and
/// compile most of them twice (measured: 649 s for the CLI alone after the app). `bench
/// startup` builds the same way, so one build serves both and it measures what ships.
/// Returns the CLI binary's path, if built.
pub fn build_release() -> Result<Option<PathBuf>> {
    let mut cargo = cmd::cargo();
    cargo.args([
        "build",
        "--release",
        "-p",
        "eipdesk",
        "--features",
        "eipdesk/custom-protocol",
    ]);
    let package = cli_package()?;
    match &package {
        Some(package) => {
            cargo.args(["-p", package]);
        }
        None => println!("no `{CLI_BIN}` binary in the workspace: building the app alone"),
    }
    run(&mut cargo)?;
    Ok(package.map(|_| cmd::root().join("target/release").join(CLI_BIN)))
}

/// The workspace package that has an `eipdesk-cli` binary, if any (`cargo metadata`).
fn cli_package() -> Result<Option<String>> {
    let out = cmd::output(cmd::cargo().args(["metadata", "--no-deps", "--format-version", "1"]))
        .context("`cargo metadata` failed")?;
    let meta: serde_json::Value = serde_json::from_str(&out).context("reading cargo metadata")?;
    let packages = meta["packages"]
        .as_array()
        .context("cargo metadata: packages")?;
    Ok(packages.iter().find_map(|p| {
        let has_bin = p["targets"].as_array()?.iter().any(|t| {
            t["name"] == CLI_BIN
                && t["kind"]
                    .as_array()
                    .is_some_and(|k| k.iter().any(|k| k == "bin"))
        });
        has_bin.then(|| p["name"].as_str().map(str::to_string))?
    }))
}

/// The configuration merged over `tauri.conf.json` for bundling: the package name (the app
/// keeps "EIP Desk" as its product name) and the CLI binary in `/usr/bin`.
fn merge_config(cli: Option<&Path>) -> String {
    let files = match cli {
        Some(path) => serde_json::json!({ format!("/usr/bin/{CLI_BIN}"): path }),
        None => serde_json::json!({}),
    };
    let config = serde_json::json!({
        "productName": PACKAGE,
        "bundle": { "linux": {
            "deb": { "files": files.clone() },
            "rpm": { "files": files },
        }},
    });
    format!("{config:#}\n")
}

/// Copies the one `*.ext` file in `dir` into `out`.
fn copy_one(dir: &Path, ext: &str, out: &Path) -> Result<PathBuf> {
    let found: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("{} was not created", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    let [file] = &found[..] else {
        bail!(
            "expected one .{ext} in {}, found {}",
            dir.display(),
            found.len()
        );
    };
    let target = out.join(file.file_name().context("package file name")?);
    std::fs::copy(file, &target)?;
    Ok(target)
}
