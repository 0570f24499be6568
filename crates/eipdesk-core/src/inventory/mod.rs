//! Inventory: what the active profile has (EIPs, ENIs, instances), read through alicloud-api
//! and shaped into the rows the tables show.

mod eips;
mod regions;

pub use eips::{eip_row, list_eips};
pub use regions::list_regions;
