//! Commands for the profile switcher and the profile manager. Secrets arrive once, inside
//! `NewProfile` / `ProfileEdit`, and are never sent back: results are secret-free summaries
//! and reports. Profile ids are validated when the arguments are parsed.

use super::Desk;
use eipdesk_core::api::{
    ActiveProfile, ConnectionReport, DeskProfile, ErrorDto, ImportReport, ImportSelection,
    NewProfile, ProfileEdit, ProfileId, ProfilesOverview, ScanReport,
};

#[tauri::command]
pub async fn active_profile(desk: Desk<'_>) -> Result<ActiveProfile, ErrorDto> {
    Ok(desk.active_profile().await?)
}

#[tauri::command]
pub async fn profiles_overview(desk: Desk<'_>) -> Result<ProfilesOverview, ErrorDto> {
    Ok(desk.profiles_overview().await?)
}

#[tauri::command]
pub async fn search_profiles(desk: Desk<'_>, query: String) -> Result<Vec<DeskProfile>, ErrorDto> {
    Ok(desk.search_profiles(query).await?)
}

#[tauri::command]
pub async fn create_profile(
    desk: Desk<'_>,
    profile: NewProfile,
    sandbox_endpoint: bool,
) -> Result<DeskProfile, ErrorDto> {
    Ok(desk.create_profile(profile, sandbox_endpoint).await?)
}

#[tauri::command]
pub async fn update_profile(
    desk: Desk<'_>,
    id: ProfileId,
    edit: ProfileEdit,
    sandbox_endpoint: Option<bool>,
) -> Result<DeskProfile, ErrorDto> {
    Ok(desk.update_profile(id, edit, sandbox_endpoint).await?)
}

#[tauri::command]
pub async fn delete_profile(desk: Desk<'_>, id: ProfileId) -> Result<(), ErrorDto> {
    Ok(desk.delete_profile(id).await?)
}

#[tauri::command]
pub async fn switch_profile(desk: Desk<'_>, id: ProfileId) -> Result<ActiveProfile, ErrorDto> {
    Ok(desk.switch_profile(id).await?)
}

#[tauri::command]
pub async fn test_profile_connection(
    desk: Desk<'_>,
    id: ProfileId,
) -> Result<ConnectionReport, ErrorDto> {
    Ok(desk.test_profile_connection(id).await?)
}

#[tauri::command]
pub async fn scan_profile_imports(desk: Desk<'_>) -> Result<ScanReport, ErrorDto> {
    Ok(desk.scan_profile_imports().await?)
}

#[tauri::command]
pub async fn import_profiles(
    desk: Desk<'_>,
    selections: Vec<ImportSelection>,
) -> Result<ImportReport, ErrorDto> {
    Ok(desk.import_profiles(selections).await?)
}

include!(concat!(env!("OUT_DIR"), "/ipc_checks_profiles.rs"));
