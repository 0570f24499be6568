//! Lifecycle preflight of the ENI jobs: create a secondary ENI (vSwitch, security groups of its
//! VPC, a fixed IP inside the block and free), delete (not while attached, holding an EIP or
//! primary), attach and detach as jobs of their own (the instance's ENI capacity shown), and
//! rename.

use super::action::{EniAttrs, EniSpec, LifecycleAction};
use super::checks::{
    Found, PlanParts, capacity_note, check_bulk, check_eni_spec, check_eni_text, eni_and_instance,
    eni_context, production, step, typed_name,
};
use super::created::eni_placeholder;
use super::facts::LifecycleFacts;
use super::reasons::LifecycleBlocker as L;
use crate::binding::plan_notes::PlanNote;
use crate::binding::{
    BindPlan, Blocker, OnFailure, PlanContext, PlanStep, ProfileFacts, StepAction, Warning, rules,
};
use crate::ids::{EniId, InstanceId};

/// Preflight of `CreateEni`.
pub(super) fn create_eni(
    p: &PlanParts<'_>,
    facts: &LifecycleFacts,
    profile: &ProfileFacts,
    spec: &EniSpec,
) -> Result<BindPlan, Vec<Blocker>> {
    let mut f = Found::default();
    let region = p.region;
    let vpc = check_eni_spec(&mut f, facts, spec);
    f.done()?;
    let steps = vec![step(
        LifecycleAction::CreateEni {
            eni: eni_placeholder(0),
            spec: spec.clone(),
        },
        OnFailure::RollBack,
    )];
    let notes = vec![PlanNote::EniCreatedIn {
        vpc: vpc.0.to_string(),
        zone: vpc.1.to_string(),
    }];
    Ok(p.build(
        steps,
        Vec::new(),
        notes,
        PlanContext {
            eni_vswitch: Some(spec.vswitch_id.clone()),
            eni_primary_ip: spec.private_ip.clone(),
            ..Default::default()
        },
        production(profile, region.to_string()),
    ))
}

/// Preflight of `DeleteEnis`.
pub(super) fn delete_enis(
    p: &PlanParts<'_>,
    facts: &LifecycleFacts,
    profile: &ProfileFacts,
    enis: &[EniId],
) -> Result<BindPlan, Vec<Blocker>> {
    let mut f = Found::default();
    let s = &facts.snapshot;
    check_bulk(&mut f, enis.len());
    for id in enis {
        let Some(n) = s.eni(id) else {
            f.add(L::EniNotFound {
                eni: id.to_string(),
            });
            continue;
        };
        if n.is_primary() {
            f.add(L::EniIsPrimaryDelete {
                eni: id.to_string(),
            });
        } else if let Some(i) = &n.instance_id {
            f.add(L::EniAttached {
                eni: id.to_string(),
                instance: i.to_string(),
            });
        } else if n.status != "Available" {
            f.add(L::EniBusy {
                eni: id.to_string(),
                status: n.status.to_string(),
            });
        }
        if let Some(e) = s.eip_bound_to(id.as_str()) {
            f.add(L::EniHoldsEip {
                eni: id.to_string(),
                eip: e.allocation_id.to_string(),
                ip: e.ip_address.clone(),
            });
        }
    }
    f.done()?;
    let ids: Vec<String> = enis.iter().map(ToString::to_string).collect();
    let steps = enis
        .iter()
        .map(|eni| {
            step(
                LifecycleAction::DeleteEni { eni: eni.clone() },
                OnFailure::Ask,
            )
        })
        .collect();
    let warnings = vec![Warning::Disruptive {
        summary: format!(
            "deleting is permanent: {} and {} private addresses are gone.",
            ids.join(", "),
            if ids.len() == 1 { "its" } else { "their" }
        ),
    }];
    Ok(p.build(
        steps,
        warnings,
        Vec::new(),
        PlanContext::default(),
        production(profile, typed_name(&ids, "interfaces")),
    ))
}

/// Preflight of `AttachEni`.
pub(super) fn attach_eni(
    p: &PlanParts<'_>,
    facts: &LifecycleFacts,
    profile: &ProfileFacts,
    eni: &EniId,
    instance: &InstanceId,
) -> Result<BindPlan, Vec<Blocker>> {
    let mut f = Found::default();
    let s = &facts.snapshot;
    let (n, i) = eni_and_instance(s, eni, instance)?;
    if n.is_primary() {
        f.add(L::EniIsPrimaryMove {
            eni: eni.to_string(),
        });
    } else if let Some(on) = &n.instance_id {
        f.add(L::EniAlreadyAttached {
            eni: eni.to_string(),
            instance: on.to_string(),
        });
    } else if n.status != "Available" {
        f.add(L::EniBusy {
            eni: eni.to_string(),
            status: n.status.to_string(),
        });
    }
    f.check_binding(rules::instance_can_take_eni(i, n, s));
    f.done()?;
    let notes = vec![capacity_note(s, i)];
    let action = StepAction::AttachEni {
        eni: eni.clone(),
        instance: instance.clone(),
    };
    Ok(p.build(
        vec![PlanStep {
            action,
            on_failure: OnFailure::RollBack,
        }],
        Vec::new(),
        notes,
        eni_context(n, Some(instance), s),
        production(profile, eni.to_string()),
    ))
}

/// Preflight of `DetachEni`.
pub(super) fn detach_eni(
    p: &PlanParts<'_>,
    facts: &LifecycleFacts,
    profile: &ProfileFacts,
    eni: &EniId,
    instance: &InstanceId,
) -> Result<BindPlan, Vec<Blocker>> {
    let mut f = Found::default();
    let s = &facts.snapshot;
    let (n, i) = eni_and_instance(s, eni, instance)?;
    if n.is_primary() {
        f.add(L::EniIsPrimaryDetach {
            eni: eni.to_string(),
        });
    } else if n.instance_id.as_ref() != Some(instance) {
        f.add(L::EniNotOnInstance {
            eni: eni.to_string(),
            instance: instance.to_string(),
        });
    } else if n.status != "InUse" {
        f.add(L::EniBusy {
            eni: eni.to_string(),
            status: n.status.to_string(),
        });
    }
    f.done()?;
    let action = StepAction::DetachEni {
        eni: eni.clone(),
        instance: instance.clone(),
    };
    Ok(p.build(
        vec![PlanStep {
            action,
            on_failure: OnFailure::RollBack,
        }],
        Vec::new(),
        vec![capacity_note(s, i)],
        eni_context(n, None, s),
        production(profile, eni.to_string()),
    ))
}

/// Preflight of `RenameEnis`.
pub(super) fn rename_enis(
    p: &PlanParts<'_>,
    facts: &LifecycleFacts,
    enis: &[EniId],
    name: &Option<String>,
    description: &Option<String>,
) -> Result<BindPlan, Vec<Blocker>> {
    let mut f = Found::default();
    check_bulk(&mut f, enis.len());
    if name.is_none() && description.is_none() {
        f.add(L::NothingToChange);
    }
    check_eni_text(&mut f, name.as_deref(), description.as_deref());
    let mut steps = Vec::new();
    for id in enis {
        match facts.eni(id.as_str()) {
            None => f.add(L::EniNotFound {
                eni: id.to_string(),
            }),
            Some(n) => steps.push(step(
                LifecycleAction::ModifyEni {
                    eni: id.clone(),
                    name: name.clone(),
                    description: description.clone(),
                    before: EniAttrs {
                        name: n.network_interface_name.clone(),
                        description: n.description.clone(),
                    },
                },
                OnFailure::Ask,
            )),
        }
    }
    f.done()?;
    Ok(p.build(steps, Vec::new(), Vec::new(), PlanContext::default(), None))
}
