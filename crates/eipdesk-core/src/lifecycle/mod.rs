//! Lifecycle jobs: allocate and release EIPs, create and delete secondary ENIs, attach and
//! detach ENIs, rename, change bandwidth, add and remove tags (bulk included), and the bind
//! sheet's composite plans that first allocate an EIP and/or create a secondary ENI. Each job
//! is a [`BindPlan`](crate::binding::BindPlan) of the one workflow engine (journal, ClientTokens,
//! audit log, roll back), with its own preflight reasons.
//!
//! * [`job`]: the form the UI sends and the validated [`LifecycleRequest`];
//! * [`facts`]: what preflight reads (plus vSwitch address rules);
//! * [`preflight`] (EIP and tag jobs), [`eni_jobs`] and [`compose`] (the bind sheet's
//!   create-then-bind plans): the rules with one typed reason each ([`reasons`]) and the
//!   plan, from the shared [`checks`];
//! * [`action`]: the steps (`StepAction::Lifecycle`), their waits and undos;
//! * [`calls`]: each step's typed request; [`observe`]: reading the state a step waits for;
//! * [`created`]: placeholders for what a run creates, replaced by the journaled IDs;
//! * [`render`]: the CLI waits and the Terraform snippet.

pub mod action;
mod action_text;
pub mod calls;
pub mod checks;
pub mod compose;
pub mod created;
pub mod eni_jobs;
pub mod facts;
pub mod job;
pub mod observe;
pub mod preflight;
pub mod reasons;
pub mod render;

pub use action::{
    Billing, EipSpec, EniSpec, LifecycleAction, LifecycleExpectation, PricingCycle, TagKind,
};
pub use calls::LifecyclePrepared;
pub use job::{LifecycleForm, LifecycleRequest, TagPair};
pub use reasons::LifecycleBlocker;
