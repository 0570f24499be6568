//! Authentication like the real gateway: who is calling (AccessKey or STS session), whether the
//! timestamp is fresh, the nonce unused and the signature (V1 or V3) right.
//!
//! Order of checks (each failing with the real code): credentials present → AccessKey known →
//! security token (STS keys) → timestamp format and window → nonce present → V3: every
//! `x-acs-*` header (and `host`, `content-type` when present) signed → signature → nonce
//! unused. A nonce is only burnt by a correctly signed request.

pub mod nonce;
pub mod timestamp;
pub mod verify;

use std::time::Duration;

use alicloud_api::signing;
use time::OffsetDateTime;

use crate::protocol::{ApiError, RpcRequest};

/// Who a credential belongs to.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "type")]
pub enum Identity {
    /// A RAM user with a permanent AccessKey.
    RamUser {
        /// User name.
        user_name: String,
        /// Numeric user ID.
        user_id: String,
    },
    /// A role session obtained through `AssumeRole`.
    AssumedRole {
        /// Role name.
        role_name: String,
        /// Numeric role ID.
        role_id: String,
        /// `RoleSessionName`.
        session_name: String,
    },
}

/// What the verifier needs to know about an AccessKey. The secret never leaves the emulator.
#[derive(Clone)]
pub struct KeyInfo {
    /// The AccessKey ID.
    pub access_key_id: String,
    /// The secret used to verify signatures.
    pub secret: String,
    /// Owning account.
    pub account_id: String,
    /// Principal.
    pub identity: Identity,
    /// For STS keys: the security token and its expiry (emulator clock, epoch ms).
    pub session: Option<(String, i64)>,
}

impl std::fmt::Debug for KeyInfo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KeyInfo")
            .field("access_key_id", &self.access_key_id)
            .field("secret", &"<redacted>")
            .field("account_id", &self.account_id)
            .field("identity", &self.identity)
            .finish()
    }
}

/// An authenticated caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caller {
    /// The AccessKey ID used.
    pub access_key_id: String,
    /// The account whose resources the call sees.
    pub account_id: String,
    /// The principal.
    pub identity: Identity,
}

/// Clocks and windows used by [`authenticate`].
#[derive(Debug, Clone, Copy)]
pub struct AuthContext {
    /// Real wall-clock time (timestamps are checked against it).
    pub wall_now: OffsetDateTime,
    /// The emulator clock (STS expiry is checked against it), epoch ms.
    pub clock_ms: i64,
    /// Allowed timestamp skew and nonce memory.
    pub window: Duration,
}

struct Claimed<'a> {
    access_key_id: String,
    timestamp: Option<&'a str>,
    nonce: Option<&'a str>,
    v3: Option<signing::V3Authorization>,
    v1_signature: Option<&'a str>,
}

/// Authenticates a request. `lookup` resolves an AccessKey ID; `nonces` is consulted last.
pub fn authenticate(
    req: &RpcRequest,
    lookup: impl FnOnce(&str) -> Option<KeyInfo>,
    nonces: &parking_lot::Mutex<nonce::NonceCache>,
    ctx: AuthContext,
) -> Result<Caller, ApiError> {
    let claimed = claim(req)?;
    let key = lookup(&claimed.access_key_id).ok_or_else(|| {
        ApiError::not_found(
            "InvalidAccessKeyId.NotFound",
            "Specified access key is not found.",
        )
    })?;
    check_token(req, &key, ctx.clock_ms)?;

    let ts = claimed.timestamp.ok_or_else(|| {
        ApiError::bad(
            "IllegalTimestamp",
            "The input parameter \u{201c}Timestamp\u{201d} that is mandatory for processing this request is not supplied.",
        )
    })?;
    timestamp::check(timestamp::parse(ts)?, ctx.wall_now, ctx.window)?;
    let nonce = claimed
        .nonce
        .ok_or_else(|| ApiError::missing("SignatureNonce"))?;

    match (&claimed.v3, claimed.v1_signature) {
        (Some(auth), _) => {
            verify::v3_signed_headers(req, &auth.signed_headers)?;
            verify::v3(req, &key.secret, &auth.signed_headers, &auth.signature)?;
        }
        (None, Some(sig)) => verify::v1(req, &key.secret, sig)?,
        (None, None) => return Err(ApiError::missing("Signature")),
    }

    let wall_ms = i64::try_from(ctx.wall_now.unix_timestamp_nanos() / 1_000_000).unwrap_or(0);
    if !nonces
        .lock()
        .check_and_insert(&key.access_key_id, nonce, wall_ms, ctx.window)
    {
        return Err(ApiError::bad(
            "SignatureNonceUsed",
            "Specified signature nonce was used already.",
        ));
    }
    Ok(Caller {
        access_key_id: key.access_key_id,
        account_id: key.account_id,
        identity: key.identity,
    })
}

fn claim(req: &RpcRequest) -> Result<Claimed<'_>, ApiError> {
    if let Some(header) = req.header("authorization").filter(|_| req.is_v3()) {
        let algorithm = header.split_whitespace().next().unwrap_or("");
        if algorithm != signing::V3_ALGORITHM {
            return Err(ApiError::bad(
                "InvalidSignatureMethod",
                "Specified signature method is not valid.",
            ));
        }
        let auth = signing::parse_v3_authorization(header).ok_or_else(|| {
            ApiError::bad(
                "IncompleteSignature",
                "The request signature does not conform to Aliyun standards.",
            )
        })?;
        return Ok(Claimed {
            access_key_id: auth.access_key_id.clone(),
            timestamp: req.header("x-acs-date"),
            nonce: req
                .header("x-acs-signature-nonce")
                .filter(|n| !n.is_empty()),
            v3: Some(auth),
            v1_signature: None,
        });
    }
    let p = &req.params;
    let access_key_id = p.required("AccessKeyId")?.to_string();
    match p.get("SignatureMethod") {
        None => return Err(ApiError::missing("SignatureMethod")),
        Some("HMAC-SHA1") => {}
        Some(_) => {
            return Err(ApiError::bad(
                "InvalidSignatureMethod",
                "Specified signature method is not valid.",
            ));
        }
    }
    match p.get("SignatureVersion") {
        None => return Err(ApiError::missing("SignatureVersion")),
        Some("1.0") => {}
        Some(version) => {
            return Err(ApiError::bad(
                "InvalidSignatureVersion",
                format!("Specified signature version \u{201c}{version}\u{201d} is not valid."),
            ));
        }
    }
    Ok(Claimed {
        access_key_id,
        timestamp: p.get("Timestamp"),
        nonce: p.get("SignatureNonce"),
        v3: None,
        v1_signature: p.get("Signature"),
    })
}

/// The security token a request carries (V1 parameter or V3 header).
pub fn security_token(req: &RpcRequest) -> Option<&str> {
    req.params
        .get("SecurityToken")
        .or_else(|| req.header("x-acs-security-token").filter(|t| !t.is_empty()))
}

/// Whether a token has the shape this emulator issues (`CAIS` + base64).
pub fn token_well_formed(token: &str) -> bool {
    token.len() >= 24
        && token.starts_with("CAIS")
        && token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'='))
}

fn check_token(req: &RpcRequest, key: &KeyInfo, clock_ms: i64) -> Result<(), ApiError> {
    let token = security_token(req);
    if let Some(t) = token
        && !token_well_formed(t)
    {
        return Err(ApiError::bad(
            "InvalidSecurityToken.Malformed",
            "Specified SecurityToken is malformed.",
        ));
    }
    match (&key.session, token) {
        (None, None) => Ok(()),
        (None, Some(_)) => Err(mismatch_with_key()),
        (Some(_), None) => Err(ApiError::bad(
            "MissingSecurityToken",
            "SecurityToken is mandatory for this action.",
        )),
        (Some((expected, expires_ms)), Some(t)) => {
            if expected != t {
                Err(mismatch_with_key())
            } else if clock_ms >= *expires_ms {
                Err(ApiError::bad(
                    "InvalidSecurityToken.Expired",
                    "Specified SecurityToken is expired.",
                ))
            } else {
                Ok(())
            }
        }
    }
}

fn mismatch_with_key() -> ApiError {
    ApiError::bad(
        "InvalidSecurityToken.MismatchWithAccessKey",
        "Specified SecurityToken mismatch with the AccessKey.",
    )
}
