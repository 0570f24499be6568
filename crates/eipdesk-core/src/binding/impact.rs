//! The impact model: what a sequence of calls breaks, and for how long. One function,
//! [`impact_of`], reads the steps of any job (bind, unbind, undo, switch mode, and the
//! compensating steps of a roll back or a cancel) and lists what loses connectivity: an
//! instance's or ENI's public IP, an ENI's private networking, a NIC detached from its
//! instance. The plan shows it above the steps, and a job with an impact needs an explicit
//! acknowledgement (see [`super::preflight`]). Pure: no I/O.

use super::job::BindMode;
use super::plan::StepAction;
use serde::Serialize;
use ts_rs::TS;

/// What kind of connectivity is lost.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ImpactKind {
    /// The instance or ENI stops being reachable on the EIP's public address.
    PublicIp,
    /// The ENI's private IP is replaced by the EIP (cut-through): no VPC traffic through it.
    PrivateNetworking,
    /// The ENI is detached from its instance: the guest loses that NIC.
    Nic,
}

/// How long the loss lasts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ImpactLasts {
    /// Only while the job runs: a later step of the same job restores it.
    DuringRun,
    /// Until someone changes it back.
    AfterRun,
}

/// What the user reads about one loss, as a message family (`brk_<key>`, see
/// [`crate::text`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize, TS)]
#[serde(tag = "key", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum ImpactText {
    /// The NIC is detached and attached to the same instance again later in the run.
    NicDuringRun {
        instance: String,
        eni: String,
    },
    /// The NIC is attached to another instance later in the run.
    NicMoves {
        instance: String,
        eni: String,
        to: String,
    },
    /// The NIC is not attached again.
    NicStaysDetached {
        instance: String,
        eni: String,
    },
    PublicIpDuringRun {
        target: String,
        address: String,
    },
    PublicIpAfterRun {
        target: String,
        address: String,
    },
    /// The same, when the EIP's address is not known.
    PublicIpDuringRunUnnamed {
        target: String,
    },
    PublicIpAfterRunUnnamed {
        target: String,
    },
    PrivateNetworking {
        target: String,
    },
}

impl crate::text::Message for ImpactText {
    const PREFIX: &'static str = "brk";
}

/// One thing the job breaks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImpactItem {
    pub kind: ImpactKind,
    /// The instance or ENI that loses connectivity.
    pub resource: String,
    pub lasts: ImpactLasts,
    /// The English of `text`, e.g. "i-… loses its NIC eni-… while the job runs; …".
    pub message: String,
    /// What the user reads, worded by the UI.
    pub text: ImpactText,
}

impl ImpactItem {
    fn new(kind: ImpactKind, resource: &str, lasts: ImpactLasts, text: ImpactText) -> Self {
        Self {
            kind,
            resource: resource.to_string(),
            lasts,
            message: crate::text::Message::english(&text),
            text,
        }
    }
}

/// Everything `steps` breaks, in step order. `eip_address` names the public address.
pub fn impact_of<'a>(
    steps: impl IntoIterator<Item = &'a StepAction>,
    eip_address: &str,
) -> Vec<ImpactItem> {
    let steps: Vec<&StepAction> = steps.into_iter().collect();
    let mut out = Vec::new();
    for (i, step) in steps.iter().enumerate() {
        let later = &steps[i + 1..];
        match step {
            StepAction::DetachEni { eni, instance } => {
                let reattached = later.iter().find_map(|s| match s {
                    StepAction::AttachEni {
                        eni: e,
                        instance: to,
                    } if e == eni => Some(to),
                    _ => None,
                });
                let (instance, eni) = (instance.to_string(), eni.to_string());
                let (lasts, text) = match reattached {
                    Some(to) if to.as_str() == instance => (
                        ImpactLasts::DuringRun,
                        ImpactText::NicDuringRun {
                            instance: instance.clone(),
                            eni,
                        },
                    ),
                    Some(to) => (
                        ImpactLasts::AfterRun,
                        ImpactText::NicMoves {
                            instance: instance.clone(),
                            eni,
                            to: to.to_string(),
                        },
                    ),
                    None => (
                        ImpactLasts::AfterRun,
                        ImpactText::NicStaysDetached {
                            instance: instance.clone(),
                            eni,
                        },
                    ),
                };
                out.push(ImpactItem::new(ImpactKind::Nic, &instance, lasts, text));
            }
            StepAction::Unassociate { target, .. } => {
                let back = later
                    .iter()
                    .any(|s| matches!(s, StepAction::Associate { target: t, .. } if t == target));
                let (target, address) = (target.clone(), eip_address.to_string());
                let (lasts, text) = match (back, address.is_empty()) {
                    (true, false) => (
                        ImpactLasts::DuringRun,
                        ImpactText::PublicIpDuringRun {
                            target: target.clone(),
                            address,
                        },
                    ),
                    (false, false) => (
                        ImpactLasts::AfterRun,
                        ImpactText::PublicIpAfterRun {
                            target: target.clone(),
                            address,
                        },
                    ),
                    (true, true) => (
                        ImpactLasts::DuringRun,
                        ImpactText::PublicIpDuringRunUnnamed {
                            target: target.clone(),
                        },
                    ),
                    (false, true) => (
                        ImpactLasts::AfterRun,
                        ImpactText::PublicIpAfterRunUnnamed {
                            target: target.clone(),
                        },
                    ),
                };
                out.push(ImpactItem::new(ImpactKind::PublicIp, &target, lasts, text));
            }
            StepAction::Associate {
                target,
                mode: BindMode::CutThrough,
                ..
            }
            | StepAction::ModifyForwardMode {
                eni: target,
                to: BindMode::CutThrough,
                ..
            } => out.push(ImpactItem::new(
                ImpactKind::PrivateNetworking,
                target,
                ImpactLasts::AfterRun,
                ImpactText::PrivateNetworking {
                    target: target.clone(),
                },
            )),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::{AllocationId, EniId, InstanceId};

    fn eni() -> EniId {
        EniId::parse("eni-bp1lofjktg4dbzdlyxgp").unwrap()
    }
    fn web01() -> InstanceId {
        InstanceId::parse("i-bp1rqn8y8lb6iy5x5nne").unwrap()
    }
    fn eip() -> AllocationId {
        AllocationId::parse("eip-bp1vdcgzm41znfkjyd2x").unwrap()
    }

    #[test]
    fn a_cut_through_bind_detaches_the_nic_during_the_run_and_takes_private_networking() {
        let steps = [
            StepAction::DetachEni {
                eni: eni(),
                instance: web01(),
            },
            StepAction::Associate {
                eip: eip(),
                target: eni().to_string(),
                target_type: "NetworkInterface".into(),
                mode: BindMode::CutThrough,
                private_ip: None,
            },
            StepAction::AttachEni {
                eni: eni(),
                instance: web01(),
            },
        ];
        let impact = impact_of(&steps, "47.98.159.168");
        let kinds: Vec<_> = impact.iter().map(|i| (i.kind, i.lasts)).collect();
        assert_eq!(
            kinds,
            [
                (ImpactKind::Nic, ImpactLasts::DuringRun),
                (ImpactKind::PrivateNetworking, ImpactLasts::AfterRun)
            ]
        );
        assert!(impact[0].message.contains("i-bp1rqn8y8lb6iy5x5nne"));
    }

    #[test]
    fn an_unbind_loses_the_public_address_for_good_and_a_detach_without_attach_stays() {
        let steps = [
            StepAction::DetachEni {
                eni: eni(),
                instance: web01(),
            },
            StepAction::Unassociate {
                eip: eip(),
                target: "i-bp10buq1bbp3ujg1s9bu".into(),
                target_type: "EcsInstance".into(),
                mode: BindMode::Nat,
                private_ip: None,
            },
        ];
        let impact = impact_of(&steps, "47.98.28.21");
        assert_eq!(impact.len(), 2);
        assert_eq!(impact[0].lasts, ImpactLasts::AfterRun);
        assert!(impact[0].message.contains("stays detached"));
        assert_eq!(impact[1].kind, ImpactKind::PublicIp);
        assert_eq!(impact[1].resource, "i-bp10buq1bbp3ujg1s9bu");
        assert!(impact[1].message.contains("47.98.28.21"));
        assert!(impact_of(&[], "").is_empty());
    }
}
