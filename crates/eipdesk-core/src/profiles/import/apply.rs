//! The second import step: re-read the sources, check the selection, then create the
//! profiles (chained roles after their sources), removing them all again on any failure.

use std::collections::HashMap;

use super::plan::{Found, Plan};
use super::{
    ImportError, ImportReport, ImportSelection, ImportSources, ImportedProfile, SourceKind,
    read_source,
};
use crate::profiles::inputs::{NewCredentials, NewProfile, NewRoleSource};
use crate::profiles::model::{EnvLabel, ProfileId};
use crate::profiles::store::ProfileStore;

/// Imports the selected candidates into `store`, all or nothing. Secrets go from the
/// source straight to the keychain; the sources are only read.
pub fn import(
    sources: &ImportSources,
    selected: &[ImportSelection],
    store: &mut ProfileStore,
) -> Result<ImportReport, ImportError> {
    // Read every source a selection needs; any unreadable one stops everything.
    let mut found: HashMap<String, Found> = HashMap::new();
    let mut read_kinds = Vec::new();
    for sel in selected {
        let kind = SourceKind::from_key(&sel.key).ok_or_else(|| ImportError::UnknownCandidate {
            key: sel.key.clone(),
        })?;
        if read_kinds.contains(&kind) {
            continue;
        }
        read_kinds.push(kind);
        let list = read_source(kind, sources)?.ok_or_else(|| ImportError::SourceMissing {
            key: sel.key.clone(),
        })?;
        found.extend(list.into_iter().map(|f| (f.key(), f)));
    }

    // Check the selection, then add the sources of chained roles.
    let mut order: Vec<(String, Option<&ImportSelection>)> = Vec::with_capacity(selected.len());
    for sel in selected {
        if order.iter().any(|(k, _)| k == &sel.key) {
            return Err(ImportError::DuplicateSelection {
                key: sel.key.clone(),
            });
        }
        let f = found
            .get(&sel.key)
            .ok_or_else(|| ImportError::UnknownCandidate {
                key: sel.key.clone(),
            })?;
        if let Err(refusal) = &f.plan {
            return Err(ImportError::NotImportable {
                key: sel.key.clone(),
                code: refusal.code,
                reason: refusal.reason.clone(),
            });
        }
        order.push((sel.key.clone(), Some(sel)));
    }
    let mut batch = Batch {
        found: &found,
        selections: order
            .iter()
            .filter_map(|(k, s)| s.map(|s| (k.clone(), s)))
            .collect(),
        created: HashMap::new(),
        report: Vec::new(),
    };
    let mut result = Ok(());
    for (key, _) in &order {
        if let Err(e) = batch.ensure(key, store, 0) {
            result = Err(e);
            break;
        }
    }
    if let Err(e) = result {
        for done in batch.report.iter().rev() {
            if let Err(cleanup) = store.delete(&done.profile.id) {
                tracing::warn!(profile = %done.profile.id, code = cleanup.code(), "could not undo an import");
            }
        }
        return Err(e);
    }
    tracing::info!(count = batch.report.len(), "profiles imported");
    Ok(ImportReport {
        imported: batch.report,
    })
}

struct Batch<'a> {
    found: &'a HashMap<String, Found>,
    /// Selected candidate key → the user's choices for it.
    selections: HashMap<String, &'a ImportSelection>,
    /// Candidate key → created profile.
    created: HashMap<String, ProfileId>,
    report: Vec<ImportedProfile>,
}

impl Batch<'_> {
    /// Creates the profile for `key` (after its chain source), once.
    fn ensure(
        &mut self,
        key: &str,
        store: &mut ProfileStore,
        depth: usize,
    ) -> Result<ProfileId, ImportError> {
        if let Some(id) = self.created.get(key) {
            return Ok(id.clone());
        }
        let sel = self.selections.get(key).copied();
        let not_importable = |reason: String| ImportError::NotImportable {
            key: key.to_string(),
            code: "import.source_unavailable",
            reason,
        };
        if depth > crate::profiles::MAX_SOURCE_CHAIN {
            return Err(not_importable(
                "its source_profile chain is too long".into(),
            ));
        }
        let found = self
            .found
            .get(key)
            .ok_or_else(|| ImportError::UnknownCandidate {
                key: key.to_string(),
            })?;
        let plan = found
            .plan
            .as_ref()
            .map_err(|r| ImportError::NotImportable {
                key: key.to_string(),
                code: r.code,
                reason: r.reason.clone(),
            })?;
        let credentials = match plan.clone() {
            Plan::AccessKey(k) => NewCredentials::AccessKey {
                access_key_id: k.id,
                access_key_secret: k.secret,
            },
            Plan::StsToken {
                key: k,
                token,
                expiration,
            } => NewCredentials::StsToken {
                access_key_id: k.id,
                access_key_secret: k.secret,
                security_token: token,
                expiration,
            },
            Plan::RoleWithKey { key: k, role } => NewCredentials::RamRole {
                source: NewRoleSource::AccessKey {
                    access_key_id: k.id,
                    access_key_secret: k.secret,
                },
                role_arn: role.role_arn,
                session_name: role.session_name,
                duration_seconds: Some(role.duration_seconds),
                external_id: role.external_id,
            },
            Plan::RoleWithSource { source, role } => {
                let source_key = format!("{}:{source}", found.source.as_str());
                let profile_id = self.ensure(&source_key, store, depth + 1)?;
                NewCredentials::RamRole {
                    source: NewRoleSource::Profile { profile_id },
                    role_arn: role.role_arn,
                    session_name: role.session_name,
                    duration_seconds: Some(role.duration_seconds),
                    external_id: role.external_id,
                }
            }
        };
        let wanted = sel
            .and_then(|s| s.name.clone())
            .filter(|n| !n.trim().is_empty())
            .unwrap_or_else(|| found.name.clone());
        let new = NewProfile {
            name: unique_name(store, &wanted),
            region: found.region.clone(),
            label: sel.and_then(|s| s.label).unwrap_or(EnvLabel::None),
            credentials,
        };
        let profile = store.create(new).map_err(|source| ImportError::Profile {
            key: key.to_string(),
            source,
        })?;
        self.created.insert(key.to_string(), profile.id.clone());
        self.report.push(ImportedProfile {
            key: key.to_string(),
            profile: profile.clone(),
            auto_included: sel.is_none(),
        });
        Ok(profile.id)
    }
}

/// `wanted`, or `wanted (2)`, `wanted (3)`, … whichever is free.
fn unique_name(store: &ProfileStore, wanted: &str) -> String {
    let base = wanted.trim();
    if store.name_available(base) {
        return base.to_string();
    }
    (2..1000)
        .map(|n| format!("{base} ({n})"))
        .find(|candidate| store.name_available(candidate))
        .unwrap_or_else(|| base.to_string())
}
