//! eipdesk-core: the domain of EIP Desk, free of any UI toolkit.
//!
//! It owns profiles and the keychain, the inventory (EIPs, ENIs, instances), binding plans and
//! preflight rules, the workflow engine and its journal, and the audit log. The desktop shell
//! (`src-tauri`) only maps IPC to [`EipDesk`]'s methods, through the [`api`] module, its one
//! surface; the other modules are public for the crate's integration tests and benches.

// `CoreError` carries `alicloud_api::Error` (with the full `ApiError`) by value; an error is
// rare next to a network round trip, so its size does not matter.
#![allow(clippy::result_large_err)]

pub mod api;
pub mod audit;
pub mod binding;
mod csv_text;
pub mod desk;
pub mod error;
pub mod error_hint;
pub mod error_text;
pub mod export_file;
pub mod fsutil;
pub mod guest_os;
pub mod ids;
pub mod inventory;
pub mod journal;
pub mod lifecycle;
pub mod paths;
pub mod private_fs;
pub mod profiles;
pub mod regions;
pub mod sandbox;
pub mod text;
pub mod workflow;

pub use desk::EipDesk;
pub use error::{CoreError, DescribeError, ErrorDto, ErrorKind};
