//! Credentials providers against the fake server: STS tokens on the wire (V3 headers, V1
//! query), RAM role single-flight refresh with many concurrent callers, refresh ahead of
//! expiry, and AssumeRole failures.

mod common;

use std::sync::Arc;

use alicloud_api::credentials::{CredentialsProvider, RamRoleCredentials, StsTokenCredentials};
use alicloud_api::vpc::DescribeEipAddressesRequest;
use alicloud_api::{Client, CredentialsError, ErrorKind, Secret, SignatureVersion};
use common::{FakeServer, Recorded, Reply, eip_page, eips};
use serde_json::json;
use time::OffsetDateTime;

const ROLE: &str = "acs:ram::1234567890:role/eipdesk-test";

/// Handles AssumeRole (the n-th call hands out `STS.key-n`, expiring after `lifetimes[n]`
/// seconds, the last entry repeating) and DescribeEipAddresses.
fn sts_and_eips(lifetimes: Vec<i64>) -> impl Fn(&Recorded) -> Reply + Send + Sync {
    let all = eips(3);
    move |r| match r.action.as_str() {
        "AssumeRole" => {
            let n = r.index + 1;
            let life = lifetimes[r.index.min(lifetimes.len() - 1)];
            let exp = OffsetDateTime::now_utc() + time::Duration::seconds(life);
            Reply::ok(json!({"RequestId": format!("sts-{n}"),
                "AssumedRoleUser": {"Arn": format!("{ROLE}/s"), "AssumedRoleId": "1:s"},
                "Credentials": {"AccessKeyId": format!("STS.key-{n}"),
                    "AccessKeySecret": format!("fake-sts-secret-{n}"),
                    "SecurityToken": format!("fake-sts-token-{n}"),
                    "Expiration": alicloud_api::request::format_timestamp(exp)}}))
        }
        _ => eip_page(&all, r),
    }
}

fn register_sts_keys(server: &FakeServer, n: usize) {
    for i in 1..=n {
        server.add_key(&format!("STS.key-{i}"), &format!("fake-sts-secret-{i}"));
    }
}

fn role_client(
    server: &FakeServer,
    version: SignatureVersion,
) -> (Client, Arc<RamRoleCredentials>) {
    let sts = common::client(server, SignatureVersion::V3);
    let provider =
        Arc::new(RamRoleCredentials::new(sts, ROLE, "eipdesk-session").duration_seconds(3600u32));
    let client = Client::builder(provider.clone())
        .endpoint_override(&server.base_url)
        .signature_version(version)
        .rate_limit(None)
        .retry_policy(common::fast_retries())
        .build()
        .unwrap();
    (client, provider)
}

#[tokio::test]
async fn sts_token_travels_in_headers_v3_and_query_v1() {
    let server = FakeServer::start(sts_and_eips(vec![3600])).await;
    server.add_key("STS.static", "fake-sts-secret-static");
    for version in [SignatureVersion::V3, SignatureVersion::V1] {
        let provider = StsTokenCredentials::new(
            "STS.static",
            Secret::new("fake-sts-secret-static".into()),
            Secret::new("fake-static-token".into()),
        );
        let client = Client::builder(Arc::new(provider))
            .endpoint_override(&server.base_url)
            .signature_version(version)
            .build()
            .unwrap();
        client
            .describe_eip_addresses(&DescribeEipAddressesRequest::new("cn-hangzhou"))
            .await
            .unwrap();
    }
    let seen = server.requests();
    assert_eq!(
        seen[0].header("x-acs-security-token"),
        Some("fake-static-token")
    );
    assert_eq!(seen[0].header("x-acs-accesskey-id"), Some("STS.static"));
    assert_eq!(seen[1].param("SecurityToken"), Some("fake-static-token"));
    assert_eq!(seen[1].header("x-acs-security-token"), None);
}

#[tokio::test]
async fn many_concurrent_callers_share_one_assume_role() {
    let server = FakeServer::start(sts_and_eips(vec![3600])).await;
    register_sts_keys(&server, 3);
    let (client, provider) = role_client(&server, SignatureVersion::V3);
    let calls = (0..40).map(|_| {
        let client = client.clone();
        async move {
            client
                .describe_eip_addresses(&DescribeEipAddressesRequest::new("cn-hangzhou"))
                .await
        }
    });
    for result in futures::future::join_all(calls).await {
        result.unwrap();
    }
    assert_eq!(server.requests_for("AssumeRole").len(), 1);
    assert_eq!(provider.refresh_count(), 1);
    let describes = server.requests_for("DescribeEipAddresses");
    assert_eq!(describes.len(), 40);
    for r in &describes {
        assert_eq!(r.access_key_id, "STS.key-1");
        assert_eq!(r.header("x-acs-security-token"), Some("fake-sts-token-1"));
    }
    let assume = &server.requests_for("AssumeRole")[0];
    assert_eq!(assume.param("RoleArn"), Some(ROLE));
    assert_eq!(assume.param("RoleSessionName"), Some("eipdesk-session"));
    assert_eq!(assume.param("DurationSeconds"), Some("3600"));
    assert_eq!(assume.header("x-acs-version"), Some("2015-04-01"));
    assert_eq!(assume.access_key_id, common::AK);
}

#[tokio::test]
async fn refreshes_before_expiry_once_for_concurrent_callers() {
    // The first credentials expire in 2 minutes: inside the 3-minute margin.
    let server = FakeServer::start(sts_and_eips(vec![120, 3600])).await;
    register_sts_keys(&server, 3);
    let (client, provider) = role_client(&server, SignatureVersion::V1);
    let first = provider.credentials().await.unwrap();
    assert_eq!(first.access_key_id, "STS.key-1");
    let calls = (0..25).map(|_| {
        let client = client.clone();
        async move {
            client
                .describe_eip_addresses(&DescribeEipAddressesRequest::new("cn-hangzhou"))
                .await
        }
    });
    for result in futures::future::join_all(calls).await {
        result.unwrap();
    }
    assert_eq!(
        server.requests_for("AssumeRole").len(),
        2,
        "exactly one refresh"
    );
    for r in server.requests_for("DescribeEipAddresses") {
        assert_eq!(r.access_key_id, "STS.key-2");
        assert_eq!(r.param("SecurityToken"), Some("fake-sts-token-2"));
    }
    // The new credentials last an hour: no further refresh.
    provider.credentials().await.unwrap();
    assert_eq!(provider.refresh_count(), 2);
}

#[tokio::test]
async fn larger_refresh_margin_refreshes_earlier() {
    let server = FakeServer::start(sts_and_eips(vec![600, 600, 3600])).await;
    register_sts_keys(&server, 3);
    let sts = common::client(&server, SignatureVersion::V3);
    let default_margin = RamRoleCredentials::new(sts.clone(), ROLE, "s");
    default_margin.credentials().await.unwrap();
    default_margin.credentials().await.unwrap();
    assert_eq!(
        default_margin.refresh_count(),
        1,
        "10 minutes left is outside 3 minutes"
    );
    let wide = RamRoleCredentials::new(sts, ROLE, "s")
        .refresh_ahead(std::time::Duration::from_secs(15 * 60));
    wide.credentials().await.unwrap();
    wide.credentials().await.unwrap();
    assert_eq!(wide.refresh_count(), 2);
}

#[tokio::test]
async fn assume_role_failure_is_a_credentials_error() {
    let server = FakeServer::start(|_| {
        Reply::error(
            403,
            "NoPermission",
            "You are not authorized to do this action.",
        )
    })
    .await;
    let (client, provider) = role_client(&server, SignatureVersion::V3);
    let err = client
        .describe_eip_addresses(&DescribeEipAddressesRequest::new("cn-hangzhou"))
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Credentials);
    match provider.credentials().await.unwrap_err() {
        CredentialsError::AssumeRole { role_arn, source } => {
            assert_eq!(role_arn, ROLE);
            assert_eq!(source.kind(), ErrorKind::Auth);
            assert_eq!(source.code(), Some("NoPermission"));
        }
        other => panic!("unexpected {other:?}"),
    }
    assert!(server.requests_for("DescribeEipAddresses").is_empty());
}
