//! `cargo xtask run`: install what is missing, build the UI and the app, launch it.

use crate::cmd::{self, step};
use crate::setup;
use anyhow::Result;
use std::process::Command;

pub fn run() -> Result<()> {
    setup::system_packages()?;
    setup::node()?;
    setup::npm_ci(&cmd::root().join("ui"))?;
    crate::test::build_ui()?;
    step("build the app");
    cmd::run(cmd::cargo().args(["build", "-p", "eipdesk", "--features", "custom-protocol"]))?;
    let app = cmd::root().join("target/debug/eipdesk");
    let has_display =
        std::env::var_os("DISPLAY").is_some() || std::env::var_os("WAYLAND_DISPLAY").is_some();
    if !has_display {
        println!(
            "\nNo display found (DISPLAY / WAYLAND_DISPLAY unset), so the window cannot open here.\n\
             To run it headless under Xvfb:\n  xvfb-run -a dbus-run-session -- {}\n\
             (then take a screenshot with `import -window root shot.png` from the same display),\n\
             or run `cargo xtask run` from a desktop session.",
            app.display()
        );
        return Ok(());
    }
    step("launch EIP Desk (Sandbox profile)");
    crate::cmd::run(&mut Command::new(app))
}
