//! The action table (product + name → handler) and the context handlers run in. One module per
//! area: [`vpc_eip`] (EIPs), [`vpc_net`] (regions, VPCs, vSwitches), [`ecs_eni`] (ENIs),
//! [`ecs_instances`] (instances, types, regions), [`sts`], [`sts_oidc`], [`tags`] (both tag flavours),
//! [`ecs_eni_attr`] (ENI attributes, security groups), [`cloud_assistant`] (with the guest
//! scripts of [`guest_script`]).

pub mod cloud_assistant;
pub mod ecs_eni;
pub mod ecs_eni_attr;
pub mod ecs_instances;
pub mod guest_script;
pub mod paging;
pub mod security_groups;
pub mod sts;
pub mod sts_oidc;
pub mod tags;
pub mod views;
pub mod vpc_eip;
pub mod vpc_eip_ops;
pub mod vpc_net;

use parking_lot::Mutex;
use serde::Serialize;
use serde_json::{Map, Value};

use crate::accounts::Directory;
use crate::app::Settings;
use crate::auth::Caller;
use crate::protocol::{ApiError, Body, Params, Product, Rendered};
use crate::state::regions::{self, Region};
use crate::state::{RegionState, World};

/// A handler's result: the response body without `RequestId`.
pub type ActionResult = Result<Body, ApiError>;

/// What a handler sees.
#[allow(missing_debug_implementations)]
pub struct Ctx<'a> {
    /// The resources (locked for the whole call).
    pub world: &'a mut World,
    /// Credentials (STS handlers lock it).
    pub directory: &'a Mutex<Directory>,
    /// The authenticated caller.
    pub caller: &'a Caller,
    /// Request parameters.
    pub params: &'a Params,
    /// Emulator clock, epoch ms.
    pub now_ms: i64,
    /// Runtime settings.
    pub settings: &'a Settings,
}

impl Ctx<'_> {
    /// The required `RegionId`, checked against the catalog.
    pub fn region(&self) -> Result<&'static Region, ApiError> {
        let id = self.params.required("RegionId")?;
        regions::find(id).ok_or_else(|| ApiError::region_not_found(id))
    }

    /// The caller's resources in `region` (created empty on first use).
    pub fn resources(&mut self, region: &Region) -> &mut RegionState {
        self.world.region_mut(&self.caller.account_id, region.id)
    }

    /// Whether `region` accepts `Mode=BINDED`.
    pub fn cut_through(&self, region: &Region) -> bool {
        self.settings
            .cut_through_regions
            .iter()
            .any(|r| r == region.id)
    }
}

/// What an anonymous handler sees: no caller, no resources.
#[allow(missing_debug_implementations)]
pub struct AnonCtx<'a> {
    /// Credentials (STS handlers lock it).
    pub directory: &'a Mutex<Directory>,
    /// Request parameters.
    pub params: &'a Params,
    /// Emulator clock, epoch ms.
    pub now_ms: i64,
    /// Runtime settings.
    pub settings: &'a Settings,
}

/// A handler: of a signed action (most), or of an anonymous one (`AssumeRoleWithOIDC`), which
/// runs without authentication, throttling or idempotency.
#[derive(Debug, Clone, Copy)]
pub enum Handler {
    /// Runs after authentication.
    Signed(fn(&mut Ctx<'_>) -> ActionResult),
    /// Runs without credentials.
    Anonymous(fn(&AnonCtx<'_>) -> ActionResult),
}

/// One action.
#[derive(Debug, Clone, Copy)]
pub struct ActionDef {
    /// Product (by `Version`).
    pub product: Product,
    /// Action name.
    pub name: &'static str,
    /// Whether it changes state (saved, idempotent with `ClientToken`).
    pub mutating: bool,
    /// The handler.
    pub handler: Handler,
}

const fn def(
    product: Product,
    name: &'static str,
    mutating: bool,
    handler: fn(&mut Ctx<'_>) -> ActionResult,
) -> ActionDef {
    ActionDef {
        product,
        name,
        mutating,
        handler: Handler::Signed(handler),
    }
}

const fn anonymous(
    product: Product,
    name: &'static str,
    handler: fn(&AnonCtx<'_>) -> ActionResult,
) -> ActionDef {
    ActionDef {
        product,
        name,
        mutating: false,
        handler: Handler::Anonymous(handler),
    }
}

/// Every action served.
pub static ACTIONS: &[ActionDef] = &[
    def(
        Product::Vpc,
        "DescribeEipAddresses",
        false,
        vpc_eip::describe,
    ),
    def(Product::Vpc, "AllocateEipAddress", true, vpc_eip::allocate),
    def(
        Product::Vpc,
        "AssociateEipAddress",
        true,
        vpc_eip::associate,
    ),
    def(
        Product::Vpc,
        "UnassociateEipAddress",
        true,
        vpc_eip::unassociate,
    ),
    def(Product::Vpc, "ReleaseEipAddress", true, vpc_eip::release),
    def(
        Product::Vpc,
        "ModifyEipAddressAttribute",
        true,
        vpc_eip::modify_attribute,
    ),
    def(
        Product::Vpc,
        "ModifyEipForwardMode",
        true,
        vpc_eip::modify_forward_mode,
    ),
    def(
        Product::Vpc,
        "DescribeRegions",
        false,
        vpc_net::describe_regions,
    ),
    def(Product::Vpc, "DescribeVpcs", false, vpc_net::describe_vpcs),
    def(
        Product::Vpc,
        "DescribeVSwitches",
        false,
        vpc_net::describe_vswitches,
    ),
    def(
        Product::Ecs,
        "DescribeNetworkInterfaces",
        false,
        ecs_eni::describe,
    ),
    def(
        Product::Ecs,
        "CreateNetworkInterface",
        true,
        ecs_eni::create,
    ),
    def(
        Product::Ecs,
        "DeleteNetworkInterface",
        true,
        ecs_eni::delete,
    ),
    def(
        Product::Ecs,
        "AttachNetworkInterface",
        true,
        ecs_eni::attach,
    ),
    def(
        Product::Ecs,
        "DetachNetworkInterface",
        true,
        ecs_eni::detach,
    ),
    def(
        Product::Ecs,
        "DescribeInstances",
        false,
        ecs_instances::describe_instances,
    ),
    def(
        Product::Ecs,
        "DescribeInstanceTypes",
        false,
        ecs_instances::describe_instance_types,
    ),
    def(
        Product::Ecs,
        "DescribeRegions",
        false,
        ecs_instances::describe_regions,
    ),
    def(Product::Sts, "AssumeRole", false, sts::assume_role),
    anonymous(
        Product::Sts,
        "AssumeRoleWithOIDC",
        sts_oidc::assume_role_with_oidc,
    ),
    def(
        Product::Sts,
        "GetCallerIdentity",
        false,
        sts::get_caller_identity,
    ),
    def(Product::Vpc, "TagResources", true, tags::vpc_tag),
    def(Product::Vpc, "UnTagResources", true, tags::vpc_untag),
    def(Product::Vpc, "ListTagResources", false, tags::vpc_list),
    def(Product::Ecs, "TagResources", true, tags::ecs_tag),
    def(Product::Ecs, "UntagResources", true, tags::ecs_untag),
    def(Product::Ecs, "ListTagResources", false, tags::ecs_list),
    def(
        Product::Ecs,
        "ModifyNetworkInterfaceAttribute",
        true,
        ecs_eni_attr::modify_attribute,
    ),
    def(
        Product::Ecs,
        "DescribeSecurityGroups",
        false,
        ecs_eni_attr::describe_security_groups,
    ),
    def(
        Product::Ecs,
        "RunCommand",
        true,
        cloud_assistant::run_command,
    ),
    def(
        Product::Ecs,
        "DescribeInvocations",
        false,
        cloud_assistant::describe_invocations,
    ),
    def(
        Product::Ecs,
        "DescribeInvocationResults",
        false,
        cloud_assistant::describe_results,
    ),
    def(
        Product::Ecs,
        "DescribeCloudAssistantStatus",
        false,
        cloud_assistant::describe_status,
    ),
    def(
        Product::Ecs,
        "DescribeSecurityGroupAttribute",
        false,
        security_groups::describe,
    ),
    def(
        Product::Ecs,
        "AuthorizeSecurityGroup",
        true,
        security_groups::authorize,
    ),
    def(
        Product::Ecs,
        "RevokeSecurityGroup",
        true,
        security_groups::revoke,
    ),
];

/// Looks an action up.
pub fn find(product: Product, name: &str) -> Option<&'static ActionDef> {
    ACTIONS
        .iter()
        .find(|a| a.product == product && a.name == name)
}

/// Builds a JSON object from pairs.
pub fn obj<const N: usize>(pairs: [(&str, Value); N]) -> Map<String, Value> {
    pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
}

/// A listing body: `fields` plus `"<key>": {"<item>": [..]}`, the items serialized now from
/// typed views.
pub fn listing<T: Serialize>(
    fields: Map<String, Value>,
    key: &'static str,
    item: &'static str,
    items: &[T],
) -> Body {
    Body::with_rendered(fields, Rendered::list(key, item, items))
}

/// `{}` wrapper for a list: `{"<item>": [..]}`.
pub fn list(item: &str, values: Vec<Value>) -> Value {
    let mut m = Map::new();
    m.insert(item.to_string(), Value::Array(values));
    Value::Object(m)
}
