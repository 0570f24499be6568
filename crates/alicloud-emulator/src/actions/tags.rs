//! Tag actions in both flavours: VPC `TagResources` / `UnTagResources` / `ListTagResources`
//! (resource type `EIP`) and ECS `TagResources` / `UntagResources` / `ListTagResources`
//! (`eni`, `instance`). Rules and codes live in [`crate::rules::tags`]; the tags themselves are
//! the resources' own `tags`, which the listings already render.

use serde_json::{Map, Value, json};

use super::paging;
use super::{ActionResult, Ctx, list};
use crate::protocol::ApiError;
use crate::rules::tags::{self as rules, Family, TagTarget};
use crate::state::RegionState;
use crate::state::model::Tag;

/// Rows per `ListTagResources` page (VPC `MaxResults` is clamped to 1–50).
const PAGE: i64 = 50;

fn tags_of<'a>(res: &'a RegionState, target: TagTarget, id: &str) -> Option<&'a Vec<Tag>> {
    match target {
        TagTarget::Eip => res.eips.get(id).map(|e| &e.tags),
        TagTarget::Eni => res.enis.get(id).map(|e| &e.tags),
        TagTarget::Instance => res.instances.get(id).map(|i| &i.tags),
    }
}

fn tags_of_mut<'a>(
    res: &'a mut RegionState,
    target: TagTarget,
    id: &str,
) -> Option<&'a mut Vec<Tag>> {
    match target {
        TagTarget::Eip => res.eips.get_mut(id).map(|e| &mut e.tags),
        TagTarget::Eni => res.enis.get_mut(id).map(|e| &mut e.tags),
        TagTarget::Instance => res.instances.get_mut(id).map(|i| &mut i.tags),
    }
}

/// Every ID of `target` in the region, in insertion order.
fn all_ids(res: &RegionState, target: TagTarget) -> Vec<String> {
    match target {
        TagTarget::Eip => res.eips.values().map(|e| e.id.clone()).collect(),
        TagTarget::Eni => res.enis.values().map(|e| e.id.clone()).collect(),
        TagTarget::Instance => res.instances.values().map(|i| i.id.clone()).collect(),
    }
}

/// VPC `TagResources`.
pub fn vpc_tag(ctx: &mut Ctx<'_>) -> ActionResult {
    tag(ctx, Family::Vpc)
}

/// ECS `TagResources`.
pub fn ecs_tag(ctx: &mut Ctx<'_>) -> ActionResult {
    tag(ctx, Family::Ecs)
}

/// VPC `UnTagResources`.
pub fn vpc_untag(ctx: &mut Ctx<'_>) -> ActionResult {
    untag(ctx, Family::Vpc)
}

/// ECS `UntagResources`.
pub fn ecs_untag(ctx: &mut Ctx<'_>) -> ActionResult {
    untag(ctx, Family::Ecs)
}

/// VPC `ListTagResources`.
pub fn vpc_list(ctx: &mut Ctx<'_>) -> ActionResult {
    list_tags(ctx, Family::Vpc)
}

/// ECS `ListTagResources`.
pub fn ecs_list(ctx: &mut Ctx<'_>) -> ActionResult {
    list_tags(ctx, Family::Ecs)
}

fn tag(ctx: &mut Ctx<'_>, family: Family) -> ActionResult {
    let region = ctx.region()?;
    let p = ctx.params;
    let target = rules::parse_type(family, p)?;
    let ids = rules::resource_ids(p, true)?;
    let added = rules::request_tags(p)?;
    rules::check_new_tags(&added)?;
    let res = ctx.resources(region);
    let mut updates = Vec::with_capacity(ids.len());
    for id in &ids {
        let existing = tags_of(res, target, id).ok_or_else(rules::resource_not_found)?;
        updates.push(rules::merged(existing, &added)?);
    }
    for (id, tags) in ids.iter().zip(updates) {
        if let Some(slot) = tags_of_mut(res, target, id) {
            *slot = tags;
        }
    }
    Ok(Map::new().into())
}

fn untag(ctx: &mut Ctx<'_>, family: Family) -> ActionResult {
    let region = ctx.region()?;
    let p = ctx.params;
    let target = rules::parse_type(family, p)?;
    let ids = rules::resource_ids(p, true)?;
    let keys = rules::keys_to_remove(p)?;
    let res = ctx.resources(region);
    if ids.iter().any(|id| tags_of(res, target, id).is_none()) {
        return Err(rules::resource_not_found());
    }
    for id in &ids {
        if let Some(tags) = tags_of_mut(res, target, id) {
            match &keys {
                Some(keys) => tags.retain(|(k, _)| !keys.contains(k)),
                None => tags.clear(),
            }
        }
    }
    Ok(Map::new().into())
}

fn list_tags(ctx: &mut Ctx<'_>, family: Family) -> ActionResult {
    let region = ctx.region()?;
    let p = ctx.params;
    let target = rules::parse_type(family, p)?;
    let ids = rules::resource_ids(p, false)?;
    let filter = rules::request_tags(p)?;
    if ids.is_empty() && filter.is_empty() {
        return Err(ApiError::not_found(
            "MissingParameter.Tags",
            "The parameter - Tags should not be null",
        ));
    }
    let size = match family {
        Family::Vpc => p.int("MaxResults", PAGE)?.clamp(1, PAGE),
        Family::Ecs => PAGE,
    };
    let start = match p.get("NextToken") {
        None => 0,
        Some(t) => paging::decode(t)?,
    };
    let account = ctx.caller.account_id.clone();
    let empty = RegionState::default();
    let res = ctx.world.region(&account, region.id).unwrap_or(&empty);
    let candidates = if ids.is_empty() {
        all_ids(res, target)
    } else {
        ids
    };
    let rows: Vec<Value> = candidates
        .iter()
        .filter_map(|id| tags_of(res, target, id).map(|tags| (id, tags)))
        .filter(|(_, tags)| {
            filter.iter().all(|(k, v)| {
                tags.iter()
                    .any(|(tk, tv)| tk == k && (v.is_empty() || tv == v))
            })
        })
        .flat_map(|(id, tags)| {
            tags.iter().map(move |(k, v)| {
                json!({"ResourceId": id, "ResourceType": target.wire(), "TagKey": k, "TagValue": v})
            })
        })
        .collect();
    let from = usize::try_from(start).unwrap_or(usize::MAX);
    let size = usize::try_from(size).unwrap_or(1);
    let page: Vec<Value> = rows.iter().skip(from).take(size).cloned().collect();
    let next = if from.saturating_add(size) < rows.len() {
        paging::encode((from + size) as u64)
    } else {
        String::new()
    };
    let mut body = Map::new();
    body.insert("NextToken".into(), json!(next));
    body.insert("TagResources".into(), list("TagResource", page));
    Ok(body.into())
}
