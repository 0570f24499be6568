//! Journal tests: runs and steps round-trip, calls are written before and after, statuses
//! and tokens persist across reopening, unfinished runs are marked interrupted.

use super::*;
use crate::binding::{
    BindMode, BindPlan, BindRequest, OnFailure, PlanContext, PlanStep, StepAction,
};
use crate::error::ErrorKind;
use crate::ids::{AllocationId, EniId, InstanceId, RegionId};
use crate::workflow::run_text::{GuestNote, RunMessage};

pub(crate) fn sample_plan() -> BindPlan {
    let eip = AllocationId::parse("eip-a1").unwrap();
    let eni = EniId::parse("eni-b2").unwrap();
    let i = InstanceId::parse("i-c3").unwrap();
    BindPlan {
        request: BindRequest::CutThroughBind {
            eip: eip.clone(),
            eni: eni.clone(),
            attach_to: Some(i.clone()),
        },
        region: RegionId::parse("cn-hangzhou").unwrap(),
        steps: vec![
            PlanStep {
                action: StepAction::DetachEni {
                    eni: eni.clone(),
                    instance: i.clone(),
                },
                on_failure: OnFailure::RollBack,
            },
            PlanStep {
                action: StepAction::Associate {
                    eip,
                    target: eni.to_string(),
                    target_type: "NetworkInterface".into(),
                    mode: BindMode::CutThrough,
                    private_ip: Some("10.0.0.9".into()),
                },
                on_failure: OnFailure::RollBack,
            },
            PlanStep {
                action: StepAction::AttachEni { eni, instance: i },
                on_failure: OnFailure::Ask,
            },
        ],
        warnings: Vec::new(),
        notes: vec![crate::binding::plan_notes::PlanNote::StaysDetached {
            eni: "eni-bp1lofjktg4dbzdlyxgp".into(),
        }],
        context: PlanContext::default(),
    }
}

fn owner() -> RunOwner {
    RunOwner {
        profile: "Sandbox".into(),
        account: Some("1234567890".into()),
    }
}

fn err() -> ErrorDto {
    ErrorDto {
        kind: ErrorKind::InvalidState,
        code: "Eni.Attached".into(),
        message: "m".into(),
        request_id: Some("REQ-1".into()),
        hint: None,
        ..Default::default()
    }
}

#[test]
fn a_new_run_has_every_step_pending() {
    let j = Journal::new(Database::in_memory().unwrap());
    let run = j.create_run(&sample_plan(), &owner()).unwrap();
    assert!(run.id.starts_with("run-"));
    assert_eq!(
        (run.status, run.phase),
        (RunStatus::Running, Phase::Forward)
    );
    assert_eq!(run.plan, sample_plan());
    assert_eq!(run.region, "cn-hangzhou");
    assert_eq!(run.account.as_deref(), Some("1234567890"));
    let steps = j.steps(&run.id).unwrap();
    assert_eq!(steps.len(), 3);
    assert!(
        steps
            .iter()
            .all(|s| s.status == StepStatus::Pending && s.started_at.is_none())
    );
    assert_eq!(steps[1].title, "Bind eip-a1 to eni-b2 in cut-through mode");
}

#[test]
fn step_statuses_tokens_and_times_are_recorded() {
    let j = Journal::new(Database::in_memory().unwrap());
    let id = j.create_run(&sample_plan(), &owner()).unwrap().id;
    j.set_step(&id, 0, StepStatus::Running, None, None).unwrap();
    j.set_step_field(&id, 0, CallPhase::Do, StepField::ClientToken, "tok-1")
        .unwrap();
    j.set_step(&id, 0, StepStatus::Waiting, Some("eni-b2 Available"), None)
        .unwrap();
    let s = &j.steps(&id).unwrap()[0];
    assert_eq!(
        (
            s.status,
            s.waiting_for.as_deref(),
            s.client_token.as_deref()
        ),
        (StepStatus::Waiting, Some("eni-b2 Available"), Some("tok-1"))
    );
    assert!(s.started_at.is_some() && s.finished_at.is_none());
    j.set_step_field(&id, 0, CallPhase::Do, StepField::RequestId, "REQ-0")
        .unwrap();
    j.set_step(&id, 0, StepStatus::Done, None, None).unwrap();
    let s = &j.steps(&id).unwrap()[0];
    assert_eq!(s.request_id.as_deref(), Some("REQ-0"));
    let (start, end) = (
        s.started_at.clone().unwrap(),
        s.finished_at.clone().unwrap(),
    );
    assert!(db::elapsed_ms(&start, &end).is_some());
    // Undoing restarts the clock; failing keeps the error.
    j.set_step(&id, 0, StepStatus::Undoing, None, None).unwrap();
    assert!(j.steps(&id).unwrap()[0].finished_at.is_none());
    j.set_step_field(&id, 0, CallPhase::Undo, StepField::ClientToken, "tok-u")
        .unwrap();
    j.set_step(&id, 0, StepStatus::UndoFailed, None, Some(&err()))
        .unwrap();
    let s = &j.steps(&id).unwrap()[0];
    assert_eq!(s.undo_client_token.as_deref(), Some("tok-u"));
    assert_eq!(
        s.error.as_ref().map(|e| e.code.as_str()),
        Some("Eni.Attached")
    );
}

#[test]
fn calls_are_written_before_sending_and_completed_after() {
    let j = Journal::new(Database::in_memory().unwrap());
    let id = j.create_run(&sample_plan(), &owner()).unwrap().id;
    let params = vec![("RegionId".to_string(), "cn-hangzhou".to_string())];
    let c1 = j
        .call_started(
            &id,
            1,
            CallPhase::Do,
            "AssociateEipAddress",
            &params,
            Some("tok"),
        )
        .unwrap();
    let calls = j.calls(&id).unwrap();
    assert_eq!(
        (calls[0].outcome.as_str(), calls[0].finished_at.as_deref()),
        ("sent", None)
    );
    j.call_finished(c1, Some("REQ-9"), None).unwrap();
    let c2 = j
        .call_started(
            &id,
            1,
            CallPhase::Undo,
            "UnassociateEipAddress",
            &params,
            None,
        )
        .unwrap();
    j.call_finished(c2, Some("REQ-10"), Some(&err())).unwrap();
    let calls = j.calls(&id).unwrap();
    assert_eq!(calls.len(), 2);
    assert_eq!(
        (
            calls[0].outcome.as_str(),
            calls[0].request_id.as_deref(),
            calls[0].params.clone()
        ),
        ("ok", Some("REQ-9"), params)
    );
    assert_eq!(
        (calls[1].phase.as_str(), calls[1].outcome.as_str()),
        ("undo", "error")
    );
    assert_eq!(calls[1].error, Some(err()));
}

#[test]
fn run_status_message_and_cancel_persist_across_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let path = db_path(dir.path());
    let (done, open) = {
        let j = Journal::new(Database::open(&path).unwrap());
        let done = j.create_run(&sample_plan(), &owner()).unwrap().id;
        j.set_run(
            &done,
            RunStatus::RolledBack,
            Phase::Rollback,
            Some(&RunMessage::RolledBackNothing),
            Some(&err()),
        )
        .unwrap();
        let open = j.create_run(&sample_plan(), &owner()).unwrap().id;
        j.set_step(&open, 0, StepStatus::Running, None, None)
            .unwrap();
        assert!(j.request_cancel(&open).unwrap());
        (done, open)
    };
    let j = Journal::new(Database::open(&path).unwrap());
    let r = j.run(&done).unwrap().unwrap();
    assert_eq!(
        (r.status, r.phase, r.message.as_deref()),
        (
            RunStatus::RolledBack,
            Phase::Rollback,
            Some("Rolled back. Nothing had changed, so nothing needed undoing.")
        )
    );
    assert_eq!(r.message_text, Some(RunMessage::RolledBackNothing));
    assert!(r.finished_at.is_some());
    assert_eq!(r.error, Some(err()));
    assert!(j.run(&open).unwrap().unwrap().cancel_requested);
    assert_eq!(j.interrupt_unfinished().unwrap(), vec![open.clone()]);
    let r = j.run(&open).unwrap().unwrap();
    assert_eq!(r.status, RunStatus::Interrupted);
    assert!(r.message.unwrap().contains("Resume"));
    assert_eq!(r.message_text, Some(RunMessage::Interrupted));
    assert_eq!(j.steps(&open).unwrap()[0].status, StepStatus::Running);
    j.clear_cancel(&open).unwrap();
    assert!(!j.run(&open).unwrap().unwrap().cancel_requested);
    assert_eq!(j.list_runs(10).unwrap().len(), 2);
    assert!(j.run("run-missing").unwrap().is_none());
}

#[test]
fn every_change_bumps_the_revision() {
    let j = Journal::new(Database::in_memory().unwrap());
    let id = j.create_run(&sample_plan(), &owner()).unwrap().id;
    let rev = |j: &Journal| j.run(&id).unwrap().unwrap().revision;
    let mut last = rev(&j);
    let mut changed = |j: &Journal| {
        let now = rev(j);
        assert!(now > last, "revision {now} after {last}");
        last = now;
    };
    j.set_step(&id, 0, StepStatus::Running, None, None).unwrap();
    changed(&j);
    j.set_step_field(&id, 0, CallPhase::Do, StepField::ClientToken, "t")
        .unwrap();
    changed(&j);
    j.set_step_field(&id, 0, CallPhase::Do, StepField::RequestId, "r")
        .unwrap();
    changed(&j);
    j.set_run(&id, RunStatus::Running, Phase::Forward, None, None)
        .unwrap();
    changed(&j);
    j.request_cancel(&id).unwrap();
    changed(&j);
}

/// A database as the code before schema versioning left it: its tables, one run with its
/// steps and one audit entry; `with_revision` adds the column later builds of that code
/// added by probing `pragma_table_info`.
fn unversioned_database(path: &std::path::Path, with_revision: bool) {
    let conn = rusqlite::Connection::open(path).unwrap();
    // Version 1's SQL is, byte for byte, what that code ran at every start.
    conn.execute_batch(schema::V1_TABLES).unwrap();
    if with_revision {
        conn.execute_batch("ALTER TABLE runs ADD COLUMN revision INTEGER NOT NULL DEFAULT 0")
            .unwrap();
    }
    let plan = sample_plan();
    let t = "2024-05-01T10:00:00.000Z";
    conn.execute(
        "INSERT INTO runs (id, job, title, plan_json, profile, account, region, status, phase, created_at, updated_at) VALUES ('run-old', 'cutThroughBind', 'Old run', ?1, 'Sandbox', '1234567890', 'cn-hangzhou', 'completed', 'forward', ?2, ?2)",
        params![old_plan_json(&plan), t],
    )
    .unwrap();
    for (idx, step) in plan.steps.iter().enumerate() {
        conn.execute(
            "INSERT INTO steps (run_id, idx, title, action_json, status, client_token, request_id) VALUES ('run-old', ?1, 'step', ?2, 'done', 'tok', 'REQ')",
            params![idx as i64, serde_json::to_string(&step.action).unwrap()],
        )
        .unwrap();
    }
    conn.execute(
        "INSERT INTO audit (time, profile, region, action, params_json, outcome) VALUES (?1, 'Sandbox', 'cn-hangzhou', 'AssociateEipAddress', '[]', 'success')",
        [t],
    )
    .unwrap();
    if with_revision {
        conn.execute("UPDATE runs SET revision = 7", []).unwrap();
    }
}

/// The plan as builds of that time journaled it: its notes were English strings.
fn old_plan_json(plan: &BindPlan) -> String {
    let mut json = serde_json::to_value(plan).unwrap();
    json["notes"] = serde_json::json!(["eni-bp1lofjktg4dbzdlyxgp stays detached."]);
    json.to_string()
}

fn user_version(db: &Database) -> i64 {
    db.lock()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap()
}

fn opens_an_unversioned_database(with_revision: bool) {
    let dir = tempfile::tempdir().unwrap();
    let path = db_path(dir.path());
    unversioned_database(&path, with_revision);
    let db = Database::open(&path).unwrap();
    assert_eq!(user_version(&db), 5);
    let j = Journal::new(db.clone());
    let old = j.run("run-old").unwrap().unwrap();
    assert_eq!(old.status, RunStatus::Completed);
    // The old English notes are dropped (notes are shown only by a fresh preflight).
    let mut noteless = sample_plan();
    noteless.notes.clear();
    assert_eq!(old.plan, noteless);
    assert_eq!(old.revision, if with_revision { 7 } else { 0 });
    let steps = j.steps("run-old").unwrap();
    assert_eq!(steps.len(), 3);
    assert_eq!(steps[2].request_id.as_deref(), Some("REQ"));
    let audit = crate::audit::AuditLog::new(db)
        .query(&Default::default())
        .unwrap();
    assert_eq!(audit.len(), 1);
    // New writes work, and opening again changes nothing.
    let run = j.create_run(&sample_plan(), &owner()).unwrap();
    j.set_step_field(&run.id, 0, CallPhase::Do, StepField::ClientToken, "t")
        .unwrap();
    let again = Database::open(&path).unwrap();
    assert_eq!(user_version(&again), 5);
    assert_eq!(Journal::new(again).list_runs(10).unwrap().len(), 2);
}

#[test]
fn a_database_from_before_revisions_is_migrated() {
    opens_an_unversioned_database(false);
}

#[test]
fn a_database_with_the_probed_revision_column_is_migrated() {
    opens_an_unversioned_database(true);
}

#[test]
fn a_database_from_a_newer_build_is_refused_with_a_typed_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = db_path(dir.path());
    Database::open(&path).unwrap();
    rusqlite::Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    assert!(matches!(Database::open(&path), Err(DbError::Schema(_))));
}

#[test]
fn an_unknown_stored_status_is_a_corrupt_record_naming_it() {
    let j = Journal::new(Database::in_memory().unwrap());
    let id = j.create_run(&sample_plan(), &owner()).unwrap().id;
    j.database()
        .lock()
        .execute("UPDATE runs SET status = 'paused' WHERE id = ?1", [&id])
        .unwrap();
    match j.run(&id) {
        Err(DbError::Corrupt(m)) => assert!(m.contains("RunStatus `paused`"), "{m}"),
        other => panic!("{other:?}"),
    }
}

/// A journal written by a build with schema version 4: the run's message and a guest step's
/// lines are English only.
#[test]
fn a_version_4_journal_keeps_showing_its_english_messages() {
    let dir = tempfile::tempdir().unwrap();
    let path = db_path(dir.path());
    {
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        schema::migrate_to(&mut conn, 4);
        let t = "2026-01-05T10:00:00.000Z";
        conn.execute(
            "INSERT INTO runs (id, job, title, plan_json, profile, region, status, phase, message, created_at, updated_at) VALUES ('run-v4', 'cutThroughBind', 'Old run', ?1, 'Sandbox', 'cn-hangzhou', 'completed', 'forward', 'Completed and verified. An old line.', ?2, ?2)",
            params![json(&sample_plan()), t],
        )
        .unwrap();
        for (idx, step) in sample_plan().steps.iter().enumerate() {
            conn.execute(
                "INSERT INTO steps (run_id, idx, title, action_json, status) VALUES ('run-v4', ?1, 'step', ?2, 'done')",
                params![idx as i64, json(&step.action)],
            )
            .unwrap();
        }
        conn.execute(
            "INSERT INTO guest_invocations (run_id, step_idx, phase, client_token, note, summary, updated_at) VALUES ('run-v4', 2, 'do', 'tok', 'Skipped long ago.', 'Found long ago.', ?1)",
            [t],
        )
        .unwrap();
    }
    let j = Journal::new(Database::open(&path).unwrap());
    let run = j.run("run-v4").unwrap().unwrap();
    assert_eq!(
        run.message.as_deref(),
        Some("Completed and verified. An old line.")
    );
    assert_eq!(run.message_text, None);
    let view = crate::workflow::view::run_view(&j, "run-v4").unwrap();
    assert_eq!(
        view.message.as_deref(),
        Some("Completed and verified. An old line.")
    );
    assert_eq!(view.message_text, None);
    let guest = view.steps[2].guest.clone().unwrap();
    assert_eq!(guest.skipped.as_deref(), Some("Skipped long ago."));
    assert_eq!(
        guest.skipped_text,
        Some(GuestNote::Verbatim {
            text: "Skipped long ago.".into()
        })
    );
    assert_eq!(
        guest.summary_text,
        Some(GuestNote::Verbatim {
            text: "Found long ago.".into()
        })
    );
}

#[test]
fn guest_lines_are_journaled_in_english_and_as_keys() {
    let j = Journal::new(Database::in_memory().unwrap());
    let id = j.create_run(&sample_plan(), &owner()).unwrap().id;
    let note = GuestNote::Offline {
        instance: "i-c3".into(),
        left: crate::workflow::run_text::LeftUndone::NotConfigured {
            mac: "00:16:3e:00:00:01".into(),
        },
    };
    j.guest_skipped(&id, 2, CallPhase::Do, &note).unwrap();
    let row = j.guest_invocation(&id, 2, CallPhase::Do).unwrap().unwrap();
    assert_eq!(row.note.as_deref(), Some(note.english().as_str()));
    assert_eq!(row.note_text, Some(note));
}
