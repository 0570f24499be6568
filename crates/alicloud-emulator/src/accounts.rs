//! Credentials: the configured accounts (AccessKey, RAM user, roles) and the STS sessions
//! issued by `AssumeRole` and `AssumeRoleWithOIDC`. Kept apart from [`crate::state::World`] on purpose: snapshots,
//! seeds and the state file never contain secrets, and a reset keeps issued sessions valid.

use std::collections::HashMap;

use base64::Engine as _;
use serde::{Deserialize, Serialize};

use crate::auth::{Identity, KeyInfo};
use crate::oidc::{OidcProviderSpec, parse_provider_arn};
use crate::state::ids;

/// Account ID of the demo account.
pub const DEMO_ACCOUNT_ID: &str = "1234567890123456";
/// Account ID of the second demo account.
pub const SECOND_ACCOUNT_ID: &str = "5678901234567890";
/// The role both demo accounts define.
pub const DEMO_ROLE_NAME: &str = "EipDeskAdmin";

/// A RAM role that `AssumeRole` can assume.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleSpec {
    /// Role name (`acs:ram::<account>:role/<name>`).
    pub name: String,
    /// Numeric role ID.
    pub role_id: String,
    /// Upper bound of `DurationSeconds`.
    pub max_session_seconds: u64,
}

/// An account with one RAM user's AccessKey.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountSpec {
    /// 16-digit account ID.
    pub account_id: String,
    /// Display alias.
    pub alias: String,
    /// The user's AccessKey ID.
    pub access_key_id: String,
    /// The user's AccessKey secret.
    pub access_key_secret: String,
    /// RAM user name.
    pub user_name: String,
    /// RAM user ID.
    pub user_id: String,
    /// Roles defined in the account.
    pub roles: Vec<RoleSpec>,
    /// OIDC identity providers registered in the account.
    #[serde(default)]
    pub oidc_providers: Vec<OidcProviderSpec>,
}

impl std::fmt::Debug for AccountSpec {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AccountSpec")
            .field("account_id", &self.account_id)
            .field("alias", &self.alias)
            .field("access_key_id", &self.access_key_id)
            .field("access_key_secret", &"<redacted>")
            .field("user_name", &self.user_name)
            .field("roles", &self.roles)
            .field("oidc_providers", &self.oidc_providers)
            .finish()
    }
}

impl AccountSpec {
    /// An account with one user and the `EipDeskAdmin` role.
    pub fn new(account_id: &str, alias: &str, access_key_id: &str, secret: &str) -> Self {
        Self {
            account_id: account_id.to_string(),
            alias: alias.to_string(),
            access_key_id: access_key_id.to_string(),
            access_key_secret: secret.to_string(),
            user_name: format!("{alias}-admin"),
            user_id: ids::numeric(&format!("user/{account_id}"), 16),
            roles: vec![RoleSpec {
                name: DEMO_ROLE_NAME.to_string(),
                role_id: ids::numeric(&format!("role/{account_id}/{DEMO_ROLE_NAME}"), 19),
                max_session_seconds: 43_200,
            }],
            oidc_providers: vec![OidcProviderSpec::demo()],
        }
    }
}

/// A session issued by `AssumeRole`.
#[derive(Clone, PartialEq, Eq)]
pub struct StsSession {
    /// `STS.…`.
    pub access_key_id: String,
    /// Secret of the temporary key.
    pub secret: String,
    /// The security token.
    pub token: String,
    /// Account of the role.
    pub account_id: String,
    /// Role name.
    pub role_name: String,
    /// Role ID.
    pub role_id: String,
    /// `RoleSessionName`.
    pub session_name: String,
    /// Expiry, emulator clock epoch ms.
    pub expires_ms: i64,
}

impl std::fmt::Debug for StsSession {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StsSession")
            .field("access_key_id", &self.access_key_id)
            .field("account_id", &self.account_id)
            .field("role_name", &self.role_name)
            .field("session_name", &self.session_name)
            .field("expires_ms", &self.expires_ms)
            .finish_non_exhaustive()
    }
}

/// How long an expired session is remembered (so its use reports `Expired`, not `NotFound`).
pub const EXPIRED_SESSION_MEMORY_MS: i64 = 24 * 3600 * 1000;

/// Accounts and sessions.
#[derive(Debug, Default)]
pub struct Directory {
    accounts: Vec<AccountSpec>,
    sessions: HashMap<String, StsSession>,
    issued: u64,
}

impl Directory {
    /// A directory of `accounts` (later duplicates of an AccessKey ID are ignored).
    pub fn new(accounts: Vec<AccountSpec>) -> Self {
        let mut dir = Self::default();
        for a in accounts {
            dir.add_account(a);
        }
        dir
    }

    /// Adds an account unless its AccessKey ID is taken.
    pub fn add_account(&mut self, account: AccountSpec) -> bool {
        if self
            .accounts
            .iter()
            .any(|a| a.access_key_id == account.access_key_id)
        {
            return false;
        }
        self.accounts.push(account);
        true
    }

    /// Every account.
    pub fn accounts(&self) -> &[AccountSpec] {
        &self.accounts
    }

    /// An account by ID.
    pub fn account(&self, account_id: &str) -> Option<&AccountSpec> {
        self.accounts.iter().find(|a| a.account_id == account_id)
    }

    /// What the verifier needs for an AccessKey ID.
    pub fn lookup(&self, access_key_id: &str) -> Option<KeyInfo> {
        if let Some(a) = self
            .accounts
            .iter()
            .find(|a| a.access_key_id == access_key_id)
        {
            return Some(KeyInfo {
                access_key_id: a.access_key_id.clone(),
                secret: a.access_key_secret.clone(),
                account_id: a.account_id.clone(),
                identity: Identity::RamUser {
                    user_name: a.user_name.clone(),
                    user_id: a.user_id.clone(),
                },
                session: None,
            });
        }
        self.sessions.get(access_key_id).map(|s| KeyInfo {
            access_key_id: s.access_key_id.clone(),
            secret: s.secret.clone(),
            account_id: s.account_id.clone(),
            identity: Identity::AssumedRole {
                role_name: s.role_name.clone(),
                role_id: s.role_id.clone(),
                session_name: s.session_name.clone(),
            },
            session: Some((s.token.clone(), s.expires_ms)),
        })
    }

    /// The role an ARN names: `(account, role)`.
    pub fn role(&self, arn: &str) -> Option<(&AccountSpec, &RoleSpec)> {
        let (account_id, name) = parse_role_arn(arn)?;
        let account = self.account(account_id)?;
        let role = account
            .roles
            .iter()
            .find(|r| r.name.eq_ignore_ascii_case(name))?;
        Some((account, role))
    }

    /// The OIDC provider an ARN names: `(account, provider)`.
    pub fn oidc_provider(&self, arn: &str) -> Option<(&AccountSpec, &OidcProviderSpec)> {
        let (account_id, name) = parse_provider_arn(arn)?;
        let account = self.account(account_id)?;
        let provider = account.oidc_providers.iter().find(|p| p.name == name)?;
        Some((account, provider))
    }

    /// Issues a session for `role` of `account_id`, valid until `expires_ms`.
    pub fn issue(
        &mut self,
        account_id: &str,
        role: &RoleSpec,
        session_name: &str,
        now_ms: i64,
        expires_ms: i64,
    ) -> StsSession {
        self.sessions
            .retain(|_, s| now_ms - s.expires_ms < EXPIRED_SESSION_MEMORY_MS);
        self.issued += 1;
        let key = format!(
            "sts/{account_id}/{now_ms}/{}/{}",
            self.issued,
            uuid::Uuid::new_v4()
        );
        const ALNUM: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        let mut raw = Vec::with_capacity(180);
        for round in 0..6 {
            raw.extend_from_slice(
                alicloud_api::signing::sha256_hex(format!("{key}/token/{round}").as_bytes())
                    .as_bytes(),
            );
        }
        raw.truncate(180);
        let session = StsSession {
            access_key_id: format!("STS.{}", ids::token_chars(&format!("{key}/id"), 25, ALNUM)),
            secret: ids::token_chars(&format!("{key}/secret"), 44, ALNUM),
            token: format!(
                "CAIS{}",
                base64::engine::general_purpose::STANDARD.encode(&raw)
            ),
            account_id: account_id.to_string(),
            role_name: role.name.clone(),
            role_id: role.role_id.clone(),
            session_name: session_name.to_string(),
            expires_ms,
        };
        self.sessions
            .insert(session.access_key_id.clone(), session.clone());
        session
    }
}

/// Splits `acs:ram::<account>:role/<name>`.
pub fn parse_role_arn(arn: &str) -> Option<(&str, &str)> {
    parse_ram_arn(arn, "role/")
}

/// Splits `acs:ram::<account>:<kind><name>` (`kind` e.g. `role/`): a numeric account and a
/// non-empty name without `/`.
pub fn parse_ram_arn<'a>(arn: &'a str, kind: &str) -> Option<(&'a str, &'a str)> {
    let rest = arn.strip_prefix("acs:ram::")?;
    let (account, resource) = rest.split_once(':')?;
    let name = resource.strip_prefix(kind)?;
    (!account.is_empty()
        && account.bytes().all(|b| b.is_ascii_digit())
        && !name.is_empty()
        && !name.contains('/'))
    .then_some((account, name))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir() -> Directory {
        Directory::new(vec![AccountSpec::new(
            DEMO_ACCOUNT_ID,
            "demo",
            "AK1",
            "fake-secret-for-tests",
        )])
    }

    #[test]
    fn looks_up_users_and_sessions() {
        let mut d = dir();
        assert!(d.lookup("nope").is_none());
        let user = d.lookup("AK1").unwrap();
        assert_eq!(user.account_id, DEMO_ACCOUNT_ID);
        assert!(user.session.is_none());
        let arn = format!("acs:ram::{DEMO_ACCOUNT_ID}:role/eipdeskadmin");
        let (acct, role) = d.role(&arn).unwrap();
        let (acct, role) = (acct.account_id.clone(), role.clone());
        let s = d.issue(&acct, &role, "alice", 0, 1000);
        assert!(s.access_key_id.starts_with("STS."));
        assert!(crate::auth::token_well_formed(&s.token));
        let info = d.lookup(&s.access_key_id).unwrap();
        assert_eq!(info.session, Some((s.token.clone(), 1000)));
        assert!(!format!("{s:?}").contains(&s.secret));
        assert!(!format!("{:?}", d.accounts()[0]).contains("fake-secret"));
    }

    #[test]
    fn role_arns_parse_strictly() {
        assert_eq!(
            parse_role_arn("acs:ram::123:role/Admin"),
            Some(("123", "Admin"))
        );
        assert!(parse_role_arn("acs:ram::abc:role/Admin").is_none());
        assert!(parse_role_arn("acs:ram::123:user/Admin").is_none());
        assert!(parse_role_arn("arn:aws:iam::123:role/x").is_none());
        assert!(dir().role("acs:ram::999:role/EipDeskAdmin").is_none());
    }
}
