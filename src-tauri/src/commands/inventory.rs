//! Commands for the app header and the resource tables: regions, inventory loads (progress
//! streamed over a channel), targeted refreshes and row actions
//! (exports are in `exports`).

use super::Desk;
use eipdesk_core::api::{
    AppInfo, ErrorDto, InventoryEvent, InventoryPatch, LoadRequest, LoadSummary, RegionInfo,
    RegionLanguage, ResourceRef, RowAction,
};
use std::sync::atomic::AtomicBool;
use tauri::ipc::Channel;

#[tauri::command]
pub fn app_info(desk: Desk<'_>) -> AppInfo {
    desk.app_info()
}

/// The regions the account has, named in `language` (the window's locale).
#[tauri::command]
pub async fn list_regions(
    desk: Desk<'_>,
    language: RegionLanguage,
) -> Result<Vec<RegionInfo>, ErrorDto> {
    Ok(desk.list_regions(language).await?)
}

/// Loads a scope; progress and rows arrive on `on_event`, the summary is the result.
#[tauri::command]
pub async fn load_inventory(
    desk: Desk<'_>,
    request: LoadRequest,
    on_event: Channel<InventoryEvent>,
) -> Result<LoadSummary, ErrorDto> {
    let sink = move |event: InventoryEvent| {
        if let Err(e) = on_event.send(event) {
            tracing::debug!(error = %e, "inventory event not delivered");
        }
    };
    crate::timeline::mark_once(&FIRST_LOAD, "first inventory load called");
    let summary = desk.load_inventory(&request, &sink).await?;
    crate::timeline::mark_once(&FIRST_LOAD_DONE, "first inventory load answered");
    Ok(summary)
}

/// Whether the first load's start and end were logged on the start-up timeline.
static FIRST_LOAD: AtomicBool = AtomicBool::new(false);
static FIRST_LOAD_DONE: AtomicBool = AtomicBool::new(false);

#[tauri::command]
pub async fn refresh_resources(
    desk: Desk<'_>,
    refs: Vec<ResourceRef>,
) -> Result<Vec<InventoryPatch>, ErrorDto> {
    Ok(desk.refresh_resources(&refs).await?)
}

/// The actions a row's details panel offers, each with why it cannot run now.
#[tauri::command]
pub fn row_actions(desk: Desk<'_>, row: ResourceRef) -> Result<Vec<RowAction>, ErrorDto> {
    Ok(desk.row_actions(&row)?)
}

include!(concat!(env!("OUT_DIR"), "/ipc_checks_inventory.rs"));
