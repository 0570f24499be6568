//! Reads the aliyun CLI's `~/.aliyun/config.json` (`{"current": …, "profiles": [...]}`).
//!
//! Importable modes: `AK`, `StsToken`, `RamRoleArn`, `ChainableRamRoleArn` (whose
//! `source_profile` must itself be importable from the same file), `EcsRamRole`,
//! `CredentialsURI` and `External`. Every other mode is
//! listed with the reason it cannot be imported. Mode names match case-insensitively.

use serde_json::{Map, Value};
use time::OffsetDateTime;

use super::SourceKind;
use super::plan::{self, Found, Plan, Refusal, refuse};
use super::reason::{FileProblem, ImportNote, ImportReason, JsonKind};
use crate::profiles::validate;

/// Why the file as a whole cannot be read (never quotes the file's content).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct JsonError {
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub reason: FileProblem,
}

pub(crate) fn parse(text: &str) -> Result<Vec<Found>, JsonError> {
    let doc: Value = serde_json::from_str(text).map_err(|e| JsonError {
        line: Some(e.line()),
        column: Some(e.column()),
        reason: match e.classify() {
            serde_json::error::Category::Eof => FileProblem::JsonEof,
            serde_json::error::Category::Syntax => FileProblem::JsonSyntax,
            serde_json::error::Category::Data => FileProblem::JsonData,
            serde_json::error::Category::Io => FileProblem::ReadError,
        },
    })?;
    let whole = |reason: FileProblem| JsonError {
        line: None,
        column: None,
        reason,
    };
    let obj = doc
        .as_object()
        .ok_or_else(|| whole(FileProblem::TopLevelNotObject))?;
    let profiles = match obj.get("profiles") {
        Some(Value::Array(list)) => list,
        Some(_) => return Err(whole(FileProblem::ProfilesNotList)),
        None => return Err(whole(FileProblem::NoProfilesList)),
    };
    let mut found: Vec<Found> = profiles.iter().enumerate().map(read_entry).collect();
    mark_duplicates(&mut found);
    resolve_chains(&mut found);
    Ok(found)
}

/// One entry of the list, judged on its own. Entries without a usable name get the key
/// `aliyun-cli:#<position>` (1-based) so that they can still be listed.
fn read_entry((index, entry): (usize, &Value)) -> Found {
    let position = index + 1;
    let nameless = |mode: &str, refusal: Refusal| Found {
        source: SourceKind::AliyunCli,
        name: format!("#{position}"),
        key: Some(format!("#{position}")),
        source_mode: mode.to_string(),
        region: plan::FALLBACK_REGION.to_string(),
        plan: Err(refusal),
        notes: Vec::new(),
    };
    let Some(p) = entry.as_object() else {
        return nameless(
            "",
            refuse(
                "import.wrong_type",
                ImportReason::EntryNotObject {
                    position,
                    json_kind: kind(entry),
                },
            ),
        );
    };
    let mode = str_field(p, "mode").ok().flatten().unwrap_or("");
    match str_field(p, "name") {
        Err(refusal) => nameless(mode, refusal),
        Ok(None) => nameless(mode, refuse("import.missing_field", ImportReason::NoName)),
        Ok(Some(n)) if n.trim().is_empty() => {
            nameless(mode, refuse("import.missing_field", ImportReason::NoName))
        }
        Ok(Some(name)) => {
            let mut f = read_profile(name, p);
            if let Err(e) = validate::name(name) {
                f.plan = Err(plan::invalid_name(e));
            }
            f
        }
    }
}

/// Names used by more than one entry: every such entry is refused (which one the aliyun CLI
/// would use is ambiguous) and keyed by its position.
fn mark_duplicates(found: &mut [Found]) {
    let names: Vec<Option<String>> = found
        .iter()
        .map(|f| f.key.is_none().then(|| f.name.clone()))
        .collect();
    for (i, f) in found.iter_mut().enumerate() {
        let Some(name) = &names[i] else { continue };
        let positions: Vec<String> = names
            .iter()
            .enumerate()
            .filter(|(_, n)| n.as_ref() == Some(name))
            .map(|(j, _)| (j + 1).to_string())
            .collect();
        if let Some((last, rest)) = positions.split_last()
            && !rest.is_empty()
        {
            f.key = Some(format!("#{}", i + 1));
            f.plan = Err(refuse(
                "import.duplicate_name",
                ImportReason::DuplicateEntries {
                    name: name.clone(),
                    first: rest.join(", "),
                    last: last.clone(),
                },
            ));
        }
    }
}

/// The JSON type of a value, for messages ("a number").
fn kind(v: &Value) -> JsonKind {
    match v {
        Value::Null => JsonKind::Null,
        Value::Bool(_) => JsonKind::Boolean,
        Value::Number(_) => JsonKind::Number,
        Value::String(_) => JsonKind::String,
        Value::Array(_) => JsonKind::List,
        Value::Object(_) => JsonKind::Object,
    }
}

/// A string field; absent or `null` is `None`; another type is refused as such.
fn str_field<'a>(p: &'a Map<String, Value>, key: &str) -> Result<Option<&'a str>, Refusal> {
    match p.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(other) => Err(refuse(
            "import.wrong_type",
            ImportReason::NotAString {
                setting: key.to_string(),
                json_kind: kind(other),
            },
        )),
    }
}

/// Integers may be written as numbers or numeric strings; anything else is refused.
fn int_field(p: &Map<String, Value>, key: &str) -> Result<Option<i64>, Refusal> {
    let wrong = |what: JsonKind| {
        refuse(
            "import.wrong_type",
            ImportReason::NotAWholeNumber {
                setting: key.to_string(),
                json_kind: what,
            },
        )
    };
    match p.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(n)) => n
            .as_i64()
            .map(Some)
            .ok_or_else(|| wrong(JsonKind::Fraction)),
        Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(Value::String(s)) => s
            .trim()
            .parse()
            .map(Some)
            .map_err(|_| wrong(JsonKind::Text)),
        Some(other) => Err(wrong(kind(other))),
    }
}

fn read_profile(name: &str, p: &Map<String, Value>) -> Found {
    let mut notes = Vec::new();
    let fields = str_field(p, "mode").and_then(|mode| Ok((mode, str_field(p, "region_id")?)));
    let (source_mode, region, plan) = match fields {
        Ok((mode, region)) => {
            let mode = mode.unwrap_or("").to_string();
            let region = plan::region_or_fallback(region, &mut notes);
            let plan = plan_for(&mode, p, &mut notes);
            (mode, region, plan)
        }
        Err(refusal) => (
            String::new(),
            plan::FALLBACK_REGION.to_string(),
            Err(refusal),
        ),
    };
    Found {
        source: SourceKind::AliyunCli,
        name: name.to_string(),
        key: None,
        source_mode,
        region,
        plan,
        notes,
    }
}

fn plan_for(
    mode: &str,
    p: &Map<String, Value>,
    notes: &mut Vec<ImportNote>,
) -> Result<Plan, Refusal> {
    let key = || {
        plan::key(
            str_field(p, "access_key_id")?,
            str_field(p, "access_key_secret")?,
            ("access_key_id", "access_key_secret"),
        )
    };
    let role = |notes: &mut Vec<ImportNote>| {
        plan::role(
            str_field(p, "ram_role_arn")?,
            str_field(p, "ram_session_name")?,
            int_field(p, "expired_seconds")?,
            str_field(p, "external_id")?,
            notes,
        )
    };
    match mode.to_ascii_lowercase().as_str() {
        "ak" => Ok(Plan::AccessKey(key()?)),
        "ststoken" => {
            let key = key()?;
            let token = str_field(p, "sts_token")?
                .filter(|t| !t.trim().is_empty())
                .ok_or_else(|| plan::not_set("sts_token"))?;
            validate::secret("securityToken", token)
                .map_err(|e| plan::invalid_setting("sts_token", e))?;
            let expiration = int_field(p, "sts_expiration")?
                .filter(|&t| t > 0)
                .and_then(|t| OffsetDateTime::from_unix_timestamp(t).ok());
            Ok(Plan::StsToken {
                key,
                token: alicloud_api::Secret::from(token),
                expiration,
            })
        }
        "ramrolearn" => {
            if str_field(p, "sts_token")?.is_some_and(|t| !t.trim().is_empty()) {
                return Err(refuse(
                    "import.unsupported_setting",
                    ImportReason::StsTokenRoleSource,
                ));
            }
            let key = key()?;
            Ok(Plan::RoleWithKey {
                key,
                role: role(notes)?,
            })
        }
        "chainableramrolearn" => {
            let source = str_field(p, "source_profile")?
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .ok_or_else(|| plan::not_set("source_profile"))?;
            Ok(Plan::RoleWithSource {
                source: source.to_string(),
                role: role(notes)?,
            })
        }
        "ecsramrole" => Ok(Plan::EcsRamRole {
            role_name: str_field(p, "ram_role_name")?
                .filter(|r| !r.trim().is_empty())
                .map(validate::ecs_role_name)
                .transpose()
                .map_err(|e| plan::invalid_setting("ram_role_name", e))?,
        }),
        "external" => {
            let command = str_field(p, "process_command")?
                .filter(|c| !c.trim().is_empty())
                .ok_or_else(|| plan::not_set("process_command"))?;
            Ok(Plan::External {
                command: validate::process_command(command)
                    .map_err(|e| plan::invalid_setting("process_command", e))?,
            })
        }
        "credentialsuri" => {
            let uri = str_field(p, "credentials_uri")?
                .filter(|u| !u.trim().is_empty())
                .ok_or_else(|| plan::not_set("credentials_uri"))?;
            Ok(Plan::CredentialsUri {
                uri: validate::url("uri", uri)
                    .map_err(|e| plan::invalid_setting("credentials_uri", e))?,
            })
        }
        "oidc" => {
            let checked = |key: &str, check: fn(&str) -> Result<String, validate::FieldError>| {
                let value = str_field(p, key)?
                    .filter(|v| !v.trim().is_empty())
                    .ok_or_else(|| plan::not_set(key))?;
                check(value).map_err(|e| plan::invalid_setting(key, e))
            };
            let provider_arn = checked("oidc_provider_arn", validate::oidc_provider_arn)?;
            let token_file = checked("oidc_token_file", validate::oidc_token_file)?;
            Ok(Plan::Oidc {
                provider_arn,
                token_file,
                role: role(notes)?,
            })
        }
        other => Err(unsupported_mode(other)),
    }
}

fn unsupported_mode(mode: &str) -> Refusal {
    let reason = match mode {
        "ramrolearnwithrolename" => ImportReason::EcsRoleSource,
        "rsakeypair" => ImportReason::RsaKeyPair,
        "cloudsso" => ImportReason::CloudSso,
        "oauth" => ImportReason::OAuth,
        "bearertoken" => ImportReason::BearerToken,
        "anonymous" => ImportReason::Anonymous,
        "" => ImportReason::NoMode,
        _ => ImportReason::UnknownMode,
    };
    refuse("import.mode_unsupported", reason)
}

/// A chained role is importable only if its source profile (transitively) is.
fn resolve_chains(found: &mut [Found]) {
    let verdicts: Vec<Result<(), Refusal>> = (0..found.len())
        .map(|start| match &found[start].plan {
            Ok(Plan::RoleWithSource { .. }) => chain_verdict(found, start),
            _ => Ok(()),
        })
        .collect();
    for (f, verdict) in found.iter_mut().zip(verdicts) {
        if let Err(refusal) = verdict {
            f.plan = Err(refusal);
        }
    }
}

fn chain_verdict(found: &[Found], start: usize) -> Result<(), Refusal> {
    let mut seen = vec![start];
    let mut current = start;
    while let Ok(Plan::RoleWithSource { source, .. }) = &found[current].plan {
        let Some(next) = found
            .iter()
            .position(|f| f.key.is_none() && &f.name == source)
        else {
            return Err(refuse(
                "import.source_unavailable",
                ImportReason::SourceNotInFile {
                    source: source.clone(),
                },
            ));
        };
        if seen.contains(&next) {
            return Err(refuse(
                "import.source_unavailable",
                ImportReason::SourceChainLoops,
            ));
        }
        if found[next].plan.is_err() {
            return Err(refuse(
                "import.source_unavailable",
                ImportReason::SourceNotImportable {
                    source: source.clone(),
                },
            ));
        }
        seen.push(next);
        if seen.len() > crate::profiles::MAX_SOURCE_CHAIN {
            return Err(refuse(
                "import.source_unavailable",
                ImportReason::SourceChainLonger {
                    max: crate::profiles::MAX_SOURCE_CHAIN,
                },
            ));
        }
        current = next;
    }
    Ok(())
}
