//! Audit log export: CSV (through [`crate::csv_text`]: RFC 4180 quoting, formula cells
//! defused) and pretty JSON.

use super::AuditEntry;

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub enum ExportFormat {
    Csv,
    Json,
}

impl ExportFormat {
    /// The file extension (`csv`, `json`).
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Csv => "csv",
            ExportFormat::Json => "json",
        }
    }
}

const HEADER: [&str; 11] = [
    "time",
    "profile",
    "account",
    "region",
    "action",
    "parameters",
    "request_id",
    "outcome",
    "error_code",
    "error_message",
    "run_id",
];

/// The entries as CSV with a header line.
pub fn to_csv(entries: &[AuditEntry]) -> std::io::Result<String> {
    let params: Vec<String> = entries
        .iter()
        .map(|e| {
            e.params
                .iter()
                .map(|p| format!("{}={}", p.name, p.value))
                .collect::<Vec<_>>()
                .join("; ")
        })
        .collect();
    let rows = entries.iter().zip(&params).map(|(e, params)| {
        [
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
        ]
    });
    crate::csv_text::render("", std::iter::once(HEADER).chain(rows))
}

/// The entries as a pretty-printed JSON array.
pub fn to_json(entries: &[AuditEntry]) -> String {
    serde_json::to_string_pretty(entries).unwrap_or_else(|_| "[]".into())
}

/// The entries in `format`.
pub fn export(entries: &[AuditEntry], format: ExportFormat) -> std::io::Result<String> {
    match format {
        ExportFormat::Csv => to_csv(entries),
        ExportFormat::Json => Ok(to_json(entries)),
    }
}
