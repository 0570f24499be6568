//! Import step two, `import`: profiles created from the sample files in
//! `tests/fixtures/import/` with their secrets only in the secret store, chained roles,
//! unique names, all-or-nothing failures, sources left untouched. All secrets are fake.

mod profiles_support;

use std::sync::Arc;

use eipdesk_core::profiles::import;
use eipdesk_core::profiles::{
    AuthMode, EnvLabel, ModeSettings, ProfileStore, RoleSource, SecretStore,
};
use profiles_support::import_fixtures::*;
use profiles_support::*;

#[test]
fn import_creates_profiles_with_secrets_only_in_the_secret_store() {
    let (dir, secrets, mut store) = store();
    let before_cli = fingerprint(&cli_config());
    let before_ini = fingerprint(&ini_file());
    let all = sources(Some(cli_config()), Some(ini_file()), None);
    let report = import::scan(&all);
    assert_eq!(report.sources.len(), 2);
    let mut selection = select(&[
        "aliyun-cli:ak-main",
        "aliyun-cli:sts",
        "aliyun-cli:role",
        "credentials-file:ram",
    ]);
    selection[0].name = Some("Production admin".into());
    selection[0].label = Some(EnvLabel::Production);
    let result = import::import(&all, &selection, &mut store);
    assert_eq!(result.imported.len(), 4, "{result:?}");
    assert!(result.imported.iter().all(|p| !p.auto_included));

    let ak = &result.imported[0].profile;
    assert_eq!(
        (ak.name.as_str(), ak.label, ak.region.as_str()),
        ("Production admin", EnvLabel::Production, "cn-shanghai")
    );
    let read = store.secrets(&ak.id).unwrap().unwrap();
    assert_eq!(read.access_key_id, "LTAI5tFakeIdForTestsAk01");
    assert_eq!(read.access_key_secret.expose(), "fake-secret-for-tests-ak");

    let sts = &result.imported[1].profile;
    assert_eq!(sts.mode, AuthMode::StsToken);
    assert_eq!(
        sts.sts_expiration.map(|t| t.unix_timestamp()),
        Some(1_893_456_000)
    );
    assert_eq!(
        store
            .secrets(&sts.id)
            .unwrap()
            .unwrap()
            .security_token
            .unwrap()
            .expose(),
        "fake-token-for-tests-sts"
    );

    let role = store.get(&result.imported[2].profile.id).unwrap();
    let ModeSettings::RamRole(settings) = &role.settings else {
        panic!("not a role")
    };
    assert_eq!(settings.source, RoleSource::AccessKey);
    assert_eq!(
        (
            settings.session_name.as_str(),
            settings.duration_seconds,
            settings.external_id.as_deref()
        ),
        ("alice", 1800, Some("ext-for-tests"))
    );
    assert_eq!(
        store
            .secrets(&role.id)
            .unwrap()
            .unwrap()
            .access_key_secret
            .expose(),
        "fake-secret-for-tests-role"
    );
    assert_eq!(result.imported[3].profile.name, "ram");

    assert_eq!(secrets.items.lock().unwrap().len(), 4);
    for secret in FIXTURE_SECRETS {
        assert!(
            files_containing(dir.path(), secret).is_empty(),
            "{secret} in the data dir"
        );
    }
    assert_no_fixture_secret(&serde_json::to_string(&result).unwrap());
    assert_eq!(
        fingerprint(&cli_config()),
        before_cli,
        "config.json untouched"
    );
    assert_eq!(
        fingerprint(&ini_file()),
        before_ini,
        "credentials untouched"
    );
}

#[test]
fn chained_roles_bring_their_source_and_names_stay_unique() {
    let (_dir, _secrets, mut store) = store();
    let all = sources(Some(cli_config()), None, None);
    let first = import::import(&all, &select(&["aliyun-cli:chain"]), &mut store);
    let keys: Vec<(&str, bool)> = first
        .imported
        .iter()
        .map(|p| (p.key.as_str(), p.auto_included))
        .collect();
    assert_eq!(
        keys,
        [("aliyun-cli:role", true), ("aliyun-cli:chain", false)]
    );
    let chain = store.get(&first.imported[1].profile.id).unwrap();
    let ModeSettings::RamRole(settings) = &chain.settings else {
        panic!("not a role")
    };
    assert_eq!(
        settings.source,
        RoleSource::Profile {
            profile_id: first.imported[0].profile.id.clone()
        }
    );
    assert_eq!(chain.region, "eu-central-1");

    // Selecting the source too imports it once, with the user's choices (asked again: both
    // were imported before).
    let mut selection = select(&["aliyun-cli:chain", "aliyun-cli:role"]);
    selection[1].label = Some(EnvLabel::Staging);
    selection.iter_mut().for_each(|s| s.again = true);
    let second = import::import(&all, &selection, &mut store);
    assert_eq!(second.imported.len(), 2);
    let source = second
        .imported
        .iter()
        .find(|p| p.key == "aliyun-cli:role")
        .unwrap();
    assert!(!source.auto_included);
    assert_eq!(
        (source.profile.name.as_str(), source.profile.label),
        ("role (2)", EnvLabel::Staging)
    );
    assert_eq!(
        second
            .imported
            .iter()
            .find(|p| p.key == "aliyun-cli:chain")
            .unwrap()
            .profile
            .name,
        "chain (2)"
    );
}

#[test]
fn refused_unknown_or_duplicate_selections_are_listed_and_the_rest_imports() {
    let all = sources(Some(cli_config()), Some(ini_file()), None);
    for (keys, code) in [
        (
            vec!["aliyun-cli:ak-main", "aliyun-cli:sso"],
            "import.mode_unsupported",
        ),
        (
            vec!["aliyun-cli:ak-main", "aliyun-cli:nope"],
            "import.unknown_candidate",
        ),
        (
            vec!["aliyun-cli:ak-main", "aliyun-cli:ak-main"],
            "import.duplicate_selection",
        ),
        (
            vec!["credentials-file:ram-with-policy"],
            "import.unsupported_setting",
        ),
        (vec!["nonsense"], "import.unknown_candidate"),
        (vec!["env:environment"], "import.source_missing"),
    ] {
        let (_dir, secrets, mut store) = store();
        let result = import::import(&all, &select(&keys), &mut store);
        assert_eq!(result.failed.len(), 1, "{keys:?}: {result:?}");
        let failure = &result.failed[0];
        assert_eq!(failure.code, code, "{keys:?}: {failure:?}");
        assert_eq!(&failure.key, keys.last().unwrap());
        assert!(!failure.hint.is_empty());
        let good = keys
            .iter()
            .filter(|k| **k == "aliyun-cli:ak-main")
            .count()
            .min(1);
        assert_eq!(result.imported.len(), good, "{keys:?}");
        assert_eq!(store.list().len(), 1 + good);
        assert_eq!(secrets.items.lock().unwrap().len(), good);
    }
}

#[test]
fn a_keychain_failure_midway_fails_only_that_profile() {
    let dir = tempfile::tempdir().unwrap();
    let secrets = Arc::new(TestSecretStore {
        fail_from: Some(2),
        ..TestSecretStore::default()
    });
    let mut store = ProfileStore::open(dir.path(), secrets.clone()).unwrap();
    let all = sources(Some(cli_config()), None, None);
    let result = import::import(
        &all,
        &select(&["aliyun-cli:ak-main", "aliyun-cli:sts"]),
        &mut store,
    );
    assert_eq!(result.imported.len(), 1);
    assert_eq!(result.failed.len(), 1);
    assert_eq!(result.failed[0].code, "keychain.locked");
    assert_eq!(result.failed[0].key, "aliyun-cli:sts");
    assert_eq!(store.list().len(), 2, "the first profile stays");
    assert_eq!(secrets.items.lock().unwrap().len(), 1);
}

#[test]
fn import_into_the_real_keychain() {
    let Some(keychain) = real_keychain("import_into_the_real_keychain") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let mut store = ProfileStore::open(dir.path(), keychain.clone()).unwrap();
    let before = fingerprint(&cli_config());
    let all = sources(Some(cli_config()), None, None);
    let result = import::import(&all, &select(&["aliyun-cli:ak-main"]), &mut store);
    let id = result.imported[0].profile.id.clone();
    let raw = keychain.get(id.as_str()).unwrap().unwrap();
    assert!(raw.expose().contains("fake-secret-for-tests-ak"));
    assert!(files_containing(dir.path(), "fake-secret-for-tests-ak").is_empty());
    assert_eq!(fingerprint(&cli_config()), before);
    store.delete(&id).unwrap();
    assert!(keychain.get(id.as_str()).unwrap().is_none());
}
