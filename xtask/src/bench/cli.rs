//! `cargo xtask bench cli`: how long `eipdesk-cli credentials` takes for an AccessKey profile
//! (the aliyun CLI runs it before every call in External mode). Builds the release binary,
//! then, inside a headless session with a real unlocked gnome-keyring, adds a throw-away
//! profile, times 50 runs after 5 warm-ups next to a bare process start (`true`), prints the
//! table and writes `target/bench/cli.json`. Target: median under 50 ms.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};

use crate::cmd::{self, run, step};
use crate::session::{self, Display};

/// Timed runs per row.
const RUNS: usize = 50;
/// Untimed runs first (page cache, keyring daemon warm).
const WARMUP: usize = 5;
/// The hidden step that runs inside the session.
pub const IN_SESSION_STEP: &str = "cli-in-session";

pub fn run_bench() -> Result<()> {
    step("build eipdesk-cli (release)");
    run(cmd::cargo().args(["build", "--release", "-p", "eipdesk-cli"]))?;
    step("eipdesk-cli credentials: 50 runs in a session with a real gnome-keyring");
    let scratch = session::scratch("bench-cli")?;
    let xtask = std::env::current_exe().context("locating the xtask binary")?;
    session::headless(
        Display::None,
        &scratch,
        &xtask.to_string_lossy(),
        &["bench", IN_SESSION_STEP],
        &[(
            "EIPDESK_HOME",
            scratch.join("home").to_string_lossy().into(),
        )],
    )
}

/// Inside the session: add the profile, time, report, remove the profile.
pub fn in_session() -> Result<()> {
    let root = cmd::root();
    let bin = root.join("target/release/eipdesk-cli");
    let add = cli(&bin)
        .args([
            "profiles",
            "add",
            "bench-ak",
            "--access-key-id",
            "LTAI5tBenchFakeKeyForTests",
        ])
        .stdin(Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            child
                .stdin
                .take()
                .map(|mut s| s.write_all(b"fake-secret-for-the-cli-bench\n"))
                .transpose()?;
            child.wait()
        })?;
    if !add.success() {
        bail!("eipdesk-cli profiles add failed ({add})");
    }
    let result = (|| -> Result<Vec<Row>> {
        let credentials = time_runs(|| {
            let out = cli(&bin)
                .args(["credentials", "bench-ak"])
                .stderr(Stdio::inherit())
                .output()?;
            let text = String::from_utf8_lossy(&out.stdout);
            if !out.status.success() || !text.contains("\"mode\":\"AK\"") {
                bail!("eipdesk-cli credentials failed ({})", out.status);
            }
            Ok(())
        })?;
        let baseline = time_runs(|| {
            Command::new("true").status()?;
            Ok(())
        })?;
        Ok(vec![
            Row::new("eipdesk-cli credentials (AccessKey)", credentials),
            Row::new("process start baseline (true)", baseline),
        ])
    })();
    let _ = cli(&bin)
        .args(["profiles", "remove", "bench-ak"])
        .stderr(Stdio::null())
        .status();
    let rows = result?;
    print_table(&rows);
    write_json(&root.join("target/bench/cli.json"), &rows)
}

fn cli(bin: &Path) -> Command {
    let mut c = Command::new(bin);
    c.stdout(Stdio::piped());
    c
}

fn time_runs(mut once: impl FnMut() -> Result<()>) -> Result<Vec<Duration>> {
    for _ in 0..WARMUP {
        once()?;
    }
    let mut times = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let start = Instant::now();
        once()?;
        times.push(start.elapsed());
    }
    times.sort();
    Ok(times)
}

struct Row {
    name: &'static str,
    min: Duration,
    median: Duration,
    p90: Duration,
    max: Duration,
}

impl Row {
    fn new(name: &'static str, sorted: Vec<Duration>) -> Self {
        let at = |q: f64| sorted[((sorted.len() - 1) as f64 * q).round() as usize];
        Self {
            name,
            min: sorted[0],
            median: at(0.5),
            p90: at(0.9),
            max: sorted[sorted.len() - 1],
        }
    }
}

fn ms(d: Duration) -> String {
    format!("{:.1}", d.as_secs_f64() * 1000.0)
}

fn print_table(rows: &[Row]) {
    println!(
        "\n{RUNS} runs each after {WARMUP} warm-ups (ms); target: credentials median < 50 ms\n"
    );
    println!(
        "| {:<38} | {:>7} | {:>7} | {:>7} | {:>7} |",
        "command", "min", "median", "p90", "max"
    );
    println!("|{:-<40}|{:->9}|{:->9}|{:->9}|{:->9}|", "", "", "", "", "");
    for r in rows {
        println!(
            "| {:<38} | {:>7} | {:>7} | {:>7} | {:>7} |",
            r.name,
            ms(r.min),
            ms(r.median),
            ms(r.p90),
            ms(r.max)
        );
    }
}

fn write_json(path: &Path, rows: &[Row]) -> Result<()> {
    std::fs::create_dir_all(path.parent().context("bench dir")?)?;
    let items: Vec<String> = rows
        .iter()
        .map(|r| {
            format!(
                "{{\"name\":\"{}\",\"runs\":{RUNS},\"min_ms\":{},\"median_ms\":{},\"p90_ms\":{},\"max_ms\":{}}}",
                r.name,
                ms(r.min),
                ms(r.median),
                ms(r.p90),
                ms(r.max)
            )
        })
        .collect();
    std::fs::write(path, format!("[{}]\n", items.join(",")))?;
    println!("\nwrote {}", path.display());
    Ok(())
}
