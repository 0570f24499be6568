//! Errors of the inventory itself (not of the API calls it makes, which stay `alicloud_api`
//! errors), and how they describe themselves to the window.

use crate::error::{DescribeError, ErrorKind};

/// What can go wrong in the inventory besides an API call.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InventoryError {
    /// Another load superseded this one, or the active profile changed.
    #[error("the load was cancelled")]
    Cancelled,
    /// No loaded row has this ID (another profile, or not loaded yet).
    #[error("{0} is not in the loaded inventory")]
    RowNotFound(String),
    /// The CSV file could not be written.
    #[error("could not export to {path}: {reason}")]
    Export { path: String, reason: String },
}

impl DescribeError for InventoryError {
    fn kind(&self) -> ErrorKind {
        match self {
            InventoryError::Cancelled => ErrorKind::Transient,
            InventoryError::RowNotFound(_) => ErrorKind::NotFound,
            InventoryError::Export { .. } => ErrorKind::InvalidInput,
        }
    }
    fn code(&self) -> String {
        match self {
            InventoryError::Cancelled => "Cancelled",
            InventoryError::RowNotFound(_) => "RowNotFound",
            InventoryError::Export { .. } => "ExportFailed",
        }
        .into()
    }
    fn hint(&self) -> Option<String> {
        Some(
            match self {
                InventoryError::Cancelled => "A newer load replaced it.",
                InventoryError::RowNotFound(_) => "Refresh the table.",
                InventoryError::Export { .. } => {
                    "Choose a full path in a folder that exists and that you can write to."
                }
            }
            .into(),
        )
    }
}
