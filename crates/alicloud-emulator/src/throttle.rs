//! Throttling: token buckets per (account, action), configured by rules. A refused call gets
//! `Throttling.User` (HTTP 400) with `x-acs-retry-after` in milliseconds.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

fn any() -> String {
    "*".to_string()
}
fn one() -> u32 {
    1
}

/// A rate limit. The first rule matching a call applies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ThrottleRule {
    /// Account ID it applies to (`None`: every account, each with its own bucket).
    #[serde(default)]
    pub account_id: Option<String>,
    /// Action name, or `*` for all.
    #[serde(default = "any")]
    pub action: String,
    /// Sustained calls per second.
    pub rate_per_sec: f64,
    /// Calls allowed in a burst.
    #[serde(default = "one")]
    pub burst: u32,
}

#[derive(Debug, Clone, Copy)]
struct Bucket {
    tokens: f64,
    last_ms: i64,
}

/// Rules and their buckets.
#[derive(Debug, Default)]
pub struct Throttles {
    rules: Vec<ThrottleRule>,
    buckets: HashMap<(usize, String, String), Bucket>,
}

impl Throttles {
    /// Replaces the rules (buckets start full).
    pub fn set_rules(&mut self, rules: Vec<ThrottleRule>) {
        self.rules = rules;
        self.buckets.clear();
    }

    /// The rules.
    pub fn rules(&self) -> &[ThrottleRule] {
        &self.rules
    }

    /// Takes a token for a call; `Err(retry_after_ms)` when none is left.
    pub fn check(&mut self, account_id: &str, action: &str, now_ms: i64) -> Result<(), u64> {
        let Some((idx, rule)) = self.rules.iter().enumerate().find(|(_, r)| {
            (r.action == "*" || r.action == action)
                && r.account_id.as_deref().is_none_or(|a| a == account_id)
        }) else {
            return Ok(());
        };
        let burst = f64::from(rule.burst.max(1));
        let rate = rule.rate_per_sec.max(0.0);
        let bucket = self
            .buckets
            .entry((idx, account_id.to_string(), action.to_string()))
            .or_insert(Bucket {
                tokens: burst,
                last_ms: now_ms,
            });
        let elapsed = (now_ms - bucket.last_ms).max(0) as f64 / 1000.0;
        bucket.tokens = (bucket.tokens + elapsed * rate).min(burst);
        bucket.last_ms = now_ms;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            return Ok(());
        }
        if rate <= 0.0 {
            return Err(60_000);
        }
        let wait_ms = ((1.0 - bucket.tokens) / rate * 1000.0).ceil();
        Err(wait_ms.clamp(1.0, 3_600_000.0) as u64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(action: &str, rate: f64, burst: u32) -> ThrottleRule {
        ThrottleRule {
            account_id: None,
            action: action.into(),
            rate_per_sec: rate,
            burst,
        }
    }

    #[test]
    fn bucket_refuses_then_refills() {
        let mut t = Throttles::default();
        t.set_rules(vec![rule("DescribeEipAddresses", 2.0, 2)]);
        assert!(t.check("a", "DescribeEipAddresses", 0).is_ok());
        assert!(t.check("a", "DescribeEipAddresses", 0).is_ok());
        assert_eq!(t.check("a", "DescribeEipAddresses", 0), Err(500));
        assert!(
            t.check("b", "DescribeEipAddresses", 0).is_ok(),
            "per account"
        );
        assert!(t.check("a", "DescribeVpcs", 0).is_ok(), "per action");
        assert!(
            t.check("a", "DescribeEipAddresses", 500).is_ok(),
            "refilled"
        );
    }

    #[test]
    fn account_scoped_rules_and_zero_rate() {
        let mut t = Throttles::default();
        t.set_rules(vec![ThrottleRule {
            account_id: Some("acct".into()),
            ..rule("*", 0.0, 1)
        }]);
        assert!(t.check("acct", "X", 0).is_ok());
        assert_eq!(t.check("acct", "X", 10_000), Err(60_000));
        assert!(t.check("other", "X", 0).is_ok());
        assert!(t.check("other", "X", 0).is_ok());
    }
}
