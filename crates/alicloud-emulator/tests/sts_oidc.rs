//! STS `AssumeRoleWithOIDC`: anonymous requests exchange a token of a registered provider for
//! an STS session the other APIs accept; each bad input gets the real code.

mod common;

use alicloud_emulator::oidc::{DEMO_OIDC_CLIENT_ID, DEMO_OIDC_ISSUER, unsigned_token};
use axum::body::Body;
use common::{HZ, Reply, STS, Sig, VPC, demo};
use http::Request;

fn provider() -> String {
    alicloud_emulator::demo_oidc_provider_arn()
}

fn token(c: &common::Client, iss: &str, aud: &str, valid_s: i64) -> String {
    let now_s = c.control().now_ms() / 1000;
    unsigned_token(
        iss,
        aud,
        "system:serviceaccount:ci:deployer",
        now_s + valid_s,
    )
}

/// An unsigned form POST, as the official SDKs send this action.
async fn anonymous(c: &common::Client, params: &[(&str, &str)]) -> Reply {
    let mut form: Vec<(String, String)> = vec![
        ("Action".into(), "AssumeRoleWithOIDC".into()),
        ("Version".into(), STS.into()),
        ("Format".into(), "JSON".into()),
    ];
    form.extend(params.iter().map(|(k, v)| (k.to_string(), v.to_string())));
    let body = alicloud_api::signing::canonical_query(&form);
    let req = Request::post("/")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(Body::from(body))
        .unwrap();
    c.send(req).await
}

#[tokio::test]
async fn a_valid_token_yields_a_session_the_other_apis_accept() {
    let c = demo();
    let t = token(&c, DEMO_OIDC_ISSUER, DEMO_OIDC_CLIENT_ID, 600);
    let r = anonymous(
        &c,
        &[
            ("OIDCProviderArn", &provider()),
            ("RoleArn", &alicloud_emulator::demo_role_arn()),
            ("OIDCToken", &t),
            ("RoleSessionName", "ci-run"),
            ("DurationSeconds", "900"),
            ("Policy", r#"{"Version":"1","Statement":[]}"#),
        ],
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.text);
    let v = &r.json;
    assert!(v["RequestId"].is_string());
    let creds = &v["Credentials"];
    let ak = creds["AccessKeyId"].as_str().unwrap();
    assert!(ak.starts_with("STS."));
    assert!(creds["Expiration"].as_str().unwrap().ends_with('Z'));
    assert!(
        v["AssumedRoleUser"]["Arn"]
            .as_str()
            .unwrap()
            .ends_with("/ci-run")
    );
    assert_eq!(v["OIDCTokenInfo"]["Issuer"], DEMO_OIDC_ISSUER);
    assert_eq!(v["OIDCTokenInfo"]["ClientIds"], DEMO_OIDC_CLIENT_ID);
    assert_eq!(
        v["OIDCTokenInfo"]["Subject"],
        "system:serviceaccount:ci:deployer"
    );
    for sig in [Sig::V1, Sig::V3] {
        let session = c.with_sig(sig).with_key(
            ak,
            creds["AccessKeySecret"].as_str().unwrap(),
            creds["SecurityToken"].as_str(),
        );
        let who = session.ok(STS, "GetCallerIdentity", &[]).await;
        assert_eq!(who["IdentityType"], "AssumedRoleUser");
        assert!(
            who["Arn"]
                .as_str()
                .unwrap()
                .ends_with("/EipDeskAdmin/ci-run")
        );
        session.ok(VPC, "DescribeEipAddresses", &[HZ]).await;
    }
    // The token is never written to the request log.
    let log = c.control().requests(0);
    let entry = log
        .iter()
        .find(|e| e.action == "AssumeRoleWithOIDC")
        .unwrap();
    assert!(entry.params.is_empty());
}

/// Parameters, expected code, expected status.
type Case<'a> = (Vec<(&'a str, &'a str)>, &'a str, u16);

#[tokio::test]
async fn bad_inputs_get_the_real_codes() {
    let c = demo();
    let role = alicloud_emulator::demo_role_arn();
    let good = token(&c, DEMO_OIDC_ISSUER, DEMO_OIDC_CLIENT_ID, 600);
    let other_iss = token(
        &c,
        "https://elsewhere.example.test",
        DEMO_OIDC_CLIENT_ID,
        600,
    );
    let other_aud = token(&c, DEMO_OIDC_ISSUER, "not-sts", 600);
    let expired = token(&c, DEMO_OIDC_ISSUER, DEMO_OIDC_CLIENT_ID, -1);
    let unknown = format!(
        "acs:ram::{}:oidc-provider/Nope",
        alicloud_emulator::DEMO_ACCOUNT_ID
    );
    let foreign_role = format!(
        "acs:ram::{}:role/EipDeskAdmin",
        alicloud_emulator::SECOND_ACCOUNT_ID
    );
    let p = provider();
    let cases: Vec<Case<'_>> = vec![
        (
            vec![("RoleArn", &role), ("OIDCToken", &good)],
            "MissingOIDCProviderArn",
            400,
        ),
        (
            vec![("OIDCProviderArn", &p), ("OIDCToken", &good)],
            "MissingRoleArn",
            400,
        ),
        (
            vec![
                ("OIDCProviderArn", "arn:x"),
                ("RoleArn", &role),
                ("OIDCToken", &good),
            ],
            "InvalidParameter.OIDCProviderArn",
            400,
        ),
        (
            vec![
                ("OIDCProviderArn", &unknown),
                ("RoleArn", &role),
                ("OIDCToken", &good),
            ],
            "AuthenticationFail.NoPermission",
            401,
        ),
        (
            vec![("OIDCProviderArn", &p), ("RoleArn", &role)],
            "AuthenticationFail.OIDCToken.Invalid",
            401,
        ),
        (
            vec![
                ("OIDCProviderArn", &p),
                ("RoleArn", &role),
                ("OIDCToken", "not-a-jwt"),
            ],
            "AuthenticationFail.OIDCToken.Invalid",
            401,
        ),
        (
            vec![
                ("OIDCProviderArn", &p),
                ("RoleArn", &role),
                ("OIDCToken", &other_iss),
            ],
            "AuthenticationFail.OIDCToken.Invalid",
            401,
        ),
        (
            vec![
                ("OIDCProviderArn", &p),
                ("RoleArn", &role),
                ("OIDCToken", &other_aud),
            ],
            "AuthenticationFail.OIDCToken.AudienceNotMatch",
            401,
        ),
        (
            vec![
                ("OIDCProviderArn", &p),
                ("RoleArn", &role),
                ("OIDCToken", &expired),
            ],
            "AuthenticationFail.OIDCToken.Expired",
            401,
        ),
        (
            vec![
                ("OIDCProviderArn", &p),
                ("RoleArn", &foreign_role),
                ("OIDCToken", &good),
            ],
            "EntityNotExist.Role",
            404,
        ),
        (
            vec![
                ("OIDCProviderArn", &p),
                ("RoleArn", &role),
                ("OIDCToken", &good),
                ("RoleSessionName", "x"),
            ],
            "InvalidParameter.RoleSessionName",
            400,
        ),
        (
            vec![
                ("OIDCProviderArn", &p),
                ("RoleArn", &role),
                ("OIDCToken", &good),
                ("DurationSeconds", "60"),
            ],
            "InvalidParameter.DurationSeconds",
            400,
        ),
        (
            vec![
                ("OIDCProviderArn", &p),
                ("RoleArn", &role),
                ("OIDCToken", &good),
                ("Policy", "["),
            ],
            "InvalidParameter.PolicyGrammar",
            400,
        ),
    ];
    for (params, code, status) in cases {
        let r = anonymous(&c, &params).await;
        assert_eq!(
            (r.code(), r.status),
            (code, status),
            "{params:?}: {}",
            r.text
        );
        assert!(r.json["RequestId"].is_string());
    }
}

#[tokio::test]
async fn a_token_expires_on_the_emulator_clock() {
    let c = demo();
    let t = token(&c, DEMO_OIDC_ISSUER, DEMO_OIDC_CLIENT_ID, 120);
    let params = [
        ("OIDCProviderArn", provider()),
        ("RoleArn", alicloud_emulator::demo_role_arn()),
        ("OIDCToken", t),
    ];
    let params: Vec<(&str, &str)> = params.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(anonymous(&c, &params).await.status, 200);
    c.control()
        .advance_clock(std::time::Duration::from_secs(121));
    let r = anonymous(&c, &params).await;
    assert_eq!(
        r.code(),
        "AuthenticationFail.OIDCToken.Expired",
        "{}",
        r.text
    );
}
