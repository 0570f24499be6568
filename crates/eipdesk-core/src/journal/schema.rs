//! The schema of `eipdesk.db`, versioned with `rusqlite_migration` (SQLite's `user_version`):
//! one migration per change, applied in order, never edited once released.
//!
//! Databases written before the schema was versioned have `user_version` 0 and their tables
//! in place: version 1 creates its tables only if missing, and [`adopt_unversioned`] marks a
//! database that already has version 2's column as version 2, once, so that every later
//! migration applies to it as to any other database.

use rusqlite::Connection;
use rusqlite_migration::{M, Migrations};

/// Version 1: runs, steps, calls and the audit log: exactly the SQL the code before
/// versioning ran at every start (`IF NOT EXISTS`: such databases, at version 0, already have
/// these tables). Never edit it; the tests build old databases with it.
pub(super) const V1_TABLES: &str = "
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

/// Version 2: a revision per run, bumped by every change, that orders the views the UI gets.
const V2_RUN_REVISION: &str = "ALTER TABLE runs ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;";

/// Version 3: the ID of what a step created (a new EIP or ENI), so later steps, the undo and
/// a resumed run use it.
const V3_STEP_CREATED_ID: &str = "ALTER TABLE steps ADD COLUMN created_id TEXT;";

/// Version 4: the Cloud Assistant invocations of guest steps (`journal::guest`).
const V4_GUEST_INVOCATIONS: &str = "
CREATE TABLE IF NOT EXISTS guest_invocations (
    run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    step_idx INTEGER NOT NULL,
    phase TEXT NOT NULL,
    client_token TEXT NOT NULL,
    invoke_id TEXT,
    status TEXT,
    exit_code INTEGER,
    output TEXT NOT NULL DEFAULT '',
    note TEXT,
    summary TEXT,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (run_id, step_idx, phase)
);
";

/// Version 5: the run's message and a guest step's lines as message keys (JSON), beside
/// their English, so the UI words them in the user's language.
const V5_MESSAGE_KEYS: &str = "
ALTER TABLE runs ADD COLUMN message_json TEXT;
ALTER TABLE guest_invocations ADD COLUMN note_json TEXT;
ALTER TABLE guest_invocations ADD COLUMN summary_json TEXT;
";

/// Every migration, oldest first; the schema version is how many have run.
fn steps() -> Vec<M<'static>> {
    vec![
        M::up(V1_TABLES),
        M::up(V2_RUN_REVISION),
        M::up(V3_STEP_CREATED_ID),
        M::up(V4_GUEST_INVOCATIONS),
        M::up(V5_MESSAGE_KEYS),
    ]
}

fn migrations() -> Migrations<'static> {
    Migrations::new(steps())
}

/// Brings a database to `version` only (tests build older journals with it).
#[cfg(test)]
pub(super) fn migrate_to(conn: &mut Connection, version: usize) {
    let mut steps = steps();
    steps.truncate(version);
    Migrations::new(steps).to_latest(conn).unwrap();
}

/// Brings the database to the latest schema version (a newer database than this build knows
/// is an error, not a downgrade).
pub(super) fn migrate(conn: &mut Connection) -> Result<(), rusqlite_migration::Error> {
    adopt_unversioned(conn)?;
    migrations().to_latest(conn)
}

/// Marks a database from before versioning (`user_version` 0) whose `runs` table already has
/// the `revision` column as version 2, so that migration is not applied twice.
fn adopt_unversioned(conn: &Connection) -> rusqlite::Result<()> {
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if version != 0 {
        return Ok(());
    }
    let has_revision = conn
        .prepare("SELECT 1 FROM pragma_table_info('runs') WHERE name = 'revision'")?
        .exists([])?;
    if has_revision {
        conn.pragma_update(None, "user_version", 2)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        migrations().validate().unwrap();
    }

    #[test]
    fn a_fresh_database_gets_the_latest_version() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn).unwrap();
        let v: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, 5);
        migrate(&mut conn).unwrap();
    }

    #[test]
    fn version_5_adds_the_message_key_columns() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate_to(&mut conn, 4);
        let column = |conn: &Connection, table: &str, name: &str| {
            conn.prepare(&format!(
                "SELECT 1 FROM pragma_table_info('{table}') WHERE name = '{name}'"
            ))
            .unwrap()
            .exists([])
            .unwrap()
        };
        assert!(!column(&conn, "runs", "message_json"));
        migrate(&mut conn).unwrap();
        assert!(column(&conn, "runs", "message_json"));
        assert!(column(&conn, "guest_invocations", "note_json"));
        assert!(column(&conn, "guest_invocations", "summary_json"));
    }
}
