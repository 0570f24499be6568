//! OIDC role profiles: validation of the ARNs and the token file, nothing in the keychain,
//! the settings surviving a reopen, the import of an aliyun CLI `OIDC` profile, and a real
//! connection through `AssumeRoleWithOIDC` against the in-process emulator.

mod profiles_support;

use std::path::Path;
use std::sync::Arc;

use alicloud_emulator::oidc::{DEMO_OIDC_CLIENT_ID, DEMO_OIDC_ISSUER, unsigned_token};
use alicloud_emulator::{DEMO_ACCOUNT_ID, DEMO_ROLE_NAME, EmulatorConfig, RunningEmulator};
use eipdesk_core::profiles::import::{self, ImportSources, SourceKind};
use eipdesk_core::profiles::{
    AuthMode, ConnectOptions, EnvLabel, ModeSettings, NewCredentials, NewProfile, OidcSettings,
    ProfileError, ProfileStore, client_for, test_connection,
};
use profiles_support::TestSecretStore;
use profiles_support::import_fixtures::{by_name, candidates, select};

fn token_file(dir: &Path, valid_until_s: i64) -> String {
    let path = dir.join("oidc-token");
    let t = unsigned_token(DEMO_OIDC_ISSUER, DEMO_OIDC_CLIENT_ID, "ci", valid_until_s);
    std::fs::write(&path, t).unwrap();
    path.to_string_lossy().into_owned()
}

fn oidc(token_file: &str) -> NewCredentials {
    NewCredentials::Oidc {
        oidc_provider_arn: alicloud_emulator::demo_oidc_provider_arn(),
        oidc_token_file: token_file.into(),
        role_arn: alicloud_emulator::demo_role_arn(),
        session_name: "ci-deployer".into(),
        duration_seconds: Some(900),
    }
}

fn new_profile(name: &str, credentials: NewCredentials) -> NewProfile {
    NewProfile {
        name: name.into(),
        region: "cn-hangzhou".into(),
        label: EnvLabel::Test,
        credentials,
    }
}

fn field_of(err: ProfileError) -> &'static str {
    err.field()
        .unwrap_or_else(|| panic!("not a field error: {err:?}"))
}

#[test]
fn settings_are_validated_and_nothing_goes_to_the_keychain() {
    let dir = tempfile::tempdir().unwrap();
    let secrets = Arc::new(TestSecretStore::default());
    let mut store = ProfileStore::open(dir.path(), secrets.clone()).unwrap();
    let file = token_file(dir.path(), 4_000_000_000);

    let bad = |c: NewCredentials| {
        field_of(
            ProfileStore::open(dir.path(), secrets.clone())
                .unwrap()
                .create(new_profile("bad", c))
                .unwrap_err(),
        )
    };
    let mut c = oidc(&file);
    if let NewCredentials::Oidc {
        oidc_provider_arn, ..
    } = &mut c
    {
        *oidc_provider_arn = "acs:ram::123:role/not-a-provider".into();
    }
    assert_eq!(bad(c), "oidcProviderArn");
    let mut c = oidc(&file);
    if let NewCredentials::Oidc { role_arn, .. } = &mut c {
        *role_arn = "acs:ram::123:oidc-provider/x".into();
    }
    assert_eq!(bad(c), "roleArn");
    for path in [
        "relative/token",
        "/nonexistent/eipdesk/token",
        dir.path().to_str().unwrap(),
    ] {
        let err = ProfileStore::open(dir.path(), secrets.clone())
            .unwrap()
            .create(new_profile("bad", oidc(path)))
            .unwrap_err();
        assert_eq!(err.field(), Some("oidcTokenFile"), "{path}");
        assert!(err.to_string().contains("OIDC token file: "), "{err}");
    }

    let created = store.create(new_profile("ci role", oidc(&file))).unwrap();
    assert_eq!(created.mode, AuthMode::Oidc);
    let role = created.role.as_ref().unwrap();
    assert_eq!(role.oidc_token_file.as_deref(), Some(file.as_str()));
    assert_eq!(store.secrets(&created.id).unwrap().map(|_| ()), None);
    assert!(
        secrets.items.lock().unwrap().is_empty(),
        "keychain untouched"
    );

    let reopened = ProfileStore::open(dir.path(), secrets.clone()).unwrap();
    assert_eq!(
        reopened.get(&created.id).unwrap().settings,
        ModeSettings::Oidc(OidcSettings {
            provider_arn: alicloud_emulator::demo_oidc_provider_arn(),
            role_arn: alicloud_emulator::demo_role_arn(),
            token_file: file,
            session_name: "ci-deployer".into(),
            duration_seconds: 900,
        })
    );
}

#[test]
fn an_aliyun_cli_oidc_profile_imports() {
    let dir = tempfile::tempdir().unwrap();
    let file = token_file(dir.path(), 4_000_000_000);
    let config = dir.path().join("config.json");
    let entry = serde_json::json!({
        "current": "rrsa",
        "profiles": [
            {"name": "rrsa", "mode": "OIDC", "region_id": "cn-shanghai",
             "oidc_provider_arn": alicloud_emulator::demo_oidc_provider_arn(),
             "oidc_token_file": file, "ram_role_arn": alicloud_emulator::demo_role_arn(),
             "ram_session_name": "from-cli"},
            {"name": "rrsa-no-file", "mode": "OIDC", "region_id": "cn-shanghai",
             "oidc_provider_arn": alicloud_emulator::demo_oidc_provider_arn(),
             "ram_role_arn": alicloud_emulator::demo_role_arn()}
        ]
    });
    std::fs::write(&config, entry.to_string()).unwrap();
    let sources = ImportSources {
        aliyun_config: Some(config),
        credentials_file: None,
        env: None,
    };
    let report = import::scan(&sources);
    let list = candidates(&report, SourceKind::AliyunCli);
    let ok = by_name(&list, "rrsa");
    assert!(ok.importable, "{ok:?}");
    assert_eq!(ok.mode, Some(AuthMode::Oidc));
    assert_eq!(
        ok.role_arn.as_deref(),
        Some(alicloud_emulator::demo_role_arn().as_str())
    );
    let missing = by_name(&list, "rrsa-no-file");
    assert_eq!(missing.reason_code.as_deref(), Some("import.missing_field"));
    assert!(
        missing
            .reason
            .as_deref()
            .unwrap()
            .contains("oidc_token_file")
    );

    let store_dir = tempfile::tempdir().unwrap();
    let mut store =
        ProfileStore::open(store_dir.path(), Arc::new(TestSecretStore::default())).unwrap();
    let result = import::import(&sources, &select(&["aliyun-cli:rrsa"]), &mut store);
    assert_eq!(result.imported.len(), 1, "{result:?}");
    let p = &result.imported[0].profile;
    assert_eq!((p.mode, p.region.as_str()), (AuthMode::Oidc, "cn-shanghai"));
    let ModeSettings::Oidc(s) = &store.get(&p.id).unwrap().settings else {
        panic!("not OIDC");
    };
    assert_eq!(
        (s.token_file.as_str(), s.session_name.as_str()),
        (file.as_str(), "from-cli")
    );
}

async fn emulator() -> RunningEmulator {
    alicloud_emulator::start(EmulatorConfig::default(), "127.0.0.1:0".parse().unwrap())
        .await
        .unwrap()
}

#[tokio::test]
async fn an_oidc_profile_connects_through_assume_role_with_oidc() {
    let emu = emulator().await;
    let dir = tempfile::tempdir().unwrap();
    let file = token_file(dir.path(), emu.control().now_ms() / 1000 + 600);
    let mut store = ProfileStore::open(dir.path(), Arc::new(TestSecretStore::default())).unwrap();
    let id = store
        .create(new_profile("ci role", oidc(&file)))
        .unwrap()
        .id;
    let opts = ConnectOptions {
        endpoint_override: Some(emu.endpoint()),
        sandbox: None,
        signature_version: None,
    };
    let client = client_for(&store, &id, &opts).unwrap();
    let report = test_connection(&client).await.unwrap();
    assert_eq!(report.identity_type, "AssumedRoleUser");
    assert_eq!(
        report.arn,
        format!("acs:ram::{DEMO_ACCOUNT_ID}:assumed-role/{DEMO_ROLE_NAME}/ci-deployer")
    );
    let lifetime =
        report.credentials_expire.unwrap().unix_timestamp() - emu.control().now_ms() / 1000;
    assert!((890..=900).contains(&lifetime), "{lifetime}");
    let calls: Vec<_> = emu
        .control()
        .requests(0)
        .into_iter()
        .filter(|e| e.action == "AssumeRoleWithOIDC")
        .collect();
    assert_eq!(calls.len(), 1);
    assert_eq!(calls[0].signature, "", "sent unsigned");
    emu.shutdown().await;
}
