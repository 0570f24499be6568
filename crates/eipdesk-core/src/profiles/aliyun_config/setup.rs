//! "Set up the aliyun CLI": an `External` profile in `config.json` whose `process_command`
//! asks `eipdesk-cli` for the EIP Desk profile's credentials. [`preview`] shows the exact
//! entry and whether the file is created; [`apply`] writes it after the user confirmed,
//! refusing if the file changed since. An existing identical entry is left alone; an
//! aliyun CLI profile of the same name that does something else is never overwritten.

use std::path::Path;

use serde::Serialize;
use ts_rs::TS;

use super::error::ConfigWriteError;
use super::file::{self, Loaded};
use super::json::{self, Json};
use super::{CLI_PROGRAM, cli_profile_name, process_command};
use crate::profiles::ProfileSummary;

/// What set-up would write, for the user to confirm.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SetupPreview {
    /// The file.
    pub path: String,
    /// Fingerprint of the file as previewed; [`apply`] needs it.
    pub fingerprint: String,
    /// The file does not exist yet and will be created (with this entry as `current`).
    pub creates_file: bool,
    /// The aliyun CLI profile name (`aliyun --profile NAME …`).
    pub cli_profile: String,
    /// The command the aliyun CLI will run.
    pub process_command: String,
    /// The entry exactly as it will be written.
    pub entry: String,
    /// The entry is already there; nothing will be written.
    pub already_set_up: bool,
}

/// What set-up did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SetupReport {
    /// The file.
    pub path: String,
    /// The backup of the file as it was (none when it was created or left alone).
    pub backup: Option<String>,
    /// The aliyun CLI profile name.
    pub cli_profile: String,
    /// Whether the file was written.
    pub written: bool,
}

struct Plan {
    loaded: Loaded,
    cli_profile: String,
    command: String,
    entry: Json,
    /// The whole new document; `None` when the entry is there already.
    new_doc: Option<Json>,
}

fn plan(path: &Path, profile: &ProfileSummary) -> Result<Plan, ConfigWriteError> {
    let loaded = file::load(path)?;
    let cli_profile = cli_profile_name(&profile.name);
    let command = process_command(CLI_PROGRAM, profile);
    let text = |s: &str| Json::String(s.to_string());
    let entry = Json::Object(vec![
        ("name".into(), text(&cli_profile)),
        ("mode".into(), text("External")),
        ("region_id".into(), text(&profile.region)),
        ("output_format".into(), text("json")),
        ("language".into(), text("en")),
        ("process_command".into(), text(&command)),
    ]);
    let new_doc = match loaded.document()? {
        None => Some(Json::Object(vec![
            ("current".into(), text(&cli_profile)),
            ("profiles".into(), Json::Array(vec![entry.clone()])),
            ("meta_path".into(), text("")),
        ])),
        Some(mut doc) => {
            let existing = profiles(&doc)
                .iter()
                .find(|p| p.str("name") == Some(cli_profile.as_str()));
            match existing {
                Some(p) if same_external(p, &command) => None,
                Some(_) => return Err(ConfigWriteError::NameTaken { name: cli_profile }),
                None => {
                    match doc.get_mut("profiles") {
                        Some(Json::Array(list)) => list.push(entry.clone()),
                        _ => doc.set("profiles", Json::Array(vec![entry.clone()])),
                    }
                    Some(doc)
                }
            }
        }
    };
    Ok(Plan {
        loaded,
        cli_profile,
        command,
        entry,
        new_doc,
    })
}

/// The profile list of a document (empty when it has none).
pub(super) fn profiles(doc: &Json) -> &[Json] {
    match doc.get("profiles") {
        Some(Json::Array(list)) => list,
        _ => &[],
    }
}

fn same_external(p: &Json, command: &str) -> bool {
    p.str("mode")
        .is_some_and(|m| m.eq_ignore_ascii_case("external"))
        && p.str("process_command").map(str::trim) == Some(command)
}

/// What set-up would write for `profile` into the file at `path`.
pub fn preview(path: &Path, profile: &ProfileSummary) -> Result<SetupPreview, ConfigWriteError> {
    let p = plan(path, profile)?;
    Ok(SetupPreview {
        path: p.loaded.path.display().to_string(),
        fingerprint: p.loaded.fingerprint.clone(),
        creates_file: p.loaded.text.is_none(),
        cli_profile: p.cli_profile,
        process_command: p.command,
        entry: json::render(&p.entry),
        already_set_up: p.new_doc.is_none(),
    })
}

/// Writes what [`preview`] showed, if the file still has the previewed `fingerprint`.
pub fn apply(
    path: &Path,
    profile: &ProfileSummary,
    fingerprint: &str,
) -> Result<SetupReport, ConfigWriteError> {
    let p = plan(path, profile)?;
    p.loaded.expect(fingerprint)?;
    let backup = match &p.new_doc {
        Some(doc) => p.loaded.replace_with(doc)?,
        None => None,
    };
    tracing::info!(
        written = p.new_doc.is_some(),
        "aliyun CLI set up for a profile"
    );
    Ok(SetupReport {
        path: p.loaded.path.display().to_string(),
        backup: backup.map(|b| b.display().to_string()),
        cli_profile: p.cli_profile,
        written: p.new_doc.is_some(),
    })
}
