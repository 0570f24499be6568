//! Commands for the profile switcher and the profile manager. Secrets arrive once, inside
//! `NewProfile` / `ProfileEdit`, and are never sent back: results are secret-free summaries
//! and reports. Profile ids are validated when the arguments are parsed.

use super::Desk;
use eipdesk_core::ErrorDto;
use eipdesk_core::dto::{
    ActiveProfile, ConnectionReport, DeskProfile, ImportReport, ImportSelection, NewProfile,
    ProfileEdit, ProfileId, ProfilesOverview, ScanReport,
};

#[tauri::command]
pub async fn active_profile(desk: Desk<'_>) -> Result<ActiveProfile, ErrorDto> {
    desk.active_profile().await.map_err(|e| e.to_dto())
}

#[tauri::command]
pub async fn profiles_overview(desk: Desk<'_>) -> Result<ProfilesOverview, ErrorDto> {
    desk.profiles_overview().await.map_err(|e| e.to_dto())
}

#[tauri::command]
pub async fn search_profiles(desk: Desk<'_>, query: String) -> Result<Vec<DeskProfile>, ErrorDto> {
    desk.search_profiles(query).await.map_err(|e| e.to_dto())
}

#[tauri::command]
pub async fn create_profile(
    desk: Desk<'_>,
    profile: NewProfile,
    sandbox_endpoint: bool,
) -> Result<DeskProfile, ErrorDto> {
    desk.create_profile(profile, sandbox_endpoint)
        .await
        .map_err(|e| e.to_dto())
}

#[tauri::command]
pub async fn update_profile(
    desk: Desk<'_>,
    id: ProfileId,
    edit: ProfileEdit,
    sandbox_endpoint: Option<bool>,
) -> Result<DeskProfile, ErrorDto> {
    desk.update_profile(id, edit, sandbox_endpoint)
        .await
        .map_err(|e| e.to_dto())
}

#[tauri::command]
pub async fn delete_profile(desk: Desk<'_>, id: ProfileId) -> Result<(), ErrorDto> {
    desk.delete_profile(id).await.map_err(|e| e.to_dto())
}

#[tauri::command]
pub async fn switch_profile(desk: Desk<'_>, id: ProfileId) -> Result<ActiveProfile, ErrorDto> {
    desk.switch_profile(id).await.map_err(|e| e.to_dto())
}

#[tauri::command]
pub async fn test_profile_connection(
    desk: Desk<'_>,
    id: ProfileId,
) -> Result<ConnectionReport, ErrorDto> {
    desk.test_profile_connection(id)
        .await
        .map_err(|e| e.to_dto())
}

#[tauri::command]
pub async fn scan_profile_imports(desk: Desk<'_>) -> Result<ScanReport, ErrorDto> {
    desk.scan_profile_imports().await.map_err(|e| e.to_dto())
}

#[tauri::command]
pub async fn import_profiles(
    desk: Desk<'_>,
    selections: Vec<ImportSelection>,
) -> Result<ImportReport, ErrorDto> {
    desk.import_profiles(selections)
        .await
        .map_err(|e| e.to_dto())
}
