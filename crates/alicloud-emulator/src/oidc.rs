//! OIDC identity providers an account trusts, and the claim checks `AssumeRoleWithOIDC` makes
//! on a JWT: three base64url parts, a JSON header naming an algorithm, and `iss`, `aud`, `exp`
//! checked against the provider. The signature is not verified (see [`crate::behaviour`]).

use base64::Engine as _;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::protocol::ApiError;

/// Name of the OIDC provider every demo account defines.
pub const DEMO_OIDC_PROVIDER_NAME: &str = "EipDeskTestIdP";
/// Issuer URL of the demo provider (a reserved test domain).
pub const DEMO_OIDC_ISSUER: &str = "https://oidc.eipdesk.example.test";
/// The client ID (audience) the demo provider accepts.
pub const DEMO_OIDC_CLIENT_ID: &str = "sts.aliyuncs.com";

/// An OIDC identity provider registered in RAM.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OidcProviderSpec {
    /// Provider name (`acs:ram::<account>:oidc-provider/<name>`).
    pub name: String,
    /// The `iss` its tokens must carry.
    pub issuer_url: String,
    /// Accepted audiences (`aud`).
    pub client_ids: Vec<String>,
}

impl OidcProviderSpec {
    /// The demo provider.
    pub fn demo() -> Self {
        Self {
            name: DEMO_OIDC_PROVIDER_NAME.to_string(),
            issuer_url: DEMO_OIDC_ISSUER.to_string(),
            client_ids: vec![DEMO_OIDC_CLIENT_ID.to_string()],
        }
    }
}

/// Splits `acs:ram::<account>:oidc-provider/<name>`.
pub fn parse_provider_arn(arn: &str) -> Option<(&str, &str)> {
    crate::accounts::parse_ram_arn(arn, "oidc-provider/")
}

/// The claims of a token that passed [`check_token`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenClaims {
    /// `sub` (empty when absent).
    pub subject: String,
    /// `iss`.
    pub issuer: String,
    /// `aud`, as a list.
    pub audiences: Vec<String>,
    /// `exp`, epoch seconds.
    pub expires_s: i64,
    /// `iat`, epoch seconds, when present.
    pub issued_s: Option<i64>,
}

fn invalid(message: &str) -> ApiError {
    ApiError::new(401, "AuthenticationFail.OIDCToken.Invalid", message)
}

fn decode_part(part: &str) -> Result<Value, ApiError> {
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(part.trim_end_matches('='))
        .map_err(|_| invalid("Cannot decode base64 encoded response(format invalided)."))?;
    serde_json::from_slice::<Value>(&bytes)
        .ok()
        .filter(Value::is_object)
        .ok_or_else(|| invalid("The Jwt content is invalid that cannot be recognized."))
}

/// Parses `token` and checks it against `provider` at `now_ms`. Order: shape → header →
/// payload → issuer → audience → expiry.
pub fn check_token(
    token: &str,
    provider: &OidcProviderSpec,
    now_ms: i64,
) -> Result<TokenClaims, ApiError> {
    if token.trim().is_empty() {
        return Err(invalid("The OIDCToken can not empty."));
    }
    let parts: Vec<&str> = token.trim().split('.').collect();
    if parts.len() != 3 {
        return Err(invalid(
            "The number of Jwt field should be divided into 3 parts with '.' .",
        ));
    }
    let header = decode_part(parts[0])?;
    match header["alg"].as_str() {
        Some(alg) if alg.starts_with("RS") || alg.starts_with("ES") || alg.starts_with("PS") => {}
        Some(alg) => {
            return Err(invalid(&format!(
                "The algorithm {alg} that be specified in Jwt header is unknown."
            )));
        }
        None => {
            return Err(invalid(
                "The Jwt content is invalid that cannot be recognized.",
            ));
        }
    }
    let payload = decode_part(parts[1])?;
    let issuer = payload["iss"].as_str().unwrap_or_default().to_string();
    if issuer != provider.issuer_url {
        return Err(invalid(
            "The issuer of the OIDC token does not match the issuer URL of the OIDC provider.",
        ));
    }
    let audiences: Vec<String> = match &payload["aud"] {
        Value::String(s) => vec![s.clone()],
        Value::Array(a) => a
            .iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect(),
        _ => Vec::new(),
    };
    if !audiences.iter().any(|a| provider.client_ids.contains(a)) {
        return Err(ApiError::new(
            401,
            "AuthenticationFail.OIDCToken.AudienceNotMatch",
            "Invalid audience.",
        ));
    }
    let expires_s = payload["exp"]
        .as_i64()
        .ok_or_else(|| invalid("The Jwt content is invalid that cannot be recognized."))?;
    if expires_s.saturating_mul(1000) <= now_ms {
        return Err(ApiError::new(
            401,
            "AuthenticationFail.OIDCToken.Expired",
            "This JsonWebToken is expired.",
        ));
    }
    Ok(TokenClaims {
        subject: payload["sub"].as_str().unwrap_or_default().to_string(),
        issuer,
        audiences,
        expires_s,
        issued_s: payload["iat"].as_i64(),
    })
}

/// An unsigned test token (`alg` RS256, signature part `c2ln`) with these claims, for tests
/// and demos: the emulator does not verify signatures.
pub fn unsigned_token(issuer: &str, audience: &str, subject: &str, expires_s: i64) -> String {
    let enc = |v: Value| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(v.to_string());
    format!(
        "{}.{}.c2ln",
        enc(serde_json::json!({"alg": "RS256", "typ": "JWT", "kid": "test"})),
        enc(serde_json::json!({
            "iss": issuer, "aud": audience, "sub": subject,
            "exp": expires_s, "iat": expires_s - 3600,
        }))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn provider_arns_parse_strictly() {
        assert_eq!(
            parse_provider_arn("acs:ram::123:oidc-provider/IdP"),
            Some(("123", "IdP"))
        );
        assert!(parse_provider_arn("acs:ram::123:role/IdP").is_none());
        assert!(parse_provider_arn("acs:ram::x1:oidc-provider/IdP").is_none());
        assert!(parse_provider_arn("acs:ram::123:oidc-provider/").is_none());
    }

    #[test]
    fn claims_are_checked_in_order() {
        let p = OidcProviderSpec::demo();
        let now_s = 1_900_000_000;
        let ok = unsigned_token(DEMO_OIDC_ISSUER, DEMO_OIDC_CLIENT_ID, "ci", now_s + 60);
        let c = check_token(&ok, &p, now_s * 1000).unwrap();
        assert_eq!(c.subject, "ci");
        let code = |t: &str| check_token(t, &p, now_s * 1000).unwrap_err().code;
        assert_eq!(code(""), "AuthenticationFail.OIDCToken.Invalid");
        assert_eq!(code("a.b"), "AuthenticationFail.OIDCToken.Invalid");
        assert_eq!(code("!!.!!.!!"), "AuthenticationFail.OIDCToken.Invalid");
        let other_iss = unsigned_token(
            "https://other.example.test",
            DEMO_OIDC_CLIENT_ID,
            "ci",
            now_s + 60,
        );
        assert_eq!(code(&other_iss), "AuthenticationFail.OIDCToken.Invalid");
        let other_aud = unsigned_token(DEMO_OIDC_ISSUER, "someone-else", "ci", now_s + 60);
        assert_eq!(
            code(&other_aud),
            "AuthenticationFail.OIDCToken.AudienceNotMatch"
        );
        let old = unsigned_token(DEMO_OIDC_ISSUER, DEMO_OIDC_CLIENT_ID, "ci", now_s);
        assert_eq!(code(&old), "AuthenticationFail.OIDCToken.Expired");
    }
}
