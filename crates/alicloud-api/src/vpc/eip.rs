//! VPC EIP actions: requests (with builders), their `Action` impls (incl. Terraform's
//! invalid-state retry lists), paging and typed [`Client`] methods (declared with
//! `impl_action!`), plus the deduplicating `describe_eip_addresses_all`.

use std::collections::HashSet;

use crate::action::{RequestIdOnly, impl_action, rpc_request};
use crate::client::Client;
use crate::error::Error;

use super::eip_types::{AllocateEipAddressResponse, DescribeEipAddressesResponse, EipAddress};

rpc_request! {
    /// `DescribeEipAddresses`: list EIPs of a region (paged by `PageNumber`/`PageSize`).
    pub struct DescribeEipAddressesRequest {
        required {
            /// The region.
            region_id = "RegionId",
        }
        optional {
            /// Up to 50 allocation IDs, comma-separated.
            allocation_id: String = "AllocationId",
            /// Up to 50 IP addresses, comma-separated.
            eip_address: String = "EipAddress",
            /// Name filter.
            eip_name: String = "EipName",
            /// `Associating`, `Unassociating`, `InUse`, `Available`, `Releasing`.
            status: String = "Status",
            /// `EcsInstance`, `SlbInstance`, `Nat`, `HaVip`, `NetworkInterface`, `IpAddress`.
            associated_instance_type: String = "AssociatedInstanceType",
            /// The bound instance.
            associated_instance_id: String = "AssociatedInstanceId",
            /// `PostPaid` or `PrePaid`.
            charge_type: String = "ChargeType",
            /// Line type.
            isp: String = "ISP",
            /// `financial` or `security`.
            lock_reason: String = "LockReason",
            /// Resource group.
            resource_group_id: String = "ResourceGroupId",
            /// Segment id.
            segment_instance_id: String = "SegmentInstanceId",
            /// IP address pool.
            public_ip_address_pool_id: String = "PublicIpAddressPoolId",
            /// Include pending configuration changes.
            include_reservation_data: bool = "IncludeReservationData",
            /// Check only.
            dry_run: bool = "DryRun",
            /// Page number, from 1.
            page_number: u32 = "PageNumber",
            /// Page size, at most 100.
            page_size: u32 = "PageSize",
        }
        repeated {}
        json_list {}
        route {}
    }
}
impl_action!(DescribeEipAddressesRequest => DescribeEipAddressesResponse, Vpc, "DescribeEipAddresses",
    region: field, client_token: false, retry_on: &[],
    method:
        /// One page.
        describe_eip_addresses,
    paged: page_number { max: 100, items: EipAddress = eip_addresses.eip_address });

rpc_request! {
    /// `AllocateEipAddress`: create an EIP (status `Available`).
    pub struct AllocateEipAddressRequest {
        required {
            /// The region.
            region_id = "RegionId",
        }
        optional {
            /// Mbit/s, default 5.
            bandwidth: String = "Bandwidth",
            /// `PostPaid` (default) or `PrePaid`.
            instance_charge_type: String = "InstanceChargeType",
            /// `PayByBandwidth` (default) or `PayByTraffic`.
            internet_charge_type: String = "InternetChargeType",
            /// Line type, default `BGP`.
            isp: String = "ISP",
            /// `public`.
            netmode: String = "Netmode",
            /// Name (0–128 chars).
            name: String = "Name",
            /// Description (0–256 chars).
            description: String = "Description",
            /// Idempotence token (generated when unset).
            client_token: String = "ClientToken",
            /// Subscription length (PrePaid).
            period: u32 = "Period",
            /// `Month` or `Year` (PrePaid).
            pricing_cycle: String = "PricingCycle",
            /// Pay automatically (PrePaid).
            auto_pay: bool = "AutoPay",
            /// Resource group.
            resource_group_id: String = "ResourceGroupId",
            /// IP address pool.
            public_ip_address_pool_id: String = "PublicIpAddressPoolId",
            /// Request this IP address.
            ip_address: String = "IpAddress",
            /// Request this EIP instance id.
            instance_id: String = "InstanceId",
            /// Zone (CloudBox).
            zone: String = "Zone",
        }
        repeated {
            /// `AntiDDoS_Enhanced`.
            security_protection_types = "SecurityProtectionTypes",
        }
        json_list {}
        route {}
    }
}
impl_action!(AllocateEipAddressRequest => AllocateEipAddressResponse, Vpc, "AllocateEipAddress",
    region: field, client_token: true,
    retry_on: &["OperationConflict", "LastTokenProcessing", "IncorrectStatus", "SystemBusy",
        "ServiceUnavailable", "FrequentPurchase.EIP"],
    method: allocate_eip_address);

rpc_request! {
    /// `AssociateEipAddress`: bind an EIP. For cut-through on a secondary ENI use
    /// `instance_type("NetworkInterface")`, `mode("BINDED")` and the ENI's primary private IP.
    pub struct AssociateEipAddressRequest {
        required {
            /// The EIP's region.
            region_id = "RegionId",
            /// The EIP.
            allocation_id = "AllocationId",
            /// The target (ECS instance, ENI `eni-...`, NAT gateway, ...).
            instance_id = "InstanceId",
        }
        optional {
            /// `EcsInstance` (default), `NetworkInterface`, `Nat`, `SlbInstance`, `HaVip`, `IpAddress`.
            instance_type: String = "InstanceType",
            /// `NAT` (default), `MULTI_BINDED`, `BINDED` (cut-through).
            mode: String = "Mode",
            /// The private IP to bind to (required for `NetworkInterface`).
            private_ip_address: String = "PrivateIpAddress",
            /// VPC (for `IpAddress`).
            vpc_id: String = "VpcId",
            /// Region of the instance (shared-bandwidth GA only).
            instance_region_id: String = "InstanceRegionId",
            /// Idempotence token (generated when unset).
            client_token: String = "ClientToken",
        }
        repeated {}
        json_list {}
        route {}
    }
}
impl_action!(AssociateEipAddressRequest => RequestIdOnly, Vpc, "AssociateEipAddress",
    region: field, client_token: true,
    retry_on: &["TaskConflict", "OperationConflict", "IncorrectStatus", "ServiceUnavailable",
        "SystemBusy", "LastTokenProcessing", "IncorrectEipStatus", "InvalidBindingStatus",
        "IncorrectInstanceStatus", "IncorrectStatus.NatGateway",
        "InvalidStatus.EcsStatusNotSupport", "InvalidStatus.InstanceHasBandWidth",
        "InvalidStatus.EniStatusNotSupport", "OperationFailed.EcsMigrating"],
    method:
        /// Asynchronous: poll for `InUse`.
        associate_eip_address);

rpc_request! {
    /// `UnassociateEipAddress`: unbind an EIP. In cut-through mode detach the ENI first.
    pub struct UnassociateEipAddressRequest {
        required {
            /// The EIP's region.
            region_id = "RegionId",
            /// The EIP.
            allocation_id = "AllocationId",
        }
        optional {
            /// The bound instance (send it).
            instance_id: String = "InstanceId",
            /// `EcsInstance` (default), `NetworkInterface`, ...
            instance_type: String = "InstanceType",
            /// The bound private IP.
            private_ip_address: String = "PrivateIpAddress",
            /// Force (NAT gateways with DNAT/SNAT entries).
            force: bool = "Force",
            /// Idempotence token (generated when unset).
            client_token: String = "ClientToken",
        }
        repeated {}
        json_list {}
        route {}
    }
}
impl_action!(UnassociateEipAddressRequest => RequestIdOnly, Vpc, "UnassociateEipAddress",
    region: field, client_token: true,
    retry_on: &["OperationConflict", "IncorrectStatus", "ServiceUnavailable", "SystemBusy",
        "LastTokenProcessing", "OperationFailed.LastTokenProcessing", "IncorrectEipStatus",
        "InvalidBindingStatus", "IncorrectInstanceStatus", "IncorrectHaVipStatus", "TaskConflict",
        "InvalidIpStatus.HasBeenUsedBySnatTable", "InvalidIpStatus.HasBeenUsedByForwardEntry",
        "InvalidStatus.EniStatusNotSupport", "InvalidStatus.EcsStatusNotSupport",
        "InvalidStatus.NotAllow", "InvalidStatus.SnatOrDnat"],
    method:
        /// Asynchronous: poll for `Available`.
        unassociate_eip_address);

rpc_request! {
    /// `ReleaseEipAddress`: release an `Available` pay-as-you-go EIP.
    pub struct ReleaseEipAddressRequest {
        required {
            /// The EIP's region.
            region_id = "RegionId",
            /// The EIP.
            allocation_id = "AllocationId",
        }
        optional {}
        repeated {}
        json_list {}
        route {}
    }
}
impl_action!(ReleaseEipAddressRequest => RequestIdOnly, Vpc, "ReleaseEipAddress",
    region: field, client_token: false,
    retry_on: &["OperationConflict", "LastTokenProcessing", "IncorrectStatus", "SystemBusy",
        "ServiceUnavailable", "IncorrectEipStatus", "TaskConflict.AssociateGlobalAccelerationInstance"],
    method:
        /// Asynchronous: poll until not found.
        release_eip_address);

rpc_request! {
    /// `ModifyEipAddressAttribute`: change bandwidth, name or description.
    pub struct ModifyEipAddressAttributeRequest {
        required {
            /// The EIP's region.
            region_id = "RegionId",
            /// The EIP.
            allocation_id = "AllocationId",
        }
        optional {
            /// Mbit/s.
            bandwidth: String = "Bandwidth",
            /// Name.
            name: String = "Name",
            /// Description.
            description: String = "Description",
        }
        repeated {}
        json_list {}
        route {}
    }
}
impl_action!(ModifyEipAddressAttributeRequest => RequestIdOnly, Vpc, "ModifyEipAddressAttribute",
    region: field, client_token: false,
    retry_on: &["OperationConflict", "IncorrectEipStatus", "TaskConflict", "SystemBusy",
        "LastTokenProcessing"],
    method: modify_eip_address_attribute);

rpc_request! {
    /// `ModifyEipForwardMode`: change the mode of an associated EIP (as Terraform calls it:
    /// `InstanceId` is the EIP's allocation ID).
    pub struct ModifyEipForwardModeRequest {
        required {
            /// The EIP's region.
            region_id = "RegionId",
            /// The EIP's allocation ID.
            instance_id = "InstanceId",
            /// `NAT`, `MULTI_BINDED` or `BINDED`.
            mode = "Mode",
        }
        optional {
            /// Idempotence token (generated when unset).
            client_token: String = "ClientToken",
        }
        repeated {}
        json_list {}
        route {}
    }
}
impl_action!(ModifyEipForwardModeRequest => RequestIdOnly, Vpc, "ModifyEipForwardMode",
    region: field, client_token: true,
    retry_on: &["OperationConflict", "IncorrectStatus", "IncorrectEipStatus", "TaskConflict",
        "SystemBusy", "LastTokenProcessing", "InvalidStatus.EniStatusNotSupport"],
    method: modify_eip_forward_mode);

impl Client {
    /// `DescribeEipAddresses`: every page (page 1 with `PageSize=100`, then the rest
    /// concurrently), deduplicated by `AllocationId` in case items moved between pages.
    pub async fn describe_eip_addresses_all(
        &self,
        request: &DescribeEipAddressesRequest,
    ) -> Result<Vec<EipAddress>, Error> {
        let items = self.collect_pages(request).await?;
        let mut seen = HashSet::new();
        Ok(items
            .into_iter()
            .filter(|e| e.allocation_id.is_empty() || seen.insert(e.allocation_id.clone()))
            .collect())
    }
}
