//! Commands for the app header and the resource tables: regions, inventory loads (progress
//! streamed over a channel), targeted refreshes, cached rows and CSV export.

use super::Desk;
use eipdesk_core::ErrorDto;
use eipdesk_core::dto::{
    AppInfo, CsvExportRequest, CsvExportResult, EipRow, InventoryEvent, InventoryPatch,
    LoadRequest, LoadSummary, RegionInfo, RegionRows, ResourceRef,
};
use tauri::ipc::Channel;

#[tauri::command]
pub fn app_info(desk: Desk<'_>) -> AppInfo {
    desk.app_info()
}

#[tauri::command]
pub async fn list_regions(desk: Desk<'_>) -> Result<Vec<RegionInfo>, ErrorDto> {
    desk.list_regions().await.map_err(|e| e.to_dto())
}

#[tauri::command]
pub async fn list_eips(desk: Desk<'_>, region: String) -> Result<Vec<EipRow>, ErrorDto> {
    desk.list_eips(&region).await.map_err(|e| e.to_dto())
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
    desk.load_inventory(&request, &sink)
        .await
        .map_err(|e| e.to_dto())
}

#[tauri::command]
pub fn cancel_inventory(desk: Desk<'_>) {
    desk.cancel_inventory();
}

#[tauri::command]
pub async fn refresh_resources(
    desk: Desk<'_>,
    refs: Vec<ResourceRef>,
) -> Result<Vec<InventoryPatch>, ErrorDto> {
    desk.refresh_resources(&refs).await.map_err(|e| e.to_dto())
}

#[tauri::command]
pub fn inventory_rows(desk: Desk<'_>, scope: String) -> Vec<RegionRows> {
    desk.inventory_rows(&scope)
}

#[tauri::command]
pub fn export_csv(desk: Desk<'_>, request: CsvExportRequest) -> Result<CsvExportResult, ErrorDto> {
    desk.export_csv(&request).map_err(|e| e.to_dto())
}

#[tauri::command]
pub fn default_export_path(desk: Desk<'_>, table: String) -> String {
    desk.default_export_path(&table)
}
