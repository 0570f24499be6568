//! The Cloud Assistant invocations of a run's guest steps (one row per step and phase): the
//! ClientToken written before `RunCommand` is sent, the `InvokeId` as soon as it returns (a
//! resumed step polls that invocation instead of sending the script again), the last status,
//! exit code and output (bounded: [`MAX_OUTPUT`] bytes), and why a step was skipped.

use super::db::now;
use super::{CallPhase, Journal, bump, json};
use crate::journal::DbError;
use crate::text::Message;
use crate::workflow::run_text::GuestNote;
use rusqlite::{OptionalExtension, params};

/// At most this many bytes of a script's output are kept (its head and tail).
pub const MAX_OUTPUT: usize = 8 * 1024;

/// One guest step's invocation as journaled.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GuestInvocation {
    pub step_idx: usize,
    /// `do` or `undo`.
    pub phase: String,
    pub client_token: String,
    pub invoke_id: Option<String>,
    /// The last `InvocationStatus` seen.
    pub status: Option<String>,
    pub exit_code: Option<i64>,
    /// Bounded output (see [`bound`]).
    pub output: String,
    /// Why the step did not run its script (Cloud Assistant offline, ...), when it did not.
    pub note: Option<String>,
    /// What the step found, for the user (e.g. the verified address).
    pub summary: Option<String>,
    /// [`GuestInvocation::note`] as a message (its English when journaled before version 5).
    pub note_text: Option<GuestNote>,
    /// [`GuestInvocation::summary`] as a message (likewise).
    pub summary_text: Option<GuestNote>,
}

/// `text` cut to [`MAX_OUTPUT`] bytes: the first quarter and the last three quarters, with a
/// line saying how much was left out between them.
pub fn bound(text: &str) -> String {
    if text.len() <= MAX_OUTPUT {
        return text.to_string();
    }
    let head_end = floor(text, MAX_OUTPUT / 4);
    let tail_start = ceil(text, text.len() - MAX_OUTPUT * 3 / 4);
    format!(
        "{}\n…[{} bytes left out]…\n{}",
        &text[..head_end],
        tail_start - head_end,
        &text[tail_start..]
    )
}

fn floor(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

fn phase_name(phase: CallPhase) -> &'static str {
    phase.into()
}

fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<GuestInvocation> {
    let note: Option<String> = r.get("note")?;
    let summary: Option<String> = r.get("summary")?;
    let note_json: Option<String> = r.get("note_json")?;
    let summary_json: Option<String> = r.get("summary_json")?;
    Ok(GuestInvocation {
        note_text: GuestNote::from_journal(note_json.as_deref(), note.as_deref()),
        summary_text: GuestNote::from_journal(summary_json.as_deref(), summary.as_deref()),
        step_idx: usize::try_from(r.get::<_, i64>("step_idx")?).unwrap_or(0),
        phase: r.get("phase")?,
        client_token: r.get("client_token")?,
        invoke_id: r.get("invoke_id")?,
        status: r.get("status")?,
        exit_code: r.get("exit_code")?,
        output: r.get("output")?,
        note,
        summary,
    })
}

impl Journal {
    /// The journaled invocation of a guest step, if any.
    pub fn guest_invocation(
        &self,
        run_id: &str,
        idx: usize,
        phase: CallPhase,
    ) -> Result<Option<GuestInvocation>, DbError> {
        let conn = self.db.lock();
        Ok(conn
            .query_row(
                "SELECT * FROM guest_invocations WHERE run_id = ?1 AND step_idx = ?2 AND phase = ?3",
                params![run_id, idx as i64, phase_name(phase)],
                from_row,
            )
            .optional()?)
    }

    /// Every journaled guest invocation of a run, by step.
    pub fn guest_invocations(&self, run_id: &str) -> Result<Vec<GuestInvocation>, DbError> {
        let conn = self.db.lock();
        let mut stmt = conn.prepare(
            "SELECT * FROM guest_invocations WHERE run_id = ?1 ORDER BY step_idx, phase",
        )?;
        let rows = stmt.query_map([run_id], from_row)?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }

    /// A new attempt: its ClientToken, written before `RunCommand` is sent (forgets the
    /// previous attempt's invocation).
    pub fn guest_begin(
        &self,
        run_id: &str,
        idx: usize,
        phase: CallPhase,
        client_token: &str,
    ) -> Result<(), DbError> {
        let conn = self.db.lock();
        conn.execute(
            "INSERT INTO guest_invocations (run_id, step_idx, phase, client_token, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (run_id, step_idx, phase) DO UPDATE SET client_token = ?4,
                invoke_id = NULL, status = NULL, exit_code = NULL, output = '', note = NULL,
                summary = NULL, note_json = NULL, summary_json = NULL,
                updated_at = ?5",
            params![run_id, idx as i64, phase_name(phase), client_token, now()],
        )?;
        bump(&conn, run_id)
    }

    /// The `InvokeId` `RunCommand` returned.
    pub fn guest_sent(
        &self,
        run_id: &str,
        idx: usize,
        phase: CallPhase,
        invoke_id: &str,
    ) -> Result<(), DbError> {
        self.guest_update(run_id, idx, phase, "invoke_id = ?4", invoke_id)
    }

    /// The last status, exit code and output seen (the output bounded).
    pub fn guest_result(
        &self,
        run_id: &str,
        idx: usize,
        phase: CallPhase,
        status: &str,
        exit_code: i64,
        output: &str,
    ) -> Result<(), DbError> {
        let conn = self.db.lock();
        conn.execute(
            "UPDATE guest_invocations SET status = ?4, exit_code = ?5, output = ?6, updated_at = ?7
             WHERE run_id = ?1 AND step_idx = ?2 AND phase = ?3",
            params![
                run_id,
                idx as i64,
                phase_name(phase),
                status,
                exit_code,
                bound(output),
                now()
            ],
        )?;
        bump(&conn, run_id)
    }

    /// Why the step did not run its script (the row is created when needed).
    pub fn guest_skipped(
        &self,
        run_id: &str,
        idx: usize,
        phase: CallPhase,
        note: &GuestNote,
    ) -> Result<(), DbError> {
        let conn = self.db.lock();
        conn.execute(
            "INSERT INTO guest_invocations (run_id, step_idx, phase, client_token, note, note_json, updated_at)
             VALUES (?1, ?2, ?3, '', ?4, ?5, ?6)
             ON CONFLICT (run_id, step_idx, phase) DO UPDATE SET note = ?4, note_json = ?5, updated_at = ?6",
            params![run_id, idx as i64, phase_name(phase), note.english(), json(note), now()],
        )?;
        bump(&conn, run_id)
    }

    /// What the step found (shown with the run).
    pub fn guest_summary(
        &self,
        run_id: &str,
        idx: usize,
        phase: CallPhase,
        summary: &GuestNote,
    ) -> Result<(), DbError> {
        let conn = self.db.lock();
        conn.execute(
            "UPDATE guest_invocations SET summary = ?4, summary_json = ?5, updated_at = ?6
             WHERE run_id = ?1 AND step_idx = ?2 AND phase = ?3",
            params![
                run_id,
                idx as i64,
                phase_name(phase),
                summary.english(),
                json(summary),
                now()
            ],
        )?;
        bump(&conn, run_id)
    }

    fn guest_update(
        &self,
        run_id: &str,
        idx: usize,
        phase: CallPhase,
        set: &str,
        value: &str,
    ) -> Result<(), DbError> {
        let conn = self.db.lock();
        conn.execute(
            &format!(
                "UPDATE guest_invocations SET {set}, updated_at = ?5
                 WHERE run_id = ?1 AND step_idx = ?2 AND phase = ?3"
            ),
            params![run_id, idx as i64, phase_name(phase), value, now()],
        )?;
        bump(&conn, run_id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_is_bounded_keeping_head_and_tail() {
        assert_eq!(bound("short"), "short");
        let long = format!("{}{}", "a".repeat(5000), "é".repeat(5000));
        let b = bound(&long);
        assert!(b.len() <= MAX_OUTPUT + 40, "{}", b.len());
        assert!(b.starts_with("aaa") && b.ends_with('é'));
        assert!(b.contains("bytes left out"));
    }
}
