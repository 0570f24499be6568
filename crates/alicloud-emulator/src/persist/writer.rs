//! The background state-file writer. Requests mark the state dirty and return at once; one
//! thread (never an async worker) takes a [`Persisted`] view under the locks (no copy: the
//! regions are shared copy-on-write), serializes it outside them and writes it atomically.
//!
//! Debounced: a write starts once no change came for [`DEBOUNCE`], or at the latest
//! [`MAX_STALENESS`] after the first unsaved change, so a burst of mutations costs one write.
//! Under sustained changes the writer also rests as long as its last write took before the
//! next one, so it uses at most half a core and leaves the other half to the requests: no
//! change stays unsaved longer than `MAX_STALENESS` plus two write times.
//! [`Persister::flush`] writes now and waits (shutdown, tests).

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use parking_lot::{Condvar, Mutex};

use super::Persisted;

/// Quiet time after the last change before writing.
pub const DEBOUNCE: Duration = Duration::from_millis(50);
/// Longest time a change waits for its write to start.
pub const MAX_STALENESS: Duration = Duration::from_millis(500);

/// Where the writer gets what to write from (`None`: the emulator is gone).
pub type Source = Box<dyn Fn() -> Option<Persisted> + Send + Sync>;

#[derive(Debug, Default)]
struct Progress {
    /// Changes marked so far.
    requested: u64,
    /// Changes covered by the last finished write.
    written: u64,
    /// First unsaved change and the latest one.
    first_dirty: Option<Instant>,
    last_dirty: Option<Instant>,
    /// A flush is waiting: write without debouncing or resting.
    urgent: bool,
    /// No routine write starts before this (the writer rests after each write).
    rest_until: Option<Instant>,
    stop: bool,
    last_error: Option<String>,
}

#[derive(Debug, Default)]
struct Inner {
    progress: Mutex<Progress>,
    wake: Condvar,
    done: Condvar,
}

/// Saves the state to one file in the background.
#[derive(Debug)]
pub struct Persister {
    path: PathBuf,
    inner: Arc<Inner>,
}

impl Persister {
    /// A persister for `path`; nothing is written before [`Persister::spawn`].
    pub fn new(path: PathBuf) -> Self {
        Self {
            path,
            inner: Arc::new(Inner::default()),
        }
    }

    /// The file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Starts the writer thread, reading states from `source`.
    pub fn spawn(&self, source: Source) -> std::io::Result<()> {
        let inner = self.inner.clone();
        let path = self.path.clone();
        std::thread::Builder::new()
            .name("emulator-state-writer".into())
            .spawn(move || run(&inner, &path, &source))
            .map(|_| ())
    }

    /// Notes a change; it will be written within the staleness bound.
    pub fn mark_dirty(&self) {
        let mut p = self.inner.progress.lock();
        p.requested += 1;
        let now = Instant::now();
        p.first_dirty.get_or_insert(now);
        p.last_dirty = Some(now);
        self.inner.wake.notify_one();
    }

    /// Writes every change marked so far now and waits for it (blocking); the error of the
    /// write, if it failed.
    pub fn flush(&self) -> Result<(), String> {
        let mut p = self.inner.progress.lock();
        let target = p.requested;
        while p.written < target && !p.stop {
            p.urgent = true;
            self.inner.wake.notify_one();
            self.inner.done.wait(&mut p);
        }
        match &p.last_error {
            Some(e) => Err(e.clone()),
            None => Ok(()),
        }
    }
}

impl Drop for Persister {
    fn drop(&mut self) {
        self.inner.progress.lock().stop = true;
        self.inner.wake.notify_all();
        self.inner.done.notify_all();
    }
}

fn run(inner: &Inner, path: &Path, source: &Source) {
    loop {
        let target = {
            let mut p = inner.progress.lock();
            loop {
                if p.stop {
                    return;
                }
                if p.requested > p.written {
                    let now = Instant::now();
                    let quiet = p.last_dirty.is_none_or(|t| now - t >= DEBOUNCE);
                    let stale = p.first_dirty.is_some_and(|t| now - t >= MAX_STALENESS);
                    let rested = p.rest_until.is_none_or(|t| now >= t);
                    if p.urgent || (rested && (quiet || stale)) {
                        break;
                    }
                    let until_quiet = p
                        .last_dirty
                        .map_or(DEBOUNCE, |t| DEBOUNCE.saturating_sub(now - t));
                    let until_stale = p
                        .first_dirty
                        .map_or(MAX_STALENESS, |t| MAX_STALENESS.saturating_sub(now - t));
                    let until_rested = p
                        .rest_until
                        .map_or(Duration::ZERO, |t| t.saturating_duration_since(now));
                    inner
                        .wake
                        .wait_for(&mut p, until_quiet.min(until_stale).max(until_rested));
                } else {
                    inner.wake.wait(&mut p);
                }
            }
            p.urgent = false;
            p.first_dirty = None;
            p.last_dirty = None;
            p.requested
        };
        let Some(state) = source() else {
            inner.progress.lock().stop = true;
            inner.done.notify_all();
            return;
        };
        let started = Instant::now();
        let result = super::write(path, &state);
        drop(state);
        let mut p = inner.progress.lock();
        let finished = Instant::now();
        p.rest_until = Some(finished + (finished - started));
        p.written = p.written.max(target);
        p.last_error = match result {
            Ok(()) => None,
            Err(e) => {
                tracing::warn!(error = %e, path = %path.display(), "saving emulator state failed");
                Some(e.to_string())
            }
        };
        if p.requested > p.written && p.first_dirty.is_none() {
            p.first_dirty = Some(Instant::now());
        }
        inner.done.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::persist::Runtime;
    use crate::state::World;
    use std::sync::atomic::{AtomicU64, Ordering};

    #[test]
    fn a_burst_of_changes_is_written_once_flush_waits() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        let p = Persister::new(path.clone());
        let calls = Arc::new(AtomicU64::new(0));
        let counter = calls.clone();
        p.spawn(Box::new(move || {
            let n = counter.fetch_add(1, Ordering::SeqCst) + 1;
            let mut w = World::new("t");
            w.id_counter = n;
            Some(Persisted {
                world: w.view(),
                runtime: Runtime::default(),
            })
        }))
        .unwrap();
        p.flush().unwrap();
        assert_eq!(calls.load(Ordering::SeqCst), 0, "nothing to write");
        for _ in 0..100 {
            p.mark_dirty();
        }
        p.flush().unwrap();
        let n = calls.load(Ordering::SeqCst);
        assert!((1..=2).contains(&n), "{n} writes for one burst");
        let (w, _) = crate::persist::load(&path).unwrap().unwrap();
        assert_eq!(w.id_counter, n);
    }

    /// A change that comes while the writer rests after a write is written once the rest is
    /// over (the writer survives the quiet-but-resting case).
    #[test]
    fn a_change_during_the_rest_is_written_later() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        let p = Arc::new(Persister::new(path.clone()));
        let n = Arc::new(AtomicU64::new(0));
        let counter = n.clone();
        p.spawn(Box::new(move || {
            counter.fetch_add(1, Ordering::SeqCst);
            std::thread::sleep(Duration::from_millis(200));
            Some(Persisted {
                world: World::new("t").view(),
                runtime: Runtime::default(),
            })
        }))
        .unwrap();
        p.mark_dirty();
        while n.load(Ordering::SeqCst) == 0 {
            std::thread::sleep(Duration::from_millis(5));
        }
        // A change during the write (200 ms): when it ends the change is quiet but the writer
        // must rest first.
        p.mark_dirty();
        std::thread::sleep(Duration::from_millis(250));
        let (tx, rx) = std::sync::mpsc::channel();
        let flusher = p.clone();
        std::thread::spawn(move || tx.send(flusher.flush()).unwrap());
        let flushed = rx.recv_timeout(Duration::from_secs(10));
        assert!(matches!(flushed, Ok(Ok(()))), "writer alive: {flushed:?}");
        assert_eq!(n.load(Ordering::SeqCst), 2);
    }
}
