//! Tag rules shared by the VPC and ECS tag actions (`TagResources`, `UnTagResources` /
//! `UntagResources`, `ListTagResources`): which resource types are taggable, the limits on keys,
//! values and counts, and the documented error codes. Pure: handlers validate the whole request
//! before changing anything, so a refused call tags nothing.

use crate::protocol::{ApiError, Params};
use crate::state::model::Tag;

/// Tags a resource may carry.
pub const MAX_TAGS_PER_RESOURCE: usize = 20;
/// Resource IDs one request may name.
pub const MAX_RESOURCE_IDS: usize = 50;
/// Tags (or tag keys) one request may name.
pub const MAX_TAGS_PER_REQUEST: usize = 20;
/// Longest key or value.
const MAX_TEXT: usize = 128;

/// A taggable kind of resource the emulator keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TagTarget {
    /// VPC `EIP`.
    Eip,
    /// ECS `eni`.
    Eni,
    /// ECS `instance`.
    Instance,
}

impl TagTarget {
    /// The `ResourceType` as answered in `ListTagResources`.
    pub fn wire(self) -> &'static str {
        match self {
            Self::Eip => "EIP",
            Self::Eni => "eni",
            Self::Instance => "instance",
        }
    }
}

/// Resource types the VPC API documents besides `EIP` (case-insensitive there).
const VPC_OTHER_TYPES: &[&str] = &[
    "VPC",
    "VSWITCH",
    "ROUTETABLE",
    "VPNGATEWAY",
    "NATGATEWAY",
    "COMMONBANDWIDTHPACKAGE",
    "PREFIXLIST",
    "PUBLICIPADDRESSPOOL",
    "IPV4GATEWAY",
    "IPV6GATEWAY",
    "NETWORKACL",
    "TRAFFICMIRRORFILTER",
    "TRAFFICMIRRORSESSION",
    "FLOWLOG",
    "HAVIP",
    "DHCPOPTIONSSET",
    "GATEWAYENDPOINT",
    "IPV6ADDRESS",
];

/// Resource types the ECS API documents besides `eni` and `instance`.
const ECS_OTHER_TYPES: &[&str] = &[
    "disk",
    "snapshot",
    "image",
    "securitygroup",
    "volume",
    "ddh",
    "ddhcluster",
    "keypair",
    "launchtemplate",
    "reservedinstance",
    "snapshotpolicy",
    "elasticityassurance",
    "capacityreservation",
    "command",
    "invocation",
    "activation",
    "managedinstance",
];

/// Which API family a tag request came through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// VPC 2016-04-28 (`ResourceType` case-insensitive, `EIP`).
    Vpc,
    /// ECS 2014-05-26 (`ResourceType` lower case, `eni` / `instance`).
    Ecs,
}

fn missing(what: &str) -> ApiError {
    ApiError::not_found(
        format!("MissingParameter.{what}"),
        format!("The parameter - {what} should not be null"),
    )
}

fn type_not_found() -> ApiError {
    ApiError::not_found(
        "InvalidResourceType.NotFound",
        "The ResourceType provided does not exist in our records.",
    )
}

/// `InvalidResourceId.NotFound` (404).
pub fn resource_not_found() -> ApiError {
    ApiError::not_found(
        "InvalidResourceId.NotFound",
        "The specified ResourceIds are not found in our records.",
    )
}

/// Parses `ResourceType` for `family`. Documented types the emulator does not keep are
/// `InvalidResourceId.NotSupported` (403); unknown types `InvalidResourceType.NotFound` (404).
pub fn parse_type(family: Family, params: &Params) -> Result<TagTarget, ApiError> {
    let text = params
        .get("ResourceType")
        .ok_or_else(|| missing("ResourceType"))?;
    let found = match family {
        Family::Vpc if text.eq_ignore_ascii_case("EIP") => Some(TagTarget::Eip),
        Family::Vpc if VPC_OTHER_TYPES.iter().any(|t| t.eq_ignore_ascii_case(text)) => None,
        Family::Ecs if text == "eni" => Some(TagTarget::Eni),
        Family::Ecs if text == "instance" => Some(TagTarget::Instance),
        Family::Ecs if ECS_OTHER_TYPES.contains(&text) => None,
        _ => return Err(type_not_found()),
    };
    found.ok_or_else(|| {
        ApiError::forbidden(
            "InvalidResourceId.NotSupported",
            "The specified ResourceId does not support tagging.",
        )
    })
}

/// `ResourceId.N`: at most 50, `required` demands at least one.
pub fn resource_ids(params: &Params, required: bool) -> Result<Vec<String>, ApiError> {
    let ids = params.list("ResourceId");
    if ids.len() > MAX_RESOURCE_IDS {
        return Err(ApiError::bad(
            "NumberExceed.ResourceIds",
            "The ResourceIds parameter's number is exceed , Valid : 50",
        ));
    }
    if required && ids.is_empty() {
        return Err(missing("ResourceIds"));
    }
    Ok(ids)
}

fn count_exceeded() -> ApiError {
    ApiError::bad(
        "NumberExceed.Tags",
        "The Tags parameter's number is exceed , Valid : 20",
    )
}

/// Every `Tag.N.Key` / `Tag.N.Value` pair, in index order (any N, so that too many is
/// reported rather than ignored). A value without its key is `InvalidTag.Mismatch`.
pub fn request_tags(params: &Params) -> Result<Vec<Tag>, ApiError> {
    let mut keys: Vec<(u32, String)> = Vec::new();
    let mut values: Vec<(u32, String)> = Vec::new();
    for (name, value) in params.iter() {
        let Some(rest) = name.strip_prefix("Tag.") else {
            continue;
        };
        let Some((n, field)) = rest.split_once('.') else {
            continue;
        };
        let Ok(n) = n.parse::<u32>() else { continue };
        match field {
            "Key" => keys.push((n, value.clone())),
            "Value" => values.push((n, value.clone())),
            _ => {}
        }
    }
    keys.sort();
    if keys.len() > MAX_TAGS_PER_REQUEST {
        return Err(count_exceeded());
    }
    if values
        .iter()
        .any(|(n, _)| !keys.iter().any(|(k, _)| k == n))
    {
        return Err(ApiError::bad(
            "InvalidTag.Mismatch",
            "The specified Tag.n.Key and Tag.n.Value are not match.",
        ));
    }
    let tags: Vec<Tag> = keys
        .into_iter()
        .map(|(n, k)| {
            let v = values
                .iter()
                .find(|(m, _)| *m == n)
                .map(|(_, v)| v.clone())
                .unwrap_or_default();
            (k, v)
        })
        .collect();
    Ok(tags)
}

/// Tags to add: at least one, keys valid and unique, values valid.
pub fn check_new_tags(tags: &[Tag]) -> Result<(), ApiError> {
    if tags.is_empty() {
        return Err(missing("Tags"));
    }
    for (i, (k, v)) in tags.iter().enumerate() {
        check_key(k)?;
        if v.chars().count() > MAX_TEXT || v.starts_with("acs:") || has_url(v) {
            return Err(ApiError::bad(
                "InvalidTagValue.Malformed",
                "The specified Tag.n.Value is not valid.",
            ));
        }
        if tags[..i].iter().any(|(earlier, _)| earlier == k) {
            return Err(ApiError::bad(
                "Duplicate.TagKey",
                "The Tag.N.Key contain duplicate key.",
            ));
        }
    }
    Ok(())
}

fn has_url(text: &str) -> bool {
    text.contains("http://") || text.contains("https://")
}

/// A tag key: 1–128 characters, not `acs:`/`aliyun` prefixed, no URL.
pub fn check_key(key: &str) -> Result<(), ApiError> {
    if key.is_empty()
        || key.chars().count() > MAX_TEXT
        || key.starts_with("acs:")
        || key.starts_with("aliyun")
        || has_url(key)
    {
        return Err(ApiError::bad(
            "InvalidTagKey.Malformed",
            "The specified Tag.n.Key is not valid.",
        ));
    }
    Ok(())
}

/// `TagKey.N` for removal (at most 20), or every key with `All=true`; neither is
/// `MissingParameter.Tags`.
pub fn keys_to_remove(params: &Params) -> Result<Option<Vec<String>>, ApiError> {
    let keys = params.list("TagKey");
    if keys.len() > MAX_TAGS_PER_REQUEST {
        return Err(count_exceeded());
    }
    if !keys.is_empty() {
        return Ok(Some(keys));
    }
    if params.bool("All", false)? {
        return Ok(None);
    }
    Err(missing("Tags"))
}

/// `existing` with `added` merged in (a present key takes the new value); more than 20 is
/// `OperationDenied.QuotaExceed`.
pub fn merged(existing: &[Tag], added: &[Tag]) -> Result<Vec<Tag>, ApiError> {
    let mut out = existing.to_vec();
    for (k, v) in added {
        match out.iter_mut().find(|(ek, _)| ek == k) {
            Some(slot) => slot.1.clone_from(v),
            None => out.push((k.clone(), v.clone())),
        }
    }
    if out.len() > MAX_TAGS_PER_RESOURCE {
        return Err(ApiError::bad(
            "OperationDenied.QuotaExceed",
            "The quota of tags on resource is beyond permitted range.",
        ));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(items: &[(&str, &str)]) -> Params {
        let pairs: Vec<(String, String)> = items
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Params::from_pairs(&pairs)
    }

    #[test]
    fn types_follow_each_family() {
        let vpc = |t| parse_type(Family::Vpc, &params(&[("ResourceType", t)]));
        let ecs = |t| parse_type(Family::Ecs, &params(&[("ResourceType", t)]));
        assert_eq!(vpc("eip").unwrap(), TagTarget::Eip);
        assert_eq!(
            vpc("VPC").unwrap_err().code,
            "InvalidResourceId.NotSupported"
        );
        assert_eq!(vpc("eni").unwrap_err().code, "InvalidResourceType.NotFound");
        assert_eq!(ecs("eni").unwrap(), TagTarget::Eni);
        assert_eq!(ecs("ENI").unwrap_err().code, "InvalidResourceType.NotFound");
        assert_eq!(ecs("disk").unwrap_err().status, 403);
        assert_eq!(
            parse_type(Family::Ecs, &params(&[])).unwrap_err().code,
            "MissingParameter.ResourceType"
        );
    }

    #[test]
    fn request_tags_are_checked_whole() {
        let tags = request_tags(&params(&[
            ("Tag.2.Key", "b"),
            ("Tag.1.Key", "a"),
            ("Tag.1.Value", "x"),
        ]))
        .unwrap();
        assert_eq!(
            tags,
            vec![("a".into(), "x".into()), ("b".into(), String::new())]
        );
        let err = request_tags(&params(&[("Tag.1.Value", "x")])).unwrap_err();
        assert_eq!(err.code, "InvalidTag.Mismatch");
        let many: Vec<(String, String)> = (1..=21)
            .map(|n| (format!("Tag.{n}.Key"), format!("k{n}")))
            .collect();
        assert_eq!(
            request_tags(&Params::from_pairs(&many)).unwrap_err().code,
            "NumberExceed.Tags"
        );
        let dup = [
            ("a".to_string(), String::new()),
            ("a".to_string(), "1".to_string()),
        ];
        assert_eq!(check_new_tags(&dup).unwrap_err().code, "Duplicate.TagKey");
        let acs = [("acs:team".to_string(), String::new())];
        assert_eq!(
            check_new_tags(&acs).unwrap_err().code,
            "InvalidTagKey.Malformed"
        );
        let url = [("k".to_string(), "see https://x".to_string())];
        assert_eq!(
            check_new_tags(&url).unwrap_err().code,
            "InvalidTagValue.Malformed"
        );
        assert_eq!(
            check_new_tags(&[]).unwrap_err().code,
            "MissingParameter.Tags"
        );
    }

    #[test]
    fn merge_overwrites_and_caps_at_twenty() {
        let existing = vec![("a".to_string(), "1".to_string())];
        let out = merged(
            &existing,
            &[("a".into(), "2".into()), ("b".into(), "".into())],
        )
        .unwrap();
        assert_eq!(
            out,
            vec![("a".into(), "2".into()), ("b".into(), String::new())]
        );
        let full: Vec<Tag> = (0..20).map(|n| (format!("k{n}"), String::new())).collect();
        assert_eq!(
            merged(&full, &[("new".into(), String::new())])
                .unwrap_err()
                .code,
            "OperationDenied.QuotaExceed"
        );
        assert_eq!(
            merged(&full, &[("k3".into(), "v".into())]).unwrap().len(),
            20
        );
    }

    #[test]
    fn removal_needs_keys_or_all() {
        assert_eq!(
            keys_to_remove(&params(&[("TagKey.1", "a")])).unwrap(),
            Some(vec!["a".to_string()])
        );
        assert_eq!(keys_to_remove(&params(&[("All", "true")])).unwrap(), None);
        assert_eq!(
            keys_to_remove(&params(&[])).unwrap_err().code,
            "MissingParameter.Tags"
        );
    }
}
