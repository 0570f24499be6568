//! The surface the desktop shell uses: [`EipDesk`] (one method per thing the window can
//! ask), the errors as they cross IPC, the run-event hook, and every data shape shared with
//! the UI. The shell imports from here only (a test in `src-tauri` checks it); the other
//! modules are public for the crate's own integration tests and benches.
//!
//! TypeScript declarations for the shapes are generated into `ui/src/lib/backend/bindings.ts`;
//! a test fails when that file drifts from these types (regenerate with
//! `UPDATE_BINDINGS=1 cargo test -p eipdesk-core --test bindings`).

use serde::Serialize;
use ts_rs::TS;

/// What the header shows about the running app.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AppInfo {
    pub version: String,
    pub profile_name: String,
    pub environment: crate::desk::profiles::Environment,
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

pub use crate::desk::EipDesk;
pub use crate::error::{
    CoreError, DescribeError, ErrorDto, ErrorHint, ErrorKind, ErrorText, ErrorWords,
};
pub use crate::export_file::{ExportError, ExportSuggestion, ExportTarget};
pub use crate::ids::RunId;
pub use crate::paths::{data_dir, instance_key};
pub use crate::private_fs::secure_data_dir;
pub use crate::workflow::quit::{QuitIntent, QuitWhen};
pub use crate::workflow::{RunEvents, RunView};

// Binding forms, plans, runs and the audit log.
pub use crate::audit::export::ExportFormat;
pub use crate::audit::{AuditEntry, AuditFilter};
pub use crate::binding::options::BindOptions;
pub use crate::binding::view::PreflightView;
pub use crate::binding::{BindForm, Confirmations};
pub use crate::desk::lifecycle::LifecycleChoices;
pub use crate::desk::workflow::{AuditExportRequest, AuditExportResult};
pub use crate::lifecycle::LifecycleForm;

// The inventory's rows and IPC shapes live with the inventory; re-exported here so every
// UI type has one address.
pub use crate::inventory::RegionLanguage;
pub use crate::inventory::actions::{RowAction, RowActionId, SheetIntent, SheetPrefill};
pub use crate::inventory::events::{
    CsvExportRequest, CsvExportResult, InventoryEvent, InventoryPatch, LoadRequest, LoadStarted,
    LoadSummary, RegionFailed, RegionLoaded,
};
pub use crate::inventory::rows::{
    BindingTarget, CutThroughEligibility, CutThroughReason, CutThroughReasonCode, CutThroughText,
    CutThroughVerdict, EipBinding, EipRef, EipRow, EniRow, InstanceEni, InstanceRow, RegionRows,
    ResourceKind, ResourceRef,
};
pub use crate::inventory::scope::TableId;

// Profile shapes: the domain's live with the profiles, the app's with the desk.
pub use crate::desk::profiles::{
    ActiveProfile, DeskProfile, Environment, KeychainState, ProfilesOverview,
};
pub use crate::profiles::aliyun_config::{
    BackupList, MovePreview, MoveReport, RestoreReport, SetupPreview, SetupReport,
};
pub use crate::profiles::import::{ImportReport, ImportSelection, ScanReport};
pub use crate::profiles::{ConnectionReport, NewProfile, ProfileEdit, ProfileId};

/// An API vocabulary for TypeScript: its known values, and any other string (the enums keep
/// values Alibaba adds later; `string & {}` keeps editors suggesting the known ones).
fn vocabulary<T: AsRef<str>>(name: &str, known: &[T]) -> String {
    let values: Vec<String> = known
        .iter()
        .map(|v| format!("\"{}\"", v.as_ref()))
        .collect();
    format!("type {name} = {} | (string & {{}});", values.join(" | "))
}

/// Every type the UI imports, as TypeScript declarations, in a stable order.
pub fn typescript_declarations() -> Vec<String> {
    use alicloud_api::states::{EipMode, EipStatus, EipTargetType, EniStatus, InstanceStatus};
    vec![
        vocabulary("EipStatus", EipStatus::KNOWN),
        vocabulary("EipMode", EipMode::KNOWN),
        vocabulary("EipTargetType", EipTargetType::KNOWN),
        vocabulary("EniStatus", EniStatus::KNOWN),
        vocabulary("InstanceStatus", InstanceStatus::KNOWN),
        ErrorKind::decl(),
        ErrorHint::decl(),
        ErrorText::decl(),
        ErrorWords::decl(),
        ErrorDto::decl(),
        AppInfo::decl(),
        RegionInfo::decl(),
        RegionLanguage::decl(),
        // inventory
        ResourceKind::decl(),
        ResourceRef::decl(),
        BindingTarget::decl(),
        EipBinding::decl(),
        EipRow::decl(),
        EipRef::decl(),
        CutThroughVerdict::decl(),
        CutThroughReasonCode::decl(),
        CutThroughText::decl(),
        CutThroughReason::decl(),
        CutThroughEligibility::decl(),
        EniRow::decl(),
        InstanceEni::decl(),
        InstanceRow::decl(),
        RegionRows::decl(),
        LoadRequest::decl(),
        LoadStarted::decl(),
        RegionLoaded::decl(),
        RegionFailed::decl(),
        LoadSummary::decl(),
        InventoryEvent::decl(),
        InventoryPatch::decl(),
        CsvExportRequest::decl(),
        CsvExportResult::decl(),
        // A validated ID crosses IPC as its string.
        "type RunId = string;".to_string(),
        TableId::decl(),
        RowActionId::decl(),
        SheetIntent::decl(),
        SheetPrefill::decl(),
        RowAction::decl(),
    ]
    .into_iter()
    // profiles: the domain's types, then the app's (switcher, manager, keychain state)
    .chain(crate::desk::profiles::typescript_declarations())
    // binding forms, plans, workflow runs, guest-OS instructions, audit log
    .chain(crate::desk::workflow_types::typescript_declarations())
    // lifecycle forms (allocate, release, create, delete, attach, detach, rename, tags)
    .chain(crate::desk::lifecycle::typescript_declarations())
    .collect()
}
