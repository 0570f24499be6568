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

/// One thing the job breaks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImpactItem {
    pub kind: ImpactKind,
    /// The instance or ENI that loses connectivity.
    pub resource: String,
    pub lasts: ImpactLasts,
    /// What the user reads, e.g. "i-… is detached from eni-… while the job runs".
    pub message: String,
}

fn lasts_text(lasts: ImpactLasts) -> &'static str {
    match lasts {
        ImpactLasts::DuringRun => "while the job runs (a later step restores it)",
        ImpactLasts::AfterRun => "after the job, until it is changed back",
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
                    StepAction::AttachEni { eni: e, instance: to } if e == eni => Some(to),
                    _ => None,
                });
                let (lasts, message) = match reattached {
                    Some(to) if to == instance => (
                        ImpactLasts::DuringRun,
                        format!("{instance} loses its NIC {eni} while the job runs; it is attached again before the end."),
                    ),
                    Some(to) => (
                        ImpactLasts::AfterRun,
                        format!("{instance} loses its NIC {eni}: it moves to {to}."),
                    ),
                    None => (
                        ImpactLasts::AfterRun,
                        format!("{instance} loses its NIC {eni}: it stays detached."),
                    ),
                };
                out.push(ImpactItem {
                    kind: ImpactKind::Nic,
                    resource: instance.to_string(),
                    lasts,
                    message,
                });
            }
            StepAction::Unassociate { target, .. } => {
                let back = later.iter().any(
                    |s| matches!(s, StepAction::Associate { target: t, .. } if t == target),
                );
                let lasts = if back {
                    ImpactLasts::DuringRun
                } else {
                    ImpactLasts::AfterRun
                };
                let address = if eip_address.is_empty() {
                    "the EIP's address".to_string()
                } else {
                    eip_address.to_string()
                };
                out.push(ImpactItem {
                    kind: ImpactKind::PublicIp,
                    resource: target.clone(),
                    lasts,
                    message: format!(
                        "{target} is no longer reachable on the public address {address} {}.",
                        lasts_text(lasts)
                    ),
                });
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
            } => out.push(ImpactItem {
                kind: ImpactKind::PrivateNetworking,
                resource: target.clone(),
                lasts: ImpactLasts::AfterRun,
                message: format!(
                    "{target} loses its private networking: the EIP replaces its private IP until the EIP is unbound."
                ),
            }),
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
