//! Business rules, as pure checks over the state: what the real services refuse and with which
//! code. [`eip`] covers association (NAT, MULTI_BINDED, cut-through BINDED), disassociation,
//! release and attribute changes; [`eni`] covers attach, detach and delete; [`tags`] the tag
//! limits and resource types. Handlers call these before mutating anything, so a refused call
//! never changes state.

pub mod eip;
pub mod eni;
pub mod tags;

use crate::protocol::ApiError;

/// `TaskConflict`: the EIP is in the middle of another operation.
pub fn task_conflict() -> ApiError {
    ApiError::bad(
        "TaskConflict",
        "The eip operate too frequent, TaskConflict.",
    )
}

/// `IncorrectEipStatus`.
pub fn incorrect_eip_status() -> ApiError {
    ApiError::bad(
        "IncorrectEipStatus",
        "Current elastic IP status does not support this operation",
    )
}
