//! The SQLite database `<data dir>/eipdesk.db` shared by the workflow journal and the audit
//! log: opening it (WAL, full sync, busy timeout), its schema, and timestamps.

use rusqlite::Connection;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

/// File name of the database inside the data directory.
pub const DB_FILE: &str = "eipdesk.db";

/// `<data_dir>/eipdesk.db`.
pub fn db_path(data_dir: &Path) -> PathBuf {
    data_dir.join(DB_FILE)
}

/// Why the database could not be used.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("the journal database failed: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("a journal record could not be read: {0}")]
    Corrupt(String),
}

impl From<serde_json::Error> for DbError {
    fn from(e: serde_json::Error) -> Self {
        DbError::Corrupt(e.to_string())
    }
}

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS runs (
    id TEXT PRIMARY KEY,
    job TEXT NOT NULL,
    title TEXT NOT NULL,
    plan_json TEXT NOT NULL,
    profile TEXT NOT NULL,
    account TEXT,
    region TEXT NOT NULL,
    status TEXT NOT NULL,
    phase TEXT NOT NULL,
    message TEXT,
    error_json TEXT,
    cancel_requested INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    finished_at TEXT
);
CREATE TABLE IF NOT EXISTS steps (
    run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    title TEXT NOT NULL,
    action_json TEXT NOT NULL,
    status TEXT NOT NULL,
    waiting_for TEXT,
    client_token TEXT,
    request_id TEXT,
    undo_client_token TEXT,
    undo_request_id TEXT,
    error_json TEXT,
    started_at TEXT,
    finished_at TEXT,
    PRIMARY KEY (run_id, idx)
);
CREATE TABLE IF NOT EXISTS calls (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id TEXT NOT NULL,
    step_idx INTEGER NOT NULL,
    phase TEXT NOT NULL,
    action TEXT NOT NULL,
    params_json TEXT NOT NULL,
    client_token TEXT,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    request_id TEXT,
    outcome TEXT NOT NULL,
    error_json TEXT
);
CREATE INDEX IF NOT EXISTS calls_by_run ON calls(run_id, step_idx);
CREATE TABLE IF NOT EXISTS audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    time TEXT NOT NULL,
    profile TEXT NOT NULL,
    account TEXT,
    region TEXT NOT NULL,
    action TEXT NOT NULL,
    params_json TEXT NOT NULL,
    request_id TEXT,
    outcome TEXT NOT NULL,
    error_code TEXT,
    error_message TEXT,
    run_id TEXT
);
CREATE INDEX IF NOT EXISTS audit_by_time ON audit(time);
";

/// A shared handle on the database. Cheap to clone; calls are short and serialised.
#[derive(Debug, Clone)]
pub struct Database {
    conn: Arc<Mutex<Connection>>,
}

impl Database {
    /// Opens (creating if needed) the database at `path`.
    pub fn open(path: &Path) -> Result<Self, DbError> {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| {
                DbError::Corrupt(format!("cannot create {}: {e}", parent.display()))
            })?;
        }
        Self::init(Connection::open(path)?)
    }

    /// A private in-memory database (tests).
    pub fn in_memory() -> Result<Self, DbError> {
        Self::init(Connection::open_in_memory()?)
    }

    fn init(conn: Connection) -> Result<Self, DbError> {
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.execute_batch(SCHEMA)?;
        migrate(&conn)?;
        Ok(Self {
            conn: Arc::new(Mutex::new(conn)),
        })
    }

    /// The connection, for one short synchronous operation.
    pub(crate) fn lock(&self) -> MutexGuard<'_, Connection> {
        self.conn
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// Brings a database written by an older version up to the current schema.
fn migrate(conn: &Connection) -> Result<(), DbError> {
    let has_revision = conn
        .prepare("SELECT 1 FROM pragma_table_info('runs') WHERE name = 'revision'")?
        .exists([])?;
    if !has_revision {
        conn.execute_batch("ALTER TABLE runs ADD COLUMN revision INTEGER NOT NULL DEFAULT 0")?;
    }
    Ok(())
}

/// Now, as RFC 3339 UTC with milliseconds (sorts as text).
pub fn now() -> String {
    let t = time::OffsetDateTime::now_utc();
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second(),
        t.millisecond()
    )
}

/// Milliseconds between two timestamps written by [`now`], if both parse.
pub fn elapsed_ms(start: &str, end: &str) -> Option<u64> {
    use time::format_description::well_known::Rfc3339;
    let a = time::OffsetDateTime::parse(start, &Rfc3339).ok()?;
    let b = time::OffsetDateTime::parse(end, &Rfc3339).ok()?;
    u64::try_from((b - a).whole_milliseconds()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_parse_back_and_measure() {
        let a = "2024-05-01T10:00:00.000Z";
        let b = "2024-05-01T10:00:01.250Z";
        assert_eq!(elapsed_ms(a, b), Some(1250));
        assert_eq!(elapsed_ms(b, a), None);
        assert!(elapsed_ms(&now(), &now()).is_some());
    }

    #[test]
    fn opens_a_file_database_twice() {
        let dir = tempfile::tempdir().unwrap();
        let path = db_path(dir.path());
        Database::open(&path).unwrap();
        let again = Database::open(&path).unwrap();
        let n: i64 = again
            .lock()
            .query_row("SELECT COUNT(*) FROM runs", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 0);
    }
}
