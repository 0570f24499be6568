//! Profiles against the real OS keychain (gnome-keyring over the Secret Service on Linux).
//!
//! Tests that need a reachable keychain skip with a "skipped: no Secret Service" line unless
//! `EIPDESK_REQUIRE_KEYCHAIN` is set (as `cargo xtask test` does), in which case they fail.
//! The failure-mode tests re-run this binary as a child process with a broken D-Bus
//! environment (no bus, a bus without a provider, a locked keyring in a private session).

mod profiles_support;

use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Arc;

use alicloud_api::Secret;
use eipdesk_core::profiles::{
    EnvLabel, KeyringStore, NewCredentials, NewProfile, NewRoleSource, ProfileEdit, ProfileId,
    ProfileStore, SecretStore,
};
use profiles_support::*;

fn unique(tag: &str) -> String {
    format!("fake-{tag}-for-tests-{}", uuid::Uuid::new_v4().simple())
}

fn access_key(name: &str, key_id: &str, secret: &str) -> NewProfile {
    NewProfile {
        name: name.into(),
        region: "cn-hangzhou".into(),
        label: EnvLabel::Production,
        credentials: NewCredentials::AccessKey {
            access_key_id: key_id.into(),
            access_key_secret: Secret::from(secret),
        },
    }
}

/// `secret-tool search --all service eipdesk` output (stdout + stderr).
fn secret_tool_search() -> String {
    let out = Command::new("secret-tool")
        .args(["search", "--all", "service", "eipdesk"])
        .output()
        .expect("secret-tool runs");
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn created_secret_lives_in_the_keychain_only_and_delete_removes_it() {
    let test = "created_secret_lives_in_the_keychain_only_and_delete_removes_it";
    let logs = capture_logs();
    let Some(keychain) = real_keychain(test) else {
        return;
    };
    if !require_programs(test, &["secret-tool"]) {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let secret = unique("secret");
    let key_id = format!("LTAI{}", uuid::Uuid::new_v4().simple());
    let mut store = ProfileStore::open(data.path(), keychain.clone()).unwrap();
    let created = store
        .create(access_key(&unique("name"), &key_id, &secret))
        .unwrap();
    let id = created.id.clone();

    // In the keychain: one item, service eipdesk, account = the profile id.
    let found = secret_tool_search();
    assert!(
        found.contains(&format!("attribute.username = {id}")),
        "secret-tool does not list {id}:\n{found}"
    );
    assert!(found.contains(&secret), "the item holds the secret");
    let raw = keychain.get(id.as_str()).unwrap().expect("item exists");
    assert!(raw.expose().contains(&secret) && raw.expose().contains(&key_id));
    let read = store.secrets(&id).unwrap().unwrap();
    assert_eq!(read.access_key_secret.expose(), secret);
    assert_eq!(read.access_key_id, key_id);

    // Nowhere else: no file in the data directory, no log line, no summary, no Debug output.
    store.set_active(&id).unwrap();
    assert!(file_count(data.path()) >= 1);
    for needle in [&secret, &key_id] {
        assert_eq!(
            files_containing(data.path(), needle),
            Vec::<std::path::PathBuf>::new()
        );
        assert!(!logs.text().contains(needle.as_str()), "a log line has it");
        assert!(
            !serde_json::to_string(&store.list())
                .unwrap()
                .contains(needle.as_str())
        );
        assert!(!format!("{store:?} {read:?} {created:?}").contains(needle.as_str()));
    }
    assert!(
        logs.text().contains("profile created"),
        "logs were captured"
    );

    store.delete(&id).unwrap();
    assert!(keychain.get(id.as_str()).unwrap().is_none());
    assert!(!secret_tool_search().contains(id.as_str()));
    assert!(!logs.text().contains(secret.as_str()));
}

#[test]
fn rename_keeps_and_update_replaces_the_item() {
    let Some(keychain) = real_keychain("rename_keeps_and_update_replaces_the_item") else {
        return;
    };
    let data = tempfile::tempdir().unwrap();
    let mut store = ProfileStore::open(data.path(), keychain.clone()).unwrap();
    let first = unique("secret");
    let p = store
        .create(access_key(&unique("name"), "LTAI5tRenameTestKey0", &first))
        .unwrap();
    store.rename(&p.id, &unique("renamed")).unwrap();
    assert_eq!(
        store
            .secrets(&p.id)
            .unwrap()
            .unwrap()
            .access_key_secret
            .expose(),
        first
    );

    let second = unique("secret");
    let edit = ProfileEdit {
        credentials: Some(eipdesk_core::profiles::CredentialsEdit::AccessKey {
            access_key_id: None,
            access_key_secret: Some(Secret::from(second.clone())),
        }),
        ..ProfileEdit::default()
    };
    store.update(&p.id, edit).unwrap();
    let raw = keychain.get(p.id.as_str()).unwrap().unwrap();
    assert!(raw.expose().contains(&second) && !raw.expose().contains(&first));

    // A role using this profile as its source keeps no item of its own.
    let role = store
        .create(NewProfile {
            name: unique("role"),
            region: "cn-beijing".into(),
            label: EnvLabel::Staging,
            credentials: NewCredentials::RamRole {
                source: NewRoleSource::Profile {
                    profile_id: p.id.clone(),
                },
                role_arn: "acs:ram::1234567890:role/ops".into(),
                session_name: "eipdesk".into(),
                duration_seconds: None,
                external_id: None,
            },
        })
        .unwrap();
    assert!(keychain.get(role.id.as_str()).unwrap().is_none());
    store.delete(&role.id).unwrap();
    store.delete(&p.id).unwrap();
    assert!(keychain.get(p.id.as_str()).unwrap().is_none());
}

// ---- failure modes, each in a child process -------------------------------------------

/// Scenario the child process runs (the parent sets it).
const CHILD_ENV: &str = "EIPDESK_PROFILES_CHILD";
/// Keychain error code the child expects.
const EXPECT_ENV: &str = "EIPDESK_PROFILES_EXPECT";

/// Entry point of the child process; in a normal run (no scenario set) it has nothing to do.
#[test]
fn child_scenario() {
    let Ok(scenario) = std::env::var(CHILD_ENV) else {
        return;
    };
    let expect = std::env::var(EXPECT_ENV).unwrap_or_default();
    match scenario.as_str() {
        "unavailable" => child_unavailable(&expect),
        "locked" => child_locked(),
        other => panic!("unknown scenario {other}"),
    }
    println!("CHILD-OK {scenario}");
}

/// The keychain is unusable: every secret operation fails with `expect`, nothing is
/// written, and the Sandbox profile still works.
fn child_unavailable(expect: &str) {
    let keychain = Arc::new(KeyringStore::new());
    let err = keychain.check().unwrap_err();
    assert_eq!(err.code(), expect, "check: {err}");
    assert!(!err.hint().is_empty());
    let data = tempfile::tempdir().unwrap();
    let mut store = ProfileStore::open(data.path(), keychain.clone()).unwrap();
    let before = std::fs::read(store.file_path()).unwrap();
    let err = store
        .create(access_key(
            "prod",
            "LTAI5tUnavailable00",
            "fake-secret-for-tests",
        ))
        .unwrap_err();
    assert_eq!(err.code(), expect, "create: {err}");
    assert_eq!(std::fs::read(store.file_path()).unwrap(), before);
    assert_eq!(store.list().len(), 1);
    let sandbox = store.set_active(&ProfileId::sandbox()).unwrap();
    assert!(sandbox.builtin && sandbox.active);
    assert!(store.secrets(&ProfileId::sandbox()).unwrap().is_none());
    assert_eq!(keychain.get("p-0").unwrap_err().code(), expect);
}

/// Creates a profile, locks the default collection, and expects `keychain.locked`.
#[cfg(target_os = "linux")]
fn child_locked() {
    use secret_service::EncryptionType;
    use secret_service::blocking::SecretService;
    let keychain = Arc::new(KeyringStore::new());
    keychain
        .check()
        .expect("the private keyring starts unlocked");
    let data = tempfile::tempdir().unwrap();
    let mut store = ProfileStore::open(data.path(), keychain.clone()).unwrap();
    let p = store
        .create(access_key(
            "prod",
            "LTAI5tLockedTest000",
            "fake-secret-for-tests",
        ))
        .unwrap();
    let ss = SecretService::connect(EncryptionType::Dh).unwrap();
    ss.get_default_collection().unwrap().lock().unwrap();

    assert_eq!(keychain.check().unwrap_err().code(), "keychain.locked");
    assert_eq!(store.secrets(&p.id).unwrap_err().code(), "keychain.locked");
    let err = store
        .create(access_key(
            "two",
            "LTAI5tLockedTest001",
            "fake-secret-for-tests",
        ))
        .unwrap_err();
    assert_eq!(err.code(), "keychain.locked");
    assert!(err.hint().contains("Unlock"));
    assert_eq!(store.delete(&p.id).unwrap_err().code(), "keychain.locked");
    assert!(
        store.summary(&p.id).is_ok(),
        "a failed delete keeps the profile"
    );
    store.set_active(&ProfileId::sandbox()).unwrap();
}

#[cfg(not(target_os = "linux"))]
fn child_locked() {}

/// Runs `command` (this binary or a wrapper around it) and checks the child reported success.
fn run_child(mut command: Command, scenario: &str) {
    command.env(CHILD_ENV, scenario);
    // A display would let gnome-keyring show a real unlock prompt and wait for a person.
    command.env_remove("DISPLAY").env_remove("WAYLAND_DISPLAY");
    let out = command.output().expect("child starts");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() && stdout.contains(&format!("CHILD-OK {scenario}")),
        "child {scenario} failed ({}):\n{stdout}\n{stderr}",
        out.status
    );
}

fn self_command() -> Command {
    let mut c = Command::new(std::env::current_exe().unwrap());
    c.args([
        "--exact",
        "child_scenario",
        "--nocapture",
        "--test-threads=1",
    ]);
    c
}

#[cfg(target_os = "linux")]
#[test]
fn no_session_bus_is_a_typed_error() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = self_command();
    child
        .env(
            "DBUS_SESSION_BUS_ADDRESS",
            format!("unix:path={}", dir.path().join("no-bus-here").display()),
        )
        .env("XDG_RUNTIME_DIR", dir.path())
        .env(EXPECT_ENV, "keychain.no_session_bus");
    run_child(child, "unavailable");
}

/// Writes a session-bus configuration with no activatable services.
fn bare_bus_config(dir: &Path) -> std::path::PathBuf {
    let services = dir.join("services");
    std::fs::create_dir_all(&services).unwrap();
    let config = dir.join("bus.conf");
    std::fs::write(
        &config,
        format!(
            r#"<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path={bus}</listen>
  <auth>EXTERNAL</auth>
  <servicedir>{services}</servicedir>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"#,
            bus = dir.join("bus").display(),
            services = services.display()
        ),
    )
    .unwrap();
    config
}

#[cfg(target_os = "linux")]
#[test]
fn bus_without_provider_is_a_typed_error() {
    use std::io::BufRead;
    let test = "bus_without_provider_is_a_typed_error";
    if !require_programs(test, &["dbus-daemon"]) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let config = bare_bus_config(dir.path());
    let mut daemon = KillOnDrop(
        Command::new("dbus-daemon")
            .arg(format!("--config-file={}", config.display()))
            .args(["--nofork", "--print-address=1"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("dbus-daemon starts"),
    );
    let mut address = String::new();
    std::io::BufReader::new(daemon.0.stdout.take().unwrap())
        .read_line(&mut address)
        .unwrap();
    let mut child = self_command();
    child
        .env("DBUS_SESSION_BUS_ADDRESS", address.trim())
        .env("XDG_RUNTIME_DIR", dir.path())
        .env(EXPECT_ENV, "keychain.no_provider");
    run_child(child, "unavailable");
}

/// Stops a process this test started when the test ends (also on failure).
struct KillOnDrop(std::process::Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[cfg(target_os = "linux")]
#[test]
fn locked_keyring_is_a_typed_error() {
    let test = "locked_keyring_is_a_typed_error";
    if !require_programs(test, &["dbus-run-session", "gnome-keyring-daemon"]) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let runtime = dir.path().join("runtime");
    for sub in ["data", "config", "cache"] {
        std::fs::create_dir_all(dir.path().join(sub)).unwrap();
    }
    std::fs::create_dir_all(&runtime).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&runtime, std::fs::Permissions::from_mode(0o700)).unwrap();
    }
    let exe = std::env::current_exe().unwrap();
    let mut child = Command::new("dbus-run-session");
    child
        .args(["--", "sh", "-c"])
        .arg(
            "printf 'test-pass' | gnome-keyring-daemon --unlock --components=secrets >/dev/null \
             && exec \"$0\" --exact child_scenario --nocapture --test-threads=1",
        )
        .arg(exe)
        .env("XDG_DATA_HOME", dir.path().join("data"))
        .env("XDG_CONFIG_HOME", dir.path().join("config"))
        .env("XDG_CACHE_HOME", dir.path().join("cache"))
        .env("XDG_RUNTIME_DIR", &runtime)
        .env_remove("DBUS_SESSION_BUS_ADDRESS");
    run_child(child, "locked");
}
