//! Audit log tests: recording without secrets, every filter, CSV and JSON export.

use super::export::{ExportFormat, export, to_csv};
use super::*;
use crate::error::ErrorKind;

fn log() -> AuditLog {
    AuditLog::new(Database::in_memory().unwrap())
}

fn p(k: &str, v: &str) -> (String, String) {
    (k.to_string(), v.to_string())
}

fn record(log: &AuditLog, action: &str, region: &str, error: Option<&ErrorDto>) -> i64 {
    let params = vec![
        p("RegionId", region),
        p("AllocationId", "eip-a1"),
        p("AccessKeySecret", "fake-secret-for-tests"),
        p("SecurityToken", "fake-token"),
    ];
    log.record(&NewAuditEntry {
        profile: "Sandbox",
        account: Some("1234567890"),
        region,
        action,
        params: &params,
        request_id: Some(&format!("REQ-{action}")),
        error,
        run_id: Some("run-1"),
    })
    .unwrap()
}

fn failure() -> ErrorDto {
    ErrorDto {
        kind: ErrorKind::InvalidState,
        code: "IncorrectEipStatus".into(),
        message: "Current elastic IP status does not support this operation".into(),
        request_id: None,
        hint: None,
        ..Default::default()
    }
}

#[test]
fn entries_are_recorded_without_secrets() {
    let log = log();
    record(&log, "AssociateEipAddress", "cn-hangzhou", None);
    let all = log.query(&AuditFilter::default()).unwrap();
    assert_eq!(all.len(), 1);
    let e = &all[0];
    assert_eq!(
        (
            e.action.as_str(),
            e.outcome.as_str(),
            e.request_id.as_deref()
        ),
        (
            "AssociateEipAddress",
            "success",
            Some("REQ-AssociateEipAddress")
        )
    );
    assert_eq!(
        e.params.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(),
        ["RegionId", "AllocationId"]
    );
    let text = format!("{all:?}{}", export(&all, ExportFormat::Json).unwrap());
    assert!(!text.contains("fake-secret") && !text.contains("fake-token"));
}

#[test]
fn filters_combine_and_newest_comes_first() {
    let log = log();
    record(&log, "DetachNetworkInterface", "cn-hangzhou", None);
    record(&log, "AssociateEipAddress", "cn-hangzhou", Some(&failure()));
    record(&log, "AssociateEipAddress", "cn-beijing", None);
    let q = |f: AuditFilter| {
        log.query(&f)
            .unwrap()
            .iter()
            .map(|e| e.id)
            .collect::<Vec<_>>()
    };
    assert_eq!(q(AuditFilter::default()), [3, 2, 1]);
    assert_eq!(
        q(AuditFilter {
            action: Some("AssociateEipAddress".into()),
            ..Default::default()
        }),
        [3, 2]
    );
    assert_eq!(
        q(AuditFilter {
            outcome: Some("failure".into()),
            ..Default::default()
        }),
        [2]
    );
    assert_eq!(
        q(AuditFilter {
            region: Some("cn-beijing".into()),
            ..Default::default()
        }),
        [3]
    );
    assert_eq!(
        q(AuditFilter {
            text: Some("incorrectEIP".into()),
            ..Default::default()
        }),
        [2]
    );
    assert_eq!(
        q(AuditFilter {
            text: Some("eip-a1".into()),
            region: Some("cn-hangzhou".into()),
            ..Default::default()
        }),
        [2, 1]
    );
    assert_eq!(
        q(AuditFilter {
            text: Some("100%_".into()),
            ..Default::default()
        }),
        Vec::<i64>::new()
    );
    assert_eq!(
        q(AuditFilter {
            profile: Some("Other".into()),
            ..Default::default()
        }),
        Vec::<i64>::new()
    );
    assert_eq!(
        q(AuditFilter {
            since: Some("2000-01-01".into()),
            until: Some("9999-01-01".into()),
            limit: Some(2),
            ..Default::default()
        }),
        [3, 2]
    );
    assert_eq!(
        q(AuditFilter {
            until: Some("2000-01-01".into()),
            ..Default::default()
        }),
        Vec::<i64>::new()
    );
}

#[test]
fn csv_quotes_and_guards_cells() {
    let log = log();
    record(
        &log,
        "AssociateEipAddress",
        "cn-hangzhou",
        Some(&ErrorDto {
            message: "=cmd, \"quoted\"".into(),
            ..failure()
        }),
    );
    let csv = to_csv(&log.query(&AuditFilter::default()).unwrap()).unwrap();
    let mut lines = csv.split("\r\n");
    assert_eq!(
        lines.next().unwrap(),
        "time,profile,account,region,action,parameters,request_id,outcome,error_code,error_message,run_id"
    );
    let row = lines.next().unwrap();
    assert!(row.contains(",Sandbox,1234567890,cn-hangzhou,AssociateEipAddress,RegionId=cn-hangzhou; AllocationId=eip-a1,REQ-AssociateEipAddress,failure,IncorrectEipStatus,"));
    assert!(row.ends_with(",\"'=cmd, \"\"quoted\"\"\",run-1"), "{row}");
    assert_eq!(lines.next(), Some(""));
}

#[test]
fn json_export_is_an_array_of_entries() {
    let log = log();
    record(&log, "AttachNetworkInterface", "cn-hangzhou", None);
    let v: serde_json::Value = serde_json::from_str(
        &export(
            &log.query(&AuditFilter::default()).unwrap(),
            ExportFormat::Json,
        )
        .unwrap(),
    )
    .unwrap();
    assert_eq!(v[0]["action"], "AttachNetworkInterface");
    assert_eq!(v[0]["requestId"], "REQ-AttachNetworkInterface");
    assert_eq!(v[0]["params"][0]["name"], "RegionId");
}
