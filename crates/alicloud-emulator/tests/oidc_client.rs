//! The client's [`OidcCredentials`] over real HTTP against the emulator: the token file is
//! read at each refresh, the call goes out unsigned, the session is cached, the emulator's
//! APIs accept it, and failures keep the STS code and name the token file.

use std::sync::Arc;
use std::time::Duration;

use alicloud_api::Client;
use alicloud_api::credentials::{CredentialsProvider, OidcCredentials};
use alicloud_emulator::oidc::{DEMO_OIDC_CLIENT_ID, DEMO_OIDC_ISSUER, unsigned_token};
use alicloud_emulator::{EmulatorConfig, RunningEmulator};

async fn emulator() -> RunningEmulator {
    alicloud_emulator::start(EmulatorConfig::default(), "127.0.0.1:0".parse().unwrap())
        .await
        .unwrap()
}

fn sts_client(emu: &RunningEmulator) -> Client {
    // Signed with a bogus key on purpose: the provider must send the call unsigned anyway.
    let creds = alicloud_api::credentials::StaticCredentials::new(
        "LTAIdoesnotexist",
        alicloud_api::Secret::new("fake-secret-unused".into()),
    );
    Client::builder(Arc::new(creds))
        .default_region("cn-hangzhou")
        .endpoint_override(emu.endpoint())
        .retry_policy(alicloud_api::RetryPolicy::none())
        .build()
        .unwrap()
}

fn write_token(path: &std::path::Path, emu: &RunningEmulator, aud: &str, valid_s: i64) {
    let now_s = emu.control().now_ms() / 1000;
    let t = unsigned_token(DEMO_OIDC_ISSUER, aud, "ci", now_s + valid_s);
    std::fs::write(path, format!("{t}\n")).unwrap();
}

fn scratch(name: &str) -> tempfile::TempDir {
    tempfile::Builder::new().prefix(name).tempdir().unwrap()
}

#[tokio::test]
async fn a_token_file_yields_a_cached_session_the_apis_accept() {
    let emu = emulator().await;
    let dir = scratch("oidc-ok");
    let file = dir.path().join("token");
    write_token(&file, &emu, DEMO_OIDC_CLIENT_ID, 600);
    let provider = Arc::new(
        OidcCredentials::new(
            &sts_client(&emu),
            alicloud_emulator::demo_oidc_provider_arn(),
            alicloud_emulator::demo_role_arn(),
            &file,
        )
        .role_session_name("ci-job")
        .duration_seconds(900),
    );
    assert!(provider.session_expiry().is_none());
    let c = provider.credentials().await.unwrap();
    assert!(c.access_key_id.starts_with("STS."));
    assert!(provider.session_expiry().is_some());
    assert_eq!(
        provider.credentials().await.unwrap().access_key_id,
        c.access_key_id
    );
    assert_eq!(provider.refresh_count(), 1);

    let log = emu.control().requests(0);
    let call = log
        .iter()
        .find(|e| e.action == "AssumeRoleWithOIDC")
        .unwrap();
    assert_eq!(
        (call.status, call.signature.as_str()),
        (200, ""),
        "{call:?}"
    );
    assert!(call.access_key_id.is_empty());

    let client = Client::builder(provider)
        .default_region("cn-hangzhou")
        .endpoint_override(emu.endpoint())
        .build()
        .unwrap();
    let who = client.get_caller_identity().await.unwrap();
    assert!(
        who.arn.ends_with(":assumed-role/EipDeskAdmin/ci-job"),
        "{}",
        who.arn
    );
}

#[tokio::test]
async fn every_refresh_reads_the_token_file_again() {
    let emu = emulator().await;
    // Sessions shorter than the refresh margin: every call refreshes.
    emu.control()
        .set_sts_token_lifetime(Some(Duration::from_secs(100)));
    let dir = scratch("oidc-rotate");
    let file = dir.path().join("token");
    write_token(&file, &emu, DEMO_OIDC_CLIENT_ID, 600);
    let provider = OidcCredentials::new(
        &sts_client(&emu),
        alicloud_emulator::demo_oidc_provider_arn(),
        alicloud_emulator::demo_role_arn(),
        &file,
    );
    let first = provider.credentials().await.unwrap();
    write_token(&file, &emu, DEMO_OIDC_CLIENT_ID, 600);
    let second = provider.credentials().await.unwrap();
    assert_ne!(first.access_key_id, second.access_key_id);
    assert_eq!(provider.refresh_count(), 2);
    // A rotated token the provider does not trust: the refresh fails at STS (so the file
    // was read again), and the still-valid session is kept.
    write_token(&file, &emu, "someone-else", 600);
    let third = provider.credentials().await.unwrap();
    assert_eq!(third.access_key_id, second.access_key_id);
    let codes: Vec<String> = emu
        .control()
        .requests(0)
        .into_iter()
        .filter(|e| e.action == "AssumeRoleWithOIDC")
        .map(|e| e.code)
        .collect();
    assert_eq!(
        codes,
        ["OK", "OK", "AuthenticationFail.OIDCToken.AudienceNotMatch"]
    );
}

#[tokio::test]
async fn failures_keep_the_sts_code_and_name_the_file() {
    let emu = emulator().await;
    let dir = scratch("oidc-bad");
    let file = dir.path().join("token");
    write_token(&file, &emu, DEMO_OIDC_CLIENT_ID, -5);
    let provider = OidcCredentials::new(
        &sts_client(&emu),
        alicloud_emulator::demo_oidc_provider_arn(),
        alicloud_emulator::demo_role_arn(),
        &file,
    );
    let err = provider.credentials().await.unwrap_err();
    let alicloud_api::CredentialsError::AssumeRole { source, .. } = &err else {
        panic!("{err:?}");
    };
    let api = source.api_error().unwrap();
    assert_eq!(api.code, "AuthenticationFail.OIDCToken.Expired");
    assert!(!api.request_id.is_empty());

    let missing = OidcCredentials::new(
        &sts_client(&emu),
        alicloud_emulator::demo_oidc_provider_arn(),
        alicloud_emulator::demo_role_arn(),
        dir.path().join("absent"),
    );
    let msg = missing.credentials().await.unwrap_err().to_string();
    assert!(
        msg.contains("OIDC token file") && msg.contains("absent"),
        "{msg}"
    );
    let not_file = OidcCredentials::new(
        &sts_client(&emu),
        alicloud_emulator::demo_oidc_provider_arn(),
        alicloud_emulator::demo_role_arn(),
        dir.path(),
    );
    let msg = not_file.credentials().await.unwrap_err().to_string();
    assert!(msg.contains("not a regular file"), "{msg}");
    std::fs::write(&file, "  \n").unwrap();
    let msg = provider.credentials().await.unwrap_err().to_string();
    assert!(msg.contains("empty"), "{msg}");
}
