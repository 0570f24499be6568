//! The control API (HTTP under `/_emulator/` and in process): reset, seeds, snapshots,
//! delays, throttles, faults, the request log; and XML answers.

mod common;

use alicloud_emulator::seed::demo_ids::*;
use alicloud_emulator::{FaultConfig, FaultRule, ThrottleRule};
use axum::body::Body;
use common::{HZ, Sig, VPC, demo};
use http::Request;
use serde_json::{Value, json};

async fn control(
    c: &common::Client,
    method: &str,
    path: &str,
    body: Option<Value>,
) -> common::Reply {
    let b = Request::builder()
        .method(method)
        .uri(path)
        .header("content-type", "application/json");
    let req = b
        .body(body.map_or_else(Body::empty, |v| Body::from(v.to_string())))
        .unwrap();
    c.send(req).await
}

#[tokio::test]
async fn http_control_endpoints() {
    let c = demo();
    assert_eq!(
        control(&c, "GET", "/_emulator/health", None).await.json["ok"],
        true
    );
    c.ok(
        VPC,
        "ReleaseEipAddress",
        &[HZ, ("AllocationId", HZ_EIP_FREE_A)],
    )
    .await;
    let snap = control(&c, "GET", "/_emulator/snapshot", None).await;
    assert_eq!(snap.status, 200);
    assert_eq!(
        control(&c, "POST", "/_emulator/reset", None).await.status,
        200
    );
    assert!(
        !c.eip(HZ_EIP_FREE_A).await.is_null(),
        "reset brings it back"
    );
    let r = c
        .send(
            Request::post("/_emulator/restore")
                .body(Body::from(snap.text.clone()))
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert!(
        c.eip(HZ_EIP_FREE_A).await.is_null(),
        "restored snapshot lacks it"
    );
    assert_eq!(
        control(
            &c,
            "POST",
            "/_emulator/seed",
            Some(json!({"seed": "scale:4"}))
        )
        .await
        .status,
        200
    );
    let v = c
        .ok(VPC, "DescribeEipAddresses", &[("RegionId", "eu-west-1")])
        .await;
    assert_eq!(v["TotalCount"], 4);
    assert_eq!(
        control(&c, "POST", "/_emulator/seed", Some(json!({"seed": "nope"})))
            .await
            .status,
        400
    );
    assert_eq!(
        control(
            &c,
            "POST",
            "/_emulator/reset",
            Some(json!({"seed": "empty"}))
        )
        .await
        .status,
        200
    );
    assert_eq!(
        c.ok(VPC, "DescribeEipAddresses", &[HZ]).await["TotalCount"],
        0
    );
    assert_eq!(
        control(
            &c,
            "PUT",
            "/_emulator/delays",
            Some(json!({"associate_ms": 42}))
        )
        .await
        .status,
        200
    );
    assert_eq!(
        control(&c, "GET", "/_emulator/delays", None).await.json["associate_ms"],
        42
    );
    assert_eq!(
        control(
            &c,
            "POST",
            "/_emulator/clock/advance",
            Some(json!({"ms": 1000}))
        )
        .await
        .status,
        200
    );
    assert_eq!(
        control(&c, "GET", "/_emulator/clock", None).await.json["offset_ms"],
        1000
    );
    assert_eq!(
        control(
            &c,
            "PUT",
            "/_emulator/sts",
            Some(json!({"token_lifetime_seconds": 2}))
        )
        .await
        .status,
        200
    );
    let accounts = control(&c, "GET", "/_emulator/accounts", None).await;
    assert_eq!(accounts.json["accounts"].as_array().unwrap().len(), 2);
    assert!(
        !accounts.text.contains("secret-not-real"),
        "no secrets over the control API"
    );
    assert_eq!(
        control(&c, "GET", "/_emulator/nothing-here", None)
            .await
            .status,
        404
    );
}

#[tokio::test]
async fn request_log_keeps_business_params_only() {
    let c = demo().with_sig(Sig::V1);
    c.ok(VPC, "AllocateEipAddress", &[HZ, ("ClientToken", "log-me")])
        .await;
    c.err(
        VPC,
        "ReleaseEipAddress",
        &[HZ, ("AllocationId", HZ_EIP_PREPAID)],
        "Forbidden.ChargeTypeIsPrepaid",
        400,
    )
    .await;
    let r = control(&c, "GET", "/_emulator/requests", None).await;
    let log = r.json["requests"].as_array().unwrap();
    assert_eq!(log.len(), 2);
    assert_eq!(log[0]["action"], "AllocateEipAddress");
    assert_eq!(log[0]["client_token"], "log-me");
    assert_eq!(log[0]["code"], "OK");
    assert_eq!(log[0]["account_id"], alicloud_emulator::DEMO_ACCOUNT_ID);
    assert_eq!(log[0]["region_id"], "cn-hangzhou");
    assert_eq!(log[0]["signature"], "V1");
    assert!(log[0]["params"].get("Signature").is_none());
    assert!(log[0]["params"].get("SignatureNonce").is_none());
    assert!(log[0]["request_id"].as_str().unwrap().len() >= 32);
    assert_eq!(
        (log[1]["code"].as_str(), log[1]["status"].as_u64()),
        (Some("Forbidden.ChargeTypeIsPrepaid"), Some(400))
    );
    let since = log[1]["seq"].as_u64().unwrap();
    let r = control(
        &c,
        "GET",
        &format!("/_emulator/requests?since={since}"),
        None,
    )
    .await;
    assert_eq!(r.json["requests"].as_array().unwrap().len(), 1);
    control(&c, "DELETE", "/_emulator/requests", None).await;
    assert!(c.control().requests(0).is_empty());
}

#[tokio::test]
async fn throttling_answers_throttling_user_with_retry_after() {
    let c = demo();
    c.control().set_throttles(vec![ThrottleRule {
        account_id: None,
        action: "DescribeEipAddresses".into(),
        rate_per_sec: 0.5,
        burst: 2,
    }]);
    c.ok(VPC, "DescribeEipAddresses", &[HZ]).await;
    c.ok(VPC, "DescribeEipAddresses", &[HZ]).await;
    let r = c
        .err(VPC, "DescribeEipAddresses", &[HZ], "Throttling.User", 400)
        .await;
    let retry: u64 = r.headers["x-acs-retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(retry > 0 && retry <= 2000, "{retry}");
    c.ok(VPC, "DescribeVpcs", &[HZ]).await;
    let other = c.with_key(
        alicloud_emulator::SECOND_ACCESS_KEY_ID,
        alicloud_emulator::SECOND_ACCESS_KEY_SECRET,
        None,
    );
    other.ok(VPC, "DescribeEipAddresses", &[HZ]).await;
    // Via HTTP too.
    let body = json!({"rules": [{"action": "*", "rate_per_sec": 0.0, "burst": 1}]});
    assert_eq!(
        control(&c, "PUT", "/_emulator/throttles", Some(body))
            .await
            .status,
        200
    );
    c.ok(VPC, "DescribeVpcs", &[HZ]).await;
    c.err(VPC, "DescribeVpcs", &[HZ], "Throttling.User", 400)
        .await;
}

#[tokio::test]
async fn faults_inject_codes_deterministically() {
    let c = demo();
    let run = |seed: u64| {
        let c = c.clone();
        async move {
            c.control().set_faults(FaultConfig {
                seed,
                rules: vec![FaultRule::error(
                    "DescribeRegions",
                    "ServiceUnavailable",
                    0.5,
                )],
            });
            let mut out = Vec::new();
            for _ in 0..24 {
                out.push(c.call(VPC, "DescribeRegions", &[]).await.status);
            }
            out
        }
    };
    let a = run(11).await;
    assert_eq!(a, run(11).await);
    assert!(a.contains(&503) && a.contains(&200), "{a:?}");
    c.control().set_faults(FaultConfig {
        seed: 0,
        rules: vec![FaultRule::error("*", "InternalError", 1.0)],
    });
    c.err(VPC, "DescribeVpcs", &[HZ], "InternalError", 500)
        .await;
    c.control().set_faults(FaultConfig::default());
    c.ok(VPC, "DescribeVpcs", &[HZ]).await;
}

#[tokio::test]
async fn dropped_connection_still_applies_the_call() {
    let c = demo();
    c.control().set_faults(FaultConfig {
        seed: 0,
        rules: vec![FaultRule::drop("AssociateEipAddress", 1.0)],
    });
    let r = c
        .call(
            VPC,
            "AssociateEipAddress",
            &[
                HZ,
                ("AllocationId", HZ_EIP_FREE_A),
                ("InstanceId", HZ_I_WEB01),
                ("ClientToken", "lost-1"),
            ],
        )
        .await;
    assert!(r.dropped);
    c.control().set_faults(FaultConfig::default());
    assert_eq!(
        c.eip(HZ_EIP_FREE_A).await["Status"],
        "InUse",
        "the response was lost, not the call"
    );
    c.ok(
        VPC,
        "AssociateEipAddress",
        &[
            HZ,
            ("AllocationId", HZ_EIP_FREE_A),
            ("InstanceId", HZ_I_WEB01),
            ("ClientToken", "lost-1"),
        ],
    )
    .await;
}

#[tokio::test]
async fn xml_success_and_error_bodies() {
    let mut c = demo().with_sig(Sig::V1);
    c.format = "XML".into();
    let r = c
        .call(
            VPC,
            "DescribeEipAddresses",
            &[HZ, ("AllocationId", HZ_EIP_FREE_A)],
        )
        .await;
    assert_eq!(r.status, 200);
    assert_eq!(r.headers["content-type"], "text/xml;charset=utf-8");
    assert!(
        r.text.starts_with(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><DescribeEipAddressesResponse>"
        )
    );
    assert!(r.text.contains(&format!(
        "<EipAddresses><EipAddress><AllocationId>{HZ_EIP_FREE_A}</AllocationId>"
    )));
    assert!(r.text.contains("<RequestId>"));
    let r = c
        .call(
            VPC,
            "ReleaseEipAddress",
            &[HZ, ("AllocationId", HZ_EIP_PREPAID)],
        )
        .await;
    assert_eq!(r.status, 400);
    assert!(
        r.text.contains("<Error>")
            && r.text
                .contains("<Code>Forbidden.ChargeTypeIsPrepaid</Code>")
    );
    for tag in ["<RequestId>", "<HostId>", "<Message>", "<Recommend>"] {
        assert!(r.text.contains(tag), "{tag}");
    }
    c.format = "json".into();
    let r = c.call(VPC, "DescribeRegions", &[]).await;
    assert!(r.json.is_object(), "any case JSON");
}
