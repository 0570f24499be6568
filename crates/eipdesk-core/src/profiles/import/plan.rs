//! What a parser makes of one profile in a source: a [`Found`] with either an importable
//! [`Plan`] (which holds the secrets, in memory only) or the reason it cannot be imported.

use time::OffsetDateTime;

use super::SourceKind;
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
    /// Sentence for the UI (never a secret).
    pub reason: String,
}

pub(crate) fn refuse(code: &'static str, reason: impl Into<String>) -> Refusal {
    Refusal {
        code,
        reason: reason.into(),
    }
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
    pub notes: Vec<String>,
}

impl Found {
    /// The selection key: `<source>:<name>`.
    pub fn key(&self) -> String {
        let id = self.key.as_deref().unwrap_or(&self.name);
        format!("{}:{id}", self.source.as_str())
    }
}

/// Cleans a region, falling back (with a note) when it is missing or invalid.
pub(crate) fn region_or_fallback(value: Option<&str>, notes: &mut Vec<String>) -> String {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        Some(v) => match validate::region(v) {
            Ok(r) => r,
            Err(_) => {
                notes.push(format!(
                    "region {v:?} is not a valid region ID; {FALLBACK_REGION} will be used"
                ));
                FALLBACK_REGION.to_string()
            }
        },
        None => {
            notes.push(format!("no region set; {FALLBACK_REGION} will be used"));
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
            let id = validate::access_key_id("accessKeyId", id).map_err(|e| {
                refuse("import.invalid_field", format!("{}: {}", names.0, e.reason))
            })?;
            validate::secret("accessKeySecret", secret).map_err(|e| {
                refuse("import.invalid_field", format!("{}: {}", names.1, e.reason))
            })?;
            Ok(Key {
                id,
                secret: Secret::from(secret),
            })
        }
        (None, _) => Err(refuse(
            "import.missing_field",
            format!("{} is not set", names.0),
        )),
        (_, None) => Err(refuse(
            "import.missing_field",
            format!("{} is not set", names.1),
        )),
    }
}

/// Checks role settings; a missing session name or duration gets a default and a note.
pub(crate) fn role(
    role_arn: Option<&str>,
    session_name: Option<&str>,
    duration_seconds: Option<i64>,
    external_id: Option<&str>,
    notes: &mut Vec<String>,
) -> Result<Role, Refusal> {
    let Some(arn) = role_arn.map(str::trim).filter(|v| !v.is_empty()) else {
        return Err(refuse("import.missing_field", "no role ARN is set"));
    };
    let role_arn = validate::role_arn(arn).map_err(|e| refuse("import.invalid_field", e.reason))?;
    let session_name = match session_name.map(str::trim).filter(|v| !v.is_empty()) {
        Some(s) => {
            validate::session_name(s).map_err(|e| refuse("import.invalid_field", e.reason))?
        }
        None => {
            notes.push(format!(
                "no session name set; {FALLBACK_SESSION_NAME:?} will be used"
            ));
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
                    format!(
                        "session duration {d} is outside {}..={} seconds",
                        validate::DURATION_RANGE.start(),
                        validate::DURATION_RANGE.end()
                    ),
                )
            })?,
    };
    let external_id = match external_id {
        Some(e) => {
            validate::external_id(e).map_err(|e| refuse("import.invalid_field", e.reason))?
        }
        None => None,
    };
    Ok(Role {
        role_arn,
        session_name,
        duration_seconds,
        external_id,
    })
}
