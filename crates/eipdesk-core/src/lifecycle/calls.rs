//! The typed request of each lifecycle step (with its ClientToken), its parameters as sent
//! (the plan, the CLI and Terraform renderings, the journal and the audit log use them) and
//! the call itself, which also returns the ID of what a create call made.

use super::action::{Billing, LifecycleAction, PricingCycle, TagKind};
use crate::ids::RegionId;
use alicloud_api::ecs::{CreateNetworkInterfaceRequest, DeleteNetworkInterfaceRequest};
use alicloud_api::tags::{
    EcsTagResourcesRequest, EcsUntagResourcesRequest, ModifyNetworkInterfaceAttributeRequest,
    VpcTagResourcesRequest, VpcUntagResourcesRequest,
};
use alicloud_api::vpc::{
    AllocateEipAddressRequest, ModifyEipAddressAttributeRequest, ReleaseEipAddressRequest,
};
use alicloud_api::{Client, Error};

/// A lifecycle request ready to send.
#[derive(Debug, Clone)]
pub enum LifecyclePrepared {
    Allocate(AllocateEipAddressRequest),
    Release(ReleaseEipAddressRequest),
    ModifyEip(ModifyEipAddressAttributeRequest),
    CreateEni(CreateNetworkInterfaceRequest),
    DeleteEni(DeleteNetworkInterfaceRequest),
    ModifyEni(ModifyNetworkInterfaceAttributeRequest),
    VpcTag(VpcTagResourcesRequest),
    EcsTag(EcsTagResourcesRequest),
    VpcUntag(VpcUntagResourcesRequest),
    EcsUntag(EcsUntagResourcesRequest),
}

fn non_empty(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

/// The request for `action` in `region`.
pub fn prepare(
    action: &LifecycleAction,
    region: &RegionId,
    client_token: Option<&str>,
) -> LifecyclePrepared {
    let r = region.as_str();
    let token = client_token.map(str::to_string);
    match action {
        LifecycleAction::AllocateEip { spec, .. } => {
            let mut req = AllocateEipAddressRequest::new(r).bandwidth(spec.bandwidth.to_string());
            match spec.billing {
                Billing::PayByTraffic => {
                    req = req.internet_charge_type("PayByTraffic");
                }
                Billing::PayByBandwidth => {
                    req = req.internet_charge_type("PayByBandwidth");
                }
                Billing::Subscription => {
                    req = req
                        .instance_charge_type("PrePaid")
                        .internet_charge_type("PayByBandwidth")
                        .auto_pay(true);
                    if let Some((period, cycle)) = spec.period {
                        req = req.period(period).pricing_cycle(match cycle {
                            PricingCycle::Month => "Month",
                            PricingCycle::Year => "Year",
                        });
                    }
                }
            }
            req.isp = spec.isp.clone();
            req.name = non_empty(&spec.name);
            req.description = non_empty(&spec.description);
            req.resource_group_id = spec.resource_group_id.clone();
            req.client_token = token;
            LifecyclePrepared::Allocate(req)
        }
        LifecycleAction::ReleaseEip { eip } => {
            LifecyclePrepared::Release(ReleaseEipAddressRequest::new(r, eip.as_str()))
        }
        LifecycleAction::ModifyEip {
            eip,
            name,
            description,
            bandwidth,
            ..
        } => {
            let mut req = ModifyEipAddressAttributeRequest::new(r, eip.as_str());
            req.name = name.clone();
            req.description = description.clone();
            req.bandwidth = bandwidth.map(|b| b.to_string());
            LifecyclePrepared::ModifyEip(req)
        }
        LifecycleAction::CreateEni { spec, .. } => {
            let mut req = CreateNetworkInterfaceRequest::new(r, spec.vswitch_id.as_str())
                .security_group_ids(spec.security_group_ids.iter().cloned());
            req.primary_ip_address = spec.private_ip.clone();
            req.network_interface_name = non_empty(&spec.name);
            req.description = non_empty(&spec.description);
            req.client_token = token;
            LifecyclePrepared::CreateEni(req)
        }
        LifecycleAction::DeleteEni { eni } => {
            LifecyclePrepared::DeleteEni(DeleteNetworkInterfaceRequest::new(r, eni.as_str()))
        }
        LifecycleAction::ModifyEni {
            eni,
            name,
            description,
            ..
        } => {
            let mut req = ModifyNetworkInterfaceAttributeRequest::new(r, eni.as_str());
            req.network_interface_name = name.clone();
            req.description = description.clone();
            LifecyclePrepared::ModifyEni(req)
        }
        LifecycleAction::Tag { kind, ids, tags } => match kind {
            TagKind::Eip => LifecyclePrepared::VpcTag(
                VpcTagResourcesRequest::new(r, kind.resource_type())
                    .resource_ids(ids.iter().cloned())
                    .tags(tags),
            ),
            TagKind::Eni => LifecyclePrepared::EcsTag(
                EcsTagResourcesRequest::new(r, kind.resource_type())
                    .resource_ids(ids.iter().cloned())
                    .tags(tags),
            ),
        },
        LifecycleAction::Untag { kind, ids, keys } => match kind {
            TagKind::Eip => LifecyclePrepared::VpcUntag(
                VpcUntagResourcesRequest::new(r, kind.resource_type())
                    .resource_ids(ids.iter().cloned())
                    .tag_keys(keys.iter().cloned()),
            ),
            TagKind::Eni => LifecyclePrepared::EcsUntag(
                EcsUntagResourcesRequest::new(r, kind.resource_type())
                    .resource_ids(ids.iter().cloned())
                    .tag_keys(keys.iter().cloned()),
            ),
        },
    }
}

impl LifecyclePrepared {
    /// The parameters as sent.
    pub fn params(&self) -> Vec<(String, String)> {
        match self {
            Self::Allocate(r) => r.to_params(),
            Self::Release(r) => r.to_params(),
            Self::ModifyEip(r) => r.to_params(),
            Self::CreateEni(r) => r.to_params(),
            Self::DeleteEni(r) => r.to_params(),
            Self::ModifyEni(r) => r.to_params(),
            Self::VpcTag(r) => r.to_params(),
            Self::EcsTag(r) => r.to_params(),
            Self::VpcUntag(r) => r.to_params(),
            Self::EcsUntag(r) => r.to_params(),
        }
    }

    /// Sends the request; returns the `RequestId` and, for a create call, the new ID.
    pub async fn send(&self, client: &Client) -> Result<(String, Option<String>), Error> {
        Ok(match self {
            Self::Allocate(r) => {
                let resp = client.allocate_eip_address(r).await?;
                (resp.request_id, non_empty(&resp.allocation_id))
            }
            Self::CreateEni(r) => {
                let resp = client.create_network_interface(r).await?;
                (resp.request_id, non_empty(&resp.network_interface_id))
            }
            Self::Release(r) => (client.release_eip_address(r).await?.request_id, None),
            Self::ModifyEip(r) => (
                client.modify_eip_address_attribute(r).await?.request_id,
                None,
            ),
            Self::DeleteEni(r) => (client.delete_network_interface(r).await?.request_id, None),
            Self::ModifyEni(r) => (
                client
                    .modify_network_interface_attribute(r)
                    .await?
                    .request_id,
                None,
            ),
            Self::VpcTag(r) => (client.vpc_tag_resources(r).await?.request_id, None),
            Self::EcsTag(r) => (client.ecs_tag_resources(r).await?.request_id, None),
            Self::VpcUntag(r) => (client.vpc_untag_resources(r).await?.request_id, None),
            Self::EcsUntag(r) => (client.ecs_untag_resources(r).await?.request_id, None),
        })
    }
}
