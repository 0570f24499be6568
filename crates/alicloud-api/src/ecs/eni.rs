//! ECS ENI actions: requests (with builders), their `Action` impls (with Terraform's retry
//! lists), paging and typed [`Client`](crate::Client) methods (declared with `impl_action!`).

use crate::action::{RequestIdOnly, impl_action, rpc_request};

use super::eni_types::{
    CreateNetworkInterfaceResponse, DescribeNetworkInterfacesResponse, NetworkInterfaceSet,
};

/// Terraform's `NetworkInterfaceInvalidOperations`: retried by attach and detach.
pub const NETWORK_INTERFACE_INVALID_OPERATIONS: &[&str] = &[
    "InvalidOperation.InvalidEniState",
    "InvalidOperation.InvalidEcsState",
    "InvalidOperation.InvalidEniType",
    "InvalidOperation.HasMemberEniAttached",
    "OperationConflict",
    "ServiceUnavailable",
    "InternalError",
];

rpc_request! {
    /// `DescribeNetworkInterfaces` (paged by `NextToken`/`MaxResults`).
    pub struct DescribeNetworkInterfacesRequest {
        required {
            /// The region.
            region_id = "RegionId",
        }
        optional {
            /// Attached to this instance.
            instance_id: String = "InstanceId",
            /// In this VPC.
            vpc_id: String = "VpcId",
            /// In this vSwitch.
            vswitch_id: String = "VSwitchId",
            /// In this security group.
            security_group_id: String = "SecurityGroupId",
            /// With this primary IP.
            primary_ip_address: String = "PrimaryIpAddress",
            /// Name filter.
            network_interface_name: String = "NetworkInterfaceName",
            /// Resource group.
            resource_group_id: String = "ResourceGroupId",
            /// `Primary` or `Secondary` (parameter `Type`).
            interface_type: String = "Type",
            /// `Available`, `Attaching`, `InUse`, `Detaching`, `Deleting`.
            status: String = "Status",
            /// Managed by a service.
            service_managed: bool = "ServiceManaged",
            /// 10–500 per page.
            max_results: u32 = "MaxResults",
            /// Token from the previous page.
            next_token: String = "NextToken",
            /// Deprecated paging.
            page_number: u32 = "PageNumber",
            /// Deprecated paging.
            page_size: u32 = "PageSize",
        }
        repeated {
            /// Up to 100 ENI IDs.
            network_interface_ids = "NetworkInterfaceId",
            /// Secondary private IPs.
            private_ip_addresses = "PrivateIpAddress",
            /// IPv6 addresses.
            ipv6_addresses = "Ipv6Address",
        }
        json_list {}
        route {}
    }
}
impl_action!(DescribeNetworkInterfacesRequest => DescribeNetworkInterfacesResponse, Ecs,
"DescribeNetworkInterfaces", region: field, client_token: false, retry_on: &[],
method:
    /// One page.
    describe_network_interfaces,
paged: next_token {
    max: 500,
    items: NetworkInterfaceSet = network_interface_sets.network_interface_set,
    all: describe_network_interfaces_all,
    pages: describe_network_interfaces_pages,
});

rpc_request! {
    /// `CreateNetworkInterface`: a secondary ENI, `Available` at once.
    pub struct CreateNetworkInterfaceRequest {
        required {
            /// The region.
            region_id = "RegionId",
            /// The vSwitch (same zone as the instances it will attach to).
            vswitch_id = "VSwitchId",
        }
        optional {
            /// One security group (or use `security_group_ids`).
            security_group_id: String = "SecurityGroupId",
            /// Primary private IP (random when unset).
            primary_ip_address: String = "PrimaryIpAddress",
            /// Number of secondary private IPs (1–49).
            secondary_private_ip_address_count: u32 = "SecondaryPrivateIpAddressCount",
            /// Name (2–128 chars).
            network_interface_name: String = "NetworkInterfaceName",
            /// Description (2–256 chars).
            description: String = "Description",
            /// `Secondary` (default) or `Trunk` (parameter `InstanceType`).
            instance_type: String = "InstanceType",
            /// Idempotence token (generated when unset).
            client_token: String = "ClientToken",
            /// Release with the instance.
            delete_on_release: bool = "DeleteOnRelease",
            /// Resource group.
            resource_group_id: String = "ResourceGroupId",
            /// `Standard` or `HighPerformance`.
            network_interface_traffic_mode: String = "NetworkInterfaceTrafficMode",
            /// Queues.
            queue_number: u32 = "QueueNumber",
        }
        repeated {
            /// Security groups (`SecurityGroupIds.N`).
            security_group_ids = "SecurityGroupIds",
            /// Secondary private IPs (`PrivateIpAddress.N`).
            private_ip_addresses = "PrivateIpAddress",
        }
        json_list {}
        route {}
    }
}
impl_action!(CreateNetworkInterfaceRequest => CreateNetworkInterfaceResponse, Ecs,
    "CreateNetworkInterface", region: field, client_token: true,
    retry_on: &["IncorrectVSwitchStatus"],
    method: create_network_interface);

rpc_request! {
    /// `DeleteNetworkInterface`: the ENI must be `Available` (detach first).
    pub struct DeleteNetworkInterfaceRequest {
        required {
            /// The region.
            region_id = "RegionId",
            /// The ENI.
            network_interface_id = "NetworkInterfaceId",
        }
        optional {}
        repeated {}
        json_list {}
        route {}
    }
}
impl_action!(DeleteNetworkInterfaceRequest => RequestIdOnly, Ecs, "DeleteNetworkInterface",
    region: field, client_token: false,
    retry_on: &["InvalidOperation.Conflict", "InternalError", "InvalidOperation.InvalidEcsState",
        "InvalidOperation.InvalidEniState", "InvalidOperation.InvalidEniType",
        "OperationConflict", "ServiceUnavailable"],
    method: delete_network_interface);

rpc_request! {
    /// `AttachNetworkInterface` (asynchronous: `Attaching`, then `InUse`).
    pub struct AttachNetworkInterfaceRequest {
        required {
            /// The region.
            region_id = "RegionId",
            /// The ENI (must be `Available`).
            network_interface_id = "NetworkInterfaceId",
            /// The instance (same zone and VPC; `Running` or `Stopped`).
            instance_id = "InstanceId",
        }
        optional {
            /// Network card index.
            network_card_index: u32 = "NetworkCardIndex",
            /// Trunk ENI instance.
            trunk_network_instance_id: String = "TrunkNetworkInstanceId",
            /// Deprecated.
            wait_for_network_configuration_ready: bool = "WaitForNetworkConfigurationReady",
        }
        repeated {}
        json_list {}
        route {}
    }
}
impl_action!(AttachNetworkInterfaceRequest => RequestIdOnly, Ecs, "AttachNetworkInterface",
    region: field, client_token: false, retry_on: NETWORK_INTERFACE_INVALID_OPERATIONS,
    method: attach_network_interface);

rpc_request! {
    /// `DetachNetworkInterface` (asynchronous: `Detaching`, then `Available`).
    pub struct DetachNetworkInterfaceRequest {
        required {
            /// The region.
            region_id = "RegionId",
            /// The ENI.
            network_interface_id = "NetworkInterfaceId",
            /// The instance it is attached to.
            instance_id = "InstanceId",
        }
        optional {
            /// Trunk ENI instance.
            trunk_network_instance_id: String = "TrunkNetworkInstanceId",
        }
        repeated {}
        json_list {}
        route {}
    }
}
impl_action!(DetachNetworkInterfaceRequest => RequestIdOnly, Ecs, "DetachNetworkInterface",
    region: field, client_token: false, retry_on: NETWORK_INTERFACE_INVALID_OPERATIONS,
    method: detach_network_interface);
