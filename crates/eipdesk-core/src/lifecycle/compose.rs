//! Composite plans of the bind sheet: when the chosen instance has no usable EIP or secondary
//! ENI, the first steps of the same plan allocate the EIP and/or create a secondary ENI on the
//! instance's vSwitch (with the primary ENI's security groups and a free private IP chosen
//! now), then bind in cut-through mode and attach. Every step rolls back automatically on
//! failure, so a failed run releases and deletes what it created.

use super::action::{EipSpec, EniSpec, LifecycleAction};
use super::checks::{
    FoundLike, PlanParts, bound_checks, capacity_note, check_eni_spec, eip_spec_blockers,
};
use super::created::{eip_placeholder, eni_placeholder};
use super::facts::{LifecycleFacts, free_ip};
use super::reasons::LifecycleBlocker as L;
use crate::binding::plan_notes::PlanNote;
use crate::binding::{
    BindMode, BindPlan, Blocker, OnFailure, PlanContext, PlanStep, ProfileFacts, StepAction,
    Warning, rules,
};
use crate::ids::{AllocationId, EniId, InstanceId};
use crate::regions::CutThroughRegions;

fn rollback(action: StepAction) -> PlanStep {
    PlanStep {
        action,
        on_failure: OnFailure::RollBack,
    }
}

/// Plans "(allocate an EIP) + (create a secondary ENI) + bind in cut-through mode + attach".
pub(super) fn create_and_bind(
    p: &PlanParts<'_>,
    facts: &LifecycleFacts,
    regions: &CutThroughRegions,
    profile: &ProfileFacts,
    (instance, eip, new_eip, eni, eni_name): (
        &InstanceId,
        Option<&AllocationId>,
        Option<&EipSpec>,
        Option<&EniId>,
        &String,
    ),
) -> Result<BindPlan, Vec<Blocker>> {
    let s = &facts.snapshot;
    let mut f: Vec<Blocker> = Vec::new();
    if let Err(b) = rules::region_supports_cut_through(regions, p.region) {
        f.push(b);
    }
    let Some(inst) = s.instance(instance) else {
        f.add_l(L::InstanceNotFound {
            instance: instance.to_string(),
        });
        return Err(f);
    };
    if let Err(b) = rules::instance_is_ready(inst) {
        f.push(b);
    }
    let mut warnings = Vec::new();
    let mut steps = Vec::new();
    // The EIP: an existing free one, or a new one.
    let (eip_ref, eip_address, prepaid) = match (eip, new_eip) {
        (Some(id), _) => match s.eip(id) {
            None => {
                f.add_l(L::EipNotFound {
                    eip: id.to_string(),
                });
                (id.clone(), String::new(), false)
            }
            Some(e) => {
                if let Err(b) = rules::eip_is_free(e) {
                    f.push(b);
                }
                (id.clone(), e.ip_address.clone(), e.charge_type == "PrePaid")
            }
        },
        (None, Some(spec)) => {
            f.extend(eip_spec_blockers(spec));
            let placeholder = eip_placeholder(steps.len());
            steps.push(rollback(StepAction::Lifecycle(
                LifecycleAction::AllocateEip {
                    eip: placeholder.clone(),
                    spec: spec.clone(),
                },
            )));
            (
                placeholder,
                String::new(),
                spec.billing == super::action::Billing::Subscription,
            )
        }
        (None, None) => {
            f.add_l(L::NothingChosen);
            return Err(f);
        }
    };
    // The ENI: an existing detached secondary one, or a new one on the instance's vSwitch.
    let (eni_ref, private_ip, vswitch) = match eni {
        Some(id) => match s.eni(id) {
            None => {
                f.add_l(L::EniNotFound {
                    eni: id.to_string(),
                });
                return Err(f);
            }
            Some(n) => {
                f.extend(rules::eni_cut_through_blockers(n, s));
                if let Err(b) = rules::instance_can_take_eni(inst, n, s) {
                    f.push(b);
                }
                if let Some(on) = &n.instance_id {
                    f.add_l(L::EniAlreadyAttached {
                        eni: id.to_string(),
                        instance: on.to_string(),
                    });
                }
                (id.clone(), n.primary_ip.clone(), n.vswitch_id.clone())
            }
        },
        None => {
            let Some(primary) = s.primary_eni_of(instance) else {
                f.add_l(L::EniNotFound {
                    eni: format!("primary interface of {instance}"),
                });
                return Err(f);
            };
            let groups = facts
                .eni(primary.id.as_str())
                .map(|n| n.security_group_ids.security_group_id.clone())
                .unwrap_or_default();
            let vswitch = primary.vswitch_id.clone();
            let ip = facts
                .vswitch(&vswitch)
                .and_then(|v| free_ip(facts, v))
                .unwrap_or_default();
            let spec = EniSpec {
                vswitch_id: vswitch.clone(),
                security_group_ids: groups,
                private_ip: Some(ip.clone()).filter(|i| !i.is_empty()),
                name: eni_name.clone(),
                description: format!("secondary ENI for {instance}"),
            };
            check_eni_spec(&mut f, facts, &spec);
            if let Some(q) = inst.eni_quota
                && s.enis_attached_to(instance) >= q
            {
                f.add_l(L::EniCapacityReached {
                    instance: instance.to_string(),
                    instance_type: inst.instance_type.clone(),
                    attached: s.enis_attached_to(instance),
                    quota: q,
                });
            }
            let placeholder = eni_placeholder(steps.len());
            steps.push(rollback(StepAction::Lifecycle(
                LifecycleAction::CreateEni {
                    eni: placeholder.clone(),
                    spec,
                },
            )));
            (placeholder, ip, vswitch)
        }
    };
    if !f.is_empty() {
        return Err(f);
    }
    steps.push(rollback(StepAction::Associate {
        eip: eip_ref.clone(),
        target: eni_ref.to_string(),
        target_type: "NetworkInterface".into(),
        mode: BindMode::CutThrough,
        private_ip: Some(private_ip.clone()),
    }));
    steps.push(rollback(StepAction::AttachEni {
        eni: eni_ref.clone(),
        instance: instance.clone(),
    }));
    steps.push(rollback(StepAction::Verify {
        checks: bound_checks(&eip_ref, &eni_ref, instance),
    }));
    warnings.push(Warning::LosesPrivateNetworking {
        eni: eni_ref.to_string(),
    });
    if prepaid {
        warnings.push(Warning::PrePaidEip {
            eip: eip_ref.to_string(),
        });
    }
    let notes = vec![capacity_note(s, inst), PlanNote::UndoesOnFailure];
    let context = PlanContext {
        eip_address,
        eni: Some(eni_ref),
        eni_primary_ip: Some(private_ip),
        eni_mac: None,
        eni_vswitch: Some(vswitch),
        original_instance: None,
        final_instance: Some(instance.clone()),
        os_name: Some(inst.os_name.clone()),
    };
    let production = profile.production.then(|| Warning::ProductionResource {
        profile: profile.name.clone(),
        confirm_id: instance.to_string(),
    });
    Ok(p.build(steps, warnings, notes, context, production))
}
