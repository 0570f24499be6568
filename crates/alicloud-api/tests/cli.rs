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
