//! Replay protection: a nonce may be used once per AccessKey within the timestamp window.

use std::collections::{HashSet, VecDeque};
use std::time::Duration;

/// Upper bound on remembered nonces; the oldest are forgotten first beyond it.
pub const MAX_REMEMBERED: usize = 2_000_000;

/// Remembered `(AccessKeyId, nonce)` pairs with their first-seen time.
#[derive(Debug, Default)]
pub struct NonceCache {
    seen: HashSet<(String, String)>,
    order: VecDeque<(i64, String, String)>,
}

impl NonceCache {
    /// Records the nonce; `false` when it was already used within `window` of `now_ms`.
    pub fn check_and_insert(
        &mut self,
        access_key_id: &str,
        nonce: &str,
        now_ms: i64,
        window: Duration,
    ) -> bool {
        let horizon = now_ms - i64::try_from(window.as_millis()).unwrap_or(i64::MAX);
        while let Some((t, _, _)) = self.order.front() {
            if *t >= horizon && self.order.len() < MAX_REMEMBERED {
                break;
            }
            if let Some((_, k, n)) = self.order.pop_front() {
                self.seen.remove(&(k, n));
            }
        }
        let key = (access_key_id.to_string(), nonce.to_string());
        if self.seen.contains(&key) {
            return false;
        }
        self.seen.insert(key);
        self.order
            .push_back((now_ms, access_key_id.to_string(), nonce.to_string()));
        true
    }

    /// The remembered nonces, oldest first: `(AccessKeyId, nonce, first seen ms)` (for the
    /// state file).
    pub fn entries(&self) -> Vec<crate::persist::NonceEntry> {
        self.order
            .iter()
            .map(|(t, k, n)| (k.clone(), n.clone(), *t))
            .collect()
    }

    /// A cache remembering `entries` (as [`NonceCache::entries`] gave them).
    pub fn from_entries(entries: Vec<crate::persist::NonceEntry>) -> Self {
        let mut cache = Self::default();
        for (k, n, t) in entries {
            if cache.seen.insert((k.clone(), n.clone())) {
                cache.order.push_back((t, k, n));
            }
        }
        cache
    }

    /// How many nonces are remembered.
    pub fn len(&self) -> usize {
        self.seen.len()
    }

    /// Whether none are remembered.
    pub fn is_empty(&self) -> bool {
        self.seen.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reuse_is_rejected_within_the_window_only() {
        let w = Duration::from_secs(900);
        let mut c = NonceCache::default();
        assert!(c.check_and_insert("ak", "n1", 0, w));
        assert!(!c.check_and_insert("ak", "n1", 1_000, w));
        assert!(
            c.check_and_insert("other", "n1", 1_000, w),
            "scoped per key"
        );
        assert!(
            c.check_and_insert("ak", "n1", 900_001 + 1_000, w),
            "forgotten after window"
        );
        assert_eq!(c.len(), 1);
    }
}
