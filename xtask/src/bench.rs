//! `cargo xtask bench [NAME]`: benchmarks that print a table and write JSON under `target/bench/`.

use crate::cmd::{self, run, step};
use anyhow::{Result, bail};

const USAGE: &str = "usage: cargo xtask bench <emulator|inventory>";

pub fn bench(args: &[&str]) -> Result<()> {
    match args {
        ["emulator", rest @ ..] => emulator(rest),
        [] => bail!(USAGE),
        [name, ..] => bail!("benchmark `{name}` is not available yet\n{USAGE}"),
    }
}

/// Signed requests per second the emulator serves on one core (read and write, V3 and V1,
/// in process and over TCP): the crate's `bench` example, built in release mode.
fn emulator(extra: &[&str]) -> Result<()> {
    step("bench: emulator (signed requests per second on one core)");
    let out = cmd::root().join("target/bench");
    std::fs::create_dir_all(&out)?;
    let json = out.join("emulator.json");
    run(cmd::cargo()
        .args([
            "run",
            "--quiet",
            "--release",
            "-p",
            "alicloud-emulator",
            "--example",
            "bench",
            "--",
            "--json",
        ])
        .arg(&json)
        .args(extra))?;
    println!("JSON written to {}", json.display());
    Ok(())
}
