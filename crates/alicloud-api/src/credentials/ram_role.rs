//! [`RamRoleCredentials`]: temporary credentials from `AssumeRole`, cached and refreshed
//! ahead of expiry (at least 3 minutes) by [`super::session::SessionCache`].

use std::time::Duration;

use async_trait::async_trait;
use time::OffsetDateTime;

use super::session::{SessionCache, from_sts};
use super::{Credentials, CredentialsError, CredentialsProvider};
use crate::client::Client;
use crate::sts::AssumeRoleRequest;

/// The minimum (and default) refresh margin before expiry.
pub const MIN_REFRESH_AHEAD: Duration = Duration::from_secs(180);

/// Assumes a RAM role through STS using the credentials of `sts_client` (the source).
#[derive(Debug)]
pub struct RamRoleCredentials {
    sts: Client,
    request: AssumeRoleRequest,
    cache: SessionCache,
}

impl RamRoleCredentials {
    /// Assumes `role_arn` as session `role_session_name`, calling STS with `sts_client`
    /// (build it with the source credentials and, for the emulator, the endpoint override).
    pub fn new(
        sts_client: Client,
        role_arn: impl Into<String>,
        role_session_name: impl Into<String>,
    ) -> Self {
        Self {
            sts: sts_client,
            request: AssumeRoleRequest::new(role_arn, role_session_name),
            cache: SessionCache::new(),
        }
    }

    /// Session length in seconds (900 up to the role's maximum; default 3600).
    pub fn duration_seconds(mut self, seconds: u32) -> Self {
        self.request.duration_seconds = Some(seconds);
        self
    }

    /// External ID required by the role's trust policy.
    pub fn external_id(mut self, external_id: impl Into<String>) -> Self {
        self.request.external_id = Some(external_id.into());
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

    /// How many times `AssumeRole` has succeeded so far.
    pub fn refresh_count(&self) -> u64 {
        self.cache.refresh_count()
    }

    async fn assume(&self) -> Result<Credentials, CredentialsError> {
        let response = self.sts.assume_role(&self.request).await.map_err(|e| {
            CredentialsError::AssumeRole {
                role_arn: self.request.role_arn.clone(),
                source: Box::new(e),
            }
        })?;
        from_sts(
            response.credentials,
            &format!("AssumeRole for {}", self.request.role_arn),
            &response.request_id,
            self.request.duration_seconds.unwrap_or(3600),
        )
    }
}

#[async_trait]
impl CredentialsProvider for RamRoleCredentials {
    fn session_expiry(&self) -> Option<OffsetDateTime> {
        self.cache.expiry()
    }

    async fn credentials(&self) -> Result<Credentials, CredentialsError> {
        self.cache
            .get(&self.request.role_arn, || self.assume())
            .await
    }
}
