//! Profiles → credentials providers → real signed HTTP calls against the in-process
//! emulator: connection tests for every mode, and RAM role caching/refresh at core level.

mod profiles_support;

use std::sync::Arc;
use std::time::Duration;

use alicloud_api::Secret;
use alicloud_emulator::{
    DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET, DEMO_ACCOUNT_ID, DEMO_ROLE_NAME, EmulatorConfig,
    RunningEmulator,
};
use eipdesk_core::profiles::{
    ConnectOptions, EnvLabel, NewCredentials, NewProfile, NewRoleSource, ProfileId, ProfileStore,
    ProviderCache, SandboxAccess, client_for, client_with, test_connection,
};
use profiles_support::TestSecretStore;

async fn emulator() -> RunningEmulator {
    alicloud_emulator::start(EmulatorConfig::default(), "127.0.0.1:0".parse().unwrap())
        .await
        .unwrap()
}

fn options(emu: &RunningEmulator) -> ConnectOptions {
    ConnectOptions {
        endpoint_override: Some(emu.endpoint()),
        sandbox: Some(SandboxAccess {
            endpoint: emu.endpoint(),
            access_key_id: DEMO_ACCESS_KEY_ID.into(),
            access_key_secret: Secret::new(DEMO_ACCESS_KEY_SECRET.into()),
        }),
        signature_version: None,
    }
}

fn role_arn() -> String {
    format!("acs:ram::{DEMO_ACCOUNT_ID}:role/{DEMO_ROLE_NAME}")
}

fn assume_role_calls(emu: &RunningEmulator) -> usize {
    emu.control()
        .requests(0)
        .iter()
        .filter(|e| e.action == "AssumeRole" && e.code == "OK")
        .count()
}

struct Setup {
    _dir: tempfile::TempDir,
    store: ProfileStore,
    ak: ProfileId,
    role: ProfileId,
}

fn setup() -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let mut store = ProfileStore::open(dir.path(), Arc::new(TestSecretStore::default())).unwrap();
    let ak = store
        .create(NewProfile {
            name: "demo key".into(),
            region: "cn-hangzhou".into(),
            label: EnvLabel::Test,
            credentials: NewCredentials::AccessKey {
                access_key_id: DEMO_ACCESS_KEY_ID.into(),
                access_key_secret: Secret::from(DEMO_ACCESS_KEY_SECRET),
            },
        })
        .unwrap()
        .id;
    let role = store
        .create(NewProfile {
            name: "admin role".into(),
            region: "cn-shanghai".into(),
            label: EnvLabel::Production,
            credentials: NewCredentials::RamRole {
                source: NewRoleSource::Profile {
                    profile_id: ak.clone(),
                },
                role_arn: role_arn(),
                session_name: "eipdesk-test".into(),
                duration_seconds: Some(1800),
                external_id: None,
            },
        })
        .unwrap()
        .id;
    Setup {
        _dir: dir,
        store,
        ak,
        role,
    }
}

#[tokio::test]
async fn sandbox_and_access_key_profiles_identify_the_account() {
    let emu = emulator().await;
    let mut s = setup();
    let opts = options(&emu);
    for id in [ProfileId::sandbox(), s.ak.clone()] {
        let client = client_for(&s.store, &id, &opts).unwrap();
        let report = test_connection(&client).await.unwrap();
        assert_eq!(report.account_id, DEMO_ACCOUNT_ID);
        assert_eq!(report.identity_type, "RAMUser");
        assert!(
            report
                .arn
                .starts_with(&format!("acs:ram::{DEMO_ACCOUNT_ID}:user/"))
        );
        assert_eq!(report.credentials_expire, None);
        assert!(!report.request_id.is_empty());
        s.store.record_account(&id, &report.account_id).unwrap();
    }
    assert_eq!(
        s.store.search(DEMO_ACCOUNT_ID).len(),
        2,
        "account IDs are searchable"
    );
    emu.shutdown().await;
}

#[tokio::test]
async fn ram_role_profile_shows_the_assumed_role_and_its_expiry() {
    let emu = emulator().await;
    let s = setup();
    let client = client_for(&s.store, &s.role, &options(&emu)).unwrap();
    let report = test_connection(&client).await.unwrap();
    assert_eq!(report.identity_type, "AssumedRoleUser");
    assert_eq!(
        report.arn,
        format!("acs:ram::{DEMO_ACCOUNT_ID}:assumed-role/{DEMO_ROLE_NAME}/eipdesk-test")
    );
    assert!(report.role_id.is_some());
    let expires = report
        .credentials_expire
        .expect("temporary credentials expire");
    // DurationSeconds=1800 on the emulator's clock (Expiration has whole seconds).
    let lifetime = expires.unix_timestamp() - emu.control().now_ms() / 1000;
    assert!((1790..=1800).contains(&lifetime), "lifetime {lifetime}");
    let json = serde_json::to_value(&report).unwrap();
    assert!(json["credentialsExpire"].as_str().unwrap().ends_with('Z'));
    emu.shutdown().await;
}

#[tokio::test]
async fn sts_token_profile_uses_its_token() {
    let emu = emulator().await;
    let mut s = setup();
    // Obtain a real STS token from the emulator, then store it as an StsToken profile.
    let role_client = client_for(&s.store, &s.role, &options(&emu)).unwrap();
    let creds = role_client
        .credentials_provider()
        .credentials()
        .await
        .unwrap();
    let sts = s
        .store
        .create(NewProfile {
            name: "sts".into(),
            region: "cn-hangzhou".into(),
            label: EnvLabel::None,
            credentials: NewCredentials::StsToken {
                access_key_id: creds.access_key_id.clone(),
                access_key_secret: Secret::from(creds.access_key_secret.expose()),
                security_token: Secret::from(creds.security_token.as_ref().unwrap().expose()),
                expiration: creds.expiration,
            },
        })
        .unwrap();
    assert_eq!(
        sts.access_key_id_masked.as_deref().map(|m| &m[..4]),
        Some("STS.")
    );
    let client = client_for(&s.store, &sts.id, &options(&emu)).unwrap();
    let report = test_connection(&client).await.unwrap();
    assert_eq!(report.identity_type, "AssumedRoleUser");
    assert_eq!(report.credentials_expire, creds.expiration);
    emu.shutdown().await;
}

#[tokio::test]
async fn concurrent_calls_share_one_assume_role() {
    let emu = emulator().await;
    let s = setup();
    let opts = options(&emu);
    let cache = ProviderCache::default();
    let provider = cache.get_or_build(&s.store, &s.role, &opts).unwrap();
    let again = cache.get_or_build(&s.store, &s.role, &opts).unwrap();
    assert!(Arc::ptr_eq(&provider, &again), "one provider per profile");
    let client = client_with(&s.store, &s.role, provider, &opts).unwrap();
    let calls = (0..16).map(|_| {
        let c = client.clone();
        tokio::spawn(async move { c.get_caller_identity().await })
    });
    for result in futures::future::join_all(calls).await {
        assert_eq!(result.unwrap().unwrap().identity_type, "AssumedRoleUser");
    }
    assert_eq!(assume_role_calls(&emu), 1);
    emu.shutdown().await;
}

#[tokio::test]
async fn role_credentials_refresh_before_they_expire() {
    let emu = emulator().await;
    let s = setup();
    let opts = options(&emu);
    // Tokens that live 2 minutes are inside the 3-minute refresh margin from the start, so
    // every use refreshes them while they are still valid.
    emu.control()
        .set_sts_token_lifetime(Some(Duration::from_secs(120)));
    let client = client_for(&s.store, &s.role, &opts).unwrap();
    client.get_caller_identity().await.unwrap();
    client.get_caller_identity().await.unwrap();
    assert_eq!(assume_role_calls(&emu), 2);
    // With the normal lifetime the cached credentials are reused.
    emu.control().set_sts_token_lifetime(None);
    let client = client_for(&s.store, &s.role, &opts).unwrap();
    client.get_caller_identity().await.unwrap();
    client.get_caller_identity().await.unwrap();
    assert_eq!(assume_role_calls(&emu), 3);
    emu.shutdown().await;
}

#[tokio::test]
async fn provider_cache_follows_profile_edits() {
    let emu = emulator().await;
    let mut s = setup();
    let opts = options(&emu);
    let cache = ProviderCache::default();
    let before = cache.get_or_build(&s.store, &s.role, &opts).unwrap();
    s.store.rename(&s.role, "renamed role").unwrap();
    let after = cache.get_or_build(&s.store, &s.role, &opts).unwrap();
    assert!(!Arc::ptr_eq(&before, &after));
    s.store.set_active(&s.role).unwrap();
    let same = cache.get_or_build(&s.store, &s.role, &opts).unwrap();
    assert!(Arc::ptr_eq(&after, &same), "switching does not rebuild");
    emu.shutdown().await;
}

#[tokio::test]
async fn failures_are_typed() {
    let emu = emulator().await;
    let mut s = setup();
    let opts = options(&emu);
    let bad_role = s
        .store
        .create(NewProfile {
            name: "missing role".into(),
            region: "cn-hangzhou".into(),
            label: EnvLabel::None,
            credentials: NewCredentials::RamRole {
                source: NewRoleSource::Profile {
                    profile_id: s.ak.clone(),
                },
                role_arn: format!("acs:ram::{DEMO_ACCOUNT_ID}:role/NoSuchRole"),
                session_name: "eipdesk".into(),
                duration_seconds: None,
                external_id: None,
            },
        })
        .unwrap();
    let client = client_for(&s.store, &bad_role.id, &opts).unwrap();
    let err = test_connection(&client).await.unwrap_err();
    assert_eq!(err.code(), "connect.credentials");
    let api = err.api_error().expect("the STS error is kept");
    assert_eq!(api.code(), Some("EntityNotExist.Role"));
    assert!(api.request_id().is_some());

    let bad_key = s
        .store
        .create(NewProfile {
            name: "wrong secret".into(),
            region: "cn-hangzhou".into(),
            label: EnvLabel::None,
            credentials: NewCredentials::AccessKey {
                access_key_id: DEMO_ACCESS_KEY_ID.into(),
                access_key_secret: Secret::from("fake-secret-for-tests"),
            },
        })
        .unwrap();
    let client = client_for(&s.store, &bad_key.id, &opts).unwrap();
    let err = test_connection(&client).await.unwrap_err();
    assert_eq!(err.code(), "connect.api");
    assert!(!err.to_string().contains("fake-secret-for-tests"));
    assert!(!err.hint().is_empty());

    let no_sandbox = ConnectOptions::default();
    let err = client_for(&s.store, &ProfileId::sandbox(), &no_sandbox).unwrap_err();
    assert_eq!(err.code(), "connect.sandbox_unavailable");
    emu.shutdown().await;
}
