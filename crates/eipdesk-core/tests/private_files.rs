//! Private by default: the app's storage, started on a fresh data directory (what a fresh
//! `EIPDESK_HOME` gives), keeps everything it writes readable by the user only: the directory
//! tree 0700, every file 0600 (profiles.toml, the database with its WAL and SHM, the Sandbox
//! state, exports). An existing install with looser modes is tightened at start-up.
#![cfg(unix)]

mod no_keychain;

use alicloud_emulator::seed::demo_ids::*;
use eipdesk_core::EipDesk;
use eipdesk_core::api::{CsvExportRequest, ExportTarget, TableId};
use eipdesk_core::audit::AuditFilter;
use eipdesk_core::audit::export::ExportFormat;
use eipdesk_core::binding::{BindForm, Confirmations, JobKind};
use eipdesk_core::desk::workflow::AuditExportRequest;
use eipdesk_core::journal::RunStatus;
use no_keychain::NoKeychain;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

fn mode(path: &Path) -> u32 {
    std::fs::symlink_metadata(path)
        .unwrap()
        .permissions()
        .mode()
        & 0o777
}

/// Every entry under `root` (root included) with its mode.
fn tree(root: &Path) -> Vec<(PathBuf, u32)> {
    let mut out = vec![(root.to_path_buf(), mode(root))];
    for entry in std::fs::read_dir(root).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(tree(&path));
        } else {
            out.push((path.clone(), mode(&path)));
        }
    }
    out
}

fn loose(root: &Path) -> Vec<(PathBuf, u32)> {
    tree(root)
        .into_iter()
        .filter(|(p, m)| *m != if p.is_dir() { 0o700 } else { 0o600 })
        .collect()
}

async fn bind_once(desk: &EipDesk) {
    let form = BindForm {
        region_id: "cn-hangzhou".into(),
        job: Some(JobKind::CutThroughBind),
        allocation_id: HZ_EIP_FREE_A.into(),
        target_kind: None,
        target_id: Some(HZ_ENI_WEB01_DATA.into()),
        attach_to: Some(HZ_I_WEB01.into()),
        mode: None,
        guest: None,
        remote_access: None,
    };
    let confirmed = Confirmations {
        accepted: vec!["LosesPrivateNetworking".into()],
        typed: None,
    };
    let run = desk.start_bind(form, confirmed).await.unwrap();
    for _ in 0..600 {
        if desk.workflow_run(&run.id).unwrap().status != RunStatus::Running {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the run did not finish");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_fresh_data_dir_and_everything_in_it_is_owner_only() {
    let scratch = tempfile::tempdir().unwrap();
    let home = scratch.path().join("eipdesk-home");
    let desk = EipDesk::start_with(&home, Arc::new(NoKeychain))
        .await
        .unwrap();
    bind_once(&desk).await;
    // The user's folder the save dialog returned (the app never creates it).
    let exports = home.join("exports");
    std::fs::create_dir(&exports).unwrap();
    desk.export_csv(
        &ExportTarget::chosen(exports.join("eips.csv"), "csv").unwrap(),
        &CsvExportRequest {
            table: TableId::Eips,
            headers: vec!["ID".into()],
            rows: vec![vec![HZ_EIP_FREE_A.into()]],
        },
    )
    .unwrap();
    desk.export_audit(
        &ExportTarget::chosen(exports.join("audit.json"), "json").unwrap(),
        &AuditExportRequest {
            format: ExportFormat::Json,
            filter: AuditFilter::default(),
        },
    )
    .unwrap();

    let names: Vec<String> = tree(&home)
        .iter()
        .map(|(p, _)| p.strip_prefix(&home).unwrap().display().to_string())
        .collect();
    for expected in [
        "eipdesk.db",
        "sandbox/state.json",
        "exports/eips.csv",
        "exports/audit.json",
    ] {
        assert!(
            names.iter().any(|n| n == expected),
            "{expected} in {names:?}"
        );
    }
    assert!(
        names.iter().any(|n| n == "eipdesk.db-wal"),
        "the WAL is open while the desk runs: {names:?}"
    );
    assert_eq!(loose(&home), vec![], "entries readable by others");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_existing_install_is_tightened_at_start_up() {
    let scratch = tempfile::tempdir().unwrap();
    let home = scratch.path().join("old-install");
    for dir in ["logs", "exports", "sandbox"] {
        std::fs::create_dir_all(home.join(dir)).unwrap();
    }
    for file in [
        "profiles.toml",
        "logs/eipdesk.log.2026-12-01",
        "exports/eips.csv",
    ] {
        std::fs::write(home.join(file), "version = 1\n").unwrap();
    }
    std::fs::write(home.join("profiles.toml"), "").unwrap();
    for (path, _) in tree(&home) {
        let loose = if path.is_dir() { 0o755 } else { 0o644 };
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(loose)).unwrap();
    }
    // A link the app did not make is left alone, and not followed.
    let outside = scratch.path().join("outside.txt");
    std::fs::write(&outside, "not ours").unwrap();
    std::fs::set_permissions(&outside, std::fs::Permissions::from_mode(0o644)).unwrap();
    std::os::unix::fs::symlink(&outside, home.join("exports/link.txt")).unwrap();

    let _desk = EipDesk::start_with(&home, Arc::new(NoKeychain))
        .await
        .unwrap();
    let loose: Vec<_> = loose(&home)
        .into_iter()
        .filter(|(p, _)| !p.ends_with("link.txt"))
        .collect();
    assert_eq!(loose, vec![], "entries still readable by others");
    assert_eq!(mode(&outside), 0o644, "the link's target is not ours");
}
