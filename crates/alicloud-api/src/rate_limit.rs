//! Client-side rate limiting: one token bucket per (account, region, action), so a burst of
//! calls (e.g. concurrent page fetches) stays under the service's flow control.

use std::collections::HashMap;
use std::time::Duration;

use parking_lot::Mutex;
use tokio::time::Instant;

/// Token-bucket settings: `burst` calls at once, refilled at `per_second`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RateLimit {
    /// Sustained calls per second (must be > 0).
    pub per_second: f64,
    /// Bucket size: how many calls may go at once.
    pub burst: u32,
}

impl Default for RateLimit {
    fn default() -> Self {
        Self {
            per_second: 20.0,
            burst: 20,
        }
    }
}

#[derive(Debug)]
struct Bucket {
    tokens: f64,
    last: Instant,
}

/// Buckets keyed by (account, region, action).
#[derive(Debug)]
pub struct RateLimiter {
    limit: RateLimit,
    buckets: Mutex<HashMap<(String, String, String), Bucket>>,
}

impl RateLimiter {
    /// A limiter applying `limit` to every key.
    pub fn new(limit: RateLimit) -> Self {
        let limit = RateLimit {
            per_second: if limit.per_second > 0.0 {
                limit.per_second
            } else {
                1.0
            },
            burst: limit.burst.max(1),
        };
        Self {
            limit,
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// Takes one token for the key, or says how long to wait before one is available
    /// (the token is then already reserved).
    fn reserve(&self, account: &str, region: &str, action: &str) -> Duration {
        let now = Instant::now();
        let mut buckets = self.buckets.lock();
        let key = (account.to_string(), region.to_string(), action.to_string());
        let burst = f64::from(self.limit.burst);
        let bucket = buckets.entry(key).or_insert(Bucket {
            tokens: burst,
            last: now,
        });
        let refill = now.duration_since(bucket.last).as_secs_f64() * self.limit.per_second;
        bucket.tokens = (bucket.tokens + refill).min(burst);
        bucket.last = now;
        bucket.tokens -= 1.0;
        if bucket.tokens >= 0.0 {
            Duration::ZERO
        } else {
            Duration::from_secs_f64(-bucket.tokens / self.limit.per_second)
        }
    }

    /// Waits until a call for the key may go; returns how long it waited.
    pub async fn acquire(&self, account: &str, region: &str, action: &str) -> Duration {
        let wait = self.reserve(account, region, action);
        if !wait.is_zero() {
            tokio::time::sleep(wait).await;
        }
        wait
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn bucket_allows_burst_then_paces() {
        let limiter = RateLimiter::new(RateLimit {
            per_second: 10.0,
            burst: 3,
        });
        for _ in 0..3 {
            assert_eq!(limiter.acquire("ak", "r", "A").await, Duration::ZERO);
        }
        let waited = limiter.acquire("ak", "r", "A").await;
        assert!(waited > Duration::ZERO && waited <= Duration::from_millis(100));
        // Another key has its own bucket.
        assert_eq!(limiter.acquire("ak", "r", "B").await, Duration::ZERO);
        assert_eq!(limiter.acquire("ak2", "r", "A").await, Duration::ZERO);
        // After a second, the bucket is full again.
        tokio::time::sleep(Duration::from_secs(1)).await;
        for _ in 0..3 {
            assert_eq!(limiter.acquire("ak", "r", "A").await, Duration::ZERO);
        }
    }
}
