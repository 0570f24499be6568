//! ECS `ModifyNetworkInterfaceAttribute` (name, description, security groups of an ENI) and
//! `DescribeSecurityGroups` (the groups of a VPC a new ENI may join). Synchronous.

use serde_json::{Map, json};

use super::paging::PageNumber;
use super::views::DEFAULT_RESOURCE_GROUP;
use super::views::shapes::Time;
use super::{ActionResult, Ctx, list, obj};
use crate::protocol::ApiError;
use crate::state::model::EniStatus;

/// `ModifyNetworkInterfaceAttribute`: `NetworkInterfaceName` (2–128 characters),
/// `Description` (2–256), `SecurityGroupId.N` (groups of the ENI's VPC, 1–5).
pub fn modify_attribute(ctx: &mut Ctx<'_>) -> ActionResult {
    let region = ctx.region()?;
    let p = ctx.params;
    let id = p.required("NetworkInterfaceId")?;
    let name = p.get("NetworkInterfaceName");
    if name.is_some_and(|n| !(2..=128).contains(&n.chars().count())) {
        return Err(ApiError::invalid_param(
            "NetworkInterfaceName",
            "It must be 2 to 128 characters.",
        ));
    }
    let description = p.get("Description");
    if description.is_some_and(|d| !(2..=256).contains(&d.chars().count())) {
        return Err(ApiError::invalid_param(
            "Description",
            "It must be 2 to 256 characters.",
        ));
    }
    let groups = p.list("SecurityGroupId");
    if groups.len() > 5 {
        return Err(ApiError::invalid_param(
            "SecurityGroupId",
            "At most 5 security groups.",
        ));
    }
    let res = ctx.resources(region);
    let eni = res
        .enis
        .get(id)
        .ok_or_else(|| ApiError::eni_not_found(id))?;
    if eni.status == EniStatus::Deleting {
        return Err(crate::rules::eni::invalid_eni_state(
            "Available",
            eni.status,
        ));
    }
    for sg in &groups {
        let group = res.security_groups.get(sg).ok_or_else(|| {
            ApiError::not_found(
                "InvalidSecurityGroupId.NotFound",
                "The specified SecurityGroupId does not exist.",
            )
        })?;
        if group.vpc_id != eni.vpc_id {
            return Err(ApiError::forbidden(
                "InvalidOperation.VpcMismatch",
                "The security group and the ENI must belong to the same VPC.",
            ));
        }
    }
    let eni = res
        .enis
        .get_mut(id)
        .ok_or_else(|| ApiError::eni_not_found(id))?;
    if let Some(n) = name {
        eni.name = n.to_string();
    }
    if let Some(d) = description {
        eni.description = d.to_string();
    }
    if !groups.is_empty() {
        eni.security_group_ids = groups;
    }
    Ok(Map::new().into())
}

/// `DescribeSecurityGroups`: filters `VpcId`, `SecurityGroupIds` (JSON array),
/// `SecurityGroupName`; `PageNumber`/`PageSize` (at most 50).
pub fn describe_security_groups(ctx: &mut Ctx<'_>) -> ActionResult {
    let region = ctx.region()?;
    let p = ctx.params;
    let page = PageNumber::read(p, 10, 50)?;
    let vpc = p.get("VpcId");
    let ids = p.json_list("SecurityGroupIds")?;
    let name = p.get("SecurityGroupName");
    let account = ctx.caller.account_id.clone();
    let (items, total) = match ctx.world.region(&account, region.id) {
        None => (Vec::new(), 0),
        Some(res) => {
            let matching: Vec<_> = res
                .security_groups
                .values()
                .filter(|g| vpc.is_none_or(|v| g.vpc_id == v))
                .filter(|g| ids.as_ref().is_none_or(|ids| ids.contains(&g.id)))
                .filter(|g| name.is_none_or(|n| g.name == n))
                .collect();
            let total = matching.len();
            let items = page
                .slice(matching)
                .into_iter()
                .map(|g| {
                    json!({
                        "SecurityGroupId": g.id,
                        "SecurityGroupName": g.name,
                        "Description": g.description,
                        "VpcId": g.vpc_id,
                        "CreationTime": Time::at(g.created_ms),
                        "SecurityGroupType": "normal",
                        "ResourceGroupId": DEFAULT_RESOURCE_GROUP,
                        "ServiceManaged": false,
                        "Tags": list("Tag", Vec::new()),
                    })
                })
                .collect();
            (items, total)
        }
    };
    let mut body = page.fields(total, None);
    body.insert("RegionId".into(), json!(region.id));
    body.extend(obj([("SecurityGroups", list("SecurityGroup", items))]));
    Ok(body.into())
}
