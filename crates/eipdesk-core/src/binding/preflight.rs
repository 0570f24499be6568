//! Preflight: turns a [`BindRequest`] and a [`Snapshot`] of the region into a [`BindPlan`], or
//! into the list of every rule that fails. Pure: no I/O, no clock.

use super::facts::{EipFacts, EniFacts, Snapshot};
use super::job::{BindMode, BindRequest, NatTarget};
use super::plan::{BindPlan, Expectation, OnFailure, PlanContext, PlanStep, StepAction, Warning};
use super::plan_notes::PlanNote;
use super::rules::{self, Blocker};
use crate::ids::{AllocationId, EniId, InstanceId};
use crate::regions::CutThroughRegions;

/// What preflight needs to know about the active profile.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProfileFacts {
    pub name: String,
    /// True when the profile is labelled production (typing the EIP's IP address confirms).
    pub production: bool,
}

/// Collects every failing rule instead of stopping at the first.
#[derive(Default)]
struct Findings(Vec<Blocker>);

impl Findings {
    fn check(&mut self, result: Result<(), Blocker>) {
        if let Err(b) = result {
            self.0.push(b);
        }
    }
    fn finish<T>(self, value: T) -> Result<T, Vec<Blocker>> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            Err(self.0)
        }
    }
}

fn find_eip<'a>(snapshot: &'a Snapshot, id: &AllocationId) -> Result<&'a EipFacts, Vec<Blocker>> {
    snapshot.eip(id).ok_or_else(|| {
        vec![Blocker::EipNotFound {
            eip: id.to_string(),
        }]
    })
}

fn find_eni<'a>(snapshot: &'a Snapshot, id: &EniId) -> Result<&'a EniFacts, Vec<Blocker>> {
    snapshot.eni(id).ok_or_else(|| {
        vec![Blocker::EniNotFound {
            eni: id.to_string(),
        }]
    })
}

/// Checks the instance the ENI goes to (when there is one).
fn check_attach_target(
    f: &mut Findings,
    snapshot: &Snapshot,
    eni: &EniFacts,
    target: Option<&InstanceId>,
) {
    if let Some(id) = target {
        match snapshot.instance(id) {
            Some(instance) => f.check(rules::instance_can_take_eni(instance, eni, snapshot)),
            None => f.0.push(Blocker::InstanceNotFound {
                instance: id.to_string(),
            }),
        }
    }
}

pub(crate) fn production_warning(profile: &ProfileFacts, confirm_id: &str) -> Option<Warning> {
    profile.production.then(|| Warning::ProductionProfile {
        profile: profile.name.clone(),
        confirm_id: confirm_id.to_string(),
    })
}

/// A plan that breaks something needs an acknowledgement (unless a warning naming the loss
/// already asks for one); on production the EIP's IP address is typed last.
pub(crate) fn acknowledge_impact(plan: &mut BindPlan, production: Option<Warning>) {
    let impact = plan.impact();
    let covered = plan
        .warnings
        .iter()
        .any(|w| matches!(w, Warning::LosesPrivateNetworking { .. }));
    if !impact.is_empty() && !covered {
        let summary = impact
            .iter()
            .map(|i| i.message.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        plan.warnings.insert(0, Warning::Disruptive { summary });
    }
    plan.warnings.extend(production);
}

fn cut_through_warnings(eip: &EipFacts, eni: &EniFacts) -> Vec<Warning> {
    let mut w = vec![Warning::LosesPrivateNetworking {
        eni: eni.id.to_string(),
    }];
    if eip.charge_type == "PrePaid" {
        w.push(Warning::PrePaidEip {
            eip: eip.allocation_id.to_string(),
        });
    }
    w
}

/// Steps around a change that needs the ENI detached: detach (if attached), the change,
/// attach to `attach_to` (if any), verify.
fn around_detached(
    eni: &EniFacts,
    change: StepAction,
    attach_to: Option<&InstanceId>,
    final_checks: Vec<Expectation>,
) -> Vec<PlanStep> {
    let mut steps = Vec::new();
    if let Some(current) = &eni.instance_id {
        steps.push(PlanStep {
            action: StepAction::DetachEni {
                eni: eni.id.clone(),
                instance: current.clone(),
            },
            on_failure: OnFailure::RollBack,
        });
    }
    steps.push(PlanStep {
        action: change,
        on_failure: OnFailure::RollBack,
    });
    let mut checks = final_checks;
    match attach_to {
        Some(instance) => {
            steps.push(PlanStep {
                action: StepAction::AttachEni {
                    eni: eni.id.clone(),
                    instance: instance.clone(),
                },
                on_failure: OnFailure::Ask,
            });
            checks.push(Expectation::EniAttached {
                eni: eni.id.clone(),
                instance: instance.clone(),
            });
        }
        None => checks.push(Expectation::EniDetached {
            eni: eni.id.clone(),
        }),
    }
    steps.push(PlanStep {
        action: StepAction::Verify { checks },
        on_failure: OnFailure::Ask,
    });
    steps
}

fn detach_notes(eni: &EniFacts, attach_to: Option<&InstanceId>) -> Vec<PlanNote> {
    let id = eni.id.to_string();
    vec![match (&eni.instance_id, attach_to) {
        (Some(now), Some(then)) if now == then => PlanNote::ReattachesSame {
            eni: id,
            instance: now.to_string(),
        },
        (Some(now), Some(then)) => PlanNote::Moves {
            eni: id,
            from: now.to_string(),
            to: then.to_string(),
        },
        (Some(now), None) => PlanNote::LeavesDetached {
            eni: id,
            instance: now.to_string(),
        },
        (None, Some(then)) => PlanNote::AttachesAtEnd {
            eni: id,
            instance: then.to_string(),
        },
        (None, None) => PlanNote::StaysDetached { eni: id },
    }]
}

fn context(
    eip: &EipFacts,
    eni: Option<&EniFacts>,
    final_instance: Option<&InstanceId>,
    snapshot: &Snapshot,
) -> PlanContext {
    PlanContext {
        eip_address: eip.ip_address.clone(),
        eni: eni.map(|e| e.id.clone()),
        eni_primary_ip: eni.map(|e| e.primary_ip.clone()),
        eni_mac: eni.map(|e| e.mac_address.clone()),
        eni_vswitch: eni.map(|e| e.vswitch_id.clone()),
        original_instance: eni.and_then(|e| e.instance_id.clone()),
        final_instance: final_instance.cloned(),
        os_name: final_instance
            .and_then(|i| snapshot.instance(i))
            .map(|i| i.os_name.clone()),
    }
}

/// Checks `request` against `snapshot` and builds its plan, or returns every failing rule.
pub fn preflight(
    request: &BindRequest,
    snapshot: &Snapshot,
    regions: &CutThroughRegions,
    profile: &ProfileFacts,
) -> Result<BindPlan, Vec<Blocker>> {
    let Some(eip_id) = request
        .eip()
        .filter(|_| !matches!(request, BindRequest::Lifecycle { .. }))
    else {
        return Err(vec![Blocker::Lifecycle(
            crate::lifecycle::LifecycleBlocker::NotABindingJob,
        )]);
    };
    let eip = find_eip(snapshot, eip_id)?;
    let region = eip.region.clone();
    let mut f = Findings::default();
    let production = production_warning(profile, &eip.ip_address);
    let plan = |steps: Vec<PlanStep>, warnings: Vec<Warning>, notes, context| {
        let mut plan = BindPlan {
            request: request.clone(),
            region: region.clone(),
            steps,
            warnings,
            notes,
            context,
        };
        acknowledge_impact(&mut plan, production.clone());
        plan
    };
    match request {
        BindRequest::CutThroughBind { eni, attach_to, .. } => {
            let eni = find_eni(snapshot, eni)?;
            f.check(rules::region_supports_cut_through(regions, &eip.region));
            f.check(rules::eip_is_free(eip));
            f.check(rules::eni_in_eip_region(eni, eip));
            f.0.extend(rules::eni_cut_through_blockers(eni, snapshot));
            check_attach_target(&mut f, snapshot, eni, attach_to.as_ref());
            let associate = StepAction::Associate {
                eip: eip.allocation_id.clone(),
                target: eni.id.to_string(),
                target_type: "NetworkInterface".into(),
                mode: BindMode::CutThrough,
                private_ip: Some(eni.primary_ip.clone()),
            };
            let bound = Expectation::EipBound {
                eip: eip.allocation_id.clone(),
                target: eni.id.to_string(),
                mode: BindMode::CutThrough,
            };
            let mut notes = detach_notes(eni, attach_to.as_ref());
            if attach_to.is_some() {
                notes.push(PlanNote::EnableDhcp);
            }
            f.finish(plan(
                around_detached(eni, associate, attach_to.as_ref(), vec![bound]),
                cut_through_warnings(eip, eni),
                notes,
                context(eip, Some(eni), attach_to.as_ref(), snapshot),
            ))
        }
        BindRequest::CutThroughUnbind { reattach_to, .. } => {
            let binding = rules::eip_is_bound(eip).map_err(|b| vec![b])?;
            if BindMode::from_api(&binding.mode) != Some(BindMode::CutThrough) {
                return Err(vec![Blocker::EipNotCutThrough {
                    eip: eip.allocation_id.to_string(),
                    mode: binding.mode.to_string(),
                }]);
            }
            let eni_id = EniId::parse(&binding.instance_id).map_err(|_| {
                vec![Blocker::EniNotFound {
                    eni: binding.instance_id.clone(),
                }]
            })?;
            let eni = find_eni(snapshot, &eni_id)?;
            f.check(rules::eni_is_settled(eni));
            check_attach_target(&mut f, snapshot, eni, reattach_to.as_ref());
            let unassociate = StepAction::Unassociate {
                eip: eip.allocation_id.clone(),
                target: eni.id.to_string(),
                target_type: "NetworkInterface".into(),
                mode: BindMode::CutThrough,
                private_ip: Some(
                    binding
                        .private_ip
                        .clone()
                        .unwrap_or_else(|| eni.primary_ip.clone()),
                ),
            };
            let free = Expectation::EipFree {
                eip: eip.allocation_id.clone(),
            };
            let mut notes = detach_notes(eni, reattach_to.as_ref());
            notes.push(PlanNote::PrivateIpBack {
                eni: eni.id.to_string(),
                ip: eni.primary_ip.clone(),
            });
            if eip.charge_type == "PrePaid" {
                notes.push(super::guide_notes::prepaid_unbind_note(
                    eip.allocation_id.as_str(),
                    eni.id.as_str(),
                ));
            }
            f.finish(plan(
                around_detached(eni, unassociate, reattach_to.as_ref(), vec![free]),
                Vec::new(),
                notes,
                context(eip, Some(eni), reattach_to.as_ref(), snapshot),
            ))
        }
        BindRequest::NatBind { target, .. } => {
            f.check(rules::eip_is_free(eip));
            let (target_type, private_ip, eni) = match target {
                NatTarget::Instance(id) => {
                    match snapshot.instance(id) {
                        Some(i) => f.check(rules::instance_can_take_nat_eip(i, eip, snapshot)),
                        None => f.0.push(Blocker::InstanceNotFound {
                            instance: id.to_string(),
                        }),
                    }
                    ("EcsInstance", None, None)
                }
                NatTarget::Eni(id) => {
                    let eni = find_eni(snapshot, id)?;
                    f.check(rules::eni_can_take_nat_eip(eni, eip, snapshot));
                    ("NetworkInterface", Some(eni.primary_ip.clone()), Some(eni))
                }
            };
            let associate = StepAction::Associate {
                eip: eip.allocation_id.clone(),
                target: target.id().to_string(),
                target_type: target_type.into(),
                mode: BindMode::Nat,
                private_ip,
            };
            let checks = associate.expectation();
            let mut ctx = context(eip, eni, None, snapshot);
            ctx.final_instance = eni.and_then(|e| e.instance_id.clone());
            f.finish(plan(
                vec![
                    PlanStep {
                        action: associate,
                        on_failure: OnFailure::RollBack,
                    },
                    PlanStep {
                        action: StepAction::Verify { checks },
                        on_failure: OnFailure::Ask,
                    },
                ],
                Vec::new(),
                Vec::new(),
                ctx,
            ))
        }
        BindRequest::NatUnbind { .. } => {
            let binding = rules::eip_is_bound(eip).map_err(|b| vec![b])?;
            if BindMode::from_api(&binding.mode) == Some(BindMode::CutThrough) {
                return Err(vec![Blocker::EipIsCutThrough {
                    eip: eip.allocation_id.to_string(),
                }]);
            }
            let unassociate = StepAction::Unassociate {
                eip: eip.allocation_id.clone(),
                target: binding.instance_id.clone(),
                target_type: binding.instance_type.to_string(),
                mode: BindMode::Nat,
                private_ip: binding
                    .private_ip
                    .clone()
                    .filter(|_| binding.instance_type == "NetworkInterface"),
            };
            let checks = unassociate.expectation();
            f.finish(plan(
                vec![
                    PlanStep {
                        action: unassociate,
                        on_failure: OnFailure::RollBack,
                    },
                    PlanStep {
                        action: StepAction::Verify { checks },
                        on_failure: OnFailure::Ask,
                    },
                ],
                Vec::new(),
                Vec::new(),
                context(eip, None, None, snapshot),
            ))
        }
        BindRequest::SwitchMode { to, .. } => {
            let binding = rules::eip_is_bound(eip).map_err(|b| vec![b])?;
            let id = eip.allocation_id.to_string();
            if binding.instance_type != "NetworkInterface" {
                return Err(vec![Blocker::EipNotOnEni {
                    eip: id,
                    instance_type: binding.instance_type.to_string(),
                }]);
            }
            let from = BindMode::from_api(&binding.mode).unwrap_or(BindMode::Nat);
            if from == *to && BindMode::from_api(&binding.mode).is_some() {
                return Err(vec![Blocker::EipAlreadyInMode {
                    eip: id,
                    mode: binding.mode.to_string(),
                }]);
            }
            let eni_id = EniId::parse(&binding.instance_id).map_err(|_| {
                vec![Blocker::EniNotFound {
                    eni: binding.instance_id.clone(),
                }]
            })?;
            let eni = find_eni(snapshot, &eni_id)?;
            if *to == BindMode::CutThrough {
                f.check(rules::region_supports_cut_through(regions, &eip.region));
                f.0.extend(rules::eni_cut_through_blockers_keeping_eip(eni, snapshot));
            } else {
                f.check(rules::eni_is_settled(eni));
            }
            let modify = StepAction::ModifyForwardMode {
                eip: eip.allocation_id.clone(),
                eni: eni.id.to_string(),
                from,
                to: *to,
            };
            let checks = modify.expectation();
            let back = eni.instance_id.clone();
            let warnings = if *to == BindMode::CutThrough {
                cut_through_warnings(eip, eni)
            } else {
                Vec::new()
            };
            f.finish(plan(
                around_detached(eni, modify, back.as_ref(), checks),
                warnings,
                detach_notes(eni, back.as_ref()),
                context(eip, Some(eni), back.as_ref(), snapshot),
            ))
            .map(|mut p| {
                p.notes
                    .extend(super::guide_notes::switch_mode_guest_note(&p, false));
                p
            })
        }
        BindRequest::Lifecycle { .. } => Err(vec![Blocker::Lifecycle(
            crate::lifecycle::LifecycleBlocker::NotABindingJob,
        )]),
    }
}
