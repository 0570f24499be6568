//! The writes to the aliyun CLI's `config.json` (issue 14, point 2): moving plaintext keys
//! into the real keychain (gnome-keyring) checked byte for byte against
//! `tests/fixtures/aliyun_config/config.moved.json` with a backup identical to the original;
//! restore; set-up of an `External` profile; and the refusals (file changed since the
//! preview, a name the CLI uses for something else, a FIFO). All secrets are fake; every
//! file lives in a scratch folder.

mod profiles_support;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use eipdesk_core::profiles::aliyun_config::{
    ABSENT, ConfigWriteError, MoveCandidate, MoveReason, migrate, restore, setup,
};
use eipdesk_core::profiles::{
    EnvLabel, NewCredentials, NewProfile, ProfileStore, ProfileSummary, SecretStore,
};
use eipdesk_core::text::Message;
use profiles_support::*;

const MOVED_SECRETS: [&str; 3] = [
    "fake-secret-for-tests-move1",
    "fake-secret-for-tests-move2",
    "fake-secret-for-tests-move4",
];

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/aliyun_config")
            .join(name),
    )
    .unwrap()
}

/// A scratch home with the fixture as `.aliyun/config.json`.
fn scratch_config() -> (tempfile::TempDir, PathBuf) {
    let home = tempfile::tempdir().unwrap();
    let path = home.path().join(".aliyun").join("config.json");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, fixture("config.json")).unwrap();
    (home, path)
}

fn backups_beside(path: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .contains(".eipdesk-backup-")
        })
        .collect();
    found.sort();
    found
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

fn candidate<'a>(list: &'a [MoveCandidate], name: &str) -> &'a MoveCandidate {
    list.iter()
        .find(|c| c.cli_profile == name)
        .unwrap_or_else(|| panic!("no candidate {name}: {list:#?}"))
}

#[test]
fn moving_keys_into_the_keychain_rewrites_exactly_and_backs_up_the_original() {
    let test = "moving_keys_into_the_keychain_rewrites_exactly_and_backs_up_the_original";
    let Some(keychain) = real_keychain(test) else {
        return;
    };
    let data = tempfile::tempdir().unwrap();
    let mut store = ProfileStore::open(data.path(), keychain.clone()).unwrap();
    let (home, path) = scratch_config();

    // The preview lists every entry holding an AccessKey secret, none of the secrets.
    let preview = migrate::preview(&path, &store).unwrap();
    let names: Vec<&str> = preview
        .candidates
        .iter()
        .map(|c| c.cli_profile.as_str())
        .collect();
    assert_eq!(names, ["ak-main", "ak-second", "sts", "role", "ak-padded"]);
    let text = serde_json::to_string(&preview).unwrap();
    for secret in MOVED_SECRETS {
        assert!(!text.contains(secret), "{text}");
    }
    let ak = candidate(&preview.candidates, "ak-main");
    assert!(ak.movable && !ak.already_in_desk, "{ak:#?}");
    assert_eq!(ak.desk_profile.as_deref(), Some("ak-main"));
    let command = ak
        .changes
        .iter()
        .find(|c| c.field == "process_command")
        .unwrap();
    assert_eq!(
        command.after.as_deref(),
        Some("eipdesk-cli credentials ak-main")
    );
    let secret = ak
        .changes
        .iter()
        .find(|c| c.field == "access_key_secret")
        .unwrap();
    assert_eq!(
        (secret.before.as_deref(), secret.after.as_deref()),
        (Some("••••••••"), Some(""))
    );
    let sts = candidate(&preview.candidates, "sts");
    assert!(!sts.movable && sts.reason.as_deref().unwrap().contains("temporary"));
    assert_eq!(sts.reason_text, Some(MoveReason::StsToken));
    let padded = candidate(&preview.candidates, "ak-padded");
    assert!(!padded.movable, "{padded:#?}");
    assert!(
        padded.reason.as_deref().unwrap().contains("space"),
        "{padded:#?}"
    );
    let Some(MoveReason::NotImportable { import_reason }) = &padded.reason_text else {
        panic!("{padded:#?}");
    };
    assert_eq!(
        padded.reason.as_deref(),
        Some(import_reason.english().as_str())
    );

    // Move three and ask for one that cannot be moved: that one is reported, not fatal.
    let selected: Vec<String> = ["ak-main", "ak-second", "role", "sts"]
        .map(String::from)
        .to_vec();
    let report = migrate::apply(&path, &preview.fingerprint, &selected, &mut store).unwrap();
    let moved: Vec<(&str, &str, bool)> = report
        .moved
        .iter()
        .map(|m| (m.cli_profile.as_str(), m.desk_profile.as_str(), m.created))
        .collect();
    assert_eq!(
        moved,
        [
            ("ak-main", "ak-main", true),
            ("ak-second", "ak-second", true),
            ("role", "role", true)
        ]
    );
    assert_eq!(report.not_moved.len(), 1);
    assert_eq!(report.not_moved[0].cli_profile, "sts");
    // The window words the reason from its key; the English is the same sentence.
    assert_eq!(report.not_moved[0].reason_text, MoveReason::StsToken);
    assert_eq!(report.not_moved[0].reason, MoveReason::StsToken.english());

    // The file is exactly the expected rewrite; the backup exactly the original.
    let after = std::fs::read(&path).unwrap();
    assert_eq!(
        String::from_utf8(after).unwrap(),
        String::from_utf8(fixture("config.moved.json")).unwrap()
    );
    let backups = backups_beside(&path);
    assert_eq!(backups.len(), 1, "{backups:?}");
    assert_eq!(report.backup.as_deref(), Some(backups[0].to_str().unwrap()));
    assert_eq!(std::fs::read(&backups[0]).unwrap(), fixture("config.json"));
    #[cfg(unix)]
    {
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(&backups[0]), 0o600);
    }

    // The secrets are in the keychain and nowhere in EIP Desk's data.
    for (name, secret) in ["ak-main", "ak-second", "role"].iter().zip(MOVED_SECRETS) {
        let p = store.list().into_iter().find(|p| p.name == *name).unwrap();
        let read = store.secrets(&p.id).unwrap().unwrap();
        assert_eq!(read.access_key_secret.expose(), secret);
        assert!(files_containing(data.path(), secret).is_empty());
    }

    // Nothing is left to move; moving again after a restore reuses the same profiles.
    let again = migrate::preview(&path, &store).unwrap();
    let left: Vec<&str> = again
        .candidates
        .iter()
        .map(|c| c.cli_profile.as_str())
        .collect();
    assert_eq!(left, ["sts", "ak-padded"]);

    let list = restore::backups(&path).unwrap();
    assert_eq!(list.backups.len(), 1);
    let restored = restore::restore(&path, &list.backups[0].name, &list.fingerprint).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), fixture("config.json"));
    let saved = PathBuf::from(restored.previous_saved_as.unwrap());
    assert_eq!(std::fs::read(&saved).unwrap(), fixture("config.moved.json"));

    let count = store.list().len();
    let preview = migrate::preview(&path, &store).unwrap();
    assert!(candidate(&preview.candidates, "ak-main").already_in_desk);
    let report = migrate::apply(&path, &preview.fingerprint, &selected[..3], &mut store).unwrap();
    assert!(report.moved.iter().all(|m| !m.created), "{report:#?}");
    assert_eq!(
        store.list().len(),
        count,
        "moving again duplicated profiles"
    );
    assert_eq!(std::fs::read(&path).unwrap(), fixture("config.moved.json"));

    for p in store.list().into_iter().filter(|p| !p.builtin) {
        store.delete(&p.id).unwrap();
    }
    drop(home);
}

fn memory_store() -> (tempfile::TempDir, ProfileStore) {
    let data = tempfile::tempdir().unwrap();
    let secrets: Arc<dyn SecretStore> = Arc::new(TestSecretStore::default());
    let store = ProfileStore::open(data.path(), secrets).unwrap();
    (data, store)
}

#[test]
fn a_file_changed_after_the_preview_is_left_alone() {
    let (_data, mut store) = memory_store();
    let (_home, path) = scratch_config();
    let preview = migrate::preview(&path, &store).unwrap();
    let mut edited = fixture("config.json");
    edited.push(b'\n');
    std::fs::write(&path, &edited).unwrap();
    let err =
        migrate::apply(&path, &preview.fingerprint, &["ak-main".into()], &mut store).unwrap_err();
    assert!(matches!(err, ConfigWriteError::Changed { .. }), "{err}");
    assert_eq!(err.code(), "aliyun_config.changed");
    assert_eq!(std::fs::read(&path).unwrap(), edited);
    assert!(backups_beside(&path).is_empty());
    assert_eq!(store.list().len(), 1, "only the Sandbox");
}

fn desk_profile(store: &mut ProfileStore, name: &str) -> ProfileSummary {
    store
        .create(NewProfile {
            name: name.into(),
            region: "cn-shanghai".into(),
            label: EnvLabel::None,
            credentials: NewCredentials::AccessKey {
                access_key_id: "LTAI5tFakeIdForTestsSetup".into(),
                access_key_secret: "fake-secret-for-tests-setup".into(),
            },
        })
        .unwrap()
}

#[test]
fn setting_up_the_cli_creates_the_file_only_when_confirmed_and_only_once() {
    let (_data, mut store) = memory_store();
    let profile = desk_profile(&mut store, "prod");
    let home = tempfile::tempdir().unwrap();
    let path = home.path().join(".aliyun").join("config.json");

    let preview = setup::preview(&path, &profile).unwrap();
    assert!(preview.creates_file && !preview.already_set_up);
    assert_eq!(preview.fingerprint, ABSENT);
    assert_eq!(preview.cli_profile, "eipdesk-prod");
    assert_eq!(preview.process_command, "eipdesk-cli credentials prod");
    assert!(!path.parent().unwrap().exists(), "a preview writes nothing");

    let report = setup::apply(&path, &profile, &preview.fingerprint).unwrap();
    assert!(report.written && report.backup.is_none());
    let expected = format!(
        "{{\n\t\"current\": \"eipdesk-prod\",\n\t\"profiles\": [\n\t\t{}\n\t],\n\t\"meta_path\": \"\"\n}}",
        preview.entry.replace('\n', "\n\t\t")
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), expected);
    assert!(preview.entry.contains("\"mode\": \"External\""));
    #[cfg(unix)]
    {
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(path.parent().unwrap()), 0o700);
    }

    let again = setup::preview(&path, &profile).unwrap();
    assert!(again.already_set_up, "{again:#?}");
    let report = setup::apply(&path, &profile, &again.fingerprint).unwrap();
    assert!(!report.written);
    assert!(backups_beside(&path).is_empty());
}

#[test]
fn setting_up_the_cli_appends_to_an_existing_file_after_a_backup() {
    let (_data, mut store) = memory_store();
    let profile = desk_profile(&mut store, "Prod admin");
    let (_home, path) = scratch_config();
    let preview = setup::preview(&path, &profile).unwrap();
    assert!(!preview.creates_file);
    // A name with a space is passed by id: the aliyun CLI splits the command on spaces.
    assert_eq!(
        preview.process_command,
        format!("eipdesk-cli credentials {}", profile.id)
    );
    let report = setup::apply(&path, &profile, &preview.fingerprint).unwrap();
    let backup = PathBuf::from(report.backup.unwrap());
    assert_eq!(std::fs::read(&backup).unwrap(), fixture("config.json"));
    let text = std::fs::read_to_string(&path).unwrap();
    let original = String::from_utf8(fixture("config.json")).unwrap();
    let head = original.split("\n\t],\n\t\"meta_path\"").next().unwrap();
    assert!(
        text.starts_with(head),
        "earlier entries are kept as they were"
    );
    assert!(text.contains(&format!("\"name\": \"{}\"", preview.cli_profile)));
    assert!(text.contains("\"x_unknown_top\""));
}

#[test]
fn setting_up_refuses_a_cli_profile_of_the_same_name_that_does_something_else() {
    let (_data, mut store) = memory_store();
    let profile = desk_profile(&mut store, "prod");
    let (_home, path) = scratch_config();
    let text = String::from_utf8(fixture("config.json"))
        .unwrap()
        .replace("\"name\": \"ecs\"", "\"name\": \"eipdesk-prod\"");
    std::fs::write(&path, &text).unwrap();
    let err = setup::preview(&path, &profile).unwrap_err();
    assert_eq!(err.code(), "aliyun_config.name_taken", "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

#[cfg(unix)]
#[test]
fn a_fifo_in_place_of_the_file_is_refused_without_reading() {
    let (_data, mut store) = memory_store();
    let profile = desk_profile(&mut store, "prod");
    let home = tempfile::tempdir().unwrap();
    let path = home.path().join("config.json");
    let made = std::process::Command::new("mkfifo")
        .arg(&path)
        .status()
        .unwrap();
    assert!(made.success());
    let err = setup::preview(&path, &profile).unwrap_err();
    assert_eq!(err.code(), "import.not_a_file", "{err}");
    let err = migrate::preview(&path, &store).unwrap_err();
    assert_eq!(err.code(), "import.not_a_file", "{err}");
}

#[test]
fn restore_refuses_an_unknown_backup_and_a_file_changed_since_the_list() {
    let (_data, mut store) = memory_store();
    let profile = desk_profile(&mut store, "prod");
    let (_home, path) = scratch_config();
    let preview = setup::preview(&path, &profile).unwrap();
    setup::apply(&path, &profile, &preview.fingerprint).unwrap();
    let list = restore::backups(&path).unwrap();
    assert_eq!(list.backups.len(), 1);

    // Only a backup of this file, by its exact name: no paths, no other files.
    for name in ["../config.json", "config.json", "nothing-here"] {
        let err = restore::restore(&path, name, &list.fingerprint).unwrap_err();
        assert_eq!(err.code(), "aliyun_config.unknown_backup", "{name}: {err}");
    }
    // The file changed after the list was made: nothing is restored.
    let edited = format!("{}\n", std::fs::read_to_string(&path).unwrap());
    std::fs::write(&path, &edited).unwrap();
    let err = restore::restore(&path, &list.backups[0].name, &list.fingerprint).unwrap_err();
    assert_eq!(err.code(), "aliyun_config.changed", "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), edited);
    assert_eq!(
        backups_beside(&path).len(),
        1,
        "no backup made for a refused restore"
    );
}
