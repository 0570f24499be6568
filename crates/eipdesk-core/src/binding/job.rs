//! Binding jobs: the raw form the UI sends ([`BindForm`]) and the validated request it is
//! parsed into ([`BindRequest`]) before any rule looks at it.

use crate::ids::{AllocationId, EniId, InstanceId, InvalidId};
use crate::lifecycle::LifecycleRequest;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// An association mode the app offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
pub enum BindMode {
    /// NAT mode: the EIP maps to the private IP; the guest sees only the private IP.
    #[serde(rename = "NAT")]
    Nat,
    /// Cut-through mode (`BINDED`): the EIP replaces the secondary ENI's private IP.
    #[serde(rename = "BINDED")]
    CutThrough,
}

impl BindMode {
    /// The API's spelling (`NAT` or `BINDED`).
    pub fn as_api(self) -> &'static str {
        match self {
            BindMode::Nat => "NAT",
            BindMode::CutThrough => "BINDED",
        }
    }

    /// Parses the API's spelling.
    pub fn from_api(mode: impl AsRef<str>) -> Option<Self> {
        match mode.as_ref() {
            "NAT" => Some(BindMode::Nat),
            "BINDED" => Some(BindMode::CutThrough),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            BindMode::Nat => "NAT",
            BindMode::CutThrough => "cut-through",
        }
    }
}

/// What a NAT-mode association targets.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", content = "id", rename_all = "camelCase")]
pub enum NatTarget {
    /// An ECS instance (its primary private IP).
    Instance(InstanceId),
    /// An ENI (its primary private IP).
    Eni(EniId),
}

impl NatTarget {
    pub fn id(&self) -> &str {
        match self {
            NatTarget::Instance(id) => id.as_str(),
            NatTarget::Eni(id) => id.as_str(),
        }
    }

    /// The `InstanceType` parameter for this target.
    pub fn instance_type(&self) -> &'static str {
        match self {
            NatTarget::Instance(_) => "EcsInstance",
            NatTarget::Eni(_) => "NetworkInterface",
        }
    }
}

/// A validated binding job.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "job", rename_all = "camelCase")]
pub enum BindRequest {
    /// Associate `eip` with the secondary ENI `eni` in cut-through mode, then attach the ENI to
    /// `attach_to` (`None`: leave it detached).
    CutThroughBind {
        eip: AllocationId,
        eni: EniId,
        attach_to: Option<InstanceId>,
    },
    /// Undo a cut-through binding: detach, unassociate, re-attach to `reattach_to`.
    CutThroughUnbind {
        eip: AllocationId,
        reattach_to: Option<InstanceId>,
    },
    /// Associate `eip` in NAT mode.
    NatBind {
        eip: AllocationId,
        target: NatTarget,
    },
    /// Remove a NAT-mode association.
    NatUnbind { eip: AllocationId },
    /// Switch an existing ENI binding between NAT and cut-through (`ModifyEipForwardMode`).
    SwitchMode { eip: AllocationId, to: BindMode },
    /// A lifecycle job (allocate, release, create, delete, attach, detach, rename, bandwidth,
    /// tags, and binds that start by creating what they bind): see [`crate::lifecycle`].
    Lifecycle { lifecycle: LifecycleRequest },
}

impl BindRequest {
    /// The EIP the job is about (`None` for lifecycle jobs on ENIs, several EIPs, or an EIP
    /// still to be allocated).
    pub fn eip(&self) -> Option<&AllocationId> {
        match self {
            BindRequest::CutThroughBind { eip, .. }
            | BindRequest::CutThroughUnbind { eip, .. }
            | BindRequest::NatBind { eip, .. }
            | BindRequest::NatUnbind { eip }
            | BindRequest::SwitchMode { eip, .. } => Some(eip),
            BindRequest::Lifecycle { lifecycle } => lifecycle.eip(),
        }
    }

    /// A short name of the job kind, as stored in the journal.
    pub fn kind(&self) -> JobKind {
        match self {
            BindRequest::CutThroughBind { .. } => JobKind::CutThroughBind,
            BindRequest::CutThroughUnbind { .. } => JobKind::CutThroughUnbind,
            BindRequest::NatBind { .. } => JobKind::NatBind,
            BindRequest::NatUnbind { .. } => JobKind::NatUnbind,
            BindRequest::SwitchMode { .. } => JobKind::SwitchMode,
            BindRequest::Lifecycle { lifecycle } => lifecycle.kind(),
        }
    }
}

/// The kinds of binding job.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum JobKind {
    CutThroughBind,
    CutThroughUnbind,
    NatBind,
    NatUnbind,
    SwitchMode,
    AllocateEip,
    ReleaseEip,
    RenameEip,
    SetEipBandwidth,
    CreateEni,
    DeleteEni,
    AttachEni,
    DetachEni,
    RenameEni,
    AddTags,
    RemoveTags,
    /// Allocate an EIP and/or create a secondary ENI, then bind them in cut-through mode.
    CreateAndBind,
}

/// The binding form as the UI sends it: raw strings, validated by [`BindForm::parse`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BindForm {
    /// The region the EIP is in (the form's region scope).
    #[serde(default)]
    pub region_id: String,
    pub job: Option<JobKind>,
    pub allocation_id: String,
    /// `networkInterface` or `ecsInstance` (NAT mode only).
    pub target_kind: Option<TargetKind>,
    /// The ENI or instance ID.
    pub target_id: Option<String>,
    /// Cut-through: the instance the ENI is attached to afterwards; empty = leave detached.
    /// Unbind cut-through: the instance it is re-attached to.
    pub attach_to: Option<String>,
    /// Switch mode: the new mode.
    pub mode: Option<BindMode>,
    /// Cut-through bind: configure and verify the guest OS through Cloud Assistant.
    #[serde(default)]
    #[ts(optional)]
    pub guest: Option<super::guest_steps::GuestChoice>,
    /// Cut-through bind: open the login port and ICMP to this source CIDR for the run's binding.
    #[serde(default)]
    #[ts(optional)]
    pub remote_access: Option<super::access_steps::RemoteAccess>,
}

/// The kind of resource a form targets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum TargetKind {
    NetworkInterface,
    EcsInstance,
}

/// Why a form could not become a [`BindRequest`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FormError {
    #[error("choose what to do (bind, unbind or switch mode)")]
    MissingJob,
    #[error("choose a target {0}")]
    MissingTarget(&'static str),
    #[error("choose the new binding mode")]
    MissingMode,
    #[error(transparent)]
    InvalidId(#[from] InvalidId),
    /// A lifecycle job sent to the bind form (it has its own form).
    #[error("{}", super::form_text::FormProblem::NotABindJob { job: *.0 })]
    NotABindJob(JobKind),
    /// A lifecycle form that cannot become a job (see [`crate::lifecycle::job`]).
    #[error("{0}")]
    Lifecycle(super::form_text::FormProblem),
    #[error(transparent)]
    RemoteAccess(#[from] super::access_steps::AccessError),
}

impl FormError {
    /// What is wrong, as a message key (`None` for a bad ID, which has its own words).
    pub fn problem(&self) -> Option<super::form_text::FormProblem> {
        use super::access_steps::AccessError;
        use super::form_text::FormProblem as P;
        Some(match self {
            FormError::MissingJob => P::ChooseJob,
            FormError::MissingTarget(ENI_TARGET) => P::ChooseTargetEni,
            FormError::MissingTarget(_) => P::ChooseTargetAny,
            FormError::MissingMode => P::ChooseMode,
            FormError::InvalidId(_) => return None,
            FormError::NotABindJob(job) => P::NotABindJob { job: *job },
            FormError::Lifecycle(p) => p.clone(),
            FormError::RemoteAccess(AccessError::NotCidr(cidr)) => {
                P::NotCidr { cidr: cidr.clone() }
            }
            FormError::RemoteAccess(AccessError::Anywhere) => P::OpenToAll,
        })
    }
}

/// The target a cut-through bind needs (the NAT bind's is an instance or an ENI).
const ENI_TARGET: &str = "network interface";

fn optional_instance(raw: Option<&str>) -> Result<Option<InstanceId>, InvalidId> {
    match raw.map(str::trim).filter(|s| !s.is_empty()) {
        Some(id) => InstanceId::parse(id).map(Some),
        None => Ok(None),
    }
}

impl BindForm {
    /// Validates the form into a request (IDs checked, required fields present).
    pub fn parse(&self) -> Result<BindRequest, FormError> {
        let job = self.job.ok_or(FormError::MissingJob)?;
        let eip = AllocationId::parse(&self.allocation_id)?;
        let target = self
            .target_id
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty());
        Ok(match job {
            JobKind::CutThroughBind => BindRequest::CutThroughBind {
                eip,
                eni: EniId::parse(target.ok_or(FormError::MissingTarget(ENI_TARGET))?)?,
                attach_to: optional_instance(self.attach_to.as_deref())?,
            },
            JobKind::CutThroughUnbind => BindRequest::CutThroughUnbind {
                eip,
                reattach_to: optional_instance(self.attach_to.as_deref())?,
            },
            JobKind::NatBind => {
                let id = target.ok_or(FormError::MissingTarget("instance or network interface"))?;
                let target = match self.target_kind {
                    Some(TargetKind::NetworkInterface) => NatTarget::Eni(EniId::parse(id)?),
                    Some(TargetKind::EcsInstance) => NatTarget::Instance(InstanceId::parse(id)?),
                    None if id.starts_with("eni-") => NatTarget::Eni(EniId::parse(id)?),
                    None => NatTarget::Instance(InstanceId::parse(id)?),
                };
                BindRequest::NatBind { eip, target }
            }
            JobKind::NatUnbind => BindRequest::NatUnbind { eip },
            JobKind::SwitchMode => BindRequest::SwitchMode {
                eip,
                to: self.mode.ok_or(FormError::MissingMode)?,
            },
            other => return Err(FormError::NotABindJob(other)),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(job: JobKind) -> BindForm {
        BindForm {
            job: Some(job),
            allocation_id: "eip-abc1".into(),
            ..Default::default()
        }
    }

    #[test]
    fn cut_through_form_parses_with_and_without_attach() {
        let mut f = form(JobKind::CutThroughBind);
        f.target_id = Some("eni-x1".into());
        f.attach_to = Some(" ".into());
        let r = f.parse().unwrap();
        assert_eq!(
            r,
            BindRequest::CutThroughBind {
                eip: AllocationId::parse("eip-abc1").unwrap(),
                eni: EniId::parse("eni-x1").unwrap(),
                attach_to: None
            }
        );
        f.attach_to = Some("i-9".into());
        assert!(matches!(
            f.parse().unwrap(),
            BindRequest::CutThroughBind {
                attach_to: Some(_),
                ..
            }
        ));
    }

    #[test]
    fn bad_forms_say_what_is_wrong() {
        assert_eq!(
            BindForm::default().parse().unwrap_err(),
            FormError::MissingJob
        );
        let f = form(JobKind::CutThroughBind);
        assert_eq!(
            f.parse().unwrap_err().to_string(),
            "choose a target network interface"
        );
        let mut f = form(JobKind::NatBind);
        f.target_id = Some("eni-Bad".into());
        assert!(matches!(f.parse().unwrap_err(), FormError::InvalidId(_)));
        assert_eq!(
            form(JobKind::SwitchMode).parse().unwrap_err(),
            FormError::MissingMode
        );
        let mut f = form(JobKind::NatUnbind);
        f.allocation_id = "i-1".into();
        assert!(
            f.parse()
                .unwrap_err()
                .to_string()
                .contains("EIP allocation ID")
        );
    }

    #[test]
    fn nat_target_kind_is_explicit_or_inferred() {
        let mut f = form(JobKind::NatBind);
        f.target_id = Some("i-1".into());
        assert!(matches!(
            f.parse().unwrap(),
            BindRequest::NatBind {
                target: NatTarget::Instance(_),
                ..
            }
        ));
        f.target_id = Some("eni-1".into());
        assert!(matches!(
            f.parse().unwrap(),
            BindRequest::NatBind {
                target: NatTarget::Eni(_),
                ..
            }
        ));
        f.target_kind = Some(TargetKind::EcsInstance);
        assert!(f.parse().is_err());
    }

    #[test]
    fn modes_round_trip_the_api_spelling() {
        for m in [BindMode::Nat, BindMode::CutThrough] {
            assert_eq!(BindMode::from_api(m.as_api()), Some(m));
        }
        assert_eq!(BindMode::from_api("MULTI_BINDED"), None);
        assert_eq!(
            serde_json::to_string(&BindMode::CutThrough).unwrap(),
            "\"BINDED\""
        );
    }
}
