//! The profile model: ids, modes, environment labels, the persisted metadata of one profile
//! and the secret-free summary the UI receives.

use std::fmt;

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use ts_rs::TS;

/// Stable identifier of a profile. Renaming a profile keeps its id, and the id (not the
/// name) is the keychain item's account, so the secret follows the profile.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, TS)]
pub struct ProfileId(String);

impl Serialize for ProfileId {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for ProfileId {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Self::parse(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("invalid profile id {text:?}")))
    }
}

impl ProfileId {
    /// Id of the built-in Sandbox profile.
    pub const SANDBOX: &'static str = "sandbox";

    /// A fresh random id (`p-` followed by 32 hex digits).
    pub fn generate() -> Self {
        Self(format!("p-{}", uuid::Uuid::new_v4().simple()))
    }

    /// The built-in Sandbox profile's id.
    pub fn sandbox() -> Self {
        Self(Self::SANDBOX.to_string())
    }

    /// Parses an id received from the UI: `sandbox` or `p-` + 1..=64 of `[0-9a-z-]`.
    pub fn parse(value: &str) -> Option<Self> {
        let ok = value == Self::SANDBOX
            || value.strip_prefix("p-").is_some_and(|rest| {
                !rest.is_empty()
                    && rest.len() <= 64
                    && rest
                        .bytes()
                        .all(|b| b.is_ascii_digit() || b.is_ascii_lowercase() || b == b'-')
            });
        ok.then(|| Self(value.to_string()))
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// True for the built-in Sandbox profile.
    pub fn is_sandbox(&self) -> bool {
        self.0 == Self::SANDBOX
    }
}

impl fmt::Debug for ProfileId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ProfileId({})", self.0)
    }
}

impl fmt::Display for ProfileId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// How a profile obtains credentials.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum AuthMode {
    /// A long-term AccessKey (ID + secret).
    AccessKey,
    /// Temporary STS credentials (ID + secret + token), possibly with a known expiry.
    StsToken,
    /// Assume a RAM role with a source profile or AccessKey.
    RamRole,
    /// The built-in in-process emulator.
    Sandbox,
    /// The RAM role of the ECS instance, from the instance metadata service.
    EcsRamRole,
    /// Temporary credentials fetched from a credentials URI.
    CredentialsUri,
    /// Credentials printed by a command (the aliyun CLI's `External` mode).
    External,
    /// A RAM role assumed with an OIDC token read from a file (`AssumeRoleWithOIDC`).
    Oidc,
}

impl AuthMode {
    /// Human-readable name.
    pub fn display_name(self) -> &'static str {
        match self {
            Self::AccessKey => "AccessKey",
            Self::StsToken => "STS token",
            Self::RamRole => "RAM role",
            Self::Sandbox => "Sandbox",
            Self::EcsRamRole => "ECS RAM role",
            Self::CredentialsUri => "Credentials URI",
            Self::External => "External command",
            Self::Oidc => "OIDC role",
        }
    }
}

/// Environment label shown next to a profile, with its colour.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum EnvLabel {
    /// Production: red.
    Production,
    /// Staging: amber.
    Staging,
    /// Test: green.
    Test,
    /// No label: grey.
    #[default]
    None,
}

impl EnvLabel {
    /// Colour token for the UI (`red`, `amber`, `green`, `grey`).
    pub fn color(self) -> &'static str {
        match self {
            Self::Production => "red",
            Self::Staging => "amber",
            Self::Test => "green",
            Self::None => "grey",
        }
    }

    /// The label's word, used by search (`production`, `staging`, `test`, `none`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Production => "production",
            Self::Staging => "staging",
            Self::Test => "test",
            Self::None => "none",
        }
    }
}

/// Where a RAM role profile gets the credentials it calls AssumeRole with.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum RoleSource {
    /// Another profile (by id, so renaming it keeps the link).
    #[serde(rename_all = "camelCase")]
    Profile {
        /// The source profile.
        profile_id: ProfileId,
    },
    /// An AccessKey stored in this profile's own keychain item.
    AccessKey,
}

/// RAM role settings (no secret).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RoleSettings {
    /// Source of the credentials that assume the role.
    pub source: RoleSource,
    /// `acs:ram::<account>:role/<name>`.
    pub role_arn: String,
    /// RoleSessionName.
    pub session_name: String,
    /// DurationSeconds (900..=43200).
    pub duration_seconds: u32,
    /// Optional ExternalId.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
}

/// OIDC role settings (no secret: the token stays in its file, read at each refresh).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OidcSettings {
    /// `acs:ram::<account>:oidc-provider/<name>`.
    pub provider_arn: String,
    /// `acs:ram::<account>:role/<name>`.
    pub role_arn: String,
    /// Path of the file holding the OIDC token.
    pub token_file: String,
    /// RoleSessionName.
    pub session_name: String,
    /// DurationSeconds (900..=43200).
    pub duration_seconds: u32,
}

/// Mode-specific, secret-free settings of a profile.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ModeSettings {
    /// AccessKey: everything is in the keychain.
    AccessKey,
    /// STS token with its expiry if known.
    StsToken {
        /// When the token expires.
        expiration: Option<OffsetDateTime>,
    },
    /// RAM role.
    RamRole(RoleSettings),
    /// Built-in Sandbox.
    Sandbox,
    /// The instance's RAM role from the metadata service.
    EcsRamRole {
        /// Role name (`None`: the role attached to the instance).
        role_name: Option<String>,
        /// Metadata service URL (`None`: `http://100.100.100.200`).
        metadata_endpoint: Option<String>,
    },
    /// A credentials URI (the `ALIBABA_CLOUD_CREDENTIALS_URI` format).
    CredentialsUri {
        /// The URI.
        uri: String,
    },
    /// A command printing the aliyun CLI's `External` JSON.
    External {
        /// Program and arguments, separated by whitespace.
        command: String,
    },
    /// A RAM role assumed with an OIDC token file.
    Oidc(OidcSettings),
}

impl ModeSettings {
    /// The mode these settings belong to.
    pub fn mode(&self) -> AuthMode {
        match self {
            Self::AccessKey => AuthMode::AccessKey,
            Self::StsToken { .. } => AuthMode::StsToken,
            Self::RamRole(_) => AuthMode::RamRole,
            Self::Sandbox => AuthMode::Sandbox,
            Self::EcsRamRole { .. } => AuthMode::EcsRamRole,
            Self::CredentialsUri { .. } => AuthMode::CredentialsUri,
            Self::External { .. } => AuthMode::External,
            Self::Oidc(_) => AuthMode::Oidc,
        }
    }

    /// True when the profile keeps a keychain item.
    pub fn has_keychain_item(&self) -> bool {
        match self {
            Self::AccessKey | Self::StsToken { .. } => true,
            Self::RamRole(role) => role.source == RoleSource::AccessKey,
            Self::Sandbox
            | Self::EcsRamRole { .. }
            | Self::CredentialsUri { .. }
            | Self::External { .. }
            | Self::Oidc(_) => false,
        }
    }
}

/// One profile's metadata, as kept in `profiles.toml` (no secret).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Profile {
    /// Stable id.
    pub id: ProfileId,
    /// Display name, unique (case-insensitively).
    pub name: String,
    /// Default region.
    pub region: String,
    /// Environment label.
    pub label: EnvLabel,
    /// Mode and its settings.
    pub settings: ModeSettings,
    /// Masked AccessKey ID (e.g. `LTAI****ab12`), if the profile has one.
    pub access_key_id_masked: Option<String>,
    /// Account ID learnt from the last successful connection test.
    pub account_id: Option<String>,
    /// When the profile was created.
    pub created: OffsetDateTime,
    /// When the profile was last switched to.
    pub last_used: Option<OffsetDateTime>,
    /// How many times the profile was switched to.
    pub use_count: u32,
    /// The import candidate it was created from (`aliyun-cli:<name>`), if imported.
    pub imported_from: Option<String>,
    /// One URL every call of this profile goes to (the emulator, a private endpoint).
    pub endpoint: Option<String>,
}

/// Masks an AccessKey ID for display: first four and last four characters around `****`
/// (`LTAI****ab12`); IDs of eight characters or fewer show only `****` and the last two.
pub fn mask_key_id(id: &str) -> String {
    let chars: Vec<char> = id.chars().collect();
    if chars.len() > 8 {
        let head: String = chars[..4].iter().collect();
        let tail: String = chars[chars.len() - 4..].iter().collect();
        format!("{head}****{tail}")
    } else if chars.len() > 2 {
        let tail: String = chars[chars.len() - 2..].iter().collect();
        format!("****{tail}")
    } else {
        "****".to_string()
    }
}

/// RAM role details as the UI sees them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RoleSummary {
    /// Role ARN.
    pub role_arn: String,
    /// Session name.
    pub session_name: String,
    /// Session duration in seconds.
    pub duration_seconds: u32,
    /// External ID, if any.
    pub external_id: Option<String>,
    /// Source profile id, when the source is another profile.
    pub source_profile_id: Option<ProfileId>,
    /// Source profile name, when the source is another profile that exists.
    pub source_profile_name: Option<String>,
    /// OIDC provider ARN, for OIDC role profiles.
    pub oidc_provider_arn: Option<String>,
    /// OIDC token file path, for OIDC role profiles.
    pub oidc_token_file: Option<String>,
}

/// What the UI gets for one profile: everything but secrets.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProfileSummary {
    /// Stable id.
    pub id: ProfileId,
    /// Display name.
    pub name: String,
    /// Mode.
    pub mode: AuthMode,
    /// Default region.
    pub region: String,
    /// Environment label.
    pub label: EnvLabel,
    /// Colour of the label (`red` for production).
    #[ts(type = "string")]
    pub label_color: &'static str,
    /// Masked AccessKey ID.
    pub access_key_id_masked: Option<String>,
    /// Account ID from the last connection test.
    pub account_id: Option<String>,
    /// STS token expiry (RFC 3339), for StsToken profiles when known.
    #[serde(with = "time::serde::rfc3339::option")]
    #[ts(type = "string | null")]
    pub sts_expiration: Option<OffsetDateTime>,
    /// RAM role details.
    pub role: Option<RoleSummary>,
    /// True for the active profile.
    pub active: bool,
    /// True for the built-in Sandbox (cannot be deleted or renamed).
    pub builtin: bool,
    /// Last switch (RFC 3339).
    #[serde(with = "time::serde::rfc3339::option")]
    #[ts(type = "string | null")]
    pub last_used: Option<OffsetDateTime>,
    /// Number of switches.
    pub use_count: u32,
    /// The import candidate it was created from, if imported.
    pub imported_from: Option<String>,
    /// The endpoint every call goes to, when set.
    pub endpoint: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_key_ids() {
        assert_eq!(mask_key_id("LTAI5tAbCdEfGhab12"), "LTAI****ab12");
        assert_eq!(mask_key_id("STS.L4aBSCSJVMuKg5U1"), "STS.****g5U1");
        assert_eq!(mask_key_id("abcdefgh"), "****gh");
        assert_eq!(mask_key_id("ab"), "****");
        assert_eq!(mask_key_id(""), "****");
    }

    #[test]
    fn ids_parse_and_generate() {
        let id = ProfileId::generate();
        assert_eq!(ProfileId::parse(id.as_str()), Some(id.clone()));
        assert!(ProfileId::parse("sandbox").unwrap().is_sandbox());
        for bad in ["", "p-", "P-abc", "p-ABC", "x-abc", "p-a b", "p-../x"] {
            assert!(ProfileId::parse(bad).is_none(), "{bad}");
        }
        assert!(!id.is_sandbox());
    }

    #[test]
    fn labels_have_colours() {
        assert_eq!(EnvLabel::Production.color(), "red");
        assert_eq!(
            serde_json::to_string(&EnvLabel::Production).unwrap(),
            "\"production\""
        );
        assert_eq!(EnvLabel::default(), EnvLabel::None);
    }

    #[test]
    fn keychain_item_presence_follows_mode() {
        assert!(ModeSettings::AccessKey.has_keychain_item());
        assert!(!ModeSettings::Sandbox.has_keychain_item());
        let role = |source| {
            ModeSettings::RamRole(RoleSettings {
                source,
                role_arn: "acs:ram::123:role/r".into(),
                session_name: "s1".into(),
                duration_seconds: 3600,
                external_id: None,
            })
        };
        assert!(role(RoleSource::AccessKey).has_keychain_item());
        assert!(
            !role(RoleSource::Profile {
                profile_id: ProfileId::sandbox()
            })
            .has_keychain_item()
        );
    }
}
