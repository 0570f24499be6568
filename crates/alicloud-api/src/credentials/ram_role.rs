//! [`RamRoleCredentials`]: temporary credentials from `AssumeRole`, cached and refreshed
//! ahead of expiry (at least 3 minutes). Concurrent callers share one refresh: the first
//! takes the refresh lock and calls STS, the others wait on the lock and then read the new
//! cached value.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use async_trait::async_trait;
use parking_lot::RwLock;
use time::OffsetDateTime;

use super::{Credentials, CredentialsError, CredentialsProvider};
use crate::client::Client;
use crate::request::parse_timestamp;
use crate::sts::AssumeRoleRequest;

/// The minimum (and default) refresh margin before expiry.
pub const MIN_REFRESH_AHEAD: Duration = Duration::from_secs(180);

/// Assumes a RAM role through STS using the credentials of `sts_client` (the source).
#[derive(Debug)]
pub struct RamRoleCredentials {
    sts: Client,
    request: AssumeRoleRequest,
    refresh_ahead: Duration,
    cache: RwLock<Option<Credentials>>,
    refresh: tokio::sync::Mutex<()>,
    refreshes: AtomicU64,
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
            refresh_ahead: MIN_REFRESH_AHEAD,
            cache: RwLock::new(None),
            refresh: tokio::sync::Mutex::new(()),
            refreshes: AtomicU64::new(0),
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
        self.refresh_ahead = margin.max(MIN_REFRESH_AHEAD);
        self
    }

    /// The role being assumed.
    pub fn role_arn(&self) -> &str {
        &self.request.role_arn
    }

    /// How many times `AssumeRole` has succeeded so far.
    pub fn refresh_count(&self) -> u64 {
        self.refreshes.load(Ordering::Relaxed)
    }

    fn fresh_cached(&self) -> Option<Credentials> {
        let now = OffsetDateTime::now_utc();
        self.cache
            .read()
            .as_ref()
            .filter(|c| !c.expires_within(now, self.refresh_ahead))
            .cloned()
    }

    async fn assume(&self) -> Result<Credentials, CredentialsError> {
        let response = self.sts.assume_role(&self.request).await.map_err(|e| {
            CredentialsError::AssumeRole {
                role_arn: self.request.role_arn.clone(),
                source: Box::new(e),
            }
        })?;
        let c = response.credentials;
        if c.access_key_id.is_empty()
            || c.access_key_secret.is_empty()
            || c.security_token.is_empty()
        {
            return Err(CredentialsError::Other(format!(
                "AssumeRole for {} returned incomplete credentials (RequestId: {})",
                self.request.role_arn, response.request_id
            )));
        }
        let lifetime = i64::from(self.request.duration_seconds.unwrap_or(3600));
        let expiration = parse_timestamp(&c.expiration)
            .unwrap_or_else(|| OffsetDateTime::now_utc() + time::Duration::seconds(lifetime));
        Ok(Credentials {
            access_key_id: c.access_key_id,
            access_key_secret: c.access_key_secret,
            security_token: Some(c.security_token),
            expiration: Some(expiration),
        })
    }
}

#[async_trait]
impl CredentialsProvider for RamRoleCredentials {
    fn session_expiry(&self) -> Option<OffsetDateTime> {
        self.cache.read().as_ref().and_then(|c| c.expiration)
    }

    async fn credentials(&self) -> Result<Credentials, CredentialsError> {
        if let Some(c) = self.fresh_cached() {
            return Ok(c);
        }
        let _single_flight = self.refresh.lock().await;
        // Another caller may have refreshed while this one waited for the lock.
        if let Some(c) = self.fresh_cached() {
            return Ok(c);
        }
        match self.assume().await {
            Ok(c) => {
                self.refreshes.fetch_add(1, Ordering::Relaxed);
                tracing::info!(role_arn = %self.request.role_arn, expiration = ?c.expiration, "assumed RAM role");
                *self.cache.write() = Some(c.clone());
                Ok(c)
            }
            Err(e) => {
                // Still-valid credentials beat an error: keep using them until they expire.
                let now = OffsetDateTime::now_utc();
                let still_valid = self
                    .cache
                    .read()
                    .as_ref()
                    .filter(|c| !c.expires_within(now, Duration::from_secs(5)))
                    .cloned();
                match still_valid {
                    Some(c) => {
                        tracing::warn!(role_arn = %self.request.role_arn, error = %e, "refresh failed; using cached credentials until they expire");
                        Ok(c)
                    }
                    None => Err(e),
                }
            }
        }
    }
}
