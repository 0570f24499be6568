//! One step's API call: the typed request for a [`StepAction`] (with its ClientToken) and the
//! parameters as sent (for the plan, its CLI and Terraform renderings, the journal and the
//! audit log). The workflow engine sends it (`workflow::step`).

use super::{BindMode, StepAction};
use crate::ids::RegionId;
use alicloud_api::ecs::{AttachNetworkInterfaceRequest, DetachNetworkInterfaceRequest};
use alicloud_api::vpc::{
    AssociateEipAddressRequest, ModifyEipForwardModeRequest, UnassociateEipAddressRequest,
};

/// A request ready to send.
#[derive(Debug, Clone)]
pub enum Prepared {
    Detach(DetachNetworkInterfaceRequest),
    Attach(AttachNetworkInterfaceRequest),
    Associate(AssociateEipAddressRequest),
    Unassociate(UnassociateEipAddressRequest),
    Modify(ModifyEipForwardModeRequest),
    Lifecycle(crate::lifecycle::LifecyclePrepared),
}

/// The request for `action` (`None` for the verification).
pub fn prepare(
    action: &StepAction,
    region: &RegionId,
    client_token: Option<&str>,
) -> Option<Prepared> {
    let r = region.as_str();
    let token = |t: Option<&str>| t.map(str::to_string);
    Some(match action {
        StepAction::DetachEni { eni, instance } => Prepared::Detach(
            DetachNetworkInterfaceRequest::new(r, eni.as_str(), instance.as_str()),
        ),
        StepAction::AttachEni { eni, instance } => Prepared::Attach(
            AttachNetworkInterfaceRequest::new(r, eni.as_str(), instance.as_str()),
        ),
        StepAction::Associate {
            eip,
            target,
            target_type,
            mode,
            private_ip,
        } => {
            let mut req = AssociateEipAddressRequest::new(r, eip.as_str(), target.as_str())
                .instance_type(target_type.as_str());
            if target_type == "NetworkInterface" {
                req = req.mode(mode.as_api());
            }
            req.private_ip_address = private_ip.clone();
            req.client_token = token(client_token);
            Prepared::Associate(req)
        }
        StepAction::Unassociate {
            eip,
            target,
            target_type,
            private_ip,
            ..
        } => {
            let mut req = UnassociateEipAddressRequest::new(r, eip.as_str())
                .instance_id(target.as_str())
                .instance_type(target_type.as_str());
            req.private_ip_address = private_ip.clone();
            req.client_token = token(client_token);
            Prepared::Unassociate(req)
        }
        StepAction::ModifyForwardMode { eip, to, .. } => {
            let mut req = ModifyEipForwardModeRequest::new(r, eip.as_str(), BindMode::as_api(*to));
            req.client_token = token(client_token);
            Prepared::Modify(req)
        }
        StepAction::Verify { .. }
        | StepAction::GuestConfigure { .. }
        | StepAction::GuestVerify { .. }
        | StepAction::GuestRevert { .. }
        | StepAction::AuthorizeIngress { .. }
        | StepAction::RevokeIngress { .. } => return None,
        StepAction::Lifecycle(l) => {
            Prepared::Lifecycle(crate::lifecycle::calls::prepare(l, region, client_token))
        }
    })
}

impl Prepared {
    /// The parameters as sent.
    pub fn params(&self) -> Vec<(String, String)> {
        match self {
            Prepared::Detach(r) => r.to_params(),
            Prepared::Attach(r) => r.to_params(),
            Prepared::Associate(r) => r.to_params(),
            Prepared::Unassociate(r) => r.to_params(),
            Prepared::Modify(r) => r.to_params(),
            Prepared::Lifecycle(l) => l.params(),
        }
    }
}
