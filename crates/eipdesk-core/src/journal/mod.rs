//! The workflow journal: every run, its steps, their ClientTokens and RequestIds, and every
//! API call (written before it is sent and after it returns), in SQLite, so a run interrupted
//! by a crash can be resumed or rolled back on the next start.

pub mod access_history;
pub mod db;
pub mod guest;
pub mod guest_history;
pub mod model;
mod schema;

pub use db::{Database, DbError, db_path};
pub use model::{
    CallPhase, CallRecord, Phase, RunRecord, RunStatus, StepField, StepRecord, StepStatus,
};

use crate::binding::BindPlan;
use crate::error::ErrorDto;
use crate::text::Message;
use crate::workflow::run_text::RunMessage;
use db::{Text, now, rows};
use rusqlite::{Row, params};

/// Who runs a plan (kept with the run and in the audit log).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RunOwner {
    pub profile: String,
    pub account: Option<String>,
}

/// Reads and writes runs, steps and calls.
#[derive(Debug, Clone)]
pub struct Journal {
    db: Database,
}

pub(crate) fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "null".into())
}

fn opt_json<T: serde::Serialize>(value: Option<&T>) -> Option<String> {
    value.map(json)
}

fn parse_opt<T: serde::de::DeserializeOwned>(text: Option<String>) -> Result<Option<T>, DbError> {
    text.map(|t| serde_json::from_str(&t))
        .transpose()
        .map_err(DbError::from)
}

fn bad(what: &str, value: &str) -> DbError {
    DbError::Corrupt(format!("unknown {what} `{value}`"))
}

/// A `runs` row read by column name, its text columns parsed.
fn run_from_row(r: &Row<'_>) -> Result<RunRecord, DbError> {
    let job: String = r.get("job")?;
    let Text(status) = r.get("status")?;
    let Text(phase) = r.get("phase")?;
    let plan: String = r.get("plan_json")?;
    Ok(RunRecord {
        job: serde_json::from_value(serde_json::Value::String(job.clone()))
            .map_err(|_| bad("job", &job))?,
        plan: serde_json::from_str::<BindPlan>(&plan)?,
        status,
        phase,
        error: parse_opt(r.get("error_json")?)?,
        id: r.get("id")?,
        title: r.get("title")?,
        profile: r.get("profile")?,
        account: r.get("account")?,
        region: r.get("region")?,
        message: r.get("message")?,
        message_text: r
            .get::<_, Option<String>>("message_json")?
            .and_then(|j| serde_json::from_str(&j).ok()),
        cancel_requested: r.get("cancel_requested")?,
        revision: u64::try_from(r.get::<_, i64>("revision")?).unwrap_or(0),
        created_at: r.get("created_at")?,
        updated_at: r.get("updated_at")?,
        finished_at: r.get("finished_at")?,
    })
}

/// Bumps the run's revision (every change of the run or one of its steps).
fn bump(conn: &rusqlite::Connection, run_id: &str) -> Result<(), DbError> {
    conn.execute(
        "UPDATE runs SET revision = revision + 1 WHERE id = ?1",
        [run_id],
    )?;
    Ok(())
}

/// A `steps` row read by column name, its text columns parsed.
fn step_from_row(r: &Row<'_>) -> Result<StepRecord, DbError> {
    let idx: i64 = r.get("idx")?;
    let Text(status) = r.get("status")?;
    let action: String = r.get("action_json")?;
    Ok(StepRecord {
        idx: usize::try_from(idx).map_err(|_| bad("step index", &idx.to_string()))?,
        title: r.get("title")?,
        action: serde_json::from_str(&action)?,
        status,
        waiting_for: r.get("waiting_for")?,
        client_token: r.get("client_token")?,
        request_id: r.get("request_id")?,
        undo_client_token: r.get("undo_client_token")?,
        undo_request_id: r.get("undo_request_id")?,
        error: parse_opt(r.get("error_json")?)?,
        started_at: r.get("started_at")?,
        finished_at: r.get("finished_at")?,
        created_id: r.get("created_id")?,
    })
}

/// A `calls` row read by column name, its text columns parsed.
fn call_from_row(r: &Row<'_>) -> Result<CallRecord, DbError> {
    let idx: i64 = r.get("step_idx")?;
    let params: String = r.get("params_json")?;
    Ok(CallRecord {
        id: r.get("id")?,
        run_id: r.get("run_id")?,
        step_idx: usize::try_from(idx).map_err(|_| bad("step index", &idx.to_string()))?,
        phase: r.get("phase")?,
        action: r.get("action")?,
        params: serde_json::from_str(&params)?,
        client_token: r.get("client_token")?,
        started_at: r.get("started_at")?,
        finished_at: r.get("finished_at")?,
        request_id: r.get("request_id")?,
        outcome: r.get("outcome")?,
        error: parse_opt(r.get("error_json")?)?,
    })
}

impl Journal {
    pub fn new(db: Database) -> Self {
        Self { db }
    }

    pub fn database(&self) -> &Database {
        &self.db
    }

    /// Records a new run of `plan` with every step pending; returns it.
    pub fn create_run(&self, plan: &BindPlan, owner: &RunOwner) -> Result<RunRecord, DbError> {
        let id = format!("run-{}", uuid::Uuid::new_v4().simple());
        let t = now();
        let job = plan.request.kind();
        let job_text = serde_json::to_value(job)?
            .as_str()
            .unwrap_or_default()
            .to_string();
        let mut conn = self.db.lock();
        let tx = conn.transaction()?;
        tx.execute(
            "INSERT INTO runs (id, job, title, plan_json, profile, account, region, status, phase, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
            params![id, job_text, job.title(), json(plan), owner.profile, owner.account, plan.region.as_str(), Text(RunStatus::Running), Text(Phase::Forward), t],
        )?;
        for (idx, step) in plan.steps.iter().enumerate() {
            tx.execute(
                "INSERT INTO steps (run_id, idx, title, action_json, status) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![id, i64::try_from(idx).unwrap_or(i64::MAX), step.action.title(), json(&step.action), Text(StepStatus::Pending)],
            )?;
        }
        tx.commit()?;
        drop(conn);
        self.run(&id)?
            .ok_or_else(|| DbError::Corrupt("the new run was not saved".into()))
    }

    pub fn run(&self, id: &str) -> Result<Option<RunRecord>, DbError> {
        let conn = self.db.lock();
        let mut stmt = conn.prepare("SELECT * FROM runs WHERE id = ?1")?;
        Ok(rows(&mut stmt, [id], run_from_row)?.into_iter().next())
    }

    /// The most recent runs first.
    pub fn list_runs(&self, limit: usize) -> Result<Vec<RunRecord>, DbError> {
        let conn = self.db.lock();
        let mut stmt =
            conn.prepare("SELECT * FROM runs ORDER BY created_at DESC, rowid DESC LIMIT ?1")?;
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        rows(&mut stmt, [limit], run_from_row)
    }

    pub fn steps(&self, run_id: &str) -> Result<Vec<StepRecord>, DbError> {
        let conn = self.db.lock();
        let mut stmt = conn.prepare("SELECT * FROM steps WHERE run_id = ?1 ORDER BY idx")?;
        rows(&mut stmt, [run_id], step_from_row)
    }

    /// Sets a run's status and phase, with an optional message and error (`None` clears them).
    /// The message is kept in English (CLI, logs, exports) and as its message key.
    pub fn set_run(
        &self,
        id: &str,
        status: RunStatus,
        phase: Phase,
        message: Option<&RunMessage>,
        error: Option<&ErrorDto>,
    ) -> Result<(), DbError> {
        let t = now();
        let finished = status.is_final().then(|| t.clone());
        let english = message.map(Message::english);
        self.db.lock().execute(
            "UPDATE runs SET status = ?2, phase = ?3, message = ?4, message_json = ?5, error_json = ?6, updated_at = ?7, finished_at = ?8, revision = revision + 1 WHERE id = ?1",
            params![id, Text(status), Text(phase), english, opt_json(message), opt_json(error), t, finished],
        )?;
        Ok(())
    }

    /// Moves a step to `status`; `started_at` is set when it first runs (or is first undone),
    /// `finished_at` when it settles. An error is kept until the step runs again (so an undone
    /// step still shows why the run failed) unless a new one is given.
    pub fn set_step(
        &self,
        run_id: &str,
        idx: usize,
        status: StepStatus,
        waiting_for: Option<&str>,
        error: Option<&ErrorDto>,
    ) -> Result<(), DbError> {
        let t = now();
        let (restart, settle) = match status {
            StepStatus::Running | StepStatus::Undoing => (true, false),
            StepStatus::Done | StepStatus::Failed | StepStatus::Undone | StepStatus::UndoFailed => {
                (false, true)
            }
            StepStatus::Pending | StepStatus::Waiting => (false, false),
        };
        let conn = self.db.lock();
        conn.execute(
            "UPDATE steps SET status = ?3, waiting_for = ?4,
                 error_json = CASE WHEN ?5 IS NOT NULL THEN ?5 WHEN ?3 IN ('running', 'pending') THEN NULL ELSE error_json END,
                 started_at = CASE WHEN ?6 AND (started_at IS NULL OR finished_at IS NOT NULL) THEN ?8 ELSE started_at END,
                 finished_at = CASE WHEN ?7 THEN ?8 WHEN ?6 THEN NULL ELSE finished_at END
             WHERE run_id = ?1 AND idx = ?2",
            params![run_id, idx as i64, Text(status), waiting_for, opt_json(error), restart, settle, t],
        )?;
        bump(&conn, run_id)
    }

    /// Stores a ClientToken (before the call is sent) or a RequestId (when it returned) of a
    /// step's call or of its undo.
    pub fn set_step_field(
        &self,
        run_id: &str,
        idx: usize,
        phase: CallPhase,
        field: StepField,
        value: &str,
    ) -> Result<(), DbError> {
        let column = match (field, phase) {
            (StepField::ClientToken, CallPhase::Do) => "client_token",
            (StepField::ClientToken, CallPhase::Undo) => "undo_client_token",
            (StepField::RequestId, CallPhase::Do) => "request_id",
            (StepField::RequestId, CallPhase::Undo) => "undo_request_id",
            (StepField::CreatedId, _) => "created_id",
        };
        let conn = self.db.lock();
        conn.execute(
            &format!("UPDATE steps SET {column} = ?3 WHERE run_id = ?1 AND idx = ?2"),
            params![run_id, idx as i64, value],
        )?;
        bump(&conn, run_id)
    }

    /// Writes a call before it is sent; returns its id for [`Journal::call_finished`].
    pub fn call_started(
        &self,
        run_id: &str,
        idx: usize,
        phase: CallPhase,
        action: &str,
        params_sent: &[(String, String)],
        token: Option<&str>,
    ) -> Result<i64, DbError> {
        let conn = self.db.lock();
        conn.execute(
            "INSERT INTO calls (run_id, step_idx, phase, action, params_json, client_token, started_at, outcome) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'sent')",
            params![run_id, idx as i64, Text(phase), action, json(&params_sent), token, now()],
        )?;
        Ok(conn.last_insert_rowid())
    }

    /// Completes a call with what came back.
    pub fn call_finished(
        &self,
        call_id: i64,
        request_id: Option<&str>,
        error: Option<&ErrorDto>,
    ) -> Result<(), DbError> {
        let outcome = if error.is_some() { "error" } else { "ok" };
        self.db.lock().execute(
            "UPDATE calls SET finished_at = ?2, request_id = ?3, outcome = ?4, error_json = ?5 WHERE id = ?1",
            params![call_id, now(), request_id, outcome, opt_json(error)],
        )?;
        Ok(())
    }

    /// Every call of a run, in order.
    pub fn calls(&self, run_id: &str) -> Result<Vec<CallRecord>, DbError> {
        let conn = self.db.lock();
        let mut stmt = conn.prepare("SELECT * FROM calls WHERE run_id = ?1 ORDER BY id")?;
        rows(&mut stmt, [run_id], call_from_row)
    }

    /// Asks a running run to stop after its current step (and undo what it did).
    pub fn request_cancel(&self, run_id: &str) -> Result<bool, DbError> {
        let n = self.db.lock().execute(
            "UPDATE runs SET cancel_requested = 1, updated_at = ?2, revision = revision + 1 WHERE id = ?1",
            params![run_id, now()],
        )?;
        Ok(n > 0)
    }

    /// Clears a cancel request (when the user resumes or retries).
    pub fn clear_cancel(&self, run_id: &str) -> Result<(), DbError> {
        self.db.lock().execute(
            "UPDATE runs SET cancel_requested = 0, revision = revision + 1 WHERE id = ?1",
            [run_id],
        )?;
        Ok(())
    }

    /// Marks every run still running or rolling back as interrupted (called once at start-up,
    /// before any engine runs); returns their IDs.
    pub fn interrupt_unfinished(&self) -> Result<Vec<String>, DbError> {
        let conn = self.db.lock();
        let mut stmt =
            conn.prepare("SELECT id FROM runs WHERE status IN ('running', 'rollingBack')")?;
        let ids: Vec<String> = stmt
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        drop(stmt);
        let message = RunMessage::Interrupted;
        conn.execute(
            "UPDATE runs SET status = 'interrupted', message = ?2, message_json = ?3, updated_at = ?1, revision = revision + 1 WHERE status IN ('running', 'rollingBack')",
            params![now(), message.english(), json(&message)],
        )?;
        Ok(ids)
    }
}

#[cfg(test)]
mod tests;
