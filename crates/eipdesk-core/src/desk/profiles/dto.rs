//! What the profile commands return to the UI: a profile with its app-side settings, the
//! active profile with the session generation, the manager page's overview and the keychain
//! state. No type here holds secret material.

use serde::Serialize;
use ts_rs::TS;

use crate::error::ErrorDto;
use crate::profiles::{EnvLabel, ProfileId, ProfileSummary};

/// One profile as the UI sees it: the domain summary plus app-side settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DeskProfile {
    #[serde(flatten)]
    pub profile: ProfileSummary,
    /// Calls of this profile go to the built-in Sandbox emulator instead of Alibaba Cloud
    /// (an advanced option for trying real-looking profiles; always true for the Sandbox).
    pub sandbox_endpoint: bool,
    /// When the current role session (the temporary credentials of its last AssumeRole)
    /// expires, once the profile has been used in this run of the app (RFC 3339).
    #[serde(with = "time::serde::rfc3339::option")]
    #[ts(type = "string | null")]
    pub session_expires: Option<time::OffsetDateTime>,
    /// That session has expired (a new one is requested at the next call).
    pub session_expired: bool,
}

/// Where a session acts: the profile's label, or the built-in Sandbox. Production is shown
/// in red everywhere and asks for typed confirmation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Environment {
    Production,
    Staging,
    Test,
    None,
    Sandbox,
}

/// The profile the window works with, and the session generation (bumped on every switch
/// and whenever the active profile's credentials change, so pages reload).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ActiveProfile {
    pub profile: DeskProfile,
    pub environment: Environment,
    pub generation: u64,
    /// Set when the app fell back to the Sandbox because the profile it should have used
    /// could not be opened (keychain locked, item missing, …): what happened and what to do.
    pub notice: Option<ErrorDto>,
}

/// Whether the OS keychain can be used right now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct KeychainState {
    pub available: bool,
    /// Why not (code `keychain.locked`, `keychain.no_provider`, …) and what to do.
    pub error: Option<ErrorDto>,
}

/// Everything the profile manager page shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProfilesOverview {
    /// Recent and frequent first.
    pub profiles: Vec<DeskProfile>,
    pub active: ActiveProfile,
    pub keychain: KeychainState,
    /// Set when `profiles.toml` could not be read: only the Sandbox is available.
    pub store_error: Option<ErrorDto>,
}

/// The word the header shows for a profile's environment.
pub fn environment_of(profile: &ProfileSummary) -> Environment {
    if profile.builtin {
        return Environment::Sandbox;
    }
    match profile.label {
        EnvLabel::Production => Environment::Production,
        EnvLabel::Staging => Environment::Staging,
        EnvLabel::Test => Environment::Test,
        EnvLabel::None => Environment::None,
    }
}

/// Marks `active_id` as the active profile (the session, not the file, is the truth: the
/// app may have fallen back to the Sandbox).
pub fn mark_active(mut profiles: Vec<DeskProfile>, active_id: &ProfileId) -> Vec<DeskProfile> {
    for p in &mut profiles {
        p.profile.active = &p.profile.id == active_id;
    }
    profiles
}

/// TypeScript declarations of the types above (the domain's profile types come first, from
/// `profiles::typescript_declarations`).
pub fn typescript_declarations() -> Vec<String> {
    vec![
        DeskProfile::decl(),
        Environment::decl(),
        ActiveProfile::decl(),
        KeychainState::decl(),
        ProfilesOverview::decl(),
    ]
}
