//! Lifecycle preflight: checks a [`LifecycleRequest`] against [`LifecycleFacts`] read fresh
//! from the API and builds its plan (a [`BindPlan`] the workflow engine runs), or returns every
//! failing rule. Warnings follow the binding's rules: what a job breaks needs an
//! acknowledgement (`binding::preflight::acknowledge_impact`), a permanent removal is named,
//! and a production profile types what the job acts on.

use super::action::{Billing, EipAttrs, LifecycleAction};
use super::checks::{
    Found, PlanParts, check_bandwidth, check_bulk, check_eip_spec, check_eip_text, check_tag,
    existing_tags, not_found, production, step,
};
use super::created::eip_placeholder;
use super::facts::LifecycleFacts;
use super::job::LifecycleRequest;
use super::reasons::LifecycleBlocker as L;
use crate::binding::plan_notes::PlanNote;
use crate::binding::preflight::production_warning;
use crate::binding::{BindPlan, Blocker, OnFailure, PlanContext, ProfileFacts, Warning};
use crate::ids::RegionId;
use crate::regions::CutThroughRegions;

/// Checks `request` and builds its plan, or returns every failing rule.
pub fn preflight(
    request: &LifecycleRequest,
    facts: &LifecycleFacts,
    region: &RegionId,
    regions: &CutThroughRegions,
    profile: &ProfileFacts,
) -> Result<BindPlan, Vec<Blocker>> {
    let p = PlanParts { request, region };
    let mut f = Found::default();
    let s = &facts.snapshot;
    match request {
        LifecycleRequest::AllocateEip { spec } => {
            check_eip_spec(&mut f, spec);
            f.done()?;
            let mut notes = vec![PlanNote::BillingStarts {
                billing: spec.billing,
            }];
            if spec.billing == Billing::Subscription {
                notes.push(PlanNote::SubscriptionLocked);
            }
            let steps = vec![step(
                LifecycleAction::AllocateEip {
                    eip: eip_placeholder(0),
                    spec: spec.clone(),
                },
                OnFailure::RollBack,
            )];
            Ok(p.build(
                steps,
                Vec::new(),
                notes,
                PlanContext::default(),
                production(profile, region.to_string()),
            ))
        }
        LifecycleRequest::ReleaseEips { eips } => {
            check_bulk(&mut f, eips.len());
            let mut ips = Vec::new();
            for id in eips {
                let Some(e) = s.eip(id) else {
                    f.add(L::EipNotFound {
                        eip: id.to_string(),
                    });
                    continue;
                };
                ips.push(e.ip_address.clone());
                if e.charge_type == "PrePaid" {
                    f.add(L::SubscriptionNotReleasable {
                        eip: id.to_string(),
                    });
                }
                match &e.binding {
                    Some(b) if b.mode == "BINDED" => f.add(L::EipBoundCutThrough {
                        eip: id.to_string(),
                        target: b.instance_id.clone(),
                    }),
                    Some(b) => f.add(L::EipBound {
                        eip: id.to_string(),
                        target: b.instance_id.clone(),
                    }),
                    None if e.status != "Available" => f.add(L::EipBusy {
                        eip: id.to_string(),
                        status: e.status.to_string(),
                    }),
                    None => {}
                }
            }
            f.done()?;
            let steps = eips
                .iter()
                .map(|eip| {
                    step(
                        LifecycleAction::ReleaseEip { eip: eip.clone() },
                        OnFailure::Ask,
                    )
                })
                .collect();
            let warnings = vec![Warning::Disruptive {
                summary: format!(
                    "releasing is permanent: {} go{} back to Alibaba Cloud's pool and cannot be recovered.",
                    ips.join(", "),
                    if ips.len() == 1 { "es" } else { "" }
                ),
            }];
            let typed = match ips.as_slice() {
                [ip] if eips.len() == 1 => production_warning(profile, ip),
                _ => production(profile, format!("{} EIPs", eips.len())),
            };
            Ok(p.build(
                steps,
                warnings,
                vec![PlanNote::ReleasedInTurn],
                PlanContext {
                    eip_address: ips.join(", "),
                    ..Default::default()
                },
                typed,
            ))
        }
        LifecycleRequest::RenameEips {
            eips,
            name,
            description,
        } => {
            check_bulk(&mut f, eips.len());
            if name.is_none() && description.is_none() {
                f.add(L::NothingToChange);
            }
            check_eip_text(&mut f, name.as_deref(), description.as_deref());
            let mut steps = Vec::new();
            for id in eips {
                match facts.eip(id.as_str()) {
                    None => f.add(L::EipNotFound {
                        eip: id.to_string(),
                    }),
                    Some(e) => steps.push(step(
                        LifecycleAction::ModifyEip {
                            eip: id.clone(),
                            name: name.clone(),
                            description: description.clone(),
                            bandwidth: None,
                            before: EipAttrs {
                                name: e.name.clone(),
                                description: e.description.clone(),
                                bandwidth: e.bandwidth.parse().unwrap_or(0),
                            },
                        },
                        OnFailure::Ask,
                    )),
                }
            }
            f.done()?;
            Ok(p.build(steps, Vec::new(), Vec::new(), PlanContext::default(), None))
        }
        LifecycleRequest::SetBandwidth { eip, bandwidth } => {
            let Some(e) = facts.eip(eip.as_str()) else {
                return Err(vec![Blocker::Lifecycle(L::EipNotFound {
                    eip: eip.to_string(),
                })]);
            };
            let billing = Billing::from_api(&e.charge_type, &e.internet_charge_type);
            check_bandwidth(&mut f, billing, *bandwidth);
            let current: u32 = e.bandwidth.parse().unwrap_or(0);
            if current == *bandwidth {
                f.add(L::BandwidthUnchanged {
                    eip: eip.to_string(),
                    value: current,
                });
            }
            if e.status == "Releasing" {
                f.add(L::EipBusy {
                    eip: eip.to_string(),
                    status: e.status.to_string(),
                });
            }
            f.done()?;
            let steps = vec![step(
                LifecycleAction::ModifyEip {
                    eip: eip.clone(),
                    name: None,
                    description: None,
                    bandwidth: Some(*bandwidth),
                    before: EipAttrs {
                        name: e.name.clone(),
                        description: e.description.clone(),
                        bandwidth: current,
                    },
                },
                OnFailure::RollBack,
            )];
            let (min, max) = billing.bandwidth_range();
            let notes = vec![PlanNote::BandwidthRange {
                billing,
                min,
                max,
                current,
            }];
            Ok(p.build(
                steps,
                Vec::new(),
                notes,
                PlanContext {
                    eip_address: e.ip_address.clone(),
                    ..Default::default()
                },
                None,
            ))
        }
        LifecycleRequest::CreateEni { spec } => {
            super::eni_jobs::create_eni(&p, facts, profile, spec)
        }
        LifecycleRequest::DeleteEnis { enis } => {
            super::eni_jobs::delete_enis(&p, facts, profile, enis)
        }
        LifecycleRequest::AttachEni { eni, instance } => {
            super::eni_jobs::attach_eni(&p, facts, profile, eni, instance)
        }
        LifecycleRequest::DetachEni { eni, instance } => {
            super::eni_jobs::detach_eni(&p, facts, profile, eni, instance)
        }
        LifecycleRequest::RenameEnis {
            enis,
            name,
            description,
        } => super::eni_jobs::rename_enis(&p, facts, enis, name, description),
        LifecycleRequest::AddTags { kind, ids, tags } => {
            check_bulk(&mut f, ids.len());
            check_tag(&mut f, tags);
            for id in ids {
                match existing_tags(facts, *kind, id) {
                    None => f.add(not_found(*kind, id)),
                    Some(have) => {
                        let count = have
                            .iter()
                            .filter(|k| !tags.iter().any(|(t, _)| t == *k))
                            .count()
                            + tags.len();
                        if count > 20 {
                            f.add(L::TooManyTags {
                                resource: id.clone(),
                                count,
                            });
                        }
                    }
                }
            }
            f.done()?;
            let steps = vec![step(
                LifecycleAction::Tag {
                    kind: *kind,
                    ids: ids.clone(),
                    tags: tags.clone(),
                },
                OnFailure::RollBack,
            )];
            Ok(p.build(steps, Vec::new(), Vec::new(), PlanContext::default(), None))
        }
        LifecycleRequest::RemoveTags { kind, ids, keys } => {
            check_bulk(&mut f, ids.len());
            for id in ids {
                if existing_tags(facts, *kind, id).is_none() {
                    f.add(not_found(*kind, id));
                }
            }
            f.done()?;
            let steps = vec![step(
                LifecycleAction::Untag {
                    kind: *kind,
                    ids: ids.clone(),
                    keys: keys.clone(),
                },
                OnFailure::RollBack,
            )];
            Ok(p.build(steps, Vec::new(), Vec::new(), PlanContext::default(), None))
        }
        LifecycleRequest::CreateAndBind {
            instance,
            eip,
            new_eip,
            eni,
            eni_name,
        } => super::compose::create_and_bind(
            &p,
            facts,
            regions,
            profile,
            (
                instance,
                eip.as_ref(),
                new_eip.as_ref(),
                eni.as_ref(),
                eni_name,
            ),
        ),
    }
}
