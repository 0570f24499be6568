//! The parts of [`ProfileStore`] beyond create/edit/delete: the settings the window's form
//! does not have (where an import came from, a per-profile endpoint), finding an earlier
//! import, and the secret-free summary of a profile.

use super::{ProfileStore, validate};
use crate::profiles::error::ProfileError;
use crate::profiles::model::{
    ModeSettings, Profile, ProfileId, ProfileSummary, RoleSource, RoleSummary,
};

/// Settings of a new profile that only the import and `eipdesk-cli` set.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProfileExtras {
    /// The import candidate key it comes from.
    pub imported_from: Option<String>,
    /// One URL every call of the profile goes to.
    pub endpoint: Option<String>,
}

impl ProfileStore {
    /// The profile an earlier import created from candidate `key` that still has the same
    /// (masked) AccessKey ID, if any.
    pub fn imported_as(&self, key: &str, access_key_id_masked: Option<&str>) -> Option<&Profile> {
        self.profiles.iter().find(|p| {
            p.imported_from.as_deref() == Some(key)
                && p.access_key_id_masked.as_deref() == access_key_id_masked
        })
    }

    /// Sets or clears the endpoint every call of the profile goes to.
    pub fn set_endpoint(
        &mut self,
        id: &ProfileId,
        endpoint: Option<&str>,
    ) -> Result<ProfileSummary, ProfileError> {
        let endpoint = endpoint.map(validate::endpoint).transpose()?;
        let index = self
            .profiles
            .iter()
            .position(|p| &p.id == id)
            .ok_or_else(|| ProfileError::NotFound(id.clone()))?;
        let previous = std::mem::replace(&mut self.profiles[index].endpoint, endpoint);
        if let Err(e) = self.save() {
            self.profiles[index].endpoint = previous;
            return Err(e);
        }
        self.revision += 1;
        self.summary(id)
    }

    pub(super) fn summarize(&self, p: &Profile) -> ProfileSummary {
        let (sts_expiration, role) = match &p.settings {
            ModeSettings::StsToken { expiration } => (*expiration, None),
            ModeSettings::RamRole(r) => {
                let source_id = match &r.source {
                    RoleSource::Profile { profile_id } => Some(profile_id.clone()),
                    RoleSource::AccessKey => None,
                };
                let source_name = source_id
                    .as_ref()
                    .and_then(|s| self.get(s).ok())
                    .map(|s| s.name.clone());
                (
                    None,
                    Some(RoleSummary {
                        role_arn: r.role_arn.clone(),
                        session_name: r.session_name.clone(),
                        duration_seconds: r.duration_seconds,
                        external_id: r.external_id.clone(),
                        source_profile_id: source_id,
                        source_profile_name: source_name,
                        oidc_provider_arn: None,
                        oidc_token_file: None,
                    }),
                )
            }
            ModeSettings::Oidc(o) => (
                None,
                Some(RoleSummary {
                    role_arn: o.role_arn.clone(),
                    session_name: o.session_name.clone(),
                    duration_seconds: o.duration_seconds,
                    external_id: None,
                    source_profile_id: None,
                    source_profile_name: None,
                    oidc_provider_arn: Some(o.provider_arn.clone()),
                    oidc_token_file: Some(o.token_file.clone()),
                }),
            ),
            ModeSettings::AccessKey
            | ModeSettings::Sandbox
            | ModeSettings::EcsRamRole { .. }
            | ModeSettings::CredentialsUri { .. }
            | ModeSettings::External { .. } => (None, None),
        };
        ProfileSummary {
            id: p.id.clone(),
            name: p.name.clone(),
            mode: p.settings.mode(),
            region: p.region.clone(),
            label: p.label,
            label_color: p.label.color(),
            access_key_id_masked: p.access_key_id_masked.clone(),
            account_id: p.account_id.clone(),
            sts_expiration,
            role,
            active: p.id == self.active,
            builtin: p.id.is_sandbox(),
            last_used: p.last_used,
            use_count: p.use_count,
            imported_from: p.imported_from.clone(),
            endpoint: p.endpoint.clone(),
        }
    }
}
