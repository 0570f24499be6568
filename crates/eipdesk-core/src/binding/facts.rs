//! The facts preflight reasons over: what is known about one EIP, ENI or instance, plus a
//! [`Snapshot`] of a region to look them up in. They are plain data, built from the API's
//! describe responses (or the inventory) by the caller, so every rule stays a pure function.

use super::preconditions::{EniCutThroughFacts, HeldEip, eni_type};
use crate::ids::{AllocationId, EniId, InstanceId, RegionId};
use serde::{Deserialize, Serialize};

// The API's vocabularies, parsed once by the client.
pub use alicloud_api::states::{EipMode, EipStatus, EipTargetType, EniStatus, InstanceStatus};

/// The mode of an EIP without a binding (empty, which the preconditions read as NAT).
static NO_MODE: EipMode = EipMode::Unknown(String::new());

/// What an EIP is associated with, when it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EipBinding {
    /// `InstanceId` (an `i-…` or `eni-…`, or another resource type's ID).
    pub instance_id: String,
    /// `InstanceType`: `EcsInstance`, `NetworkInterface`, …
    pub instance_type: EipTargetType,
    /// `Mode`: `NAT`, `BINDED` or `MULTI_BINDED`.
    pub mode: EipMode,
    /// `PrivateIpAddress`, when reported.
    pub private_ip: Option<String>,
}

/// One EIP.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EipFacts {
    pub allocation_id: AllocationId,
    pub ip_address: String,
    pub region: RegionId,
    /// `Available`, `Associating`, `InUse`, `Unassociating` or `Releasing`.
    pub status: EipStatus,
    /// `PostPaid` or `PrePaid`.
    pub charge_type: String,
    pub binding: Option<EipBinding>,
    pub name: String,
}

/// One elastic network interface.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EniFacts {
    pub id: EniId,
    pub region: RegionId,
    /// `Primary`, `Secondary`, `Trunk`, … as the API spells it (empty when unknown).
    pub eni_type: String,
    /// True when another cloud service manages it (`ServiceManaged`).
    pub service_managed: bool,
    /// `Available`, `Attaching`, `InUse`, `Detaching` or `Deleting`.
    pub status: EniStatus,
    /// Empty when the ENI is not in a VPC.
    pub vpc_id: String,
    pub vswitch_id: String,
    pub zone_id: String,
    /// The primary private IPv4 address.
    pub primary_ip: String,
    pub mac_address: String,
    /// The instance it is attached to, if any.
    pub instance_id: Option<InstanceId>,
    /// Private IPv4 addresses other than the primary one.
    pub secondary_private_ips: Vec<String>,
    pub name: String,
}

impl EniFacts {
    /// True for an instance's primary ENI.
    pub fn is_primary(&self) -> bool {
        self.eni_type == eni_type::PRIMARY
    }

    /// The view the shared cut-through preconditions take; `held` is the EIP it holds.
    pub fn cut_through_view<'a>(&'a self, held: Option<&'a EipFacts>) -> EniCutThroughFacts<'a> {
        EniCutThroughFacts {
            eni_type: &self.eni_type,
            vpc_id: &self.vpc_id,
            status: &self.status,
            instance_id: self.instance_id.as_ref().map(InstanceId::as_str),
            secondary_private_ips: self.secondary_private_ips.len(),
            service_managed: self.service_managed,
            eip: held.map(|e| HeldEip {
                allocation_id: e.allocation_id.as_str(),
                ip_address: &e.ip_address,
                mode: e.binding.as_ref().map_or(&NO_MODE, |b| &b.mode),
            }),
        }
    }
}

/// One ECS instance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InstanceFacts {
    pub id: InstanceId,
    pub region: RegionId,
    pub name: String,
    /// `Pending`, `Starting`, `Running`, `Stopping` or `Stopped`.
    pub status: InstanceStatus,
    /// Empty for a classic-network instance.
    pub vpc_id: String,
    pub zone_id: String,
    pub instance_type: String,
    /// `EniQuantity` of its instance type, when known.
    pub eni_quota: Option<u32>,
    /// `OSName` (e.g. `Alibaba Cloud Linux 3.2104 LTS 64 bit`), for the guest-OS instructions.
    pub os_name: String,
}

/// What one region holds, as far as a binding is concerned.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snapshot {
    pub eips: Vec<EipFacts>,
    pub enis: Vec<EniFacts>,
    pub instances: Vec<InstanceFacts>,
}

impl Snapshot {
    pub fn eip(&self, id: &AllocationId) -> Option<&EipFacts> {
        self.eips.iter().find(|e| &e.allocation_id == id)
    }

    pub fn eni(&self, id: &EniId) -> Option<&EniFacts> {
        self.enis.iter().find(|e| &e.id == id)
    }

    pub fn instance(&self, id: &InstanceId) -> Option<&InstanceFacts> {
        self.instances.iter().find(|i| &i.id == id)
    }

    /// The EIP associated with the resource `resource_id` (an ENI or instance ID), if any.
    pub fn eip_bound_to(&self, resource_id: &str) -> Option<&EipFacts> {
        self.eips.iter().find(|e| {
            e.binding
                .as_ref()
                .is_some_and(|b| b.instance_id == resource_id)
        })
    }

    /// How many ENIs (primary included) are attached to `instance`.
    pub fn enis_attached_to(&self, instance: &InstanceId) -> u32 {
        let count = self
            .enis
            .iter()
            .filter(|e| e.instance_id.as_ref() == Some(instance))
            .count();
        u32::try_from(count).unwrap_or(u32::MAX)
    }

    /// The primary ENI of `instance`, if listed.
    pub fn primary_eni_of(&self, instance: &InstanceId) -> Option<&EniFacts> {
        self.enis
            .iter()
            .find(|e| e.is_primary() && e.instance_id.as_ref() == Some(instance))
    }
}
