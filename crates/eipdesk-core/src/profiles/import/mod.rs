//! Read-only import of existing credentials: the aliyun CLI's `~/.aliyun/config.json`, the
//! SDKs' `~/.alibabacloud/credentials` and `ALIBABA_CLOUD_*` environment variables.
//!
//! Two steps. [`scan`] lists candidates (name, mode, masked AccessKey ID, importable or why
//! not, imported before or not); no secret is in its result. [`import`] re-reads the
//! sources and creates the selected profiles (secrets go to the keychain), each on its own:
//! a bad entry is reported with its reason, never blocking the others. Both apply the same
//! checks, so what the scan offers the import accepts. Sources are only ever opened for
//! reading (never a FIFO or device); paths and the environment are parameters.

mod aliyun_cli;
mod apply;
mod credentials_file;
mod env;
mod ini;
mod plan;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::error::ProfileError;
use super::model::{AuthMode, EnvLabel, ProfileSummary};

pub use apply::import;
pub use env::ENV_CANDIDATE;
pub use plan::{FALLBACK_REGION, FALLBACK_SESSION_NAME};

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
    /// Why not (sentence).
    pub reason: Option<String>,
    /// Defaults that will be applied.
    pub notes: Vec<String>,
    /// Name of the profile an earlier import created from it (same source, name and
    /// AccessKey ID); the import skips it unless asked again.
    pub already_imported: Option<String>,
}

impl ImportCandidate {
    fn from_found(f: &plan::Found) -> Self {
        let (mode, masked, role_arn, source_profile) = match &f.plan {
            Ok(p) => {
                let (arn, src) = match p {
                    plan::Plan::RoleWithKey { role, .. } => (Some(role.role_arn.clone()), None),
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
            reason: refusal.map(|r| r.reason.clone()),
            notes: f.notes.clone(),
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
    /// What to do.
    pub hint: String,
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
    /// What to do.
    pub hint: String,
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
            hint: e.hint(),
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

/// Why a source or one selection cannot be imported.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file exists but could not be read.
    #[error("could not read {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// The path is not a regular file (a FIFO, a device, a directory…); it was not read.
    #[error("{path} is {kind}, not a credentials file; it was not read")]
    NotAFile {
        /// The path.
        path: PathBuf,
        /// What it is.
        kind: &'static str,
    },
    /// The file is larger than [`MAX_FILE_BYTES`].
    #[error("{path} is too large ({bytes} bytes) to be a credentials file")]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        bytes: u64,
    },
    /// The file's syntax or structure is wrong.
    #[error("{path} is malformed{}: {reason}", location(*.line, *.column))]
    Malformed {
        /// The file.
        path: PathBuf,
        /// 1-based line, when known.
        line: Option<usize>,
        /// 1-based column, when known.
        column: Option<usize>,
        /// What is wrong (never the file's content).
        reason: String,
    },
    /// The source of a selected key is not configured or not present any more.
    #[error("the source of {key} is not available")]
    SourceMissing {
        /// The key.
        key: String,
    },
    /// No candidate has this key (any more).
    #[error("no import candidate {key}")]
    UnknownCandidate {
        /// The key.
        key: String,
    },
    /// The same key was selected twice.
    #[error("{key} is selected twice")]
    DuplicateSelection {
        /// The key.
        key: String,
    },
    /// The candidate cannot be imported.
    #[error("{key} cannot be imported: {reason}")]
    NotImportable {
        /// The key.
        key: String,
        /// Refusal code.
        code: &'static str,
        /// Why.
        reason: String,
    },
    /// Creating the profile failed.
    #[error("importing {key} failed: {source}")]
    Profile {
        /// The key.
        key: String,
        /// The profile error.
        #[source]
        source: ProfileError,
    },
}

fn location(line: Option<usize>, column: Option<usize>) -> String {
    match (line, column) {
        (Some(l), Some(c)) => format!(" at line {l}, column {c}"),
        (Some(l), None) => format!(" at line {l}"),
        _ => String::new(),
    }
}

impl ImportError {
    /// The selection key the error is about, when it is about one.
    pub fn key(&self) -> Option<&str> {
        match self {
            Self::SourceMissing { key }
            | Self::UnknownCandidate { key }
            | Self::DuplicateSelection { key }
            | Self::NotImportable { key, .. }
            | Self::Profile { key, .. } => Some(key),
            _ => None,
        }
    }

    /// Stable machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Read { .. } => "import.read",
            Self::TooLarge { .. } => "import.too_large",
            Self::NotAFile { .. } => "import.not_a_file",
            Self::Malformed { .. } => "import.malformed",
            Self::SourceMissing { .. } => "import.source_missing",
            Self::UnknownCandidate { .. } => "import.unknown_candidate",
            Self::DuplicateSelection { .. } => "import.duplicate_selection",
            Self::NotImportable { code, .. } => code,
            Self::Profile { source, .. } => source.code(),
        }
    }

    /// What the user can do about it.
    pub fn hint(&self) -> String {
        match self {
            Self::Read { .. } => "Check the file's permissions.".into(),
            Self::TooLarge { .. } | Self::NotAFile { .. } => {
                "Check that the path points at a credentials file.".into()
            }
            Self::Malformed { .. } => {
                "Fix the file (for example with `aliyun configure`), then scan again. \
                 EIP Desk never changes it."
                    .into()
            }
            Self::SourceMissing { .. } | Self::UnknownCandidate { .. } => {
                "The source changed since the scan; scan again.".into()
            }
            Self::DuplicateSelection { .. } => "Select each candidate once.".into(),
            Self::NotImportable { .. } => "Create this profile by hand in EIP Desk instead.".into(),
            Self::Profile { source, .. } => source.hint(),
        }
    }
}

/// One source's candidates, or why the source cannot be read; `Ok(None)` when absent.
fn read_source(
    kind: SourceKind,
    sources: &ImportSources,
) -> Result<Option<Vec<plan::Found>>, ImportError> {
    match kind {
        SourceKind::Environment => Ok(sources.env.as_ref().and_then(env::parse).map(|f| vec![f])),
        SourceKind::AliyunCli => {
            let Some(path) = &sources.aliyun_config else {
                return Ok(None);
            };
            let Some(text) = read_text(path)? else {
                return Ok(None);
            };
            aliyun_cli::parse(&text)
                .map(Some)
                .map_err(|e| ImportError::Malformed {
                    path: path.clone(),
                    line: e.line,
                    column: e.column,
                    reason: e.reason,
                })
        }
        SourceKind::CredentialsFile => {
            let Some(path) = &sources.credentials_file else {
                return Ok(None);
            };
            let Some(text) = read_text(path)? else {
                return Ok(None);
            };
            credentials_file::parse(&text)
                .map(Some)
                .map_err(|e| ImportError::Malformed {
                    path: path.clone(),
                    line: Some(e.line),
                    column: None,
                    reason: e.reason.to_string(),
                })
        }
    }
}

/// Reads a file for reading only; `Ok(None)` when it does not exist. Anything but a regular
/// file (a FIFO, a device, a socket, a directory) is refused before it is opened for
/// reading, and the file is opened non-blocking so that a swap between the check and the
/// open cannot hang the scan either.
fn read_text(path: &Path) -> Result<Option<String>, ImportError> {
    use std::io::Read;
    let read_err = |source| ImportError::Read {
        path: path.to_path_buf(),
        source,
    };
    match std::fs::metadata(path) {
        Ok(meta) => special_file(path, &meta)?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(source) => return Err(read_err(source)),
    }
    let file = match open_for_reading(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(source) => return Err(read_err(source)),
    };
    let meta = file.metadata().map_err(read_err)?;
    special_file(path, &meta)?;
    let bytes = meta.len();
    if bytes > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge {
            path: path.to_path_buf(),
            bytes,
        });
    }
    let mut buf = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut buf)
        .map_err(read_err)?;
    String::from_utf8(buf)
        .map(Some)
        .map_err(|e| ImportError::Malformed {
            path: path.to_path_buf(),
            line: None,
            column: None,
            reason: format!(
                "not UTF-8 text (invalid byte at offset {})",
                e.utf8_error().valid_up_to()
            ),
        })
}

/// Opens read-only; on Unix with `O_NONBLOCK` (a FIFO then fails or returns at once).
fn open_for_reading(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32);
    }
    options.open(path)
}

/// Refuses anything but a regular file, naming what it is.
fn special_file(path: &Path, meta: &std::fs::Metadata) -> Result<(), ImportError> {
    if meta.is_file() {
        return Ok(());
    }
    let kind = if meta.is_dir() {
        "a directory"
    } else {
        special_kind(meta)
    };
    Err(ImportError::NotAFile {
        path: path.to_path_buf(),
        kind,
    })
}

#[cfg(unix)]
fn special_kind(meta: &std::fs::Metadata) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    let t = meta.file_type();
    if t.is_fifo() {
        "a named pipe (FIFO)"
    } else if t.is_char_device() || t.is_block_device() {
        "a device"
    } else if t.is_socket() {
        "a socket"
    } else {
        "not a regular file"
    }
}

#[cfg(not(unix))]
fn special_kind(_meta: &std::fs::Metadata) -> &'static str {
    "not a regular file"
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
                    hint: e.hint(),
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
