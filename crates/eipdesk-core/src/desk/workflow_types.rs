//! The TypeScript declarations of the workflow's UI types (binding forms, plans, runs,
//! guest-OS instructions, the audit log), in the stable order `bindings.ts` is written in.

use super::workflow::{AuditExportRequest, AuditExportResult};
use crate::audit::export::ExportFormat;
use crate::binding::{BindForm, Confirmations};
use crate::workflow::view::RunView;
use ts_rs::TS;

/// TypeScript declarations of the workflow's UI types, in a stable order.
pub fn typescript_declarations() -> Vec<String> {
    use crate::audit::{AuditEntry, AuditFilter, AuditParam};
    use crate::binding::options::{BindOptions, Choice};
    use crate::binding::step_text::{RunSummary, StepEffect, StepTitle, WaitText};
    use crate::binding::view::{
        ParamView, PlanStepView, PlanView, PreflightView, ReasonView, WarningView,
    };
    use crate::binding::{BindMode, ImpactItem, ImpactKind, ImpactLasts, JobKind, TargetKind};
    use crate::guest_os::{GuestOsGuide, GuideStep, OsFamily, OsGuide};
    use crate::journal::{Phase, RunStatus, StepStatus};
    use crate::workflow::StepView;
    vec![
        JobKind::decl(),
        TargetKind::decl(),
        BindMode::decl(),
        BindForm::decl(),
        crate::binding::guest_steps::GuestChoice::decl(),
        crate::binding::access_steps::RemoteAccess::decl(),
        Confirmations::decl(),
        crate::binding::options::ChoiceDetail::decl(),
        Choice::decl(),
        BindOptions::decl(),
        crate::binding::rules::Blocker::decl(),
        crate::lifecycle::reasons::TextField::decl(),
        crate::lifecycle::LifecycleBlocker::decl(),
        crate::binding::texts::WhyText::decl(),
        crate::binding::texts::ReasonText::decl(),
        ReasonView::decl(),
        crate::binding::texts::WarningText::decl(),
        WarningView::decl(),
        crate::binding::texts::UnconfirmedWarning::decl(),
        crate::binding::form_text::FormProblem::decl(),
        crate::workflow::observe::SeenText::decl(),
        crate::workflow::observe::StateCheck::decl(),
        ParamView::decl(),
        ImpactKind::decl(),
        ImpactLasts::decl(),
        crate::binding::impact::ImpactText::decl(),
        ImpactItem::decl(),
        StepTitle::decl(),
        StepEffect::decl(),
        WaitText::decl(),
        RunSummary::decl(),
        crate::binding::plan_notes::PlanNote::decl(),
        PlanStepView::decl(),
        PlanView::decl(),
        PreflightView::decl(),
        RunStatus::decl(),
        Phase::decl(),
        StepStatus::decl(),
        StepView::decl(),
        crate::workflow::guest_view::GuestStepView::decl(),
        crate::workflow::guest_view::VerifiedText::decl(),
        crate::workflow::run_text::LeftUndone::decl(),
        crate::workflow::run_text::GuestNote::decl(),
        crate::binding::outcome::OutcomeText::decl(),
        crate::workflow::run_text::RunMessage::decl(),
        OsFamily::decl(),
        crate::guest_os::GuideText::decl(),
        GuideStep::decl(),
        OsGuide::decl(),
        GuestOsGuide::decl(),
        RunView::decl(),
        crate::workflow::quit::QuitWhen::decl(),
        crate::workflow::quit::QuitIntent::decl(),
        AuditParam::decl(),
        AuditEntry::decl(),
        AuditFilter::decl(),
        ExportFormat::decl(),
        AuditExportRequest::decl(),
        AuditExportResult::decl(),
    ]
}
