//! [`CliError`]: every way a command can fail, its message, what to do, and the process exit
//! code scripts can rely on (documented in `eipdesk-cli --help`).

use eipdesk_core::profiles::{ConnectError, KeychainError, ProfileError};

/// Exit codes. `exec` passes the command's own code through instead.
pub mod exit {
    /// Anything not listed below.
    pub const OTHER: u8 = 1;
    /// Bad command-line usage (clap's own code).
    pub const USAGE: u8 = 2;
    /// No profile has this name.
    pub const UNKNOWN_PROFILE: u8 = 3;
    /// The keychain is locked, missing or has no item for the profile.
    pub const KEYCHAIN: u8 = 4;
    /// The cloud refused (AssumeRole failed) or the stored STS token expired.
    pub const CLOUD: u8 = 5;
    /// Invalid input (a field, the secret on stdin).
    pub const INVALID: u8 = 6;
    /// The profile cannot be used for this command (`serve` with an AccessKey profile).
    pub const UNSUITABLE: u8 = 7;
    /// `exec`: the command could not be started.
    pub const NOT_STARTED: u8 = 127;
}

/// A failed command.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// No profile has this name or id.
    #[error("no profile named {0:?}")]
    UnknownProfile(String),
    /// The keychain cannot be used.
    #[error("the keychain cannot be used: {0}")]
    Keychain(#[from] KeychainError),
    /// A profile operation failed.
    #[error("{0}")]
    Profile(ProfileError),
    /// AssumeRole (or another credentials call) failed in the cloud.
    #[error("{message}")]
    Cloud {
        /// What failed, with the Alibaba error code and RequestId when known.
        message: String,
    },
    /// The stored STS token has expired.
    #[error("the STS token of profile {profile:?} expired at {at}")]
    Expired {
        /// Profile name.
        profile: String,
        /// When (RFC 3339).
        at: String,
    },
    /// Bad input.
    #[error("{0}")]
    Invalid(String),
    /// The profile cannot be used for this command.
    #[error("{0}")]
    Unsuitable(String),
    /// The Sandbox profile: its emulator runs only inside the app.
    #[error(
        "the Sandbox profile exists only inside the EIP Desk window (its emulator runs in the app)"
    )]
    SandboxOnly,
    /// `exec` could not start the command.
    #[error("could not start {program:?}: {source}")]
    NotStarted {
        /// The program.
        program: String,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// Anything else.
    #[error("{0}")]
    Other(String),
}

impl From<ProfileError> for CliError {
    fn from(e: ProfileError) -> Self {
        match e {
            ProfileError::Keychain(k) => Self::Keychain(k),
            ProfileError::Invalid(f) => Self::Invalid(f.to_string()),
            other => Self::Profile(other),
        }
    }
}

impl From<ConnectError> for CliError {
    fn from(e: ConnectError) -> Self {
        match e {
            ConnectError::Profile(p) => p.into(),
            ConnectError::SandboxUnavailable => Self::SandboxOnly,
            ConnectError::Api(api) => Self::Cloud {
                message: api_message(&api),
            },
        }
    }
}

/// An API error's text with its Alibaba code and RequestId.
pub fn api_message(e: &alicloud_api::Error) -> String {
    let inner = match e {
        alicloud_api::Error::Credentials(
            alicloud_api::credentials::CredentialsError::AssumeRole { source, .. },
        ) => source.as_ref(),
        other => other,
    };
    let mut text = e.to_string();
    if let Some(code) = inner.code()
        && !text.contains(code)
    {
        text.push_str(&format!(" (code {code})"));
    }
    if let Some(id) = inner.request_id() {
        text.push_str(&format!(" [RequestId {id}]"));
    }
    text
}

impl CliError {
    /// The process exit code.
    pub fn exit_code(&self) -> u8 {
        match self {
            Self::UnknownProfile(_) => exit::UNKNOWN_PROFILE,
            Self::Keychain(_) => exit::KEYCHAIN,
            Self::Profile(
                ProfileError::SecretMissing { .. } | ProfileError::SecretCorrupt { .. },
            ) => exit::KEYCHAIN,
            Self::Profile(ProfileError::NotFound(_)) => exit::UNKNOWN_PROFILE,
            Self::Profile(ProfileError::NameTaken(_)) => exit::INVALID,
            Self::Profile(_) | Self::Other(_) => exit::OTHER,
            Self::Cloud { .. } | Self::Expired { .. } => exit::CLOUD,
            Self::Invalid(_) => exit::INVALID,
            Self::Unsuitable(_) | Self::SandboxOnly => exit::UNSUITABLE,
            Self::NotStarted { .. } => exit::NOT_STARTED,
        }
    }

    /// What the user can do about it.
    pub fn hint(&self) -> String {
        match self {
            Self::UnknownProfile(_) => "List the profiles with `eipdesk-cli profiles list`.".into(),
            Self::Keychain(k) => k.hint().to_string(),
            Self::Profile(p) => p.hint(),
            Self::Cloud { .. } => "Check the role ARN, the source credentials and their \
                                   AliyunSTSAssumeRoleAccess permission."
                .into(),
            Self::Expired { .. } => {
                "Enter a new STS token in EIP Desk, or use a RAM role profile that renews itself."
                    .into()
            }
            Self::Invalid(_) => "Correct the value and run the command again.".into(),
            Self::Unsuitable(_) => "Use a RAM role or STS token profile.".into(),
            Self::SandboxOnly => "Name another profile (see `eipdesk-cli profiles list`), or make \
                                  another one active in EIP Desk. To try commands against an \
                                  emulator, run `alicloud-emulator --port 8080` and add a \
                                  profile with `--endpoint http://127.0.0.1:8080`."
                .into(),
            Self::NotStarted { .. } => "Check the command's name and PATH.".into(),
            Self::Other(_) => String::new(),
        }
    }
}
