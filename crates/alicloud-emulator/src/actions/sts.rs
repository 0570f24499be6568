//! Signed STS actions: AssumeRole (temporary `STS.` keys with a security token whose lifetime
//! follows `DurationSeconds`, min 900, or the configured override) and GetCallerIdentity, and
//! the checks and response parts [`super::sts_oidc`] shares.

use serde_json::json;

use super::{ActionResult, Ctx, obj};
use crate::accounts::{StsSession, parse_role_arn};
use crate::app::Settings;
use crate::auth::Identity;
use crate::auth::timestamp::format_ms;
use crate::protocol::{ApiError, Params};

/// Maximum `DurationSeconds` when the caller is itself a role session (role chaining).
pub const CHAINED_MAX_SECONDS: i64 = 3600;

fn valid_session_name(name: &str) -> bool {
    (2..=64).contains(&name.len())
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'@' | b'-' | b'_'))
}

/// `InvalidParameter.RoleSessionName` unless 2-64 characters of `[A-Za-z0-9.@_-]`.
pub(super) fn check_session_name(name: &str) -> Result<(), ApiError> {
    if valid_session_name(name) {
        Ok(())
    } else {
        Err(ApiError::bad(
            "InvalidParameter.RoleSessionName",
            "The parameter RoleSessionName is wrongly formed: 2-64 characters of [A-Za-z0-9.@_-].",
        ))
    }
}

/// `InvalidParameter.PolicyGrammar` unless an optional `Policy` is a JSON object of at most
/// 2048 characters.
pub(super) fn check_policy(p: &Params) -> Result<(), ApiError> {
    if let Some(policy) = p.get("Policy") {
        let ok = policy.len() <= 2048
            && serde_json::from_str::<serde_json::Value>(policy).is_ok_and(|v| v.is_object());
        if !ok {
            return Err(ApiError::bad(
                "InvalidParameter.PolicyGrammar",
                "The parameter Policy has not passed grammar check.",
            ));
        }
    }
    Ok(())
}

/// `InvalidParameter.DurationSeconds` unless `duration` is within 900..=`max`.
pub(super) fn check_duration(duration: i64, max: i64) -> Result<(), ApiError> {
    if duration < 900 || duration > max {
        return Err(ApiError::bad(
            "InvalidParameter.DurationSeconds",
            format!("The Min/Max value of DurationSeconds is 900/{max} seconds."),
        ));
    }
    Ok(())
}

/// A session's lifetime: `duration` seconds, or the configured override.
pub(super) fn lifetime_ms(settings: &Settings, duration: i64) -> i64 {
    settings.sts_token_lifetime.map_or(duration * 1000, |d| {
        i64::try_from(d.as_millis()).unwrap_or(i64::MAX)
    })
}

/// `AssumedRoleUser` and `Credentials` of an issued session.
pub(super) fn session_body(session: &StsSession) -> serde_json::Map<String, serde_json::Value> {
    let (account_id, session_name) = (&session.account_id, &session.session_name);
    obj([
        (
            "AssumedRoleUser",
            json!({
                "Arn": format!("acs:ram::{account_id}:role/{}/{session_name}", session.role_name.to_ascii_lowercase()),
                "AssumedRoleId": format!("{}:{session_name}", session.role_id),
            }),
        ),
        (
            "Credentials",
            json!({
                "AccessKeyId": session.access_key_id,
                "AccessKeySecret": session.secret,
                "SecurityToken": session.token,
                "Expiration": format_ms(session.expires_ms),
            }),
        ),
    ])
}

/// `AssumeRole`.
pub fn assume_role(ctx: &mut Ctx<'_>) -> ActionResult {
    let p = ctx.params;
    let arn = p.required("RoleArn")?;
    let session_name = p.required("RoleSessionName")?;
    if parse_role_arn(arn).is_none() {
        return Err(ApiError::bad(
            "InvalidParameter.RoleArn",
            "The parameter RoleArn is wrongly formed.",
        ));
    }
    check_session_name(session_name)?;
    let duration = p.int("DurationSeconds", 3600)?;
    check_policy(p)?;
    let mut dir = ctx.directory.lock();
    let (account_id, role) = match dir.role(arn) {
        Some((a, r)) => (a.account_id.clone(), r.clone()),
        None => {
            return Err(ApiError::not_found(
                "EntityNotExist.Role",
                format!("The role not exists: {arn}."),
            ));
        }
    };
    let max = match ctx.caller.identity {
        Identity::AssumedRole { .. } => CHAINED_MAX_SECONDS,
        Identity::RamUser { .. } => i64::try_from(role.max_session_seconds).unwrap_or(3600),
    };
    check_duration(duration, max)?;
    let lifetime_ms = lifetime_ms(ctx.settings, duration);
    let session = dir.issue(
        &account_id,
        &role,
        session_name,
        ctx.now_ms,
        ctx.now_ms + lifetime_ms,
    );
    let mut body = session_body(&session);
    if let Some(source) = p.get("SourceIdentity") {
        body.insert("SourceIdentity".into(), json!(source));
    }
    Ok(body.into())
}

/// `GetCallerIdentity`.
pub fn get_caller_identity(ctx: &mut Ctx<'_>) -> ActionResult {
    let account = &ctx.caller.account_id;
    Ok(match &ctx.caller.identity {
        Identity::RamUser { user_name, user_id } => obj([
            ("AccountId", json!(account)),
            ("UserId", json!(user_id)),
            ("PrincipalId", json!(user_id)),
            ("IdentityType", json!("RAMUser")),
            ("Arn", json!(format!("acs:ram::{account}:user/{user_name}"))),
        ]),
        Identity::AssumedRole {
            role_name,
            role_id,
            session_name,
        } => obj([
            ("AccountId", json!(account)),
            ("UserId", json!(role_id)),
            ("RoleId", json!(role_id)),
            ("PrincipalId", json!(format!("{role_id}:{session_name}"))),
            ("IdentityType", json!("AssumedRoleUser")),
            (
                "Arn",
                json!(format!(
                    "acs:ram::{account}:assumed-role/{role_name}/{session_name}"
                )),
            ),
        ]),
    }
    .into())
}
