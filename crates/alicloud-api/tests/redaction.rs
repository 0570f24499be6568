//! Redaction: with every log level on (including the HTTP stack's), calls that succeed, are
//! retried, fail signature checks, assume a role, or fail to connect never write a secret, a
//! security token (raw or percent-encoded) or a signature to the logs or to error messages.

mod common;

use std::sync::Arc;

use alicloud_api::credentials::{RamRoleCredentials, StsTokenCredentials};
use alicloud_api::signing::percent_encode;
use alicloud_api::vpc::DescribeEipAddressesRequest;
use alicloud_api::{Client, Secret, SignatureVersion};
use common::{FakeServer, Reply, eip_page, eips};
use serde_json::json;

const STS_ID: &str = "STS.fake-static";
const STS_SECRET: &str = "fake-sts-secret/with+chars";
const STS_TOKEN: &str = "fake-sts-token/with+chars=";
const ROLE_SECRET: &str = "fake-role-secret-from-assume-role";
const ROLE_TOKEN: &str = "fake-role-token-from-assume-role";

fn sts_client(server_url: &str, version: SignatureVersion, secret: &str) -> Client {
    let provider = StsTokenCredentials::new(
        STS_ID,
        Secret::new(secret.into()),
        Secret::new(STS_TOKEN.into()),
    );
    Client::builder(Arc::new(provider))
        .endpoint_override(server_url)
        .signature_version(version)
        .retry_policy(common::fast_retries())
        .rate_limit(None)
        .build()
        .unwrap()
}

#[tokio::test]
async fn no_secret_token_or_signature_reaches_logs_or_errors() {
    let logs = common::LogBuffer::default();
    tracing::subscriber::set_global_default(common::log_subscriber(&logs)).unwrap();

    let all = eips(2);
    let server = FakeServer::start(move |r| match r.action.as_str() {
        "AssumeRole" => Reply::ok(json!({"RequestId": "req-assume", "Credentials": {
            "AccessKeyId": "STS.role", "AccessKeySecret": ROLE_SECRET,
            "SecurityToken": ROLE_TOKEN, "Expiration": "2099-01-01T00:00:00Z"}})),
        _ if r.index % 2 == 0 && r.index < 4 => {
            Reply::error(400, "Throttling.User", "slow down").with_header("x-acs-retry-after", "5")
        }
        _ => eip_page(&all, r),
    })
    .await;
    server.add_key(STS_ID, STS_SECRET);
    server.add_key("STS.role", ROLE_SECRET);
    let request = DescribeEipAddressesRequest::new("cn-hangzhou");
    let mut error_texts = Vec::new();

    for version in [SignatureVersion::V1, SignatureVersion::V3] {
        // Succeeds after a throttled attempt.
        sts_client(&server.base_url, version, STS_SECRET)
            .describe_eip_addresses(&request)
            .await
            .unwrap();
        // Signature mismatch: the server's message echoes the V1 string to sign (with the token).
        let err = sts_client(&server.base_url, version, "fake-wrong-secret")
            .describe_eip_addresses(&request)
            .await
            .unwrap_err();
        assert_eq!(err.code(), Some("SignatureDoesNotMatch"));
        error_texts.push(format!("{err} {err:?}"));
    }

    // A RAM role: the AssumeRole response body carries a secret and a token.
    let role = RamRoleCredentials::new(
        common::client(&server, SignatureVersion::V3),
        "acs:ram::1:role/r",
        "s",
    );
    let client = Client::builder(Arc::new(role))
        .endpoint_override(&server.base_url)
        .signature_version(SignatureVersion::V1)
        .build()
        .unwrap();
    client.describe_eip_addresses(&request).await.unwrap();
    error_texts.push(format!("{client:?}"));

    // Transport failure with a V1 URL full of secrets.
    let closed = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let dead = format!("http://{}", closed.local_addr().unwrap());
    drop(closed);
    let err = sts_client(&dead, SignatureVersion::V1, STS_SECRET)
        .describe_eip_addresses(&request)
        .await
        .unwrap_err();
    error_texts.push(format!("{err} {err:?}"));

    let text = logs.text();
    // The logs do describe the calls...
    for expected in [
        "DescribeEipAddresses",
        "AssumeRole",
        "attempt=2",
        "latency_ms",
        "request_id=req-ok",
        "Throttling.User",
        "SignatureDoesNotMatch",
    ] {
        assert!(text.contains(expected), "logs lack {expected:?}");
    }
    // ...but never the secrets, tokens or signatures, in any encoding.
    let mut forbidden: Vec<String> = Vec::new();
    for secret in [
        common::SECRET,
        STS_SECRET,
        STS_TOKEN,
        ROLE_SECRET,
        ROLE_TOKEN,
    ] {
        forbidden.push(secret.to_string());
        forbidden.push(percent_encode(secret));
        forbidden.push(percent_encode(&percent_encode(secret)));
    }
    let signatures: Vec<String> = server.requests().into_iter().map(|r| r.signature).collect();
    assert_eq!(
        signatures.len(),
        6,
        "four EIP attempts, AssumeRole, the role call"
    );
    for signature in &signatures {
        forbidden.push(signature.clone());
        forbidden.push(percent_encode(signature));
    }
    for needle in &forbidden {
        assert!(
            !text.contains(needle.as_str()),
            "a log line contains {needle:?}"
        );
        for err in &error_texts {
            assert!(
                !err.contains(needle.as_str()),
                "an error contains {needle:?}: {err}"
            );
        }
    }
}
