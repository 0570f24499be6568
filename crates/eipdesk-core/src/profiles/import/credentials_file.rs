//! Reads the credentials SDKs' INI file `~/.alibabacloud/credentials`: one section per
//! profile, `type = access_key | ram_role_arn | ecs_ram_role | rsa_key_pair`.
//!
//! `access_key` and `ram_role_arn` are importable (a `ram_role_arn` with a session `policy`
//! is not: dropping the policy would grant more than the source allows). `enable = false`
//! sections are listed as disabled. The file has no region: the fallback region applies.

use super::SourceKind;
use super::ini::{self, IniError, Section};
use super::plan::{self, Found, Plan, Refusal, refuse};
use super::reason::{ImportNote, ImportReason};
use crate::profiles::validate;

pub(crate) fn parse(text: &str) -> Result<Vec<Found>, IniError> {
    let parsed = ini::parse(text)?;
    Ok(parsed
        .sections
        .iter()
        .zip(&parsed.header_lines)
        .map(|((name, section), lines)| {
            let mut found = read_section(name, section);
            if let Err(e) = validate::name(name) {
                found.plan = Err(plan::invalid_name(e));
            }
            let lines: Vec<String> = lines.iter().map(ToString::to_string).collect();
            if let Some((last, rest)) = lines.split_last()
                && !rest.is_empty()
            {
                found.plan = Err(refuse(
                    "import.duplicate_name",
                    ImportReason::DuplicateSection {
                        name: name.clone(),
                        first: rest.join(", "),
                        last: last.clone(),
                    },
                ));
            }
            found
        })
        .collect())
}

fn read_section(name: &str, s: &Section) -> Found {
    let get = |k: &str| s.get(k).map(String::as_str);
    let source_mode = get("type").unwrap_or("").to_string();
    let mut notes = Vec::new();
    let region = plan::region_or_fallback(get("region_id"), &mut notes);
    let plan = if get("enable").is_some_and(|v| v.trim().eq_ignore_ascii_case("false")) {
        Err(refuse("import.disabled", ImportReason::Disabled))
    } else {
        plan_for(&source_mode, s, &mut notes)
    };
    Found {
        source: SourceKind::CredentialsFile,
        name: name.to_string(),
        key: None,
        source_mode,
        region,
        plan,
        notes,
    }
}

fn plan_for(kind: &str, s: &Section, notes: &mut Vec<ImportNote>) -> Result<Plan, Refusal> {
    let get = |k: &str| s.get(k).map(String::as_str);
    let key = || {
        plan::key(
            get("access_key_id"),
            get("access_key_secret"),
            ("access_key_id", "access_key_secret"),
        )
    };
    match kind.trim().to_ascii_lowercase().as_str() {
        "access_key" => Ok(Plan::AccessKey(key()?)),
        "ram_role_arn" => {
            if get("policy").is_some_and(|p| !p.trim().is_empty()) {
                return Err(refuse(
                    "import.unsupported_setting",
                    ImportReason::SessionPolicy,
                ));
            }
            let key = key()?;
            let role = plan::role(
                get("role_arn"),
                get("role_session_name"),
                None,
                get("external_id"),
                notes,
            )?;
            Ok(Plan::RoleWithKey { key, role })
        }
        "ecs_ram_role" => Ok(Plan::EcsRamRole {
            role_name: get("role_name")
                .filter(|r| !r.trim().is_empty())
                .map(validate::ecs_role_name)
                .transpose()
                .map_err(|e| plan::invalid_setting("role_name", e))?,
        }),
        "rsa_key_pair" => Err(refuse("import.mode_unsupported", ImportReason::RsaKeyPair)),
        "" => Err(refuse("import.mode_unsupported", ImportReason::NoType)),
        _ => Err(refuse("import.mode_unsupported", ImportReason::UnknownType)),
    }
}
