//! The resources the emulator keeps, per account and region: VPCs, vSwitches, security groups,
//! instances, ENIs and EIPs, with their statuses and pending (asynchronous) transitions.
//! Derived facts (an ENI's `AssociatedPublicIp`, an instance's `EipAddress`) are not stored:
//! they are computed from the EIP bindings when rendering.

use serde::{Deserialize, Serialize};
use strum::{EnumString, IntoStaticStr};

/// The wire spelling of the string enums below (their strum `IntoStaticStr`); parsing is
/// their strum `FromStr` (exact case).
pub trait WireName: Copy + Into<&'static str> {
    /// The wire spelling.
    fn as_str(self) -> &'static str {
        self.into()
    }
}

impl<T: Copy + Into<&'static str>> WireName for T {}

/// EIP status.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, EnumString, IntoStaticStr,
)]
pub enum EipStatus {
    /// Being associated.
    Associating,
    /// Being disassociated.
    Unassociating,
    /// Associated.
    InUse,
    /// Free.
    Available,
    /// Being released.
    Releasing,
}

/// ENI status.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, EnumString, IntoStaticStr,
)]
pub enum EniStatus {
    /// Not attached.
    Available,
    /// Being attached.
    Attaching,
    /// Attached.
    InUse,
    /// Being detached.
    Detaching,
    /// Being deleted.
    Deleting,
}

/// ENI type.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, EnumString, IntoStaticStr,
)]
pub enum EniType {
    /// The instance's primary ENI.
    Primary,
    /// A secondary ENI.
    Secondary,
}

/// ECS instance status.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, EnumString, IntoStaticStr,
)]
pub enum InstanceStatus {
    /// Being created.
    Pending,
    /// Starting.
    Starting,
    /// Running.
    Running,
    /// Stopping.
    Stopping,
    /// Stopped.
    Stopped,
}

/// EIP association mode.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, EnumString, IntoStaticStr,
)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[strum(serialize_all = "SCREAMING_SNAKE_CASE")]
pub enum BindMode {
    /// NAT mode (default).
    Nat,
    /// Multi-EIP-to-ENI mode.
    MultiBinded,
    /// Cut-through mode.
    Binded,
}

/// What an EIP is associated with (the emulator models ECS instances and ENIs).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, EnumString, IntoStaticStr,
)]
pub enum BindTarget {
    /// An ECS instance (its primary ENI).
    EcsInstance,
    /// A secondary ENI.
    NetworkInterface,
}

/// Billing method.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, EnumString, IntoStaticStr,
)]
pub enum ChargeType {
    /// Pay-as-you-go.
    PostPaid,
    /// Subscription.
    PrePaid,
}

/// A transition waiting for its due time.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, EnumString, IntoStaticStr,
)]
pub enum PendingKind {
    /// EIP Associating → InUse.
    Associate,
    /// EIP Unassociating → Available (binding cleared).
    Unassociate,
    /// EIP Releasing → gone.
    Release,
    /// ENI Attaching → InUse.
    Attach,
    /// ENI Detaching → Available (instance cleared).
    Detach,
    /// ENI Deleting → gone.
    Delete,
}

/// A scheduled transition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pending {
    /// What happens.
    pub kind: PendingKind,
    /// When (emulator clock, epoch ms).
    pub due_ms: i64,
}

/// Tag pair.
pub type Tag = (String, String);

/// A VPC.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Vpc {
    /// `vpc-…`.
    pub id: String,
    /// `VpcName`.
    pub name: String,
    /// IPv4 block.
    pub cidr: String,
    /// Description.
    pub description: String,
    /// Default VPC flag.
    pub is_default: bool,
    /// Creation time, epoch ms.
    pub created_ms: i64,
    /// `vrt-…`.
    pub vrouter_id: String,
    /// `vtb-…`.
    pub route_table_id: String,
}

/// A vSwitch.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VSwitch {
    /// `vsw-…`.
    pub id: String,
    /// Owning VPC.
    pub vpc_id: String,
    /// Zone.
    pub zone_id: String,
    /// `VSwitchName`.
    pub name: String,
    /// IPv4 block (inside the VPC's).
    pub cidr: String,
    /// Description.
    pub description: String,
    /// Default vSwitch flag.
    pub is_default: bool,
    /// Creation time, epoch ms.
    pub created_ms: i64,
}

/// A security group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SecurityGroup {
    /// `sg-…`.
    pub id: String,
    /// Owning VPC.
    pub vpc_id: String,
    /// Name.
    pub name: String,
    /// Description.
    pub description: String,
    /// Creation time, epoch ms.
    pub created_ms: i64,
}

/// An ECS instance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Instance {
    /// `i-…`.
    pub id: String,
    /// `InstanceName`.
    pub name: String,
    /// `HostName`.
    pub hostname: String,
    /// Description.
    pub description: String,
    /// Zone.
    pub zone_id: String,
    /// VPC.
    pub vpc_id: String,
    /// vSwitch of the primary ENI.
    pub vswitch_id: String,
    /// Instance type ID (`ecs.g7.large`).
    pub instance_type: String,
    /// Status.
    pub status: InstanceStatus,
    /// The primary ENI.
    pub primary_eni_id: String,
    /// Security groups.
    pub security_group_ids: Vec<String>,
    /// Image.
    pub image_id: String,
    /// `OSName` (the console's language: Chinese for the seeds, as the real API answers).
    pub os_name: String,
    /// `OSNameEn` (empty in a state file written before it existed: `OSName` is used then).
    #[serde(default)]
    pub os_name_en: String,
    /// `OSType` (`linux` / `windows`).
    pub os_type: String,
    /// Creation time, epoch ms.
    pub created_ms: i64,
    /// Billing.
    pub charge_type: ChargeType,
    /// Tags.
    pub tags: Vec<Tag>,
}

/// An elastic network interface.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Eni {
    /// `eni-…`.
    pub id: String,
    /// `NetworkInterfaceName`.
    pub name: String,
    /// Description.
    pub description: String,
    /// Primary or secondary.
    pub kind: EniType,
    /// Status.
    pub status: EniStatus,
    /// Attached instance (set while Attaching, InUse and Detaching).
    pub instance_id: Option<String>,
    /// VPC.
    pub vpc_id: String,
    /// vSwitch.
    pub vswitch_id: String,
    /// Zone.
    pub zone_id: String,
    /// Primary private IPv4.
    pub primary_ip: String,
    /// Secondary private IPv4s.
    pub secondary_ips: Vec<String>,
    /// MAC.
    pub mac: String,
    /// Security groups.
    pub security_group_ids: Vec<String>,
    /// Creation time, epoch ms.
    pub created_ms: i64,
    /// Scheduled transition.
    pub pending: Option<Pending>,
    /// `DeleteOnRelease`.
    pub delete_on_release: bool,
    /// Tags.
    pub tags: Vec<Tag>,
}

/// An EIP's association.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Binding {
    /// What it is associated with.
    pub target: BindTarget,
    /// Instance or ENI ID.
    pub instance_id: String,
    /// Association mode.
    pub mode: BindMode,
    /// The private IP it maps to (the ENI's primary IP in BINDED mode).
    pub private_ip: String,
    /// VPC of the target.
    pub vpc_id: String,
}

/// An elastic IP address.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Eip {
    /// `eip-…`.
    pub id: String,
    /// The public address.
    pub ip: String,
    /// Name.
    pub name: String,
    /// Description.
    pub description: String,
    /// Status.
    pub status: EipStatus,
    /// Billing.
    pub charge_type: ChargeType,
    /// `PayByBandwidth` / `PayByTraffic`.
    pub internet_charge_type: String,
    /// Mbit/s.
    pub bandwidth: u32,
    /// Line type (`BGP`).
    pub isp: String,
    /// Allocation time, epoch ms.
    pub allocated_ms: i64,
    /// Expiry of a subscription, epoch ms.
    pub expires_ms: Option<i64>,
    /// Association, if any (kept while Associating, InUse and Unassociating).
    pub binding: Option<Binding>,
    /// The mode an unbound EIP was given with `ModifyEipForwardMode` (`None`: NAT); it is
    /// reported while unbound and used when `AssociateEipAddress` names no mode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<BindMode>,
    /// Scheduled transition.
    pub pending: Option<Pending>,
    /// Resource group.
    pub resource_group_id: String,
    /// Tags.
    pub tags: Vec<Tag>,
}

/// An instance type (global catalog).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct InstanceType {
    /// e.g. `ecs.g7.large`.
    pub id: &'static str,
    /// e.g. `ecs.g7`.
    pub family: &'static str,
    /// vCPUs.
    pub cpu: u32,
    /// GiB.
    pub memory_gib: f64,
    /// Maximum ENIs per instance (primary included).
    pub eni_quantity: u32,
    /// Maximum IPv4 addresses per ENI.
    pub eni_private_ip_quantity: u32,
    /// Maximum IPv6 addresses per ENI.
    pub eni_ipv6_quantity: u32,
}

/// The instance types the emulator knows.
pub const INSTANCE_TYPES: &[InstanceType] = &[
    InstanceType {
        id: "ecs.t6-c1m2.large",
        family: "ecs.t6",
        cpu: 2,
        memory_gib: 4.0,
        eni_quantity: 2,
        eni_private_ip_quantity: 2,
        eni_ipv6_quantity: 0,
    },
    InstanceType {
        id: "ecs.g7.large",
        family: "ecs.g7",
        cpu: 2,
        memory_gib: 8.0,
        eni_quantity: 3,
        eni_private_ip_quantity: 6,
        eni_ipv6_quantity: 1,
    },
    InstanceType {
        id: "ecs.g7.xlarge",
        family: "ecs.g7",
        cpu: 4,
        memory_gib: 16.0,
        eni_quantity: 4,
        eni_private_ip_quantity: 15,
        eni_ipv6_quantity: 15,
    },
    InstanceType {
        id: "ecs.g7.2xlarge",
        family: "ecs.g7",
        cpu: 8,
        memory_gib: 32.0,
        eni_quantity: 4,
        eni_private_ip_quantity: 15,
        eni_ipv6_quantity: 15,
    },
    InstanceType {
        id: "ecs.c7.large",
        family: "ecs.c7",
        cpu: 2,
        memory_gib: 4.0,
        eni_quantity: 3,
        eni_private_ip_quantity: 6,
        eni_ipv6_quantity: 1,
    },
    InstanceType {
        id: "ecs.c7.xlarge",
        family: "ecs.c7",
        cpu: 4,
        memory_gib: 8.0,
        eni_quantity: 4,
        eni_private_ip_quantity: 15,
        eni_ipv6_quantity: 15,
    },
    InstanceType {
        id: "ecs.r7.large",
        family: "ecs.r7",
        cpu: 2,
        memory_gib: 16.0,
        eni_quantity: 3,
        eni_private_ip_quantity: 6,
        eni_ipv6_quantity: 1,
    },
    InstanceType {
        id: "ecs.g8i.4xlarge",
        family: "ecs.g8i",
        cpu: 16,
        memory_gib: 64.0,
        eni_quantity: 8,
        eni_private_ip_quantity: 20,
        eni_ipv6_quantity: 20,
    },
];

/// Looks an instance type up.
pub fn instance_type(id: &str) -> Option<&'static InstanceType> {
    INSTANCE_TYPES.iter().find(|t| t.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enums_round_trip_their_wire_names() {
        for s in [
            "Associating",
            "Unassociating",
            "InUse",
            "Available",
            "Releasing",
        ] {
            assert_eq!(s.parse::<EipStatus>().unwrap().as_str(), s);
        }
        assert_eq!("BINDED".parse::<BindMode>().ok(), Some(BindMode::Binded));
        assert_eq!(BindMode::MultiBinded.as_str(), "MULTI_BINDED");
        assert!("binded".parse::<BindMode>().is_err());
        assert_eq!(
            serde_json::to_string(&BindMode::MultiBinded).unwrap(),
            "\"MULTI_BINDED\""
        );
    }

    #[test]
    fn catalog_lookup() {
        assert_eq!(instance_type("ecs.g7.large").unwrap().eni_quantity, 3);
        assert!(instance_type("ecs.nope").is_none());
    }
}
