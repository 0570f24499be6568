//! Errors of the inventory itself (not of the API calls it makes, which stay `alicloud_api`
//! errors), and how they describe themselves to the window.

use crate::error::{DescribeError, ErrorHint, ErrorKind, ErrorText};
use crate::export_file::ExportError;

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
    #[error(transparent)]
    Export(#[from] ExportError),
}

impl DescribeError for InventoryError {
    fn kind(&self) -> ErrorKind {
        match self {
            InventoryError::Cancelled => ErrorKind::Transient,
            InventoryError::RowNotFound(_) => ErrorKind::NotFound,
            InventoryError::Export(e) => e.kind(),
        }
    }
    fn code(&self) -> String {
        match self {
            InventoryError::Cancelled => "Cancelled".into(),
            InventoryError::RowNotFound(_) => "RowNotFound".into(),
            InventoryError::Export(e) => e.code(),
        }
    }
    fn text(&self) -> Option<ErrorText> {
        match self {
            InventoryError::Cancelled => Some(ErrorText::InventoryCancelled),
            InventoryError::RowNotFound(id) => {
                Some(ErrorText::InventoryRowNotFound { id: id.clone() })
            }
            InventoryError::Export(e) => e.text(),
        }
    }
    fn hint_text(&self) -> Option<ErrorHint> {
        match self {
            InventoryError::Cancelled => Some(ErrorHint::InventoryCancelled),
            InventoryError::RowNotFound(_) => Some(ErrorHint::InventoryRefresh),
            InventoryError::Export(e) => e.hint_text(),
        }
    }
}
