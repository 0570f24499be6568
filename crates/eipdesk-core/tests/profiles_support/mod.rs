//! Helpers shared by the `profiles_*` integration tests: keychain gating, log capture,
//! scanning a directory for a secret, and re-running this test binary as a child process
//! with a different D-Bus environment.

#![allow(dead_code)]

pub mod import_fixtures;

use std::io::Write;
use std::path::Path;
use std::sync::{Arc, Mutex, OnceLock};

use eipdesk_core::profiles::{KeyringStore, SecretStore};

/// Set by `cargo xtask test`: keychain tests must run, not skip.
pub const REQUIRE_ENV: &str = "EIPDESK_REQUIRE_KEYCHAIN";

pub fn keychain_required() -> bool {
    std::env::var_os(REQUIRE_ENV).is_some_and(|v| !v.is_empty() && v != "0")
}

/// The real OS keychain, or `None` (after printing why) when it is not reachable and
/// `EIPDESK_REQUIRE_KEYCHAIN` is not set. Panics when it is required but unreachable.
pub fn real_keychain(test: &str) -> Option<Arc<KeyringStore>> {
    let store = Arc::new(KeyringStore::new());
    match store.check() {
        Ok(()) => Some(store),
        Err(e) if keychain_required() => panic!(
            "{test}: {REQUIRE_ENV} is set but the keychain is unusable: {} ({e}); {}",
            e.code(),
            e.hint()
        ),
        Err(e) => {
            eprintln!("{test}: skipped: no Secret Service ({}: {e})", e.code());
            None
        }
    }
}

/// True when `program` can be found on PATH.
pub fn have_program(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(program).is_file()))
}

/// Skips (returns false) or panics when a needed program is missing.
pub fn require_programs(test: &str, programs: &[&str]) -> bool {
    let missing: Vec<&str> = programs
        .iter()
        .copied()
        .filter(|p| !have_program(p))
        .collect();
    if missing.is_empty() {
        return true;
    }
    if keychain_required() {
        panic!("{test}: {REQUIRE_ENV} is set but {missing:?} are not installed");
    }
    eprintln!("{test}: skipped: {missing:?} not installed");
    false
}

#[derive(Clone, Default)]
pub struct LogBuffer(Arc<Mutex<Vec<u8>>>);

impl LogBuffer {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }
}

impl Write for LogBuffer {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Captures every `tracing` event and `log` record of this process at TRACE level.
pub fn capture_logs() -> LogBuffer {
    static BUFFER: OnceLock<LogBuffer> = OnceLock::new();
    BUFFER
        .get_or_init(|| {
            use tracing_subscriber::util::SubscriberInitExt;
            let buffer = LogBuffer::default();
            let writer = buffer.clone();
            tracing_subscriber::fmt()
                .with_max_level(tracing::Level::TRACE)
                .with_ansi(false)
                .with_writer(move || writer.clone())
                .finish()
                .try_init()
                .expect("no other global subscriber in this test binary");
            buffer
        })
        .clone()
}

/// Files under `dir` (recursively) whose bytes contain `needle`.
pub fn files_containing(dir: &Path, needle: &str) -> Vec<std::path::PathBuf> {
    let mut hits = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let bytes = std::fs::read(&path).unwrap();
                if bytes.windows(needle.len()).any(|w| w == needle.as_bytes()) {
                    hits.push(path);
                }
            }
        }
    }
    hits
}

/// Number of files under `dir` (recursively).
pub fn file_count(dir: &Path) -> usize {
    let mut n = 0;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                n += 1;
            }
        }
    }
    n
}

/// An in-memory [`SecretStore`] for tests that are about something other than the keychain
/// (the real keychain is exercised in `profiles_keychain.rs`). `fail_from` makes the n-th
/// and later `set` calls fail, to test rollbacks.
#[derive(Debug, Default)]
pub struct TestSecretStore {
    pub items: Mutex<std::collections::HashMap<String, String>>,
    pub sets: std::sync::atomic::AtomicUsize,
    pub fail_from: Option<usize>,
}

impl SecretStore for TestSecretStore {
    fn set(
        &self,
        account: &str,
        secret: &alicloud_api::Secret,
    ) -> Result<(), eipdesk_core::profiles::KeychainError> {
        let n = self.sets.fetch_add(1, std::sync::atomic::Ordering::SeqCst) + 1;
        if self.fail_from.is_some_and(|from| n >= from) {
            return Err(eipdesk_core::profiles::KeychainError::Locked {
                detail: "test failure".into(),
            });
        }
        self.items
            .lock()
            .unwrap()
            .insert(account.to_string(), secret.expose().to_string());
        Ok(())
    }

    fn get(
        &self,
        account: &str,
    ) -> Result<Option<alicloud_api::Secret>, eipdesk_core::profiles::KeychainError> {
        Ok(self
            .items
            .lock()
            .unwrap()
            .get(account)
            .map(|s| alicloud_api::Secret::from(s.as_str())))
    }

    fn delete(&self, account: &str) -> Result<bool, eipdesk_core::profiles::KeychainError> {
        Ok(self.items.lock().unwrap().remove(account).is_some())
    }

    fn check(&self) -> Result<(), eipdesk_core::profiles::KeychainError> {
        Ok(())
    }
}

/// Bytes and modification time of a file, to prove it was not touched.
pub fn fingerprint(path: &Path) -> (Vec<u8>, std::time::SystemTime) {
    (
        std::fs::read(path).unwrap(),
        std::fs::metadata(path).unwrap().modified().unwrap(),
    )
}

/// The import fixtures directory.
pub fn fixtures() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import")
}
