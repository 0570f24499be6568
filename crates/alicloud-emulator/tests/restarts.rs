//! Issue 13 (7, 9): what a restart with a state file keeps (clock offset, spent nonces) and
//! what a start refuses or cleans (invalid files, temporary files of killed writers).

mod common;

use std::time::Duration;

use alicloud_emulator::seed::demo_ids::*;
use alicloud_emulator::{Delays, EmulatorConfig, Seed, start};
use common::{HZ, VPC};

fn config(path: &std::path::Path, delays: Delays) -> EmulatorConfig {
    EmulatorConfig {
        seed: Seed::Demo,
        state_file: Some(path.to_path_buf()),
        delays,
        ..EmulatorConfig::default()
    }
}

/// Starts the demo seed on `path`; the test fails if it cannot.
async fn boot(path: &std::path::Path, delays: Delays) -> alicloud_emulator::RunningEmulator {
    start(config(path, delays), "127.0.0.1:0".parse().unwrap())
        .await
        .unwrap()
}

/// (7) The clock offset survives a restart (so an EIP seen `InUse` cannot go back to
/// `Associating` when its last save predates the settling).
#[tokio::test]
async fn a_restart_keeps_the_clock_offset() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    let hour = Delays::uniform(3_600_000);
    let emu = boot(&path, hour).await;
    let c = common::Client::new(emu.state(), common::Sig::V3);
    c.ok(
        VPC,
        "AssociateEipAddress",
        &[
            HZ,
            ("AllocationId", HZ_EIP_FREE_A),
            ("InstanceId", HZ_ENI_CT_READY_A),
            ("InstanceType", "NetworkInterface"),
        ],
    )
    .await;
    emu.control().advance_clock(Duration::from_secs(7200));
    assert_eq!(c.eip(HZ_EIP_FREE_A).await["Status"], "InUse");
    emu.shutdown().await;
    let emu = boot(&path, hour).await;
    let c = common::Client::new(emu.state(), common::Sig::V3);
    assert_eq!(c.eip(HZ_EIP_FREE_A).await["Status"], "InUse");
    let offset = emu.control().now_ms() - alicloud_emulator::clock::wall_ms();
    assert!(
        offset >= 7_100_000,
        "clock offset after restart: {offset} ms"
    );
    emu.shutdown().await;
}

/// (7) Spent nonces survive a restart: a captured signed AllocateEipAddress replayed after a
/// restart is refused and creates nothing.
#[tokio::test]
async fn a_captured_request_stays_spent_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    let emu = boot(&path, Delays::uniform(0)).await;
    let mut c = common::Client::new(emu.state(), common::Sig::V3);
    c.nonce = Some("captured-nonce-0001".into());
    c.timestamp = Some(common::now());
    let first = c.call(VPC, "AllocateEipAddress", &[HZ]).await;
    assert_eq!(first.status, 200, "{}", first.text);
    let count = |c: &common::Client| {
        let c = c.clone();
        async move {
            let mut fresh = c;
            fresh.nonce = None;
            fresh.ok(VPC, "DescribeEipAddresses", &[HZ]).await["TotalCount"].clone()
        }
    };
    let before = count(&c).await;
    emu.shutdown().await;
    let emu = boot(&path, Delays::uniform(0)).await;
    c.state = emu.state();
    let replay = c.call(VPC, "AllocateEipAddress", &[HZ]).await;
    assert_eq!(replay.code(), "SignatureNonceUsed", "{}", replay.text);
    assert_eq!(count(&c).await, before, "no second EIP");
    emu.shutdown().await;
}

/// (9) A state file with a dangling reference is refused, naming it; a foreign format says
/// what is expected; temporary files of a killed writer are removed at start.
#[tokio::test]
async fn starts_refuse_bad_files_and_clean_leftovers() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    let emu = boot(&path, Delays::uniform(0)).await;
    emu.shutdown().await;
    let good = std::fs::read_to_string(&path).unwrap();

    let leftover = dir.path().join(".state.json.tmp-31337");
    std::fs::write(&leftover, "partial").unwrap();
    let emu = boot(&path, Delays::uniform(0)).await;
    emu.shutdown().await;
    assert!(
        !leftover.exists(),
        "temporary file of a killed writer removed"
    );

    let dangling = good.replacen(HZ_I_WEB01, "i-doesnotexist000000", 1);
    assert_ne!(dangling, good);
    std::fs::write(&path, &dangling).unwrap();
    let err = start(
        config(&path, Delays::uniform(0)),
        "127.0.0.1:0".parse().unwrap(),
    )
    .await
    .unwrap_err()
    .to_string();
    assert!(err.contains("which does not exist"), "{err}");
    assert!(err.contains("state.json"), "{err}");

    let foreign = good.replacen("alicloud-emulator/1", "alicloud-emulator/9", 1);
    std::fs::write(&path, &foreign).unwrap();
    let err = start(
        config(&path, Delays::uniform(0)),
        "127.0.0.1:0".parse().unwrap(),
    )
    .await
    .unwrap_err()
    .to_string();
    assert!(
        err.contains("\"alicloud-emulator/9\" is not supported")
            && err.contains("alicloud-emulator/1"),
        "{err}"
    );
}

/// Persistence off the hot path (3) must not lose a change when the emulator is dropped
/// without `shutdown`: dropping writes what the background writer has not saved yet.
#[tokio::test]
async fn dropping_the_emulator_saves_pending_changes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    let emu = boot(&path, Delays::uniform(0)).await;
    let c = common::Client::new(emu.state(), common::Sig::V3);
    c.ok(
        VPC,
        "ReleaseEipAddress",
        &[HZ, ("AllocationId", HZ_EIP_FREE_C)],
    )
    .await;
    drop(emu);
    let on_disk = std::fs::read_to_string(&path).unwrap();
    assert!(!on_disk.contains(HZ_EIP_FREE_C), "the release was saved");
}
