//! Binding: the form ([`BindForm`]) parsed into a [`BindRequest`], the preflight rules over a
//! [`Snapshot`] of the region, the [`BindPlan`] they produce, its CLI/Terraform rendering and
//! the form's choices with the reason a choice is disabled. Everything here is pure. The ENI's
//! own cut-through [`preconditions`] are defined here once, for the form, preflight and the
//! inventory's Cut-through column.

pub mod access_steps;
pub mod calls;
pub mod facts;
pub mod form_text;
pub mod guest_steps;
pub mod guide_notes;
pub mod impact;
pub mod job;
pub mod options;
pub mod outcome;
pub mod plan;
pub mod plan_notes;
pub mod preconditions;
pub mod preflight;
pub mod reachability;
pub mod render;
pub mod rules;
pub mod step_text;
pub mod texts;
pub mod view;

#[cfg(test)]
mod tests;

pub use facts::{EipBinding, EipFacts, EniFacts, InstanceFacts, Snapshot};
pub use impact::{ImpactItem, ImpactKind, ImpactLasts, impact_of};
pub use job::{BindForm, BindMode, BindRequest, FormError, JobKind, NatTarget, TargetKind};
pub use plan::{
    BindPlan, Confirmations, Expectation, OnFailure, PlanContext, PlanStep, StepAction, Warning,
};
pub use preflight::{ProfileFacts, preflight};
pub use rules::Blocker;
