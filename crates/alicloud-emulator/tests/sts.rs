//! STS: AssumeRole issues `STS.` keys accepted until they expire; GetCallerIdentity.

mod common;

use std::time::Duration;

use common::{HZ, STS, Sig, VPC, demo};

fn role() -> String {
    alicloud_emulator::demo_role_arn()
}

#[tokio::test]
async fn assume_role_then_call_with_the_session_in_both_versions() {
    let c = demo();
    for sig in [Sig::V1, Sig::V3] {
        let c = c.with_sig(sig);
        let v = c
            .ok(
                STS,
                "AssumeRole",
                &[
                    ("RoleArn", &role()),
                    ("RoleSessionName", "alice"),
                    ("DurationSeconds", "900"),
                ],
            )
            .await;
        let creds = &v["Credentials"];
        let ak = creds["AccessKeyId"].as_str().unwrap();
        assert!(ak.starts_with("STS."));
        assert!(creds["Expiration"].as_str().unwrap().ends_with('Z'));
        assert_eq!(
            v["AssumedRoleUser"]["AssumedRoleId"]
                .as_str()
                .unwrap()
                .split(':')
                .nth(1),
            Some("alice")
        );
        let session = c.with_key(
            ak,
            creds["AccessKeySecret"].as_str().unwrap(),
            creds["SecurityToken"].as_str(),
        );
        let who = session.ok(STS, "GetCallerIdentity", &[]).await;
        assert_eq!(who["IdentityType"], "AssumedRoleUser");
        assert_eq!(who["AccountId"], alicloud_emulator::DEMO_ACCOUNT_ID);
        assert!(
            who["Arn"]
                .as_str()
                .unwrap()
                .ends_with(":assumed-role/EipDeskAdmin/alice")
        );
        assert!(who["PrincipalId"].as_str().unwrap().ends_with(":alice"));
        session.ok(VPC, "DescribeEipAddresses", &[HZ]).await;
    }
}

#[tokio::test]
async fn caller_identity_of_a_user() {
    let v = demo().ok(STS, "GetCallerIdentity", &[]).await;
    assert_eq!(v["IdentityType"], "RAMUser");
    assert_eq!(v["AccountId"], alicloud_emulator::DEMO_ACCOUNT_ID);
    for k in ["Arn", "PrincipalId", "UserId", "RequestId"] {
        assert!(v[k].is_string(), "{k}");
    }
}

#[tokio::test]
async fn tokens_expire_and_bad_tokens_are_rejected() {
    let c = demo();
    c.control()
        .set_sts_token_lifetime(Some(Duration::from_secs(5)));
    let v = c
        .ok(
            STS,
            "AssumeRole",
            &[("RoleArn", &role()), ("RoleSessionName", "short")],
        )
        .await;
    let creds = &v["Credentials"];
    let (ak, secret, token) = (
        creds["AccessKeyId"].as_str().unwrap(),
        creds["AccessKeySecret"].as_str().unwrap(),
        creds["SecurityToken"].as_str().unwrap(),
    );
    let session = c.with_key(ak, secret, Some(token));
    session.ok(VPC, "DescribeRegions", &[]).await;
    for sig in [Sig::V1, Sig::V3] {
        let s = session.with_sig(sig);
        s.with_key(ak, secret, None)
            .err(VPC, "DescribeRegions", &[], "MissingSecurityToken", 400)
            .await;
        s.with_key(ak, secret, Some("not-a-token"))
            .err(
                VPC,
                "DescribeRegions",
                &[],
                "InvalidSecurityToken.Malformed",
                400,
            )
            .await;
        s.with_key(ak, secret, Some("CAISAAAAAAAAAAAAAAAAAAAAAAAAAAAA"))
            .err(
                VPC,
                "DescribeRegions",
                &[],
                "InvalidSecurityToken.MismatchWithAccessKey",
                400,
            )
            .await;
    }
    c.control().advance_clock(Duration::from_secs(6));
    for sig in [Sig::V1, Sig::V3] {
        session
            .with_sig(sig)
            .err(
                VPC,
                "DescribeRegions",
                &[],
                "InvalidSecurityToken.Expired",
                400,
            )
            .await;
    }
}

#[tokio::test]
async fn lifetime_follows_duration_seconds() {
    let c = demo();
    let v = c
        .ok(
            STS,
            "AssumeRole",
            &[
                ("RoleArn", &role()),
                ("RoleSessionName", "long"),
                ("DurationSeconds", "7200"),
            ],
        )
        .await;
    let creds = &v["Credentials"];
    let session = c.with_key(
        creds["AccessKeyId"].as_str().unwrap(),
        creds["AccessKeySecret"].as_str().unwrap(),
        creds["SecurityToken"].as_str(),
    );
    c.control().advance_clock(Duration::from_secs(7100));
    session.ok(VPC, "DescribeRegions", &[]).await;
    c.control().advance_clock(Duration::from_secs(200));
    session
        .err(
            VPC,
            "DescribeRegions",
            &[],
            "InvalidSecurityToken.Expired",
            400,
        )
        .await;
}

#[tokio::test]
async fn assume_role_validation() {
    let c = demo();
    c.err(
        STS,
        "AssumeRole",
        &[("RoleSessionName", "x1")],
        "MissingRoleArn",
        400,
    )
    .await;
    c.err(
        STS,
        "AssumeRole",
        &[
            ("RoleArn", "arn:aws:iam::1:role/x"),
            ("RoleSessionName", "x1"),
        ],
        "InvalidParameter.RoleArn",
        400,
    )
    .await;
    c.err(
        STS,
        "AssumeRole",
        &[
            ("RoleArn", "acs:ram::1234567890123456:role/Nope"),
            ("RoleSessionName", "x1"),
        ],
        "EntityNotExist.Role",
        404,
    )
    .await;
    c.err(
        STS,
        "AssumeRole",
        &[("RoleArn", &role()), ("RoleSessionName", "x")],
        "InvalidParameter.RoleSessionName",
        400,
    )
    .await;
    c.err(
        STS,
        "AssumeRole",
        &[
            ("RoleArn", &role()),
            ("RoleSessionName", "x1"),
            ("DurationSeconds", "100"),
        ],
        "InvalidParameter.DurationSeconds",
        400,
    )
    .await;
    c.err(
        STS,
        "AssumeRole",
        &[
            ("RoleArn", &role()),
            ("RoleSessionName", "x1"),
            ("Policy", "{nope"),
        ],
        "InvalidParameter.PolicyGrammar",
        400,
    )
    .await;
}

#[tokio::test]
async fn cross_account_role_sees_the_other_account() {
    let c = demo();
    let arn = format!(
        "acs:ram::{}:role/EipDeskAdmin",
        alicloud_emulator::SECOND_ACCOUNT_ID
    );
    let v = c
        .ok(
            STS,
            "AssumeRole",
            &[("RoleArn", &arn), ("RoleSessionName", "ops")],
        )
        .await;
    let creds = &v["Credentials"];
    let session = c.with_key(
        creds["AccessKeyId"].as_str().unwrap(),
        creds["AccessKeySecret"].as_str().unwrap(),
        creds["SecurityToken"].as_str(),
    );
    let eips = session.ok(VPC, "DescribeEipAddresses", &[HZ]).await;
    let ids: Vec<_> = eips["EipAddresses"]["EipAddress"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["AllocationId"].clone())
        .collect();
    assert!(ids.contains(&serde_json::json!(
        alicloud_emulator::seed::demo_ids::SECOND_HZ_EIP_FREE
    )));
}
