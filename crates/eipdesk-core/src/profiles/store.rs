//! [`ProfileStore`]: the profile list with its keychain items, the active profile and usage
//! statistics; every change is saved to `profiles.toml` atomically.
//!
//! Ordering of effects keeps secrets from being orphaned: a keychain item is written before
//! the metadata that refers to it (and removed again if saving the metadata fails), and
//! deleted before the metadata that refers to it. All methods may block on the keychain.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use time::OffsetDateTime;

use super::edit::SecretChange;
use super::error::ProfileError;
use super::file;
use super::inputs::{NewProfile, ProfileEdit};
use super::keychain::SecretStore;
use super::model::{
    EnvLabel, ModeSettings, Profile, ProfileId, ProfileSummary, RoleSource, mask_key_id,
};
use super::secret::ProfileSecrets;
use super::{search, validate};

#[path = "store_meta.rs"]
mod meta;
pub use meta::ProfileExtras;

/// Default region of the built-in Sandbox profile.
pub const SANDBOX_REGION: &str = "cn-hangzhou";
/// Display name of the built-in Sandbox profile.
pub const SANDBOX_NAME: &str = "Sandbox";
/// Longest allowed RAM role source chain.
pub const MAX_SOURCE_CHAIN: usize = 5;

type Clock = Box<dyn Fn() -> OffsetDateTime + Send + Sync>;

/// Profiles, their secrets and the active profile.
pub struct ProfileStore {
    path: PathBuf,
    secrets: Arc<dyn SecretStore>,
    profiles: Vec<Profile>,
    active: ProfileId,
    clock: Clock,
    revision: u64,
    /// Region IDs loaded from the cloud, accepted besides the built-in list.
    loaded_regions: Vec<String>,
}

impl std::fmt::Debug for ProfileStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ProfileStore")
            .field("path", &self.path)
            .field("secrets", &self.secrets)
            .field("profiles", &self.profiles.len())
            .field("active", &self.active)
            .finish()
    }
}

fn sandbox_profile(now: OffsetDateTime) -> Profile {
    Profile {
        id: ProfileId::sandbox(),
        name: SANDBOX_NAME.to_string(),
        region: SANDBOX_REGION.to_string(),
        label: EnvLabel::Test,
        settings: ModeSettings::Sandbox,
        access_key_id_masked: None,
        account_id: None,
        created: now,
        last_used: None,
        use_count: 0,
        imported_from: None,
        endpoint: None,
    }
}

impl ProfileStore {
    /// Opens (or starts) the profile list in `data_dir`. Does not touch the keychain, so it
    /// works without one; the Sandbox profile is always present.
    pub fn open(data_dir: &Path, secrets: Arc<dyn SecretStore>) -> Result<Self, ProfileError> {
        let path = crate::paths::profiles_file(data_dir);
        let loaded = file::load(&path)?;
        let mut profiles = loaded.profiles;
        let now = OffsetDateTime::now_utc();
        let had_sandbox = profiles.iter().any(|p| p.id.is_sandbox());
        if !had_sandbox {
            profiles.insert(0, sandbox_profile(now));
        }
        let active = loaded
            .active
            .filter(|a| profiles.iter().any(|p| &p.id == a))
            .unwrap_or_else(ProfileId::sandbox);
        let store = Self {
            path,
            secrets,
            profiles,
            active,
            clock: Box::new(OffsetDateTime::now_utc),
            revision: 0,
            loaded_regions: Vec::new(),
        };
        if !had_sandbox {
            store.save()?;
        }
        Ok(store)
    }

    /// Replaces the clock (tests use a fixed or stepping clock).
    pub fn with_clock(
        mut self,
        clock: impl Fn() -> OffsetDateTime + Send + Sync + 'static,
    ) -> Self {
        self.clock = Box::new(clock);
        self
    }

    /// Adds the region IDs the app loaded from the cloud to those a default region may be.
    pub fn set_loaded_regions(&mut self, regions: Vec<String>) {
        self.loaded_regions = regions;
    }

    /// The region IDs last loaded from the cloud (see [`Self::set_loaded_regions`]).
    pub fn loaded_regions(&self) -> &[String] {
        &self.loaded_regions
    }

    /// Path of `profiles.toml`.
    pub fn file_path(&self) -> &Path {
        &self.path
    }

    /// The secret store in use.
    pub fn secret_store(&self) -> &Arc<dyn SecretStore> {
        &self.secrets
    }

    /// All profiles, recent and frequent first.
    pub fn list(&self) -> Vec<ProfileSummary> {
        self.search("")
    }

    /// Profiles matching `query` (name, account ID, region, label), best first.
    pub fn search(&self, query: &str) -> Vec<ProfileSummary> {
        let all: Vec<ProfileSummary> = self.profiles.iter().map(|p| self.summarize(p)).collect();
        search::rank(&all, query, (self.clock)())
    }

    /// One profile's metadata.
    pub fn get(&self, id: &ProfileId) -> Result<&Profile, ProfileError> {
        self.profiles
            .iter()
            .find(|p| &p.id == id)
            .ok_or_else(|| ProfileError::NotFound(id.clone()))
    }

    /// One profile's summary.
    pub fn summary(&self, id: &ProfileId) -> Result<ProfileSummary, ProfileError> {
        self.get(id).map(|p| self.summarize(p))
    }

    /// Increases whenever a profile is created, edited, renamed or deleted (not on switching),
    /// so caches of credentials providers know when to rebuild.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// True when no profile has this name (compared case-insensitively, trimmed).
    pub fn name_available(&self, name: &str) -> bool {
        self.ensure_name_free(name.trim(), None).is_ok()
    }

    /// The active profile's id.
    pub fn active_id(&self) -> &ProfileId {
        &self.active
    }

    /// The active profile's summary.
    pub fn active(&self) -> ProfileSummary {
        match self.get(&self.active) {
            Ok(p) => self.summarize(p),
            Err(_) => self.summarize(&sandbox_profile((self.clock)())),
        }
    }

    /// Creates a profile: the secret goes to the keychain, the rest to `profiles.toml`.
    pub fn create(&mut self, new: NewProfile) -> Result<ProfileSummary, ProfileError> {
        self.create_with(new, ProfileExtras::default())
    }

    /// [`create`](Self::create) with the settings the window's form does not have.
    pub fn create_with(
        &mut self,
        new: NewProfile,
        extras: ProfileExtras,
    ) -> Result<ProfileSummary, ProfileError> {
        let name = validate::name(&new.name)?;
        self.ensure_name_free(&name, None)?;
        let region = validate::region_in(&new.region, &self.loaded_regions)?;
        let (settings, secrets) = new.credentials.validate()?;
        let endpoint = extras
            .endpoint
            .as_deref()
            .map(validate::endpoint)
            .transpose()?;
        let id = ProfileId::generate();
        self.check_source(&id, &settings)?;
        let profile = Profile {
            access_key_id_masked: secrets.as_ref().map(|s| mask_key_id(&s.access_key_id)),
            id: id.clone(),
            name,
            region,
            label: new.label,
            settings,
            account_id: None,
            created: (self.clock)(),
            last_used: None,
            use_count: 0,
            imported_from: extras.imported_from,
            endpoint,
        };
        if let Some(secrets) = &secrets {
            let label = super::keychain::item_label(&profile.name, id.as_str());
            (self.secrets).set_labelled(id.as_str(), &label, &secrets.to_keychain_json())?;
        }
        self.profiles.push(profile);
        if let Err(e) = self.save() {
            self.profiles.retain(|p| p.id != id);
            if secrets.is_some() {
                let _ = self.secrets.delete(id.as_str());
            }
            return Err(e);
        }
        self.revision += 1;
        tracing::info!(profile = %id, "profile created");
        self.summary(&id)
    }

    /// Applies an edit. Secret fields left out keep what the keychain has.
    pub fn update(
        &mut self,
        id: &ProfileId,
        edit: ProfileEdit,
    ) -> Result<ProfileSummary, ProfileError> {
        let current = self.get(id)?.clone();
        let mut next = current.clone();
        if let Some(name) = edit.name {
            let name = validate::name(&name)?;
            if name != current.name {
                if id.is_sandbox() {
                    return Err(ProfileError::Builtin("renamed"));
                }
                self.ensure_name_free(&name, Some(id))?;
                next.name = name;
            }
        }
        if let Some(region) = edit.region {
            next.region = validate::region_in(&region, &self.loaded_regions)?;
        }
        if let Some(label) = edit.label {
            next.label = label;
        }
        let mut change = SecretChange::Keep;
        if let Some(creds) = edit.credentials {
            if id.is_sandbox() {
                return Err(ProfileError::Builtin("given credentials"));
            }
            let (settings, secret_change) =
                creds.merge(&current.settings, || self.read_secrets(&current))?;
            self.check_source(id, &settings)?;
            next.settings = settings;
            change = secret_change;
        }
        match &change {
            SecretChange::Keep => {}
            SecretChange::Replace(s) => {
                next.access_key_id_masked = Some(mask_key_id(&s.access_key_id))
            }
            SecretChange::Remove => next.access_key_id_masked = None,
        }
        if !next.settings.has_keychain_item() {
            next.access_key_id_masked = None;
        }
        if next.access_key_id_masked != current.access_key_id_masked {
            next.account_id = None;
        }
        // Keep the old secret to restore it if saving the metadata fails.
        let previous = match &change {
            SecretChange::Replace(_) if current.settings.has_keychain_item() => {
                self.secrets.get(id.as_str())?
            }
            _ => None,
        };
        if let SecretChange::Replace(s) = &change {
            let label = super::keychain::item_label(&next.name, id.as_str());
            (self.secrets).set_labelled(id.as_str(), &label, &s.to_keychain_json())?;
        }
        let index = self.index_of(id)?;
        self.profiles[index] = next;
        if let Err(e) = self.save() {
            self.profiles[index] = current;
            if let SecretChange::Replace(_) = change {
                let _ = match &previous {
                    Some(old) => self.secrets.set(id.as_str(), old),
                    None => self.secrets.delete(id.as_str()).map(|_| ()),
                };
            }
            return Err(e);
        }
        if let SecretChange::Remove = change {
            // The metadata no longer refers to the item; a failure here leaves an orphan
            // item that the next delete or re-save of this id overwrites.
            if let Err(e) = self.secrets.delete(id.as_str()) {
                tracing::warn!(profile = %id, code = e.code(), "could not delete the old keychain item");
            }
        }
        self.revision += 1;
        tracing::info!(profile = %id, "profile updated");
        self.summary(id)
    }

    /// Renames a profile; its id and keychain item stay the same.
    pub fn rename(&mut self, id: &ProfileId, name: &str) -> Result<ProfileSummary, ProfileError> {
        self.update(
            id,
            ProfileEdit {
                name: Some(name.to_string()),
                ..ProfileEdit::default()
            },
        )
    }

    /// Deletes a profile and its keychain item.
    pub fn delete(&mut self, id: &ProfileId) -> Result<(), ProfileError> {
        if id.is_sandbox() {
            return Err(ProfileError::Builtin("deleted"));
        }
        let profile = self.get(id)?.clone();
        let used_by: Vec<String> = self
            .profiles
            .iter()
            .filter(|p| matches!(&p.settings, ModeSettings::RamRole(r) if r.source == RoleSource::Profile { profile_id: id.clone() }))
            .map(|p| p.name.clone())
            .collect();
        if !used_by.is_empty() {
            return Err(ProfileError::InUse { used_by });
        }
        if profile.settings.has_keychain_item() {
            self.secrets.delete(id.as_str())?;
        }
        // A cached role session (eipdesk-cli) goes with the profile; it expires anyway.
        let _ = (self.secrets).delete(&super::keychain::session_account(id.as_str()));
        let index = self.index_of(id)?;
        let removed = self.profiles.remove(index);
        let was_active = self.active == *id;
        if was_active {
            self.active = ProfileId::sandbox();
        }
        if let Err(e) = self.save() {
            self.profiles.insert(index, removed);
            if was_active {
                self.active = id.clone();
            }
            return Err(e);
        }
        self.revision += 1;
        tracing::info!(profile = %id, "profile deleted");
        Ok(())
    }

    /// Switches to a profile, recording the use; persisted across restarts.
    pub fn set_active(&mut self, id: &ProfileId) -> Result<ProfileSummary, ProfileError> {
        let index = self.index_of(id)?;
        let before = (self.active.clone(), self.profiles[index].clone());
        let now = (self.clock)();
        let p = &mut self.profiles[index];
        p.last_used = Some(now);
        p.use_count = p.use_count.saturating_add(1);
        self.active = id.clone();
        if let Err(e) = self.save() {
            self.active = before.0;
            self.profiles[index] = before.1;
            return Err(e);
        }
        self.summary(id)
    }

    /// Remembers the account ID a connection test returned.
    pub fn record_account(&mut self, id: &ProfileId, account_id: &str) -> Result<(), ProfileError> {
        let index = self.index_of(id)?;
        if self.profiles[index].account_id.as_deref() == Some(account_id) {
            return Ok(());
        }
        let old = self.profiles[index]
            .account_id
            .replace(account_id.to_string());
        if let Err(e) = self.save() {
            self.profiles[index].account_id = old;
            return Err(e);
        }
        Ok(())
    }

    /// The secrets of a profile that keeps a keychain item (`None` for the Sandbox and for
    /// RAM roles whose source is another profile).
    pub fn secrets(&self, id: &ProfileId) -> Result<Option<ProfileSecrets>, ProfileError> {
        let profile = self.get(id)?;
        if !profile.settings.has_keychain_item() {
            return Ok(None);
        }
        self.read_secrets(profile)?
            .map(Some)
            .ok_or_else(|| ProfileError::SecretMissing {
                name: profile.name.clone(),
            })
    }

    /// Whether the keychain is usable right now (for a status line in the UI).
    pub fn keychain_status(&self) -> Result<(), ProfileError> {
        self.secrets.check().map_err(Into::into)
    }

    fn read_secrets(&self, profile: &Profile) -> Result<Option<ProfileSecrets>, ProfileError> {
        match self.secrets.get(profile.id.as_str())? {
            None => Ok(None),
            Some(text) => ProfileSecrets::from_keychain_json(text.expose())
                .map(Some)
                .map_err(|e| ProfileError::SecretCorrupt {
                    name: profile.name.clone(),
                    reason: e.to_string(),
                }),
        }
    }

    fn index_of(&self, id: &ProfileId) -> Result<usize, ProfileError> {
        self.profiles
            .iter()
            .position(|p| &p.id == id)
            .ok_or_else(|| ProfileError::NotFound(id.clone()))
    }

    fn ensure_name_free(&self, name: &str, except: Option<&ProfileId>) -> Result<(), ProfileError> {
        let lower = name.to_lowercase();
        if self
            .profiles
            .iter()
            .any(|p| Some(&p.id) != except && p.name.to_lowercase() == lower)
        {
            return Err(ProfileError::NameTaken(name.to_string()));
        }
        Ok(())
    }

    /// A RAM role's source must exist, not be the Sandbox, and not lead back to `id`.
    fn check_source(&self, id: &ProfileId, settings: &ModeSettings) -> Result<(), ProfileError> {
        let ModeSettings::RamRole(role) = settings else {
            return Ok(());
        };
        let mut next = match &role.source {
            RoleSource::AccessKey => return Ok(()),
            RoleSource::Profile { profile_id } => profile_id.clone(),
        };
        for _ in 0..MAX_SOURCE_CHAIN {
            if &next == id {
                return Err(ProfileError::SourceChain {
                    max: MAX_SOURCE_CHAIN,
                });
            }
            let source = self
                .get(&next)
                .map_err(|_| validate::field("source", validate::FieldReason::SourceMissing))?;
            match &source.settings {
                ModeSettings::Sandbox => {
                    return Err(
                        validate::field("source", validate::FieldReason::SandboxNotSource).into(),
                    );
                }
                ModeSettings::RamRole(r) => match &r.source {
                    RoleSource::Profile { profile_id } => next = profile_id.clone(),
                    RoleSource::AccessKey => return Ok(()),
                },
                ModeSettings::AccessKey
                | ModeSettings::StsToken { .. }
                | ModeSettings::EcsRamRole { .. }
                | ModeSettings::CredentialsUri { .. }
                | ModeSettings::External { .. }
                | ModeSettings::Oidc(_) => return Ok(()),
            }
        }
        Err(ProfileError::SourceChain {
            max: MAX_SOURCE_CHAIN,
        })
    }

    fn save(&self) -> Result<(), ProfileError> {
        file::save(&self.path, &self.profiles, &self.active)
    }
}
