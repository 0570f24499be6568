//! ECS read actions: DescribeInstances (filters incl. JSON-array `InstanceIds`,
//! NextToken/MaxResults or PageNumber/PageSize paging), DescribeInstanceTypes (with
//! `EniQuantity`) and DescribeRegions (ECS flavour).

use std::collections::HashMap;

use serde_json::{Value, json};

use super::paging::{PageNumber, TokenPage};
use super::views::{BoundIndex, InstanceView};
use super::{ActionResult, Ctx, list, listing, obj};
use crate::protocol::{ApiError, Body};
use crate::state::model::{ChargeType, Eni, INSTANCE_TYPES, Instance, InstanceStatus};
use crate::state::regions::REGIONS;

/// `DescribeRegions` (ECS 2014-05-26).
pub fn describe_regions(ctx: &mut Ctx<'_>) -> ActionResult {
    let language = ctx.params.get("AcceptLanguage");
    let regions: Vec<Value> = REGIONS
        .iter()
        .map(|r| {
            json!({
                "RegionId": r.id,
                "LocalName": r.local_name(language),
                "RegionEndpoint": r.ecs_endpoint(),
                "Status": "available",
            })
        })
        .collect();
    Ok(obj([("Regions", list("Region", regions))]).into())
}

/// `*` wildcard match (the only wildcard `InstanceName` supports).
pub fn wildcard(pattern: &str, text: &str) -> bool {
    let parts: Vec<&str> = pattern.split('*').collect();
    if parts.len() == 1 {
        return pattern == text;
    }
    let mut rest = text;
    for (i, part) in parts.iter().enumerate() {
        if i == 0 {
            match rest.strip_prefix(part) {
                Some(r) => rest = r,
                None => return false,
            }
        } else if i == parts.len() - 1 {
            return rest.ends_with(part);
        } else if let Some(pos) = rest.find(part) {
            rest = &rest[pos + part.len()..];
        } else {
            return false;
        }
    }
    true
}

struct InstanceFilter {
    ids: Option<Vec<String>>,
    vpc: Option<String>,
    vswitch: Option<String>,
    zone: Option<String>,
    name: Option<String>,
    status: Option<InstanceStatus>,
    instance_type: Option<String>,
    family: Option<String>,
    security_group: Option<String>,
    private_ips: Option<Vec<String>>,
    eips: Option<Vec<String>>,
    charge: Option<ChargeType>,
    tags: Vec<(String, String)>,
}

impl InstanceFilter {
    fn read(ctx: &Ctx<'_>) -> Result<Self, ApiError> {
        let p = ctx.params;
        let owned = |k: &str| p.get(k).map(str::to_string);
        let status = match p.get("Status") {
            None => None,
            Some(s) => Some(s.parse::<InstanceStatus>().map_err(|_| {
                ApiError::bad(
                    "InvalidStatus.ValueNotSupported",
                    format!("The specified Status \u{201c}{s}\u{201d} is not supported."),
                )
            })?),
        };
        let charge = match p.get("InstanceChargeType") {
            None => None,
            Some(c) => Some(
                c.parse::<ChargeType>()
                    .ok()
                    .ok_or_else(|| ApiError::invalid_param("InstanceChargeType", ""))?,
            ),
        };
        let ids = p.json_list("InstanceIds")?;
        if ids.as_ref().is_some_and(|v| v.len() > 100) {
            return Err(ApiError::invalid_param(
                "InstanceIds",
                "At most 100 IDs are allowed.",
            ));
        }
        Ok(Self {
            ids,
            vpc: owned("VpcId"),
            vswitch: owned("VSwitchId"),
            zone: owned("ZoneId"),
            name: owned("InstanceName"),
            status,
            instance_type: owned("InstanceType"),
            family: owned("InstanceTypeFamily"),
            security_group: owned("SecurityGroupId"),
            private_ips: p.json_list("PrivateIpAddresses")?,
            eips: p
                .json_list("EipAddresses")?
                .or(p.json_list("PublicIpAddresses")?),
            charge,
            tags: p.tags(),
        })
    }

    fn matches(&self, i: &Instance, enis: &[&Eni], bound: &BoundIndex<'_>) -> bool {
        let eq = |f: &Option<String>, v: &str| f.as_deref().is_none_or(|f| f == v);
        self.ids.as_ref().is_none_or(|ids| ids.contains(&i.id))
            && eq(&self.vpc, &i.vpc_id)
            && eq(&self.vswitch, &i.vswitch_id)
            && eq(&self.zone, &i.zone_id)
            && self.name.as_deref().is_none_or(|n| wildcard(n, &i.name))
            && self.status.is_none_or(|s| s == i.status)
            && eq(&self.instance_type, &i.instance_type)
            && self
                .family
                .as_deref()
                .is_none_or(|f| i.instance_type.starts_with(&format!("{f}.")))
            && self
                .security_group
                .as_deref()
                .is_none_or(|sg| i.security_group_ids.iter().any(|s| s == sg))
            && self
                .private_ips
                .as_ref()
                .is_none_or(|ips| enis.iter().any(|e| ips.contains(&e.primary_ip)))
            && self.eips.as_ref().is_none_or(|ips| {
                bound
                    .for_instance(&i.id)
                    .is_some_and(|e| ips.contains(&e.ip))
            })
            && self.charge.is_none_or(|c| c == i.charge_type)
            && self.tags.iter().all(|(k, v)| {
                i.tags
                    .iter()
                    .any(|(tk, tv)| tk == k && (v.is_empty() || tv == v))
            })
    }
}

/// `DescribeInstances`.
pub fn describe_instances(ctx: &mut Ctx<'_>) -> ActionResult {
    let region = ctx.region()?;
    let filter = InstanceFilter::read(ctx)?;
    let token_page = TokenPage::read(ctx.params, 10, 1, 100)?;
    let number_page = PageNumber::read(ctx.params, 10, 100)?;
    let account = ctx.caller.account_id.clone();
    let Some(res) = ctx.world.region(&account, region.id) else {
        return Ok(instances_body(&[], 0, number_page, String::new()));
    };
    let bound = BoundIndex::new(res);
    let mut by_instance: HashMap<&str, Vec<&Eni>> = HashMap::with_capacity(res.instances.len());
    for e in res.enis.values() {
        if let Some(i) = &e.instance_id {
            by_instance.entry(i.as_str()).or_default().push(e);
        }
    }
    let enis_of = |i: &Instance| -> &[&Eni] {
        by_instance
            .get(i.id.as_str())
            .map_or(&[], |enis| enis.as_slice())
    };
    let total = res
        .instances
        .values()
        .filter(|i| filter.matches(i, enis_of(i), &bound))
        .count();
    let (rows, next) = match token_page {
        Some(tp) => tp.take(
            res.instances
                .iter_from(tp.start_seq)
                .filter(|(_, i)| filter.matches(i, enis_of(i), &bound)),
        ),
        None => {
            let all: Vec<&Instance> = res
                .instances
                .values()
                .filter(|i| filter.matches(i, enis_of(i), &bound))
                .collect();
            (number_page.slice(all), String::new())
        }
    };
    let items: Vec<InstanceView<'_>> = rows
        .into_iter()
        .map(|i| InstanceView::new(i, enis_of(i), &bound, region.id))
        .collect();
    let page = token_page.map_or(number_page, |tp| PageNumber {
        number: 1,
        size: tp.max,
    });
    Ok(instances_body(&items, total, page, next))
}

fn instances_body(
    items: &[InstanceView<'_>],
    total: usize,
    page: PageNumber,
    next: String,
) -> Body {
    listing(
        page.fields(total, Some(next)),
        "Instances",
        "Instance",
        items,
    )
}

/// `DescribeInstanceTypes` (no `RegionId`; NextToken/MaxResults, at most 100).
pub fn describe_instance_types(ctx: &mut Ctx<'_>) -> ActionResult {
    let p = ctx.params;
    let wanted = p.list("InstanceTypes");
    if wanted.len() > 10 {
        return Err(ApiError::invalid_param(
            "InstanceTypes",
            "At most 10 types are allowed.",
        ));
    }
    let families: Vec<String> = p
        .list("InstanceTypeFamilies")
        .into_iter()
        .chain(p.get("InstanceTypeFamily").map(str::to_string))
        .collect();
    let min_eni = p.int("MinimumEniQuantity", 0)?;
    let page = TokenPage::read(p, 100, 1, 100)?.unwrap_or(super::paging::TokenPage {
        start_seq: 0,
        max: 100,
    });
    let matching = INSTANCE_TYPES.iter().enumerate().filter(|(_, t)| {
        (wanted.is_empty() || wanted.iter().any(|w| w == t.id))
            && (families.is_empty() || families.iter().any(|f| f == t.family))
            && i64::from(t.eni_quantity) >= min_eni
    });
    let (rows, next) = page.take(
        matching
            .filter(|(i, _)| *i as u64 >= page.start_seq)
            .map(|(i, t)| (i as u64, t)),
    );
    let items: Vec<Value> = rows
        .into_iter()
        .map(|t| {
            json!({
                "InstanceTypeId": t.id,
                "InstanceTypeFamily": t.family,
                "InstanceCategory": "General-purpose",
                "InstanceFamilyLevel": "EnterpriseLevel",
                "CpuArchitecture": "X86",
                "CpuCoreCount": t.cpu,
                "MemorySize": t.memory_gib,
                "EniQuantity": t.eni_quantity,
                "EniPrivateIpAddressQuantity": t.eni_private_ip_quantity,
                "EniIpv6AddressQuantity": t.eni_ipv6_quantity,
                "EniTotalQuantity": t.eni_quantity * 4,
                "EniTrunkSupported": t.eni_quantity > 2,
                "MaximumQueueNumberPerEni": 4,
                "PrimaryEniQueueNumber": 2,
                "SecondaryEniQueueNumber": 2,
                "TotalEniQueueQuantity": t.eni_quantity * 4,
                "GPUAmount": 0,
                "GPUSpec": "",
                "LocalStorageCategory": "",
                "InstanceBandwidthRx": 1_024_000,
                "InstanceBandwidthTx": 1_024_000,
                "InstancePpsRx": 900_000,
                "InstancePpsTx": 900_000,
            })
        })
        .collect();
    Ok(obj([
        ("NextToken", json!(next)),
        ("InstanceTypes", list("InstanceType", items)),
    ])
    .into())
}

#[cfg(test)]
mod tests {
    use super::wildcard;

    #[test]
    fn wildcards() {
        assert!(wildcard("web-*", "web-01"));
        assert!(wildcard("*-01", "web-01"));
        assert!(wildcard("w*b*1", "web-01"));
        assert!(wildcard("web-01", "web-01"));
        assert!(!wildcard("web-*", "db-01"));
        assert!(!wildcard("*x", "web-01"));
    }
}
