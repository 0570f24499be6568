//! `cargo xtask bench [NAME]`: benchmarks that print a table and write JSON under `target/bench/`.
//!
//! * `inventory` — EIP Desk's all-regions inventory against the emulator's `scale:400` seed
//!   with 50 ms added per request, next to the official Python SDK (see `tests/bench/`);
//! * `emulator` — the emulator's own throughput (signed requests per second on one core), then
//!   its behaviour under load and abuse: one mutation with and without a state file at
//!   `scale:2000` and `scale:10000`, health latency while two clients mutate, resident memory
//!   after 20 requests of 1 MB (`-- --no-hardening` skips these rows);
//! * `cli` — `eipdesk-cli credentials` for an AccessKey profile, 50 runs, with a real keyring.
//! * `startup` — cold start of the release app to the first painted EIP table, binary size and
//!   memory after the first paint (see `startup.rs`).

mod cli;
mod inventory;
pub mod startup;
mod timeline;

use crate::cmd::{self, run, step};
use anyhow::{Result, bail};

const USAGE: &str =
    "usage: cargo xtask bench <inventory|emulator|startup|cli> [-- extra arguments]";

pub fn bench(args: &[&str]) -> Result<()> {
    let (name, extra) = match args {
        [name, rest @ ..] => (*name, rest.strip_prefix(&["--"]).unwrap_or(rest)),
        [] => bail!(USAGE),
    };
    match name {
        "inventory" => inventory::run(extra),
        "emulator" => emulator(extra),
        "cli" => cli::run_bench(),
        cli::IN_SESSION_STEP => cli::in_session(),
        "startup" => startup::bench(extra),
        other => bail!("unknown benchmark `{other}`\n{USAGE}"),
    }
}

fn emulator(extra: &[&str]) -> Result<()> {
    step("emulator throughput (optimised build, the `bench` profile)");
    let json = cmd::root().join("target/bench/emulator.json");
    std::fs::create_dir_all(cmd::root().join("target/bench"))?;
    run(cmd::cargo()
        .args([
            "run",
            "--profile",
            "bench",
            "-p",
            "alicloud-emulator",
            "--example",
            "bench",
            "--",
            "--json",
        ])
        .arg(&json)
        .args(extra))
}
