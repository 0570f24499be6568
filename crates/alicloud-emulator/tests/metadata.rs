//! The instance metadata endpoints (`EcsRamRole`) over real HTTP: the client's
//! [`RemoteCredentials`] finds the attached role, gets a session the emulator's APIs accept,
//! and the service's real refusals (unknown role 404, bad token TTL 400, unknown token 401).
//! The same document read as a credentials URI works too.

use std::sync::Arc;

use alicloud_api::Client;
use alicloud_api::credentials::{CredentialsProvider, RemoteCredentials, RemoteSource};
use alicloud_emulator::{DEMO_ROLE_NAME, EmulatorConfig, RunningEmulator};

async fn emulator() -> RunningEmulator {
    alicloud_emulator::start(EmulatorConfig::default(), "127.0.0.1:0".parse().unwrap())
        .await
        .unwrap()
}

async fn caller_arn(emu: &RunningEmulator, provider: Arc<dyn CredentialsProvider>) -> String {
    let client = Client::builder(provider)
        .default_region("cn-hangzhou")
        .endpoint_override(emu.endpoint())
        .build()
        .unwrap();
    client.get_caller_identity().await.unwrap().arn
}

#[tokio::test]
async fn ecs_ram_role_credentials_come_from_the_metadata_endpoint() {
    let emu = emulator().await;
    let provider = Arc::new(RemoteCredentials::new(RemoteSource::EcsMetadata {
        endpoint: emu.endpoint(),
        role: None,
    }));
    let c = provider.credentials().await.unwrap();
    assert!(c.access_key_id.starts_with("STS."));
    let lifetime = c.expiration.unwrap().unix_timestamp() - emu.control().now_ms() / 1000;
    assert!((21590..=21600).contains(&lifetime), "{lifetime}");
    // Cached: the same session until shortly before it expires.
    assert_eq!(
        provider.credentials().await.unwrap().access_key_id,
        c.access_key_id
    );
    let arn = caller_arn(&emu, provider).await;
    assert!(
        arn.ends_with(&format!(":assumed-role/{DEMO_ROLE_NAME}/ecs-instance")),
        "{arn}"
    );

    let named = RemoteCredentials::new(RemoteSource::EcsMetadata {
        endpoint: emu.endpoint(),
        role: Some("not-attached".into()),
    });
    let err = named.credentials().await.unwrap_err().to_string();
    assert!(err.contains("HTTP 404"), "{err}");

    // The same document as a credentials URI.
    let uri = format!(
        "{}/latest/meta-data/ram/security-credentials/{DEMO_ROLE_NAME}",
        emu.endpoint()
    );
    let by_uri = Arc::new(RemoteCredentials::new(RemoteSource::Uri(uri)));
    assert!(caller_arn(&emu, by_uri).await.contains(":assumed-role/"));
    emu.shutdown().await;
}

#[tokio::test]
async fn metadata_tokens_are_checked_like_the_real_service() {
    let emu = emulator().await;
    let http = reqwest::Client::new();
    let base = emu.endpoint();
    let put = |ttl: Option<&str>| {
        let mut r = http.put(format!("{base}/latest/api/token"));
        if let Some(ttl) = ttl {
            r = r.header("X-aliyun-ecs-metadata-token-ttl-seconds", ttl);
        }
        r.send()
    };
    assert_eq!(put(None).await.unwrap().status(), 400);
    assert_eq!(put(Some("0")).await.unwrap().status(), 400);
    assert_eq!(put(Some("21601")).await.unwrap().status(), 400);
    let token = put(Some("60")).await.unwrap().text().await.unwrap();
    let roles = format!("{base}/latest/meta-data/ram/security-credentials/");
    let with = |t: &str| {
        http.get(&roles)
            .header("X-aliyun-ecs-metadata-token", t)
            .send()
    };
    let ok = with(&token).await.unwrap();
    assert_eq!(ok.status(), 200);
    assert_eq!(ok.text().await.unwrap(), DEMO_ROLE_NAME);
    assert_eq!(with("never-issued").await.unwrap().status(), 401);
    emu.shutdown().await;
}
