//! Lifecycle jobs: the raw form the UI sends ([`LifecycleForm`], one for every job, bulk
//! included) and the validated [`LifecycleRequest`] it is parsed into before any rule looks at
//! it (IDs checked, required fields present).

use super::action::{Billing, EipSpec, EniSpec, PricingCycle, TagKind};
use crate::binding::form_text::FormProblem;
use crate::binding::step_text::{RunSummary, billing_input, by_count};
use crate::binding::{FormError, JobKind};
use crate::ids::{AllocationId, EniId, InstanceId};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// At most this many resources in one bulk job (the tag APIs take 50 IDs per call).
pub const MAX_BULK: usize = 50;

/// A tag as the form sends it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TagPair {
    pub key: String,
    pub value: String,
}

/// The lifecycle form as the UI sends it: raw strings, validated by [`LifecycleForm::parse`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LifecycleForm {
    #[serde(default)]
    pub region_id: String,
    pub job: Option<JobKind>,
    /// The EIPs or ENIs the job acts on (several for bulk rename, tags, release, delete).
    #[serde(default)]
    pub ids: Vec<String>,
    /// Attach / detach: the instance. Create and bind: the instance to bind on.
    #[serde(default)]
    pub instance_id: Option<String>,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    /// Mbit/s.
    #[serde(default)]
    pub bandwidth: Option<u32>,
    #[serde(default)]
    pub billing: Option<Billing>,
    /// Subscription period (with `pricing_cycle`, default months).
    #[serde(default)]
    pub period: Option<u32>,
    #[serde(default)]
    pub pricing_cycle: Option<PricingCycle>,
    #[serde(default)]
    pub isp: Option<String>,
    #[serde(default)]
    pub resource_group_id: Option<String>,
    #[serde(default)]
    pub vswitch_id: Option<String>,
    #[serde(default)]
    pub security_group_ids: Vec<String>,
    /// A fixed primary private IP for a new ENI.
    #[serde(default)]
    pub private_ip: Option<String>,
    /// Tags to add.
    #[serde(default)]
    pub tags: Vec<TagPair>,
    /// Tag keys to remove.
    #[serde(default)]
    pub tag_keys: Vec<String>,
    /// Create and bind: an existing free EIP (empty: allocate one from `billing` and
    /// `bandwidth`).
    #[serde(default)]
    pub allocation_id: Option<String>,
    /// Create and bind: an existing secondary ENI (empty: create one on the instance's
    /// vSwitch).
    #[serde(default)]
    pub eni_id: Option<String>,
}

/// A validated lifecycle job.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "camelCase")]
pub enum LifecycleRequest {
    AllocateEip {
        spec: EipSpec,
    },
    ReleaseEips {
        eips: Vec<AllocationId>,
    },
    RenameEips {
        eips: Vec<AllocationId>,
        name: Option<String>,
        description: Option<String>,
    },
    SetBandwidth {
        eip: AllocationId,
        bandwidth: u32,
    },
    CreateEni {
        spec: EniSpec,
    },
    DeleteEnis {
        enis: Vec<EniId>,
    },
    AttachEni {
        eni: EniId,
        instance: InstanceId,
    },
    DetachEni {
        eni: EniId,
        instance: InstanceId,
    },
    RenameEnis {
        enis: Vec<EniId>,
        name: Option<String>,
        description: Option<String>,
    },
    AddTags {
        kind: TagKind,
        ids: Vec<String>,
        tags: Vec<(String, String)>,
    },
    RemoveTags {
        kind: TagKind,
        ids: Vec<String>,
        keys: Vec<String>,
    },
    /// Bind in cut-through mode on `instance`, allocating the EIP (`eip` `None`, from
    /// `new_eip`) and/or creating a secondary ENI on the instance's vSwitch (`eni` `None`).
    CreateAndBind {
        instance: InstanceId,
        eip: Option<AllocationId>,
        new_eip: Option<EipSpec>,
        eni: Option<EniId>,
        eni_name: String,
    },
}

fn text(raw: &Option<String>) -> Option<String> {
    raw.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

fn form_error(problem: FormProblem) -> FormError {
    FormError::Lifecycle(problem)
}

fn kind_of(ids: &[String]) -> Result<TagKind, FormError> {
    match ids.first().map(String::as_str) {
        Some(id) if id.starts_with("eip-") => Ok(TagKind::Eip),
        Some(id) if id.starts_with("eni-") => Ok(TagKind::Eni),
        _ => Err(form_error(FormProblem::ChooseTagTargets)),
    }
}

impl LifecycleForm {
    fn eips(&self) -> Result<Vec<AllocationId>, FormError> {
        if self.ids.is_empty() {
            return Err(form_error(FormProblem::ChooseEips));
        }
        Ok(self
            .ids
            .iter()
            .map(|i| AllocationId::parse(i))
            .collect::<Result<_, _>>()?)
    }

    fn enis(&self) -> Result<Vec<EniId>, FormError> {
        if self.ids.is_empty() {
            return Err(form_error(FormProblem::ChooseEnis));
        }
        Ok(self
            .ids
            .iter()
            .map(|i| EniId::parse(i))
            .collect::<Result<_, _>>()?)
    }

    fn instance(&self) -> Result<InstanceId, FormError> {
        let raw = text(&self.instance_id).ok_or_else(|| form_error(FormProblem::ChooseInstance))?;
        Ok(InstanceId::parse(&raw)?)
    }

    fn eip_spec(&self) -> Result<EipSpec, FormError> {
        let billing = self.billing.unwrap_or(Billing::PayByTraffic);
        let period = match billing {
            Billing::Subscription => Some((
                self.period
                    .ok_or_else(|| form_error(FormProblem::NeedPeriod))?,
                self.pricing_cycle.unwrap_or(PricingCycle::Month),
            )),
            _ => None,
        };
        Ok(EipSpec {
            billing,
            period,
            bandwidth: self.bandwidth.unwrap_or(5),
            isp: text(&self.isp),
            name: text(&self.name).unwrap_or_default(),
            description: text(&self.description).unwrap_or_default(),
            resource_group_id: text(&self.resource_group_id),
        })
    }

    /// Validates the form into a request.
    pub fn parse(&self) -> Result<LifecycleRequest, FormError> {
        let job = self.job.ok_or(FormError::MissingJob)?;
        let tags: Vec<(String, String)> = self
            .tags
            .iter()
            .map(|t| (t.key.trim().to_string(), t.value.trim().to_string()))
            .collect();
        Ok(match job {
            JobKind::AllocateEip => LifecycleRequest::AllocateEip {
                spec: self.eip_spec()?,
            },
            JobKind::ReleaseEip => LifecycleRequest::ReleaseEips { eips: self.eips()? },
            JobKind::RenameEip => LifecycleRequest::RenameEips {
                eips: self.eips()?,
                name: text(&self.name),
                description: text(&self.description),
            },
            JobKind::SetEipBandwidth => LifecycleRequest::SetBandwidth {
                eip: self
                    .eips()?
                    .into_iter()
                    .next()
                    .ok_or_else(|| form_error(FormProblem::ChooseEip))?,
                bandwidth: self
                    .bandwidth
                    .ok_or_else(|| form_error(FormProblem::NeedBandwidth))?,
            },
            JobKind::CreateEni => LifecycleRequest::CreateEni {
                spec: EniSpec {
                    vswitch_id: text(&self.vswitch_id)
                        .ok_or_else(|| form_error(FormProblem::ChooseVswitch))?,
                    security_group_ids: self.security_group_ids.clone(),
                    private_ip: text(&self.private_ip),
                    name: text(&self.name).unwrap_or_default(),
                    description: text(&self.description).unwrap_or_default(),
                },
            },
            JobKind::DeleteEni => LifecycleRequest::DeleteEnis { enis: self.enis()? },
            JobKind::AttachEni | JobKind::DetachEni => {
                let eni = self
                    .enis()?
                    .into_iter()
                    .next()
                    .ok_or_else(|| form_error(FormProblem::ChooseEni))?;
                let instance = self.instance()?;
                if job == JobKind::AttachEni {
                    LifecycleRequest::AttachEni { eni, instance }
                } else {
                    LifecycleRequest::DetachEni { eni, instance }
                }
            }
            JobKind::RenameEni => LifecycleRequest::RenameEnis {
                enis: self.enis()?,
                name: text(&self.name),
                description: text(&self.description),
            },
            JobKind::AddTags => {
                if tags.is_empty() {
                    return Err(form_error(FormProblem::NeedTag));
                }
                LifecycleRequest::AddTags {
                    kind: kind_of(&self.ids)?,
                    ids: self.ids.clone(),
                    tags,
                }
            }
            JobKind::RemoveTags => {
                let keys: Vec<String> = self
                    .tag_keys
                    .iter()
                    .map(|k| k.trim().to_string())
                    .filter(|k| !k.is_empty())
                    .collect();
                if keys.is_empty() {
                    return Err(form_error(FormProblem::NeedTagKey));
                }
                LifecycleRequest::RemoveTags {
                    kind: kind_of(&self.ids)?,
                    ids: self.ids.clone(),
                    keys,
                }
            }
            JobKind::CreateAndBind => {
                let eip = text(&self.allocation_id)
                    .map(|e| AllocationId::parse(&e))
                    .transpose()?;
                let eni = text(&self.eni_id).map(|e| EniId::parse(&e)).transpose()?;
                LifecycleRequest::CreateAndBind {
                    instance: self.instance()?,
                    new_eip: if eip.is_none() {
                        Some(self.eip_spec()?)
                    } else {
                        None
                    },
                    eip,
                    eni,
                    eni_name: text(&self.name).unwrap_or_default(),
                }
            }
            other => {
                return Err(form_error(FormProblem::IsBindJob { job: other }));
            }
        })
    }
}

impl LifecycleRequest {
    pub fn kind(&self) -> JobKind {
        match self {
            Self::AllocateEip { .. } => JobKind::AllocateEip,
            Self::ReleaseEips { .. } => JobKind::ReleaseEip,
            Self::RenameEips { .. } => JobKind::RenameEip,
            Self::SetBandwidth { .. } => JobKind::SetEipBandwidth,
            Self::CreateEni { .. } => JobKind::CreateEni,
            Self::DeleteEnis { .. } => JobKind::DeleteEni,
            Self::AttachEni { .. } => JobKind::AttachEni,
            Self::DetachEni { .. } => JobKind::DetachEni,
            Self::RenameEnis { .. } => JobKind::RenameEni,
            Self::AddTags { .. } => JobKind::AddTags,
            Self::RemoveTags { .. } => JobKind::RemoveTags,
            Self::CreateAndBind { .. } => JobKind::CreateAndBind,
        }
    }

    /// The one existing EIP the job is about, if it is about exactly one.
    pub fn eip(&self) -> Option<&AllocationId> {
        match self {
            Self::SetBandwidth { eip, .. } => Some(eip),
            Self::ReleaseEips { eips } | Self::RenameEips { eips, .. } if eips.len() == 1 => {
                eips.first()
            }
            Self::CreateAndBind { eip, .. } => eip.as_ref(),
            _ => None,
        }
    }

    /// Whether the job ends with a cut-through binding (the guest then needs DHCP).
    pub fn binds_cut_through(&self) -> bool {
        matches!(self, Self::CreateAndBind { .. })
    }

    /// One line for the run history.
    /// What the job is about, in one line.
    pub fn summary(&self) -> RunSummary {
        let strings =
            |ids: &[AllocationId]| ids.iter().map(ToString::to_string).collect::<Vec<_>>();
        let eni_strings = |ids: &[EniId]| ids.iter().map(ToString::to_string).collect::<Vec<_>>();
        match self {
            Self::AllocateEip { spec } => RunSummary::AllocateEip {
                billing: billing_input(spec.billing),
                bandwidth: spec.bandwidth,
            },
            Self::ReleaseEips { eips } => by_count(
                &strings(eips),
                |id| RunSummary::ReleaseOne { id },
                |_, more| RunSummary::ReleaseMany {
                    count: more.saturating_add(1),
                },
            ),
            Self::RenameEips { eips, .. } => by_count(
                &strings(eips),
                |id| RunSummary::RenameOne { id },
                |_, more| RunSummary::RenameMany {
                    count: more.saturating_add(1),
                },
            ),
            Self::SetBandwidth { eip, bandwidth } => RunSummary::SetBandwidth {
                eip: eip.to_string(),
                bandwidth: *bandwidth,
            },
            Self::CreateEni { spec } => RunSummary::CreateEni {
                vswitch: spec.vswitch_id.clone(),
            },
            Self::DeleteEnis { enis } => by_count(
                &eni_strings(enis),
                |id| RunSummary::DeleteOne { id },
                |_, more| RunSummary::DeleteMany {
                    count: more.saturating_add(1),
                },
            ),
            Self::AttachEni { eni, instance } => RunSummary::Attach {
                eni: eni.to_string(),
                instance: instance.to_string(),
            },
            Self::DetachEni { eni, instance } => RunSummary::Detach {
                eni: eni.to_string(),
                instance: instance.to_string(),
            },
            Self::RenameEnis { enis, .. } => by_count(
                &eni_strings(enis),
                |id| RunSummary::RenameOne { id },
                |_, more| RunSummary::RenameMany {
                    count: more.saturating_add(1),
                },
            ),
            Self::AddTags { ids, .. } => by_count(
                ids,
                |id| RunSummary::TagOne { id },
                |_, more| RunSummary::TagMany {
                    count: more.saturating_add(1),
                },
            ),
            Self::RemoveTags { ids, .. } => by_count(
                ids,
                |id| RunSummary::UntagOne { id },
                |_, more| RunSummary::UntagMany {
                    count: more.saturating_add(1),
                },
            ),
            // What is still to be made is named by its placeholder ("the new EIP").
            Self::CreateAndBind {
                instance, eip, eni, ..
            } => RunSummary::CreateAndBind {
                eip: eip
                    .as_ref()
                    .map_or_else(|| super::created::eip_placeholder(0), Clone::clone)
                    .to_string(),
                eni: eni
                    .as_ref()
                    .map_or_else(|| super::created::eni_placeholder(0), Clone::clone)
                    .to_string(),
                instance: instance.to_string(),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(job: JobKind) -> LifecycleForm {
        LifecycleForm {
            job: Some(job),
            ..Default::default()
        }
    }

    #[test]
    fn forms_parse_or_say_what_is_missing() {
        let mut f = form(JobKind::ReleaseEip);
        assert!(
            f.parse()
                .unwrap_err()
                .to_string()
                .contains("at least one EIP")
        );
        f.ids = vec!["eip-a1".into(), "eni-b".into()];
        assert!(matches!(f.parse().unwrap_err(), FormError::InvalidId(_)));
        f.ids = vec!["eip-a1".into(), "eip-b2".into()];
        assert!(
            matches!(f.parse().unwrap(), LifecycleRequest::ReleaseEips { eips } if eips.len() == 2)
        );
        let mut f = form(JobKind::AllocateEip);
        f.billing = Some(Billing::Subscription);
        assert!(f.parse().unwrap_err().to_string().contains("period"));
        f.period = Some(3);
        let LifecycleRequest::AllocateEip { spec } = f.parse().unwrap() else {
            panic!()
        };
        assert_eq!(spec.period, Some((3, PricingCycle::Month)));
        let mut f = form(JobKind::AddTags);
        f.ids = vec!["eni-x".into()];
        assert!(
            f.parse()
                .unwrap_err()
                .to_string()
                .contains("at least one tag")
        );
        f.tags = vec![TagPair {
            key: " team ".into(),
            value: "edge".into(),
        }];
        assert!(matches!(
            f.parse().unwrap(),
            LifecycleRequest::AddTags { kind: TagKind::Eni, ref tags, .. } if tags == &[("team".to_string(), "edge".to_string())]
        ));
        assert!(form(JobKind::NatBind).parse().is_err());
        assert_eq!(
            form(JobKind::AttachEni).parse().unwrap_err().to_string(),
            "choose at least one network interface"
        );
    }
}
