//! The rows the resource tables show, with their relations already resolved: what an EIP is
//! bound to and how, an ENI's instance, EIPs and cut-through eligibility, an instance's ENIs,
//! their EIPs and the ENI capacity left. TypeScript declarations are generated from these.

use alicloud_api::states::{EipMode, EipStatus, EipTargetType, EniStatus, InstanceStatus};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The kinds of resources the inventory lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ResourceKind {
    Eip,
    Eni,
    Instance,
}

/// One resource, by kind, ID and region: what "refresh these" and links name.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ResourceRef {
    pub kind: ResourceKind,
    pub id: String,
    pub region_id: String,
}

/// What an EIP is associated with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum BindingTarget {
    /// An ECS instance (its primary private IP).
    Instance,
    /// An elastic network interface.
    Eni,
    /// Something the inventory does not list (NAT gateway, SLB, HaVip, IP address).
    Other,
}

/// How an EIP is bound, resolved against the rest of the region's inventory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EipBinding {
    pub target: BindingTarget,
    /// The API's `InstanceType` (`EcsInstance`, `NetworkInterface`, `Nat`, …).
    #[ts(type = "EipTargetType")]
    pub target_type: EipTargetType,
    /// The API's `InstanceId`: an instance, an ENI or another resource.
    pub target_id: String,
    /// `NAT`, `BINDED` (cut-through) or `MULTI_BINDED`.
    #[ts(type = "EipMode")]
    pub mode: EipMode,
    /// The ENI when bound to one.
    pub eni_id: Option<String>,
    pub eni_name: Option<String>,
    /// The ECS instance: the target itself, or the instance the ENI is attached to.
    pub instance_id: Option<String>,
    pub instance_name: Option<String>,
    /// False when the target is an ENI or instance the inventory did not list.
    pub target_listed: bool,
}

/// One row of the Elastic IP table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EipRow {
    pub allocation_id: String,
    pub ip_address: String,
    /// `Available`, `Associating`, `InUse`, `Unassociating` or `Releasing`.
    #[ts(type = "EipStatus")]
    pub status: EipStatus,
    pub region_id: String,
    pub name: String,
    pub description: String,
    /// `PostPaid` or `PrePaid`.
    pub charge_type: String,
    /// `PayByTraffic` or `PayByBandwidth`.
    pub internet_charge_type: String,
    /// Mbit/s, as the API gives it.
    pub bandwidth: String,
    pub isp: String,
    pub allocation_time: String,
    /// The API's `InstanceId` when bound (an ECS instance, an ENI, …).
    pub instance_id: Option<String>,
    /// The API's `InstanceType` when bound.
    #[ts(type = "EipTargetType | null")]
    pub instance_type: Option<EipTargetType>,
    /// `NAT`, `BINDED` or `MULTI_BINDED` when bound.
    #[ts(type = "EipMode | null")]
    pub mode: Option<EipMode>,
    pub private_ip_address: Option<String>,
    pub binding: Option<EipBinding>,
    /// Operation lock reasons (`financial`, `security`, …); empty when unlocked.
    pub lock_reasons: Vec<String>,
    /// Tags as `key=value` (`key` alone when the value is empty), for filtering by tag.
    pub tags: Vec<String>,
}

/// An EIP as other rows mention it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EipRef {
    pub allocation_id: String,
    pub ip_address: String,
    /// `NAT`, `BINDED` or `MULTI_BINDED`.
    #[ts(type = "EipMode")]
    pub mode: EipMode,
    #[ts(type = "EipStatus")]
    pub status: EipStatus,
}

/// Overall answer to "can this ENI take an EIP in cut-through mode?".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum CutThroughVerdict {
    /// It can, as it is.
    Eligible,
    /// It can once detached from its instance (the workflow does that).
    NeedsDetach,
    /// It already holds an EIP in cut-through mode.
    Active,
    /// It cannot: see the reasons.
    Ineligible,
}

/// Why an ENI is not (directly) eligible for cut-through mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum CutThroughReasonCode {
    /// A primary ENI cannot be used; only secondary ENIs can.
    PrimaryEni,
    /// Not a plain secondary ENI (trunk, member, unknown type).
    NotSecondary,
    /// The ENI is not in a VPC.
    NotInVpc,
    /// The region does not offer cut-through mode.
    RegionUnsupported,
    /// The ENI already holds an EIP (NAT or multi-EIP mode); an ENI holds only one.
    HasEip,
    /// The ENI has secondary private IPs.
    HasSecondaryIps,
    /// The ENI is in a transient or failed state.
    Busy,
    /// Managed by another cloud service.
    ServiceManaged,
    /// Attached to an instance: it must be detached first (fixable).
    Attached,
}

/// What a reason says, as a message key (`key`) with typed arguments: the UI words it in the
/// user's language from its catalogue (`reason_<key>`, see [`crate::text`]); `message` beside
/// it is the English for the CLI, logs and exports. One variant per code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize, TS)]
#[serde(tag = "key", rename_all = "camelCase")]
pub enum CutThroughText {
    PrimaryEni,
    NotSecondary { kind: String },
    NotInVpc,
    RegionUnsupported { region: String },
    HasEip { ip: String, mode: String },
    HasSecondaryIps { count: u32 },
    Busy { status: String },
    ServiceManaged,
    Attached { instance: String },
}

impl crate::text::Message for CutThroughText {
    const PREFIX: &'static str = "reason";
}

/// One reason, with the sentence the UI shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CutThroughReason {
    pub code: CutThroughReasonCode,
    /// The English sentence (CLI, logs, CSV).
    pub message: String,
    /// The same as a message key and arguments, for the UI's languages.
    pub text: CutThroughText,
    /// True when it rules cut-through out; false when the workflow can fix it (detach).
    pub blocking: bool,
}

/// Cut-through eligibility of one ENI.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CutThroughEligibility {
    pub verdict: CutThroughVerdict,
    pub reasons: Vec<CutThroughReason>,
}

/// One row of the network interface table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EniRow {
    pub network_interface_id: String,
    pub name: String,
    pub description: String,
    /// `Available`, `Attaching`, `InUse`, `Detaching`, `Deleting`.
    #[ts(type = "EniStatus")]
    pub status: EniStatus,
    /// `Primary` or `Secondary` (or another type the API reports).
    pub eni_type: String,
    pub region_id: String,
    pub zone_id: String,
    pub vpc_id: String,
    pub vpc_name: Option<String>,
    pub vswitch_id: String,
    pub vswitch_name: Option<String>,
    /// Primary private IPv4 address.
    pub private_ip_address: String,
    pub secondary_private_ips: Vec<String>,
    pub mac_address: String,
    pub security_group_ids: Vec<String>,
    /// Tags as `key=value` (`key` alone when the value is empty).
    pub tags: Vec<String>,
    pub creation_time: String,
    /// The instance it is attached to.
    pub instance_id: Option<String>,
    pub instance_name: Option<String>,
    /// EIPs associated with it (normally at most one).
    pub eips: Vec<EipRef>,
    pub cut_through: CutThroughEligibility,
}

/// One ENI of an instance, as the instance row lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct InstanceEni {
    pub network_interface_id: String,
    pub eni_type: String,
    pub private_ip_address: String,
    /// From the ENI listing; `None` when the ENI was not listed.
    #[ts(type = "EniStatus | null")]
    pub status: Option<EniStatus>,
    pub eips: Vec<EipRef>,
}

/// One row of the instance table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct InstanceRow {
    pub instance_id: String,
    pub name: String,
    /// `Pending`, `Starting`, `Running`, `Stopping`, `Stopped`.
    #[ts(type = "InstanceStatus")]
    pub status: InstanceStatus,
    pub region_id: String,
    pub zone_id: String,
    pub instance_type: String,
    pub vpc_id: String,
    pub vpc_name: Option<String>,
    pub vswitch_id: String,
    pub vswitch_name: Option<String>,
    /// Primary private IPv4 address.
    pub private_ip_address: String,
    pub os_name: String,
    pub charge_type: String,
    pub cpu: u32,
    pub memory_mib: u32,
    pub creation_time: String,
    /// The EIP bound to the instance itself (NAT mode).
    pub eip: Option<EipRef>,
    /// Every ENI attached, primary first.
    pub enis: Vec<InstanceEni>,
    /// `EniQuantity` of the instance type; `None` when it could not be looked up.
    pub eni_quota: Option<u32>,
    /// How many more ENIs can be attached; `None` when the quota is unknown.
    pub eni_remaining: Option<u32>,
}

/// Every row of one region.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RegionRows {
    pub region_id: String,
    pub eips: Vec<EipRow>,
    pub enis: Vec<EniRow>,
    pub instances: Vec<InstanceRow>,
}
