//! The start-up timeline: one `startup` log line per milestone (the process started, the
//! window's page began and finished loading, the desk was ready, the first IPC call arrived),
//! each with the milliseconds since the process was started, so a log says where a slow
//! start spent its time. `cargo xtask bench startup` prints these lines for its runs.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// When `main` began, and how long after the process start that was.
static START: OnceLock<(Instant, Duration)> = OnceLock::new();

/// Records the start; call first thing in `main`.
pub fn begin() {
    let before_main = since_exec().unwrap_or_default();
    let _ = START.set((Instant::now(), before_main));
}

/// Milliseconds since the process was started (exec), as far as known.
fn elapsed_ms() -> u64 {
    START.get().map_or(0, |(main, before)| {
        u64::try_from((main.elapsed() + *before).as_millis()).unwrap_or(u64::MAX)
    })
}

/// Logs `what` with the time since the process started.
pub fn mark(what: &str) {
    log(what, elapsed_ms());
}

/// Logs when `main` began (recorded by [`begin`], logged once logging is ready): what came
/// before it is the loader mapping and relocating the binary and its shared libraries.
pub fn mark_main_entered() {
    let ms = START.get().map_or(0, |(_, before)| before.as_millis());
    log("main entered", u64::try_from(ms).unwrap_or(u64::MAX));
}

fn log(what: &str, ms: u64) {
    tracing::info!(target: "eipdesk::startup", ms, "{what}");
}

/// Logs `what` the first time it is called with this `flag`.
pub fn mark_once(flag: &AtomicBool, what: &str) {
    if !flag.swap(true, Ordering::Relaxed) {
        mark(what);
    }
}

/// How long ago the kernel started this process (`/proc`; 10 ms resolution), Linux only.
fn since_exec() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Field 22 (starttime, clock ticks since boot); the command in field 2 may hold spaces.
    let after = &stat[stat.rfind(')')? + 1..];
    let ticks: u64 = after.split_whitespace().nth(19)?.parse().ok()?;
    let uptime: f64 = std::fs::read_to_string("/proc/uptime")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()?;
    // USER_HZ is 100 on every Linux target Rust supports.
    let started = ticks as f64 / 100.0;
    (uptime >= started).then(|| Duration::from_secs_f64(uptime - started))
}
