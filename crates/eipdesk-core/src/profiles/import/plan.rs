//! What a parser makes of one profile in a source: a [`Found`] with either an importable
//! [`Plan`] (which holds the secrets, in memory only) or the reason it cannot be imported.

use time::OffsetDateTime;

use super::SourceKind;
use super::reason::{ImportNote, ImportReason};
use crate::profiles::model::{AuthMode, mask_key_id};
use crate::profiles::validate;
use alicloud_api::Secret;

/// Region used when a source names none.
pub const FALLBACK_REGION: &str = "cn-hangzhou";
/// Session name used when a source names none.
pub const FALLBACK_SESSION_NAME: &str = "eipdesk";

/// An AccessKey pair read from a source.
#[derive(Debug, Clone)]
pub(crate) struct Key {
    pub id: String,
    pub secret: Secret,
}

/// RAM role settings read from a source.
#[derive(Debug, Clone)]
pub(crate) struct Role {
    pub role_arn: String,
    pub session_name: String,
    pub duration_seconds: u32,
    pub external_id: Option<String>,
}

/// How a profile will be created.
#[derive(Debug, Clone)]
pub(crate) enum Plan {
    AccessKey(Key),
    StsToken {
        key: Key,
        token: Secret,
        expiration: Option<OffsetDateTime>,
    },
    RoleWithKey {
        key: Key,
        role: Role,
    },
    /// A role whose source is another profile of the same file (by its name there).
    RoleWithSource {
        source: String,
        role: Role,
    },
    /// A role assumed with an OIDC token file (no secret: the token stays in its file).
    Oidc {
        provider_arn: String,
        token_file: String,
        role: Role,
    },
    /// The ECS instance's RAM role (the metadata service at its standard address).
    EcsRamRole {
        role_name: Option<String>,
    },
    /// A credentials URI.
    CredentialsUri {
        uri: String,
    },
    /// A command printing the External JSON.
    External {
        command: String,
    },
}

impl Plan {
    pub fn mode(&self) -> AuthMode {
        match self {
            Self::AccessKey(_) => AuthMode::AccessKey,
            Self::StsToken { .. } => AuthMode::StsToken,
            Self::RoleWithKey { .. } | Self::RoleWithSource { .. } => AuthMode::RamRole,
            Self::EcsRamRole { .. } => AuthMode::EcsRamRole,
            Self::CredentialsUri { .. } => AuthMode::CredentialsUri,
            Self::External { .. } => AuthMode::External,
            Self::Oidc { .. } => AuthMode::Oidc,
        }
    }

    pub fn masked_key_id(&self) -> Option<String> {
        match self {
            Self::AccessKey(key) | Self::StsToken { key, .. } | Self::RoleWithKey { key, .. } => {
                Some(mask_key_id(&key.id))
            }
            Self::RoleWithSource { .. }
            | Self::EcsRamRole { .. }
            | Self::CredentialsUri { .. }
            | Self::External { .. }
            | Self::Oidc { .. } => None,
        }
    }
}

/// Why a profile cannot be imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Refusal {
    /// Stable code, e.g. `import.mode_unsupported`.
    pub code: &'static str,
    /// Why, as a message key (never a secret).
    pub reason: ImportReason,
}

pub(crate) fn refuse(code: &'static str, reason: ImportReason) -> Refusal {
    Refusal { code, reason }
}

/// One profile found in a source.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub source: SourceKind,
    /// Name in the source (profile name, section name, or `environment`).
    pub name: String,
    /// The key's part after `<source>:` when it is not the name (an entry without a usable
    /// or unique name: `#<position>`).
    pub key: Option<String>,
    /// Mode or type as the source writes it.
    pub source_mode: String,
    pub region: String,
    pub plan: Result<Plan, Refusal>,
    /// Remarks about defaults applied (no secrets).
    pub notes: Vec<ImportNote>,
}

impl Found {
    /// The selection key: `<source>:<name>`.
    pub fn key(&self) -> String {
        let id = self.key.as_deref().unwrap_or(&self.name);
        format!("{}:{id}", self.source.as_str())
    }
}

/// Cleans a region, falling back (with a note) when it is missing or invalid.
pub(crate) fn region_or_fallback(value: Option<&str>, notes: &mut Vec<ImportNote>) -> String {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        Some(v) => match validate::region(v) {
            Ok(r) => r,
            Err(_) => {
                notes.push(ImportNote::InvalidRegion {
                    region: v.to_string(),
                    fallback: FALLBACK_REGION.to_string(),
                });
                FALLBACK_REGION.to_string()
            }
        },
        None => {
            notes.push(ImportNote::NoRegion {
                fallback: FALLBACK_REGION.to_string(),
            });
            FALLBACK_REGION.to_string()
        }
    }
}

/// Checks an AccessKey pair; `names` are the source's own key names for the messages.
pub(crate) fn key(
    id: Option<&str>,
    secret: Option<&str>,
    names: (&str, &str),
) -> Result<Key, Refusal> {
    let id = id.map(str::trim).filter(|v| !v.is_empty());
    let secret = secret.filter(|v| !v.is_empty());
    match (id, secret) {
        (Some(id), Some(secret)) => {
            let id = validate::access_key_id("accessKeyId", id)
                .map_err(|e| invalid_setting(names.0, e))?;
            validate::secret("accessKeySecret", secret).map_err(|e| invalid_setting(names.1, e))?;
            Ok(Key {
                id,
                secret: Secret::from(secret),
            })
        }
        (None, _) => Err(not_set(names.0)),
        (_, None) => Err(not_set(names.1)),
    }
}

/// `setting` (as the source names it) is missing.
pub(crate) fn not_set(setting: &str) -> Refusal {
    refuse(
        "import.missing_field",
        ImportReason::NotSet {
            setting: setting.to_string(),
        },
    )
}

/// `setting` (as the source names it) is not valid.
pub(crate) fn invalid_setting(setting: &str, e: validate::FieldError) -> Refusal {
    refuse(
        "import.invalid_field",
        ImportReason::InvalidSetting {
            setting: setting.to_string(),
            field_reason: e.reason,
        },
    )
}

/// The name is not valid as a profile name.
pub(crate) fn invalid_name(e: validate::FieldError) -> Refusal {
    refuse(
        "import.invalid_field",
        ImportReason::InvalidName {
            field_reason: e.reason,
        },
    )
}

/// A role setting is not valid.
fn invalid_role(e: validate::FieldError) -> Refusal {
    refuse(
        "import.invalid_field",
        ImportReason::InvalidRole {
            field_reason: e.reason,
        },
    )
}

/// Checks role settings; a missing session name or duration gets a default and a note.
pub(crate) fn role(
    role_arn: Option<&str>,
    session_name: Option<&str>,
    duration_seconds: Option<i64>,
    external_id: Option<&str>,
    notes: &mut Vec<ImportNote>,
) -> Result<Role, Refusal> {
    let Some(arn) = role_arn.map(str::trim).filter(|v| !v.is_empty()) else {
        return Err(refuse("import.missing_field", ImportReason::NoRoleArn));
    };
    let role_arn = validate::role_arn(arn).map_err(invalid_role)?;
    let session_name = match session_name.map(str::trim).filter(|v| !v.is_empty()) {
        Some(s) => validate::session_name(s).map_err(invalid_role)?,
        None => {
            notes.push(ImportNote::NoSessionName {
                fallback: FALLBACK_SESSION_NAME.to_string(),
            });
            FALLBACK_SESSION_NAME.to_string()
        }
    };
    let duration_seconds = match duration_seconds {
        None | Some(0) => validate::DEFAULT_DURATION_SECONDS,
        Some(d) => u32::try_from(d)
            .ok()
            .and_then(|d| validate::duration(d).ok())
            .ok_or_else(|| {
                refuse(
                    "import.invalid_field",
                    ImportReason::DurationOutside {
                        seconds: d,
                        min: *validate::DURATION_RANGE.start(),
                        max: *validate::DURATION_RANGE.end(),
                    },
                )
            })?,
    };
    let external_id = match external_id {
        Some(e) => validate::external_id(e).map_err(invalid_role)?,
        None => None,
    };
    Ok(Role {
        role_arn,
        session_name,
        duration_seconds,
        external_id,
    })
}
