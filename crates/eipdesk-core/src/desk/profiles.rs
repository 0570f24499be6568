//! `EipDesk` methods behind the profile switcher and the profile manager: list and search,
//! create, edit, delete, switch (persisted; cancels the old profile's work by bumping the
//! session generation), connection tests, import, and the keychain's state.
//!
//! Secrets arrive once, inside [`NewProfile`] / [`ProfileEdit`], go to the keychain, and are
//! never returned: every result is a [`DeskProfile`] (a secret-free summary) or a report.
//! The store is only touched on the blocking pool (keychain calls block on D-Bus).

mod dto;
mod regions;
mod routing;
mod state;
mod terminal;

pub use dto::{ActiveProfile, DeskProfile, Environment, KeychainState, ProfilesOverview};
pub use routing::SandboxRouting;
pub(crate) use state::DeskProfiles;

use super::EipDesk;
use crate::error::CoreError;
use crate::profiles::import::{self, ImportReport, ImportSelection, ImportSources, ScanReport};
use crate::profiles::{ConnectionReport, NewProfile, ProfileEdit, ProfileId, test_connection};
use state::{blocking, fallback_notice, fallback_sandbox_summary, session_for};

/// TypeScript declarations of every profile type the UI uses (domain types first).
pub fn typescript_declarations() -> Vec<String> {
    let mut all = crate::profiles::typescript_declarations();
    all.extend(dto::typescript_declarations());
    all
}

impl EipDesk {
    /// The active profile, the session generation and the start-up notice, if any.
    pub async fn active_profile(&self) -> Result<ActiveProfile, CoreError> {
        let session = self.session();
        let profile = match self.profiles.shared() {
            Ok(shared) => {
                let id = session.profile_id.clone();
                blocking(move || {
                    let summary = shared.store().summary(&id);
                    summary.map(|s| shared.desk_profile(s))
                })
                .await??
            }
            Err(_) => DeskProfile {
                profile: fallback_sandbox_summary(),
                sandbox_endpoint: true,
                session_expires: None,
                session_expired: false,
            },
        };
        let mut profile = profile;
        profile.profile.active = true;
        Ok(ActiveProfile {
            profile,
            environment: session.environment,
            generation: session.generation,
            notice: self.profiles.notice(),
        })
    }

    /// Everything the profile manager shows, including whether the keychain is usable.
    pub async fn profiles_overview(&self) -> Result<ProfilesOverview, CoreError> {
        let secrets = self.profiles.secret_store();
        let keychain = blocking(move || secrets.check()).await?;
        let keychain = KeychainState {
            available: keychain.is_ok(),
            error: keychain
                .err()
                .as_ref()
                .map(|e| crate::error::ErrorDto::describe(e)),
        };
        let active = self.active_profile().await?;
        let (profiles, store_error) = match self.profiles.shared() {
            Ok(_) => (self.search_profiles(String::new()).await?, None),
            Err(e) => (
                vec![active.profile.clone()],
                Some(crate::error::ErrorDto::from(e)),
            ),
        };
        Ok(ProfilesOverview {
            profiles,
            active,
            keychain,
            store_error,
        })
    }

    /// Profiles matching `query` (name, account ID, region, label), best first; all of them,
    /// recent and frequent first, for an empty query.
    pub async fn search_profiles(&self, query: String) -> Result<Vec<DeskProfile>, CoreError> {
        let shared = self.profiles.shared()?;
        let active = self.session().profile_id;
        blocking(move || {
            let found = shared.store().search(&query);
            let profiles = found.into_iter().map(|p| shared.desk_profile(p)).collect();
            dto::mark_active(profiles, &active)
        })
        .await
    }

    /// Creates a profile (its secret goes to the keychain); `sandbox_endpoint` sends its
    /// calls to the built-in emulator instead of Alibaba Cloud.
    pub async fn create_profile(
        &self,
        new: NewProfile,
        sandbox_endpoint: bool,
    ) -> Result<DeskProfile, CoreError> {
        let shared = self.profiles.shared()?;
        blocking(move || -> Result<DeskProfile, CoreError> {
            let summary = shared.store().create(new)?;
            if sandbox_endpoint && let Err(e) = shared.routing().set(&summary.id, true) {
                // Do not leave a profile that would call the real cloud unexpectedly.
                let _ = shared.store().delete(&summary.id);
                return Err(crate::profiles::ProfileError::Write(e).into());
            }
            Ok(shared.desk_profile(summary))
        })
        .await?
    }

    /// Edits a profile (a left-out secret keeps what the keychain has). When it is the active
    /// profile, the session is rebuilt with the new settings (new generation).
    pub async fn update_profile(
        &self,
        id: ProfileId,
        edit: ProfileEdit,
        sandbox_endpoint: Option<bool>,
    ) -> Result<DeskProfile, CoreError> {
        let shared = self.profiles.shared()?;
        let routing_changed = {
            let shared = shared.clone();
            let id = id.clone();
            blocking(move || -> Result<bool, CoreError> {
                shared.store().update(&id, edit)?;
                match sandbox_endpoint {
                    Some(on) => Ok(shared
                        .routing()
                        .set(&id, on)
                        .map_err(crate::profiles::ProfileError::Write)?),
                    None => Ok(false),
                }
            })
            .await??
        };
        if routing_changed {
            self.profiles.clear_providers();
        }
        if self.session().profile_id == id {
            self.reconnect_active().await?;
        }
        let summary =
            blocking(move || shared.store().summary(&id).map(|s| shared.desk_profile(s))).await??;
        Ok(summary)
    }

    /// Deletes a profile and its keychain item; deleting the active profile switches to the
    /// Sandbox.
    pub async fn delete_profile(&self, id: ProfileId) -> Result<(), CoreError> {
        let shared = self.profiles.shared()?;
        let _switching = self.profiles.switching.lock().await;
        {
            let id = id.clone();
            let shared = shared.clone();
            blocking(move || -> Result<(), CoreError> {
                shared.store().delete(&id)?;
                if let Err(e) = shared.routing().set(&id, false) {
                    tracing::warn!(profile = %id, error = %e, "could not update the sandbox-endpoint file");
                }
                Ok(())
            })
            .await??;
        }
        if self.session().profile_id == id {
            let (summary, client) =
                blocking(move || shared.connect(&ProfileId::sandbox(), false)).await??;
            self.install_session(&summary, client);
        }
        Ok(())
    }

    /// Makes `id` the active profile (persisted across restarts). The old profile's work in
    /// flight is cancelled and the session generation bumped, so the window reloads.
    pub async fn switch_profile(&self, id: ProfileId) -> Result<ActiveProfile, CoreError> {
        let shared = self.profiles.shared()?;
        let _switching = self.profiles.switching.lock().await;
        let (summary, client) = blocking(move || shared.connect(&id, true)).await??;
        self.install_session(&summary, client);
        self.profiles.set_notice(None);
        tracing::info!(profile = %summary.id, "switched profile");
        drop(_switching);
        self.active_profile().await
    }

    /// Tests a profile's credentials (STS GetCallerIdentity; for a RAM role, after its
    /// AssumeRole) and remembers the account ID it reports.
    pub async fn test_profile_connection(
        &self,
        id: ProfileId,
    ) -> Result<ConnectionReport, CoreError> {
        let shared = self.profiles.shared()?;
        let (_, client) = {
            let shared = shared.clone();
            let id = id.clone();
            blocking(move || shared.connect(&id, false)).await??
        };
        let report = test_connection(&client).await?;
        let account = report.account_id.clone();
        blocking(move || shared.store().record_account(&id, &account)).await??;
        Ok(report)
    }

    /// What could be imported from `~/.aliyun/config.json`, `~/.alibabacloud/credentials` and
    /// `ALIBABA_CLOUD_*` variables (no secret in the result).
    pub async fn scan_profile_imports(&self) -> Result<ScanReport, CoreError> {
        let sources = ImportSources::from_process();
        let shared = self.profiles.shared()?;
        blocking(move || import::scan_with(&sources, &shared.store())).await
    }

    /// Imports the selected candidates, each on its own (the report lists what was imported,
    /// skipped as imported before, or refused and why); secrets go to the keychain.
    pub async fn import_profiles(
        &self,
        selections: Vec<ImportSelection>,
    ) -> Result<ImportReport, CoreError> {
        let shared = self.profiles.shared()?;
        let sources = ImportSources::from_process();
        blocking(move || {
            let mut store = shared.store();
            import::import(&sources, &selections, &mut store)
        })
        .await
    }

    /// Rebuilds the active profile's client after its settings changed; if that fails, the
    /// session falls back to the Sandbox with a notice.
    async fn reconnect_active(&self) -> Result<(), CoreError> {
        let shared = self.profiles.shared()?;
        let _switching = self.profiles.switching.lock().await;
        let session = self.session();
        let id = session.profile_id.clone();
        let attempt = {
            let shared = shared.clone();
            blocking(move || shared.connect(&id, false)).await?
        };
        let (summary, client) = match attempt {
            Ok(ok) => ok,
            Err(e) => {
                self.profiles
                    .set_notice(Some(fallback_notice(&session.profile_name, &e)));
                blocking(move || shared.connect(&ProfileId::sandbox(), false)).await??
            }
        };
        self.install_session(&summary, client);
        Ok(())
    }

    fn install_session(
        &self,
        summary: &crate::profiles::ProfileSummary,
        client: alicloud_api::Client,
    ) {
        let s = session_for(summary, client);
        self.switch_session(s.profile_id, s.profile_name, s.environment, s.client);
    }
}
