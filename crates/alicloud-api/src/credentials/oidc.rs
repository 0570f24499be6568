//! [`OidcCredentials`]: temporary credentials from `AssumeRoleWithOIDC`. The OIDC token is
//! read from its file at every refresh (the issuer, e.g. Kubernetes, rotates it in place);
//! the call is sent unsigned; the session is cached and refreshed ahead of expiry by
//! [`super::session::SessionCache`].

use std::path::{Path, PathBuf};
use std::time::Duration;

use async_trait::async_trait;
use time::OffsetDateTime;

use super::session::{SessionCache, from_sts};
use super::{Credentials, CredentialsError, CredentialsProvider};
use crate::client::Client;
use crate::sts::AssumeRoleWithOidcRequest;

/// The largest token file read (real tokens are a few KiB).
pub const MAX_TOKEN_FILE_BYTES: u64 = 64 * 1024;

/// Assumes a RAM role with an OIDC token read from a file.
#[derive(Debug)]
pub struct OidcCredentials {
    sts: Client,
    token_file: PathBuf,
    request: AssumeRoleWithOidcRequest,
    cache: SessionCache,
}

impl OidcCredentials {
    /// Assumes `role_arn` trusted by `oidc_provider_arn` with the token in `token_file`.
    /// `sts_client` gives the endpoint (and the emulator override); its credentials are not
    /// used: the call goes out through [`Client::anonymous`].
    pub fn new(
        sts_client: &Client,
        oidc_provider_arn: impl Into<String>,
        role_arn: impl Into<String>,
        token_file: impl Into<PathBuf>,
    ) -> Self {
        Self {
            sts: sts_client.anonymous(),
            token_file: token_file.into(),
            request: AssumeRoleWithOidcRequest::new(oidc_provider_arn, role_arn, String::new()),
            cache: SessionCache::new(),
        }
    }

    /// `RoleSessionName` (else STS picks one).
    pub fn role_session_name(mut self, name: impl Into<String>) -> Self {
        self.request.role_session_name = Some(name.into());
        self
    }

    /// Session length in seconds (900 up to the role's maximum; default 3600).
    pub fn duration_seconds(mut self, seconds: u32) -> Self {
        self.request.duration_seconds = Some(seconds);
        self
    }

    /// A policy restricting the session further.
    pub fn policy(mut self, policy: impl Into<String>) -> Self {
        self.request.policy = Some(policy.into());
        self
    }

    /// Use the regional STS endpoint `sts.<region>.aliyuncs.com`.
    pub fn sts_region(mut self, region: impl Into<String>) -> Self {
        self.request.region_id = Some(region.into());
        self
    }

    /// Refresh this long before expiry (never less than 3 minutes).
    pub fn refresh_ahead(mut self, margin: Duration) -> Self {
        self.cache.set_refresh_ahead(margin);
        self
    }

    /// The role being assumed.
    pub fn role_arn(&self) -> &str {
        &self.request.role_arn
    }

    /// The token file.
    pub fn token_file(&self) -> &Path {
        &self.token_file
    }

    /// How many times `AssumeRoleWithOIDC` has succeeded so far.
    pub fn refresh_count(&self) -> u64 {
        self.cache.refresh_count()
    }

    async fn assume(&self) -> Result<Credentials, CredentialsError> {
        let mut request = self.request.clone();
        request.oidc_token = read_token(&self.token_file).await?;
        let response = self
            .sts
            .assume_role_with_oidc(&request)
            .await
            .map_err(|e| CredentialsError::AssumeRole {
                role_arn: self.request.role_arn.clone(),
                source: Box::new(e),
            })?;
        from_sts(
            response.credentials,
            &format!("AssumeRoleWithOIDC for {}", self.request.role_arn),
            &response.request_id,
            self.request.duration_seconds.unwrap_or(3600),
        )
    }
}

/// Reads the token: a regular file of at most [`MAX_TOKEN_FILE_BYTES`], trimmed, not empty.
/// Errors name the file but never include its content.
pub async fn read_token(path: &Path) -> Result<String, CredentialsError> {
    let fail = |why: String| {
        CredentialsError::Missing(format!("OIDC token file {}: {why}", path.display()))
    };
    let meta = tokio::fs::metadata(path)
        .await
        .map_err(|e| fail(e.to_string()))?;
    if !meta.is_file() {
        return Err(fail("not a regular file".into()));
    }
    if meta.len() > MAX_TOKEN_FILE_BYTES {
        return Err(fail(format!("larger than {MAX_TOKEN_FILE_BYTES} bytes")));
    }
    let text = tokio::fs::read_to_string(path)
        .await
        .map_err(|e| fail(e.to_string()))?;
    let token = text.trim();
    if token.is_empty() {
        return Err(fail("empty".into()));
    }
    Ok(token.to_string())
}

#[async_trait]
impl CredentialsProvider for OidcCredentials {
    fn session_expiry(&self) -> Option<OffsetDateTime> {
        self.cache.expiry()
    }

    async fn credentials(&self) -> Result<Credentials, CredentialsError> {
        self.cache
            .get(&self.request.role_arn, || self.assume())
            .await
    }
}
