//! The call pipeline: resolve the target once ([`Client::resolve_target`]), then run the
//! retry policy around single attempts (`attempt`): after each failure ask
//! [`decide`](crate::retry::decide) and the [`CallHook`](super::CallHook) (if any), wait,
//! and keep or renew the generated `ClientToken`. One `tracing` span per call records
//! product, action, region, attempt, latency and RequestId; nothing secret (keys, tokens,
//! signatures, URLs) is ever recorded.

use tokio::time::Instant;
use tracing::Instrument;
use tracing::field::Empty;

use super::attempt::millis;
use super::hook::AttemptInfo;
use super::{Client, http};
use crate::endpoints::Product;
use crate::error::Error;
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

impl Call<'_> {
    /// A fresh `ClientToken` after a definitive refusal (see `auto_client_token`).
    fn renew_client_token(&mut self, error: &Error) {
        if !self.auto_client_token || error.is_retryable() {
            return;
        }
        for (name, value) in self.params.iter_mut() {
            if name == "ClientToken" {
                *value = super::new_client_token();
            }
        }
    }
}

impl Client {
    /// Runs `call`: preparation, then attempts under the retry policy.
    pub(crate) async fn invoke(&self, mut call: Call<'_>) -> Result<http::Reply, Error> {
        let target = self.resolve_target(call.product, call.region)?;
        let span = tracing::info_span!(
            "alicloud_call",
            product = %call.product,
            action = %call.action,
            region = %target.region,
            attempt = Empty,
            latency_ms = Empty,
            request_id = Empty,
            http_status = Empty,
            error_code = Empty,
        );
        self.retry_loop(&mut call, &target).instrument(span).await
    }

    /// Attempts until one succeeds or the policy (possibly adjusted by the hook) stops.
    async fn retry_loop(
        &self,
        call: &mut Call<'_>,
        target: &super::attempt::Target,
    ) -> Result<http::Reply, Error> {
        let started = Instant::now();
        let mut retryable_failures: u32 = 0;
        let mut attempt: u32 = 0;
        loop {
            attempt += 1;
            let info = AttemptInfo {
                product: call.product,
                action: call.action,
                region: &target.region,
                attempt,
            };
            let error = match self.attempt(&info, &target.base_url, &call.params).await? {
                Ok(reply) => {
                    if let Some(hook) = &self.inner.hook {
                        hook.succeeded(&info);
                    }
                    return Ok(reply);
                }
                Err(error) => error,
            };
            if error.is_retryable() {
                retryable_failures += 1;
            }
            let policy = decide(
                &self.inner.retry,
                &error,
                retryable_failures,
                started.elapsed(),
                call.retry_on,
            );
            let decision = match &self.inner.hook {
                Some(hook) => hook.failed(&info, &error, policy),
                None => policy,
            };
            let code = error.code().unwrap_or_default();
            let request_id = error.request_id().unwrap_or_default();
            let Decision::RetryAfter(delay) = decision else {
                tracing::warn!(attempt, kind = ?error.kind(), code, request_id, "call failed");
                return Err(error);
            };
            tracing::info!(
                attempt,
                kind = ?error.kind(),
                code,
                request_id,
                delay_ms = millis(delay),
                "retrying call"
            );
            if !delay.is_zero() {
                tokio::time::sleep(delay).await;
            }
            call.renew_client_token(&error);
        }
    }
}
