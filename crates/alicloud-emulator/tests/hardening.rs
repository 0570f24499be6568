//! Issue 13: the emulator under abuse, closer to the real gateway. Each test names the defect
//! it covers; all run in process (router) or against 127.0.0.1 only, bounded in count and time.

mod common;

use alicloud_api::signing;
use axum::body::Body;
use common::{HZ, Sig, VPC, demo};
use http::Request;

/// A V3 request for `action` whose `Authorization` signs only the headers `keep` accepts
/// (correctly, over those headers): what an attacker holding a captured request can build.
fn v3_signing_only(
    c: &common::Client,
    action: &str,
    params: &[(&str, &str)],
    keep: impl Fn(&str) -> bool,
) -> Request<Body> {
    let query: Vec<(String, String)> = params
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let headers: Vec<(String, String)> = vec![
        ("host".into(), "127.0.0.1:8080".into()),
        ("x-acs-action".into(), action.into()),
        ("x-acs-version".into(), VPC.into()),
        ("x-acs-date".into(), common::now()),
        (
            "x-acs-signature-nonce".into(),
            uuid::Uuid::new_v4().simple().to_string(),
        ),
        (
            "x-acs-content-sha256".into(),
            signing::EMPTY_PAYLOAD_SHA256.into(),
        ),
    ];
    let signed: Vec<String> = headers
        .iter()
        .map(|(k, _)| k.clone())
        .filter(|k| keep(k))
        .collect();
    let canonical = signing::v3_canonical_request(&signing::V3Input {
        method: "POST",
        path: "/",
        query: &query,
        headers: &headers,
        signed_headers: &signed,
        payload_hash: signing::EMPTY_PAYLOAD_SHA256,
    });
    let sig = signing::v3_signature(&c.secret, &signing::v3_string_to_sign(&canonical));
    let mut b = Request::post(format!("/?{}", signing::canonical_query(&query)));
    for (k, v) in &headers {
        b = b.header(k, v);
    }
    b.header(
        "authorization",
        signing::v3_authorization(&c.ak, &signed, &sig),
    )
    .body(Body::empty())
    .unwrap()
}

/// (4) Every `x-acs-*` header present, and `host`, must be signed: `SignedHeaders=host` or an
/// empty list would let a captured request be replayed with a fresh nonce and date.
#[tokio::test]
async fn v3_requests_must_sign_every_acs_header() {
    let c = demo();
    let params = [HZ];
    for keep in [
        (|h: &str| h == "host") as fn(&str) -> bool,
        |_: &str| false,
        |h: &str| h != "x-acs-action",
    ] {
        let r = c
            .send(v3_signing_only(&c, "DescribeEipAddresses", &params, keep))
            .await;
        assert_eq!(r.status, 400, "{}", r.text);
        assert_eq!(r.code(), "IncompleteSignature", "{}", r.text);
    }
    let r = c
        .send(v3_signing_only(&c, "DescribeEipAddresses", &params, |_| {
            true
        }))
        .await;
    assert_eq!(r.status, 200, "{}", r.text);
}

/// (8) A signed `HEAD` runs nothing: 405, no body, no new EIP.
#[tokio::test]
async fn a_signed_head_request_runs_nothing() {
    let c = demo().with_sig(Sig::V1);
    let get = c.build(VPC, "AllocateEipAddress", &[HZ]);
    // Re-sign the same parameters for HEAD (V1 signs the method).
    let uri = get.uri().to_string();
    let query: Vec<(String, String)> =
        serde_urlencoded::from_str(uri.trim_start_matches("/?")).unwrap();
    let mut unsigned: Vec<(String, String)> = query
        .into_iter()
        .filter(|(k, _)| k != "Signature")
        .collect();
    let sts = signing::v1_string_to_sign("HEAD", &unsigned);
    unsigned.push(("Signature".into(), signing::v1_signature(&c.secret, &sts)));
    let head = Request::head(format!("/?{}", signing::canonical_query(&unsigned)))
        .body(Body::empty())
        .unwrap();
    let before = c.ok(VPC, "DescribeEipAddresses", &[HZ]).await["TotalCount"].clone();
    let r = c.send(head).await;
    assert_eq!(r.status, 405, "{}", r.text);
    assert!(r.text.is_empty());
    let after = c.ok(VPC, "DescribeEipAddresses", &[HZ]).await["TotalCount"].clone();
    assert_eq!(before, after, "HEAD allocated nothing");
    assert!(
        c.control()
            .requests(0)
            .iter()
            .all(|e| e.action != "AllocateEipAddress")
    );
}

/// (2) The request log keeps no parameters of unauthenticated requests and clips long values
/// of authenticated ones (with their length).
#[tokio::test]
async fn the_request_log_clips_and_drops_parameters() {
    let c = demo();
    let big = "d".repeat(40_000);
    c.ok(
        VPC,
        "DescribeEipAddresses",
        &[HZ, ("Padding", big.as_str())],
    )
    .await;
    let bad = c.with_key(DEMO_AK_UNKNOWN, "nope", None);
    bad.call(
        VPC,
        "DescribeEipAddresses",
        &[HZ, ("Padding", big.as_str())],
    )
    .await;
    let log = c.control().requests(0);
    assert_eq!(log.len(), 2);
    let kept = &log[0].params["Padding"];
    assert!(kept.len() < 200, "clipped: {} bytes", kept.len());
    assert!(kept.ends_with("[truncated, 40000 bytes]"), "{kept}");
    assert!(
        log[1].params.is_empty(),
        "unauthenticated: {:?}",
        log[1].params.keys()
    );
    assert_eq!(log[1].code, "InvalidAccessKeyId.NotFound");
}

const DEMO_AK_UNKNOWN: &str = "LTAI5tNoSuchKey000000";

/// (9) ClientTokens over 64 characters or non-ASCII are refused (and nothing is created).
#[tokio::test]
async fn client_tokens_must_be_short_ascii() {
    let c = demo();
    let long = "t".repeat(65);
    for token in [long.as_str(), "jeton-\u{e9}t\u{e9}"] {
        c.err(
            VPC,
            "AllocateEipAddress",
            &[HZ, ("ClientToken", token)],
            "InvalidParameter",
            400,
        )
        .await;
    }
    let ok = "t".repeat(64);
    c.ok(
        VPC,
        "AllocateEipAddress",
        &[HZ, ("ClientToken", ok.as_str())],
    )
    .await;
}

/// (9) V1 without `SignatureVersion` is refused as the gateway does.
#[tokio::test]
async fn v1_needs_signature_version() {
    let c = demo().with_sig(Sig::V1);
    let req = c.build(VPC, "DescribeRegions", &[]);
    let uri = req.uri().to_string();
    let query: Vec<(String, String)> =
        serde_urlencoded::from_str(uri.trim_start_matches("/?")).unwrap();
    let mut unsigned: Vec<(String, String)> = query
        .into_iter()
        .filter(|(k, _)| k != "Signature" && k != "SignatureVersion")
        .collect();
    let sts = signing::v1_string_to_sign("GET", &unsigned);
    unsigned.push(("Signature".into(), signing::v1_signature(&c.secret, &sts)));
    let r = c
        .send(
            Request::get(format!("/?{}", signing::canonical_query(&unsigned)))
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.code(), "MissingSignatureVersion", "{}", r.text);
    assert_eq!(r.status, 400);
}

/// (9) Unknown paths and methods answer an Alibaba-style body; errors answered before the
/// request is parsed still carry a `HostId`.
#[tokio::test]
async fn unknown_paths_and_early_errors_have_alibaba_bodies() {
    let c = demo();
    let r = c
        .send(
            Request::get("/v1/nothing-here")
                .header("host", "vpc.example.test")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, 404);
    assert_eq!(r.code(), "InvalidAction.NotFound", "{}", r.text);
    assert_eq!(r.json["HostId"], "vpc.example.test");
    assert!(r.json["RequestId"].is_string());
    let r = c
        .send(
            Request::delete("/")
                .header("host", "vpc.example.test")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, 405);
    assert_eq!(r.code(), "UnsupportedHTTPMethod", "{}", r.text);
    let too_big = "A=".to_string() + &"b".repeat(alicloud_emulator::rpc::MAX_BODY + 10);
    let r = c
        .send(
            Request::post("/")
                .header("host", "vpc.example.test")
                .header("content-type", "application/x-www-form-urlencoded")
                .body(Body::from(too_big))
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, 400);
    assert_eq!(r.json["HostId"], "vpc.example.test", "{}", r.text);
}
