//! Installs what the build and the suites need, and only what is missing: Debian packages (when
//! root on Debian/Ubuntu; elsewhere it prints what to install and stops), npm packages, the
//! project-local `tauri-driver` and `tauri-cli`, and the Python virtualenv for the SDK
//! conformance suite.

use crate::cmd::{self, output, run, step};
use anyhow::{Context, Result, bail};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Debian packages needed to build and run the app and its headless test session.
pub const APT_PACKAGES: &[&str] = &[
    "libwebkit2gtk-4.1-dev",
    "librsvg2-dev",
    "build-essential",
    "pkg-config",
    "libssl-dev",
    "xvfb",
    "xauth",
    // xwininfo: the close-guard e2e spec finds the app's X11 window with it
    "x11-utils",
    // xdotool: the export e2e spec types into the GTK save dialog and answers its overwrite question
    "xdotool",
    "webkit2gtk-driver",
    "imagemagick",
    "gnome-keyring",
    "dbus-x11",
    "libsecret-tools",
    "python3",
    "python3-venv",
    "python3-pip",
    "ca-certificates",
    // the guest-script namespace test (eipdesk-core tests/guest_namespace.rs): `ip`, Debian's
    // dnsmasq binary (the -base package: no system DNS service is started) and a DHCP client
    "iproute2",
    "dnsmasq-base",
    "udhcpc",
    // CJK glyphs: the zh-CN e2e run renders Simplified Chinese (issue 17); without it, boxes
    "fonts-noto-cjk",
    // `cargo xtask dist --check`: OCR of the installed app's screen, and the validators of
    // the desktop entry and the AppStream metadata the packages ship
    "tesseract-ocr",
    "tesseract-ocr-eng",
    "desktop-file-utils",
    "appstream",
];

/// The oldest Node.js that Vite 8 accepts.
const MIN_NODE: (u32, u32) = (20, 19);

/// Paths of the tools set-up provides.
#[derive(Debug)]
pub struct Tools {
    pub tauri_driver: PathBuf,
    pub python: PathBuf,
}

/// Everything: system packages, npm packages (UI + e2e), tauri-driver and the Python venv.
pub fn all() -> Result<Tools> {
    system_packages()?;
    node()?;
    npm_ci(&cmd::root().join("ui"))?;
    npm_ci(&cmd::root().join("tests/e2e"))?;
    Ok(Tools {
        tauri_driver: tauri_driver()?,
        python: python_venv()?,
    })
}

/// The npm cache lives under `target/` so nothing is written to `$HOME`.
pub fn npm_command() -> Command {
    let mut cmd = Command::new("npm");
    cmd.env("npm_config_cache", cmd::root().join("target/npm-cache"))
        .env("npm_config_update_notifier", "false")
        .env("npm_config_fund", "false")
        .env("npm_config_audit", "false");
    cmd
}

fn missing_packages() -> Vec<&'static str> {
    APT_PACKAGES
        .iter()
        .copied()
        .filter(|pkg| {
            let status = output(Command::new("dpkg-query").args(["-W", "-f=${Status}", pkg]));
            !matches!(status.as_deref(), Some(s) if s.ends_with("installed") && !s.contains("not-installed"))
        })
        .collect()
}

fn is_root() -> bool {
    output(Command::new("id").arg("-u")).as_deref() == Some("0")
}

/// Installs missing Debian packages when it can; otherwise says exactly what to install.
pub fn system_packages() -> Result<()> {
    step("system packages");
    if !Path::new("/etc/debian_version").exists() || !cmd::on_path("apt-get") {
        println!(
            "Not a Debian/Ubuntu system: make sure the equivalents of these are installed:\n  {}\n\
             plus Node.js >= {}.{} with npm, and a Rust toolchain.",
            APT_PACKAGES.join(" "),
            MIN_NODE.0,
            MIN_NODE.1
        );
        return Ok(());
    }
    let missing = missing_packages();
    if missing.is_empty() {
        println!("all {} packages present", APT_PACKAGES.len());
        return Ok(());
    }
    if !is_root() {
        bail!(
            "missing system packages; install them with:\n  sudo apt-get install -y --no-install-recommends {}",
            missing.join(" ")
        );
    }
    println!("installing: {}", missing.join(" "));
    run(Command::new("apt-get")
        .args(["update", "-qq"])
        .env("DEBIAN_FRONTEND", "noninteractive"))?;
    run(Command::new("apt-get")
        .args(["install", "-y", "-qq", "--no-install-recommends"])
        .args(&missing)
        .env("DEBIAN_FRONTEND", "noninteractive"))
}

fn node_version() -> Option<(u32, u32)> {
    let v = output(Command::new("node").arg("--version"))?;
    let mut parts = v.trim_start_matches('v').split('.');
    Some((parts.next()?.parse().ok()?, parts.next()?.parse().ok()?))
}

/// Node.js must be new enough for Vite; Debian's own nodejs is tried when none is present.
pub fn node() -> Result<()> {
    step("node.js");
    if node_version().is_none() && is_root() && cmd::on_path("apt-get") {
        run(Command::new("apt-get")
            .args([
                "install",
                "-y",
                "-qq",
                "--no-install-recommends",
                "nodejs",
                "npm",
            ])
            .env("DEBIAN_FRONTEND", "noninteractive"))?;
    }
    match node_version() {
        Some(v) if v >= MIN_NODE => {
            println!("node {}.{}", v.0, v.1);
            Ok(())
        }
        Some(v) => bail!(
            "Node.js {}.{} is too old: install Node.js >= {}.{} (https://nodejs.org or your package manager)",
            v.0,
            v.1,
            MIN_NODE.0,
            MIN_NODE.1
        ),
        None => bail!(
            "Node.js not found: install Node.js >= {}.{} with npm",
            MIN_NODE.0,
            MIN_NODE.1
        ),
    }
}

/// `npm ci` unless `node_modules` already matches `package-lock.json` (npm keeps a copy of the
/// lock it installed at `node_modules/.package-lock.json`; we keep our own stamp beside it).
pub fn npm_ci(dir: &Path) -> Result<()> {
    step(&format!("npm packages in {}", dir.display()));
    let lock = std::fs::read(dir.join("package-lock.json"))
        .with_context(|| format!("{} has no package-lock.json", dir.display()))?;
    let stamp = dir.join("node_modules/.eipdesk-lock-stamp");
    if std::fs::read(&stamp).ok().as_deref() == Some(lock.as_slice()) {
        println!("up to date");
        return Ok(());
    }
    run(npm_command().arg("ci").current_dir(dir))?;
    std::fs::write(&stamp, &lock)?;
    Ok(())
}

/// `tauri-driver` (the WebDriver bridge to WebKitWebDriver), installed under `target/tools`.
pub fn tauri_driver() -> Result<PathBuf> {
    step("tauri-driver");
    let root = cmd::root().join("target/tools");
    let bin = root.join("bin/tauri-driver");
    if bin.is_file() {
        println!("present: {}", bin.display());
        return Ok(bin);
    }
    run(cmd::cargo()
        .args([
            "install",
            "tauri-driver",
            "--locked",
            "--version",
            "^2",
            "--root",
        ])
        .arg(&root))?;
    Ok(bin)
}

/// The Tauri CLI that `cargo xtask dist` bundles with: pinned, from crates.io, under
/// `target/tools` (the version must match the `tauri` crate's minor line).
pub const TAURI_CLI_VERSION: &str = "2.12.4";

/// `cargo-tauri`, installed under `target/tools` unless that exact version is there.
pub fn tauri_cli() -> Result<PathBuf> {
    step(&format!("tauri-cli {TAURI_CLI_VERSION}"));
    let root = cmd::root().join("target/tools");
    let bin = root.join("bin/cargo-tauri");
    let version = output(Command::new(&bin).arg("--version"));
    if version.as_deref() == Some(&format!("tauri-cli {TAURI_CLI_VERSION}")) {
        println!("present: {}", bin.display());
        return Ok(bin);
    }
    run(cmd::cargo()
        .args(["install", "tauri-cli", "--locked", "--version"])
        .arg(format!("={TAURI_CLI_VERSION}"))
        .arg("--root")
        .arg(&root))?;
    Ok(bin)
}

/// A virtualenv under `target/venv` with the official Alibaba Cloud Python SDKs.
pub fn python_venv() -> Result<PathBuf> {
    step("python virtualenv (official Alibaba Cloud SDKs)");
    let root = cmd::root();
    let venv = root.join("target/venv");
    let python = venv.join("bin/python");
    let requirements = root.join("tests/conformance/requirements.txt");
    let wanted = std::fs::read(&requirements).unwrap_or_default();
    let stamp = venv.join(".eipdesk-requirements");
    if python.is_file() && std::fs::read(&stamp).ok() == Some(wanted.clone()) {
        println!("up to date");
        return Ok(python);
    }
    if !python.is_file() {
        run(Command::new("python3").args(["-m", "venv"]).arg(&venv))?;
    }
    if requirements.is_file() {
        run(Command::new(&python)
            .args([
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
                "--no-cache-dir",
                "-r",
            ])
            .arg(&requirements))?;
    }
    std::fs::write(&stamp, &wanted)?;
    Ok(python)
}
