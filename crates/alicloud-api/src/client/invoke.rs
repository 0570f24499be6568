//! The call loop: per attempt get credentials, wait for the rate limiter, sign with a fresh
//! nonce and timestamp, send, and decide whether to retry. One `tracing` span per call
//! records product, action, region, attempt, latency and RequestId; nothing secret (keys,
//! tokens, signatures, URLs) is ever recorded.

use std::time::Duration;

use time::OffsetDateTime;
use tokio::time::Instant;
use tracing::Instrument;
use tracing::field::Empty;

use super::{Client, http};
use crate::endpoints::Product;
use crate::error::Error;
use crate::request::{SignInput, format_timestamp, new_nonce, sign_request};
use crate::retry::{Decision, decide};

/// One logical call (possibly several attempts).
pub(crate) struct Call<'a> {
    pub product: Product,
    pub action: &'a str,
    pub region: Option<&'a str>,
    pub params: Vec<(String, String)>,
    pub retry_on: &'static [&'static str],
    /// True when the client generated the `ClientToken` (not the caller): it is kept across
    /// throttling/transient/transport retries (the first attempt may have gone through) and
    /// renewed only after the server definitively refused the call with an invalid-state
    /// code, as Terraform does.
    pub auto_client_token: bool,
}

fn millis(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}

impl Client {
    pub(crate) async fn invoke(&self, mut call: Call<'_>) -> Result<http::Reply, Error> {
        let inner = &self.inner;
        let region = call
            .region
            .filter(|r| !r.is_empty())
            .unwrap_or(&inner.region)
            .to_string();
        // STS has a global endpoint: use it unless the request named a region.
        let endpoint_region = match call.product {
            Product::Sts => call.region.filter(|r| !r.is_empty()),
            _ => Some(region.as_str()),
        };
        let base_url = inner.endpoints.base_url(call.product, endpoint_region)?;
        let span = tracing::info_span!(
            "alicloud_call",
            product = %call.product,
            action = %call.action,
            region = %region,
            attempt = Empty,
            latency_ms = Empty,
            request_id = Empty,
            http_status = Empty,
            error_code = Empty,
        );
        let work = async {
            let started = Instant::now();
            let mut attempt: u32 = 0;
            let mut retryable_failures: u32 = 0;
            loop {
                attempt += 1;
                let span = tracing::Span::current();
                span.record("attempt", attempt);
                let credentials = inner.credentials.credentials().await.inspect_err(|e| {
                    tracing::warn!(error = %e, "no credentials for the call");
                })?;
                if let Some(limiter) = &inner.limiter {
                    let waited = limiter
                        .acquire(&credentials.access_key_id, &region, call.action)
                        .await;
                    if !waited.is_zero() {
                        tracing::debug!(waited_ms = millis(waited), "rate limited locally");
                    }
                }
                let nonce = new_nonce();
                let timestamp = format_timestamp(OffsetDateTime::now_utc());
                let signed = sign_request(&SignInput {
                    version: inner.signature_version,
                    base_url: &base_url,
                    action: call.action,
                    api_version: call.product.api_version(),
                    params: &call.params,
                    credentials: &credentials,
                    nonce: &nonce,
                    timestamp: &timestamp,
                });
                tracing::debug!(attempt, host = %signed.host, "sending request");
                let sent = Instant::now();
                let result = http::send(&inner.http, &signed, call.action, &credentials).await;
                let latency_ms = millis(sent.elapsed());
                span.record("latency_ms", latency_ms);
                let error = match result {
                    Ok(reply) => {
                        span.record("request_id", reply.request_id.as_str());
                        span.record("http_status", reply.status);
                        tracing::info!(attempt, latency_ms, request_id = %reply.request_id, "call succeeded");
                        return Ok(reply);
                    }
                    Err(error) => error,
                };
                if let Some(api) = error.api_error() {
                    span.record("request_id", api.request_id.as_str());
                    span.record("http_status", api.http_status);
                    span.record("error_code", api.code.as_str());
                }
                if error.is_retryable() {
                    retryable_failures += 1;
                }
                match decide(
                    &inner.retry,
                    &error,
                    retryable_failures,
                    started.elapsed(),
                    call.retry_on,
                ) {
                    Decision::Stop => {
                        tracing::warn!(
                            attempt,
                            latency_ms,
                            kind = ?error.kind(),
                            code = error.code().unwrap_or_default(),
                            request_id = error.request_id().unwrap_or_default(),
                            "call failed"
                        );
                        return Err(error);
                    }
                    Decision::RetryAfter(delay) => {
                        tracing::info!(
                            attempt,
                            latency_ms,
                            kind = ?error.kind(),
                            code = error.code().unwrap_or_default(),
                            request_id = error.request_id().unwrap_or_default(),
                            delay_ms = millis(delay),
                            "retrying call"
                        );
                        tokio::time::sleep(delay).await;
                        if call.auto_client_token && !error.is_retryable() {
                            for (name, value) in call.params.iter_mut() {
                                if name == "ClientToken" {
                                    *value = super::new_client_token();
                                }
                            }
                        }
                    }
                }
            }
        };
        work.instrument(span).await
    }
}
