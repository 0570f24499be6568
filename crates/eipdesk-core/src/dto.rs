//! Data shapes shared with the UI. TypeScript declarations for them are generated into
//! `ui/src/lib/backend/bindings.ts`; a test fails when that file drifts from these types
//! (regenerate with `UPDATE_BINDINGS=1 cargo test -p eipdesk-core --test bindings`).

use serde::Serialize;
use ts_rs::TS;

/// What the header shows about the running app.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AppInfo {
    pub version: String,
    pub profile_name: String,
    /// `production`, `staging`, `test` or `sandbox`.
    pub environment: String,
    pub default_region: String,
}

/// One region for the region selector.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RegionInfo {
    pub id: String,
    pub name: String,
    /// Whether cut-through (BINDED) mode is available there.
    pub cut_through: bool,
}

/// One row of the Elastic IP table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EipRow {
    pub allocation_id: String,
    pub ip_address: String,
    /// `Available`, `Associating`, `InUse`, `Unassociating` or `Releasing`.
    pub status: String,
    pub instance_id: Option<String>,
    /// `EcsInstance`, `NetworkInterface`, … when bound.
    pub instance_type: Option<String>,
    /// `NAT`, `BINDED` or `MULTI_BINDED` when bound.
    pub mode: Option<String>,
    pub private_ip_address: Option<String>,
    pub region_id: String,
    pub charge_type: String,
    pub bandwidth: String,
    pub name: String,
}

/// Every type the UI imports, as TypeScript declarations, in a stable order.
pub fn typescript_declarations() -> Vec<String> {
    use crate::error::{ErrorDto, ErrorKind};
    vec![
        ErrorKind::decl(),
        ErrorDto::decl(),
        AppInfo::decl(),
        RegionInfo::decl(),
        EipRow::decl(),
    ]
}
