//! What the UI receives about a preflight: the failing rules, or the plan with its steps,
//! parameters, warnings, CLI commands and Terraform snippet.

use super::job::JobKind;
use super::plan::{BindPlan, OnFailure, Warning};
use super::render;
use super::rules::Blocker;
use super::step_text::{StepEffect, StepTitle, WaitText};
use super::texts::{ReasonText, WarningText};
use serde::Serialize;
use ts_rs::TS;

/// One failing rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReasonView {
    pub code: String,
    /// The English (logs, tests); the UI words `text`.
    pub message: String,
    pub text: ReasonText,
}

impl From<&Blocker> for ReasonView {
    fn from(b: &Blocker) -> Self {
        Self {
            code: b.code().into(),
            message: b.to_string(),
            text: ReasonText::from(b),
        }
    }
}

/// One warning to confirm.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WarningView {
    pub code: String,
    /// The English (logs, tests); the UI words `text`.
    pub message: String,
    pub text: WarningText,
    /// Set when the user confirms by typing this text (otherwise by ticking a box).
    pub confirm_text: Option<String>,
}

impl From<&Warning> for WarningView {
    fn from(w: &Warning) -> Self {
        Self {
            code: w.code().into(),
            message: w.message(),
            text: WarningText::from(w),
            confirm_text: w.confirm_text().map(str::to_string),
        }
    }
}

/// One request parameter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ParamView {
    pub name: String,
    pub value: String,
}

/// One step of the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PlanStepView {
    pub title: StepTitle,
    pub effect: StepEffect,
    /// `ecs` or `vpc`.
    pub product: String,
    /// The API action, `None` for the verification.
    pub api_action: Option<String>,
    pub params: Vec<ParamView>,
    /// Whether a `ClientToken` is added (generated when the run starts).
    pub client_token: bool,
    /// The states waited for afterwards.
    pub wait_for: Vec<WaitText>,
    /// The equivalent `aliyun` command.
    pub cli: Option<String>,
    /// `rollBack` (undo automatically) or `ask` (offer retry or roll back).
    pub on_failure: String,
    /// How the step is undone, if it can be.
    pub undo: Option<StepTitle>,
}

/// The plan as the form shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PlanView {
    /// The job; its title is the message `jobTitle_<job>`.
    pub job: JobKind,
    pub region: String,
    /// What the job breaks and for how long (shown above the steps).
    pub impact: Vec<super::impact::ImpactItem>,
    pub steps: Vec<PlanStepView>,
    pub warnings: Vec<WarningView>,
    pub notes: Vec<super::plan_notes::PlanNote>,
    /// The whole plan as `aliyun` CLI commands.
    pub cli: String,
    /// The Terraform equivalent.
    pub terraform: String,
}

impl From<&BindPlan> for PlanView {
    fn from(plan: &BindPlan) -> Self {
        let steps = plan
            .steps
            .iter()
            .map(|s| PlanStepView {
                title: s.action.title_text(),
                effect: s.action.effect_text(),
                product: s.action.product().into(),
                api_action: s.action.api_action().map(str::to_string),
                params: s
                    .action
                    .params(&plan.region)
                    .into_iter()
                    .map(|(name, value)| ParamView { name, value })
                    .collect(),
                client_token: s.action.takes_client_token(),
                wait_for: if s.action.api_action().is_some() {
                    s.action.expectation().iter().map(|e| e.text()).collect()
                } else {
                    Vec::new()
                },
                cli: render::cli_command(&s.action, &plan.region),
                on_failure: match s.on_failure {
                    OnFailure::RollBack => "rollBack".into(),
                    OnFailure::Ask => "ask".into(),
                },
                undo: s.action.undo().map(|u| u.title_text()),
            })
            .collect();
        Self {
            job: plan.request.kind(),
            region: plan.region.to_string(),
            impact: plan.impact(),
            steps,
            warnings: plan.warnings.iter().map(WarningView::from).collect(),
            notes: plan.notes.clone(),
            cli: render::cli_script(plan),
            terraform: render::terraform(plan),
        }
    }
}

/// The outcome of a preflight: either the plan, or every failing rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PreflightView {
    pub ok: bool,
    pub blockers: Vec<ReasonView>,
    pub plan: Option<PlanView>,
}

impl PreflightView {
    pub fn new(result: &Result<BindPlan, Vec<Blocker>>) -> Self {
        match result {
            Ok(plan) => Self {
                ok: true,
                blockers: Vec::new(),
                plan: Some(PlanView::from(plan)),
            },
            Err(blockers) => Self {
                ok: false,
                blockers: blockers.iter().map(ReasonView::from).collect(),
                plan: None,
            },
        }
    }
}
