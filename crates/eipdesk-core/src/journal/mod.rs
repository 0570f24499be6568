//! The workflow journal: every run, its steps, their ClientTokens and RequestIds, and every
//! API call (written before it is sent and after it returns), in SQLite, so a run interrupted
//! by a crash can be resumed or rolled back on the next start.

pub mod db;
pub mod model;

pub use db::{Database, DbError, db_path};
pub use model::{CallPhase, CallRecord, Phase, RunRecord, RunStatus, StepRecord, StepStatus};

use crate::binding::BindPlan;
use crate::error::ErrorDto;
use db::now;
use rusqlite::{OptionalExtension, Row, params};

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

fn json<T: serde::Serialize>(value: &T) -> String {
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

const RUN_COLUMNS: &str = "id, job, title, plan_json, profile, account, region, status, phase, message, error_json, cancel_requested, revision, created_at, updated_at, finished_at";
const STEP_COLUMNS: &str = "idx, title, action_json, status, waiting_for, client_token, request_id, undo_client_token, undo_request_id, error_json, started_at, finished_at";

/// A `runs` row as stored, before its text columns are parsed.
struct RawRun {
    id: String,
    job: String,
    title: String,
    plan: String,
    profile: String,
    account: Option<String>,
    region: String,
    status: String,
    phase: String,
    message: Option<String>,
    error: Option<String>,
    cancel: bool,
    revision: i64,
    created: String,
    updated: String,
    finished: Option<String>,
}

fn raw_run(r: &Row<'_>) -> rusqlite::Result<RawRun> {
    Ok(RawRun {
        id: r.get(0)?,
        job: r.get(1)?,
        title: r.get(2)?,
        plan: r.get(3)?,
        profile: r.get(4)?,
        account: r.get(5)?,
        region: r.get(6)?,
        status: r.get(7)?,
        phase: r.get(8)?,
        message: r.get(9)?,
        error: r.get(10)?,
        cancel: r.get(11)?,
        revision: r.get(12)?,
        created: r.get(13)?,
        updated: r.get(14)?,
        finished: r.get(15)?,
    })
}

fn run_from_raw(raw: RawRun) -> Result<RunRecord, DbError> {
    Ok(RunRecord {
        job: serde_json::from_value(serde_json::Value::String(raw.job.clone()))
            .map_err(|_| bad("job", &raw.job))?,
        plan: serde_json::from_str::<BindPlan>(&raw.plan)?,
        status: RunStatus::parse(&raw.status).ok_or_else(|| bad("run status", &raw.status))?,
        phase: Phase::parse(&raw.phase).ok_or_else(|| bad("phase", &raw.phase))?,
        error: parse_opt(raw.error)?,
        id: raw.id,
        title: raw.title,
        profile: raw.profile,
        account: raw.account,
        region: raw.region,
        message: raw.message,
        cancel_requested: raw.cancel,
        revision: u64::try_from(raw.revision).unwrap_or(0),
        created_at: raw.created,
        updated_at: raw.updated,
        finished_at: raw.finished,
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

type RawStep = (
    i64,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

fn raw_step(r: &Row<'_>) -> rusqlite::Result<RawStep> {
    Ok((
        r.get(0)?,
        r.get(1)?,
        r.get(2)?,
        r.get(3)?,
        r.get(4)?,
        r.get(5)?,
        r.get(6)?,
        r.get(7)?,
        r.get(8)?,
        r.get(9)?,
        r.get(10)?,
        r.get(11)?,
    ))
}

fn step_from_raw(raw: RawStep) -> Result<StepRecord, DbError> {
    let (
        idx,
        title,
        action,
        status,
        waiting_for,
        token,
        request_id,
        undo_token,
        undo_request_id,
        error,
        started,
        finished,
    ) = raw;
    Ok(StepRecord {
        idx: usize::try_from(idx).map_err(|_| bad("step index", &idx.to_string()))?,
        title,
        action: serde_json::from_str(&action)?,
        status: StepStatus::parse(&status).ok_or_else(|| bad("step status", &status))?,
        waiting_for,
        client_token: token,
        request_id,
        undo_client_token: undo_token,
        undo_request_id,
        error: parse_opt(error)?,
        started_at: started,
        finished_at: finished,
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
            params![id, job_text, job.title(), json(plan), owner.profile, owner.account, plan.region.as_str(), RunStatus::Running.as_str(), Phase::Forward.as_str(), t],
        )?;
        for (idx, step) in plan.steps.iter().enumerate() {
            tx.execute(
                "INSERT INTO steps (run_id, idx, title, action_json, status) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![id, i64::try_from(idx).unwrap_or(i64::MAX), step.action.title(), json(&step.action), StepStatus::Pending.as_str()],
            )?;
        }
        tx.commit()?;
        drop(conn);
        self.run(&id)?
            .ok_or_else(|| DbError::Corrupt("the new run was not saved".into()))
    }

    pub fn run(&self, id: &str) -> Result<Option<RunRecord>, DbError> {
        let conn = self.db.lock();
        let raw = conn
            .query_row(
                &format!("SELECT {RUN_COLUMNS} FROM runs WHERE id = ?1"),
                [id],
                raw_run,
            )
            .optional()?;
        raw.map(run_from_raw).transpose()
    }

    /// The most recent runs first.
    pub fn list_runs(&self, limit: usize) -> Result<Vec<RunRecord>, DbError> {
        let conn = self.db.lock();
        let mut stmt = conn.prepare(&format!(
            "SELECT {RUN_COLUMNS} FROM runs ORDER BY created_at DESC, rowid DESC LIMIT ?1"
        ))?;
        let raws = stmt
            .query_map([i64::try_from(limit).unwrap_or(i64::MAX)], raw_run)?
            .collect::<Result<Vec<_>, _>>()?;
        raws.into_iter().map(run_from_raw).collect()
    }

    pub fn steps(&self, run_id: &str) -> Result<Vec<StepRecord>, DbError> {
        let conn = self.db.lock();
        let mut stmt = conn.prepare(&format!(
            "SELECT {STEP_COLUMNS} FROM steps WHERE run_id = ?1 ORDER BY idx"
        ))?;
        let raws = stmt
            .query_map([run_id], raw_step)?
            .collect::<Result<Vec<_>, _>>()?;
        raws.into_iter().map(step_from_raw).collect()
    }

    /// Sets a run's status and phase, with an optional message and error (`None` clears them).
    pub fn set_run(
        &self,
        id: &str,
        status: RunStatus,
        phase: Phase,
        message: Option<&str>,
        error: Option<&ErrorDto>,
    ) -> Result<(), DbError> {
        let t = now();
        let finished = status.is_final().then(|| t.clone());
        self.db.lock().execute(
            "UPDATE runs SET status = ?2, phase = ?3, message = ?4, error_json = ?5, updated_at = ?6, finished_at = ?7, revision = revision + 1 WHERE id = ?1",
            params![id, status.as_str(), phase.as_str(), message, opt_json(error), t, finished],
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
            params![run_id, idx as i64, status.as_str(), waiting_for, opt_json(error), restart, settle, t],
        )?;
        bump(&conn, run_id)
    }

    /// Stores the ClientToken of a step's call (or of its undo) before the call is sent.
    pub fn set_step_token(
        &self,
        run_id: &str,
        idx: usize,
        phase: CallPhase,
        token: &str,
    ) -> Result<(), DbError> {
        let column = match phase {
            CallPhase::Do => "client_token",
            CallPhase::Undo => "undo_client_token",
        };
        let conn = self.db.lock();
        conn.execute(
            &format!("UPDATE steps SET {column} = ?3 WHERE run_id = ?1 AND idx = ?2"),
            params![run_id, idx as i64, token],
        )?;
        bump(&conn, run_id)
    }

    /// Stores the RequestId a step's call (or its undo) returned.
    pub fn set_step_request_id(
        &self,
        run_id: &str,
        idx: usize,
        phase: CallPhase,
        request_id: &str,
    ) -> Result<(), DbError> {
        let column = match phase {
            CallPhase::Do => "request_id",
            CallPhase::Undo => "undo_request_id",
        };
        let conn = self.db.lock();
        conn.execute(
            &format!("UPDATE steps SET {column} = ?3 WHERE run_id = ?1 AND idx = ?2"),
            params![run_id, idx as i64, request_id],
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
            params![run_id, idx as i64, phase.as_str(), action, json(&params_sent), token, now()],
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
        let mut stmt = conn.prepare(
            "SELECT id, run_id, step_idx, phase, action, params_json, client_token, started_at, finished_at, request_id, outcome, error_json FROM calls WHERE run_id = ?1 ORDER BY id",
        )?;
        type Raw = (
            i64,
            String,
            i64,
            String,
            String,
            String,
            Option<String>,
            String,
            Option<String>,
            Option<String>,
            String,
            Option<String>,
        );
        let raws: Vec<Raw> = stmt
            .query_map([run_id], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                    r.get(7)?,
                    r.get(8)?,
                    r.get(9)?,
                    r.get(10)?,
                    r.get(11)?,
                ))
            })?
            .collect::<Result<_, _>>()?;
        raws.into_iter()
            .map(
                |(
                    id,
                    run_id,
                    idx,
                    phase,
                    action,
                    params,
                    token,
                    started,
                    finished,
                    request_id,
                    outcome,
                    error,
                )| {
                    Ok(CallRecord {
                        id,
                        run_id,
                        step_idx: usize::try_from(idx).unwrap_or(usize::MAX),
                        phase,
                        action,
                        params: serde_json::from_str(&params)?,
                        client_token: token,
                        started_at: started,
                        finished_at: finished,
                        request_id,
                        outcome,
                        error: parse_opt(error)?,
                    })
                },
            )
            .collect()
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
        conn.execute(
            "UPDATE runs SET status = 'interrupted', message = 'EIP Desk stopped while this run was in progress. Resume it or roll it back.', updated_at = ?1, revision = revision + 1 WHERE status IN ('running', 'rollingBack')",
            [now()],
        )?;
        Ok(ids)
    }
}

#[cfg(test)]
mod tests;
