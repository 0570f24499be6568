//! The command line (clap). Secrets are never arguments: they are read from stdin or a
//! prompt.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use eipdesk_core::profiles::EnvLabel;

const AFTER_HELP: &str = "\
PROFILE defaults to the profile that is active in the EIP Desk app.

Exit codes: 0 ok, 1 other failure, 2 usage, 3 unknown profile, 4 keychain locked, missing or
without the profile's item, 5 the cloud refused (AssumeRole failed; the Alibaba code and
RequestId are printed) or the STS token expired, 6 invalid input, 7 the profile cannot be used
for this command, 127 `exec` could not start the command. `exec` otherwise exits with the
command's own code.

Use with the aliyun CLI (External mode):
  aliyun configure --mode External --profile eipdesk   # process_command: eipdesk-cli credentials NAME
Use with Terraform or any SDK:
  eipdesk-cli exec NAME -- terraform plan";

/// EIP Desk's profiles and keychain for the terminal.
#[derive(Debug, Parser)]
#[command(name = "eipdesk-cli", version, about, after_help = AFTER_HELP)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List, show, add, remove, activate or import profiles.
    #[command(subcommand)]
    Profiles(ProfilesCommand),
    /// Print the JSON the aliyun CLI's External mode (process_command) reads. RAM role
    /// profiles print temporary STS credentials, never the source AccessKey.
    Credentials {
        /// Profile name (default: the app's active profile).
        profile: Option<String>,
    },
    /// Run a command with the profile's credentials in ALIBABA_CLOUD_* and ALICLOUD_*
    /// variables; exits with the command's exit code.
    Exec {
        /// Profile name (default: the app's active profile).
        profile: Option<String>,
        /// The command and its arguments, after `--`.
        #[arg(last = true, required = true)]
        command: Vec<String>,
    },
    /// Print `export` lines for a POSIX shell: eval "$(eipdesk-cli env NAME)".
    Env {
        /// Profile name (default: the app's active profile).
        profile: Option<String>,
    },
    /// Serve temporary credentials on 127.0.0.1 for ALIBABA_CLOUD_CREDENTIALS_URI; the first
    /// output line is ALIBABA_CLOUD_CREDENTIALS_URI=<url>.
    Serve {
        /// Profile name (default: the app's active profile).
        profile: Option<String>,
        /// Port (default: a free one).
        #[arg(long, default_value_t = 0)]
        port: u16,
    },
}

#[derive(Debug, Subcommand)]
pub enum ProfilesCommand {
    /// List profiles (`*` marks the active one; expired STS tokens are flagged).
    List {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Show one profile (no secret).
    Show {
        /// Profile name (default: the active one).
        profile: Option<String>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Add a profile; the secret is read from stdin (or asked for on a terminal).
    Add(AddArgs),
    /// Remove a profile, its keychain item and its cached session.
    Remove {
        /// Profile name.
        profile: String,
    },
    /// Make a profile the active one (in the app too).
    Use {
        /// Profile name.
        profile: String,
    },
    /// Import from ~/.aliyun/config.json, ~/.alibabacloud/credentials and ALIBABA_CLOUD_*.
    Import(ImportArgs),
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// Name of the new profile.
    pub name: String,
    /// AccessKey ID (the secret comes from stdin).
    #[arg(long, conflicts_with_all = ["role_arn", "source"])]
    pub access_key_id: Option<String>,
    /// With --access-key-id: an STS token profile; stdin holds the secret, then the token.
    #[arg(long, requires = "access_key_id")]
    pub sts: bool,
    /// With --sts: when the token expires (RFC 3339).
    #[arg(long, requires = "sts")]
    pub expiration: Option<String>,
    /// RAM role to assume (with --source, or with --oidc-provider-arn).
    #[arg(long)]
    pub role_arn: Option<String>,
    /// Profile whose credentials assume the role.
    #[arg(long, requires = "role_arn")]
    pub source: Option<String>,
    /// RoleSessionName (default: eipdesk).
    #[arg(long, requires = "role_arn")]
    pub session_name: Option<String>,
    /// Session duration in seconds (900 to 43200).
    #[arg(long, requires = "role_arn")]
    pub duration_seconds: Option<u32>,
    /// ExternalId of the role.
    #[arg(long, requires = "role_arn")]
    pub external_id: Option<String>,
    /// OIDC provider ARN: with --oidc-token-file and --role-arn, a role assumed with the OIDC
    /// token in that file (AssumeRoleWithOIDC).
    #[arg(
        long,
        requires_all = ["oidc_token_file", "role_arn"],
        conflicts_with_all = ["access_key_id", "source", "external_id"]
    )]
    pub oidc_provider_arn: Option<String>,
    /// With --oidc-provider-arn: the file holding the OIDC token (read at each refresh).
    #[arg(long, requires = "oidc_provider_arn")]
    pub oidc_token_file: Option<std::path::PathBuf>,
    /// The ECS instance's RAM role, from the instance metadata service.
    #[arg(long, conflicts_with_all = ["access_key_id", "role_arn", "credentials_uri"])]
    pub ecs_ram_role: bool,
    /// With --ecs-ram-role: the role's name (default: the role attached to the instance).
    #[arg(long, requires = "ecs_ram_role")]
    pub role_name: Option<String>,
    /// With --ecs-ram-role: the metadata service URL (default: http://100.100.100.200).
    #[arg(long, requires = "ecs_ram_role")]
    pub metadata_endpoint: Option<String>,
    /// Temporary credentials from a credentials URI (ALIBABA_CLOUD_CREDENTIALS_URI format).
    #[arg(long, conflicts_with_all = ["access_key_id", "role_arn"])]
    pub credentials_uri: Option<String>,
    /// Credentials printed by this command (the aliyun CLI's External JSON).
    #[arg(long, conflicts_with_all = ["access_key_id", "role_arn", "credentials_uri", "ecs_ram_role"])]
    pub process_command: Option<String>,
    /// Default region (default: cn-hangzhou).
    #[arg(long)]
    pub region: Option<String>,
    /// Send every call of this profile to this URL (the emulator, a private endpoint).
    #[arg(long)]
    pub endpoint: Option<String>,
    /// Environment label.
    #[arg(long, value_enum)]
    pub label: Option<Label>,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Candidate keys to import (from --dry-run); default: everything importable and new.
    pub keys: Vec<String>,
    /// Read this aliyun CLI config.json only.
    #[arg(long)]
    pub aliyun_config: Option<PathBuf>,
    /// Only list what would be imported.
    #[arg(long)]
    pub dry_run: bool,
    /// Import the named keys even if imported before.
    #[arg(long)]
    pub again: bool,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// Environment label on the command line.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Label {
    Production,
    Staging,
    Test,
    None,
}

impl From<Label> for EnvLabel {
    fn from(l: Label) -> Self {
        match l {
            Label::Production => Self::Production,
            Label::Staging => Self::Staging,
            Label::Test => Self::Test,
            Label::None => Self::None,
        }
    }
}
