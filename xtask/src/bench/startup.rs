//! `cargo xtask bench startup`: cold start of the release app to the first painted Sandbox EIP
//! table, median of N runs under Xvfb, the stripped binary's size and the process tree's memory
//! after the first paint, printed as a table (JSON under `target/bench/startup.json`).
//!
//! How the paint is detected: each launch (fresh home, so a first start: new data directory,
//! new Sandbox with its own random IDs, empty WebKit cache; a warm-up launch first, so the page
//! cache is warm) captures the screen back to back until the table area has stayed unchanged
//! for two seconds; OCR must then read the "Elastic IPs" title and EIP IDs there. The time is
//! when the first capture of that unchanged stretch started, so the first paint of the final
//! table, to within one capture interval (printed). The memory is read after the table settled.

use crate::cmd::{self, step};
use crate::launch::{self, App};
use crate::session::{self, Display};
use anyhow::{Context, Result, bail};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Hidden command: the measuring loop, run inside the Xvfb session.
pub const PROBE: &str = "__startup-probe";

/// How long the table area must stay unchanged to count as settled.
const QUIET: Duration = Duration::from_secs(2);
const LIMIT: Duration = Duration::from_secs(60);

const USAGE: &str = "usage: cargo xtask bench startup [-- --runs N] [--binary PATH] [--no-build]";

/// Targets from the issue: first table within 1 s, 15 MB stripped, 120 MB main-process RSS.
const TARGET_MS: u64 = 1000;
const TARGET_BYTES: u64 = 15_000_000;
const TARGET_RSS_KIB: u64 = 120 * 1024;

pub fn bench(extra: &[&str]) -> Result<()> {
    let mut runs = 10usize;
    let mut binary: Option<PathBuf> = None;
    let mut build = true;
    let mut args = extra.iter();
    while let Some(arg) = args.next() {
        match *arg {
            "--runs" => runs = args.next().and_then(|n| n.parse().ok()).context(USAGE)?,
            "--binary" => binary = Some(args.next().context(USAGE)?.into()),
            "--no-build" => build = false,
            _ => bail!("unknown argument `{arg}`\n{USAGE}"),
        }
    }
    if runs == 0 {
        bail!("--runs must be at least 1");
    }
    let root = cmd::root();
    let binary = match binary {
        Some(b) => b,
        None => {
            if build {
                crate::test::build_ui()?;
                step("build the release app (custom-protocol) as `dist` does");
                crate::dist::build_release()?;
            }
            root.join("target/release/eipdesk")
        }
    };
    let out = root.join("target/bench");
    std::fs::create_dir_all(&out)?;
    let size = Sizes::of(&binary, &out)?;
    step(&format!("start-up: {runs} cold starts under Xvfb"));
    let scratch = session::scratch("bench-startup")?;
    let xtask = std::env::current_exe()?.display().to_string();
    let lines = out.join("startup-runs.txt");
    session::headless(
        Display::Xvfb,
        &scratch,
        &xtask,
        &[
            PROBE,
            &binary.display().to_string(),
            &runs.to_string(),
            &scratch.display().to_string(),
            &lines.display().to_string(),
        ],
        &[],
    )?;
    let samples = read_samples(&lines)?;
    report(&binary, &size, &samples, &out)
}

#[derive(Debug)]
struct Sizes {
    file: u64,
    stripped: u64,
}

impl Sizes {
    fn of(binary: &Path, out: &Path) -> Result<Self> {
        let file = std::fs::metadata(binary)
            .with_context(|| format!("{} not found", binary.display()))?
            .len();
        let copy = out.join("eipdesk.stripped");
        cmd::run(
            std::process::Command::new("strip")
                .arg("-o")
                .arg(&copy)
                .arg(binary),
        )?;
        let stripped = std::fs::metadata(&copy)?.len();
        std::fs::remove_file(&copy)?;
        Ok(Self { file, stripped })
    }
}

/// One measured launch.
#[derive(Debug, Clone, Copy)]
struct Sample {
    paint_ms: u64,
    interval_ms: u64,
    memory: launch::TreeMemory,
}

/// Inside the session: `__startup-probe BINARY RUNS SCRATCH OUT-LINES`.
pub fn probe(args: &[&str]) -> Result<()> {
    let [binary, runs, scratch, out] = args else {
        bail!("{PROBE} BINARY RUNS SCRATCH OUT");
    };
    let binary = Path::new(binary);
    let runs: usize = runs.parse()?;
    let scratch = Path::new(scratch);
    let bench = cmd::root().join("target/bench");
    // Not measured: brings the binary and WebKit into the page cache.
    println!("warm-up launch");
    let mut warm = App::start(binary, &scratch.join("home-warmup"))?;
    launch::wait_for_table(&mut warm, &bench.join("startup-warmup.png"), QUIET, LIMIT)?;
    warm.stop()?;
    let mut lines = String::new();
    let mut timelines = Vec::new();
    let mut paints = Vec::new();
    for i in 0..runs {
        let mut app = App::start(binary, &scratch.join(format!("home-{i}")))?;
        let png = bench.join(format!("startup-run-{}.png", i + 1));
        let painted = launch::wait_for_table(&mut app, &png, QUIET, LIMIT)?;
        let memory = launch::tree_memory(app.pid())?;
        let home = app.home.clone();
        app.stop()?;
        timelines.push(super::timeline::read(&home));
        paints.push(painted.at.as_millis() as u64);
        println!(
            "run {:>2}: table painted at {} ms, main RSS {} MiB",
            i + 1,
            painted.at.as_millis(),
            memory.main_rss_kib / 1024
        );
        lines.push_str(&format!(
            "{} {} {} {} {} {}\n",
            painted.at.as_millis(),
            painted.interval.as_millis(),
            memory.main_rss_kib,
            memory.tree_rss_kib,
            memory.tree_pss_kib,
            memory.processes
        ));
    }
    std::fs::write(out, lines)?;
    println!(
        "\nwhere the time went (the app's start-up log, median over the runs):\n{}",
        super::timeline::table(&timelines, median(paints))
    );
    Ok(())
}

fn read_samples(path: &Path) -> Result<Vec<Sample>> {
    let text = std::fs::read_to_string(path)?;
    text.lines()
        .map(|line| {
            let n: Vec<u64> = line
                .split_whitespace()
                .map(str::parse)
                .collect::<Result<_, _>>()?;
            let [paint_ms, interval_ms, main, tree, pss, procs] = n[..] else {
                bail!("bad sample line `{line}`");
            };
            Ok(Sample {
                paint_ms,
                interval_ms,
                memory: launch::TreeMemory {
                    main_rss_kib: main,
                    tree_rss_kib: tree,
                    tree_pss_kib: pss,
                    processes: procs as usize,
                },
            })
        })
        .collect()
}

fn median(mut values: Vec<u64>) -> u64 {
    values.sort_unstable();
    values[values.len() / 2]
}

fn report(binary: &Path, size: &Sizes, samples: &[Sample], out: &Path) -> Result<()> {
    let paint: Vec<u64> = samples.iter().map(|s| s.paint_ms).collect();
    let (min, max) = (paint.iter().min(), paint.iter().max());
    let paint_median = median(paint.clone());
    let interval = median(samples.iter().map(|s| s.interval_ms).collect());
    let main = median(samples.iter().map(|s| s.memory.main_rss_kib).collect());
    let tree = median(samples.iter().map(|s| s.memory.tree_rss_kib).collect());
    let pss = median(samples.iter().map(|s| s.memory.tree_pss_kib).collect());
    let procs = samples.first().map_or(0, |s| s.memory.processes);
    let mib = |kib: u64| kib as f64 / 1024.0;
    let mb = |bytes: u64| bytes as f64 / 1e6;
    let met = |ok: bool| if ok { "met" } else { "NOT met" };
    println!("\nbinary: {}", binary.display());
    println!("| measure | value | target |");
    println!("|---|---|---|");
    println!(
        "| first EIP table painted (median of {}) | {paint_median} ms (min {} ms, max {} ms; capture every ~{interval} ms) | <= {TARGET_MS} ms: {} |",
        samples.len(),
        min.copied().unwrap_or(0),
        max.copied().unwrap_or(0),
        met(paint_median <= TARGET_MS)
    );
    println!(
        "| binary stripped | {:.1} MB (file as built: {:.1} MB) | <= {:.0} MB: {} |",
        mb(size.stripped),
        mb(size.file),
        mb(TARGET_BYTES),
        met(size.stripped <= TARGET_BYTES)
    );
    println!(
        "| main process RSS after first paint | {:.0} MiB | <= {} MiB: {} |",
        mib(main),
        TARGET_RSS_KIB / 1024,
        met(main <= TARGET_RSS_KIB)
    );
    println!(
        "| process tree ({procs} processes) after first paint | RSS {:.0} MiB, PSS {:.0} MiB | - |",
        mib(tree),
        mib(pss)
    );
    let runs: Vec<String> = paint.iter().map(u64::to_string).collect();
    let json = format!(
        "{{\"binary\":{:?},\"runs_ms\":[{}],\"median_ms\":{paint_median},\"capture_interval_ms\":{interval},\
         \"stripped_bytes\":{},\"file_bytes\":{},\"main_rss_kib\":{main},\"tree_rss_kib\":{tree},\"tree_pss_kib\":{pss}}}\n",
        binary.display().to_string(),
        runs.join(","),
        size.stripped,
        size.file
    );
    std::fs::write(out.join("startup.json"), json)?;
    Ok(())
}
