//! `AssumeRoleWithOIDC`: anonymous (no AccessKey, no signature, as the real API), exchanges an
//! OIDC token from a provider registered in the role's account for an STS session that the
//! other APIs accept like one from `AssumeRole`.

use serde_json::json;

use super::sts::{check_duration, check_policy, check_session_name, lifetime_ms, session_body};
use super::{ActionResult, AnonCtx};
use crate::accounts::parse_role_arn;
use crate::auth::timestamp::format_ms;
use crate::oidc::{TokenClaims, check_token, parse_provider_arn};
use crate::protocol::ApiError;

fn no_provider() -> ApiError {
    ApiError::new(
        401,
        "AuthenticationFail.NoPermission",
        "No such OIDC Provider registered.",
    )
}

/// `AssumeRoleWithOIDC`. Order: parameters present → provider ARN → token (shape, issuer,
/// audience, expiry) → role ARN → session name → policy → duration.
pub fn assume_role_with_oidc(ctx: &AnonCtx<'_>) -> ActionResult {
    let p = ctx.params;
    let provider_arn = p.required("OIDCProviderArn")?;
    let role_arn = p.required("RoleArn")?;
    let token = p.get("OIDCToken").unwrap_or_default();
    if parse_provider_arn(provider_arn).is_none() {
        return Err(ApiError::bad(
            "InvalidParameter.OIDCProviderArn",
            "The parameter OIDCProviderArn is wrongly formed.",
        ));
    }
    let mut dir = ctx.directory.lock();
    let (account_id, provider) = dir
        .oidc_provider(provider_arn)
        .map(|(a, p)| (a.account_id.clone(), p.clone()))
        .ok_or_else(no_provider)?;
    let claims = check_token(token, &provider, ctx.now_ms)?;
    if parse_role_arn(role_arn).is_none() {
        return Err(ApiError::bad(
            "InvalidParameter.RoleArn",
            "The parameter RoleArn is wrongly formed.",
        ));
    }
    let role = match dir.role(role_arn) {
        Some((a, r)) if a.account_id == account_id => r.clone(),
        _ => {
            return Err(ApiError::not_found(
                "EntityNotExist.Role",
                format!("The role not exists: {role_arn}."),
            ));
        }
    };
    let session_name = p
        .get("RoleSessionName")
        .map_or_else(|| format!("oidc-{}", ctx.now_ms / 1000), str::to_string);
    check_session_name(&session_name)?;
    check_policy(p)?;
    let duration = p.int("DurationSeconds", 3600)?;
    check_duration(
        duration,
        i64::try_from(role.max_session_seconds).unwrap_or(3600),
    )?;
    let lifetime = lifetime_ms(ctx.settings, duration);
    let session = dir.issue(
        &account_id,
        &role,
        &session_name,
        ctx.now_ms,
        ctx.now_ms + lifetime,
    );
    let mut body = session_body(&session);
    body.insert("OIDCTokenInfo".into(), token_info(&claims));
    Ok(body.into())
}

fn token_info(c: &TokenClaims) -> serde_json::Value {
    json!({
        "Subject": c.subject,
        "Issuer": c.issuer,
        "ClientIds": c.audiences.join(","),
        "ExpirationTime": format_ms(c.expires_s.saturating_mul(1000)),
        "IssuanceTime": c.issued_s.map(|s| format_ms(s.saturating_mul(1000))),
        "VerificationInfo": "Success: signature not verified (emulator)",
    })
}
