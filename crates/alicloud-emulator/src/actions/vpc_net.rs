//! VPC network actions: DescribeRegions (VPC flavour), DescribeVpcs, DescribeVSwitches
//! (PageNumber/PageSize paging, at most 50 per page like the real API).

use serde_json::{Value, json};

use super::paging::PageNumber;
use super::views::{VSwitchView, VpcView};
use super::{ActionResult, Ctx, list, listing, obj};
use crate::state::regions::REGIONS;

/// `DescribeRegions` (VPC 2016-04-28).
pub fn describe_regions(ctx: &mut Ctx<'_>) -> ActionResult {
    let language = ctx.params.get("AcceptLanguage");
    let regions: Vec<Value> = REGIONS
        .iter()
        .map(|r| {
            json!({
                "RegionId": r.id,
                "LocalName": r.local_name(language),
                "RegionEndpoint": r.vpc_endpoint(),
            })
        })
        .collect();
    Ok(obj([("Regions", list("Region", regions))]).into())
}

/// `DescribeVpcs`.
pub fn describe_vpcs(ctx: &mut Ctx<'_>) -> ActionResult {
    let region = ctx.region()?;
    let p = ctx.params;
    let page = PageNumber::read(p, 10, 50)?;
    let ids = p.comma_list("VpcId");
    let name = p.get("VpcName");
    let is_default = match p.get("IsDefault") {
        None => None,
        Some(_) => Some(p.bool("IsDefault", false)?),
    };
    let account = ctx.caller.account_id.clone();
    let (items, total): (Vec<VpcView<'_>>, usize) = match ctx.world.region(&account, region.id) {
        None => (Vec::new(), 0),
        Some(res) => {
            let matching: Vec<_> = res
                .vpcs
                .values()
                .filter(|v| ids.as_ref().is_none_or(|ids| ids.contains(&v.id)))
                .filter(|v| name.is_none_or(|n| v.name == n))
                .filter(|v| is_default.is_none_or(|d| v.is_default == d))
                .collect();
            let total = matching.len();
            let items = page
                .slice(matching)
                .into_iter()
                .map(|v| {
                    let vsw: Vec<&str> = res
                        .vswitches
                        .values()
                        .filter(|s| s.vpc_id == v.id)
                        .map(|s| s.id.as_str())
                        .collect();
                    VpcView::new(v, vsw, region.id, &account)
                })
                .collect();
            (items, total)
        }
    };
    Ok(listing(page.fields(total, None), "Vpcs", "Vpc", &items))
}

/// `DescribeVSwitches`.
pub fn describe_vswitches(ctx: &mut Ctx<'_>) -> ActionResult {
    let region = ctx.region()?;
    let p = ctx.params;
    let page = PageNumber::read(p, 10, 50)?;
    let vpc = p.get("VpcId");
    let ids = p.comma_list("VSwitchId");
    let zone = p.get("ZoneId");
    let name = p.get("VSwitchName");
    let is_default = match p.get("IsDefault") {
        None => None,
        Some(_) => Some(p.bool("IsDefault", false)?),
    };
    let account = ctx.caller.account_id.clone();
    let (items, total): (Vec<VSwitchView<'_>>, usize) = match ctx.world.region(&account, region.id)
    {
        None => (Vec::new(), 0),
        Some(res) => {
            let matching: Vec<_> = res
                .vswitches
                .values()
                .filter(|s| vpc.is_none_or(|v| s.vpc_id == v))
                .filter(|s| ids.as_ref().is_none_or(|ids| ids.contains(&s.id)))
                .filter(|s| zone.is_none_or(|z| s.zone_id == z))
                .filter(|s| name.is_none_or(|n| s.name == n))
                .filter(|s| is_default.is_none_or(|d| s.is_default == d))
                .collect();
            let total = matching.len();
            let items = page
                .slice(matching)
                .into_iter()
                .map(|s| {
                    let rt = res
                        .vpcs
                        .get(&s.vpc_id)
                        .map_or("", |v| v.route_table_id.as_str());
                    VSwitchView::new(s, res.available_ips(s), rt, &account)
                })
                .collect();
            (items, total)
        }
    };
    Ok(listing(
        page.fields(total, None),
        "VSwitches",
        "VSwitch",
        &items,
    ))
}
