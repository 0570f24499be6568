//! `eipdesk-cli profiles …`: list, show, add, remove, use and import, on the same
//! `profiles.toml` and keychain as the app. `--json` prints the app's own shapes.

use std::path::Path;

use eipdesk_core::profiles::import::{self, ImportSelection, ImportSources};
use eipdesk_core::profiles::{
    AuthMode, EnvLabel, NewCredentials, NewProfile, NewRoleSource, ProfileExtras, ProfileSummary,
};
use time::OffsetDateTime;

use crate::args::{AddArgs, ImportArgs};
use crate::context::Context;
use crate::creds::rfc3339;
use crate::error::CliError;
use crate::prompt::read_secret;

/// Region of a new profile when `--region` is not given.
const DEFAULT_REGION: &str = "cn-hangzhou";

fn print_json(value: &impl serde::Serialize) {
    println!(
        "{}",
        serde_json::to_string_pretty(value).unwrap_or_default()
    );
}

/// `profiles list`.
pub fn list(ctx: &Context, json: bool) {
    let all = ctx.store.list();
    if json {
        return print_json(&all);
    }
    let now = OffsetDateTime::now_utc();
    println!(
        "  {:<24} {:<10} {:<16} {:<11} {:<14} NOTE",
        "NAME", "MODE", "REGION", "LABEL", "KEY"
    );
    for p in &all {
        println!(
            "{} {:<24} {:<10} {:<16} {:<11} {:<14} {}",
            if p.active { "*" } else { " " },
            p.name,
            mode_word(p.mode),
            p.region,
            p.label.as_str(),
            p.access_key_id_masked.as_deref().unwrap_or("-"),
            note(p, now)
        );
    }
}

fn mode_word(mode: AuthMode) -> &'static str {
    match mode {
        AuthMode::AccessKey => "accesskey",
        AuthMode::StsToken => "sts",
        AuthMode::RamRole => "ram-role",
        AuthMode::Sandbox => "sandbox",
        AuthMode::EcsRamRole => "ecs-role",
        AuthMode::CredentialsUri => "uri",
        AuthMode::External => "external",
        AuthMode::Oidc => "oidc",
    }
}

/// Expiry of an STS token (flagged when past), the role's source, the endpoint.
fn note(p: &ProfileSummary, now: OffsetDateTime) -> String {
    let mut parts = Vec::new();
    if let Some(at) = p.sts_expiration {
        parts.push(if at <= now {
            format!("EXPIRED {}", rfc3339(at))
        } else {
            format!("expires {}", rfc3339(at))
        });
    }
    if let Some(role) = &p.role {
        parts.push(match (&role.source_profile_name, &role.oidc_token_file) {
            (Some(source), _) => format!("{} via {source}", role.role_arn),
            (None, Some(file)) => format!("{} via OIDC token {file}", role.role_arn),
            (None, None) => role.role_arn.clone(),
        });
    }
    if let Some(endpoint) = &p.endpoint {
        parts.push(format!("endpoint {endpoint}"));
    }
    parts.join("; ")
}

/// `profiles show NAME`.
pub fn show(ctx: &Context, name: Option<&str>, json: bool) -> Result<(), CliError> {
    let profile = ctx.profile(name)?;
    let summary = ctx.store.summary(&profile.id)?;
    if json {
        print_json(&summary);
        return Ok(());
    }
    let now = OffsetDateTime::now_utc();
    println!("name:     {}", summary.name);
    println!("id:       {}", summary.id);
    println!("mode:     {}", mode_word(summary.mode));
    println!("region:   {}", summary.region);
    println!("label:    {}", summary.label.as_str());
    if let Some(key) = &summary.access_key_id_masked {
        println!("key:      {key}");
    }
    if let Some(account) = &summary.account_id {
        println!("account:  {account}");
    }
    let note = note(&summary, now);
    if !note.is_empty() {
        println!("note:     {note}");
    }
    println!("active:   {}", if summary.active { "yes" } else { "no" });
    Ok(())
}

/// `profiles add NAME …`: an AccessKey (secret on stdin), an STS token (secret and token on
/// stdin, one per line), a RAM role assumed from another profile or with an OIDC token file.
pub fn add(ctx: &mut Context, a: &AddArgs) -> Result<(), CliError> {
    let session_name = || {
        a.session_name
            .clone()
            .unwrap_or_else(|| import::FALLBACK_SESSION_NAME.into())
    };
    let credentials = match (&a.access_key_id, &a.role_arn) {
        (None, None) if a.ecs_ram_role => NewCredentials::EcsRamRole {
            role_name: a.role_name.clone(),
            metadata_endpoint: a.metadata_endpoint.clone(),
        },
        (None, None) if a.process_command.is_some() => NewCredentials::External {
            command: a.process_command.clone().unwrap_or_default(),
        },
        (None, None) if a.credentials_uri.is_some() => NewCredentials::CredentialsUri {
            uri: a.credentials_uri.clone().unwrap_or_default(),
        },
        (Some(id), None) if a.sts => NewCredentials::StsToken {
            access_key_id: id.clone(),
            access_key_secret: read_secret("AccessKey secret")?,
            security_token: read_secret("Security token")?,
            expiration: a.expiration.as_deref().map(parse_expiration).transpose()?,
        },
        (Some(id), None) => NewCredentials::AccessKey {
            access_key_id: id.clone(),
            access_key_secret: read_secret("AccessKey secret")?,
        },
        (None, Some(arn)) if a.oidc_provider_arn.is_some() => {
            let file = a.oidc_token_file.as_deref().unwrap_or(Path::new(""));
            // Stored absolute: the app and later shells may run elsewhere.
            let file = std::path::absolute(file).unwrap_or_else(|_| file.to_path_buf());
            NewCredentials::Oidc {
                oidc_provider_arn: a.oidc_provider_arn.clone().unwrap_or_default(),
                oidc_token_file: file.to_string_lossy().into_owned(),
                role_arn: arn.clone(),
                session_name: session_name(),
                duration_seconds: a.duration_seconds,
            }
        }
        (None, Some(arn)) => {
            let source = a
                .source
                .as_deref()
                .ok_or_else(|| CliError::Invalid("a RAM role needs --source PROFILE".into()))?;
            NewCredentials::RamRole {
                source: NewRoleSource::Profile {
                    profile_id: ctx.profile(Some(source))?.id.clone(),
                },
                role_arn: arn.clone(),
                session_name: session_name(),
                duration_seconds: a.duration_seconds,
                external_id: a.external_id.clone(),
            }
        }
        _ => {
            return Err(CliError::Invalid(
                "give --access-key-id (an AccessKey, or with --sts an STS token), --role-arn \
                 with --source or with --oidc-provider-arn and --oidc-token-file, \
                 --ecs-ram-role or --credentials-uri"
                    .into(),
            ));
        }
    };
    let new = NewProfile {
        name: a.name.clone(),
        region: a.region.clone().unwrap_or_else(|| DEFAULT_REGION.into()),
        label: a.label.map(EnvLabel::from).unwrap_or_default(),
        credentials,
    };
    let extras = ProfileExtras {
        imported_from: None,
        endpoint: a.endpoint.clone(),
    };
    let created = ctx.store.create_with(new, extras)?;
    eprintln!("Added profile {:?} ({}).", created.name, created.id);
    Ok(())
}

/// The one STS expiry parser: RFC 3339, as the app's form and `profiles.toml` use.
fn parse_expiration(text: &str) -> Result<OffsetDateTime, CliError> {
    OffsetDateTime::parse(text.trim(), &time::format_description::well_known::Rfc3339).map_err(
        |_| CliError::Invalid("Expires: enter a date and time such as 2026-06-01T12:00:00Z".into()),
    )
}

/// `profiles remove NAME`: the profile, its keychain item and its cached session (the store
/// removes both).
pub fn remove(ctx: &mut Context, name: &str) -> Result<(), CliError> {
    let profile = ctx.profile(Some(name))?.clone();
    ctx.store.delete(&profile.id)?;
    eprintln!("Removed profile {:?}.", profile.name);
    Ok(())
}

/// `profiles use NAME`: makes it the active profile (the app's and the CLI's default).
pub fn use_profile(ctx: &mut Context, name: &str) -> Result<(), CliError> {
    let id = ctx.profile(Some(name))?.id.clone();
    let p = ctx.store.set_active(&id)?;
    eprintln!("Profile {:?} is now active.", p.name);
    Ok(())
}

/// `profiles import [KEY…]`: without keys, every importable candidate not imported before.
/// `--dry-run` prints the scan only. Exit status 0 even when some entries are refused: the
/// report lists them.
pub fn import_cmd(ctx: &mut Context, a: &ImportArgs) -> Result<(), CliError> {
    let sources = match &a.aliyun_config {
        Some(path) => ImportSources {
            aliyun_config: Some(path.clone()),
            ..ImportSources::default()
        },
        None => ImportSources::from_process(),
    };
    let scan = import::scan_with(&sources, &ctx.store);
    if a.dry_run {
        if a.json {
            print_json(&scan);
        } else {
            for source in &scan.sources {
                for c in &source.candidates {
                    let state = match (&c.already_imported, &c.reason) {
                        (Some(name), _) => format!("imported before as {name:?}"),
                        (None, Some(reason)) => format!("refused: {reason}"),
                        (None, None) => "importable".into(),
                    };
                    println!("{:<40} {state}", c.key);
                }
                if let Some(e) = &source.error {
                    println!("{}: {}", source.kind.as_str(), e.message);
                }
            }
        }
        return Ok(());
    }
    let selections: Vec<ImportSelection> = if a.keys.is_empty() {
        scan.sources
            .iter()
            .flat_map(|s| s.candidates.iter())
            .filter(|c| c.importable && c.already_imported.is_none())
            .map(|c| selection(&c.key, false))
            .collect()
    } else {
        a.keys.iter().map(|k| selection(k, a.again)).collect()
    };
    let report = import::import(&sources, &selections, &mut ctx.store);
    if a.json {
        print_json(&report);
        return Ok(());
    }
    for p in &report.imported {
        println!("imported  {:<40} as {:?}", p.key, p.profile.name);
    }
    for s in &report.skipped {
        println!(
            "skipped   {:<40} imported before as {:?}",
            s.key, s.profile_name
        );
    }
    for f in &report.failed {
        println!("refused   {:<40} {}", f.key, f.message);
    }
    Ok(())
}

fn selection(key: &str, again: bool) -> ImportSelection {
    ImportSelection {
        key: key.to_string(),
        name: None,
        label: None,
        again,
    }
}
