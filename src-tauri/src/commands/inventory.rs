//! Commands for the app header and the resource tables.

use super::Desk;
use eipdesk_core::ErrorDto;
use eipdesk_core::dto::{AppInfo, EipRow, RegionInfo};

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
