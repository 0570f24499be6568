//! `profiles.toml`: the on-disk form of the profile metadata (never a secret), its loading
//! with validation, and its atomic saving.
//!
//! ```toml
//! version = 1
//! active = "p-…"
//!
//! [[profiles]]
//! id = "p-…"
//! name = "prod-admin"
//! mode = "access_key"        # access_key | sts_token | ram_role | sandbox
//! region = "cn-hangzhou"
//! label = "production"       # production | staging | test | none
//! access_key_id_masked = "LTAI****ab12"
//! created = "2026-01-01T00:00:00Z"
//! use_count = 3
//! ```

use std::collections::HashSet;
use std::path::Path;

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::error::ProfileError;
use super::model::{
    EnvLabel, ModeSettings, OidcSettings, Profile, ProfileId, RoleSettings, RoleSource,
};

/// Current file format version.
const VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
struct FileDoc {
    version: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    active: Option<String>,
    #[serde(default)]
    profiles: Vec<FileProfile>,
}

#[derive(Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
enum FileMode {
    AccessKey,
    StsToken,
    RamRole,
    Sandbox,
    EcsRamRole,
    CredentialsUri,
    External,
    Oidc,
}

#[derive(Serialize, Deserialize)]
struct FileRole {
    /// `access_key` or a source profile id.
    source: String,
    role_arn: String,
    session_name: String,
    duration_seconds: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    external_id: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct FileProfile {
    id: String,
    name: String,
    mode: FileMode,
    region: String,
    #[serde(default)]
    label: EnvLabel,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    access_key_id_masked: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    account_id: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "time::serde::rfc3339::option"
    )]
    sts_expiration: Option<OffsetDateTime>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    role: Option<FileRole>,
    #[serde(with = "time::serde::rfc3339")]
    created: OffsetDateTime,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "time::serde::rfc3339::option"
    )]
    last_used: Option<OffsetDateTime>,
    #[serde(default)]
    use_count: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    imported_from: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    endpoint: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    ecs_role_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    metadata_endpoint: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    credentials_uri: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    process_command: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    oidc_provider_arn: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    oidc_token_file: Option<String>,
}

/// The loaded file: profiles in file order and the active id, if any.
#[derive(Debug, Default)]
pub(crate) struct Loaded {
    pub profiles: Vec<Profile>,
    pub active: Option<ProfileId>,
}

const SOURCE_ACCESS_KEY: &str = "access_key";
/// The role source of an OIDC profile (the token file, named by `oidc_token_file`).
const SOURCE_OIDC: &str = "oidc_token_file";

/// Reads and validates `path`; a missing file is an empty list.
pub(crate) fn load(path: &Path) -> Result<Loaded, ProfileError> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Loaded::default()),
        Err(source) => {
            return Err(ProfileError::Read {
                path: path.to_path_buf(),
                source,
            });
        }
    };
    parse(&text).map_err(|reason| ProfileError::CorruptFile {
        path: path.to_path_buf(),
        reason,
    })
}

fn parse(text: &str) -> Result<Loaded, String> {
    let doc: FileDoc = toml::from_str(text).map_err(|e| e.message().to_string())?;
    if doc.version != VERSION {
        return Err(format!(
            "format version {} is not supported (this EIP Desk reads version {VERSION})",
            doc.version
        ));
    }
    let mut ids = HashSet::new();
    let mut names = HashSet::new();
    let mut profiles = Vec::with_capacity(doc.profiles.len());
    for fp in doc.profiles {
        let profile = from_file(fp)?;
        if !ids.insert(profile.id.clone()) {
            return Err(format!("profile id {} appears twice", profile.id));
        }
        if !names.insert(profile.name.to_lowercase()) {
            return Err(format!("profile name \"{}\" appears twice", profile.name));
        }
        profiles.push(profile);
    }
    let active = match doc.active {
        Some(a) => Some(ProfileId::parse(&a).ok_or_else(|| format!("active id {a:?} is invalid"))?),
        None => None,
    };
    Ok(Loaded { profiles, active })
}

fn from_file(fp: FileProfile) -> Result<Profile, String> {
    let id =
        ProfileId::parse(&fp.id).ok_or_else(|| format!("profile id {:?} is invalid", fp.id))?;
    let settings = match (fp.mode, fp.role) {
        (FileMode::AccessKey, None) => ModeSettings::AccessKey,
        (FileMode::StsToken, None) => ModeSettings::StsToken {
            expiration: fp.sts_expiration,
        },
        (FileMode::Sandbox, None) => ModeSettings::Sandbox,
        (FileMode::EcsRamRole, None) => ModeSettings::EcsRamRole {
            role_name: fp.ecs_role_name.clone(),
            metadata_endpoint: fp.metadata_endpoint.clone(),
        },
        (FileMode::External, None) => ModeSettings::External {
            command: fp
                .process_command
                .clone()
                .ok_or_else(|| format!("profile {id} has no process_command"))?,
        },
        (FileMode::CredentialsUri, None) => ModeSettings::CredentialsUri {
            uri: fp
                .credentials_uri
                .clone()
                .ok_or_else(|| format!("profile {id} has no credentials_uri"))?,
        },
        (FileMode::Oidc, Some(role)) if role.source == SOURCE_OIDC => {
            let missing = |what: &str| format!("profile {id} has no {what}");
            ModeSettings::Oidc(OidcSettings {
                provider_arn: fp
                    .oidc_provider_arn
                    .clone()
                    .ok_or_else(|| missing("oidc_provider_arn"))?,
                role_arn: role.role_arn,
                token_file: fp
                    .oidc_token_file
                    .clone()
                    .ok_or_else(|| missing("oidc_token_file"))?,
                session_name: role.session_name,
                duration_seconds: role.duration_seconds,
            })
        }
        (FileMode::RamRole, Some(role)) => {
            let source = if role.source == SOURCE_ACCESS_KEY {
                RoleSource::AccessKey
            } else {
                RoleSource::Profile {
                    profile_id: ProfileId::parse(&role.source)
                        .ok_or_else(|| format!("role source {:?} is invalid", role.source))?,
                }
            };
            ModeSettings::RamRole(RoleSettings {
                source,
                role_arn: role.role_arn,
                session_name: role.session_name,
                duration_seconds: role.duration_seconds,
                external_id: role.external_id,
            })
        }
        (FileMode::RamRole | FileMode::Oidc, None) => {
            return Err(format!(
                "profile {id} is a RAM role without [role] settings"
            ));
        }
        (_, Some(_)) => {
            return Err(format!(
                "profile {id} has [role] settings but is not a RAM role"
            ));
        }
    };
    if id.is_sandbox() != (settings == ModeSettings::Sandbox) {
        return Err(format!(
            "profile {id}: only the id \"sandbox\" may use mode sandbox"
        ));
    }
    Ok(Profile {
        id,
        name: fp.name,
        region: fp.region,
        label: fp.label,
        settings,
        access_key_id_masked: fp.access_key_id_masked,
        account_id: fp.account_id,
        created: fp.created,
        last_used: fp.last_used,
        use_count: fp.use_count,
        imported_from: fp.imported_from,
        endpoint: fp.endpoint,
    })
}

fn to_file(p: &Profile) -> FileProfile {
    let (mode, sts_expiration, role) = match &p.settings {
        ModeSettings::AccessKey => (FileMode::AccessKey, None, None),
        ModeSettings::StsToken { expiration } => (FileMode::StsToken, *expiration, None),
        ModeSettings::Sandbox => (FileMode::Sandbox, None, None),
        ModeSettings::EcsRamRole { .. } => (FileMode::EcsRamRole, None, None),
        ModeSettings::CredentialsUri { .. } => (FileMode::CredentialsUri, None, None),
        ModeSettings::External { .. } => (FileMode::External, None, None),
        ModeSettings::Oidc(o) => (
            FileMode::Oidc,
            None,
            Some(FileRole {
                source: SOURCE_OIDC.to_string(),
                role_arn: o.role_arn.clone(),
                session_name: o.session_name.clone(),
                duration_seconds: o.duration_seconds,
                external_id: None,
            }),
        ),
        ModeSettings::RamRole(r) => (
            FileMode::RamRole,
            None,
            Some(FileRole {
                source: match &r.source {
                    RoleSource::AccessKey => SOURCE_ACCESS_KEY.to_string(),
                    RoleSource::Profile { profile_id } => profile_id.to_string(),
                },
                role_arn: r.role_arn.clone(),
                session_name: r.session_name.clone(),
                duration_seconds: r.duration_seconds,
                external_id: r.external_id.clone(),
            }),
        ),
    };
    FileProfile {
        id: p.id.to_string(),
        name: p.name.clone(),
        mode,
        region: p.region.clone(),
        label: p.label,
        access_key_id_masked: p.access_key_id_masked.clone(),
        account_id: p.account_id.clone(),
        sts_expiration,
        role,
        created: p.created,
        last_used: p.last_used,
        use_count: p.use_count,
        imported_from: p.imported_from.clone(),
        endpoint: p.endpoint.clone(),
        ecs_role_name: match &p.settings {
            ModeSettings::EcsRamRole { role_name, .. } => role_name.clone(),
            _ => None,
        },
        metadata_endpoint: match &p.settings {
            ModeSettings::EcsRamRole {
                metadata_endpoint, ..
            } => metadata_endpoint.clone(),
            _ => None,
        },
        credentials_uri: match &p.settings {
            ModeSettings::CredentialsUri { uri } => Some(uri.clone()),
            _ => None,
        },
        process_command: match &p.settings {
            ModeSettings::External { command } => Some(command.clone()),
            _ => None,
        },
        oidc_provider_arn: match &p.settings {
            ModeSettings::Oidc(o) => Some(o.provider_arn.clone()),
            _ => None,
        },
        oidc_token_file: match &p.settings {
            ModeSettings::Oidc(o) => Some(o.token_file.clone()),
            _ => None,
        },
    }
}

/// Renders the file's text.
pub(crate) fn render(profiles: &[Profile], active: &ProfileId) -> String {
    let doc = FileDoc {
        version: VERSION,
        active: Some(active.to_string()),
        profiles: profiles.iter().map(to_file).collect(),
    };
    let body = toml::to_string(&doc).unwrap_or_default();
    format!(
        "# EIP Desk profiles. No secrets here: they are in the OS keychain (service \"eipdesk\").\n{body}"
    )
}

/// Writes the file atomically.
pub(crate) fn save(
    path: &Path,
    profiles: &[Profile],
    active: &ProfileId,
) -> Result<(), ProfileError> {
    crate::fsutil::write_atomic(path, render(profiles, active).as_bytes())?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    fn sample() -> Vec<Profile> {
        let created = datetime!(2026-01-02 03:04:05 UTC);
        vec![
            Profile {
                id: ProfileId::sandbox(),
                name: "Sandbox".into(),
                region: "cn-hangzhou".into(),
                label: EnvLabel::Test,
                settings: ModeSettings::Sandbox,
                access_key_id_masked: None,
                account_id: None,
                created,
                last_used: None,
                use_count: 0,
                imported_from: None,
                endpoint: None,
            },
            Profile {
                id: ProfileId::parse("p-0001").unwrap(),
                name: "prod".into(),
                region: "cn-shanghai".into(),
                label: EnvLabel::Production,
                settings: ModeSettings::StsToken {
                    expiration: Some(datetime!(2026-01-03 00:00:00 UTC)),
                },
                access_key_id_masked: Some("STS.****abcd".into()),
                account_id: Some("1234567890".into()),
                created,
                last_used: Some(datetime!(2026-01-02 10:00:00.123456789 UTC)),
                use_count: 7,
                imported_from: None,
                endpoint: None,
            },
            Profile {
                id: ProfileId::parse("p-0002").unwrap(),
                name: "role".into(),
                region: "cn-beijing".into(),
                label: EnvLabel::None,
                settings: ModeSettings::RamRole(RoleSettings {
                    source: RoleSource::Profile {
                        profile_id: ProfileId::parse("p-0001").unwrap(),
                    },
                    role_arn: "acs:ram::123:role/admin".into(),
                    session_name: "eipdesk".into(),
                    duration_seconds: 3600,
                    external_id: Some("ext-1".into()),
                }),
                access_key_id_masked: None,
                account_id: None,
                created,
                last_used: None,
                use_count: 0,
                imported_from: None,
                endpoint: None,
            },
        ]
    }

    #[test]
    fn round_trips() {
        let profiles = sample();
        let active = ProfileId::parse("p-0001").unwrap();
        let text = render(&profiles, &active);
        assert!(text.contains("mode = \"ram_role\""), "{text}");
        let loaded = parse(&text).unwrap();
        assert_eq!(loaded.profiles, profiles);
        assert_eq!(loaded.active, Some(active));
    }

    #[test]
    fn rejects_bad_files() {
        let cases = [
            ("version = 2\n", "version 2"),
            ("version = 1\nprofiles = 3\n", "invalid type"),
            (
                "version = 1\n[[profiles]]\nid = \"../x\"\nname = \"a\"\nmode = \"access_key\"\nregion = \"cn-hangzhou\"\ncreated = \"2026-01-01T00:00:00Z\"\n",
                "invalid",
            ),
            (
                "version = 1\n[[profiles]]\nid = \"p-1\"\nname = \"a\"\nmode = \"ram_role\"\nregion = \"cn-hangzhou\"\ncreated = \"2026-01-01T00:00:00Z\"\n",
                "without [role]",
            ),
            (
                "version = 1\n[[profiles]]\nid = \"p-1\"\nname = \"a\"\nmode = \"sandbox\"\nregion = \"cn-hangzhou\"\ncreated = \"2026-01-01T00:00:00Z\"\n",
                "only the id",
            ),
        ];
        for (text, needle) in cases {
            let err = parse(text).unwrap_err();
            assert!(err.contains(needle), "{err} should mention {needle}");
        }
        let dup = render(
            &[sample()[1].clone(), sample()[1].clone()],
            &ProfileId::sandbox(),
        );
        assert!(parse(&dup).unwrap_err().contains("twice"));
    }

    #[test]
    fn missing_file_is_empty_and_corrupt_file_is_typed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("profiles.toml");
        assert!(load(&path).unwrap().profiles.is_empty());
        std::fs::write(&path, "not = [toml").unwrap();
        let err = load(&path).unwrap_err();
        assert_eq!(err.code(), "profile.file_corrupt");
    }
}
