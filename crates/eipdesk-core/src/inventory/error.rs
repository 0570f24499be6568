//! Errors of the inventory itself (not of the API calls it makes, which stay `alicloud_api`
//! errors), and their IPC shape.

use crate::error::{ErrorDto, ErrorKind};

/// What can go wrong in the inventory besides an API call.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InventoryError {
    /// Another load superseded this one, or the active profile changed.
    #[error("the load was cancelled")]
    Cancelled,
    /// The CSV file could not be written.
    #[error("could not export to {path}: {reason}")]
    Export { path: String, reason: String },
}

impl InventoryError {
    pub fn to_dto(&self) -> ErrorDto {
        match self {
            InventoryError::Cancelled => ErrorDto {
                kind: ErrorKind::Transient,
                code: "Cancelled".into(),
                message: self.to_string(),
                request_id: None,
                hint: Some("A newer load replaced it.".into()),
            },
            InventoryError::Export { .. } => ErrorDto {
                kind: ErrorKind::InvalidInput,
                code: "ExportFailed".into(),
                message: self.to_string(),
                request_id: None,
                hint: Some(
                    "Choose a full path in a folder that exists and that you can write to.".into(),
                ),
            },
        }
    }
}
