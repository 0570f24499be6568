//! Inventory: what the active profile has (EIPs, ENIs, instances, plus VPC and vSwitch names
//! and ENI quotas), read through alicloud-api and shaped into rows that know each other.
//!
//! * [`fetch`] reads one region (page-number listings fan out, token listings follow the
//!   token) through the client's call pipeline, with [`gate`] plugged into it: every
//!   attempt is paced per action ([`pacer`]) and passes a gate bounding the calls in flight;
//! * [`load`] reads many regions at once, streaming one [`InventoryEvent`] per region,
//!   isolating failures and honouring cancellation;
//! * [`relations`] and [`eligibility`] are the pure logic: bindings, attachments, EIPs per
//!   ENI and instance, ENI capacity, cut-through eligibility with reasons;
//! * [`store`] keeps the session's listings so [`refresh`] can re-read resources by ID and
//!   return only the rows that changed;
//! * [`csv`] exports what a table shows.

pub mod actions;
pub mod cancel;
pub mod csv;
pub mod eligibility;
pub mod error;
pub mod events;
pub mod facts;
pub mod fetch;
pub mod gate;
pub mod load;
pub mod pacer;
pub mod quotas;
pub mod refresh;
mod regions;
pub mod relations;
pub mod rows;
pub mod scope;
pub mod store;

pub use eligibility::{EniFacts, cut_through_eligibility};
pub use error::InventoryError;
pub use events::{
    CsvExportRequest, CsvExportResult, InventoryEvent, InventoryPatch, LoadRequest, LoadStarted,
    LoadSummary, RegionFailed, RegionLoaded,
};
pub use facts::{EniQuotas, RegionFacts};
pub use load::{EventSink, LoadContext};
pub use regions::{RegionLanguage, list_regions};
pub use relations::build_rows;
pub use rows::*;
pub use scope::{ALL_REGIONS, Scope, TableId};
pub use store::{InventoryOptions, InventoryStore, RegionEntry};
