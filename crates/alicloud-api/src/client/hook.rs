//! [`CallHook`]: how a caller takes part in every attempt of every call a [`Client`] makes,
//! without a second retry loop of its own. The client keeps the pipeline (endpoint,
//! credentials, rate limiter, signing, sending, [`crate::retry::decide`], the stable
//! `ClientToken`); a hook may
//!
//! * wait before an attempt (pacing: AIMD back-off after throttling, speed-up on success)
//!   and hold a guard while the attempt is in flight (a semaphore permit bounding the calls
//!   in flight across many concurrent listings);
//! * observe each attempt and its outcome (progress, metrics, logs);
//! * change what happens after a failure (wait less because it paces the next attempt
//!   itself, wait longer, or stop).
//!
//! Install one with [`crate::ClientBuilder::call_hook`] or, on an existing client (same
//! connection pool and rate limiter), [`Client::with_call_hook`].
//!
//! [`Client`]: crate::Client
//! [`Client::with_call_hook`]: crate::Client::with_call_hook

use std::any::Any;

use futures::future::BoxFuture;

use crate::endpoints::Product;
use crate::error::Error;
use crate::retry::Decision;

/// What a hook is told about one attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AttemptInfo<'a> {
    /// The product serving the call.
    pub product: Product,
    /// The API action, e.g. `DescribeEipAddresses`.
    pub action: &'a str,
    /// The region the call is for (the client's default region when the request named none).
    pub region: &'a str,
    /// 1 for the first attempt of the call, 2 for the first retry, ...
    pub attempt: u32,
}

/// Whatever a hook wants held while an attempt is in flight (e.g. a semaphore permit). It is
/// dropped as soon as the attempt's outcome is known, before any retry delay.
pub type AttemptGuard = Box<dyn Any + Send>;

/// Takes part in every attempt of every call of the client it is installed on (see the
/// module documentation). Every method has a default that does nothing, so a hook
/// implements only what it needs.
///
/// The order for each attempt is: [`CallHook::before_attempt`], then (inside the client)
/// credentials, the client's own rate limiter, signing with a fresh nonce and timestamp, the
/// HTTP exchange; then [`CallHook::succeeded`] or [`CallHook::failed`]. An attempt that
/// cannot be made because no credentials could be obtained reaches neither: the call fails
/// at once, as without a hook.
pub trait CallHook: Send + Sync + std::fmt::Debug {
    /// Called before each attempt. It may wait (pacing). What it returns is held until the
    /// attempt's outcome is known. The call is cancelled by dropping its future, here too.
    /// (A boxed future keeps the trait usable as `dyn CallHook` without `async-trait`:
    /// implement it as `Box::pin(async move { ... })`.)
    fn before_attempt<'a>(
        &'a self,
        attempt: &'a AttemptInfo<'a>,
    ) -> BoxFuture<'a, Option<AttemptGuard>> {
        let _ = attempt;
        Box::pin(async { None })
    }

    /// Called after an attempt that got a 2xx answer.
    fn succeeded(&self, attempt: &AttemptInfo<'_>) {
        let _ = attempt;
    }

    /// Called after a failed attempt with what the client's retry policy decided; the
    /// client follows the decision returned (default: the policy's). Returning
    /// `RetryAfter(Duration::ZERO)` suits a hook that paces the next attempt itself in
    /// [`CallHook::before_attempt`]. A `ClientToken` the client generated is kept across
    /// throttling, transient and transport retries whatever the hook decides.
    fn failed(&self, attempt: &AttemptInfo<'_>, error: &Error, decision: Decision) -> Decision {
        let _ = (attempt, error);
        decision
    }
}
