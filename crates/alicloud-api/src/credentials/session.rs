//! [`SessionCache`]: the cache shared by providers that obtain STS sessions (a RAM role, an
//! OIDC role). Credentials are reused until `refresh_ahead` before expiry; concurrent callers
//! share one refresh (the first takes the refresh lock, the others wait and read the new
//! value); a failed refresh keeps still-valid credentials until they expire.

use std::future::Future;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use parking_lot::RwLock;
use time::OffsetDateTime;

use super::{Credentials, CredentialsError, MIN_REFRESH_AHEAD};
use crate::request::parse_timestamp;
use crate::sts::StsCredentials;

/// Cached session credentials with single-flight refresh.
#[derive(Debug)]
pub(super) struct SessionCache {
    refresh_ahead: Duration,
    cache: RwLock<Option<Credentials>>,
    refresh: tokio::sync::Mutex<()>,
    refreshes: AtomicU64,
}

impl SessionCache {
    pub(super) fn new() -> Self {
        Self {
            refresh_ahead: MIN_REFRESH_AHEAD,
            cache: RwLock::new(None),
            refresh: tokio::sync::Mutex::new(()),
            refreshes: AtomicU64::new(0),
        }
    }

    /// Refresh this long before expiry (never less than [`MIN_REFRESH_AHEAD`]).
    pub(super) fn set_refresh_ahead(&mut self, margin: Duration) {
        self.refresh_ahead = margin.max(MIN_REFRESH_AHEAD);
    }

    /// How many refreshes succeeded.
    pub(super) fn refresh_count(&self) -> u64 {
        self.refreshes.load(Ordering::Relaxed)
    }

    /// When the cached session expires.
    pub(super) fn expiry(&self) -> Option<OffsetDateTime> {
        self.cache.read().as_ref().and_then(|c| c.expiration)
    }

    fn cached_unless_within(&self, margin: Duration) -> Option<Credentials> {
        let now = OffsetDateTime::now_utc();
        self.cache
            .read()
            .as_ref()
            .filter(|c| !c.expires_within(now, margin))
            .cloned()
    }

    /// The cached credentials, or new ones from `obtain` (`what` names the session in logs).
    pub(super) async fn get<F, Fut>(
        &self,
        what: &str,
        obtain: F,
    ) -> Result<Credentials, CredentialsError>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<Credentials, CredentialsError>>,
    {
        if let Some(c) = self.cached_unless_within(self.refresh_ahead) {
            return Ok(c);
        }
        let _single_flight = self.refresh.lock().await;
        // Another caller may have refreshed while this one waited for the lock.
        if let Some(c) = self.cached_unless_within(self.refresh_ahead) {
            return Ok(c);
        }
        match obtain().await {
            Ok(c) => {
                self.refreshes.fetch_add(1, Ordering::Relaxed);
                tracing::info!(session = what, expiration = ?c.expiration, "obtained STS session");
                *self.cache.write() = Some(c.clone());
                Ok(c)
            }
            // Still-valid credentials beat an error: keep using them until they expire.
            Err(e) => match self.cached_unless_within(Duration::from_secs(5)) {
                Some(c) => {
                    tracing::warn!(session = what, error = %e, "refresh failed; using cached credentials until they expire");
                    Ok(c)
                }
                None => Err(e),
            },
        }
    }
}

/// Credentials from an STS response; incomplete ones are refused (`what` and `request_id`
/// name the call). Without a readable `Expiration`, `lifetime_s` from now.
pub(super) fn from_sts(
    c: StsCredentials,
    what: &str,
    request_id: &str,
    lifetime_s: u32,
) -> Result<Credentials, CredentialsError> {
    if c.access_key_id.is_empty() || c.access_key_secret.is_empty() || c.security_token.is_empty() {
        return Err(CredentialsError::Other(format!(
            "{what} returned incomplete credentials (RequestId: {request_id})"
        )));
    }
    let expiration = parse_timestamp(&c.expiration).unwrap_or_else(|| {
        OffsetDateTime::now_utc() + time::Duration::seconds(i64::from(lifetime_s))
    });
    Ok(Credentials {
        access_key_id: c.access_key_id,
        access_key_secret: c.access_key_secret,
        security_token: Some(c.security_token),
        expiration: Some(expiration),
    })
}
