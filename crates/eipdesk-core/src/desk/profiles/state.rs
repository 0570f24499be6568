//! [`DeskProfiles`]: what the app service holds for profiles (the store, the shared
//! credentials providers, the Sandbox-endpoint option, the start-up notice) and the blocking
//! work done with them. Keychain calls can block on D-Bus (or an unlock prompt), so every
//! access to the store runs on tokio's blocking pool, never on the async executor or the UI
//! thread.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use alicloud_api::{Client, Secret};

use super::dto::{DeskProfile, environment_of};
use super::routing::SandboxRouting;
use crate::desk::ActiveSession;
use crate::error::{CoreError, ErrorDto, ErrorText, ErrorWords};
use crate::profiles::{
    AuthMode, ConnectError, ConnectOptions, EnvLabel, ProfileId, ProfileStore, ProfileSummary,
    ProviderCache, SANDBOX_NAME, SANDBOX_REGION, SandboxAccess, SecretStore, client_with,
};
use crate::sandbox::Sandbox;
use crate::text::Message;

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// Runs `f` on the blocking pool.
pub(crate) async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> T + Send + 'static,
) -> Result<T, CoreError> {
    match tokio::task::spawn_blocking(f).await {
        Ok(v) => Ok(v),
        Err(e) if e.is_panic() => std::panic::resume_unwind(e.into_panic()),
        Err(e) => Err(CoreError::Background(e.to_string())),
    }
}

/// The profile store and what goes with it; cheap to clone into blocking tasks.
#[derive(Clone)]
pub(crate) struct Shared {
    pub store: Arc<Mutex<ProfileStore>>,
    pub routing: Arc<Mutex<SandboxRouting>>,
    pub cache: Arc<ProviderCache>,
    pub sandbox: SandboxAccess,
}

impl Shared {
    pub fn store(&self) -> MutexGuard<'_, ProfileStore> {
        lock(&self.store)
    }

    pub fn routing(&self) -> MutexGuard<'_, SandboxRouting> {
        lock(&self.routing)
    }

    /// Where `id`'s calls go.
    pub fn options(&self, id: &ProfileId) -> ConnectOptions {
        let routed = !id.is_sandbox() && self.routing().routed(id);
        ConnectOptions {
            endpoint_override: routed.then(|| self.sandbox.endpoint.clone()),
            sandbox: Some(self.sandbox.clone()),
            signature_version: None,
        }
    }

    /// A profile summary with its app-side settings.
    pub fn desk_profile(&self, profile: ProfileSummary) -> DeskProfile {
        let sandbox_endpoint = self.routing().routed(&profile.id);
        let session_expires = self.cache.session_expiry(&profile.id);
        DeskProfile {
            profile,
            sandbox_endpoint,
            session_expired: session_expires.is_some_and(|t| t <= time::OffsetDateTime::now_utc()),
            session_expires,
        }
    }

    /// A client for `id` with its shared provider (reads the keychain: blocking). With
    /// `activate`, also records the switch in `profiles.toml` (only once the client exists).
    pub fn connect(
        &self,
        id: &ProfileId,
        activate: bool,
    ) -> Result<(ProfileSummary, Client), ConnectError> {
        let opts = self.options(id);
        let mut store = self.store();
        let provider = self.cache.get_or_build(&store, id, &opts)?;
        let client = client_with(&store, id, provider, &opts)?;
        let summary = if activate {
            store.set_active(id)?
        } else {
            store.summary(id)?
        };
        Ok((summary, client))
    }
}

/// A session for a connected profile.
pub(crate) fn session_for(summary: &ProfileSummary, client: Client) -> ActiveSession {
    ActiveSession {
        profile_id: summary.id.clone(),
        profile_name: summary.name.clone(),
        environment: environment_of(summary),
        client,
        generation: 0,
    }
}

/// The Sandbox's summary when `profiles.toml` cannot be read.
pub(crate) fn fallback_sandbox_summary() -> ProfileSummary {
    ProfileSummary {
        id: ProfileId::sandbox(),
        name: SANDBOX_NAME.to_string(),
        mode: AuthMode::Sandbox,
        region: SANDBOX_REGION.to_string(),
        label: EnvLabel::Test,
        label_color: EnvLabel::Test.color(),
        access_key_id_masked: None,
        account_id: None,
        sts_expiration: None,
        role: None,
        active: true,
        builtin: true,
        last_used: None,
        use_count: 0,
        imported_from: None,
        endpoint: None,
    }
}

/// Profiles as the app service holds them.
pub struct DeskProfiles {
    data_dir: PathBuf,
    secrets: Arc<dyn SecretStore>,
    routing: Arc<Mutex<SandboxRouting>>,
    cache: Arc<ProviderCache>,
    sandbox: SandboxAccess,
    /// `None` while `profiles.toml` cannot be read (retried on every use).
    shared: Mutex<Option<Shared>>,
    /// Serialises switches so the session and the persisted active profile agree.
    pub(crate) switching: tokio::sync::Mutex<()>,
    notice: Mutex<Option<ErrorDto>>,
}

impl std::fmt::Debug for DeskProfiles {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DeskProfiles")
            .field("data_dir", &self.data_dir)
            .field("secrets", &self.secrets)
            .finish_non_exhaustive()
    }
}

impl DeskProfiles {
    /// Opens the profiles and restores the persisted active profile; when that profile cannot
    /// be opened (keychain locked, item missing, …) the session is the Sandbox and
    /// [`notice`](Self::notice) says why. Never fails because of a profile.
    pub(crate) async fn restore(
        data_dir: &Path,
        secrets: Arc<dyn SecretStore>,
        sandbox: &Sandbox,
    ) -> Result<(Self, ActiveSession), CoreError> {
        let access = SandboxAccess {
            endpoint: sandbox.endpoint(),
            access_key_id: alicloud_emulator::DEMO_ACCESS_KEY_ID.to_string(),
            access_key_secret: Secret::new(alicloud_emulator::DEMO_ACCESS_KEY_SECRET.to_string()),
        };
        let this = Self {
            data_dir: data_dir.to_path_buf(),
            secrets,
            routing: Arc::new(Mutex::new(SandboxRouting::load(data_dir))),
            cache: Arc::new(ProviderCache::default()),
            sandbox: access,
            shared: Mutex::new(None),
            switching: tokio::sync::Mutex::new(()),
            notice: Mutex::new(None),
        };
        let Ok(shared) = this.shared() else {
            let summary = fallback_sandbox_summary();
            return Ok((this, session_for(&summary, sandbox.client()?)));
        };
        let wanted = shared.store().active_id().clone();
        let attempt = {
            let shared = shared.clone();
            let wanted = wanted.clone();
            blocking(move || shared.connect(&wanted, false)).await?
        };
        let (summary, client) = match attempt {
            Ok(ok) => ok,
            Err(e) => {
                let name = shared
                    .store()
                    .get(&wanted)
                    .map(|p| p.name.clone())
                    .unwrap_or_else(|_| wanted.to_string());
                tracing::warn!(profile = %wanted, code = e.code(), "could not restore the active profile; using the Sandbox");
                this.set_notice(Some(fallback_notice(&name, &e)));
                let shared = shared.clone();
                blocking(move || shared.connect(&ProfileId::sandbox(), false))
                    .await?
                    .map_err(|e| CoreError::Sandbox(e.to_string()))?
            }
        };
        tracing::info!(profile = %summary.id, "active profile restored");
        Ok((this, session_for(&summary, client)))
    }

    /// The store and its companions, reopening `profiles.toml` if it could not be read before.
    pub(crate) fn shared(&self) -> Result<Shared, CoreError> {
        let mut guard = lock(&self.shared);
        if let Some(s) = guard.as_ref() {
            return Ok(s.clone());
        }
        let store = ProfileStore::open(&self.data_dir, self.secrets.clone()).inspect_err(|e| {
            tracing::warn!(code = e.code(), error = %e, "profiles.toml cannot be read; only the Sandbox is available");
        })?;
        let shared = Shared {
            store: Arc::new(Mutex::new(store)),
            routing: self.routing.clone(),
            cache: self.cache.clone(),
            sandbox: self.sandbox.clone(),
        };
        *guard = Some(shared.clone());
        Ok(shared)
    }

    /// The keychain, for status checks that must not wait for the store's lock.
    pub(crate) fn secret_store(&self) -> Arc<dyn SecretStore> {
        self.secrets.clone()
    }

    /// The start-up (or last fallback) notice, if any.
    pub(crate) fn notice(&self) -> Option<ErrorDto> {
        lock(&self.notice).clone()
    }

    pub(crate) fn set_notice(&self, notice: Option<ErrorDto>) {
        *lock(&self.notice) = notice;
    }

    /// Forgets cached providers (after a routing change).
    pub(crate) fn clear_providers(&self) {
        self.cache.clear();
    }
}

/// The notice shown when the app used the Sandbox instead of profile `name`.
pub(crate) fn fallback_notice(name: &str, e: &ConnectError) -> ErrorDto {
    let mut dto = ErrorDto::describe(e);
    let name = name.to_string();
    let text = match dto.words.as_ref().and_then(|w| w.message.clone()) {
        Some(cause) => ErrorText::SandboxFallback {
            name,
            cause: Box::new(cause),
        },
        None => ErrorText::SandboxFallbackVerbatim {
            name,
            detail: dto.message.clone(),
        },
    };
    dto.message = text.english();
    let hint = dto.words.as_ref().and_then(|w| w.hint.clone());
    dto.words = Some(Box::new(ErrorWords {
        message: Some(text),
        hint,
    }));
    dto
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profiles::{KeychainError, ProfileError};

    #[test]
    fn the_fallback_notice_nests_the_cause_in_its_words() {
        let e = ConnectError::Profile(ProfileError::Keychain(KeychainError::Locked {
            detail: "login".into(),
        }));
        let dto = fallback_notice("prod", &e);
        assert_eq!(
            dto.message,
            "Using the Sandbox: profile \"prod\" could not be opened: the keyring is locked (login)"
        );
        let words = serde_json::to_value(dto.words).unwrap();
        assert_eq!(
            words["message"],
            serde_json::json!({
                "key": "sandboxFallback",
                "name": "prod",
                "cause": { "key": "keychainLocked", "detail": "login" },
            })
        );
        assert_eq!(
            words["hint"],
            serde_json::json!({ "key": "keychainLocked" })
        );
    }
}
