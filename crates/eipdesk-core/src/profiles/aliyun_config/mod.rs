//! The only writes EIP Desk makes to a file the user owns: the aliyun CLI's
//! `~/.aliyun/config.json` (or `ALIBABA_CLOUD_CONFIG_FILE`, the same override the import
//! honours). Three explicit changes, each a preview first and then an apply that carries the
//! preview's fingerprint and is refused if the file changed since:
//!
//! * [`setup`]: add an `External` profile whose `process_command` is
//!   `eipdesk-cli credentials NAME`, so the aliyun CLI asks EIP Desk before every call;
//! * [`migrate`]: move each plaintext AccessKey into an EIP Desk profile (keychain) and
//!   replace it in the file by such an `External` entry;
//! * [`restore`]: put a backup back.
//!
//! Every write keeps unknown fields and the order of keys, backs the old file up beside it
//! (`config.json.eipdesk-backup-<UTC time>`, owner-only), replaces it atomically (owner-only)
//! and creates no file the user did not confirm. No secret is in any preview or report.

mod error;
mod file;
mod json;
pub mod migrate;
mod reason;
pub mod restore;
pub mod setup;

use serde::Serialize;
use ts_rs::TS;

use crate::profiles::ProfileSummary;

pub use error::ConfigWriteError;
pub use file::{ABSENT, BACKUP_INFIX};
pub use migrate::{MoveCandidate, MovePreview, MoveReport, MovedProfile, NotMoved};
pub use reason::MoveReason;
pub use restore::{BackupList, ConfigBackup, RestoreReport};
pub use setup::{SetupPreview, SetupReport};

/// The program `process_command` runs.
pub const CLI_PROGRAM: &str = "eipdesk-cli";

/// A field of one aliyun CLI profile before and after a change (secrets masked).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FieldChange {
    /// The JSON key, e.g. `access_key_secret`.
    pub field: String,
    /// The value now (`null` when absent).
    pub before: Option<String>,
    /// The value after the change (`null` when absent).
    pub after: Option<String>,
}

/// The aliyun CLI profile name set-up gives an EIP Desk profile: `eipdesk-<name>`, lower
/// case, runs of anything but letters, digits, `_` and `-` turned into one `-` (the same
/// name the Terminal panel's `aliyun configure` snippet uses).
pub fn cli_profile_name(profile_name: &str) -> String {
    let mut slug = String::new();
    let mut in_run = false;
    for c in profile_name.chars() {
        if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
            slug.push(c.to_ascii_lowercase());
            in_run = false;
        } else if !in_run {
            slug.push('-');
            in_run = true;
        }
    }
    format!("eipdesk-{slug}")
}

/// `eipdesk-cli credentials <profile>`: by name when the name is one plain word (the aliyun
/// CLI splits `process_command` on white space and runs no shell), else by id.
pub fn process_command(cli: &str, profile: &ProfileSummary) -> String {
    let plain = !profile.name.is_empty()
        && profile
            .name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_.:@%+=/-".contains(c));
    let who = if plain {
        profile.name.clone()
    } else {
        profile.id.to_string()
    };
    format!("{cli} credentials {who}")
}

/// TypeScript declarations of the types the Terminal panel uses, in dependency order.
pub fn typescript_declarations() -> Vec<String> {
    vec![
        FieldChange::decl(),
        SetupPreview::decl(),
        SetupReport::decl(),
        MoveReason::decl(),
        MoveCandidate::decl(),
        MovePreview::decl(),
        MovedProfile::decl(),
        NotMoved::decl(),
        MoveReport::decl(),
        ConfigBackup::decl(),
        BackupList::decl(),
        RestoreReport::decl(),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cli_names_match_the_terminal_snippet() {
        assert_eq!(
            cli_profile_name("Prod admin (CN)"),
            "eipdesk-prod-admin-cn-"
        );
        assert_eq!(cli_profile_name("dev_1"), "eipdesk-dev_1");
    }
}
