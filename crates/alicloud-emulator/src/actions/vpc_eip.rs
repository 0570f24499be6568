//! VPC EIP actions: DescribeEipAddresses (filters, PageNumber/PageSize paging up to 100).
//! Mutating actions live in [`super::vpc_eip_ops`].

use super::paging::PageNumber;
use super::views::EipView;
use super::{ActionResult, Ctx, listing};
use crate::protocol::{ApiError, Body};
use crate::state::model::WireName as _;
use crate::state::model::{ChargeType, Eip, EipStatus};

pub use super::vpc_eip_ops::{
    allocate, associate, modify_attribute, modify_forward_mode, release, unassociate,
};

const ASSOCIATED_TYPES: &[&str] = &[
    "EcsInstance",
    "SlbInstance",
    "Nat",
    "HaVip",
    "NetworkInterface",
    "IpAddress",
];

/// `DescribeEipAddresses`.
pub fn describe(ctx: &mut Ctx<'_>) -> ActionResult {
    let region = ctx.region()?;
    let p = ctx.params;
    let page = PageNumber::read(p, 10, 100)?;
    let ids = p.comma_list("AllocationId");
    let ips = p.comma_list("EipAddress");
    let name = p.get("EipName");
    let status = match p.get("Status") {
        None => None,
        Some(s) => Some(s.parse::<EipStatus>().map_err(|_| {
            ApiError::bad(
                "InvalidStatus.ValueNotSupported",
                format!("The specified Status \u{201c}{s}\u{201d} is not supported."),
            )
        })?),
    };
    let assoc_type = match p.get("AssociatedInstanceType") {
        None => None,
        Some(t) if ASSOCIATED_TYPES.contains(&t) => Some(t),
        Some(t) => {
            return Err(ApiError::bad(
                "InvalidIAssociatedInstanceType.ValueNotSupported",
                format!(
                    "The specified AssociatedInstanceType \u{201c}{t}\u{201d} is not supported."
                ),
            ));
        }
    };
    let assoc_id = p.get("AssociatedInstanceId");
    let charge = match p.get("ChargeType") {
        None => None,
        Some(c) => Some(c.parse::<ChargeType>().map_err(|_| {
            ApiError::bad(
                "InvalidChargeType.ValueNotSupported",
                format!("The specified ChargeType \u{201c}{c}\u{201d} is not supported."),
            )
        })?),
    };
    let isp = p.get("ISP");
    let tags = p.tags();
    let resource_group = p.get("ResourceGroupId");

    let account = ctx.caller.account_id.clone();
    let Some(res) = ctx.world.region(&account, region.id) else {
        return Ok(body(&[], 0, page));
    };
    let matching: Vec<&Eip> = res
        .eips
        .values()
        .filter(|e| ids.as_ref().is_none_or(|ids| ids.contains(&e.id)))
        .filter(|e| ips.as_ref().is_none_or(|ips| ips.contains(&e.ip)))
        .filter(|e| name.is_none_or(|n| e.name == n))
        .filter(|e| status.is_none_or(|s| e.status == s))
        .filter(|e| charge.is_none_or(|c| e.charge_type == c))
        .filter(|e| isp.is_none_or(|i| e.isp == i))
        .filter(|e| resource_group.is_none_or(|g| e.resource_group_id == g))
        .filter(|e| {
            tags.iter().all(|(k, v)| {
                e.tags
                    .iter()
                    .any(|(tk, tv)| tk == k && (v.is_empty() || tv == v))
            })
        })
        .filter(|e| {
            let b = e.binding.as_ref();
            assoc_id.is_none_or(|id| b.is_some_and(|b| b.instance_id == id))
                && assoc_type.is_none_or(|t| b.is_some_and(|b| b.target.as_str() == t))
        })
        .collect();
    let total = matching.len();
    let items: Vec<EipView<'_>> = page
        .slice(matching)
        .into_iter()
        .map(|e| EipView::new(e, region.id))
        .collect();
    Ok(body(&items, total, page))
}

fn body(items: &[EipView<'_>], total: usize, page: PageNumber) -> Body {
    listing(
        page.fields(total, None),
        "EipAddresses",
        "EipAddress",
        items,
    )
}
