//! ECS ENI actions: DescribeNetworkInterfaces (NextToken/MaxResults or PageNumber/PageSize),
//! CreateNetworkInterface (IPAM in the vSwitch), DeleteNetworkInterface,
//! AttachNetworkInterface and DetachNetworkInterface (asynchronous, rules in
//! [`crate::rules::eni`]).

use serde_json::{Map, Value, json};

use super::paging::{PageNumber, TokenPage};
use super::views::{BoundIndex, DEFAULT_RESOURCE_GROUP, EniView};
use super::{ActionResult, Ctx, list, listing, obj};
use crate::protocol::{ApiError, Body, Params};
use crate::rules::eni::{self as rules, DetachPlan};
use crate::state::ids;
use crate::state::model::{Eni, EniStatus, EniType, Pending, PendingKind};

struct EniFilter {
    ids: Vec<String>,
    instance: Option<String>,
    vpc: Option<String>,
    vswitch: Option<String>,
    security_group: Option<String>,
    primary_ip: Option<String>,
    name: Option<String>,
    kind: Option<EniType>,
    status: Option<EniStatus>,
    private_ips: Vec<String>,
    tags: Vec<(String, String)>,
}

impl EniFilter {
    fn read(p: &Params) -> Result<Self, ApiError> {
        let owned = |k: &str| p.get(k).map(str::to_string);
        let ids = p.list("NetworkInterfaceId");
        if ids.len() > 100 {
            return Err(ApiError::invalid_param(
                "NetworkInterfaceId",
                "At most 100 IDs are allowed.",
            ));
        }
        let kind = match p.get("Type") {
            None => None,
            Some(t) => Some(t.parse::<EniType>().map_err(|_| {
                ApiError::invalid_param("Type", "It must be Primary or Secondary.")
            })?),
        };
        let status = match p.get("Status") {
            None => None,
            Some(s) => Some(
                s.parse::<EniStatus>()
                    .map_err(|_| ApiError::invalid_param("Status", ""))?,
            ),
        };
        Ok(Self {
            ids,
            instance: owned("InstanceId"),
            vpc: owned("VpcId"),
            vswitch: owned("VSwitchId"),
            security_group: owned("SecurityGroupId"),
            primary_ip: owned("PrimaryIpAddress"),
            name: owned("NetworkInterfaceName"),
            kind,
            status,
            private_ips: p.list("PrivateIpAddress"),
            tags: p.tags(),
        })
    }

    fn matches(&self, e: &Eni) -> bool {
        let eq = |f: &Option<String>, v: &str| f.as_deref().is_none_or(|f| f == v);
        (self.ids.is_empty() || self.ids.contains(&e.id))
            && self
                .instance
                .as_deref()
                .is_none_or(|i| e.instance_id.as_deref() == Some(i))
            && eq(&self.vpc, &e.vpc_id)
            && eq(&self.vswitch, &e.vswitch_id)
            && self
                .security_group
                .as_deref()
                .is_none_or(|sg| e.security_group_ids.iter().any(|s| s == sg))
            && eq(&self.primary_ip, &e.primary_ip)
            && eq(&self.name, &e.name)
            && self.kind.is_none_or(|k| k == e.kind)
            && self.status.is_none_or(|s| s == e.status)
            && (self.private_ips.is_empty()
                || self
                    .private_ips
                    .iter()
                    .any(|ip| e.secondary_ips.contains(ip) || *ip == e.primary_ip))
            && self.tags.iter().all(|(k, v)| {
                e.tags
                    .iter()
                    .any(|(tk, tv)| tk == k && (v.is_empty() || tv == v))
            })
    }
}

/// `DescribeNetworkInterfaces`.
pub fn describe(ctx: &mut Ctx<'_>) -> ActionResult {
    let region = ctx.region()?;
    let filter = EniFilter::read(ctx.params)?;
    let token_page = TokenPage::read(ctx.params, 10, 10, 500)?;
    let number_page = PageNumber::read(ctx.params, 10, 1000)?;
    let account = ctx.caller.account_id.clone();
    let Some(res) = ctx.world.region(&account, region.id) else {
        return Ok(body(&[], 0, number_page, String::new()));
    };
    let bound = BoundIndex::new(res);
    let total = res.enis.values().filter(|e| filter.matches(e)).count();
    let (rows, next) = match token_page {
        Some(tp) => tp.take(
            res.enis
                .iter_from(tp.start_seq)
                .filter(|(_, e)| filter.matches(e)),
        ),
        None => (
            number_page.slice(res.enis.values().filter(|e| filter.matches(e)).collect()),
            String::new(),
        ),
    };
    let items: Vec<EniView<'_>> = rows
        .into_iter()
        .map(|e| EniView::new(e, &bound, &account))
        .collect();
    let page = token_page.map_or(number_page, |tp| PageNumber {
        number: 1,
        size: tp.max,
    });
    Ok(body(&items, total, page, next))
}

fn body(items: &[EniView<'_>], total: usize, page: PageNumber, next: String) -> Body {
    listing(
        page.fields(total, Some(next)),
        "NetworkInterfaceSets",
        "NetworkInterfaceSet",
        items,
    )
}

/// `CreateNetworkInterface` (synchronous: the ENI is `Available` at once).
pub fn create(ctx: &mut Ctx<'_>) -> ActionResult {
    let region = ctx.region()?;
    let p = ctx.params;
    let vswitch_id = p.required("VSwitchId")?;
    let mut groups = p.list("SecurityGroupIds");
    match (p.get("SecurityGroupId"), groups.is_empty()) {
        (Some(_), false) => {
            return Err(ApiError::bad(
                "InvalidParameter.Conflict",
                "SecurityGroupId and SecurityGroupIds.N cannot be specified at the same time.",
            ));
        }
        (Some(sg), true) => groups.push(sg.to_string()),
        (None, true) => return Err(ApiError::missing("SecurityGroupId")),
        (None, false) => {}
    }
    let name = p.get("NetworkInterfaceName").unwrap_or("");
    if !name.is_empty() && !(2..=128).contains(&name.chars().count()) {
        return Err(ApiError::invalid_param(
            "NetworkInterfaceName",
            "It must be 2 to 128 characters.",
        ));
    }
    let description = p.get("Description").unwrap_or("");
    let explicit_secondary = p.list("PrivateIpAddress");
    let secondary_count = p.opt_int("SecondaryPrivateIpAddressCount")?;
    if secondary_count.is_some() && !explicit_secondary.is_empty() {
        return Err(ApiError::bad(
            "InvalidParameter.Conflict",
            "PrivateIpAddress.N and SecondaryPrivateIpAddressCount cannot be specified at the same time.",
        ));
    }
    if secondary_count.is_some_and(|n| !(1..=49).contains(&n)) || explicit_secondary.len() > 10 {
        return Err(ApiError::invalid_param(
            "SecondaryPrivateIpAddressCount",
            "",
        ));
    }
    if p.get("InstanceType")
        .is_some_and(|t| t != "Secondary" && t != "Trunk")
    {
        return Err(ApiError::invalid_param(
            "InstanceType",
            "It must be Secondary or Trunk.",
        ));
    }
    let primary = p.get("PrimaryIpAddress").map(str::to_string);
    let tags = p.tags();
    let account = ctx.caller.account_id.clone();
    let id = ctx.world.next_id("eni", region.id);
    let mac = ids::mac(&ctx.world.next_key("mac"));
    let now = ctx.now_ms;
    let res = ctx.resources(region);
    let vsw = res.vswitches.get(vswitch_id).cloned().ok_or_else(|| {
        ApiError::not_found(
            "InvalidVSwitchId.NotFound",
            "The specified VSwitchId does not exist.",
        )
    })?;
    for sg in &groups {
        let group = res.security_groups.get(sg).ok_or_else(|| {
            ApiError::not_found(
                "InvalidSecurityGroupId.NotFound",
                "The specified SecurityGroupId does not exist.",
            )
        })?;
        if group.vpc_id != vsw.vpc_id {
            return Err(ApiError::forbidden(
                "InvalidOperation.VpcMismatch",
                "The security group and the vSwitch must belong to the same VPC.",
            ));
        }
    }
    let mut claimed: Vec<String> = Vec::new();
    let result = claim_ips(
        res,
        &vsw.id,
        primary.as_deref(),
        &explicit_secondary,
        secondary_count,
        &mut claimed,
    );
    if let Err(e) = result {
        for ip in &claimed {
            res.release_private_ip(&vsw.id, ip);
        }
        return Err(e);
    }
    let primary_ip = claimed.remove(0);
    let eni = Eni {
        id: id.clone(),
        name: name.to_string(),
        description: description.to_string(),
        kind: EniType::Secondary,
        status: EniStatus::Available,
        instance_id: None,
        vpc_id: vsw.vpc_id.clone(),
        vswitch_id: vsw.id.clone(),
        zone_id: vsw.zone_id.clone(),
        primary_ip: primary_ip.clone(),
        secondary_ips: claimed.clone(),
        mac: mac.clone(),
        security_group_ids: groups.clone(),
        created_ms: now,
        pending: None,
        delete_on_release: p.bool("DeleteOnRelease", false)?,
        tags: tags.clone(),
    };
    res.enis.insert(eni);
    let mut sets = vec![json!({"PrivateIpAddress": primary_ip, "Primary": true})];
    sets.extend(
        claimed
            .iter()
            .map(|ip| json!({"PrivateIpAddress": ip, "Primary": false})),
    );
    Ok(obj([
        ("NetworkInterfaceId", json!(id)),
        ("NetworkInterfaceName", json!(name)),
        ("Description", json!(description)),
        ("Status", json!("Available")),
        ("Type", json!("Secondary")),
        ("VpcId", json!(vsw.vpc_id)),
        ("VSwitchId", json!(vsw.id)),
        ("ZoneId", json!(vsw.zone_id)),
        ("PrivateIpAddress", json!(primary_ip)),
        ("MacAddress", json!(mac)),
        ("OwnerId", json!(account)),
        ("ResourceGroupId", json!(DEFAULT_RESOURCE_GROUP)),
        ("ServiceManaged", json!(false)),
        ("SourceDestCheck", json!(false)),
        (
            "SecurityGroupIds",
            list(
                "SecurityGroupId",
                groups.into_iter().map(Value::from).collect(),
            ),
        ),
        ("PrivateIpSets", list("PrivateIpSet", sets)),
        ("Ipv6Sets", list("Ipv6Set", Vec::new())),
        ("Ipv4PrefixSets", list("Ipv4PrefixSet", Vec::new())),
        ("Ipv6PrefixSets", list("Ipv6PrefixSet", Vec::new())),
        (
            "Tags",
            list(
                "Tag",
                tags.iter()
                    .map(|(k, v)| json!({"TagKey": k, "TagValue": v}))
                    .collect(),
            ),
        ),
    ])
    .into())
}

/// Claims the primary IP (given or allocated) then the secondary ones; `claimed` holds what was
/// taken so a failure can give it back.
fn claim_ips(
    res: &mut crate::state::RegionState,
    vswitch_id: &str,
    primary: Option<&str>,
    explicit: &[String],
    count: Option<i64>,
    claimed: &mut Vec<String>,
) -> Result<(), ApiError> {
    let not_enough = || {
        ApiError::forbidden(
            "InvalidVSwitchId.IpNotEnough",
            "The vSwitch has no free IP address.",
        )
    };
    let mut take =
        |res: &mut crate::state::RegionState, ip: Option<&str>| -> Result<(), ApiError> {
            match ip {
                Some(ip) => {
                    let inside = res
                        .vswitches
                        .get(vswitch_id)
                        .and_then(|v| crate::state::ipam::Cidr::parse(&v.cidr))
                        .zip(ip.parse().ok())
                        .is_some_and(|(c, a)| c.usable(a));
                    if !inside {
                        return Err(ApiError::forbidden(
                            "InvalidVSwitchId.IpInvalid",
                            format!("The IP address {ip} is not a usable address of the vSwitch."),
                        ));
                    }
                    if !res.claim_private_ip(vswitch_id, ip) {
                        return Err(ApiError::bad(
                            "InvalidPrivateIpAddress.Duplicated",
                            format!("The IP address {ip} is already in use."),
                        ));
                    }
                    claimed.push(ip.to_string());
                }
                None => claimed.push(res.allocate_private_ip(vswitch_id).ok_or_else(not_enough)?),
            }
            Ok(())
        };
    take(res, primary)?;
    for ip in explicit {
        take(res, Some(ip))?;
    }
    for _ in 0..count.unwrap_or(0) {
        take(res, None)?;
    }
    Ok(())
}

fn eni_and_instance<'r>(
    res: &'r crate::state::RegionState,
    eni_id: &str,
    instance_id: &str,
) -> Result<(&'r Eni, &'r crate::state::model::Instance), ApiError> {
    let eni = res
        .enis
        .get(eni_id)
        .ok_or_else(|| ApiError::eni_not_found(eni_id))?;
    let instance = res
        .instances
        .get(instance_id)
        .ok_or_else(|| ApiError::ecs_not_found(instance_id))?;
    Ok((eni, instance))
}

fn schedule(eni: &mut Eni, kind: PendingKind, now: i64, delay: u64) {
    eni.pending = Some(Pending {
        kind,
        due_ms: now + delay as i64,
    });
}

/// `AttachNetworkInterface`.
pub fn attach(ctx: &mut Ctx<'_>) -> ActionResult {
    let region = ctx.region()?;
    let eni_id = ctx.params.required("NetworkInterfaceId")?;
    let instance_id = ctx.params.required("InstanceId")?;
    let delay = ctx.settings.delays.attach_ms;
    let now = ctx.now_ms;
    let res = ctx.resources(region);
    let (eni, instance) = eni_and_instance(res, eni_id, instance_id)?;
    rules::check_attach(res, eni, instance)?;
    let eni = res
        .enis
        .get_mut(eni_id)
        .ok_or_else(|| ApiError::eni_not_found(eni_id))?;
    eni.instance_id = Some(instance_id.to_string());
    if delay == 0 {
        eni.status = EniStatus::InUse;
    } else {
        eni.status = EniStatus::Attaching;
        schedule(eni, PendingKind::Attach, now, delay);
        res.schedule(eni_id, now + delay as i64);
    }
    Ok(Map::new().into())
}

/// `DetachNetworkInterface`.
pub fn detach(ctx: &mut Ctx<'_>) -> ActionResult {
    let region = ctx.region()?;
    let eni_id = ctx.params.required("NetworkInterfaceId")?;
    let instance_id = ctx.params.required("InstanceId")?;
    let delay = ctx.settings.delays.detach_ms;
    let now = ctx.now_ms;
    let res = ctx.resources(region);
    let (eni, instance) = eni_and_instance(res, eni_id, instance_id)?;
    if rules::check_detach(eni, instance)? == DetachPlan::AlreadyDetaching {
        return Ok(Map::new().into());
    }
    let eni = res
        .enis
        .get_mut(eni_id)
        .ok_or_else(|| ApiError::eni_not_found(eni_id))?;
    if delay == 0 {
        eni.status = EniStatus::Available;
        eni.instance_id = None;
    } else {
        eni.status = EniStatus::Detaching;
        schedule(eni, PendingKind::Detach, now, delay);
        res.schedule(eni_id, now + delay as i64);
    }
    Ok(Map::new().into())
}

/// `DeleteNetworkInterface`.
pub fn delete(ctx: &mut Ctx<'_>) -> ActionResult {
    let region = ctx.region()?;
    let eni_id = ctx.params.required("NetworkInterfaceId")?;
    let delay = ctx.settings.delays.delete_eni_ms;
    let now = ctx.now_ms;
    let res = ctx.resources(region);
    let eni = res
        .enis
        .get(eni_id)
        .ok_or_else(|| ApiError::eni_not_found(eni_id))?;
    rules::check_delete(res, eni)?;
    if delay == 0 {
        if let Some(gone) = res.enis.remove(eni_id) {
            res.release_private_ip(&gone.vswitch_id, &gone.primary_ip);
            for ip in &gone.secondary_ips {
                res.release_private_ip(&gone.vswitch_id, ip);
            }
        }
    } else {
        let eni = res
            .enis
            .get_mut(eni_id)
            .ok_or_else(|| ApiError::eni_not_found(eni_id))?;
        eni.status = EniStatus::Deleting;
        schedule(eni, PendingKind::Delete, now, delay);
        res.schedule(eni_id, now + delay as i64);
    }
    Ok(Map::new().into())
}
