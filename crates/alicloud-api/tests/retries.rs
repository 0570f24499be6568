//! Error classes and retries against the fake server: every error kind, retry with
//! `x-acs-retry-after`, ClientToken reuse and fresh nonces across retries, invalid-state
//! retries bounded by the deadline, transport failures (refused, reset, timeout), and the
//! client-side rate limiter.

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use alicloud_api::credentials::StaticCredentials;
use alicloud_api::vpc::{AssociateEipAddressRequest, DescribeEipAddressesRequest};
use alicloud_api::{Client, Error, ErrorKind, RateLimit, Secret, SignatureVersion};
use common::{FakeServer, Reply, eip_page, eips};

fn describe() -> DescribeEipAddressesRequest {
    DescribeEipAddressesRequest::new("cn-hangzhou")
}

fn associate() -> AssociateEipAddressRequest {
    AssociateEipAddressRequest::new("cn-hangzhou", "eip-1", "eni-1")
        .instance_type("NetworkInterface")
        .mode("BINDED")
}

/// Answers with `first` for the first `n` requests of each action, then succeeds.
fn fail_then_ok(
    n: usize,
    first: fn() -> Reply,
) -> impl Fn(&common::Recorded) -> Reply + Send + Sync {
    let all = eips(2);
    move |r| {
        if r.index < n {
            first()
        } else if r.action == "DescribeEipAddresses" {
            eip_page(&all, r)
        } else {
            Reply::ok(serde_json::json!({}))
        }
    }
}

async fn kind_of(reply: fn() -> Reply) -> (ErrorKind, usize) {
    let server = FakeServer::start(move |_| reply()).await;
    let err = common::client(&server, SignatureVersion::V3)
        .describe_eip_addresses(&describe())
        .await
        .unwrap_err();
    (err.kind(), server.requests().len())
}

#[tokio::test]
async fn each_service_error_class() {
    type Case = (fn() -> Reply, ErrorKind, usize);
    let cases: [Case; 7] = [
        (
            || {
                Reply::error(
                    400,
                    "Throttling.User",
                    "Request was denied due to user flow control.",
                )
            },
            ErrorKind::Throttling,
            4,
        ),
        (
            || {
                Reply::error(
                    503,
                    "ServiceUnavailable",
                    "The request has failed due to a temporary failure of the server.",
                )
            },
            ErrorKind::Transient,
            4,
        ),
        (
            || {
                Reply::error(
                    403,
                    "Forbidden.RAM",
                    "User not authorized to operate on the specified resource.",
                )
            },
            ErrorKind::Auth,
            1,
        ),
        (
            || Reply::error(404, "InvalidRegionId.NotFound", "region"),
            ErrorKind::InvalidInput,
            1,
        ),
        (
            || {
                Reply::error(
                    404,
                    "InvalidAllocationId.NotFound",
                    "Specified allocation ID is not found",
                )
            },
            ErrorKind::NotFound,
            1,
        ),
        (
            || {
                Reply::error(
                    400,
                    "IncorrectEipStatus",
                    "Current elastic IP status does not support this operation",
                )
            },
            ErrorKind::InvalidState,
            1,
        ),
        (
            || Reply::error(400, "InvalidParameter", "bad"),
            ErrorKind::InvalidInput,
            1,
        ),
    ];
    for (reply, kind, attempts) in cases {
        assert_eq!(kind_of(reply).await, (kind, attempts));
    }
    // A 502 whose body is not JSON is transient too, and keeps the body as message.
    assert_eq!(
        kind_of(|| Reply::raw(502, "<html>bad gateway</html>")).await,
        (ErrorKind::Transient, 4)
    );
}

#[tokio::test]
async fn wrong_secret_is_an_auth_error() {
    let server = FakeServer::start(|_| Reply::ok(serde_json::json!({}))).await;
    for version in [SignatureVersion::V3, SignatureVersion::V1] {
        let client = Client::builder(Arc::new(StaticCredentials::new(
            common::AK,
            Secret::new("wrong".into()),
        )))
        .endpoint_override(&server.base_url)
        .signature_version(version)
        .build()
        .unwrap();
        let err = client
            .describe_eip_addresses(&describe())
            .await
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Auth);
        assert_eq!(err.code(), Some("SignatureDoesNotMatch"));
    }
}

#[tokio::test]
async fn decode_errors_are_typed() {
    let server = FakeServer::start(|r| {
        if r.index == 0 {
            Reply::raw(200, "not json")
        } else {
            Reply::ok(serde_json::json!({"RequestId": "req-bad", "TotalCount": "many"}))
        }
    })
    .await;
    let client = common::client(&server, SignatureVersion::V3);
    let err = client
        .describe_eip_addresses(&describe())
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Decode);
    let err = client
        .describe_eip_addresses(&describe())
        .await
        .unwrap_err();
    assert!(
        matches!(&err, Error::Decode { request_id, .. } if request_id == "req-bad"),
        "{err:?}"
    );
    assert_eq!(server.requests().len(), 2, "decode errors are not retried");
}

#[tokio::test]
async fn retry_after_header_is_honoured_with_fresh_nonces() {
    let server = FakeServer::start(fail_then_ok(2, || {
        Reply::error(
            400,
            "Throttling",
            "Request was denied due to request throttling.",
        )
        .with_header("x-acs-retry-after", "40")
    }))
    .await;
    let logs = common::LogBuffer::default();
    let _guard = tracing::subscriber::set_default(common::log_subscriber(&logs));
    for version in [SignatureVersion::V3, SignatureVersion::V1] {
        let page = common::client(&server, version)
            .describe_eip_addresses(&describe())
            .await
            .unwrap();
        assert_eq!(page.total_count, 2);
    }
    let seen = server.requests();
    assert_eq!(
        seen.len(),
        4,
        "two throttled attempts and a success, then the second client succeeds at once"
    );
    assert_eq!(seen[3].signature_version, "V1");
    let mut nonces: Vec<&str> = seen[..3]
        .iter()
        .map(|r| {
            r.header("x-acs-signature-nonce")
                .or(r.param("SignatureNonce"))
                .unwrap()
        })
        .collect();
    nonces.sort();
    nonces.dedup();
    assert_eq!(nonces.len(), 3, "every attempt has its own nonce");
    assert!(
        seen.iter()
            .all(|r| r.header("x-acs-date").or(r.param("Timestamp")).is_some())
    );
    // The retry waited the server's 40 ms, not the 2-5 ms first backoff of the policy.
    let text = logs.text();
    assert_eq!(text.matches("delay_ms=40").count(), 2, "{text}");
}

#[tokio::test]
async fn client_token_is_kept_across_transient_retries() {
    let server = FakeServer::start(fail_then_ok(2, || {
        Reply::error(503, "ServiceUnavailable", "busy")
    }))
    .await;
    let client = common::client(&server, SignatureVersion::V1);
    client.associate_eip_address(&associate()).await.unwrap();
    let seen = server.requests_for("AssociateEipAddress");
    assert_eq!(seen.len(), 3);
    let token = seen[0].param("ClientToken").unwrap();
    assert!(!token.is_empty());
    assert!(seen.iter().all(|r| r.param("ClientToken") == Some(token)));
    let nonces: std::collections::HashSet<_> =
        seen.iter().map(|r| r.param("SignatureNonce")).collect();
    assert_eq!(nonces.len(), 3);
}

#[tokio::test]
async fn invalid_state_codes_are_retried_per_action_until_the_deadline() {
    // Listed for AssociateEipAddress: retried, then succeeds.
    let server = FakeServer::start(fail_then_ok(2, || {
        Reply::error(400, "IncorrectEipStatus", "busy")
    }))
    .await;
    let client = common::client(&server, SignatureVersion::V3);
    client
        .associate_eip_address(&associate().client_token("journal-token"))
        .await
        .unwrap();
    let seen = server.requests_for("AssociateEipAddress");
    assert_eq!(seen.len(), 3);
    assert!(
        seen.iter()
            .all(|r| r.param("ClientToken") == Some("journal-token")),
        "caller's token never changes"
    );
    // Not listed for DescribeEipAddresses: no retry.
    let server = FakeServer::start(fail_then_ok(1, || {
        Reply::error(400, "IncorrectEipStatus", "busy")
    }))
    .await;
    let err = common::client(&server, SignatureVersion::V3)
        .describe_eip_addresses(&describe())
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidState);
    assert_eq!(server.requests().len(), 1);
    // Eni.Attached is a precondition failure, never retried.
    let server =
        FakeServer::start(|_| Reply::error(400, "Eni.Attached", "The eni should be detached"))
            .await;
    let err = common::client(&server, SignatureVersion::V3)
        .associate_eip_address(&associate())
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some("Eni.Attached"));
    assert_eq!(server.requests().len(), 1);
    // Always busy: stops at the deadline (200 ms at 10 ms intervals) with the last error.
    let server =
        FakeServer::start(|_| Reply::error(400, "TaskConflict", "The eip operate too frequent"))
            .await;
    let err = common::client(&server, SignatureVersion::V3)
        .associate_eip_address(&associate())
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some("TaskConflict"));
    let attempts = server.requests().len();
    // The generated token is renewed after a definitive refusal (as Terraform does); a
    // caller's token (above) never changes.
    let tokens: std::collections::HashSet<_> = server
        .requests()
        .iter()
        .map(|r| r.param("ClientToken").unwrap().to_string())
        .collect();
    assert_eq!(tokens.len(), attempts);
    assert!((2..=21).contains(&attempts), "{attempts}");
}

/// A TCP server that accepts connections and then either closes them or stalls.
async fn broken_server(stall: bool) -> (String, Arc<AtomicUsize>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let accepted = Arc::new(AtomicUsize::new(0));
    let count = accepted.clone();
    tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((socket, _)) = listener.accept().await {
            count.fetch_add(1, Ordering::SeqCst);
            if stall {
                held.push(socket);
            } else {
                drop(socket);
            }
        }
    });
    (format!("http://{addr}"), accepted)
}

fn client_for(url: &str) -> Client {
    Client::builder(Arc::new(StaticCredentials::new(
        common::AK,
        Secret::new(common::SECRET.into()),
    )))
    .endpoint_override(url)
    .retry_policy(common::fast_retries())
    .timeout(Duration::from_millis(300))
    .rate_limit(None)
    .build()
    .unwrap()
}

#[tokio::test]
async fn transport_failures_are_typed_and_retried() {
    let (url, accepted) = broken_server(false).await;
    let err = client_for(&url)
        .describe_eip_addresses(&describe())
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Transport);
    assert!(err.is_retryable());
    assert_eq!(accepted.load(Ordering::SeqCst), 4, "four attempts");

    let (url, _) = broken_server(true).await;
    let err = client_for(&url)
        .with_retry_policy(alicloud_api::RetryPolicy::none())
        .describe_eip_addresses(&describe())
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::Transport { timeout: true, .. }),
        "{err:?}"
    );

    // Nothing listens on this port once the listener is dropped.
    let closed = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", closed.local_addr().unwrap());
    drop(closed);
    let err = client_for(&url)
        .describe_eip_addresses(&describe())
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Transport);
    assert!(!err.to_string().contains("Signature"), "{err}");
}

#[tokio::test]
async fn rate_limiter_paces_calls_per_action() {
    let all = eips(1);
    let server = FakeServer::start(move |r| eip_page(&all, r)).await;
    let logs = common::LogBuffer::default();
    let _guard = tracing::subscriber::set_default(common::log_subscriber(&logs));
    let client = Client::builder(Arc::new(StaticCredentials::new(
        common::AK,
        Secret::new(common::SECRET.into()),
    )))
    .endpoint_override(&server.base_url)
    .rate_limit(Some(RateLimit {
        per_second: 10.0,
        burst: 1,
    }))
    .build()
    .unwrap();
    // Five concurrent calls reserve their tokens at once: with a burst of 1, four must wait.
    let request = describe();
    let calls = (0..5).map(|_| client.describe_eip_addresses(&request));
    for result in futures::future::join_all(calls).await {
        result.unwrap();
    }
    let text = logs.text();
    assert_eq!(text.matches("rate limited locally").count(), 4, "{text}");
    // A different action has its own bucket and is not delayed.
    let before = logs.text().matches("rate limited locally").count();
    client
        .vpc_describe_regions(&alicloud_api::vpc::DescribeRegionsRequest::new())
        .await
        .unwrap();
    assert_eq!(logs.text().matches("rate limited locally").count(), before);
}
