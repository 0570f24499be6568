//! The SQLite database `<data dir>/eipdesk.db` shared by the workflow journal and the audit
//! log: opening it (WAL, full sync, busy timeout, the schema brought up to date by
//! [`super::schema`]), reading rows, enums as text, and timestamps.

use rusqlite::Connection;
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use std::path::{Path, PathBuf};
use std::str::FromStr;
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
    Sqlite(rusqlite::Error),
    #[error("a journal record could not be read: {0}")]
    Corrupt(String),
    #[error("the journal database could not be brought up to date: {0}")]
    Schema(#[from] rusqlite_migration::Error),
}

impl From<rusqlite::Error> for DbError {
    /// A column that does not convert (an unknown status text, a wrong type) is a corrupt
    /// record, not a database failure.
    fn from(e: rusqlite::Error) -> Self {
        match e {
            rusqlite::Error::FromSqlConversionFailure(_, _, inner) => {
                DbError::Corrupt(inner.to_string())
            }
            e @ rusqlite::Error::InvalidColumnType(..) => DbError::Corrupt(e.to_string()),
            e => DbError::Sqlite(e),
        }
    }
}

impl From<serde_json::Error> for DbError {
    fn from(e: serde_json::Error) -> Self {
        DbError::Corrupt(e.to_string())
    }
}

/// A shared handle on the database. Cheap to clone; calls are short and serialised.
#[derive(Debug, Clone)]
pub struct Database {
    conn: Arc<Mutex<Connection>>,
}

impl Database {
    /// Opens (creating if needed) the database at `path`. A new file is created owner-only
    /// before SQLite opens it; SQLite gives its WAL and SHM files the database's mode.
    pub fn open(path: &Path) -> Result<Self, DbError> {
        let cannot = |what: &Path, e: std::io::Error| {
            DbError::Corrupt(format!("cannot create {}: {e}", what.display()))
        };
        if let Some(parent) = path.parent() {
            crate::private_fs::create_private_dir(parent).map_err(|e| cannot(parent, e))?;
        }
        create_private_file(path).map_err(|e| cannot(path, e))?;
        Self::init(Connection::open(path)?)
    }

    /// A private in-memory database (tests).
    pub fn in_memory() -> Result<Self, DbError> {
        Self::init(Connection::open_in_memory()?)
    }

    fn init(mut conn: Connection) -> Result<Self, DbError> {
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        super::schema::migrate(&mut conn)?;
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

/// Creates `path` empty and owner-only unless it exists (then its mode is tightened).
fn create_private_file(path: &Path) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(crate::private_fs::FILE_MODE);
    }
    options.open(path)?;
    crate::private_fs::set_mode(path, crate::private_fs::FILE_MODE)
}

/// Every row `stmt` returns for `params`, each mapped by `map`.
pub(crate) fn rows<T>(
    stmt: &mut rusqlite::Statement<'_>,
    params: impl rusqlite::Params,
    map: impl Fn(&rusqlite::Row<'_>) -> Result<T, DbError>,
) -> Result<Vec<T>, DbError> {
    let mut rows = stmt.query(params)?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        out.push(map(row)?);
    }
    Ok(out)
}

/// An enum stored as its text (its `strum` serialization): binds as a parameter and reads
/// back from a column, an unknown text failing the read with the text in the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Text<T>(pub T);

impl<T: Copy + Into<&'static str>> ToSql for Text<T> {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.0.into()))
    }
}

impl<T: FromStr> FromSql for Text<T> {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        let text = value.as_str()?;
        text.parse().map(Text).map_err(|_| {
            let kind = std::any::type_name::<T>()
                .rsplit("::")
                .next()
                .unwrap_or("value");
            FromSqlError::Other(format!("unknown {kind} `{text}`").into())
        })
    }
}

/// Now, as RFC 3339 UTC with milliseconds (fixed width, so it sorts as text).
pub fn now() -> String {
    alicloud_api::timestamp::now_utc(alicloud_api::timestamp::MILLIS)
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
