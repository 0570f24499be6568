//! Adaptive pacing per action across regions. The client's rate limiter works per (account,
//! region, action), but services may throttle per (account, action): when many regions are
//! read at once, the first throttling answer for an action switches that action to paced
//! mode, one call per interval (a little longer than `x-acs-retry-after`), so the waiting
//! calls trickle through instead of stampeding back together. Like TCP's congestion control
//! it is additive-increase / multiplicative-decrease in rate: each further throttling widens
//! the interval by half, each success narrows it by 5 %, and an action whose interval
//! shrinks below the minimum is no longer paced.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;

use tokio::time::Instant;

/// Shortest and longest spacing between two calls of a paced action.
const MIN_INTERVAL: Duration = Duration::from_millis(10);
const MAX_INTERVAL: Duration = Duration::from_secs(2);
/// Spacing assumed when a throttling answer gives no `retry-after`.
const DEFAULT_INTERVAL: Duration = Duration::from_millis(200);
/// Margin over the server's `retry-after`, so slots do not land just before a refill.
const MARGIN: f64 = 1.25;
/// Widening on a throttling answer while already paced.
const BACKOFF: f64 = 1.5;
/// Narrowing on a success.
const RECOVERY: f64 = 0.95;

#[derive(Debug, Clone, Copy)]
struct Slot {
    interval: Duration,
    next: Instant,
}

/// Per-action schedules; actions never throttled are not paced.
#[derive(Debug, Default)]
pub struct Pacer {
    slots: Mutex<HashMap<String, Slot>>,
}

impl Pacer {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Slot>> {
        self.slots.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Reserves the next slot for `action` and says how long to wait for it (zero when the
    /// action is not paced).
    pub fn reserve(&self, action: &str) -> Duration {
        let now = Instant::now();
        let mut slots = self.lock();
        let Some(slot) = slots.get_mut(action) else {
            return Duration::ZERO;
        };
        let start = slot.next.max(now);
        slot.next = start + slot.interval;
        start - now
    }

    /// Records a throttling answer: pace `action` from now on, or pace it slower.
    pub fn throttled(&self, action: &str, retry_after: Option<Duration>) {
        let asked = retry_after
            .map_or(DEFAULT_INTERVAL, |d| d.mul_f64(MARGIN))
            .clamp(MIN_INTERVAL, MAX_INTERVAL);
        let now = Instant::now();
        let mut slots = self.lock();
        match slots.get_mut(action) {
            Some(slot) => {
                slot.interval = slot.interval.mul_f64(BACKOFF).max(asked).min(MAX_INTERVAL);
                slot.next = slot.next.max(now + asked);
            }
            None => {
                slots.insert(
                    action.to_string(),
                    Slot {
                        interval: asked,
                        next: now + asked,
                    },
                );
            }
        }
    }

    /// Records a success: a paced action speeds up a little, and stops being paced once
    /// its interval falls below the minimum.
    pub fn succeeded(&self, action: &str) {
        let mut slots = self.lock();
        if let Some(slot) = slots.get_mut(action) {
            slot.interval = slot.interval.mul_f64(RECOVERY);
            if slot.interval < MIN_INTERVAL {
                slots.remove(action);
            }
        }
    }

    /// Whether `action` is paced.
    pub fn is_paced(&self, action: &str) -> bool {
        self.lock().contains_key(action)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MS: fn(u64) -> Duration = Duration::from_millis;

    #[tokio::test(start_paused = true)]
    async fn unthrottled_actions_go_at_once_throttled_ones_are_spaced() {
        let pacer = Pacer::default();
        assert_eq!(pacer.reserve("A"), Duration::ZERO);
        pacer.throttled("A", Some(MS(100)));
        assert!(pacer.is_paced("A") && !pacer.is_paced("B"));
        let waits: Vec<Duration> = (0..3).map(|_| pacer.reserve("A")).collect();
        assert_eq!(
            waits,
            vec![MS(125), MS(250), MS(375)],
            "each waiter gets its own slot"
        );
        assert_eq!(pacer.reserve("B"), Duration::ZERO);
    }

    #[tokio::test(start_paused = true)]
    async fn throttling_widens_successes_narrow_then_release() {
        let pacer = Pacer::default();
        pacer.throttled("A", Some(MS(100)));
        pacer.throttled("A", Some(MS(100)));
        tokio::time::advance(Duration::from_secs(5)).await;
        assert_eq!(pacer.reserve("A"), Duration::ZERO);
        assert_eq!(pacer.reserve("A"), MS(125).mul_f64(BACKOFF));
        for _ in 0..200 {
            pacer.succeeded("A");
        }
        assert!(!pacer.is_paced("A"), "recovered");
        pacer.succeeded("B");
        assert!(!pacer.is_paced("B"));
    }

    #[tokio::test(start_paused = true)]
    async fn intervals_are_clamped() {
        let pacer = Pacer::default();
        pacer.throttled("A", Some(Duration::from_secs(60)));
        assert_eq!(pacer.reserve("A"), MAX_INTERVAL);
        pacer.throttled("B", None);
        assert_eq!(pacer.reserve("B"), DEFAULT_INTERVAL);
        pacer.throttled("C", Some(MS(1)));
        assert_eq!(pacer.reserve("C"), MIN_INTERVAL);
    }
}
