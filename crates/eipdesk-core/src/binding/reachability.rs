//! Step 7 of the guide: "make sure that the security group rules of the ECS instance allow
//! remote access". Pure judgement of an ENI's inbound security-group rules: which of SSH
//! (22), RDP (3389) and ICMP they let in, and the warning when none of them is.

use super::plan_notes::PlanNote;
use alicloud_api::ecs::Permission;

/// Remote access a rule can let in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    Ssh,
    Rdp,
    Icmp,
}

impl Access {
    pub const ALL: [Access; 3] = [Access::Ssh, Access::Rdp, Access::Icmp];
}

fn covers(range: &str, port: u32) -> bool {
    if range == "-1/-1" {
        return true;
    }
    range
        .split_once('/')
        .and_then(|(a, b)| Some((a.parse::<u32>().ok()?, b.parse::<u32>().ok()?)))
        .is_some_and(|(a, b)| a <= port && port <= b)
}

/// Whether `rule` lets `access` in (from any source).
pub fn allows(rule: &Permission, access: Access) -> bool {
    let inbound = rule.direction.is_empty() || rule.direction.eq_ignore_ascii_case("ingress");
    let accept = rule.policy.is_empty() || rule.policy.eq_ignore_ascii_case("accept");
    if !inbound || !accept {
        return false;
    }
    let proto = rule.ip_protocol.to_ascii_uppercase();
    match access {
        Access::Icmp => matches!(proto.as_str(), "ICMP" | "ALL"),
        Access::Ssh => matches!(proto.as_str(), "TCP" | "ALL") && covers(&rule.port_range, 22),
        Access::Rdp => matches!(proto.as_str(), "TCP" | "ALL") && covers(&rule.port_range, 3389),
    }
}

/// The warning for an ENI whose groups `groups` have `rules`, when nothing lets SSH, RDP or
/// ICMP in (`note_noRemoteAccess` names them: SSH (TCP 22), RDP (TCP 3389), ICMP).
pub fn warning(eni: &str, groups: &[String], rules: &[Permission]) -> Option<PlanNote> {
    let open: Vec<Access> = Access::ALL
        .into_iter()
        .filter(|a| rules.iter().any(|r| allows(r, *a)))
        .collect();
    open.is_empty().then(|| PlanNote::NoRemoteAccess {
        eni: eni.to_string(),
        groups: groups.join(", "),
        count: u32::try_from(groups.len()).unwrap_or(u32::MAX),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(proto: &str, ports: &str, policy: &str) -> Permission {
        Permission {
            direction: "ingress".into(),
            ip_protocol: proto.into(),
            port_range: ports.into(),
            policy: policy.into(),
            source_cidr_ip: "203.0.113.0/24".into(),
            ..Permission::default()
        }
    }

    #[test]
    fn ssh_rdp_and_icmp_are_recognised() {
        assert!(allows(&rule("TCP", "22/22", "Accept"), Access::Ssh));
        assert!(allows(&rule("TCP", "1/65535", "Accept"), Access::Rdp));
        assert!(allows(&rule("ALL", "-1/-1", "Accept"), Access::Icmp));
        assert!(!allows(&rule("TCP", "22/22", "Drop"), Access::Ssh));
        assert!(!allows(&rule("UDP", "22/22", "Accept"), Access::Ssh));
        assert!(!allows(&rule("TCP", "80/443", "Accept"), Access::Ssh));
    }

    #[test]
    fn warns_only_when_nothing_lets_remote_access_in() {
        let groups = vec!["sg-1".to_string()];
        let w = crate::text::Message::english(
            &warning("eni-1", &groups, &[rule("TCP", "80/80", "Accept")]).unwrap(),
        );
        assert!(w.contains("SSH (TCP 22)") && w.contains("sg-1"), "{w}");
        assert!(warning("eni-1", &groups, &[rule("ICMP", "-1/-1", "Accept")]).is_none());
    }
}
