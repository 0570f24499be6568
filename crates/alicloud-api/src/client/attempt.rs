//! Preparation and one attempt of a call. [`Target`] is resolved once per call (region and
//! endpoint); every attempt then asks the [`CallHook`](super::CallHook) (if any), gets
//! credentials, waits for the client's rate limiter, signs with a fresh nonce and timestamp,
//! sends, and records the outcome on the call's span. Whether to try again is decided by the
//! caller, `invoke`.

use std::time::Duration;

use time::OffsetDateTime;
use tokio::time::Instant;
use url::Url;

use super::hook::AttemptInfo;
use super::{Client, http};
use crate::credentials::Credentials;
use crate::endpoints::Product;
use crate::error::Error;
use crate::request::{
    SignInput, SignedRequest, format_timestamp, new_nonce, sign_request, unsigned_request,
};

/// Where one call goes: the same for all its attempts.
pub(super) struct Target {
    /// The request's region, else the client's default region.
    pub region: String,
    pub base_url: Url,
}

/// The outcome of one attempt: `Err` when no attempt could be made (no credentials; not
/// retried), else what the server (or the network) answered.
pub(super) type Attempted = Result<Result<http::Reply, Error>, Error>;

pub(super) fn millis(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}

impl Client {
    /// The region and endpoint of a call.
    pub(super) fn resolve_target(
        &self,
        product: Product,
        region: Option<&str>,
    ) -> Result<Target, Error> {
        let named = region.filter(|r| !r.is_empty());
        let region = named.unwrap_or(&self.inner.region).to_string();
        // STS has a global endpoint: use it unless the request named a region.
        let endpoint_region = match product {
            Product::Sts => named,
            _ => Some(region.as_str()),
        };
        let base_url = self.inner.endpoints.base_url(product, endpoint_region)?;
        Ok(Target { region, base_url })
    }

    /// Credentials, the client's rate limiter, then a request signed with a fresh nonce and
    /// timestamp.
    async fn prepare(
        &self,
        info: &AttemptInfo<'_>,
        base_url: &Url,
        params: &[(String, String)],
    ) -> Result<(SignedRequest, Credentials), Error> {
        let inner = &self.inner;
        let credentials = inner.credentials.credentials().await.inspect_err(|e| {
            tracing::warn!(error = %e, "no credentials for the call");
        })?;
        if let Some(limiter) = &inner.limiter {
            let waited = limiter
                .acquire(&credentials.access_key_id, info.region, info.action)
                .await;
            if !waited.is_zero() {
                tracing::debug!(waited_ms = millis(waited), "rate limited locally");
            }
        }
        let build = if inner.credentials.is_anonymous() {
            unsigned_request
        } else {
            sign_request
        };
        let signed = build(&SignInput {
            version: inner.signature_version,
            base_url,
            action: info.action,
            api_version: info.product.api_version(),
            params,
            credentials: &credentials,
            nonce: &new_nonce(),
            timestamp: &format_timestamp(OffsetDateTime::now_utc()),
        });
        Ok((signed, credentials))
    }

    /// One attempt, inside the call's span: the hook's guard is held until the answer is in.
    pub(super) async fn attempt(
        &self,
        info: &AttemptInfo<'_>,
        base_url: &Url,
        params: &[(String, String)],
    ) -> Attempted {
        let span = tracing::Span::current();
        span.record("attempt", info.attempt);
        let _guard = match &self.inner.hook {
            Some(hook) => hook.before_attempt(info).await,
            None => None,
        };
        let (signed, credentials) = self.prepare(info, base_url, params).await?;
        tracing::debug!(attempt = info.attempt, host = %signed.host, "sending request");
        let sent = Instant::now();
        let result = http::send(&self.inner.http, &signed, info.action, &credentials).await;
        let latency_ms = millis(sent.elapsed());
        span.record("latency_ms", latency_ms);
        match &result {
            Ok(reply) => {
                span.record("request_id", reply.request_id.as_str());
                span.record("http_status", reply.status);
                tracing::info!(attempt = info.attempt, latency_ms, request_id = %reply.request_id, "call succeeded");
            }
            Err(error) => {
                if let Some(api) = error.api_error() {
                    span.record("request_id", api.request_id.as_str());
                    span.record("http_status", api.http_status);
                    span.record("error_code", api.code.as_str());
                }
            }
        }
        Ok(result)
    }
}
