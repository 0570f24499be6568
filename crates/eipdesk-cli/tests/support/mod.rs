//! Shared by the `eipdesk-cli` integration tests: a private data directory and HOME, the
//! real keychain (skipped, with a message, when there is none and `EIPDESK_REQUIRE_KEYCHAIN`
//! is not set), an emulator on its own runtime, and running the built binary.

#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use alicloud_emulator::{DEMO_ACCOUNT_ID, DEMO_ROLE_NAME, EmulatorConfig, RunningEmulator};
use eipdesk_core::profiles::{KeyringStore, SecretStore};

#[allow(unused_imports)]
pub use alicloud_emulator::{DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET};

/// True when the real keychain is usable; panics when it must be and is not.
pub fn keychain_or_skip(test: &str) -> bool {
    let required =
        std::env::var_os("EIPDESK_REQUIRE_KEYCHAIN").is_some_and(|v| !v.is_empty() && v != "0");
    match KeyringStore::new().check() {
        Ok(()) => true,
        Err(e) if required => panic!("{test}: the keychain is required but unusable: {e}"),
        Err(e) => {
            eprintln!("{test}: skipped: no Secret Service ({e})");
            false
        }
    }
}

/// An emulator on a runtime of its own (the test body stays synchronous).
pub struct Emu {
    pub emu: RunningEmulator,
    _rt: tokio::runtime::Runtime,
}

impl Emu {
    pub fn start() -> Self {
        let rt = tokio::runtime::Runtime::new().unwrap();
        let emu = rt
            .block_on(alicloud_emulator::start(
                EmulatorConfig::default(),
                "127.0.0.1:0".parse().unwrap(),
            ))
            .unwrap();
        Self { emu, _rt: rt }
    }

    pub fn endpoint(&self) -> String {
        self.emu.endpoint()
    }

    /// Successful calls of `action` so far.
    pub fn calls(&self, action: &str) -> usize {
        self.emu
            .control()
            .requests(0)
            .iter()
            .filter(|e| e.action == action && e.code == "OK")
            .count()
    }

    /// `GetCallerIdentity` with the given credentials through the real client.
    pub fn caller_arn(&self, id: &str, secret: &str, token: Option<&str>) -> String {
        use alicloud_api::credentials::{StaticCredentials, StsTokenCredentials};
        use alicloud_api::{Client, Secret};
        use std::sync::Arc;
        let provider: Arc<dyn alicloud_api::credentials::CredentialsProvider> = match token {
            Some(t) => Arc::new(StsTokenCredentials::new(
                id,
                Secret::from(secret),
                Secret::from(t),
            )),
            None => Arc::new(StaticCredentials::new(id, Secret::from(secret))),
        };
        let client = Client::builder(provider)
            .default_region("cn-hangzhou")
            .endpoint_override(self.endpoint())
            .build()
            .unwrap();
        let rt = tokio::runtime::Runtime::new().unwrap();
        let id = rt
            .block_on(client.get_caller_identity())
            .expect("the emulator accepts the credentials");
        id.arn
    }
}

pub fn role_arn() -> String {
    format!("acs:ram::{DEMO_ACCOUNT_ID}:role/{DEMO_ROLE_NAME}")
}

/// A private EIPDESK_HOME and HOME for one test; its profiles are removed (with their
/// keychain items) when dropped.
pub struct Home {
    pub dir: tempfile::TempDir,
}

impl Home {
    pub fn new() -> Self {
        Self {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// The binary with this home, no inherited credentials variables.
    pub fn command(&self) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_eipdesk-cli"));
        c.env("EIPDESK_HOME", self.path().join("data"))
            .env("HOME", self.path());
        for (k, _) in std::env::vars() {
            if k.starts_with("ALIBABA_CLOUD_") || k.starts_with("ALICLOUD_") {
                c.env_remove(k);
            }
        }
        c
    }

    /// Runs `args` with `stdin` piped in.
    pub fn run(&self, args: &[&str], stdin: &str) -> Output {
        let mut child = self
            .command()
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(stdin.as_bytes())
            .unwrap();
        child.wait_with_output().unwrap()
    }

    /// Runs and expects success; returns stdout.
    pub fn ok(&self, args: &[&str], stdin: &str) -> String {
        let out = self.run(args, stdin);
        assert!(
            out.status.success(),
            "{args:?} failed ({}): {}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// The JSON printed by `credentials NAME`.
    pub fn credentials(&self, name: &str) -> serde_json::Value {
        serde_json::from_str(&self.ok(&["credentials", name], "")).unwrap()
    }
}

impl Drop for Home {
    fn drop(&mut self) {
        let Ok(out) = self.command().args(["profiles", "list", "--json"]).output() else {
            return;
        };
        let list: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap_or_default();
        // Dependents first: roles, then the rest.
        let mut names: Vec<(bool, String)> = list
            .iter()
            .filter(|p| p["builtin"] == false)
            .map(|p| {
                (
                    p["role"].is_null(),
                    p["name"].as_str().unwrap_or("").to_string(),
                )
            })
            .collect();
        names.sort();
        for _ in 0..3 {
            for (_, name) in &names {
                let _ = self.command().args(["profiles", "remove", name]).output();
            }
        }
    }
}

/// The official Python SDKs' venv made by `cargo xtask setup`, when present.
pub fn venv_python() -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let python = root.join("target/venv/bin/python");
    python.is_file().then_some(python)
}

/// Every item the keychain has for `account` (to prove nothing is left behind).
pub fn keychain_item(account: &str) -> Option<String> {
    KeyringStore::new()
        .get(account)
        .ok()
        .flatten()
        .map(|s| s.expose().to_string())
}
