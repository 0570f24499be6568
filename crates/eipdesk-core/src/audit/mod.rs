//! The audit log: one entry per mutating cloud call (time, profile, account, region, action,
//! parameters without secrets, RequestId, outcome), kept in `eipdesk.db`, filtered for the
//! Activity page (long values shortened there: [`display`]) and exported whole as CSV or JSON
//! (see [`export`]).

pub mod display;
pub mod export;

use crate::error::ErrorDto;
use crate::journal::db::{now, rows};
use crate::journal::{Database, DbError};
use rusqlite::params;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Parameter names never written to the audit log (defence in depth: the engine's calls do
/// not carry them, the request signer adds them later).
const SECRET_PARAMS: &[&str] = &[
    "AccessKeyId",
    "AccessKeySecret",
    "SecurityToken",
    "Signature",
    "Password",
    "Authorization",
];

/// What one mutating call did, as the engine records it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAuditEntry<'a> {
    pub profile: &'a str,
    pub account: Option<&'a str>,
    pub region: &'a str,
    pub action: &'a str,
    pub params: &'a [(String, String)],
    pub request_id: Option<&'a str>,
    pub error: Option<&'a ErrorDto>,
    pub run_id: Option<&'a str>,
}

/// One request parameter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AuditParam {
    pub name: String,
    pub value: String,
}

/// One entry as the Activity page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AuditEntry {
    #[ts(type = "number")]
    pub id: i64,
    pub time: String,
    pub profile: String,
    pub account: Option<String>,
    pub region: String,
    pub action: String,
    pub params: Vec<AuditParam>,
    pub request_id: Option<String>,
    /// `success` or `failure`.
    pub outcome: String,
    pub error_code: Option<String>,
    pub error_message: Option<String>,
    pub run_id: Option<String>,
}

/// Filters of the Activity page (all optional, combined with AND).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct AuditFilter {
    /// Matched against action, resource IDs in the parameters, RequestId, error code and run.
    pub text: Option<String>,
    pub action: Option<String>,
    /// `success` or `failure`.
    pub outcome: Option<String>,
    pub profile: Option<String>,
    pub region: Option<String>,
    /// Inclusive lower bound on `time` (RFC 3339 or a date `YYYY-MM-DD`).
    pub since: Option<String>,
    /// Exclusive upper bound on `time`.
    pub until: Option<String>,
    /// At most this many entries, newest first (default 500).
    pub limit: Option<u32>,
}

/// Reads and writes the audit log.
#[derive(Debug, Clone)]
pub struct AuditLog {
    db: Database,
}

fn without_secrets(params: &[(String, String)]) -> Vec<AuditParam> {
    params
        .iter()
        .filter(|(k, _)| !SECRET_PARAMS.iter().any(|s| s.eq_ignore_ascii_case(k)))
        .map(|(name, value)| AuditParam {
            name: name.clone(),
            value: value.clone(),
        })
        .collect()
}

fn non_empty(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

impl AuditLog {
    pub fn new(db: Database) -> Self {
        Self { db }
    }

    /// Appends one entry; returns its id.
    pub fn record(&self, entry: &NewAuditEntry<'_>) -> Result<i64, DbError> {
        let params_json = serde_json::to_string(&without_secrets(entry.params))?;
        let outcome = if entry.error.is_some() {
            "failure"
        } else {
            "success"
        };
        let conn = self.db.lock();
        conn.execute(
            "INSERT INTO audit (time, profile, account, region, action, params_json, request_id, outcome, error_code, error_message, run_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            params![
                now(),
                entry.profile,
                entry.account,
                entry.region,
                entry.action,
                params_json,
                entry.request_id,
                outcome,
                entry.error.map(|e| e.code.clone()),
                entry.error.map(|e| e.message.clone()),
                entry.run_id
            ],
        )?;
        Ok(conn.last_insert_rowid())
    }

    /// The entries matching `filter`, newest first.
    pub fn query(&self, filter: &AuditFilter) -> Result<Vec<AuditEntry>, DbError> {
        let mut sql = String::from("SELECT * FROM audit WHERE 1 = 1");
        let mut args: Vec<String> = Vec::new();
        if let Some(t) = non_empty(&filter.text) {
            args.push(format!(
                "%{}%",
                t.replace('\\', "\\\\")
                    .replace('%', "\\%")
                    .replace('_', "\\_")
            ));
            let n = args.len();
            let like = |column: &str| format!("{column} LIKE ?{n} ESCAPE '\\'");
            sql.push_str(&format!(
                " AND ({} OR {} OR {} OR {} OR {})",
                like("action"),
                like("params_json"),
                like("IFNULL(request_id, '')"),
                like("IFNULL(error_code, '')"),
                like("IFNULL(run_id, '')")
            ));
        }
        let exact = [
            ("action = ?", &filter.action),
            ("outcome = ?", &filter.outcome),
            ("profile = ?", &filter.profile),
            ("region = ?", &filter.region),
            ("time >= ?", &filter.since),
            ("time < ?", &filter.until),
        ];
        for (clause, value) in exact {
            if let Some(v) = non_empty(value) {
                args.push(v.to_string());
                sql.push_str(&format!(
                    " AND {}",
                    clause.replace('?', &format!("?{}", args.len()))
                ));
            }
        }
        let limit = filter.limit.unwrap_or(500).clamp(1, 100_000);
        sql.push_str(&format!(" ORDER BY id DESC LIMIT {limit}"));
        let conn = self.db.lock();
        let mut stmt = conn.prepare(&sql)?;
        rows(
            &mut stmt,
            rusqlite::params_from_iter(args.iter()),
            entry_from_row,
        )
    }
}

/// An `audit` row read by column name, its parameters parsed.
fn entry_from_row(r: &rusqlite::Row<'_>) -> Result<AuditEntry, DbError> {
    let params: String = r.get("params_json")?;
    Ok(AuditEntry {
        id: r.get("id")?,
        time: r.get("time")?,
        profile: r.get("profile")?,
        account: r.get("account")?,
        region: r.get("region")?,
        action: r.get("action")?,
        params: serde_json::from_str(&params)?,
        request_id: r.get("request_id")?,
        outcome: r.get("outcome")?,
        error_code: r.get("error_code")?,
        error_message: r.get("error_message")?,
        run_id: r.get("run_id")?,
    })
}

#[cfg(test)]
mod tests;
