//! ECS security-group rules: `DescribeSecurityGroupAttribute`, `AuthorizeSecurityGroup` and
//! `RevokeSecurityGroup` (inbound rules, `Permissions.N.*` or the legacy top-level
//! parameters). Rules are kept per account and region next to the groups
//! (`RegionState::sg_rules`); a group without an entry has no rules.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};

use super::{ActionResult, Ctx, list};
use crate::auth::timestamp::format_ms;
use crate::protocol::{ApiError, Params};
use crate::state::ids;

/// At most this many rules per group (the default quota).
const MAX_RULES: usize = 200;
const ID_ALPHABET: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";

/// One inbound rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SgRule {
    /// `sgr-…`.
    pub id: String,
    /// `TCP`, `UDP`, `ICMP`, `GRE`, `ALL`.
    pub protocol: String,
    /// `22/22`, `-1/-1`.
    pub port_range: String,
    /// Source CIDR.
    pub source_cidr: String,
    /// `Accept` or `Drop`.
    pub policy: String,
    /// 1–100.
    pub priority: u32,
    /// Description.
    pub description: String,
    /// Created, epoch ms.
    pub created_ms: i64,
}

fn group_not_found(id: &str) -> ApiError {
    ApiError::not_found(
        "InvalidSecurityGroupId.NotFound",
        format!("The specified SecurityGroupId \u{201c}{id}\u{201d} does not exist."),
    )
}

/// A rule as a request names it.
struct Wanted {
    protocol: String,
    port_range: String,
    source_cidr: String,
    policy: String,
    priority: u32,
    description: String,
}

impl Wanted {
    fn matches(&self, r: &SgRule) -> bool {
        r.protocol == self.protocol
            && r.port_range == self.port_range
            && r.source_cidr == self.source_cidr
            && r.policy == self.policy
    }
}

/// The rules a request names (`Permissions.N.*`, or the top-level legacy parameters).
fn requested(p: &Params) -> Result<Vec<Wanted>, ApiError> {
    let mut out = Vec::new();
    let mut read = |prefix: &str| -> Result<bool, ApiError> {
        let get = |k: &str| p.get(&format!("{prefix}{k}")).map(str::to_string);
        let Some(protocol) = get("IpProtocol") else {
            return Ok(false);
        };
        let protocol = protocol.to_ascii_uppercase();
        if !matches!(protocol.as_str(), "TCP" | "UDP" | "ICMP" | "GRE" | "ALL") {
            return Err(ApiError::bad(
                "InvalidIpProtocol.Malformed",
                "The specified parameter \u{201c}IpProtocol\u{201d} is not valid.",
            ));
        }
        let ports = get("PortRange").ok_or_else(|| ApiError::missing("PortRange"))?;
        let valid_ports = match protocol.as_str() {
            "TCP" | "UDP" => ports
                .split_once('/')
                .and_then(|(a, b)| Some((a.parse::<u32>().ok()?, b.parse::<u32>().ok()?)))
                .is_some_and(|(a, b)| (1..=65_535).contains(&a) && a <= b && b <= 65_535),
            _ => ports == "-1/-1",
        };
        if !valid_ports {
            return Err(ApiError::bad(
                "InvalidPortRange.Malformed",
                "The specified parameter \u{201c}PortRange\u{201d} is not valid.",
            ));
        }
        let cidr = get("SourceCidrIp").ok_or_else(|| ApiError::missing("SourceCidrIp"))?;
        if crate::state::ipam::Cidr::parse(&cidr).is_none() && cidr != "0.0.0.0/0" {
            return Err(ApiError::bad(
                "InvalidSourceCidrIp.Malformed",
                "The specified parameter \u{201c}SourceCidrIp\u{201d} is not valid.",
            ));
        }
        let policy = get("Policy").unwrap_or_else(|| "Accept".into());
        let policy = match policy.to_ascii_lowercase().as_str() {
            "accept" => "Accept".to_string(),
            "drop" => "Drop".to_string(),
            _ => {
                return Err(ApiError::bad(
                    "InvalidPolicy.Malformed",
                    "The specified parameter \u{201c}Policy\u{201d} is not valid.",
                ));
            }
        };
        let priority: u32 = get("Priority")
            .map_or(Ok(1), |v| v.parse())
            .ok()
            .filter(|n| (1..=100).contains(n))
            .ok_or_else(|| ApiError::invalid_param("Priority", "It must be 1 to 100."))?;
        let description = get("Description").unwrap_or_default();
        out.push(Wanted {
            protocol,
            port_range: ports,
            source_cidr: cidr,
            policy,
            priority,
            description,
        });
        Ok(true)
    };
    if !read("")? {
        for n in 1..=100 {
            if !read(&format!("Permissions.{n}."))? {
                break;
            }
        }
    }
    if out.is_empty() {
        return Err(ApiError::missing("IpProtocol"));
    }
    Ok(out)
}

/// `DescribeSecurityGroupAttribute`.
pub fn describe(ctx: &mut Ctx<'_>) -> ActionResult {
    let region = ctx.region()?;
    let id = ctx.params.required("SecurityGroupId")?;
    let direction = ctx.params.get("Direction").unwrap_or("all");
    let res = ctx
        .world
        .region(&ctx.caller.account_id, region.id)
        .ok_or_else(|| group_not_found(id))?;
    let group = res
        .security_groups
        .get(id)
        .ok_or_else(|| group_not_found(id))?;
    let rules: Vec<Value> = if direction == "egress" {
        Vec::new()
    } else {
        res.sg_rules
            .get(id)
            .into_iter()
            .flatten()
            .map(|r| {
                json!({
                    "SecurityGroupRuleId": r.id, "Direction": "ingress", "IpProtocol": r.protocol,
                    "PortRange": r.port_range, "SourceCidrIp": r.source_cidr, "DestCidrIp": "",
                    "Policy": r.policy, "Priority": r.priority.to_string(), "NicType": "intranet",
                    "Description": r.description, "CreateTime": format_ms(r.created_ms),
                    "SourceGroupId": "", "SourcePortRange": "", "Ipv6SourceCidrIp": "",
                    "Ipv6DestCidrIp": "", "SourcePrefixListId": "", "PortRangeListId": "",
                })
            })
            .collect()
    };
    let mut body = Map::new();
    body.insert("RegionId".into(), region.id.into());
    body.insert("SecurityGroupId".into(), group.id.clone().into());
    body.insert("SecurityGroupName".into(), group.name.clone().into());
    body.insert("Description".into(), group.description.clone().into());
    body.insert("VpcId".into(), group.vpc_id.clone().into());
    body.insert("InnerAccessPolicy".into(), "Accept".into());
    body.insert("NextToken".into(), "".into());
    body.insert("Permissions".into(), list("Permission", rules));
    Ok(body.into())
}

/// `AuthorizeSecurityGroup`: adds inbound rules (a rule identical to an existing one is not
/// added twice).
pub fn authorize(ctx: &mut Ctx<'_>) -> ActionResult {
    let region = ctx.region()?;
    let id = ctx.params.required("SecurityGroupId")?.to_string();
    let wanted = requested(ctx.params)?;
    let now = ctx.now_ms;
    let keys: Vec<String> = wanted.iter().map(|_| ctx.world.next_key("sgr")).collect();
    let res = ctx.resources(region);
    if !res.security_groups.contains(&id) {
        return Err(group_not_found(&id));
    }
    let rules = res.sg_rules.entry(id).or_default();
    for (w, key) in wanted.into_iter().zip(keys) {
        if rules.iter().any(|r| w.matches(r)) {
            continue;
        }
        if rules.len() >= MAX_RULES {
            return Err(ApiError::forbidden(
                "AuthorizationLimitExceed",
                "The number of rules in the security group exceeds the limit.",
            ));
        }
        rules.push(SgRule {
            id: format!("sgr-{}", ids::token_chars(&key, 20, ID_ALPHABET)),
            protocol: w.protocol,
            port_range: w.port_range,
            source_cidr: w.source_cidr,
            policy: w.policy,
            priority: w.priority,
            description: w.description,
            created_ms: now,
        });
    }
    Ok(Map::new().into())
}

/// `RevokeSecurityGroup`: removes inbound rules by `SecurityGroupRuleId.N` or by their
/// fields (removing a rule that does not exist succeeds).
pub fn revoke(ctx: &mut Ctx<'_>) -> ActionResult {
    let region = ctx.region()?;
    let id = ctx.params.required("SecurityGroupId")?.to_string();
    let by_id = ctx.params.list("SecurityGroupRuleId");
    let by_fields = if by_id.is_empty() {
        requested(ctx.params)?
    } else {
        Vec::new()
    };
    let res = ctx.resources(region);
    if !res.security_groups.contains(&id) {
        return Err(group_not_found(&id));
    }
    if let Some(rules) = res.sg_rules.get_mut(&id) {
        rules.retain(|r| !by_id.contains(&r.id) && !by_fields.iter().any(|w| w.matches(r)));
    }
    Ok(Map::new().into())
}
