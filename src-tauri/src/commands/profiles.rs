//! Commands for the profile switcher and the profile manager. Secrets arrive once, inside
//! `NewProfile` / `ProfileEdit`, and are never sent back: results are secret-free summaries
//! and reports. Profile ids are validated when the arguments are parsed.

use super::Desk;
use eipdesk_core::api::{
    ActiveProfile, BackupList, ConnectionReport, DeskProfile, ErrorDto, ImportReport,
    ImportSelection, MovePreview, MoveReport, NewProfile, ProfileEdit, ProfileId, ProfilesOverview,
    RestoreReport, ScanReport, SetupPreview, SetupReport,
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

/// What "Set up the aliyun CLI" would add to `config.json` for a profile (nothing written).
#[tauri::command]
pub async fn aliyun_setup_preview(desk: Desk<'_>, id: ProfileId) -> Result<SetupPreview, ErrorDto> {
    Ok(desk.aliyun_setup_preview(id).await?)
}

/// Writes what the preview with `fingerprint` showed (refused if the file changed since).
#[tauri::command]
pub async fn aliyun_setup_apply(
    desk: Desk<'_>,
    id: ProfileId,
    fingerprint: String,
) -> Result<SetupReport, ErrorDto> {
    Ok(desk.aliyun_setup_apply(id, fingerprint).await?)
}

/// The aliyun CLI profiles holding an AccessKey secret and what moving each would do.
#[tauri::command]
pub async fn aliyun_move_preview(desk: Desk<'_>) -> Result<MovePreview, ErrorDto> {
    Ok(desk.aliyun_move_preview().await?)
}

/// Moves the selected aliyun CLI profiles' keys into the keychain.
#[tauri::command]
pub async fn aliyun_move_apply(
    desk: Desk<'_>,
    fingerprint: String,
    cli_profiles: Vec<String>,
) -> Result<MoveReport, ErrorDto> {
    Ok(desk.aliyun_move_apply(fingerprint, cli_profiles).await?)
}

/// The backups beside the aliyun CLI configuration.
#[tauri::command]
pub async fn aliyun_config_backups(desk: Desk<'_>) -> Result<BackupList, ErrorDto> {
    Ok(desk.aliyun_config_backups().await?)
}

/// Puts a backup of the aliyun CLI configuration back.
#[tauri::command]
pub async fn aliyun_config_restore(
    desk: Desk<'_>,
    name: String,
    fingerprint: String,
) -> Result<RestoreReport, ErrorDto> {
    Ok(desk.aliyun_config_restore(name, fingerprint).await?)
}

include!(concat!(env!("OUT_DIR"), "/ipc_checks_profiles.rs"));
