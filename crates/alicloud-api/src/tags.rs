//! Tag actions in both flavours, as the real APIs have them: VPC `TagResources` /
//! `UnTagResources` / `ListTagResources` (resource type `EIP`) and ECS `TagResources` /
//! `UntagResources` / `ListTagResources` (`eni`, `instance`), plus ECS
//! `ModifyNetworkInterfaceAttribute` and `DescribeSecurityGroups`. Requests are declared with
//! `rpc_request!`; `Tag.N.Key`/`Tag.N.Value` pairs are set with [`tag_params`].

use serde::{Deserialize, Serialize};

use crate::action::{RequestIdOnly, impl_action, rpc_request};

/// `Tag.N.Key` / `Tag.N.Value` parameters for `tags` (1-based, in order).
pub fn tag_params(tags: &[(String, String)]) -> Vec<(String, String)> {
    tags.iter()
        .enumerate()
        .flat_map(|(i, (k, v))| {
            [
                (format!("Tag.{}.Key", i + 1), k.clone()),
                (format!("Tag.{}.Value", i + 1), v.clone()),
            ]
        })
        .collect()
}

macro_rules! tag_request {
    ($(#[$meta:meta])* $name:ident) => {
        rpc_request! {
            $(#[$meta])*
            pub struct $name {
                required {
                    /// The region.
                    region_id = "RegionId",
                    /// `EIP` (VPC) or `eni` / `instance` (ECS).
                    resource_type = "ResourceType",
                }
                optional {}
                repeated {
                    /// Up to 50 resources (`ResourceId.N`).
                    resource_ids = "ResourceId",
                }
                json_list {}
                route {}
            }
        }
        impl $name {
            /// Sets the tags to add (`Tag.N.Key` / `Tag.N.Value`, up to 20).
            pub fn tags(mut self, tags: &[(String, String)]) -> Self {
                self.extra.extend(tag_params(tags));
                self
            }
        }
    };
}

tag_request!(
    /// VPC `TagResources`: add (or overwrite) tags on EIPs.
    VpcTagResourcesRequest
);
impl_action!(VpcTagResourcesRequest => RequestIdOnly, Vpc, "TagResources",
    region: field, client_token: false, retry_on: &[],
    method: vpc_tag_resources);

tag_request!(
    /// ECS `TagResources`: add (or overwrite) tags on ENIs or instances.
    EcsTagResourcesRequest
);
impl_action!(EcsTagResourcesRequest => RequestIdOnly, Ecs, "TagResources",
    region: field, client_token: false, retry_on: &[],
    method: ecs_tag_resources);

macro_rules! untag_request {
    ($(#[$meta:meta])* $name:ident) => {
        rpc_request! {
            $(#[$meta])*
            pub struct $name {
                required {
                    /// The region.
                    region_id = "RegionId",
                    /// `EIP` (VPC) or `eni` / `instance` (ECS).
                    resource_type = "ResourceType",
                }
                optional {
                    /// Remove every tag (only without `TagKey.N`).
                    all: bool = "All",
                }
                repeated {
                    /// Up to 50 resources (`ResourceId.N`).
                    resource_ids = "ResourceId",
                    /// Keys to remove (`TagKey.N`, up to 20).
                    tag_keys = "TagKey",
                }
                json_list {}
                route {}
            }
        }
    };
}

untag_request!(
    /// VPC `UnTagResources` (capital T, as the VPC API spells it).
    VpcUntagResourcesRequest
);
impl_action!(VpcUntagResourcesRequest => RequestIdOnly, Vpc, "UnTagResources",
    region: field, client_token: false, retry_on: &[],
    method: vpc_untag_resources);

untag_request!(
    /// ECS `UntagResources`.
    EcsUntagResourcesRequest
);
impl_action!(EcsUntagResourcesRequest => RequestIdOnly, Ecs, "UntagResources",
    region: field, client_token: false, retry_on: &[],
    method: ecs_untag_resources);

macro_rules! list_request {
    ($(#[$meta:meta])* $name:ident) => {
        rpc_request! {
            $(#[$meta])*
            pub struct $name {
                required {
                    /// The region.
                    region_id = "RegionId",
                    /// `EIP` (VPC) or `eni` / `instance` (ECS).
                    resource_type = "ResourceType",
                }
                optional {
                    /// Page token.
                    next_token: String = "NextToken",
                }
                repeated {
                    /// Resources (`ResourceId.N`).
                    resource_ids = "ResourceId",
                }
                json_list {}
                route {}
            }
        }
        impl $name {
            /// Filters by tags (`Tag.N.Key` / `Tag.N.Value`; an empty value matches any).
            pub fn tags(mut self, tags: &[(String, String)]) -> Self {
                self.extra.extend(tag_params(tags));
                self
            }
        }
    };
}

list_request!(
    /// VPC `ListTagResources`.
    VpcListTagResourcesRequest
);
impl_action!(VpcListTagResourcesRequest => ListTagResourcesResponse, Vpc, "ListTagResources",
    region: field, client_token: false, retry_on: &[],
    method: vpc_list_tag_resources);

list_request!(
    /// ECS `ListTagResources`.
    EcsListTagResourcesRequest
);
impl_action!(EcsListTagResourcesRequest => ListTagResourcesResponse, Ecs, "ListTagResources",
    region: field, client_token: false, retry_on: &[],
    method: ecs_list_tag_resources);

/// `ListTagResources` (both flavours).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct ListTagResourcesResponse {
    /// `RequestId`.
    pub request_id: String,
    /// Next page (empty on the last).
    pub next_token: String,
    /// `{"TagResource": [..]}`.
    pub tag_resources: TagResources,
}

/// `TagResources` wrapper.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct TagResources {
    /// The rows.
    pub tag_resource: Vec<TagResource>,
}

/// One (resource, tag) row.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct TagResource {
    /// Resource ID.
    pub resource_id: String,
    /// Resource type as answered.
    pub resource_type: String,
    /// Key.
    pub tag_key: String,
    /// Value.
    pub tag_value: String,
}

rpc_request! {
    /// ECS `ModifyNetworkInterfaceAttribute`: name, description, security groups.
    pub struct ModifyNetworkInterfaceAttributeRequest {
        required {
            /// The region.
            region_id = "RegionId",
            /// The ENI.
            network_interface_id = "NetworkInterfaceId",
        }
        optional {
            /// Name (2–128 characters).
            network_interface_name: String = "NetworkInterfaceName",
            /// Description (2–256 characters).
            description: String = "Description",
        }
        repeated {
            /// Security groups (`SecurityGroupId.N`, 1–5, of the ENI's VPC).
            security_group_ids = "SecurityGroupId",
        }
        json_list {}
        route {}
    }
}
impl_action!(ModifyNetworkInterfaceAttributeRequest => RequestIdOnly, Ecs,
    "ModifyNetworkInterfaceAttribute", region: field, client_token: false,
    retry_on: &["InvalidOperation.InvalidEniState", "OperationConflict", "ServiceUnavailable"],
    method: modify_network_interface_attribute);

rpc_request! {
    /// ECS `DescribeSecurityGroups` (paged by number, at most 50).
    pub struct DescribeSecurityGroupsRequest {
        required {
            /// The region.
            region_id = "RegionId",
        }
        optional {
            /// Only this VPC's groups.
            vpc_id: String = "VpcId",
            /// Name filter.
            security_group_name: String = "SecurityGroupName",
            /// Page number, from 1.
            page_number: u32 = "PageNumber",
            /// Page size, at most 50.
            page_size: u32 = "PageSize",
        }
        repeated {}
        json_list {
            /// Only these groups (a JSON array).
            security_group_ids = "SecurityGroupIds",
        }
        route {}
    }
}
impl_action!(DescribeSecurityGroupsRequest => DescribeSecurityGroupsResponse, Ecs,
    "DescribeSecurityGroups", region: field, client_token: false, retry_on: &[],
    method: describe_security_groups,
    paged: page_number { max: 50, items: SecurityGroup = security_groups.security_group,
        all: describe_security_groups_all });

/// `DescribeSecurityGroups`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct DescribeSecurityGroupsResponse {
    /// `RequestId`.
    pub request_id: String,
    /// Matches.
    pub total_count: i64,
    /// `{"SecurityGroup": [..]}`.
    pub security_groups: SecurityGroups,
}

/// `SecurityGroups` wrapper.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct SecurityGroups {
    /// The groups.
    pub security_group: Vec<SecurityGroup>,
}

/// One security group.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct SecurityGroup {
    /// `sg-...`.
    pub security_group_id: String,
    /// Name.
    pub security_group_name: String,
    /// Description.
    pub description: String,
    /// Its VPC.
    pub vpc_id: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Action as _;

    #[test]
    fn tag_requests_flatten_like_the_sdks() {
        let r = VpcTagResourcesRequest::new("cn-hangzhou", "EIP")
            .resource_ids(["eip-a", "eip-b"])
            .tags(&[("team".into(), "edge".into())]);
        let p = r.params();
        for pair in [
            ("ResourceId.1", "eip-a"),
            ("ResourceId.2", "eip-b"),
            ("Tag.1.Key", "team"),
            ("Tag.1.Value", "edge"),
            ("ResourceType", "EIP"),
        ] {
            assert!(
                p.contains(&(pair.0.into(), pair.1.into())),
                "{pair:?} in {p:?}"
            );
        }
        assert_eq!(
            <VpcUntagResourcesRequest as crate::Action>::NAME,
            "UnTagResources"
        );
        assert_eq!(
            <EcsUntagResourcesRequest as crate::Action>::NAME,
            "UntagResources"
        );
        let u = EcsUntagResourcesRequest::new("cn-hangzhou", "eni").tag_keys(["a"]);
        assert!(u.params().contains(&("TagKey.1".into(), "a".into())));
    }
}
