//! `EipDesk` methods behind the bind sheet, the run timeline and the Activity page: form
//! choices, preflight and plan, starting runs on a background task, the user's decisions
//! (resume, retry, roll back, cancel), run history, and the audit log with its export.

use super::EipDesk;
use crate::audit::export::{ExportFormat, export};
use crate::audit::{AuditEntry, AuditFilter, AuditLog};
use crate::binding::options::{BindOptions, bind_options, mark_busy, run_touching};
use crate::binding::view::PreflightView;
use crate::binding::{BindForm, BindPlan, Blocker, Confirmations, ProfileFacts, preflight};
use crate::export_file::{self, ExportError, ExportSuggestion, ExportTarget};
use crate::ids::{RegionId, RunId};
use crate::journal::{Database, Journal, RunOwner, RunRecord, RunStatus, db_path};
use crate::workflow::quit::QuitIntent;
use crate::workflow::snapshot::fetch_snapshot;
use crate::workflow::view::{RunView, recent_runs, run_view};
use crate::workflow::{Engine, EngineConfig, NoEvents, RunEvents, WorkflowError};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, RwLock};
use ts_rs::TS;

/// How many runs the run history lists when the UI asks for no particular number.
const DEFAULT_RUNS_LIMIT: u32 = 100;

/// Run IDs being driven, with the resources each touches.
type Active = Arc<Mutex<HashMap<String, Vec<String>>>>;

/// The workflow side of the desk: the journal database (opened on first use, when runs left
/// unfinished by a crash are marked interrupted), the event sink and the runs in progress.
pub struct WorkflowHub {
    path: PathBuf,
    db: Mutex<Option<Database>>,
    events: RwLock<Arc<dyn RunEvents>>,
    active: Active,
    config: EngineConfig,
    /// The account of the session generation, from `GetCallerIdentity` (for the audit log).
    account: Mutex<Option<(u64, Option<String>)>>,
}

impl std::fmt::Debug for WorkflowHub {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WorkflowHub")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl WorkflowHub {
    pub fn new(data_dir: &std::path::Path) -> Self {
        Self {
            path: db_path(data_dir),
            db: Mutex::new(None),
            events: RwLock::new(Arc::new(NoEvents)),
            active: Arc::default(),
            config: EngineConfig::default(),
            account: Mutex::new(None),
        }
    }

    fn db(&self) -> Result<Database, WorkflowError> {
        let mut guard = self.db.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(db) = guard.as_ref() {
            return Ok(db.clone());
        }
        let db = Database::open(&self.path)?;
        let interrupted = Journal::new(db.clone()).interrupt_unfinished()?;
        if !interrupted.is_empty() {
            tracing::warn!(runs = ?interrupted, "runs left unfinished by the last session are marked interrupted");
        }
        *guard = Some(db.clone());
        Ok(db)
    }

    fn events(&self) -> Arc<dyn RunEvents> {
        self.events
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }
}

/// An audit export: which format, which entries (the file is chosen in a save dialog).
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AuditExportRequest {
    pub format: ExportFormat,
    #[serde(default)]
    pub filter: AuditFilter,
}

/// What an audit export wrote.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AuditExportResult {
    pub path: String,
    pub entries: u32,
    pub bytes: u32,
}

fn region_of(form: &BindForm) -> Result<RegionId, WorkflowError> {
    RegionId::parse(&form.region_id).map_err(|e| WorkflowError::Form(e.into()))
}

impl EipDesk {
    /// Where run progress goes (the shell forwards it as Tauri events).
    pub fn set_run_events(&self, events: Arc<dyn RunEvents>) {
        *self
            .workflow
            .events
            .write()
            .unwrap_or_else(|p| p.into_inner()) = events;
    }

    pub(super) fn engine(&self) -> Result<Engine, WorkflowError> {
        Ok(Engine::new(
            self.workflow.db()?,
            &self.session().client,
            self.workflow.events(),
            self.workflow.config.clone(),
        ))
    }

    /// The active profile's account: from the profile, else asked once per session with
    /// `GetCallerIdentity` (the audit log records it).
    async fn account_id(&self) -> Option<String> {
        if let Some(account) = self
            .active_profile()
            .await
            .ok()
            .and_then(|p| p.profile.profile.account_id)
        {
            return Some(account);
        }
        let session = self.session();
        if let Some((generation, account)) = self
            .workflow
            .account
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
            && generation == session.generation
        {
            return account;
        }
        let asked = tokio::time::timeout(
            std::time::Duration::from_secs(5),
            session.client.get_caller_identity(),
        )
        .await;
        let account = asked
            .ok()
            .and_then(Result::ok)
            .map(|r| r.account_id)
            .filter(|a| !a.is_empty());
        *self
            .workflow
            .account
            .lock()
            .unwrap_or_else(|p| p.into_inner()) = Some((session.generation, account.clone()));
        account
    }

    pub(super) async fn profile_facts(&self) -> (ProfileFacts, RunOwner) {
        let session = self.session();
        let account = self.account_id().await;
        (
            ProfileFacts {
                name: session.profile_name.clone(),
                production: session.environment == super::profiles::Environment::Production,
            },
            RunOwner {
                profile: session.profile_name,
                account,
            },
        )
    }

    /// The run this process is driving that is changing resource `id`, if any.
    pub fn run_changing(&self, id: &str) -> Option<String> {
        let active = self
            .workflow
            .active
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        run_touching(&active, id).map(str::to_string)
    }

    /// The form's choices for its job, EIP and target, each with why it cannot be chosen.
    pub async fn bind_options(&self, form: BindForm) -> Result<BindOptions, WorkflowError> {
        let region = region_of(&form)?;
        let snapshot = fetch_snapshot(&self.session().client, &region).await?;
        let mut options = bind_options(&form, &snapshot, self.cut_through_regions());
        let active = self
            .workflow
            .active
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        mark_busy(&mut options, &active);
        Ok(options)
    }

    async fn plan(
        &self,
        form: &BindForm,
        profile: &ProfileFacts,
    ) -> Result<Result<BindPlan, Vec<Blocker>>, WorkflowError> {
        let request = form.parse()?;
        let region = region_of(form)?;
        let snapshot = fetch_snapshot(&self.session().client, &region).await?;
        let mut plan = preflight(&request, &snapshot, self.cut_through_regions(), profile);
        if let Ok(plan) = &mut plan {
            let choice = form.guest.unwrap_or_default();
            crate::binding::guest_steps::add_guest_steps(plan, &choice, profile.production);
            if let (crate::binding::BindRequest::CutThroughUnbind { .. }, Some(eni)) =
                (&plan.request, plan.context.eni.clone())
            {
                // What the bind changed beyond the cloud binding goes with it.
                let engine = self.engine()?;
                let journal = engine.journal();
                let (region, eni) = (plan.region.to_string(), eni.to_string());
                let configured = journal.configured_guest(&region, &eni)?;
                crate::binding::guest_steps::add_guest_revert(plan, configured);
                let opened = journal.opened_rules(&region, &eni)?;
                crate::binding::access_steps::add_access_revoke(plan, opened);
            }
            let open_to = form
                .remote_access
                .as_ref()
                .map(crate::binding::access_steps::check_cidr)
                .transpose()
                .map_err(crate::binding::FormError::from)?;
            crate::workflow::reachability::add_reachability_note(
                &self.session().client,
                plan,
                open_to.as_deref(),
            )
            .await;
        }
        Ok(plan)
    }

    /// Preflight on the real state: every failing rule, or the plan.
    pub async fn preflight_bind(&self, form: BindForm) -> Result<PreflightView, WorkflowError> {
        let (profile, _) = self.profile_facts().await;
        Ok(PreflightView::new(&self.plan(&form, &profile).await?))
    }

    /// Preflight again (the state may have moved), check the confirmations, record the run
    /// and drive it on a background task; progress arrives as run events.
    pub async fn start_bind(
        &self,
        form: BindForm,
        confirmations: Confirmations,
    ) -> Result<RunView, WorkflowError> {
        // One reading of the profile for the rules and the run's owner.
        let (profile, owner) = self.profile_facts().await;
        let plan = self
            .plan(&form, &profile)
            .await?
            .map_err(WorkflowError::Preflight)?;
        self.start_plan(&plan, &confirmations, &owner)
    }

    /// Records a run of a checked plan (unless another run is working on one of its
    /// resources) and drives it on a background task.
    pub(super) fn start_plan(
        &self,
        plan: &BindPlan,
        confirmations: &Confirmations,
        owner: &RunOwner,
    ) -> Result<RunView, WorkflowError> {
        let resources = plan.touched_resources();
        let engine = self.engine()?;
        {
            let active = self
                .workflow
                .active
                .lock()
                .unwrap_or_else(|p| p.into_inner());
            if let Some((run, resource)) = resources
                .iter()
                .find_map(|r| run_touching(&active, r).map(|run| (run.to_string(), r.clone())))
            {
                return Err(WorkflowError::Busy { run, resource });
            }
        }
        let run = engine.start(plan, confirmations, owner)?;
        let journal = engine.journal().clone();
        self.spawn_drive(engine, &run, resources);
        Ok(run_view(&journal, &run.id)?)
    }

    fn spawn_drive(&self, engine: Engine, run: &RunRecord, resources: Vec<String>) {
        let active = self.workflow.active.clone();
        let id = run.id.clone();
        {
            let mut guard = active.lock().unwrap_or_else(|p| p.into_inner());
            if guard.contains_key(&id) {
                return; // already driven: it picks the new status up
            }
            guard.insert(id.clone(), resources);
        }
        tokio::spawn(async move {
            loop {
                let ok = match engine.drive(&id).await {
                    Ok(status) => {
                        tracing::info!(run = %id, status = <&str>::from(status), "run paused");
                        true
                    }
                    Err(e) => {
                        tracing::error!(run = %id, error = %e, "run stopped on an engine error");
                        false
                    }
                };
                // A decision taken while this task was finishing (retry, roll back) found it
                // still registered and spawned nothing: look again under the lock.
                let mut guard = active.lock().unwrap_or_else(|p| p.into_inner());
                let again = ok
                    && matches!(engine.journal().run(&id), Ok(Some(r)) if matches!(r.status, RunStatus::Running | RunStatus::RollingBack));
                if !again {
                    guard.remove(&id);
                    break;
                }
            }
        });
    }

    fn check_owner(&self, run: &RunRecord) -> Result<(), WorkflowError> {
        let profile = self.session().profile_name;
        if run.profile == profile {
            Ok(())
        } else {
            Err(WorkflowError::OtherProfile {
                profile: run.profile.clone(),
            })
        }
    }

    fn steer(
        &self,
        run_id: &str,
        decide: impl FnOnce(&Engine) -> Result<(), WorkflowError>,
    ) -> Result<RunView, WorkflowError> {
        let engine = self.engine()?;
        let run = engine
            .journal()
            .run(run_id)?
            .ok_or_else(|| WorkflowError::RunNotFound(run_id.to_string()))?;
        self.check_owner(&run)?;
        decide(&engine)?;
        let view = run_view(engine.journal(), run_id)?;
        self.spawn_drive(engine, &run, run.plan.touched_resources());
        Ok(view)
    }

    /// Continues an interrupted run, retries a failed step, or retries a failed rollback.
    pub async fn resume_run(&self, run_id: &RunId) -> Result<RunView, WorkflowError> {
        let run_id = run_id.as_str();
        self.steer(run_id, |e| e.resume(run_id))
    }

    /// Undoes what the run did.
    pub async fn roll_back_run(&self, run_id: &RunId) -> Result<RunView, WorkflowError> {
        let run_id = run_id.as_str();
        self.steer(run_id, |e| e.roll_back(run_id))
    }

    /// Stops the run after its current step and undoes what it did.
    pub async fn cancel_run(&self, run_id: &RunId) -> Result<RunView, WorkflowError> {
        let run_id = run_id.as_str();
        let engine = self.engine()?;
        engine.cancel(run_id)?;
        Ok(run_view(engine.journal(), run_id)?)
    }

    /// The most recent runs, newest first (interrupted ones offer Resume and Roll back).
    /// `limit` is clamped to 1..=500; [`DEFAULT_RUNS_LIMIT`] when the UI gives none.
    pub fn workflow_runs(&self, limit: Option<u32>) -> Result<Vec<RunView>, WorkflowError> {
        let limit = limit.unwrap_or(DEFAULT_RUNS_LIMIT);
        let journal = Journal::new(self.workflow.db()?);
        Ok(recent_runs(
            &journal,
            usize::try_from(limit.clamp(1, 500)).unwrap_or(50),
        )?)
    }

    /// Runs that still hold resources half-way (running, rolling back, or waiting for a
    /// decision): closing the app now would leave them interrupted, so the window asks first.
    pub fn runs_in_progress(&self) -> Result<Vec<RunView>, WorkflowError> {
        let mut runs = self.workflow_runs(Some(500))?;
        runs.retain(|r| r.status.in_progress());
        Ok(runs)
    }

    /// Whether the user's answer to a held close is fulfilled: every run it waits for has
    /// reached the point it names (a run missing from the journal holds nothing).
    pub fn quit_intent_fulfilled(&self, intent: &QuitIntent) -> Result<bool, WorkflowError> {
        let journal = Journal::new(self.workflow.db()?);
        let mut statuses = std::collections::HashMap::new();
        for id in &intent.runs {
            if let Some(run) = journal.run(id.as_str())? {
                statuses.insert(id.clone(), run.status);
            }
        }
        Ok(intent.fulfilled(|id| statuses.get(id).copied()))
    }

    pub fn workflow_run(&self, run_id: &str) -> Result<RunView, WorkflowError> {
        let journal = Journal::new(self.workflow.db()?);
        if journal.run(run_id)?.is_none() {
            return Err(WorkflowError::RunNotFound(run_id.to_string()));
        }
        Ok(run_view(&journal, run_id)?)
    }

    /// Audit log entries matching `filter`, newest first, as the Activity page shows them (long
    /// values shortened: `audit::display`; the export keeps them whole).
    pub fn audit_log(&self, filter: &AuditFilter) -> Result<Vec<AuditEntry>, WorkflowError> {
        let entries = AuditLog::new(self.workflow.db()?).query(filter)?;
        Ok(crate::audit::display::for_view(entries))
    }

    /// Where the save dialog for an audit export opens, and the name it suggests.
    pub fn audit_export_suggestion(&self, format: ExportFormat) -> ExportSuggestion {
        ExportSuggestion {
            folder: export_file::default_dir(self.data_dir()),
            file_name: export_file::suggested_name("audit", format.extension()),
        }
    }

    /// Writes the matching audit entries as CSV or JSON to the file the user chose.
    pub fn export_audit(
        &self,
        target: &ExportTarget,
        request: &AuditExportRequest,
    ) -> Result<AuditExportResult, WorkflowError> {
        let mut filter = request.filter.clone();
        filter.limit = Some(filter.limit.unwrap_or(100_000));
        // Whole values, not the Activity page's shortened ones.
        let entries = AuditLog::new(self.workflow.db()?).query(&filter)?;
        let fail = |reason: String| ExportError::Write {
            path: target.path().display().to_string(),
            reason,
        };
        let text = export(&entries, request.format).map_err(|e| fail(e.to_string()))?;
        target.write(text.as_bytes())?;
        Ok(AuditExportResult {
            path: target.path().display().to_string(),
            entries: u32::try_from(entries.len()).unwrap_or(u32::MAX),
            bytes: u32::try_from(text.len()).unwrap_or(u32::MAX),
        })
    }
}
