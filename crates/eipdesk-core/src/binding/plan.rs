//! A binding plan: the ordered steps (each one API call, or the final verification), what each
//! changes, what state it waits for, how it is undone and what happens when it fails; plus the
//! warnings that need the user's explicit confirmation before it may run.

use super::job::{BindMode, BindRequest};
use crate::ids::{AllocationId, EniId, InstanceId, RegionId};
use crate::lifecycle::{LifecycleAction, LifecycleExpectation};
use serde::{Deserialize, Serialize};

/// A state the engine waits for after a step (and checks before acting, so a resumed step
/// never acts twice), and that the final verification checks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "expect", rename_all = "camelCase")]
pub enum Expectation {
    /// ENI `InUse`, attached to `instance`.
    EniAttached { eni: EniId, instance: InstanceId },
    /// ENI `Available`, attached to nothing.
    EniDetached { eni: EniId },
    /// EIP `InUse`, bound to `target` in `mode`.
    EipBound {
        eip: AllocationId,
        target: String,
        mode: BindMode,
    },
    /// EIP `Available`, bound to nothing.
    EipFree { eip: AllocationId },
    /// A state of a lifecycle step (see [`crate::lifecycle`]).
    Lifecycle(LifecycleExpectation),
}

/// What one step does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "camelCase")]
pub enum StepAction {
    /// ECS `DetachNetworkInterface`.
    DetachEni { eni: EniId, instance: InstanceId },
    /// ECS `AttachNetworkInterface`.
    AttachEni { eni: EniId, instance: InstanceId },
    /// VPC `AssociateEipAddress`.
    Associate {
        eip: AllocationId,
        target: String,
        /// `EcsInstance` or `NetworkInterface`.
        target_type: String,
        mode: BindMode,
        private_ip: Option<String>,
    },
    /// VPC `UnassociateEipAddress`; `mode` is the binding's mode (for undo).
    Unassociate {
        eip: AllocationId,
        target: String,
        target_type: String,
        mode: BindMode,
        private_ip: Option<String>,
    },
    /// VPC `ModifyEipForwardMode` on an ENI binding.
    ModifyForwardMode {
        eip: AllocationId,
        eni: String,
        from: BindMode,
        to: BindMode,
    },
    /// No call: read the real state and check every expectation.
    Verify { checks: Vec<Expectation> },
    /// A lifecycle step: allocate, release, create, delete, edit, tag (see
    /// [`crate::lifecycle`]).
    Lifecycle(LifecycleAction),
    /// Cloud Assistant `RunCommand`: DHCP on the NIC with the ENI's MAC, NIC up, optionally
    /// its route metric (`binding::guest_steps`; undo: [`StepAction::GuestRevert`]).
    GuestConfigure {
        guest: super::guest_steps::GuestTarget,
        metric: Option<u32>,
    },
    /// Cloud Assistant `RunCommand`: the guest's addresses and routes; the EIP must be on the
    /// NIC.
    GuestVerify {
        guest: super::guest_steps::GuestTarget,
    },
    /// Cloud Assistant `RunCommand`: the NIC's DHCP configuration removed again.
    GuestRevert {
        guest: super::guest_steps::GuestTarget,
    },
    /// ECS `AuthorizeSecurityGroup`: one inbound rule (`binding::access_steps`).
    AuthorizeIngress {
        rule: super::access_steps::IngressRule,
    },
    /// ECS `RevokeSecurityGroup`: the rule removed again.
    RevokeIngress {
        rule: super::access_steps::IngressRule,
    },
}

impl StepAction {
    /// The API action name, or `None` for the verification.
    pub fn api_action(&self) -> Option<&'static str> {
        Some(match self {
            StepAction::DetachEni { .. } => "DetachNetworkInterface",
            StepAction::AttachEni { .. } => "AttachNetworkInterface",
            StepAction::Associate { .. } => "AssociateEipAddress",
            StepAction::Unassociate { .. } => "UnassociateEipAddress",
            StepAction::ModifyForwardMode { .. } => "ModifyEipForwardMode",
            StepAction::Verify { .. } => return None,
            StepAction::Lifecycle(l) => l.api_action(),
            StepAction::GuestConfigure { .. }
            | StepAction::GuestVerify { .. }
            | StepAction::GuestRevert { .. } => "RunCommand",
            StepAction::AuthorizeIngress { .. } => "AuthorizeSecurityGroup",
            StepAction::RevokeIngress { .. } => "RevokeSecurityGroup",
        })
    }

    /// `ecs` or `vpc`.
    pub fn product(&self) -> &'static str {
        match self {
            StepAction::DetachEni { .. } | StepAction::AttachEni { .. } => "ecs",
            StepAction::Lifecycle(l) => l.product(),
            a if super::guest_steps::is_guest(a) => "ecs",
            StepAction::AuthorizeIngress { .. } | StepAction::RevokeIngress { .. } => "ecs",
            _ => "vpc",
        }
    }

    /// The state that means "this step has taken effect".
    pub fn expectation(&self) -> Vec<Expectation> {
        match self {
            StepAction::DetachEni { eni, .. } => {
                vec![Expectation::EniDetached { eni: eni.clone() }]
            }
            StepAction::AttachEni { eni, instance } => {
                vec![Expectation::EniAttached {
                    eni: eni.clone(),
                    instance: instance.clone(),
                }]
            }
            StepAction::Associate {
                eip, target, mode, ..
            } => {
                vec![Expectation::EipBound {
                    eip: eip.clone(),
                    target: target.clone(),
                    mode: *mode,
                }]
            }
            StepAction::Unassociate { eip, .. } => vec![Expectation::EipFree { eip: eip.clone() }],
            StepAction::ModifyForwardMode { eip, eni, to, .. } => {
                vec![Expectation::EipBound {
                    eip: eip.clone(),
                    target: eni.clone(),
                    mode: *to,
                }]
            }
            StepAction::Verify { checks } => checks.clone(),
            StepAction::Lifecycle(l) => vec![Expectation::Lifecycle(l.expectation())],
            StepAction::GuestConfigure { .. }
            | StepAction::GuestVerify { .. }
            | StepAction::GuestRevert { .. }
            | StepAction::AuthorizeIngress { .. }
            | StepAction::RevokeIngress { .. } => Vec::new(),
        }
    }

    /// The action that reverses this one, if any.
    pub fn undo(&self) -> Option<StepAction> {
        Some(match self.clone() {
            StepAction::DetachEni { eni, instance } => StepAction::AttachEni { eni, instance },
            StepAction::AttachEni { eni, instance } => StepAction::DetachEni { eni, instance },
            StepAction::Associate {
                eip,
                target,
                target_type,
                mode,
                private_ip,
            } => StepAction::Unassociate {
                eip,
                target,
                target_type,
                mode,
                private_ip,
            },
            StepAction::Unassociate {
                eip,
                target,
                target_type,
                mode,
                private_ip,
            } => StepAction::Associate {
                eip,
                target,
                target_type,
                mode,
                private_ip,
            },
            StepAction::ModifyForwardMode { eip, eni, from, to } => StepAction::ModifyForwardMode {
                eip,
                eni,
                from: to,
                to: from,
            },
            StepAction::Lifecycle(l) => StepAction::Lifecycle(l.undo()?),
            StepAction::Verify { .. } | StepAction::GuestVerify { .. } => return None,
            StepAction::GuestConfigure { guest, .. } => StepAction::GuestRevert { guest },
            StepAction::GuestRevert { guest } => StepAction::GuestConfigure {
                guest,
                metric: None,
            },
            StepAction::AuthorizeIngress { rule } => StepAction::RevokeIngress { rule },
            StepAction::RevokeIngress { rule } => StepAction::AuthorizeIngress { rule },
        })
    }

    /// The request parameters as sent (the engine adds `ClientToken` where the action takes one):
    /// those of the typed request the engine sends, so the plan, the CLI and Terraform
    /// renderings and the journal cannot drift from the call.
    pub fn params(&self, region: &RegionId) -> Vec<(String, String)> {
        super::calls::prepare(self, region, None)
            .map(|prepared| prepared.params())
            .unwrap_or_default()
    }

    /// Whether the action takes a `ClientToken`.
    pub fn takes_client_token(&self) -> bool {
        match self {
            StepAction::Lifecycle(l) => l.takes_client_token(),
            _ => matches!(
                self,
                StepAction::Associate { .. }
                    | StepAction::Unassociate { .. }
                    | StepAction::ModifyForwardMode { .. }
            ),
        }
    }
}

/// What the engine does when a step fails for good.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum OnFailure {
    /// Undo the completed steps automatically (and say so).
    RollBack,
    /// Stop and let the user choose: retry the step, or roll back.
    Ask,
}

/// One step of a plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanStep {
    pub action: StepAction,
    pub on_failure: OnFailure,
}

/// A warning the user must confirm before the plan may run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code")]
pub enum Warning {
    /// Cut-through: the ENI's private IP is replaced and its private networking is gone.
    LosesPrivateNetworking { eni: String },
    /// A subscription EIP in cut-through mode: releasing it later leaves the ENI without
    /// private networking until it is detached and re-bound.
    PrePaidEip { eip: String },
    /// The job breaks something (see [`super::impact`]): acknowledge it. Cut-through binds
    /// ask [`Warning::LosesPrivateNetworking`] instead, which names the same loss.
    Disruptive { summary: String },
    /// The profile is labelled production: type `confirm_id` (the EIP's IP address) to
    /// confirm.
    ProductionProfile { profile: String, confirm_id: String },
    /// The profile is labelled production and the job acts on `confirm_id` (an ENI, or several
    /// resources): type it to confirm.
    ProductionResource { profile: String, confirm_id: String },
}

impl Warning {
    pub fn code(&self) -> &'static str {
        match self {
            Warning::LosesPrivateNetworking { .. } => "LosesPrivateNetworking",
            Warning::PrePaidEip { .. } => "PrePaidEip",
            Warning::Disruptive { .. } => "Disruptive",
            Warning::ProductionProfile { .. } => "ProductionProfile",
            Warning::ProductionResource { .. } => "ProductionResource",
        }
    }

    /// The English of the warning (the UI words [`super::texts::WarningText`] instead).
    pub fn message(&self) -> String {
        use crate::text::Message;
        let text = super::texts::WarningText::from(self).english();
        let text = match self {
            Warning::Disruptive { summary } => format!("{text} {summary}"),
            _ => text,
        };
        crate::lifecycle::created::humanize(&text)
    }

    /// The text the user must type, for warnings confirmed by typing.
    pub fn confirm_text(&self) -> Option<&str> {
        match self {
            Warning::ProductionProfile { confirm_id, .. }
            | Warning::ProductionResource { confirm_id, .. } => Some(confirm_id),
            _ => None,
        }
    }
}

/// What the user confirmed in the form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Confirmations {
    /// Codes of the warnings ticked.
    pub accepted: Vec<String>,
    /// What was typed in the "type the ID" box.
    pub typed: Option<String>,
}

/// Facts a plan carries for the timeline, the guest-OS instructions and the journal.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanContext {
    pub eip_address: String,
    pub eni: Option<EniId>,
    pub eni_primary_ip: Option<String>,
    pub eni_mac: Option<String>,
    pub eni_vswitch: Option<String>,
    /// Where the ENI was attached when the plan was made.
    pub original_instance: Option<InstanceId>,
    /// Where it is attached when the plan completes.
    pub final_instance: Option<InstanceId>,
    /// The final instance's `OSName`.
    pub os_name: Option<String>,
}

/// A checked, ready-to-run binding plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BindPlan {
    pub request: BindRequest,
    pub region: RegionId,
    pub steps: Vec<PlanStep>,
    pub warnings: Vec<Warning>,
    /// Plain information (no confirmation needed), e.g. "the ENI is detached during the run".
    #[serde(default, deserialize_with = "super::plan_notes::lenient")]
    pub notes: Vec<super::plan_notes::PlanNote>,
    pub context: PlanContext,
}

impl BindPlan {
    /// The warnings `confirmations` does not cover yet (empty: the plan may run).
    pub fn unconfirmed(&self, confirmations: &Confirmations) -> Vec<&Warning> {
        self.warnings
            .iter()
            .filter(|w| match w.confirm_text() {
                Some(expected) => confirmations.typed.as_deref().map(str::trim) != Some(expected),
                None => !confirmations.accepted.iter().any(|c| c == w.code()),
            })
            .collect()
    }

    /// What the plan breaks, and for how long.
    pub fn impact(&self) -> Vec<super::impact::ImpactItem> {
        let mut items = super::impact::impact_of(
            self.steps.iter().map(|s| &s.action),
            &self.context.eip_address,
        );
        for item in &mut items {
            item.message = crate::lifecycle::created::humanize(&item.message);
        }
        items
    }

    /// Every resource ID the plan's calls act on (the EIP, the ENI, the targets it associates
    /// or unassociates), sorted and without repeats. Two runs sharing one must not overlap.
    pub fn touched_resources(&self) -> Vec<String> {
        let mut out: Vec<String> = self.request.eip().iter().map(ToString::to_string).collect();
        out.extend(self.context.eni.iter().map(ToString::to_string));
        for step in &self.steps {
            match &step.action {
                StepAction::Associate { target, .. } | StepAction::Unassociate { target, .. } => {
                    out.push(target.clone());
                }
                StepAction::Lifecycle(l) => out.extend(l.resources()),
                _ => {}
            }
        }
        out.sort();
        out.dedup();
        out
    }

    /// Whether a cut-through binding exists on an attached ENI when the plan completes (the
    /// guest OS then needs DHCP on the new NIC).
    pub fn needs_guest_setup(&self) -> bool {
        let binds = match &self.request {
            BindRequest::CutThroughBind { .. } => true,
            BindRequest::SwitchMode { to, .. } => *to == BindMode::CutThrough,
            BindRequest::Lifecycle { lifecycle } => lifecycle.binds_cut_through(),
            _ => false,
        };
        binds && self.context.final_instance.is_some()
    }
}
