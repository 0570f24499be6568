//! The headless desktop session the app and the keychain tests need: a private D-Bus session
//! bus, an unlocked gnome-keyring as the Secret Service, optionally an Xvfb display, and XDG
//! directories in a scratch folder so that nothing lands in `$HOME`.
//!
//! xtask re-executes itself inside `dbus-run-session` (and `xvfb-run`) with the hidden
//! [`IN_SESSION`] command, which unlocks the keyring and then runs the real command.

use crate::cmd::{self, run};
use anyhow::{Context, Result, bail};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Hidden sub-command: "inside the session, unlock the keyring, then run the rest".
pub const IN_SESSION: &str = "__in-session";

/// The password of the throw-away test keyring (it only ever exists in a scratch folder).
const KEYRING_PASSWORD: &str = "test-pass";

/// The Xvfb screen, in pixels: large enough for the e2e layout spec's biggest window size.
/// `screen.rs` reads captures of it with these dimensions.
pub const SCREEN_WIDTH: usize = 1920;
pub const SCREEN_HEIGHT: usize = 1080;

/// Whether the session gets an X display (Xvfb) or only a bus and a keyring.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Display {
    None,
    Xvfb,
}

/// A scratch folder for the session's XDG directories, under `target/sessions/<name>-<pid>`
/// (one per run, so two runs at once do not wipe each other's keyring and data).
pub fn scratch(name: &str) -> Result<PathBuf> {
    let dir = cmd::root()
        .join("target/sessions")
        .join(format!("{name}-{}", std::process::id()));
    if dir.exists() {
        std::fs::remove_dir_all(&dir).with_context(|| format!("clearing {}", dir.display()))?;
    }
    for sub in ["data", "config", "cache", "run", "home"] {
        std::fs::create_dir_all(dir.join(sub))?;
    }
    set_private(&dir.join("run"))?;
    Ok(dir)
}

#[cfg(unix)]
fn set_private(path: &Path) -> Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o700))?;
    Ok(())
}

/// Runs `program args…` inside a fresh headless session rooted at `scratch`.
pub fn headless(
    display: Display,
    scratch: &Path,
    program: &str,
    args: &[&str],
    envs: &[(&str, String)],
) -> Result<()> {
    let xtask = std::env::current_exe().context("locating the xtask binary")?;
    let mut command = match display {
        Display::Xvfb => {
            let mut c = Command::new("xvfb-run");
            c.args(["-a", "-s"])
                .arg(format!(
                    "-screen 0 {SCREEN_WIDTH}x{SCREEN_HEIGHT}x24 -nolisten tcp"
                ))
                .args(["dbus-run-session", "--"]);
            c
        }
        Display::None => {
            let mut c = Command::new("dbus-run-session");
            c.arg("--");
            c
        }
    };
    command
        .arg(xtask)
        .arg(IN_SESSION)
        .arg(program)
        .args(args)
        .current_dir(cmd::root())
        .env("XDG_DATA_HOME", scratch.join("data"))
        .env("XDG_CONFIG_HOME", scratch.join("config"))
        .env("XDG_CACHE_HOME", scratch.join("cache"))
        .env("XDG_RUNTIME_DIR", scratch.join("run"))
        .env("NO_AT_BRIDGE", "1")
        .env("GTK_A11Y", "none")
        .env_remove("DBUS_SESSION_BUS_ADDRESS");
    for (k, v) in envs {
        command.env(k, v);
    }
    run(&mut command)
}

/// Inside the session: unlock gnome-keyring with the throw-away password, then run the command.
pub fn in_session(args: &[&str]) -> Result<()> {
    let Some((program, rest)) = args.split_first() else {
        bail!("{IN_SESSION} needs a command");
    };
    unlock_keyring()?;
    let status = Command::new(program)
        .args(rest)
        .status()
        .with_context(|| format!("could not start {program}"))?;
    if !status.success() {
        bail!("{program} failed ({status})");
    }
    Ok(())
}

fn unlock_keyring() -> Result<()> {
    let mut child = Command::new("gnome-keyring-daemon")
        .args(["--unlock", "--components=secrets"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .context("starting gnome-keyring-daemon (package gnome-keyring)")?;
    child
        .stdin
        .take()
        .context("keyring stdin")?
        .write_all(KEYRING_PASSWORD.as_bytes())?;
    let status = child.wait()?;
    if !status.success() {
        bail!("gnome-keyring-daemon --unlock failed ({status})");
    }
    Ok(())
}
