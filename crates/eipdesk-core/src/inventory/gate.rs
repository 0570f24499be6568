//! [`CallGate`]: the inventory's part in the client's call pipeline (an
//! [`alicloud_api::CallHook`]). Before each attempt it waits for the action's pace (see
//! [`super::pacer`]) and then for a slot of the shared gate (a semaphore bounding the calls
//! in flight across regions and listings), held until the answer is in. A throttling answer
//! paces the action instead of sleeping the retry policy's backoff, so throttling slows the
//! whole inventory down rather than each call alone; a success speeds a paced action up.
//! Everything else (which errors are retried, how often, the backoff of transient errors)
//! is the client's retry policy.

use std::sync::Arc;
use std::time::Duration;

use alicloud_api::retry::Decision;
use alicloud_api::{AttemptGuard, AttemptInfo, CallHook, Error, ErrorKind};
use futures::future::BoxFuture;
use tokio::sync::Semaphore;

use super::pacer::Pacer;

/// See the module documentation.
#[derive(Debug, Clone)]
pub struct CallGate {
    gate: Arc<Semaphore>,
    pacer: Arc<Pacer>,
}

impl CallGate {
    pub fn new(gate: Arc<Semaphore>, pacer: Arc<Pacer>) -> Self {
        Self { gate, pacer }
    }
}

impl CallHook for CallGate {
    fn before_attempt<'a>(
        &'a self,
        attempt: &'a AttemptInfo<'a>,
    ) -> BoxFuture<'a, Option<AttemptGuard>> {
        Box::pin(async move {
            let wait = self.pacer.reserve(attempt.action);
            if !wait.is_zero() {
                tokio::time::sleep(wait).await;
            }
            // The gate is never closed; if it were, calls would simply go ungated.
            let permit = self.gate.clone().acquire_owned().await.ok()?;
            Some(Box::new(permit) as AttemptGuard)
        })
    }

    fn succeeded(&self, attempt: &AttemptInfo<'_>) {
        self.pacer.succeeded(attempt.action);
    }

    fn failed(&self, attempt: &AttemptInfo<'_>, error: &Error, decision: Decision) -> Decision {
        match decision {
            Decision::RetryAfter(_) if error.kind() == ErrorKind::Throttling => {
                let retry_after = error.api_error().and_then(|a| a.retry_after);
                tracing::debug!(
                    action = attempt.action,
                    ?retry_after,
                    "throttled; pacing the action"
                );
                self.pacer.throttled(attempt.action, retry_after);
                // The next attempt waits for its slot in `before_attempt`.
                Decision::RetryAfter(Duration::ZERO)
            }
            other => other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alicloud_api::{ApiError, Product};

    const INFO: AttemptInfo<'static> = AttemptInfo {
        product: Product::Vpc,
        action: "DescribeEipAddresses",
        region: "cn-hangzhou",
        attempt: 1,
    };

    #[tokio::test(start_paused = true)]
    async fn throttling_paces_the_action_instead_of_sleeping_the_backoff() {
        let pacer = Arc::new(Pacer::default());
        let hook = CallGate::new(Arc::new(Semaphore::new(2)), pacer.clone());
        let throttled = Error::Api(ApiError {
            retry_after: Some(Duration::from_millis(100)),
            ..ApiError::new("Throttling.User", 400)
        });
        let policy = Decision::RetryAfter(Duration::from_millis(300));
        assert_eq!(
            hook.failed(&INFO, &throttled, policy),
            Decision::RetryAfter(Duration::ZERO)
        );
        assert!(pacer.is_paced(INFO.action));
        // The policy's last word stands, and the pace is not widened by a call given up.
        assert_eq!(
            hook.failed(&INFO, &throttled, Decision::Stop),
            Decision::Stop
        );
        // Transient errors keep the policy's backoff and do not pace.
        let busy = Error::Api(ApiError::new("ServiceUnavailable", 503));
        let other = AttemptInfo {
            action: "DescribeVpcs",
            ..INFO
        };
        assert_eq!(hook.failed(&other, &busy, policy), policy);
        assert!(!pacer.is_paced("DescribeVpcs"));
        // The next attempt of the paced action waits for its slot (125 ms = retry-after
        // plus margin), then holds one of the gate's permits until dropped.
        let started = tokio::time::Instant::now();
        let guard = hook.before_attempt(&INFO).await;
        assert_eq!(started.elapsed(), Duration::from_millis(125));
        assert!(guard.is_some());
        let second = hook.before_attempt(&other).await;
        let third = tokio::time::timeout(Duration::from_secs(1), hook.before_attempt(&other));
        assert!(third.await.is_err(), "both permits are held");
        drop((guard, second));
        assert!(hook.before_attempt(&other).await.is_some());
        // Successes narrow the pace until the action is no longer paced.
        for _ in 0..200 {
            hook.succeeded(&INFO);
        }
        assert!(!pacer.is_paced(INFO.action));
    }
}
