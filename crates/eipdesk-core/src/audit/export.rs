//! Audit log export: CSV (RFC 4180 quoting, cells that a spreadsheet would run as a formula
//! are prefixed with `'`) and pretty JSON.

use super::AuditEntry;

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub enum ExportFormat {
    Csv,
    Json,
}

const HEADER: &str = "time,profile,account,region,action,parameters,request_id,outcome,error_code,error_message,run_id";

fn cell(value: &str) -> String {
    let guarded = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_string()
    };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

/// The entries as CSV with a header line.
pub fn to_csv(entries: &[AuditEntry]) -> String {
    let mut out = String::from(HEADER);
    out.push_str("\r\n");
    for e in entries {
        let params = e
            .params
            .iter()
            .map(|p| format!("{}={}", p.name, p.value))
            .collect::<Vec<_>>()
            .join("; ");
        let fields = [
            e.time.as_str(),
            e.profile.as_str(),
            e.account.as_deref().unwrap_or(""),
            e.region.as_str(),
            e.action.as_str(),
            params.as_str(),
            e.request_id.as_deref().unwrap_or(""),
            e.outcome.as_str(),
            e.error_code.as_deref().unwrap_or(""),
            e.error_message.as_deref().unwrap_or(""),
            e.run_id.as_deref().unwrap_or(""),
        ];
        out.push_str(&fields.iter().map(|f| cell(f)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out
}

/// The entries as a pretty-printed JSON array.
pub fn to_json(entries: &[AuditEntry]) -> String {
    serde_json::to_string_pretty(entries).unwrap_or_else(|_| "[]".into())
}

/// The entries in `format`.
pub fn export(entries: &[AuditEntry], format: ExportFormat) -> String {
    match format {
        ExportFormat::Csv => to_csv(entries),
        ExportFormat::Json => to_json(entries),
    }
}
