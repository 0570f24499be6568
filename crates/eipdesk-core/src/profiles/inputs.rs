//! What the UI sends to create or edit a profile, and how it becomes validated settings
//! plus secrets. Secrets arrive once, as [`Sensitive`], and are never sent back.
//!
//! In an edit, a `None` secret field means "keep what the keychain has"; the stored value
//! is reused only where that makes sense (the same AccessKey ID, a compatible mode).

use serde::Deserialize;
use time::OffsetDateTime;
use ts_rs::TS;

use super::error::ProfileError;
use super::model::{EnvLabel, ModeSettings, ProfileId, RoleSettings, RoleSource};
use super::secret::{ProfileSecrets, Sensitive};
use super::validate::{self, FieldError, field};

/// A new profile.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NewProfile {
    /// Display name (unique).
    pub name: String,
    /// Default region, e.g. `cn-hangzhou`.
    pub region: String,
    /// Environment label.
    #[serde(default)]
    pub label: EnvLabel,
    /// Mode and credentials.
    pub credentials: NewCredentials,
}

/// Credentials of a new profile, by mode.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(
    tag = "mode",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum NewCredentials {
    /// AccessKey ID + secret.
    AccessKey {
        /// AccessKey ID.
        access_key_id: String,
        /// AccessKey secret.
        #[ts(type = "string")]
        access_key_secret: Sensitive,
    },
    /// STS token.
    StsToken {
        /// STS AccessKey ID (`STS.…`).
        access_key_id: String,
        /// STS AccessKey secret.
        #[ts(type = "string")]
        access_key_secret: Sensitive,
        /// Security token.
        #[ts(type = "string")]
        security_token: Sensitive,
        /// Expiry, if known (RFC 3339).
        #[serde(default, with = "time::serde::rfc3339::option")]
        #[ts(type = "string | null")]
        expiration: Option<OffsetDateTime>,
    },
    /// RAM role.
    RamRole {
        /// Where the credentials that assume the role come from.
        source: NewRoleSource,
        /// Role ARN.
        role_arn: String,
        /// Session name.
        session_name: String,
        /// Duration (default 3600).
        #[serde(default)]
        duration_seconds: Option<u32>,
        /// External ID.
        #[serde(default)]
        external_id: Option<String>,
    },
}

/// Source of a new RAM role profile.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum NewRoleSource {
    /// Another profile.
    Profile {
        /// Its id.
        profile_id: ProfileId,
    },
    /// An AccessKey kept in this profile's keychain item.
    AccessKey {
        /// AccessKey ID.
        access_key_id: String,
        /// AccessKey secret.
        #[ts(type = "string")]
        access_key_secret: Sensitive,
    },
}

/// Changes to a profile; `None` keeps the current value.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct ProfileEdit {
    /// New name.
    pub name: Option<String>,
    /// New default region.
    pub region: Option<String>,
    /// New label.
    pub label: Option<EnvLabel>,
    /// New mode and/or credentials.
    pub credentials: Option<CredentialsEdit>,
}

/// Credential changes; `None` fields keep the stored value when the mode allows it.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(
    tag = "mode",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum CredentialsEdit {
    /// Switch to / edit an AccessKey profile.
    AccessKey {
        /// New AccessKey ID.
        #[serde(default)]
        access_key_id: Option<String>,
        /// New secret (required when the ID changes).
        #[serde(default)]
        #[ts(as = "Option<String>")]
        access_key_secret: Option<Sensitive>,
    },
    /// Switch to / edit an STS token profile.
    StsToken {
        /// New STS AccessKey ID.
        #[serde(default)]
        access_key_id: Option<String>,
        /// New secret.
        #[serde(default)]
        #[ts(as = "Option<String>")]
        access_key_secret: Option<Sensitive>,
        /// New token.
        #[serde(default)]
        #[ts(as = "Option<String>")]
        security_token: Option<Sensitive>,
        /// New expiry; with a new token, `None` means unknown.
        #[serde(default, with = "time::serde::rfc3339::option")]
        #[ts(type = "string | null")]
        expiration: Option<OffsetDateTime>,
    },
    /// Switch to / edit a RAM role profile.
    RamRole {
        /// New source.
        #[serde(default)]
        source: Option<RoleSourceEdit>,
        /// New role ARN.
        #[serde(default)]
        role_arn: Option<String>,
        /// New session name.
        #[serde(default)]
        session_name: Option<String>,
        /// New duration.
        #[serde(default)]
        duration_seconds: Option<u32>,
        /// New external ID (`""` clears it).
        #[serde(default)]
        external_id: Option<String>,
    },
}

/// A new source for a RAM role profile.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum RoleSourceEdit {
    /// Another profile.
    Profile {
        /// Its id.
        profile_id: ProfileId,
    },
    /// An AccessKey in this profile's keychain item.
    AccessKey {
        /// AccessKey ID.
        #[serde(default)]
        access_key_id: Option<String>,
        /// AccessKey secret.
        #[serde(default)]
        #[ts(as = "Option<String>")]
        access_key_secret: Option<Sensitive>,
    },
}

/// What happens to the keychain item.
#[derive(Debug)]
pub(crate) enum SecretChange {
    Keep,
    Replace(ProfileSecrets),
    Remove,
}

fn checked_secret(field_name: &'static str, s: Sensitive) -> Result<Sensitive, FieldError> {
    validate::secret(field_name, s.expose())?;
    Ok(s)
}

impl NewCredentials {
    /// Validates the fields; source-profile existence is checked by the store.
    pub(crate) fn validate(self) -> Result<(ModeSettings, Option<ProfileSecrets>), FieldError> {
        match self {
            Self::AccessKey {
                access_key_id,
                access_key_secret,
            } => Ok((
                ModeSettings::AccessKey,
                Some(ProfileSecrets {
                    access_key_id: validate::access_key_id("accessKeyId", &access_key_id)?,
                    access_key_secret: checked_secret("accessKeySecret", access_key_secret)?,
                    security_token: None,
                }),
            )),
            Self::StsToken {
                access_key_id,
                access_key_secret,
                security_token,
                expiration,
            } => Ok((
                ModeSettings::StsToken { expiration },
                Some(ProfileSecrets {
                    access_key_id: validate::access_key_id("accessKeyId", &access_key_id)?,
                    access_key_secret: checked_secret("accessKeySecret", access_key_secret)?,
                    security_token: Some(checked_secret("securityToken", security_token)?),
                }),
            )),
            Self::RamRole {
                source,
                role_arn,
                session_name,
                duration_seconds,
                external_id,
            } => {
                let (source, secrets) = match source {
                    NewRoleSource::Profile { profile_id } => {
                        (RoleSource::Profile { profile_id }, None)
                    }
                    NewRoleSource::AccessKey {
                        access_key_id,
                        access_key_secret,
                    } => (
                        RoleSource::AccessKey,
                        Some(ProfileSecrets {
                            access_key_id: validate::access_key_id(
                                "source.accessKeyId",
                                &access_key_id,
                            )?,
                            access_key_secret: checked_secret(
                                "source.accessKeySecret",
                                access_key_secret,
                            )?,
                            security_token: None,
                        }),
                    ),
                };
                let role = RoleSettings {
                    source,
                    role_arn: validate::role_arn(&role_arn)?,
                    session_name: validate::session_name(&session_name)?,
                    duration_seconds: validate::duration(
                        duration_seconds.unwrap_or(validate::DEFAULT_DURATION_SECONDS),
                    )?,
                    external_id: match external_id {
                        Some(e) => validate::external_id(&e)?,
                        None => None,
                    },
                };
                Ok((ModeSettings::RamRole(role), secrets))
            }
        }
    }
}

/// Merges an AccessKey ID/secret pair with the stored one (`base`), if reuse is allowed.
fn merge_key(
    id: Option<String>,
    secret: Option<Sensitive>,
    base: Option<&ProfileSecrets>,
    fields: (&'static str, &'static str),
) -> Result<(String, Sensitive), FieldError> {
    let id = match id {
        Some(v) => validate::access_key_id(fields.0, &v)?,
        None => base
            .map(|b| b.access_key_id.clone())
            .ok_or_else(|| field(fields.0, "enter the AccessKey ID"))?,
    };
    let secret = match (secret, base) {
        (Some(s), _) => checked_secret(fields.1, s)?,
        (None, Some(b)) if b.access_key_id == id => b.access_key_secret.clone(),
        (None, Some(_)) => return Err(field(fields.1, "enter the secret of the new AccessKey ID")),
        (None, None) => return Err(field(fields.1, "enter the AccessKey secret")),
    };
    Ok((id, secret))
}

impl CredentialsEdit {
    /// Computes the new settings and keychain change. `load_base` reads the stored secrets;
    /// it is called only when a field is left out and the stored value may be reused.
    pub(crate) fn merge(
        self,
        current: &ModeSettings,
        load_base: impl FnOnce() -> Result<Option<ProfileSecrets>, ProfileError>,
    ) -> Result<(ModeSettings, SecretChange), ProfileError> {
        // A long-term AccessKey stored now (AccessKey mode or a role's own AccessKey).
        let current_long_term = matches!(current, ModeSettings::AccessKey)
            || matches!(current, ModeSettings::RamRole(r) if r.source == RoleSource::AccessKey);
        match self {
            Self::AccessKey {
                access_key_id,
                access_key_secret,
            } => {
                if matches!(current, ModeSettings::AccessKey)
                    && access_key_id.is_none()
                    && access_key_secret.is_none()
                {
                    return Ok((ModeSettings::AccessKey, SecretChange::Keep));
                }
                let base = if current_long_term
                    && (access_key_id.is_none() || access_key_secret.is_none())
                {
                    load_base()?
                } else {
                    None
                };
                let (id, secret) = merge_key(
                    access_key_id,
                    access_key_secret,
                    base.as_ref(),
                    ("accessKeyId", "accessKeySecret"),
                )?;
                Ok((
                    ModeSettings::AccessKey,
                    SecretChange::Replace(ProfileSecrets {
                        access_key_id: id,
                        access_key_secret: secret,
                        security_token: None,
                    }),
                ))
            }
            Self::StsToken {
                access_key_id,
                access_key_secret,
                security_token,
                expiration,
            } => {
                let is_sts = matches!(current, ModeSettings::StsToken { .. });
                let old_expiration = match current {
                    ModeSettings::StsToken { expiration } => *expiration,
                    _ => None,
                };
                if is_sts
                    && access_key_id.is_none()
                    && access_key_secret.is_none()
                    && security_token.is_none()
                {
                    let expiration = expiration.or(old_expiration);
                    return Ok((ModeSettings::StsToken { expiration }, SecretChange::Keep));
                }
                let complete = access_key_id.is_some()
                    && access_key_secret.is_some()
                    && security_token.is_some();
                let base = if is_sts && !complete {
                    load_base()?
                } else {
                    None
                };
                let token_replaced = security_token.is_some();
                let (id, secret) = merge_key(
                    access_key_id,
                    access_key_secret,
                    base.as_ref(),
                    ("accessKeyId", "accessKeySecret"),
                )?;
                let token = match (
                    security_token,
                    base.as_ref().and_then(|b| b.security_token.clone()),
                ) {
                    (Some(t), _) => checked_secret("securityToken", t)?,
                    (None, Some(t)) => t,
                    (None, None) => {
                        return Err(field("securityToken", "enter the security token").into());
                    }
                };
                let expiration = if token_replaced {
                    expiration
                } else {
                    expiration.or(old_expiration)
                };
                Ok((
                    ModeSettings::StsToken { expiration },
                    SecretChange::Replace(ProfileSecrets {
                        access_key_id: id,
                        access_key_secret: secret,
                        security_token: Some(token),
                    }),
                ))
            }
            Self::RamRole {
                source,
                role_arn,
                session_name,
                duration_seconds,
                external_id,
            } => {
                let old = match current {
                    ModeSettings::RamRole(r) => Some(r),
                    _ => None,
                };
                let (new_source, change) = match source {
                    Some(RoleSourceEdit::Profile { profile_id }) => {
                        let change = if current.has_keychain_item() {
                            SecretChange::Remove
                        } else {
                            SecretChange::Keep
                        };
                        (RoleSource::Profile { profile_id }, change)
                    }
                    Some(RoleSourceEdit::AccessKey {
                        access_key_id,
                        access_key_secret,
                    }) => {
                        if old.is_some_and(|r| r.source == RoleSource::AccessKey)
                            && access_key_id.is_none()
                            && access_key_secret.is_none()
                        {
                            (RoleSource::AccessKey, SecretChange::Keep)
                        } else {
                            let base = if current_long_term
                                && (access_key_id.is_none() || access_key_secret.is_none())
                            {
                                load_base()?
                            } else {
                                None
                            };
                            let (id, secret) = merge_key(
                                access_key_id,
                                access_key_secret,
                                base.as_ref(),
                                ("source.accessKeyId", "source.accessKeySecret"),
                            )?;
                            (
                                RoleSource::AccessKey,
                                SecretChange::Replace(ProfileSecrets {
                                    access_key_id: id,
                                    access_key_secret: secret,
                                    security_token: None,
                                }),
                            )
                        }
                    }
                    None => match old {
                        Some(r) => (r.source.clone(), SecretChange::Keep),
                        None => {
                            return Err(
                                field("source", "choose a source profile or AccessKey").into()
                            );
                        }
                    },
                };
                let role = RoleSettings {
                    source: new_source,
                    role_arn: match (role_arn, old) {
                        (Some(v), _) => validate::role_arn(&v)?,
                        (None, Some(r)) => r.role_arn.clone(),
                        (None, None) => return Err(field("roleArn", "enter the role ARN").into()),
                    },
                    session_name: match (session_name, old) {
                        (Some(v), _) => validate::session_name(&v)?,
                        (None, Some(r)) => r.session_name.clone(),
                        (None, None) => {
                            return Err(field("sessionName", "enter a session name").into());
                        }
                    },
                    duration_seconds: match (duration_seconds, old) {
                        (Some(v), _) => validate::duration(v)?,
                        (None, Some(r)) => r.duration_seconds,
                        (None, None) => validate::DEFAULT_DURATION_SECONDS,
                    },
                    external_id: match (external_id, old) {
                        (Some(v), _) => validate::external_id(&v)?,
                        (None, Some(r)) => r.external_id.clone(),
                        (None, None) => None,
                    },
                };
                Ok((ModeSettings::RamRole(role), change))
            }
        }
    }
}
