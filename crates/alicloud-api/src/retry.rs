//! Retry policy: bounded exponential backoff with full jitter for throttling, transient and
//! transport errors (honouring `x-acs-retry-after`), plus per-action "retry on invalid state"
//! bounded by a deadline. Only the decisions live here; the loop is in the client.

use std::time::Duration;

use rand::Rng;

use crate::error::{Error, ErrorKind};

/// How the client retries a failed call.
#[derive(Debug, Clone, PartialEq)]
pub struct RetryPolicy {
    /// Maximum attempts for throttling/transient/transport errors (1 = no retry).
    pub max_attempts: u32,
    /// Backoff before the first retry; doubled each time, then jittered.
    pub base_delay: Duration,
    /// Upper bound of one backoff delay (also caps `x-acs-retry-after`).
    pub max_delay: Duration,
    /// How long to keep retrying an action's "invalid state" codes (zero disables).
    pub invalid_state_deadline: Duration,
    /// Pause between invalid-state retries.
    pub invalid_state_interval: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_attempts: 4,
            base_delay: Duration::from_millis(300),
            max_delay: Duration::from_secs(10),
            invalid_state_deadline: Duration::from_secs(60),
            invalid_state_interval: Duration::from_secs(3),
        }
    }
}

impl RetryPolicy {
    /// A policy that never retries.
    pub fn none() -> Self {
        Self {
            max_attempts: 1,
            invalid_state_deadline: Duration::ZERO,
            ..Self::default()
        }
    }

    /// The backoff before retry number `retry` (1-based): full jitter over
    /// `min(max_delay, base_delay * 2^(retry-1))`, never below half of it.
    pub fn backoff(&self, retry: u32) -> Duration {
        let exp = self
            .base_delay
            .saturating_mul(1u32 << retry.saturating_sub(1).min(16));
        let cap = exp.min(self.max_delay);
        let half = cap / 2;
        let jitter_ms = u64::try_from((cap - half).as_millis()).unwrap_or(u64::MAX);
        let extra = if jitter_ms == 0 {
            0
        } else {
            rand::thread_rng().gen_range(0..=jitter_ms)
        };
        half + Duration::from_millis(extra)
    }
}

/// What to do after a failed attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Give up and return the error.
    Stop,
    /// Wait this long, then try again.
    RetryAfter(Duration),
}

/// Decides whether to retry after `error`.
///
/// * `attempt`: how many attempts were made (1 after the first).
/// * `retryable_attempts`: how many of them failed with throttling/transient/transport.
/// * `elapsed`: time since the first attempt started.
/// * `retry_on`: the action's invalid-state codes.
pub fn decide(
    policy: &RetryPolicy,
    error: &Error,
    retryable_attempts: u32,
    elapsed: Duration,
    retry_on: &[&str],
) -> Decision {
    if error.is_retryable() {
        if retryable_attempts >= policy.max_attempts {
            return Decision::Stop;
        }
        let backoff = policy.backoff(retryable_attempts);
        let delay = match error.api_error().and_then(|e| e.retry_after) {
            Some(after) => after.min(policy.max_delay),
            None => backoff,
        };
        return Decision::RetryAfter(delay);
    }
    let listed = error.code().is_some_and(|code| retry_on.contains(&code));
    if listed && error.kind() != ErrorKind::Auth {
        let delay = policy.invalid_state_interval;
        if elapsed + delay <= policy.invalid_state_deadline {
            return Decision::RetryAfter(delay);
        }
    }
    Decision::Stop
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ApiError;

    fn api(code: &str, status: u16, retry_after: Option<Duration>) -> Error {
        Error::Api(ApiError {
            retry_after,
            ..ApiError::new(code, status)
        })
    }

    #[test]
    fn backoff_is_bounded_and_grows() {
        let p = RetryPolicy::default();
        for retry in 1..40 {
            let d = p.backoff(retry);
            assert!(d <= p.max_delay, "{retry}: {d:?}");
        }
        let first = p.backoff(1);
        assert!(first >= p.base_delay / 2 && first <= p.base_delay);
        let third = p.backoff(3);
        assert!(third >= p.base_delay * 2);
    }

    #[test]
    fn decisions() {
        let p = RetryPolicy::default();
        let throttled = api("Throttling.User", 400, Some(Duration::from_millis(1500)));
        assert_eq!(
            decide(&p, &throttled, 1, Duration::ZERO, &[]),
            Decision::RetryAfter(Duration::from_millis(1500))
        );
        assert_eq!(
            decide(&p, &throttled, 4, Duration::ZERO, &[]),
            Decision::Stop
        );
        let busy = api("ServiceUnavailable", 503, None);
        assert!(matches!(
            decide(&p, &busy, 1, Duration::ZERO, &[]),
            Decision::RetryAfter(_)
        ));
        let state = api("IncorrectEipStatus", 400, None);
        assert_eq!(decide(&p, &state, 0, Duration::ZERO, &[]), Decision::Stop);
        assert_eq!(
            decide(&p, &state, 0, Duration::ZERO, &["IncorrectEipStatus"]),
            Decision::RetryAfter(p.invalid_state_interval)
        );
        assert_eq!(
            decide(
                &p,
                &state,
                0,
                Duration::from_secs(59),
                &["IncorrectEipStatus"]
            ),
            Decision::Stop
        );
        let input = api("InvalidParameter", 400, None);
        assert_eq!(decide(&p, &input, 0, Duration::ZERO, &[]), Decision::Stop);
        assert_eq!(
            decide(&RetryPolicy::none(), &busy, 1, Duration::ZERO, &[]),
            Decision::Stop
        );
    }
}
