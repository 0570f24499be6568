//! Gateway behaviour: signatures (V1 and V3), keys, nonces, timestamps, routing errors,
//! parameters from a form body, V3 with a subset of signed headers.

mod common;

use alicloud_api::signing;
use axum::body::Body;
use common::{HZ, Sig, VPC, demo};
use http::Request;

#[tokio::test]
async fn wrong_secret_fails_in_both_versions() {
    let c = demo();
    for sig in [Sig::V1, Sig::V3] {
        let bad = c.with_sig(sig).with_key(
            alicloud_emulator::DEMO_ACCESS_KEY_ID,
            "not-the-secret",
            None,
        );
        let r = bad
            .err(
                VPC,
                "DescribeEipAddresses",
                &[HZ],
                "SignatureDoesNotMatch",
                400,
            )
            .await;
        assert!(
            r.json["Message"]
                .as_str()
                .unwrap()
                .contains("server string to sign is:")
        );
    }
}

#[tokio::test]
async fn unknown_key() {
    let c = demo().with_key("LTAI5tNobodyHere000000", "x", None);
    c.err(
        VPC,
        "DescribeEipAddresses",
        &[HZ],
        "InvalidAccessKeyId.NotFound",
        404,
    )
    .await;
}

#[tokio::test]
async fn nonce_reuse_is_rejected() {
    for sig in [Sig::V1, Sig::V3] {
        let mut c = demo().with_sig(sig);
        c.nonce = Some(format!("fixed-nonce-{sig:?}"));
        c.ok(VPC, "DescribeRegions", &[]).await;
        c.err(VPC, "DescribeRegions", &[], "SignatureNonceUsed", 400)
            .await;
    }
}

#[tokio::test]
async fn timestamps_are_checked() {
    for sig in [Sig::V1, Sig::V3] {
        let mut c = demo().with_sig(sig);
        c.timestamp = Some("2020-01-01T00:00:00Z".into());
        c.err(VPC, "DescribeRegions", &[], "InvalidTimeStamp.Expired", 400)
            .await;
        c.timestamp = Some("yesterday".into());
        c.err(VPC, "DescribeRegions", &[], "InvalidTimeStamp.Format", 400)
            .await;
    }
}

#[tokio::test]
async fn routing_errors() {
    let c = demo();
    c.err(VPC, "DescribeToasters", &[], "InvalidAction.NotFound", 404)
        .await;
    c.err("2099-01-01", "DescribeRegions", &[], "InvalidVersion", 400)
        .await;
    c.err(VPC, "DescribeVpcs", &[], "MissingRegionId", 400)
        .await;
    // Unsigned request.
    let r = c
        .send(
            Request::get("/?Action=DescribeRegions&Version=2016-04-28")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!((r.status, r.code()), (400, "MissingAccessKeyId"));
}

#[tokio::test]
async fn v1_over_a_form_body() {
    let c = demo();
    let mut params: Vec<(String, String)> = [
        ("Action", "DescribeEipAddresses"),
        ("Version", VPC),
        ("Format", "json"),
        ("AccessKeyId", alicloud_emulator::DEMO_ACCESS_KEY_ID),
        ("SignatureMethod", "HMAC-SHA1"),
        ("SignatureVersion", "1.0"),
        ("SignatureNonce", "form-nonce-1"),
        ("Timestamp", &common::now()),
        ("RegionId", "cn-shanghai"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    let sts = signing::v1_string_to_sign("POST", &params);
    params.push((
        "Signature".into(),
        signing::v1_signature(alicloud_emulator::DEMO_ACCESS_KEY_SECRET, &sts),
    ));
    let (query, form) = params.split_at(3);
    let req = Request::post(format!("/?{}", signing::canonical_query(query)))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(Body::from(signing::canonical_query(form)))
        .unwrap();
    let r = c.send(req).await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(r.json["TotalCount"], 3, "cn-shanghai from the form body");
}

#[tokio::test]
async fn v3_rebuilds_from_the_listed_signed_headers_only() {
    let c = demo();
    let query = vec![("RegionId".to_string(), "cn-hangzhou".to_string())];
    let headers: Vec<(String, String)> = vec![
        ("host".into(), "vpc.aliyuncs.com".into()),
        ("x-acs-action".into(), "DescribeVpcs".into()),
        ("x-acs-version".into(), VPC.into()),
        ("x-acs-date".into(), common::now()),
        ("x-acs-signature-nonce".into(), "v3-subset-nonce".into()),
    ];
    // Every x-acs-* header and host must be listed (issue 13); others, like user-agent, not.
    let signed = vec![
        "x-acs-date".to_string(),
        "x-acs-signature-nonce".to_string(),
        "host".to_string(),
        "x-acs-version".to_string(),
        "x-acs-action".to_string(),
    ];
    let canonical = signing::v3_canonical_request(&signing::V3Input {
        method: "GET",
        path: "/",
        query: &query,
        headers: &headers,
        signed_headers: &signed,
        payload_hash: signing::EMPTY_PAYLOAD_SHA256,
    });
    let sig = signing::v3_signature(
        alicloud_emulator::DEMO_ACCESS_KEY_SECRET,
        &signing::v3_string_to_sign(&canonical),
    );
    let build = |query: &str| {
        let mut b = Request::get(format!("/?{query}"));
        for (k, v) in &headers {
            b = b.header(k, v);
        }
        b.header("user-agent", "unsigned/1.0")
            .header(
                "authorization",
                signing::v3_authorization(alicloud_emulator::DEMO_ACCESS_KEY_ID, &signed, &sig),
            )
            .body(Body::empty())
            .unwrap()
    };
    let r = c.send(build("RegionId=cn-hangzhou")).await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(r.json["TotalCount"], 2);
    let tampered = c.send(build("RegionId=cn-shanghai")).await;
    assert_eq!(tampered.code(), "SignatureDoesNotMatch");
}

#[tokio::test]
async fn v3_rejects_other_algorithms_and_garbage() {
    let c = demo();
    let req = |auth: &str| {
        Request::post("/?RegionId=cn-hangzhou")
            .header("x-acs-action", "DescribeVpcs")
            .header("x-acs-version", VPC)
            .header("authorization", auth)
            .body(Body::empty())
            .unwrap()
    };
    let r = c
        .send(req(
            "ACS3-HMAC-SM3 Credential=a,SignedHeaders=host,Signature=b",
        ))
        .await;
    assert_eq!(r.code(), "InvalidSignatureMethod");
    let r = c.send(req("ACS3-HMAC-SHA256 nonsense")).await;
    assert_eq!(r.code(), "IncompleteSignature");
}
