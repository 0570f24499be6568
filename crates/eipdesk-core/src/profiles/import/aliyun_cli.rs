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
use crate::profiles::validate;

/// Why the file as a whole cannot be read (never quotes the file's content).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct JsonError {
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub reason: String,
}

pub(crate) fn parse(text: &str) -> Result<Vec<Found>, JsonError> {
    let doc: Value = serde_json::from_str(text).map_err(|e| JsonError {
        line: Some(e.line()),
        column: Some(e.column()),
        reason: match e.classify() {
            serde_json::error::Category::Eof => "the file ends in the middle of a JSON value",
            serde_json::error::Category::Syntax => "JSON syntax error",
            serde_json::error::Category::Data => "unexpected JSON value",
            serde_json::error::Category::Io => "read error",
        }
        .to_string(),
    })?;
    let whole = |reason: &str| JsonError {
        line: None,
        column: None,
        reason: reason.to_string(),
    };
    let obj = doc
        .as_object()
        .ok_or_else(|| whole("the top level must be a JSON object"))?;
    let profiles = match obj.get("profiles") {
        Some(Value::Array(list)) => list,
        Some(_) => return Err(whole("\"profiles\" must be a list")),
        None => return Err(whole("there is no \"profiles\" list")),
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
                format!(
                    "entry #{position} must be a JSON object, not {}",
                    kind(entry)
                ),
            ),
        );
    };
    let mode = str_field(p, "mode").ok().flatten().unwrap_or("");
    match str_field(p, "name") {
        Err(refusal) => nameless(mode, refusal),
        Ok(None) => nameless(mode, refuse("import.missing_field", "it has no name")),
        Ok(Some(n)) if n.trim().is_empty() => {
            nameless(mode, refuse("import.missing_field", "it has no name"))
        }
        Ok(Some(name)) => {
            let mut f = read_profile(name, p);
            if let Err(e) = validate::name(name) {
                f.plan = Err(refuse("import.invalid_field", e.to_string()));
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
        if positions.len() > 1 {
            f.key = Some(format!("#{}", i + 1));
            f.plan = Err(refuse(
                "import.duplicate_name",
                format!(
                    "the name {name:?} is used by entries {}; rename one of them",
                    join_and(&positions)
                ),
            ));
        }
    }
}

fn join_and(items: &[String]) -> String {
    match items.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => items.join(""),
    }
}

/// The JSON type of a value, for messages ("a number").
fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// A string field; absent or `null` is `None`; another type is refused as such.
fn str_field<'a>(p: &'a Map<String, Value>, key: &str) -> Result<Option<&'a str>, Refusal> {
    match p.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(other) => Err(refuse(
            "import.wrong_type",
            format!("{key} must be a string, not {}", kind(other)),
        )),
    }
}

/// Integers may be written as numbers or numeric strings; anything else is refused.
fn int_field(p: &Map<String, Value>, key: &str) -> Result<Option<i64>, Refusal> {
    let wrong = |what: &str| {
        refuse(
            "import.wrong_type",
            format!("{key} must be a whole number, not {what}"),
        )
    };
    match p.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(n)) => n.as_i64().map(Some).ok_or_else(|| wrong("a fraction")),
        Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(Value::String(s)) => s.trim().parse().map(Some).map_err(|_| wrong("text")),
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

fn plan_for(mode: &str, p: &Map<String, Value>, notes: &mut Vec<String>) -> Result<Plan, Refusal> {
    let key = || {
        plan::key(
            str_field(p, "access_key_id")?,
            str_field(p, "access_key_secret")?,
            ("access_key_id", "access_key_secret"),
        )
    };
    let role = |notes: &mut Vec<String>| {
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
                .ok_or_else(|| refuse("import.missing_field", "sts_token is not set"))?;
            validate::secret("securityToken", token)
                .map_err(|e| refuse("import.invalid_field", format!("sts_token: {}", e.reason)))?;
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
                    "it assumes the role with an STS token as its source, which EIP Desk does not support; \
                     create the role profile from an AccessKey instead",
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
                .ok_or_else(|| refuse("import.missing_field", "source_profile is not set"))?;
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
                .map_err(|e| {
                    refuse(
                        "import.invalid_field",
                        format!("ram_role_name: {}", e.reason),
                    )
                })?,
        }),
        "external" => {
            let command = str_field(p, "process_command")?
                .filter(|c| !c.trim().is_empty())
                .ok_or_else(|| refuse("import.missing_field", "process_command is not set"))?;
            Ok(Plan::External {
                command: validate::process_command(command).map_err(|e| {
                    refuse(
                        "import.invalid_field",
                        format!("process_command: {}", e.reason),
                    )
                })?,
            })
        }
        "credentialsuri" => {
            let uri = str_field(p, "credentials_uri")?
                .filter(|u| !u.trim().is_empty())
                .ok_or_else(|| refuse("import.missing_field", "credentials_uri is not set"))?;
            Ok(Plan::CredentialsUri {
                uri: validate::url("uri", uri).map_err(|e| {
                    refuse(
                        "import.invalid_field",
                        format!("credentials_uri: {}", e.reason),
                    )
                })?,
            })
        }
        "oidc" => {
            let checked = |key: &str, check: fn(&str) -> Result<String, validate::FieldError>| {
                let value = str_field(p, key)?
                    .filter(|v| !v.trim().is_empty())
                    .ok_or_else(|| refuse("import.missing_field", format!("{key} is not set")))?;
                check(value)
                    .map_err(|e| refuse("import.invalid_field", format!("{key}: {}", e.reason)))
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
        "ramrolearnwithrolename" => {
            "it assumes a role with the ECS instance's role as source, which EIP Desk does not support; \
             import the EcsRamRole profile and add a RAM role profile using it"
        }
        "rsakeypair" => "RSA key pair credentials are deprecated and not supported",
        "cloudsso" => "it signs in through CloudSSO in a browser",
        "oauth" => "it signs in through OAuth in a browser",
        "bearertoken" => "bearer tokens only work with specific products",
        "anonymous" => "it has no credentials",
        "" => "it has no mode",
        _ => "its mode is unknown",
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
                format!("its source profile {source:?} is not in the file"),
            ));
        };
        if seen.contains(&next) {
            return Err(refuse(
                "import.source_unavailable",
                "its source_profile chain loops",
            ));
        }
        if found[next].plan.is_err() {
            return Err(refuse(
                "import.source_unavailable",
                format!("its source profile {source:?} cannot be imported"),
            ));
        }
        seen.push(next);
        if seen.len() > crate::profiles::MAX_SOURCE_CHAIN {
            return Err(refuse(
                "import.source_unavailable",
                format!(
                    "its source_profile chain is longer than {} profiles",
                    crate::profiles::MAX_SOURCE_CHAIN
                ),
            ));
        }
        current = next;
    }
    Ok(())
}
