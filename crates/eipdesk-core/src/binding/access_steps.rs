//! The optional remote-access steps of a cut-through plan (step 7 of the guide): inbound
//! security-group rules for the user's chosen source CIDR, one for the guest's login port (SSH
//! 22, or RDP 3389 on Windows) and one for ICMP (the guide's check pings the EIP), each added
//! with `AuthorizeSecurityGroup` and removed with `RevokeSecurityGroup` on roll back, and by
//! the undo of the binding when it runs on its own ([`add_access_revoke`]). They go
//! into the ENI's own (first) security group: in cut-through mode the EIP's traffic reaches
//! the instance through that ENI, so its groups filter it, not the primary NIC's. The CIDR is
//! the user's; there is no default, and `0.0.0.0/0` is refused unless asked for by name.

use serde::{Deserialize, Serialize};

use super::plan::{BindPlan, OnFailure, PlanStep, StepAction};
use super::plan_notes::PlanNote;
use super::step_text::{StepEffect, StepTitle};
use crate::guest_os::OsFamily;

/// One inbound rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IngressRule {
    pub security_group: String,
    /// `TCP` or `ICMP`.
    pub protocol: String,
    /// `22/22`, `3389/3389`, or `-1/-1` (ICMP).
    pub port_range: String,
    pub source_cidr: String,
}

impl IngressRule {
    /// `TCP 22/22`, `ICMP (ping)`.
    pub fn what(&self) -> String {
        if self.is_ping() {
            "ICMP (ping)".to_string()
        } else {
            format!("{} {}", self.protocol, self.port_range)
        }
    }

    fn is_ping(&self) -> bool {
        self.protocol == "ICMP"
    }

    /// The rule's words: `ping(cidr, group)` for ICMP, else
    /// `rule(protocol, ports, cidr, group)`.
    fn words<T>(
        &self,
        ping: impl FnOnce(String, String) -> T,
        rule: impl FnOnce(String, String, String, String) -> T,
    ) -> T {
        let (cidr, group) = (self.source_cidr.clone(), self.security_group.clone());
        if self.is_ping() {
            ping(cidr, group)
        } else {
            rule(self.protocol.clone(), self.port_range.clone(), cidr, group)
        }
    }

    /// The title of the step that adds the rule.
    pub fn allow_title(&self) -> StepTitle {
        self.words(
            |cidr, group| StepTitle::AllowPing { cidr, group },
            |protocol, ports, cidr, group| StepTitle::AllowRule {
                protocol,
                ports,
                cidr,
                group,
            },
        )
    }

    /// The title of the step that removes the rule.
    pub fn remove_title(&self) -> StepTitle {
        self.words(
            |cidr, group| StepTitle::RemovePing { cidr, group },
            |protocol, ports, cidr, group| StepTitle::RemoveRule {
                protocol,
                ports,
                cidr,
                group,
            },
        )
    }

    /// What the step that adds the rule changes.
    pub fn allow_effect(&self) -> StepEffect {
        self.words(
            |cidr, group| StepEffect::AllowPing { group, cidr },
            |protocol, ports, cidr, group| StepEffect::AllowRule {
                group,
                cidr,
                protocol,
                ports,
            },
        )
    }
}

/// The form's choice: open the login port to this source CIDR.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct RemoteAccess {
    /// e.g. `203.0.113.0/24`.
    pub source_cidr: String,
    /// Must be true to open to `0.0.0.0/0` (the whole Internet).
    #[serde(default)]
    #[ts(optional)]
    pub allow_anywhere: Option<bool>,
}

/// Why a remote-access choice cannot become a step.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AccessError {
    #[error("{0} is not an IPv4 CIDR block such as 203.0.113.0/24")]
    NotCidr(String),
    #[error("0.0.0.0/0 opens the port to the whole Internet; choose your own address range")]
    Anywhere,
}

/// Checks the CIDR (`a.b.c.d/n`, n 0–32; `0.0.0.0/0` only when allowed by name).
pub fn check_cidr(access: &RemoteAccess) -> Result<String, AccessError> {
    let cidr = access.source_cidr.trim().to_string();
    let valid = cidr.split_once('/').is_some_and(|(ip, n)| {
        ip.parse::<std::net::Ipv4Addr>().is_ok() && n.parse::<u8>().is_ok_and(|n| n <= 32)
    });
    if !valid {
        return Err(AccessError::NotCidr(cidr));
    }
    if cidr.ends_with("/0") && access.allow_anywhere != Some(true) {
        return Err(AccessError::Anywhere);
    }
    Ok(cidr)
}

/// Adds the steps (after the attach, before the guest steps) for `group`, the ENI's first
/// security group: the login port, then ICMP.
pub fn add_access_step(plan: &mut BindPlan, group: &str, cidr: &str) {
    let windows =
        plan.context.os_name.as_deref().and_then(OsFamily::detect) == Some(OsFamily::Windows);
    let rule = |protocol: &str, ports: &str| IngressRule {
        security_group: group.to_string(),
        protocol: protocol.into(),
        port_range: ports.into(),
        source_cidr: cidr.to_string(),
    };
    let rules = [
        rule("TCP", if windows { "3389/3389" } else { "22/22" }),
        rule("ICMP", "-1/-1"),
    ];
    let at = plan
        .steps
        .iter()
        .position(|s| super::guest_steps::is_guest(&s.action))
        .unwrap_or(plan.steps.len());
    let (first, second) = (rules[0].what(), rules[1].what());
    let (cidr, group) = (cidr.to_string(), group.to_string());
    plan.notes.push(match &plan.context.eni {
        Some(eni) => PlanNote::AccessAdded {
            first,
            second,
            cidr,
            group,
            eni: eni.to_string(),
        },
        None => PlanNote::AccessAddedUnknownEni {
            first,
            second,
            cidr,
            group,
        },
    });
    for (n, rule) in rules.into_iter().enumerate() {
        plan.steps.insert(
            at + n,
            PlanStep {
                action: StepAction::AuthorizeIngress { rule },
                on_failure: OnFailure::Ask,
            },
        );
    }
}

/// Adds to the undo of a cut-through binding the removal of the inbound rules its bind added
/// (`opened`, from the journal), after the guest's restore and before the detach: the reverse
/// of the bind's order, so access closes with the binding.
pub fn add_access_revoke(plan: &mut BindPlan, opened: Vec<IngressRule>) {
    if !matches!(
        plan.request,
        super::job::BindRequest::CutThroughUnbind { .. }
    ) || opened.is_empty()
    {
        return;
    }
    // `TCP 22/22 203.0.113.0/24 → sg-…`: no words to translate.
    let rules = opened
        .iter()
        .map(|r| format!("{} {} → {}", r.what(), r.source_cidr, r.security_group))
        .collect::<Vec<_>>()
        .join("; ");
    plan.notes.push(PlanNote::AccessRevoked { rules });
    let at = plan
        .steps
        .iter()
        .position(|s| !super::guest_steps::is_guest(&s.action))
        .unwrap_or(plan.steps.len());
    for (n, rule) in opened.into_iter().enumerate() {
        plan.steps.insert(
            at + n,
            PlanStep {
                action: StepAction::RevokeIngress { rule },
                on_failure: OnFailure::Ask,
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn access(cidr: &str, anywhere: Option<bool>) -> RemoteAccess {
        RemoteAccess {
            source_cidr: cidr.into(),
            allow_anywhere: anywhere,
        }
    }

    #[test]
    fn cidrs_are_checked_and_the_whole_internet_needs_asking_by_name() {
        assert_eq!(
            check_cidr(&access(" 203.0.113.0/24 ", None)).unwrap(),
            "203.0.113.0/24"
        );
        assert!(matches!(
            check_cidr(&access("203.0.113.0", None)),
            Err(AccessError::NotCidr(_))
        ));
        assert!(matches!(
            check_cidr(&access("300.0.0.0/8", None)),
            Err(AccessError::NotCidr(_))
        ));
        assert_eq!(
            check_cidr(&access("0.0.0.0/0", None)),
            Err(AccessError::Anywhere)
        );
        assert!(check_cidr(&access("0.0.0.0/0", Some(true))).is_ok());
    }
}
