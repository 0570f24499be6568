//! `cargo xtask dist --check`: the `.deb` as an administrator meets it. Reads its control
//! fields, installs it with `apt install ./eipdesk_*.deb`, checks the files it put on disk
//! (binary, desktop entry, every icon size, AppStream metadata, the CLI when packaged) with
//! the distribution's validators, starts the installed binary under Xvfb with a fresh home
//! until OCR reads the Sandbox EIP table on the screen, then `apt remove --purge`s it and checks
//! that every file it installed is gone and that nothing new is left under `/usr`, `/etc`,
//! `/opt` or `/var/lib` (see `tree.rs`). Needs root (apt); it changes this machine's packages
//! only for the time of the check.

use super::tree::Tree;
use super::{PACKAGE, Packages};
use crate::cmd::{self, output, run};
use crate::launch::{self, App};
use crate::phases::Phases;
use crate::session::{self, Display};
use anyhow::{Context, Result, bail, ensure};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

/// Hidden command: start the installed app inside the Xvfb session and wait for the table.
pub const PROBE: &str = "__dist-probe";

/// Icon sizes the desktop asks for (hicolor theme), all shipped.
const ICON_SIZES: &[u32] = &[16, 24, 32, 48, 64, 128, 256, 512];

const APP_ID: &str = "com.eipdesk.desktop";

pub fn check(packages: &Packages, phases: &mut Phases) -> Result<()> {
    ensure!(
        output(Command::new("id").arg("-u")).as_deref() == Some("0"),
        "`dist --check` installs the package with apt: run it as root"
    );
    ensure!(
        output(Command::new("dpkg-query").args(["-W", "-f=${Status}", PACKAGE]))
            .is_none_or(|s| s.contains("not-installed")),
        "{PACKAGE} is already installed on this machine: `apt remove --purge {PACKAGE}` first"
    );
    phases.step("packages: .rpm lead, .deb control fields");
    check_rpm(&packages.rpm)?;
    control_fields(&packages.deb)?;
    phases.step("snapshot of /usr, /etc, /opt, /var/lib");
    let before = Tree::scan()?;
    println!("{} paths", before.len());
    phases.step("apt install ./eipdesk_*.deb");
    apt(
        &["install", "-y", "-q"],
        &packages.deb.display().to_string(),
    )?;
    let installed = installed_files();
    let result = installed.and_then(|installed| {
        phases.step("installed files: present and valid");
        installed_checks(packages)?;
        phases.step("start the installed app under Xvfb (fresh home) until the EIP table shows");
        run_installed()?;
        Ok(installed)
    });
    phases.step("apt remove --purge eipdesk");
    apt(&["remove", "--purge", "-y", "-q"], PACKAGE)?;
    let installed = result?;
    phases.step("nothing left behind");
    nothing_left(&installed, &before)?;
    println!("\n.deb check passed: installed, started, showed the Sandbox EIP table, removed.");
    Ok(())
}

fn apt(args: &[&str], what: &str) -> Result<()> {
    run(Command::new("apt-get")
        .args(args)
        .arg(what)
        .env("DEBIAN_FRONTEND", "noninteractive"))
}

/// An RPM starts with its lead magic; its own tooling is not part of Debian's base.
fn check_rpm(rpm: &Path) -> Result<()> {
    let bytes = std::fs::read(rpm)?;
    ensure!(
        bytes.starts_with(&[0xed, 0xab, 0xee, 0xdb]),
        "{} is not an RPM file",
        rpm.display()
    );
    println!("{}: RPM lead present, {} bytes", rpm.display(), bytes.len());
    Ok(())
}

/// Package name, WebKitGTK in Depends, a Secret Service provider in Recommends.
fn control_fields(deb: &Path) -> Result<()> {
    let field = |name: &str| {
        output(Command::new("dpkg-deb").args(["-f"]).arg(deb).arg(name)).unwrap_or_default()
    };
    let (package, depends, recommends) = (field("Package"), field("Depends"), field("Recommends"));
    println!("Package: {package}\nDepends: {depends}\nRecommends: {recommends}");
    ensure!(
        package == PACKAGE,
        "package name is `{package}`, expected `{PACKAGE}`"
    );
    ensure!(
        depends.contains("libwebkit2gtk-4.1-0"),
        "Depends lacks WebKitGTK"
    );
    ensure!(
        recommends.contains("gnome-keyring"),
        "Recommends lacks a Secret Service provider"
    );
    Ok(())
}

/// The files dpkg says the package installed (not the directories).
fn installed_files() -> Result<Vec<PathBuf>> {
    let list = output(Command::new("dpkg").args(["-L", PACKAGE])).context("dpkg -L eipdesk")?;
    Ok(list
        .lines()
        .map(PathBuf::from)
        .filter(|p| p.is_file())
        .collect())
}

fn installed_checks(packages: &Packages) -> Result<()> {
    let must = |path: String| -> Result<PathBuf> {
        let p = PathBuf::from(&path);
        ensure!(p.is_file(), "{path} is missing");
        println!("present: {path}");
        Ok(p)
    };
    must(format!("/usr/bin/{PACKAGE}"))?;
    let desktop = must(format!("/usr/share/applications/{PACKAGE}.desktop"))?;
    for size in ICON_SIZES {
        must(format!(
            "/usr/share/icons/hicolor/{size}x{size}/apps/{PACKAGE}.png"
        ))?;
    }
    let metainfo = must(format!("/usr/share/metainfo/{APP_ID}.metainfo.xml"))?;
    run(Command::new("desktop-file-validate").arg(&desktop))?;
    run(Command::new("appstreamcli")
        .args(["validate", "--no-net", "--pedantic"])
        .arg(&metainfo))?;
    if packages.cli.is_some() {
        let cli = must("/usr/bin/eipdesk-cli".into())?;
        run(Command::new(cli).arg("--help"))?;
    }
    Ok(())
}

/// Starts `/usr/bin/eipdesk` in a fresh headless session and waits for the table.
fn run_installed() -> Result<()> {
    let scratch = session::scratch("dist-check")?;
    let xtask = std::env::current_exe()?.display().to_string();
    session::headless(
        Display::Xvfb,
        &scratch,
        &xtask,
        &[
            PROBE,
            &format!("/usr/bin/{PACKAGE}"),
            &scratch.display().to_string(),
        ],
        &[],
    )
}

/// Inside the session: `__dist-probe BINARY SCRATCH`.
pub fn probe(args: &[&str]) -> Result<()> {
    let [binary, scratch] = args else {
        bail!("{PROBE} BINARY SCRATCH");
    };
    let home = Path::new(scratch).join("home-installed");
    let png = cmd::root().join("target/dist/check-screenshot.png");
    let mut app = App::start(Path::new(binary), &home)?;
    launch::wait_for_table(
        &mut app,
        &png,
        Duration::from_secs(2),
        Duration::from_secs(120),
    )?;
    println!(
        "the Sandbox EIP table is on screen after {:.1} s: {}",
        app.started.elapsed().as_secs_f64(),
        png.display()
    );
    app.stop()?;
    // What a first start wrote in the home: the data directory, and WebKit's own folders.
    let mut written = Vec::new();
    list_files(&home, &home, &mut written)?;
    let data_dir = ".local/share/eipdesk/";
    let outside: Vec<&String> = written
        .iter()
        .filter(|f| !f.starts_with(data_dir) && f.as_str() != "app.log")
        .collect();
    println!(
        "files written in the home: {} in the data directory, {} elsewhere",
        written.len() - outside.len() - 1,
        outside.len()
    );
    for f in &outside {
        println!("  outside the data directory: {f}");
    }
    Ok(())
}

fn list_files(root: &Path, dir: &Path, out: &mut Vec<String>) -> Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            list_files(root, &path, out)?;
        } else {
            out.push(path.strip_prefix(root)?.display().to_string());
        }
    }
    Ok(())
}

/// After the purge: dpkg no longer knows the package, none of its files remain and nothing
/// else appeared in the system's directories since the snapshot taken before the install.
fn nothing_left(installed: &[PathBuf], before: &Tree) -> Result<()> {
    let status = output(Command::new("dpkg-query").args(["-W", "-f=${Status}", PACKAGE]));
    ensure!(
        status.is_none()
            || status
                .as_deref()
                .is_some_and(|s| s.contains("not-installed")),
        "dpkg still lists {PACKAGE}: {status:?}"
    );
    let left: Vec<&PathBuf> = installed.iter().filter(|p| p.exists()).collect();
    ensure!(left.is_empty(), "files left after the purge: {left:?}");
    println!("{} installed files, all removed", installed.len());
    let added = Tree::scan()?.added_since(before);
    ensure!(
        added.is_empty(),
        "paths left in the system after the purge: {added:#?}"
    );
    println!("no path under /usr, /etc, /opt or /var/lib added since before the install");
    Ok(())
}
