//! The credentials a profile yields now, and the shapes the tools read them in: the aliyun
//! CLI's `External` JSON, environment variables, and the `ALIBABA_CLOUD_CREDENTIALS_URI`
//! document. A RAM role profile yields temporary STS credentials (never its source
//! AccessKey), taken from the keychain cache while fresh; an STS token past its expiry is
//! refused, not handed out.

use alicloud_api::credentials::{Credentials, CredentialsError};
use eipdesk_core::profiles::{ConnectOptions, ModeSettings, Profile, credentials_provider};
use serde_json::{Value, json};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use crate::cache;
use crate::context::Context;
use crate::error::{CliError, api_message};

/// The credentials of `profile`, assuming its role when needed.
pub async fn resolve(ctx: &Context, profile: &Profile) -> Result<Credentials, CliError> {
    let now = OffsetDateTime::now_utc();
    match &profile.settings {
        ModeSettings::Sandbox => {
            return Err(CliError::SandboxOnly);
        }
        ModeSettings::StsToken {
            expiration: Some(at),
        } if *at <= now => {
            return Err(CliError::Expired {
                profile: profile.name.clone(),
                at: rfc3339(*at),
            });
        }
        ModeSettings::RamRole(_) => {
            if let Some(c) = cache::load(ctx.keychain.as_ref(), profile, now) {
                return Ok(c);
            }
        }
        _ => {}
    }
    let provider = credentials_provider(&ctx.store, &profile.id, &ConnectOptions::default())?;
    let creds = provider.credentials().await.map_err(|e| match e {
        CredentialsError::Expired(at) => CliError::Expired {
            profile: profile.name.clone(),
            at: rfc3339(at),
        },
        other => CliError::Cloud {
            message: api_message(&alicloud_api::Error::Credentials(other)),
        },
    })?;
    if matches!(profile.settings, ModeSettings::RamRole(_)) {
        cache::store(ctx.keychain.as_ref(), profile, &creds);
    }
    Ok(creds)
}

/// RFC 3339 in UTC without fractions (`2026-01-01T00:00:00Z`), as the SDKs parse it.
pub fn rfc3339(at: OffsetDateTime) -> String {
    let at = at
        .to_offset(time::UtcOffset::UTC)
        .replace_nanosecond(0)
        .unwrap_or(at);
    at.format(&Rfc3339).unwrap_or_default()
}

/// The JSON the aliyun CLI's `External` mode reads from `process_command`.
pub fn external_json(c: &Credentials) -> Value {
    match &c.security_token {
        Some(token) => json!({
            "mode": "StsToken",
            "access_key_id": c.access_key_id,
            "access_key_secret": c.access_key_secret.expose(),
            "sts_token": token.expose(),
        }),
        None => json!({
            "mode": "AK",
            "access_key_id": c.access_key_id,
            "access_key_secret": c.access_key_secret.expose(),
        }),
    }
}

/// The environment variables the SDKs, the aliyun CLI and the Terraform provider read.
pub fn env_vars(c: &Credentials, region: &str) -> Vec<(&'static str, String)> {
    let mut vars = vec![
        ("ALIBABA_CLOUD_ACCESS_KEY_ID", c.access_key_id.clone()),
        (
            "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
            c.access_key_secret.expose().to_string(),
        ),
        ("ALIBABA_CLOUD_REGION_ID", region.to_string()),
        ("ALICLOUD_ACCESS_KEY", c.access_key_id.clone()),
        (
            "ALICLOUD_SECRET_KEY",
            c.access_key_secret.expose().to_string(),
        ),
        ("ALICLOUD_REGION", region.to_string()),
    ];
    if let Some(token) = &c.security_token {
        vars.push(("ALIBABA_CLOUD_SECURITY_TOKEN", token.expose().to_string()));
        vars.push(("ALICLOUD_SECURITY_TOKEN", token.expose().to_string()));
    }
    vars
}

/// Variables `exec` removes so that a stale token from the parent shell cannot mix with the
/// profile's credentials.
pub const CLEARED_VARS: &[&str] = &[
    "ALIBABA_CLOUD_SECURITY_TOKEN",
    "ALICLOUD_SECURITY_TOKEN",
    "ALIBABA_CLOUD_CREDENTIALS_URI",
    "ALIBABA_CLOUD_PROFILE",
    "ALICLOUD_PROFILE",
];

/// The document served at `ALIBABA_CLOUD_CREDENTIALS_URI` (temporary credentials only).
pub fn uri_document(c: &Credentials) -> Option<Value> {
    let (token, expiration) = (c.security_token.as_ref()?, c.expiration?);
    Some(json!({
        "Code": "Success",
        "AccessKeyId": c.access_key_id,
        "AccessKeySecret": c.access_key_secret.expose(),
        "SecurityToken": token.expose(),
        "Expiration": rfc3339(expiration),
    }))
}
