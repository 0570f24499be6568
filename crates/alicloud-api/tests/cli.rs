//! The `alicloud-call` binary: a real call against the fake server (JSON on stdout), a service
//! error (code, message and RequestId on stderr, exit 1), and `--dry-run-sign` reproducing
//! the official V3 vector.

mod common;

use std::process::{Command, Output};

use common::{FakeServer, Reply, eip_page, eips};

async fn call(args: Vec<String>, id: &'static str, secret: &'static str) -> Output {
    tokio::task::spawn_blocking(move || {
        Command::new(env!("CARGO_BIN_EXE_alicloud-call"))
            .args(args)
            .env("ALIBABA_CLOUD_ACCESS_KEY_ID", id)
            .env("ALIBABA_CLOUD_ACCESS_KEY_SECRET", secret)
            .env_remove("ALIBABA_CLOUD_SECURITY_TOKEN")
            .output()
            .unwrap()
    })
    .await
    .unwrap()
}

fn args(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

#[tokio::test]
async fn calls_print_json_or_the_error() {
    let all = eips(2);
    let server = FakeServer::start(move |r| {
        if r.param("AllocationId") == Some("eip-missing") {
            Reply::error(
                404,
                "InvalidAllocationId.NotFound",
                "Specified allocation ID is not found",
            )
        } else {
            eip_page(&all, r)
        }
    })
    .await;
    for signature in ["v3", "v1"] {
        let out = call(
            args(&[
                "--endpoint",
                &server.base_url,
                "--signature",
                signature,
                "--product",
                "vpc",
                "--action",
                "DescribeEipAddresses",
                "RegionId=cn-hangzhou",
            ]),
            common::AK,
            common::SECRET,
        )
        .await;
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let body: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(body["TotalCount"], 2);
    }
    let out = call(
        args(&[
            "--endpoint",
            &server.base_url,
            "--product",
            "vpc",
            "--action",
            "DescribeEipAddresses",
            "RegionId=cn-hangzhou",
            "AllocationId=eip-missing",
        ]),
        common::AK,
        common::SECRET,
    )
    .await;
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("code: InvalidAllocationId.NotFound"),
        "{stderr}"
    );
    assert!(
        stderr.contains("request_id: req-InvalidAllocationId.NotFound"),
        "{stderr}"
    );
    assert!(
        stderr.contains("message: Specified allocation ID is not found"),
        "{stderr}"
    );
    // Bad usage is exit 2.
    let out = call(
        args(&["--product", "rds", "--action", "X"]),
        common::AK,
        common::SECRET,
    )
    .await;
    assert_eq!(out.status.code(), Some(2));
}

#[tokio::test]
async fn dry_run_sign_reproduces_the_official_v3_vector() {
    let out = call(
        args(&[
            "--endpoint",
            "https://ecs.cn-shanghai.aliyuncs.com",
            "--product",
            "ecs",
            "--action",
            "RunInstances",
            "--dry-run-sign",
            "--nonce",
            "3156853299f313e23d1673dc12e1703d",
            "--timestamp",
            "2023-10-26T10:22:32Z",
            "ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd",
            "RegionId=cn-shanghai",
        ]),
        "YourAccessKeyId",
        "YourAccessKeySecret",
    )
    .await;
    assert!(out.status.success());
    let body: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        body["signature"],
        "06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0"
    );
    assert_eq!(
        body["string_to_sign"],
        "ACS3-HMAC-SHA256\n7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259"
    );
}

fn base(server_url: &str, action: &str) -> Vec<String> {
    args(&[
        "--endpoint",
        server_url,
        "--product",
        "vpc",
        "--action",
        action,
        "RegionId=cn-hangzhou",
    ])
}

/// Issue 13 (1): a mutating call retried after 5xx answers (the call may have been applied
/// each time) carries one ClientToken, the same on every attempt, printed with --verbose.
#[tokio::test]
async fn mutating_calls_keep_one_client_token_across_retries() {
    let server = FakeServer::start(|r| {
        if r.index < 2 {
            Reply::error(503, "ServiceUnavailable", "try again")
        } else {
            Reply::ok(serde_json::json!({"AllocationId": "eip-1", "EipAddress": "47.0.0.1"}))
        }
    })
    .await;
    // Default flags: the call succeeds on the third attempt, one token throughout.
    let out = call(
        base(&server.base_url, "AllocateEipAddress"),
        common::AK,
        common::SECRET,
    )
    .await;
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let seen = server.requests_for("AllocateEipAddress");
    assert_eq!(seen.len(), 3);
    let token = seen[0].param("ClientToken").expect("a ClientToken is sent");
    assert!(seen.iter().all(|r| r.param("ClientToken") == Some(token)));
    // --verbose prints it.
    let mut a = base(&server.base_url, "AllocateEipAddress");
    a.push("--verbose".into());
    let out = call(a, common::AK, common::SECRET).await;
    let stderr = String::from_utf8_lossy(&out.stderr);
    let seen = server.requests_for("AllocateEipAddress");
    let token = seen[3].param("ClientToken").unwrap();
    assert!(
        stderr.contains(&format!("client_token: {token}")),
        "{stderr}"
    );
    // Read-only actions get none.
    let out = call(
        base(&server.base_url, "DescribeEipAddresses"),
        common::AK,
        common::SECRET,
    )
    .await;
    assert!(out.status.success());
    let reads = server.requests_for("DescribeEipAddresses");
    assert_eq!(reads[0].param("ClientToken"), None);
}

/// Issue 13 (1): a server that accepts and never answers costs `--timeout` per attempt and
/// ends as a transport error (exit 3), not a service error.
#[tokio::test]
async fn a_silent_server_is_a_bounded_transport_error() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let holder = tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((socket, _)) = listener.accept().await {
            held.push(socket);
        }
    });
    let mut a = base(&url, "DescribeEipAddresses");
    a.extend(args(&["--timeout", "0.3", "--retries", "1"]));
    let out = call(a, common::AK, common::SECRET).await;
    holder.abort();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    assert!(stderr.contains("Transport"), "{stderr}");
}

/// Issue 13 (1): a 2xx body carrying an error `Code` is a service error (exit 1); an answer
/// larger than `--max-response-bytes` is refused (exit 4); bad flags are usage errors (2).
#[tokio::test]
async fn error_bodies_oversized_answers_and_bad_flags() {
    let server = FakeServer::start(|r| {
        if r.action == "DescribeRegions" {
            Reply::ok(
                serde_json::json!({"Regions": {"Region": [{"Padding": "x".repeat(200_000)}]}}),
            )
        } else {
            Reply::ok(serde_json::json!({"Code": "Forbidden.RAM", "Message": "not allowed"}))
        }
    })
    .await;
    let out = call(
        base(&server.base_url, "DescribeEipAddresses"),
        common::AK,
        common::SECRET,
    )
    .await;
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("code: Forbidden.RAM"), "{stderr}");
    assert!(out.stdout.is_empty());

    let mut a = base(&server.base_url, "DescribeRegions");
    a.extend(args(&["--max-response-bytes", "10000"]));
    let out = call(a, common::AK, common::SECRET).await;
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(4), "{stderr}");
    assert!(stderr.contains("larger than the limit"), "{stderr}");

    for bad in [["--retries", "99"], ["--timeout", "0"]] {
        let mut a = base(&server.base_url, "DescribeRegions");
        a.extend(args(&bad));
        let out = call(a, common::AK, common::SECRET).await;
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
    }
    let mut a = base(&server.base_url, "ReleaseEipAddress");
    a.push(format!("ClientToken={}", "t".repeat(65)));
    let out = call(a, common::AK, common::SECRET).await;
    assert_eq!(out.status.code(), Some(2));
}
