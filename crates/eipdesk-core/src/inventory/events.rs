//! What a load reports while it runs (per-region progress, rows as regions arrive), what it
//! returns, what a targeted refresh returns, and the CSV export request: the IPC shapes of
//! the inventory besides the rows themselves.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::rows::{EipRow, EniRow, InstanceRow, RegionRows, ResourceRef};
use super::scope::{Scope, TableId};
use crate::error::ErrorDto;

/// Asks for a load of `scope` (`all` or a region ID).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LoadRequest {
    #[ts(type = "string")]
    pub scope: Scope,
    /// Cancel loads still running (a new scope or a refresh); false for a region retry.
    pub supersede: bool,
}

/// A load began.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LoadStarted {
    pub load_id: u32,
    pub region_ids: Vec<String>,
    pub started_at: String,
}

/// One region was read completely.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RegionLoaded {
    pub load_id: u32,
    pub rows: RegionRows,
    /// What was left out without failing the region (names, ENI quotas).
    pub warnings: Vec<String>,
    pub loaded_at: String,
    pub elapsed_ms: u32,
}

/// One region could not be read; the others are unaffected.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RegionFailed {
    pub load_id: u32,
    pub region_id: String,
    pub error: ErrorDto,
    pub elapsed_ms: u32,
}

/// How a load ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LoadSummary {
    pub load_id: u32,
    pub region_ids: Vec<String>,
    pub loaded: Vec<String>,
    pub failed: Vec<String>,
    /// Superseded by another load, or the profile changed.
    pub cancelled: bool,
    pub elapsed_ms: u32,
    pub finished_at: String,
}

/// Progress of a load, streamed to the UI.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum InventoryEvent {
    Started(LoadStarted),
    RegionLoaded(RegionLoaded),
    RegionFailed(RegionFailed),
    Finished(LoadSummary),
}

/// The rows that changed after a targeted refresh of one region.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct InventoryPatch {
    pub region_id: String,
    /// New or changed rows (including rows whose relations changed).
    pub eips: Vec<EipRow>,
    pub enis: Vec<EniRow>,
    pub instances: Vec<InstanceRow>,
    /// Rows that no longer exist.
    pub removed: Vec<ResourceRef>,
    pub refreshed_at: String,
}

/// The rows the UI shows, to be written to a CSV file the user chooses in a save dialog.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CsvExportRequest {
    /// The table the rows come from (names the suggested file).
    pub table: TableId,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// Where the CSV went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CsvExportResult {
    pub path: String,
    pub rows: u32,
    pub bytes: u32,
}

/// Now as RFC 3339 UTC in whole seconds (`YYYY-MM-DDThh:mm:ssZ`).
pub fn now_rfc3339() -> String {
    alicloud_api::timestamp::now_utc(alicloud_api::timestamp::API)
}

/// Milliseconds, saturated into `u32` (about 49 days).
pub fn millis(d: std::time::Duration) -> u32 {
    u32::try_from(d.as_millis()).unwrap_or(u32::MAX)
}
