//! ENI rules: attaching (state, instance state, same VPC, same zone, per-type ENI quota),
//! detaching (never the primary ENI) and deleting.

use crate::protocol::ApiError;
use crate::state::RegionState;
use crate::state::model::WireName as _;
use crate::state::model::{Eni, EniStatus, EniType, Instance, InstanceStatus, instance_type};

/// `InvalidOperation.InvalidEniState` with the expected and current statuses.
pub fn invalid_eni_state(expected: &str, current: EniStatus) -> ApiError {
    ApiError::bad(
        "InvalidOperation.InvalidEniState",
        format!(
            "The operation is not allowed in the current ENI state. Expecting status is \u{201c}{expected}\u{201d} while current status is \u{201c}{}\u{201d}.",
            current.as_str()
        ),
    )
}

fn invalid_ecs_state(instance: &Instance) -> ApiError {
    ApiError::bad(
        "InvalidOperation.InvalidEcsState",
        format!(
            "The operation is not allowed in the current instance status \u{201c}{}\u{201d}; expecting Running or Stopped.",
            instance.status.as_str()
        ),
    )
}

fn check_ecs_state(instance: &Instance) -> Result<(), ApiError> {
    if matches!(
        instance.status,
        InstanceStatus::Running | InstanceStatus::Stopped
    ) {
        Ok(())
    } else {
        Err(invalid_ecs_state(instance))
    }
}

/// ENIs counted against the instance's quota (attaching, attached or detaching).
pub fn attached_count(region: &RegionState, instance_id: &str) -> usize {
    region
        .enis
        .values()
        .filter(|e| e.instance_id.as_deref() == Some(instance_id))
        .count()
}

/// `eni` can be attached to `instance`.
pub fn check_attach(region: &RegionState, eni: &Eni, instance: &Instance) -> Result<(), ApiError> {
    if eni.kind == EniType::Primary {
        return Err(ApiError::forbidden(
            "InvalidOperation.InvalidEniType",
            "A primary ENI cannot be attached.",
        ));
    }
    if eni.status != EniStatus::Available {
        return Err(invalid_eni_state("Available", eni.status));
    }
    check_ecs_state(instance)?;
    if eni.vpc_id != instance.vpc_id {
        return Err(ApiError::forbidden(
            "InvalidOperation.VpcMismatch",
            "The ENI and the instance must belong to the same VPC.",
        ));
    }
    if eni.zone_id != instance.zone_id {
        return Err(ApiError::forbidden(
            "InvalidOperation.AvailabilityZoneMismatch",
            "The ENI and the instance must be in the same zone.",
        ));
    }
    let quota = instance_type(&instance.instance_type).map_or(2, |t| t.eni_quantity);
    if attached_count(region, &instance.id) >= quota as usize {
        return Err(ApiError::forbidden(
            "EniPerInstanceLimitExceeded",
            format!(
                "The number of ENIs attached to the instance exceeds the limit ({quota}) of instance type {}.",
                instance.instance_type
            ),
        ));
    }
    Ok(())
}

/// What a detach should do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DetachPlan {
    /// Start detaching.
    Start,
    /// Already detaching: nothing to do.
    AlreadyDetaching,
}

/// `eni` can be detached from `instance`.
pub fn check_detach(eni: &Eni, instance: &Instance) -> Result<DetachPlan, ApiError> {
    if eni.kind == EniType::Primary {
        return Err(ApiError::bad(
            "InvalidOperation.DetachPrimaryEniNotAllowed",
            "The primary ENI of an instance cannot be detached.",
        ));
    }
    match eni.status {
        EniStatus::InUse | EniStatus::Detaching => {}
        other => return Err(invalid_eni_state("InUse", other)),
    }
    if eni.instance_id.as_deref() != Some(instance.id.as_str()) {
        return Err(ApiError::bad(
            "InvalidParams.EniId",
            "The ENI is not attached to the specified instance.",
        ));
    }
    check_ecs_state(instance)?;
    Ok(if eni.status == EniStatus::Detaching {
        DetachPlan::AlreadyDetaching
    } else {
        DetachPlan::Start
    })
}

/// `eni` can be deleted.
pub fn check_delete(region: &RegionState, eni: &Eni) -> Result<(), ApiError> {
    if eni.kind == EniType::Primary {
        return Err(ApiError::forbidden(
            "InvalidOperation.InvalidEniType",
            "A primary ENI cannot be deleted.",
        ));
    }
    if eni.status != EniStatus::Available {
        return Err(invalid_eni_state("Available", eni.status));
    }
    if !super::eip::eips_on(region, &eni.id).is_empty() {
        return Err(ApiError::bad(
            "InvalidOperation.EipAssociated",
            "The ENI has an EIP associated; disassociate it first.",
        ));
    }
    Ok(())
}
