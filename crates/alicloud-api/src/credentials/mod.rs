//! Credentials providers behind one async trait: a static AccessKey, an STS token, none (for
//! anonymous actions), and sessions from STS: a RAM role, an OIDC role (both cached, refreshed
//! ahead of expiry with a single flight), plus remote and external-process sources.
//!
//! All secret material is held in [`Secret`], so `Debug` on any of these types is safe.

mod oidc;
mod process;
mod ram_role;
mod remote;
mod session;

use async_trait::async_trait;

pub use oidc::{MAX_TOKEN_FILE_BYTES, OidcCredentials, read_token};
pub use process::{ProcessCredentials, parse_external};
pub use ram_role::{MIN_REFRESH_AHEAD, RamRoleCredentials};
pub use remote::{ECS_METADATA_ENDPOINT, RemoteCredentials, RemoteSource, parse_document};
use time::OffsetDateTime;

use crate::secret::Secret;

/// A set of credentials used to sign one request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Credentials {
    /// The AccessKey ID (not secret; STS keys start with `STS.`).
    pub access_key_id: String,
    /// The AccessKey secret.
    pub access_key_secret: Secret,
    /// The STS security token, for temporary credentials.
    pub security_token: Option<Secret>,
    /// When temporary credentials stop working.
    pub expiration: Option<OffsetDateTime>,
}

impl Credentials {
    /// Long-term AccessKey credentials.
    pub fn new(access_key_id: impl Into<String>, access_key_secret: Secret) -> Self {
        Self {
            access_key_id: access_key_id.into(),
            access_key_secret,
            security_token: None,
            expiration: None,
        }
    }

    /// True when `expiration` is set and is at most `margin` away from `now`.
    pub fn expires_within(&self, now: OffsetDateTime, margin: std::time::Duration) -> bool {
        match self.expiration {
            Some(exp) => {
                exp - now <= time::Duration::try_from(margin).unwrap_or(time::Duration::MAX)
            }
            None => false,
        }
    }
}

/// Why credentials could not be obtained.
#[derive(Debug, thiserror::Error)]
pub enum CredentialsError {
    /// A required value is missing or empty.
    #[error("credentials are incomplete: {0}")]
    Missing(String),
    /// The credentials have expired and cannot be refreshed.
    #[error("credentials expired at {0}")]
    Expired(OffsetDateTime),
    /// AssumeRole failed.
    #[error("AssumeRole for {role_arn} failed: {source}")]
    AssumeRole {
        /// The role that was being assumed.
        role_arn: String,
        /// The STS call's error.
        #[source]
        source: Box<crate::Error>,
    },
    /// Any other provider failure.
    #[error("credentials provider failed: {0}")]
    Other(String),
}

/// Something that hands out credentials for signing. Called once per attempt, so providers
/// that refresh must cache.
#[async_trait]
pub trait CredentialsProvider: Send + Sync + std::fmt::Debug {
    /// The credentials to sign the next request with.
    async fn credentials(&self) -> Result<Credentials, CredentialsError>;

    /// When the temporary credentials this provider last obtained expire, for providers
    /// that obtain sessions (a RAM role); `None` before the first call or for other kinds.
    fn session_expiry(&self) -> Option<time::OffsetDateTime> {
        None
    }

    /// Whether requests go out unsigned ([`AnonymousCredentials`]).
    fn is_anonymous(&self) -> bool {
        false
    }
}

/// No credentials: requests are sent unsigned. Only anonymous actions (`AssumeRoleWithOIDC`)
/// accept that; see [`crate::Client::anonymous`].
#[derive(Debug, Clone, Copy, Default)]
pub struct AnonymousCredentials;

#[async_trait]
impl CredentialsProvider for AnonymousCredentials {
    async fn credentials(&self) -> Result<Credentials, CredentialsError> {
        Ok(Credentials::new("", Secret::new(String::new())))
    }

    fn is_anonymous(&self) -> bool {
        true
    }
}

/// A long-term AccessKey pair.
#[derive(Debug, Clone)]
pub struct StaticCredentials {
    credentials: Credentials,
}

impl StaticCredentials {
    /// An AccessKey ID and secret.
    pub fn new(access_key_id: impl Into<String>, access_key_secret: Secret) -> Self {
        Self {
            credentials: Credentials::new(access_key_id, access_key_secret),
        }
    }
}

#[async_trait]
impl CredentialsProvider for StaticCredentials {
    async fn credentials(&self) -> Result<Credentials, CredentialsError> {
        check_complete(&self.credentials)?;
        Ok(self.credentials.clone())
    }
}

/// Temporary STS credentials supplied by the caller (key, secret, token, optional expiry).
/// They are not refreshed: once expired, [`CredentialsProvider::credentials`] fails.
#[derive(Debug, Clone)]
pub struct StsTokenCredentials {
    credentials: Credentials,
}

impl StsTokenCredentials {
    /// STS credentials without a known expiry.
    pub fn new(
        access_key_id: impl Into<String>,
        access_key_secret: Secret,
        security_token: Secret,
    ) -> Self {
        let mut credentials = Credentials::new(access_key_id, access_key_secret);
        credentials.security_token = Some(security_token);
        Self { credentials }
    }

    /// Sets when the token expires.
    pub fn with_expiration(mut self, expiration: OffsetDateTime) -> Self {
        self.credentials.expiration = Some(expiration);
        self
    }
}

#[async_trait]
impl CredentialsProvider for StsTokenCredentials {
    async fn credentials(&self) -> Result<Credentials, CredentialsError> {
        check_complete(&self.credentials)?;
        if let Some(exp) = self.credentials.expiration
            && exp <= OffsetDateTime::now_utc()
        {
            return Err(CredentialsError::Expired(exp));
        }
        Ok(self.credentials.clone())
    }
}

fn check_complete(c: &Credentials) -> Result<(), CredentialsError> {
    if c.access_key_id.trim().is_empty() {
        return Err(CredentialsError::Missing("AccessKey ID is empty".into()));
    }
    if c.access_key_secret.is_empty() {
        return Err(CredentialsError::Missing(
            "AccessKey secret is empty".into(),
        ));
    }
    if c.security_token.as_ref().is_some_and(Secret::is_empty) {
        return Err(CredentialsError::Missing("security token is empty".into()));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn static_and_sts_providers() {
        let p = StaticCredentials::new("id", Secret::new("fake-secret-for-tests".into()));
        let c = p.credentials().await.unwrap();
        assert_eq!(c.access_key_id, "id");
        assert!(!format!("{p:?}").contains("fake-secret"));

        let empty = StaticCredentials::new("", Secret::new("s".into()));
        assert!(matches!(
            empty.credentials().await,
            Err(CredentialsError::Missing(_))
        ));

        let sts = StsTokenCredentials::new(
            "STS.id",
            Secret::new("fake-secret".into()),
            Secret::new("fake-token".into()),
        );
        let c = sts.credentials().await.unwrap();
        assert_eq!(c.security_token.unwrap().expose(), "fake-token");
        assert!(!format!("{sts:?}").contains("fake-token"));

        let expired = sts.with_expiration(OffsetDateTime::now_utc() - time::Duration::minutes(1));
        assert!(matches!(
            expired.credentials().await,
            Err(CredentialsError::Expired(_))
        ));
    }

    #[test]
    fn expiry_margin() {
        let now = OffsetDateTime::now_utc();
        let mut c = Credentials::new("id", Secret::new("s".into()));
        assert!(!c.expires_within(now, std::time::Duration::from_secs(180)));
        c.expiration = Some(now + time::Duration::seconds(179));
        assert!(c.expires_within(now, std::time::Duration::from_secs(180)));
        c.expiration = Some(now + time::Duration::seconds(600));
        assert!(!c.expires_within(now, std::time::Duration::from_secs(180)));
    }
}
