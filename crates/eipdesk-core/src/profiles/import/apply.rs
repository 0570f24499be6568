//! The second import step: re-read the sources and create the selected profiles (chained
//! roles after their sources). Every selection is judged on its own: one that cannot be
//! imported is reported with its reason and the others go ahead. A candidate imported before
//! (same source, name and AccessKey ID) is skipped unless the selection asks for it again.

use std::collections::HashMap;

use super::plan::{Found, Plan};
use super::reason::ImportReason;
use super::{
    ImportError, ImportFailure, ImportReport, ImportSelection, ImportSkipped, ImportSources,
    ImportedProfile, SourceKind, read_source,
};
use crate::profiles::inputs::{NewCredentials, NewProfile, NewRoleSource};
use crate::profiles::model::{EnvLabel, ProfileId};
use crate::profiles::store::{ProfileExtras, ProfileStore};

/// Imports the selected candidates into `store`. Secrets go from the source straight to the
/// keychain; the sources are only read.
pub fn import(
    sources: &ImportSources,
    selected: &[ImportSelection],
    store: &mut ProfileStore,
) -> ImportReport {
    let (found, unreadable) = read_selected(sources, selected);
    import_found(&found, &unreadable, selected, store)
}

/// Every source a selection needs, read once: the candidates by key, and why the sources
/// that could not be read could not.
fn read_selected(
    sources: &ImportSources,
    selected: &[ImportSelection],
) -> (HashMap<String, Found>, HashMap<SourceKind, ImportError>) {
    let mut found: HashMap<String, Found> = HashMap::new();
    let mut unreadable: HashMap<SourceKind, ImportError> = HashMap::new();
    let mut read_kinds = Vec::new();
    for sel in selected {
        let Some(kind) = SourceKind::from_key(&sel.key) else {
            continue;
        };
        if read_kinds.contains(&kind) {
            continue;
        }
        read_kinds.push(kind);
        match read_source(kind, sources) {
            Ok(Some(list)) => found.extend(list.into_iter().map(|f| (f.key(), f))),
            Ok(None) => {
                unreadable.insert(
                    kind,
                    ImportError::SourceMissing {
                        key: kind.as_str().to_string(),
                    },
                );
            }
            Err(e) => {
                unreadable.insert(kind, e);
            }
        }
    }

    (found, unreadable)
}

/// [`import`] from candidates already read (`found` by key; `unreadable` sources by kind).
pub(crate) fn import_found(
    found: &HashMap<String, Found>,
    unreadable: &HashMap<SourceKind, ImportError>,
    selected: &[ImportSelection],
    store: &mut ProfileStore,
) -> ImportReport {
    let mut report = ImportReport::default();
    let fail = |report: &mut ImportReport, e: ImportError| {
        report.failed.push(ImportFailure::from_error(&e));
    };
    let mut batch = Batch {
        found,
        selections: selected.iter().map(|s| (s.key.clone(), s)).collect(),
        created: HashMap::new(),
    };
    let mut seen: Vec<&str> = Vec::new();
    for sel in selected {
        let key = sel.key.as_str();
        if seen.contains(&key) {
            fail(
                &mut report,
                ImportError::DuplicateSelection { key: key.into() },
            );
            continue;
        }
        seen.push(key);
        let Some(kind) = SourceKind::from_key(key) else {
            fail(
                &mut report,
                ImportError::UnknownCandidate { key: key.into() },
            );
            continue;
        };
        if let Some(e) = unreadable.get(&kind) {
            report.failed.push(ImportFailure::for_key(key, e));
            continue;
        }
        let Some(f) = found.get(key) else {
            fail(
                &mut report,
                ImportError::UnknownCandidate { key: key.into() },
            );
            continue;
        };
        if let Ok(plan) = &f.plan
            && !sel.again
            && let Some(existing) = store.imported_as(key, plan.masked_key_id().as_deref())
        {
            report.skipped.push(ImportSkipped {
                key: key.to_string(),
                profile_name: existing.name.clone(),
            });
            continue;
        }
        if let Err(e) = batch.ensure(key, store, 0, &mut report) {
            fail(&mut report, e);
        }
    }
    tracing::info!(
        imported = report.imported.len(),
        skipped = report.skipped.len(),
        failed = report.failed.len(),
        "profiles imported"
    );
    report
}

struct Batch<'a> {
    found: &'a HashMap<String, Found>,
    /// Selected candidate key → the user's choices for it.
    selections: HashMap<String, &'a ImportSelection>,
    /// Candidate key → created (or reused) profile.
    created: HashMap<String, ProfileId>,
}

impl Batch<'_> {
    /// Creates the profile for `key` (after its chain source), once. The source of a chained
    /// role that an earlier import created is reused rather than imported again.
    fn ensure(
        &mut self,
        key: &str,
        store: &mut ProfileStore,
        depth: usize,
        report: &mut ImportReport,
    ) -> Result<ProfileId, ImportError> {
        if let Some(id) = self.created.get(key) {
            return Ok(id.clone());
        }
        let sel = self.selections.get(key).copied();
        if depth > crate::profiles::MAX_SOURCE_CHAIN {
            return Err(ImportError::NotImportable {
                key: key.to_string(),
                code: "import.source_unavailable",
                reason: ImportReason::SourceChainTooLong,
            });
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
        if depth > 0
            && !sel.is_some_and(|s| s.again)
            && let Some(existing) = store.imported_as(key, plan.masked_key_id().as_deref())
        {
            let id = existing.id.clone();
            self.created.insert(key.to_string(), id.clone());
            return Ok(id);
        }
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
            Plan::EcsRamRole { role_name } => NewCredentials::EcsRamRole {
                role_name,
                metadata_endpoint: None,
            },
            Plan::CredentialsUri { uri } => NewCredentials::CredentialsUri { uri },
            Plan::External { command } => NewCredentials::External { command },
            Plan::Oidc {
                provider_arn,
                token_file,
                role,
            } => NewCredentials::Oidc {
                oidc_provider_arn: provider_arn,
                oidc_token_file: token_file,
                role_arn: role.role_arn,
                session_name: role.session_name,
                duration_seconds: Some(role.duration_seconds),
            },
            Plan::RoleWithSource { source, role } => {
                let source_key = format!("{}:{source}", found.source.as_str());
                let profile_id = self.ensure(&source_key, store, depth + 1, report)?;
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
        let extras = ProfileExtras {
            imported_from: Some(key.to_string()),
            endpoint: None,
        };
        let profile = store
            .create_with(new, extras)
            .map_err(|source| ImportError::Profile {
                key: key.to_string(),
                source,
            })?;
        self.created.insert(key.to_string(), profile.id.clone());
        report.imported.push(ImportedProfile {
            key: key.to_string(),
            profile: profile.clone(),
            auto_included: sel.is_none(),
        });
        Ok(profile.id)
    }
}

/// `wanted`, or `wanted (2)`, `wanted (3)`, … whichever is free.
pub(crate) fn unique_name(store: &ProfileStore, wanted: &str) -> String {
    let base = wanted.trim();
    if store.name_available(base) {
        return base.to_string();
    }
    let max = crate::profiles::validate::MAX_NAME_CHARS;
    (2..1000)
        .map(|n| {
            let suffix = format!(" ({n})");
            let keep = max.saturating_sub(suffix.len());
            let head: String = base.chars().take(keep).collect();
            format!("{}{suffix}", head.trim_end())
        })
        .find(|candidate| store.name_available(candidate))
        .unwrap_or_else(|| base.to_string())
}
