//! What the UI sends to create or edit a profile, and how it becomes validated settings
//! plus secrets. Secrets arrive once, as [`Secret`], and are never sent back.
//!
//! How an edit is merged with the stored profile is in `edit.rs`.

use serde::Deserialize;
use time::OffsetDateTime;
use ts_rs::TS;

use super::model::{EnvLabel, ModeSettings, OidcSettings, ProfileId, RoleSettings, RoleSource};
use super::secret::ProfileSecrets;
use super::validate::{self, FieldError};
use alicloud_api::Secret;

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
        access_key_secret: Secret,
    },
    /// STS token.
    StsToken {
        /// STS AccessKey ID (`STS.…`).
        access_key_id: String,
        /// STS AccessKey secret.
        #[ts(type = "string")]
        access_key_secret: Secret,
        /// Security token.
        #[ts(type = "string")]
        security_token: Secret,
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
    /// The ECS instance's RAM role from the metadata service.
    EcsRamRole {
        /// Role name (`None`: the attached role).
        #[serde(default)]
        role_name: Option<String>,
        /// Metadata service URL (`None`: the real one).
        #[serde(default)]
        metadata_endpoint: Option<String>,
    },
    /// A credentials URI.
    CredentialsUri {
        /// The URI.
        uri: String,
    },
    /// A command printing the aliyun CLI's External JSON.
    External {
        /// Program and arguments.
        command: String,
    },
    /// A RAM role assumed with an OIDC token file.
    Oidc {
        /// OIDC provider ARN.
        oidc_provider_arn: String,
        /// Absolute path of the token file.
        oidc_token_file: String,
        /// Role ARN.
        role_arn: String,
        /// Session name.
        session_name: String,
        /// Duration (default 3600).
        #[serde(default)]
        duration_seconds: Option<u32>,
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
        access_key_secret: Secret,
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
        access_key_secret: Option<Secret>,
    },
    /// Switch to / edit an STS token profile.
    StsToken {
        /// New STS AccessKey ID.
        #[serde(default)]
        access_key_id: Option<String>,
        /// New secret.
        #[serde(default)]
        #[ts(as = "Option<String>")]
        access_key_secret: Option<Secret>,
        /// New token.
        #[serde(default)]
        #[ts(as = "Option<String>")]
        security_token: Option<Secret>,
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
        access_key_secret: Option<Secret>,
    },
}

pub(crate) fn checked_secret(field_name: &'static str, s: Secret) -> Result<Secret, FieldError> {
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
            Self::EcsRamRole {
                role_name,
                metadata_endpoint,
            } => Ok((
                ModeSettings::EcsRamRole {
                    role_name: role_name
                        .filter(|r| !r.trim().is_empty())
                        .map(|r| validate::ecs_role_name(&r))
                        .transpose()?,
                    metadata_endpoint: metadata_endpoint
                        .map(|e| validate::url("metadataEndpoint", &e))
                        .transpose()?,
                },
                None,
            )),
            Self::External { command } => Ok((
                ModeSettings::External {
                    command: validate::process_command(&command)?,
                },
                None,
            )),
            Self::CredentialsUri { uri } => Ok((
                ModeSettings::CredentialsUri {
                    uri: validate::url("uri", &uri)?,
                },
                None,
            )),
            Self::Oidc {
                oidc_provider_arn,
                oidc_token_file,
                role_arn,
                session_name,
                duration_seconds,
            } => Ok((
                ModeSettings::Oidc(OidcSettings {
                    provider_arn: validate::oidc_provider_arn(&oidc_provider_arn)?,
                    role_arn: validate::role_arn(&role_arn)?,
                    token_file: validate::oidc_token_file(&oidc_token_file)?,
                    session_name: validate::session_name(&session_name)?,
                    duration_seconds: validate::duration(
                        duration_seconds.unwrap_or(validate::DEFAULT_DURATION_SECONDS),
                    )?,
                }),
                None,
            )),
        }
    }
}
