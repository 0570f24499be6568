//! Reads credentials from environment variables given as a map (the caller passes the
//! process environment; this module never reads it itself).
//!
//! AccessKey ID, secret, security token and region each take the first non-empty of the
//! `ALIBABA_CLOUD_*`, `ALIBABACLOUD_*` and `ALICLOUD_*` spellings the aliyun CLI accepts.
//! With a token the candidate is an STS token; with `ALIBABA_CLOUD_ROLE_ARN` (and no token)
//! it is a RAM role assumed with that AccessKey.

use std::collections::HashMap;

use super::SourceKind;
use super::plan::{self, Found, Plan, refuse};
use super::reason::ImportReason;

/// Name of the environment candidate.
pub const ENV_CANDIDATE: &str = "environment";

const PREFIXES: [&str; 3] = ["ALIBABA_CLOUD_", "ALIBABACLOUD_", "ALICLOUD_"];

fn first<'a>(env: &'a HashMap<String, String>, suffix: &str) -> Option<&'a str> {
    PREFIXES
        .iter()
        .filter_map(|p| env.get(&format!("{p}{suffix}")))
        .map(String::as_str)
        .find(|v| !v.trim().is_empty())
}

/// The environment's candidate, or `None` when no AccessKey variable is set at all.
pub(crate) fn parse(env: &HashMap<String, String>) -> Option<Found> {
    let id = first(env, "ACCESS_KEY_ID");
    let secret = first(env, "ACCESS_KEY_SECRET");
    if id.is_none() && secret.is_none() {
        return None;
    }
    let token = first(env, "SECURITY_TOKEN");
    let role_arn = env
        .get("ALIBABA_CLOUD_ROLE_ARN")
        .map(String::as_str)
        .filter(|v| !v.trim().is_empty());
    let mut notes = Vec::new();
    let region = plan::region_or_fallback(first(env, "REGION_ID"), &mut notes);
    let names = (
        "ALIBABA_CLOUD_ACCESS_KEY_ID",
        "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
    );
    let (source_mode, plan) = match (token, role_arn) {
        (Some(_), Some(_)) => (
            "RamRoleArn",
            Err(refuse(
                "import.unsupported_setting",
                ImportReason::EnvStsTokenRole,
            )),
        ),
        (Some(token), None) => (
            "StsToken",
            plan::key(id, secret, names).map(|key| Plan::StsToken {
                key,
                token: alicloud_api::Secret::from(token.trim()),
                expiration: None,
            }),
        ),
        (None, Some(arn)) => (
            "RamRoleArn",
            plan::key(id, secret, names).and_then(|key| {
                plan::role(
                    Some(arn),
                    env.get("ALIBABA_CLOUD_ROLE_SESSION_NAME")
                        .map(String::as_str),
                    None,
                    env.get("ALIBABA_CLOUD_EXTERNAL_ID").map(String::as_str),
                    &mut notes,
                )
                .map(|role| Plan::RoleWithKey { key, role })
            }),
        ),
        (None, None) => ("AK", plan::key(id, secret, names).map(Plan::AccessKey)),
    };
    Some(Found {
        source: SourceKind::Environment,
        name: ENV_CANDIDATE.to_string(),
        key: None,
        source_mode: source_mode.to_string(),
        region,
        plan,
        notes,
    })
}
