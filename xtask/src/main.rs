//! `cargo xtask`: the project's automation, in Rust so it runs wherever cargo does.
//!
//! * `run`   — install what is missing, build the UI and the app, launch it on the Sandbox.
//! * `test`  — install what is missing, then every gate in order, stopping at the first failure.
//! * `bench` — benchmarks that print a table (and write JSON under `target/bench/`).
//! * `dist`  — the `.deb` and `.rpm` packages; `--check` installs and tests the `.deb`.
//!
//! Everything it writes goes under the repository's `target/` (or a temp dir), never `$HOME`.

mod bench;
mod cmd;
mod dist;
mod launch;
mod phases;
mod run;
mod screen;
mod session;
mod setup;
mod test;

use anyhow::{Result, bail};

const HELP: &str = "\
cargo xtask <command>

Commands:
  run                 install what is missing, build UI + app, launch EIP Desk on the Sandbox
  test                install what is missing and run every gate (fmt, clippy, Rust tests,
                      UI check + unit tests, SDK conformance, end-to-end)
  test e2e            only the end-to-end suite (builds UI and app first)
  bench [NAME]        run benchmarks (emulator, inventory, startup, cli); prints a table
  dist [--check]      build the .deb and .rpm into target/dist/; --check (root) installs the
                      .deb with apt, starts it under Xvfb, checks the EIP table shows, purges it
  setup               only install what is missing (system packages, npm, tools)
";

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rest: Vec<&str> = args.iter().skip(1).map(String::as_str).collect();
    match args.first().map(String::as_str) {
        Some("run") => run::run(),
        Some("test") => test::test(&rest),
        Some("bench") => bench::bench(&rest),
        Some("dist") => dist::dist(&rest),
        Some(dist::check::PROBE) => dist::check::probe(&rest),
        Some("setup") => setup::all().map(|_| ()),
        Some(session::IN_SESSION) => session::in_session(&rest),
        Some(bench::startup::PROBE) => bench::startup::probe(&rest),
        Some("help" | "--help" | "-h") | None => {
            print!("{HELP}");
            Ok(())
        }
        Some(other) => bail!("unknown command `{other}`\n\n{HELP}"),
    }
}
