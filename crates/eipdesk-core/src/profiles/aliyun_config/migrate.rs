//! "Move plaintext keys into the keychain": each aliyun CLI profile that holds an AccessKey
//! secret (`AK`, `RamRoleArn`) becomes an EIP Desk profile, its secret in the keychain, and
//! its entry in `config.json` becomes `External` (`eipdesk-cli credentials NAME`) with the
//! AccessKey fields emptied; every other key stays as it was. The profiles are created
//! through the import (same checks; one imported before is reused, not duplicated), from the
//! very bytes the fingerprint was taken of. Entries that cannot be moved are listed with why.

use std::collections::HashMap;
use std::path::Path;

use serde::Serialize;
use ts_rs::TS;

use super::error::ConfigWriteError;
use super::file::{self, Loaded};
use super::json::Json;
use super::reason::MoveReason;
use super::setup::profiles;
use super::{CLI_PROGRAM, FieldChange, process_command};
use crate::profiles::import::aliyun_cli;
use crate::profiles::import::apply::unique_name;
use crate::profiles::import::plan::{Found, Plan};
use crate::profiles::import::{ImportSelection, import_found};
use crate::profiles::{ProfileStore, ProfileSummary, mask_key_id};
use crate::text::Message;

/// Fields emptied in a moved entry (they hold the key).
const KEY_FIELDS: [&str; 3] = ["access_key_id", "access_key_secret", "sts_token"];

/// One aliyun CLI profile that holds an AccessKey secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MoveCandidate {
    /// Its name in `config.json` (what [`apply`] takes).
    pub cli_profile: String,
    /// Its mode as the file writes it.
    pub mode: String,
    /// Masked AccessKey ID.
    pub access_key_id_masked: Option<String>,
    /// Whether it can be moved.
    pub movable: bool,
    /// Why not, in English.
    pub reason: Option<String>,
    /// Why not, as a message key (the window words it).
    pub reason_text: Option<MoveReason>,
    /// The EIP Desk profile it will use: one an earlier import created, or the new one.
    pub desk_profile: Option<String>,
    /// Whether that EIP Desk profile exists already (nothing is added to the keychain).
    pub already_in_desk: bool,
    /// The changes to its entry (secrets masked).
    pub changes: Vec<FieldChange>,
}

/// What moving would do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MovePreview {
    /// The file.
    pub path: String,
    /// Fingerprint of the file as previewed ([`ABSENT`](super::ABSENT) when missing).
    pub fingerprint: String,
    /// Every profile holding an AccessKey secret, in file order.
    pub candidates: Vec<MoveCandidate>,
}

/// One moved aliyun CLI profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MovedProfile {
    /// Its name in `config.json`.
    pub cli_profile: String,
    /// The EIP Desk profile holding its key now.
    pub desk_profile: String,
    /// Whether that profile was created now (else an earlier import created it).
    pub created: bool,
    /// The entry's new `process_command`.
    pub process_command: String,
}

/// A selected profile that was not moved (its entry is unchanged).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NotMoved {
    /// Its name in `config.json`.
    pub cli_profile: String,
    /// Why, in English.
    pub reason: String,
    /// Why, as a message key (the window words it).
    pub reason_text: MoveReason,
}

impl NotMoved {
    fn new(cli_profile: String, reason: MoveReason) -> Self {
        Self {
            cli_profile,
            reason: reason.english(),
            reason_text: reason,
        }
    }
}

/// What moving did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MoveReport {
    /// The file.
    pub path: String,
    /// The backup of the file as it was (none when nothing was written).
    pub backup: Option<String>,
    /// Moved profiles.
    pub moved: Vec<MovedProfile>,
    /// Selected profiles left as they were, with why.
    pub not_moved: Vec<NotMoved>,
}

/// One entry holding a secret, with what the import makes of it.
struct Holder {
    index: usize,
    found: Found,
    candidate: MoveCandidate,
}

fn read(
    path: &Path,
    store: &ProfileStore,
) -> Result<(Loaded, Json, Vec<Holder>), ConfigWriteError> {
    let loaded = file::load(path)?;
    let doc = loaded
        .document()?
        .ok_or_else(|| ConfigWriteError::Missing {
            path: loaded.path.clone(),
        })?;
    let text = loaded.text.as_deref().unwrap_or_default();
    let found = aliyun_cli::parse(text).map_err(|e| ConfigWriteError::Structure {
        path: loaded.path.clone(),
        reason: e.reason.to_string(),
    })?;
    let holders = profiles(&doc)
        .iter()
        .zip(found)
        .enumerate()
        .filter(|(_, (entry, _))| {
            entry
                .str("access_key_secret")
                .is_some_and(|s| !s.is_empty())
        })
        .map(|(index, (entry, found))| {
            let candidate = judge(entry, &found, store);
            Holder {
                index,
                found,
                candidate,
            }
        })
        .collect();
    Ok((loaded, doc, holders))
}

fn judge(entry: &Json, found: &Found, store: &ProfileStore) -> MoveCandidate {
    let masked = entry.str("access_key_id").map(mask_key_id);
    let verdict = match &found.plan {
        Ok(Plan::AccessKey(_) | Plan::RoleWithKey { .. }) => Ok(()),
        Ok(Plan::StsToken { .. }) => Err(MoveReason::StsToken),
        Ok(_) => Err(MoveReason::NoAccessKey),
        Err(refusal) => Err(MoveReason::NotImportable {
            import_reason: refusal.reason.clone(),
        }),
    };
    let existing = verdict
        .is_ok()
        .then(|| store.imported_as(&found.key(), masked.as_deref()))
        .flatten();
    let desk_profile = match (&verdict, existing) {
        (_, Some(p)) => Some(p.name.clone()),
        (Ok(()), None) => Some(unique_name(store, &found.name)),
        (Err(_), None) => None,
    };
    let changes = match (&verdict, &desk_profile) {
        (Ok(()), Some(name)) => {
            let command = existing.map_or_else(
                || predicted_command(name),
                |p| process_command(CLI_PROGRAM, &store_summary(store, p)),
            );
            changes(entry, &command)
        }
        _ => Vec::new(),
    };
    MoveCandidate {
        cli_profile: found.key.clone().unwrap_or_else(|| found.name.clone()),
        mode: found.source_mode.clone(),
        access_key_id_masked: masked,
        movable: verdict.is_ok(),
        reason: verdict.as_ref().err().map(Message::english),
        reason_text: verdict.err(),
        already_in_desk: existing.is_some(),
        desk_profile,
        changes,
    }
}

fn store_summary(store: &ProfileStore, p: &crate::profiles::Profile) -> ProfileSummary {
    store
        .summary(&p.id)
        .expect("a listed profile has a summary")
}

/// The command for a profile not created yet: by name when that is one plain word.
fn predicted_command(name: &str) -> String {
    let plain = name
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "_.:@%+=/-".contains(c));
    if plain {
        format!("{CLI_PROGRAM} credentials {name}")
    } else {
        format!("{CLI_PROGRAM} credentials <id of the new profile>")
    }
}

/// The entry's fields before and after (secrets and key IDs masked).
fn changes(entry: &Json, command: &str) -> Vec<FieldChange> {
    let shown = |field: &str| {
        entry.get(field).map(|v| match (field, v) {
            ("access_key_id", Json::String(s)) => mask_key_id(s),
            ("access_key_secret" | "sts_token", Json::String(s)) if !s.is_empty() => {
                "••••••••".to_string()
            }
            (_, Json::String(s)) => s.clone(),
            (_, other) => super::json::render(other),
        })
    };
    let mut out = vec![
        FieldChange {
            field: "mode".into(),
            before: shown("mode"),
            after: Some("External".into()),
        },
        FieldChange {
            field: "process_command".into(),
            before: shown("process_command"),
            after: Some(command.to_string()),
        },
    ];
    for field in KEY_FIELDS {
        if let Some(before) = shown(field).filter(|b| !b.is_empty()) {
            out.push(FieldChange {
                field: field.into(),
                before: Some(before),
                after: Some(String::new()),
            });
        }
    }
    out
}

/// Rewrites `entry` as `External` running `command`, its key fields emptied.
fn rewrite(entry: &mut Json, command: &str) {
    entry.set("mode", Json::String("External".into()));
    entry.set("process_command", Json::String(command.into()));
    for field in KEY_FIELDS {
        if entry.get(field).is_some() {
            entry.set(field, Json::String(String::new()));
        }
    }
}

/// What moving would do with the file at `path`.
pub fn preview(path: &Path, store: &ProfileStore) -> Result<MovePreview, ConfigWriteError> {
    let (loaded, _, holders) = read(path, store)?;
    Ok(MovePreview {
        path: loaded.path.display().to_string(),
        fingerprint: loaded.fingerprint,
        candidates: holders.into_iter().map(|h| h.candidate).collect(),
    })
}

/// Moves the selected aliyun CLI profiles (by their name in the file), if the file still has
/// the previewed `fingerprint`.
pub fn apply(
    path: &Path,
    fingerprint: &str,
    selected: &[String],
    store: &mut ProfileStore,
) -> Result<MoveReport, ConfigWriteError> {
    let (loaded, mut doc, holders) = read(path, store)?;
    loaded.expect(fingerprint)?;
    let mut not_moved = Vec::new();
    let mut chosen: Vec<&Holder> = Vec::new();
    for name in selected {
        match holders.iter().find(|h| &h.candidate.cli_profile == name) {
            Some(h) if h.candidate.movable => {
                if !chosen.iter().any(|c| c.index == h.index) {
                    chosen.push(h);
                }
            }
            Some(h) => not_moved.push(NotMoved::new(
                name.clone(),
                h.candidate
                    .reason_text
                    .clone()
                    .unwrap_or(MoveReason::NotImported),
            )),
            None => not_moved.push(NotMoved::new(name.clone(), MoveReason::NotInFile)),
        }
    }
    let found: HashMap<String, Found> = chosen
        .iter()
        .map(|h| (h.found.key(), h.found.clone()))
        .collect();
    let selections: Vec<ImportSelection> = chosen
        .iter()
        .map(|h| ImportSelection {
            key: h.found.key(),
            name: None,
            label: None,
            again: false,
        })
        .collect();
    let report = import_found(&found, &HashMap::new(), &selections, store);
    let mut moved = Vec::new();
    let entries = match doc.get_mut("profiles") {
        Some(Json::Array(list)) => list,
        _ => unreachable!("read() checked the profile list"),
    };
    for h in &chosen {
        let key = h.found.key();
        let made = report
            .imported
            .iter()
            .find(|p| p.key == key)
            .map(|p| (p.profile.clone(), true));
        let reused = report.skipped.iter().find(|s| s.key == key).and_then(|s| {
            let p = store
                .list()
                .into_iter()
                .find(|p| p.name == s.profile_name)?;
            Some((p, false))
        });
        let Some((profile, created)) = made.or(reused) else {
            let reason =
                report
                    .failed
                    .iter()
                    .find(|f| f.key == key)
                    .map_or(MoveReason::NotImported, |f| match &f.text {
                        Some(text) => MoveReason::ImportFailed {
                            cause: Box::new(text.clone()),
                        },
                        None => MoveReason::ImportFailedVerbatim {
                            detail: f.message.clone(),
                        },
                    });
            not_moved.push(NotMoved::new(h.candidate.cli_profile.clone(), reason));
            continue;
        };
        let command = process_command(CLI_PROGRAM, &profile);
        rewrite(&mut entries[h.index], &command);
        moved.push(MovedProfile {
            cli_profile: h.candidate.cli_profile.clone(),
            desk_profile: profile.name,
            created,
            process_command: command,
        });
    }
    let backup = if moved.is_empty() {
        None
    } else {
        loaded.replace_with(&doc)?
    };
    tracing::info!(
        moved = moved.len(),
        not_moved = not_moved.len(),
        "plaintext aliyun CLI keys moved into the keychain"
    );
    Ok(MoveReport {
        path: loaded.path.display().to_string(),
        backup: backup.map(|b| b.display().to_string()),
        moved,
        not_moved,
    })
}
