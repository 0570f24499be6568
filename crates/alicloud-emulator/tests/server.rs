//! Over real TCP: `start()` on a free port, raw HTTP, dropped connections, persistence across
//! restarts with a state file.

mod common;

use std::time::Duration;

use alicloud_emulator::seed::demo_ids::*;
use alicloud_emulator::{EmulatorConfig, FaultConfig, FaultRule, Seed, start};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

async fn raw(addr: std::net::SocketAddr, request: &str) -> String {
    let mut s = tokio::net::TcpStream::connect(addr).await.unwrap();
    s.write_all(request.as_bytes()).await.unwrap();
    let mut out = Vec::new();
    let _ = tokio::time::timeout(Duration::from_secs(5), s.read_to_end(&mut out)).await;
    String::from_utf8_lossy(&out).into_owned()
}

#[tokio::test]
async fn serves_on_a_random_port_and_shuts_down() {
    let emu = start(EmulatorConfig::default(), "127.0.0.1:0".parse().unwrap())
        .await
        .unwrap();
    assert_ne!(emu.local_addr().port(), 0);
    assert_eq!(
        emu.endpoint(),
        format!("http://127.0.0.1:{}", emu.local_addr().port())
    );
    let text = raw(
        emu.local_addr(),
        "GET /_emulator/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    )
    .await;
    assert!(text.starts_with("HTTP/1.1 200"), "{text}");
    let text = raw(emu.local_addr(), "GET /?Action=DescribeRegions&Version=2016-04-28 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").await;
    assert!(
        text.starts_with("HTTP/1.1 400") && text.contains("MissingAccessKeyId"),
        "{text}"
    );
    let addr = emu.local_addr();
    emu.shutdown().await;
    assert!(
        tokio::net::TcpStream::connect(addr).await.is_err(),
        "listener closed"
    );
}

#[tokio::test]
async fn dropped_connections_get_no_answer() {
    let emu = start(EmulatorConfig::default(), "127.0.0.1:0".parse().unwrap())
        .await
        .unwrap();
    emu.control().set_faults(FaultConfig {
        seed: 0,
        rules: vec![FaultRule::drop("*", 1.0)],
    });
    let client = common::Client::new(emu.state(), common::Sig::V1);
    let signed = client.build(common::VPC, "DescribeRegions", &[]);
    let request = format!("GET {} HTTP/1.1\r\nHost: x\r\n\r\n", signed.uri());
    let text = raw(emu.local_addr(), &request).await;
    assert_eq!(text, "", "connection closed without a response");
    emu.control().set_faults(FaultConfig::default());
    let signed = client.build(common::VPC, "DescribeRegions", &[]);
    let request = format!(
        "GET {} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        signed.uri()
    );
    assert!(
        raw(emu.local_addr(), &request)
            .await
            .starts_with("HTTP/1.1 200")
    );
    emu.shutdown().await;
}

#[tokio::test]
async fn state_file_is_restored_on_start_and_saved_on_change() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sandbox").join("state.json");
    let config = || EmulatorConfig {
        seed: Seed::Demo,
        state_file: Some(path.clone()),
        delays: alicloud_emulator::Delays::uniform(0),
        ..EmulatorConfig::default()
    };
    let emu = start(config(), "127.0.0.1:0".parse().unwrap())
        .await
        .unwrap();
    assert!(path.exists(), "written on first start");
    // Change the state through the control API (a snapshot without free-a).
    let snap = emu.control().snapshot();
    let mut v: serde_json::Value = serde_json::from_str(&snap).unwrap();
    let eips = v["world"]["accounts"][alicloud_emulator::DEMO_ACCOUNT_ID]["regions"]["cn-hangzhou"]
        ["eips"]
        .as_array_mut()
        .unwrap();
    eips.retain(|e| e["id"] != HZ_EIP_FREE_A);
    emu.control().restore(&v.to_string()).unwrap();
    // And through an RPC call (saved by the background writer; flushed here).
    let client = common::Client::new(emu.state(), common::Sig::V3);
    client
        .ok(
            common::VPC,
            "ReleaseEipAddress",
            &[common::HZ, ("AllocationId", HZ_EIP_FREE_C)],
        )
        .await;
    emu.control().save_now().unwrap();
    let on_disk = std::fs::read_to_string(&path).unwrap();
    assert!(!on_disk.contains(HZ_EIP_FREE_C), "saved");
    emu.shutdown().await;
    let emu = start(config(), "127.0.0.1:0".parse().unwrap())
        .await
        .unwrap();
    let restored = emu.control().snapshot();
    assert!(!restored.contains(HZ_EIP_FREE_A));
    assert!(restored.contains(HZ_EIP_FREE_B));
    assert!(
        !restored.contains("sandbox-secret-not-real"),
        "no secrets in the state file"
    );
    emu.shutdown().await;
    let leftovers: Vec<_> = std::fs::read_dir(path.parent().unwrap()).unwrap().collect();
    assert_eq!(leftovers.len(), 1);
}
