//! Starting the app binary as a first-time user would, inside the headless session: a fresh
//! home and XDG folders of its own, its own process group (the WebKit helpers included), its
//! output in a log file; then waiting for the EIP table on screen, measuring the process
//! tree's memory, and stopping the whole group.

use crate::screen::{self, Frame, Rect};
use anyhow::{Context, Result, bail};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The part of the screen that holds the EIP table (the window sits at 0,0 without a window
/// manager): below the header, right of the sidebar, above the bottom edge.
pub const TABLE: Rect = Rect {
    x: 200,
    y: 120,
    w: 1000,
    h: 500,
};

/// A running app with a fresh home; dropping it kills its process group.
#[derive(Debug)]
pub struct App {
    child: Child,
    pub home: PathBuf,
    pub started: Instant,
}

impl App {
    /// Starts `binary` with `home` (created empty) as `$HOME` and XDG base.
    pub fn start(binary: &Path, home: &Path) -> Result<Self> {
        if home.exists() {
            std::fs::remove_dir_all(home)?;
        }
        for sub in ["", ".local/share", ".config", ".cache"] {
            std::fs::create_dir_all(home.join(sub))?;
        }
        let log = std::fs::File::create(home.join("app.log"))?;
        let started = Instant::now();
        let child = Command::new(binary)
            .env("HOME", home)
            .env("XDG_DATA_HOME", home.join(".local/share"))
            .env("XDG_CONFIG_HOME", home.join(".config"))
            .env("XDG_CACHE_HOME", home.join(".cache"))
            .env_remove("EIPDESK_HOME")
            .stdin(Stdio::null())
            .stdout(log.try_clone()?)
            .stderr(log)
            .process_group(0)
            .spawn()
            .with_context(|| format!("starting {}", binary.display()))?;
        Ok(Self {
            child,
            home: home.to_path_buf(),
            started,
        })
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Fails with the app's log when it has already exited.
    pub fn check_alive(&mut self) -> Result<()> {
        if let Some(status) = self.child.try_wait()? {
            let log = std::fs::read_to_string(self.home.join("app.log")).unwrap_or_default();
            bail!("the app exited early ({status}); its log:\n{log}");
        }
        Ok(())
    }

    /// Stops the app's process group: SIGTERM, then SIGKILL after two seconds.
    pub fn stop(mut self) -> Result<()> {
        self.kill_group()
    }

    fn kill_group(&mut self) -> Result<()> {
        let group = format!("-{}", self.child.id());
        let _ = Command::new("kill").args(["-TERM", "--", &group]).status();
        let deadline = Instant::now() + Duration::from_secs(2);
        while Instant::now() < deadline {
            if self.child.try_wait()?.is_some() {
                break;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = Command::new("kill")
            .args(["-KILL", "--", &group])
            .stderr(Stdio::null())
            .status();
        let _ = self.child.wait();
        Ok(())
    }
}

impl Drop for App {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.kill_group();
        }
    }
}

/// The settled EIP table and when it was first on screen.
#[derive(Debug)]
pub struct Painted {
    /// From the launch to the start of the first capture showing the settled table.
    pub at: Duration,
    /// The median time between captures (the resolution of `at`).
    pub interval: Duration,
}

/// Captures the screen back to back until its table area has stayed the same for `quiet` (and
/// is not blank), then checks with OCR that it shows the Sandbox EIP table; the settled frame
/// is saved as `png`. Fails after `limit`.
pub fn wait_for_table(
    app: &mut App,
    png: &Path,
    quiet: Duration,
    limit: Duration,
) -> Result<Painted> {
    let mut last: Option<(Frame, Instant)> = None;
    let mut starts: Vec<Instant> = Vec::new();
    loop {
        app.check_alive()?;
        let now = Instant::now();
        starts.push(now);
        let frame = screen::capture()?;
        let same = last
            .as_ref()
            .is_some_and(|(prev, _)| prev.diff(&frame, TABLE) == 0.0);
        if !same {
            last = Some((frame, now));
        }
        let (settled, since) = last.as_ref().context("a frame was captured")?;
        if now.duration_since(*since) >= quiet && !settled.is_blank(TABLE) {
            settled.save_png(png)?;
            let text = screen::ocr(png)?;
            match screen::shows_eip_table(&text, 3) {
                Ok(()) => {
                    let mut gaps: Vec<Duration> = starts.windows(2).map(|w| w[1] - w[0]).collect();
                    gaps.sort();
                    return Ok(Painted {
                        at: *since - app.started,
                        interval: gaps.get(gaps.len() / 2).copied().unwrap_or_default(),
                    });
                }
                Err(why) if app.started.elapsed() >= limit => {
                    bail!("{} does not show the EIP table: {why}", png.display())
                }
                // Settled on something else (a notice, a loading state): keep watching.
                Err(_) => last = None,
            }
        }
        if app.started.elapsed() >= limit {
            settled_or_last(last.map(|(f, _)| f), png)?;
            bail!(
                "no settled EIP table within {limit:?}; last screen: {}",
                png.display()
            );
        }
    }
}

fn settled_or_last(frame: Option<Frame>, png: &Path) -> Result<()> {
    match frame {
        Some(f) => f.save_png(png),
        None => screen::capture()?.save_png(png),
    }
}

/// Resident memory of a process tree, in KiB: the main process's RSS, the sum of RSS over the
/// tree (double-counts shared pages) and the sum of PSS (shared pages split between sharers).
#[derive(Debug, Clone, Copy, Default)]
pub struct TreeMemory {
    pub main_rss_kib: u64,
    pub tree_rss_kib: u64,
    pub tree_pss_kib: u64,
    pub processes: usize,
}

/// Reads [`TreeMemory`] for `root` and all its descendants from `/proc`.
pub fn tree_memory(root: u32) -> Result<TreeMemory> {
    let mut parents: Vec<(u32, u32)> = Vec::new();
    for entry in std::fs::read_dir("/proc")? {
        let Ok(pid) = entry?.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        // `pid (comm) state ppid …`: the command may hold spaces, so split after the last ')'.
        let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
            continue;
        };
        let Some(after) = stat.rfind(')').map(|i| &stat[i + 1..]) else {
            continue;
        };
        if let Some(ppid) = after.split_whitespace().nth(1).and_then(|p| p.parse().ok()) {
            parents.push((pid, ppid));
        }
    }
    let mut tree = vec![root];
    let mut i = 0;
    while i < tree.len() {
        let parent = tree[i];
        tree.extend(
            parents
                .iter()
                .filter(|(_, pp)| *pp == parent)
                .map(|(p, _)| *p),
        );
        i += 1;
    }
    let mut memory = TreeMemory {
        processes: tree.len(),
        ..TreeMemory::default()
    };
    for pid in tree {
        let rss = status_kib(&format!("/proc/{pid}/status"), "VmRSS:").unwrap_or(0);
        let pss = status_kib(&format!("/proc/{pid}/smaps_rollup"), "Pss:").unwrap_or(0);
        if pid == root {
            memory.main_rss_kib = rss;
        }
        memory.tree_rss_kib += rss;
        memory.tree_pss_kib += pss;
    }
    Ok(memory)
}

fn status_kib(path: &str, key: &str) -> Option<u64> {
    std::fs::read_to_string(path)
        .ok()?
        .lines()
        .find(|l| l.starts_with(key))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}
