//! Read-only import of existing credentials: the aliyun CLI's `~/.aliyun/config.json`, the
//! SDKs' `~/.alibabacloud/credentials` and `ALIBABA_CLOUD_*` environment variables.
//!
//! Two steps. [`scan`] lists candidates (name, mode, masked AccessKey ID, importable or why
//! not, imported before or not); no secret is in its result. [`import`] re-reads the
//! sources and creates the selected profiles (secrets go to the keychain), each on its own:
//! a bad entry is reported with its reason, never blocking the others. Both apply the same
//! checks, so what the scan offers the import accepts. Sources are only ever opened for
//! reading (never a FIFO or device); paths and the environment are parameters.

pub(crate) mod aliyun_cli;
pub(crate) mod apply;
mod credentials_file;
mod env;
mod error;
mod ini;
pub(crate) mod plan;
pub(crate) mod read;
mod reason;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::model::{AuthMode, EnvLabel, ProfileSummary};
use crate::error_hint::ErrorHint;
use crate::error_text::ErrorText;
use crate::text::Message;

pub use apply::import;
pub(crate) use apply::import_found;
pub use env::ENV_CANDIDATE;
pub use error::ImportError;
pub use plan::{FALLBACK_REGION, FALLBACK_SESSION_NAME};
use read::read_source;
pub use reason::{FileProblem, ImportNote, ImportReason, JsonKind};

/// Largest source file read.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// Where candidates come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum SourceKind {
    /// `~/.aliyun/config.json`.
    AliyunCli,
    /// `~/.alibabacloud/credentials`.
    CredentialsFile,
    /// `ALIBABA_CLOUD_*` variables.
    Environment,
}

impl SourceKind {
    /// Prefix of candidate keys from this source.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::AliyunCli => "aliyun-cli",
            Self::CredentialsFile => "credentials-file",
            Self::Environment => "env",
        }
    }

    fn from_key(key: &str) -> Option<Self> {
        let (prefix, _) = key.split_once(':')?;
        [Self::AliyunCli, Self::CredentialsFile, Self::Environment]
            .into_iter()
            .find(|k| k.as_str() == prefix)
    }
}

/// The places to read. `None` skips a source.
#[derive(Debug, Clone, Default)]
pub struct ImportSources {
    /// The aliyun CLI configuration file.
    pub aliyun_config: Option<PathBuf>,
    /// The credentials INI file.
    pub credentials_file: Option<PathBuf>,
    /// Environment variables.
    pub env: Option<HashMap<String, String>>,
}

impl ImportSources {
    /// The standard locations under `home`, honouring `ALIBABA_CLOUD_CONFIG_FILE` and
    /// `ALIBABA_CLOUD_CREDENTIALS_FILE` from `env`, plus `env` itself.
    pub fn standard(home: &Path, env: HashMap<String, String>) -> Self {
        let from_env = |name: &str| {
            env.get(name)
                .filter(|v| !v.trim().is_empty())
                .map(PathBuf::from)
        };
        Self {
            aliyun_config: Some(
                from_env("ALIBABA_CLOUD_CONFIG_FILE")
                    .unwrap_or_else(|| home.join(".aliyun").join("config.json")),
            ),
            credentials_file: Some(
                from_env("ALIBABA_CLOUD_CREDENTIALS_FILE")
                    .unwrap_or_else(|| home.join(".alibabacloud").join("credentials")),
            ),
            env: Some(env),
        }
    }
}

/// Environment prefixes the import reads (the spellings the aliyun CLI accepts).
const ENV_PREFIXES: [&str; 3] = ["ALIBABA_CLOUD_", "ALIBABACLOUD_", "ALICLOUD_"];

impl ImportSources {
    /// The standard locations under this user's home and this process's `ALIBABA_CLOUD_*`
    /// (and alias) variables; only the environment when there is no home directory.
    pub fn from_process() -> Self {
        let env: HashMap<String, String> = std::env::vars()
            .filter(|(k, _)| ENV_PREFIXES.iter().any(|p| k.starts_with(p)))
            .collect();
        match directories::BaseDirs::new() {
            Some(dirs) => Self::standard(dirs.home_dir(), env),
            None => Self {
                env: Some(env),
                ..Self::default()
            },
        }
    }
}

/// One importable (or not) profile found in a source. Holds no secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportCandidate {
    /// Selection key (`aliyun-cli:<name>`, `credentials-file:<section>`, `env:environment`).
    pub key: String,
    /// Source.
    pub source: SourceKind,
    /// Name in the source.
    pub name: String,
    /// Mode or type as the source writes it (`AK`, `ram_role_arn`, …).
    pub source_mode: String,
    /// Mode the profile would get.
    pub mode: Option<AuthMode>,
    /// Region the profile would get.
    pub region: String,
    /// Masked AccessKey ID.
    pub access_key_id_masked: Option<String>,
    /// Role ARN, for roles.
    pub role_arn: Option<String>,
    /// Source profile name in the same file, for chained roles.
    pub source_profile: Option<String>,
    /// Whether it can be imported.
    pub importable: bool,
    /// Why not (code), e.g. `import.mode_unsupported`.
    pub reason_code: Option<String>,
    /// Why not, in English (the CLI).
    pub reason: Option<String>,
    /// Why not, as a message key (the window words it).
    pub reason_text: Option<ImportReason>,
    /// Defaults that will be applied, in English.
    pub notes: Vec<String>,
    /// Defaults that will be applied, as message keys.
    pub note_texts: Vec<ImportNote>,
    /// Name of the profile an earlier import created from it (same source, name and
    /// AccessKey ID); the import skips it unless asked again.
    pub already_imported: Option<String>,
}

impl ImportCandidate {
    fn from_found(f: &plan::Found) -> Self {
        let (mode, masked, role_arn, source_profile) = match &f.plan {
            Ok(p) => {
                let (arn, src) = match p {
                    plan::Plan::RoleWithKey { role, .. } | plan::Plan::Oidc { role, .. } => {
                        (Some(role.role_arn.clone()), None)
                    }
                    plan::Plan::RoleWithSource { role, source } => {
                        (Some(role.role_arn.clone()), Some(source.clone()))
                    }
                    _ => (None, None),
                };
                (Some(p.mode()), p.masked_key_id(), arn, src)
            }
            Err(_) => (None, None, None, None),
        };
        let refusal = f.plan.as_ref().err();
        Self {
            key: f.key(),
            source: f.source,
            name: f.name.clone(),
            source_mode: f.source_mode.clone(),
            mode,
            region: f.region.clone(),
            access_key_id_masked: masked,
            role_arn,
            source_profile,
            importable: refusal.is_none(),
            reason_code: refusal.map(|r| r.code.to_string()),
            reason: refusal.map(|r| r.reason.english()),
            reason_text: refusal.map(|r| r.reason.clone()),
            notes: f.notes.iter().map(Message::english).collect(),
            note_texts: f.notes.clone(),
            already_imported: None,
        }
    }
}

/// State of one source after a scan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum SourceStatus {
    /// Read; candidates listed.
    Found,
    /// Not present (or not configured).
    Missing,
    /// Present but unreadable or malformed; nothing can be imported from it.
    Error,
}

/// A source-level problem for the UI.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SourceProblem {
    /// Stable code, e.g. `import.malformed`.
    pub code: String,
    /// What is wrong (never a secret).
    pub message: String,
    /// What is wrong, as a message key.
    pub text: Option<ErrorText>,
    /// What to do, in English.
    pub hint: String,
    /// What to do, as a message key.
    pub hint_text: ErrorHint,
}

/// Result of scanning one source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SourceReport {
    /// Which source.
    pub kind: SourceKind,
    /// Its file, for file sources.
    pub path: Option<String>,
    /// Found, missing or error.
    pub status: SourceStatus,
    /// The problem, when `status` is `error`.
    pub error: Option<SourceProblem>,
    /// Profiles found.
    pub candidates: Vec<ImportCandidate>,
}

/// Result of [`scan`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ScanReport {
    /// One entry per configured source.
    pub sources: Vec<SourceReport>,
}

/// One profile the user chose to import.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportSelection {
    /// Candidate key from the scan.
    pub key: String,
    /// Name to give it (default: its name in the source, made unique).
    #[serde(default)]
    pub name: Option<String>,
    /// Environment label (default: none).
    #[serde(default)]
    pub label: Option<EnvLabel>,
    /// Import it even though an earlier import created it (default: skip it).
    #[serde(default)]
    pub again: bool,
}

/// One created profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportedProfile {
    /// Candidate key.
    pub key: String,
    /// The new profile.
    pub profile: ProfileSummary,
    /// True when it was not selected but is the source of a selected chained role.
    pub auto_included: bool,
}

/// A selection skipped because an earlier import created it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportSkipped {
    /// Candidate key.
    pub key: String,
    /// The existing profile's name.
    pub profile_name: String,
}

/// A selection that could not be imported (the others were).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportFailure {
    /// Candidate key.
    pub key: String,
    /// Stable code, e.g. `import.mode_unsupported`.
    pub code: String,
    /// What is wrong (never a secret).
    pub message: String,
    /// What is wrong, as a message key.
    pub text: Option<ErrorText>,
    /// What to do, in English.
    pub hint: String,
    /// What to do, as a message key.
    pub hint_text: ErrorHint,
}

impl ImportFailure {
    fn from_error(e: &ImportError) -> Self {
        Self::for_key(e.key().unwrap_or_default(), e)
    }

    fn for_key(key: &str, e: &ImportError) -> Self {
        Self {
            key: key.to_string(),
            code: e.code().to_string(),
            message: e.to_string(),
            text: e.text(),
            hint: e.hint(),
            hint_text: e.hint_text(),
        }
    }
}

/// Result of [`import`]: one outcome per selection.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportReport {
    /// Created profiles, sources before the roles that use them.
    pub imported: Vec<ImportedProfile>,
    /// Selections an earlier import already created.
    pub skipped: Vec<ImportSkipped>,
    /// Selections that could not be imported, with why.
    pub failed: Vec<ImportFailure>,
}

const ALL_KINDS: [SourceKind; 3] = [
    SourceKind::AliyunCli,
    SourceKind::CredentialsFile,
    SourceKind::Environment,
];

/// [`scan`], with each candidate an earlier import into `store` created marked as such.
pub fn scan_with(sources: &ImportSources, store: &crate::profiles::ProfileStore) -> ScanReport {
    let mut report = scan(sources);
    for c in report
        .sources
        .iter_mut()
        .flat_map(|s| s.candidates.iter_mut())
    {
        if c.importable {
            c.already_imported = store
                .imported_as(&c.key, c.access_key_id_masked.as_deref())
                .map(|p| p.name.clone());
        }
    }
    report
}

/// Lists what could be imported from each configured source. Never fails as a whole: a
/// source that cannot be read is reported with its error. Holds no secret.
pub fn scan(sources: &ImportSources) -> ScanReport {
    let mut reports = Vec::new();
    for kind in ALL_KINDS {
        let path = match kind {
            SourceKind::AliyunCli => sources.aliyun_config.as_ref(),
            SourceKind::CredentialsFile => sources.credentials_file.as_ref(),
            SourceKind::Environment => None,
        }
        .map(|p| p.display().to_string());
        if kind == SourceKind::Environment && sources.env.is_none() {
            continue;
        }
        if kind != SourceKind::Environment && path.is_none() {
            continue;
        }
        let (status, error, candidates) = match read_source(kind, sources) {
            Ok(Some(found)) => (
                SourceStatus::Found,
                None,
                found.iter().map(ImportCandidate::from_found).collect(),
            ),
            Ok(None) => (SourceStatus::Missing, None, Vec::new()),
            Err(e) => (
                SourceStatus::Error,
                Some(SourceProblem {
                    code: e.code().to_string(),
                    message: e.to_string(),
                    text: e.text(),
                    hint: e.hint(),
                    hint_text: e.hint_text(),
                }),
                Vec::new(),
            ),
        };
        reports.push(SourceReport {
            kind,
            path,
            status,
            error,
            candidates,
        });
    }
    ScanReport { sources: reports }
}
