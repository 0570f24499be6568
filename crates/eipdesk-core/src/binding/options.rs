//! The form's choices: every EIP, network interface and instance of the region, each with the
//! reason it cannot be chosen for the job at hand (shown disabled), computed by the same rules
//! as preflight.

use super::facts::{EipFacts, EipTargetType, EniFacts, InstanceFacts, Snapshot};
use super::job::{BindForm, BindMode, JobKind};
use super::rules::{self, Blocker};
use super::texts::{ReasonText, WhyText};
use crate::ids::{AllocationId, EniId};
use crate::regions::CutThroughRegions;
use serde::Serialize;
use std::collections::HashMap;
use ts_rs::TS;

/// One selectable resource.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Choice {
    pub id: String,
    /// Name or IP, for the option label.
    pub label: String,
    /// Status and relations, for the option's second line, worded by the UI.
    pub detail_text: ChoiceDetail,
    /// Why it cannot be chosen (`None`: it can), in English; the UI words `disabled`.
    pub disabled_reason: Option<String>,
    pub disabled: Option<ReasonText>,
    pub reason_code: Option<String>,
    /// For network interfaces: the instance it is attached to (the form's default for
    /// "attach afterwards to").
    pub attached_to: Option<String>,
    /// For EIPs: the mode of their binding (`NAT`, `BINDED`, …), if bound.
    pub mode: Option<String>,
}

/// Every choice of the form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BindOptions {
    pub eips: Vec<Choice>,
    /// Network interfaces (cut-through, or NAT to an ENI).
    pub enis: Vec<Choice>,
    /// Instances (where the ENI goes afterwards, or NAT targets).
    pub instances: Vec<Choice>,
    /// Why cut-through is not offered in this region (`None`: it is).
    pub cut_through_unavailable: Option<Blocker>,
}

/// A choice's second line (`cd_<key>`): API values (status, mode, target type, charge type)
/// travel raw and are worded by the UI.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "key", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum ChoiceDetail {
    EipBound {
        status: String,
        mode: String,
        target: String,
        target_type: String,
    },
    EipFree {
        status: String,
        charge_type: String,
    },
    Eni {
        status: String,
        eni_type: String,
        ip: String,
        zone: String,
    },
    EniAttached {
        status: String,
        eni_type: String,
        ip: String,
        instance: String,
        zone: String,
    },
    Instance {
        status: String,
        used: u32,
        quota: u32,
        instance_type: String,
        zone: String,
    },
    InstanceCapacityUnknown {
        status: String,
        used: u32,
        instance_type: String,
        zone: String,
    },
}

impl crate::text::Message for ChoiceDetail {
    const PREFIX: &'static str = "cd";
}

fn choice(
    id: String,
    label: String,
    detail_text: ChoiceDetail,
    verdict: Result<(), Blocker>,
) -> Choice {
    let (disabled_reason, reason_code) = match &verdict {
        Ok(()) => (None, None),
        Err(b) => (Some(b.to_string()), Some(b.code().to_string())),
    };
    Choice {
        id,
        label,
        detail_text,
        disabled_reason,
        disabled: verdict.err().as_ref().map(ReasonText::from),
        reason_code,
        attached_to: None,
        mode: None,
    }
}

fn eip_choice(eip: &EipFacts, verdict: Result<(), Blocker>) -> Choice {
    let detail = match &eip.binding {
        Some(b) => ChoiceDetail::EipBound {
            status: eip.status.to_string(),
            mode: b.mode.to_string(),
            target: b.instance_id.clone(),
            target_type: b.instance_type.to_string(),
        },
        None => ChoiceDetail::EipFree {
            status: eip.status.to_string(),
            charge_type: eip.charge_type.clone(),
        },
    };
    let label = if eip.name.is_empty() {
        format!("{} ({})", eip.ip_address, eip.allocation_id)
    } else {
        format!("{} ({}, {})", eip.ip_address, eip.name, eip.allocation_id)
    };
    let mut c = choice(eip.allocation_id.to_string(), label, detail, verdict);
    c.mode = eip.binding.as_ref().map(|b| b.mode.to_string());
    c
}

fn eni_choice(eni: &EniFacts, verdict: Result<(), Blocker>) -> Choice {
    let label = if eni.name.is_empty() {
        eni.id.to_string()
    } else {
        format!("{} ({})", eni.id, eni.name)
    };
    let (status, eni_type, ip, zone) = (
        eni.status.to_string(),
        eni.eni_type.clone(),
        eni.primary_ip.clone(),
        eni.zone_id.clone(),
    );
    let detail_text = match &eni.instance_id {
        Some(i) => ChoiceDetail::EniAttached {
            status,
            eni_type,
            ip,
            instance: i.to_string(),
            zone,
        },
        None => ChoiceDetail::Eni {
            status,
            eni_type,
            ip,
            zone,
        },
    };
    let mut c = choice(eni.id.to_string(), label, detail_text, verdict);
    c.attached_to = eni.instance_id.as_ref().map(|i| i.to_string());
    c
}

fn instance_choice(
    instance: &InstanceFacts,
    snapshot: &Snapshot,
    verdict: Result<(), Blocker>,
) -> Choice {
    let label = if instance.name.is_empty() {
        instance.id.to_string()
    } else {
        format!("{} ({})", instance.id, instance.name)
    };
    let (status, used) = (
        instance.status.to_string(),
        snapshot.enis_attached_to(&instance.id),
    );
    let (instance_type, zone) = (instance.instance_type.clone(), instance.zone_id.clone());
    let detail_text = match instance.eni_quota {
        Some(quota) => ChoiceDetail::Instance {
            status,
            used,
            quota,
            instance_type,
            zone,
        },
        None => ChoiceDetail::InstanceCapacityUnknown {
            status,
            used,
            instance_type,
            zone,
        },
    };
    choice(instance.id.to_string(), label, detail_text, verdict)
}

fn eni_nat_alone(eni: &EniFacts, snapshot: &Snapshot) -> Result<(), Blocker> {
    rules::eni_in_vpc(eni)?;
    rules::eni_has_no_eip(eni, snapshot)?;
    rules::eni_is_settled(eni)
}

fn bound_in(eip: &EipFacts, wanted: Option<BindMode>, cut_through: bool) -> Result<(), Blocker> {
    let binding = rules::eip_is_bound(eip)?;
    let mode = BindMode::from_api(&binding.mode);
    let id = eip.allocation_id.to_string();
    match (cut_through, wanted) {
        (true, _) if mode != Some(BindMode::CutThrough) => Err(Blocker::EipNotCutThrough {
            eip: id,
            mode: binding.mode.to_string(),
        }),
        (false, None) if mode == Some(BindMode::CutThrough) => {
            Err(Blocker::EipIsCutThrough { eip: id })
        }
        (false, Some(_)) if binding.instance_type != "NetworkInterface" => {
            Err(Blocker::EipNotOnEni {
                eip: id,
                instance_type: binding.instance_type.to_string(),
            })
        }
        (false, Some(to)) if mode == Some(to) => Err(Blocker::EipAlreadyInMode {
            eip: id,
            mode: binding.mode.to_string(),
        }),
        _ => Ok(()),
    }
}

/// The run in progress that is changing resource `id`, if any (`busy` maps run IDs to the
/// resource IDs each touches). The one answer to "is it busy?": the form marks such choices
/// and starting a second run on them is refused.
pub fn run_touching<'a>(busy: &'a HashMap<String, Vec<String>>, id: &str) -> Option<&'a str> {
    busy.iter()
        .find(|(_, used)| used.iter().any(|r| r == id))
        .map(|(run, _)| run.as_str())
}

/// Why a resource run `run` is changing cannot be used now.
pub fn busy_reason(run: &str) -> ReasonText {
    ReasonText::Why(WhyText::Busy {
        run: run.to_string(),
    })
}

/// Marks every choice a run in progress is changing as unavailable, saying which run.
pub fn mark_busy(options: &mut BindOptions, busy: &HashMap<String, Vec<String>>) {
    let choices = options
        .eips
        .iter_mut()
        .chain(options.enis.iter_mut())
        .chain(options.instances.iter_mut());
    for choice in choices.filter(|c| c.disabled_reason.is_none()) {
        if let Some(run) = run_touching(busy, &choice.id) {
            let why = busy_reason(run);
            choice.disabled_reason = Some(why.english());
            choice.disabled = Some(why);
            choice.reason_code = Some("ResourceBusy".into());
        }
    }
}

/// The choices for `form` (its job, and its EIP and target when already chosen).
pub fn bind_options(
    form: &BindForm,
    snapshot: &Snapshot,
    regions: &CutThroughRegions,
) -> BindOptions {
    let job = form.job.unwrap_or(JobKind::CutThroughBind);
    let eip = AllocationId::parse(&form.allocation_id)
        .ok()
        .and_then(|id| snapshot.eip(&id));
    // The ENI the job moves: the chosen target, or for an undo of cut-through the ENI the
    // EIP is bound to now, so "attach afterwards" follows the bind form's rule either way.
    let eni = form
        .target_id
        .as_deref()
        .or_else(|| match (job, eip) {
            (JobKind::CutThroughUnbind, Some(e)) => e
                .binding
                .as_ref()
                .filter(|b| b.instance_type == EipTargetType::NetworkInterface)
                .map(|b| b.instance_id.as_str()),
            _ => None,
        })
        .and_then(|t| EniId::parse(t).ok())
        .and_then(|id| snapshot.eni(&id));
    let region_verdict = |e: &EipFacts| rules::region_supports_cut_through(regions, &e.region);
    let eips = snapshot
        .eips
        .iter()
        .map(|e| {
            let verdict = match job {
                JobKind::CutThroughBind => region_verdict(e).and_then(|()| rules::eip_is_free(e)),
                JobKind::NatBind => rules::eip_is_free(e),
                JobKind::CutThroughUnbind => bound_in(e, None, true),
                JobKind::NatUnbind => bound_in(e, None, false),
                JobKind::SwitchMode => {
                    bound_in(e, Some(form.mode.unwrap_or(BindMode::CutThrough)), false)
                }
                _ => Ok(()),
            };
            eip_choice(e, verdict)
        })
        .collect();
    let enis = snapshot
        .enis
        .iter()
        .map(|n| {
            let verdict = match (job, eip) {
                (JobKind::CutThroughBind, Some(e)) => rules::eni_can_cut_through(n, e, snapshot),
                (JobKind::CutThroughBind, None) => {
                    rules::first(rules::eni_cut_through_blockers(n, snapshot))
                }
                (JobKind::NatBind, Some(e)) => rules::eni_can_take_nat_eip(n, e, snapshot),
                (JobKind::NatBind, None) => eni_nat_alone(n, snapshot),
                _ => Ok(()),
            };
            eni_choice(n, verdict)
        })
        .collect();
    let instances = snapshot
        .instances
        .iter()
        .map(|i| {
            let verdict = match (job, eni, eip) {
                (JobKind::NatBind, _, Some(e)) => rules::instance_can_take_nat_eip(i, e, snapshot),
                (JobKind::NatBind, _, None) => rules::instance_is_ready(i),
                (_, Some(n), _) => rules::instance_can_take_eni(i, n, snapshot),
                _ => rules::instance_is_ready(i),
            };
            instance_choice(i, snapshot, verdict)
        })
        .collect();
    let cut_through_unavailable = eip
        .map(|e| e.region.clone())
        .or_else(|| snapshot.eips.first().map(|e| e.region.clone()))
        .and_then(|r| rules::region_supports_cut_through(regions, &r).err());
    BindOptions {
        eips,
        enis,
        instances,
        cut_through_unavailable,
    }
}
