//! `ClientToken` idempotency: the first successful call with a token records a fingerprint of
//! its parameters and its response; a repeat with the same parameters replays the response
//! without acting again, a repeat with different parameters is `IdempotentParameterMismatch`.
//! Records are scoped per account and action and kept for 24 hours (at most [`MAX_RECORDS`]);
//! expired ones are dropped as new ones are recorded.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// How long a token is remembered.
pub const RETENTION_MS: i64 = 24 * 3600 * 1000;
/// Upper bound on remembered tokens (oldest dropped first).
pub const MAX_RECORDS: usize = 100_000;

/// One remembered call.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// Hash of the business parameters (without `ClientToken`).
    pub fingerprint: String,
    /// The response body (without `RequestId`).
    pub response: Map<String, Value>,
    /// When it was recorded (emulator clock).
    pub created_ms: i64,
}

/// What a lookup found.
#[derive(Debug, Clone, PartialEq)]
pub enum Lookup {
    /// Never seen: act.
    Fresh,
    /// Seen with the same parameters: answer this.
    Replay(Map<String, Value>),
    /// Seen with other parameters.
    Mismatch,
}

/// All remembered tokens, shared copy-on-write with state-file views. `order` (by creation
/// time, rebuilt after loading) lets each new record drop the expired ones.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Records {
    map: Arc<BTreeMap<String, Record>>,
    #[serde(skip)]
    order: Arc<BTreeSet<(i64, String)>>,
}

/// The record key for a token.
pub fn key(account: &str, action: &str, token: &str) -> String {
    format!("{account}|{action}|{token}")
}

/// Fingerprint of business parameters, `ClientToken` excluded.
pub fn fingerprint(params: &BTreeMap<String, String>) -> String {
    let pairs: Vec<(&str, &str)> = params
        .iter()
        .filter(|(k, _)| k.as_str() != "ClientToken")
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    alicloud_api::signing::sha256_hex(alicloud_api::signing::canonical_query(&pairs).as_bytes())
}

impl Records {
    /// Looks a token up.
    pub fn lookup(&self, key: &str, fingerprint: &str, now_ms: i64) -> Lookup {
        match self.map.get(key) {
            Some(r) if now_ms - r.created_ms > RETENTION_MS => Lookup::Fresh,
            Some(r) if r.fingerprint == fingerprint => Lookup::Replay(r.response.clone()),
            Some(_) => Lookup::Mismatch,
            None => Lookup::Fresh,
        }
    }

    /// Records a successful call.
    pub fn record(
        &mut self,
        key: String,
        fingerprint: String,
        response: Map<String, Value>,
        now_ms: i64,
    ) {
        if self.order.len() != self.map.len() {
            self.order = Arc::new(
                self.map
                    .iter()
                    .map(|(k, r)| (r.created_ms, k.clone()))
                    .collect(),
            );
        }
        let map = Arc::make_mut(&mut self.map);
        let order = Arc::make_mut(&mut self.order);
        while let Some((created, k)) = order.first().cloned() {
            if now_ms - created <= RETENTION_MS && map.len() < MAX_RECORDS {
                break;
            }
            order.pop_first();
            map.remove(&k);
        }
        if let Some(old) = map.insert(
            key.clone(),
            Record {
                fingerprint,
                response,
                created_ms: now_ms,
            },
        ) {
            order.remove(&(old.created_ms, key.clone()));
        }
        order.insert((now_ms, key));
    }

    /// How many tokens are remembered.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether none are.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(items: &[(&str, &str)]) -> BTreeMap<String, String> {
        items
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn replay_mismatch_and_expiry() {
        let mut r = Records::default();
        let k = key("acct", "AllocateEipAddress", "tok");
        let f1 = fingerprint(&params(&[
            ("RegionId", "cn-hangzhou"),
            ("ClientToken", "tok"),
        ]));
        let f1b = fingerprint(&params(&[("RegionId", "cn-hangzhou")]));
        assert_eq!(f1, f1b, "ClientToken is not part of the fingerprint");
        let f2 = fingerprint(&params(&[("RegionId", "cn-shanghai")]));
        assert_eq!(r.lookup(&k, &f1, 0), Lookup::Fresh);
        let mut body = Map::new();
        body.insert("AllocationId".into(), "eip-x".into());
        r.record(k.clone(), f1.clone(), body.clone(), 0);
        assert_eq!(r.lookup(&k, &f1, 10), Lookup::Replay(body));
        assert_eq!(r.lookup(&k, &f2, 10), Lookup::Mismatch);
        assert_eq!(r.lookup(&k, &f2, RETENTION_MS + 1), Lookup::Fresh);
        assert_eq!(
            r.lookup(&key("other", "AllocateEipAddress", "tok"), &f2, 10),
            Lookup::Fresh
        );
    }

    /// Issue 13 (3): expired tokens are dropped as new ones come, not only at the cap.
    #[test]
    fn expired_tokens_are_pruned_as_new_ones_come() {
        let mut r = Records::default();
        for i in 0..5 {
            r.record(format!("k{i}"), "f".into(), Map::new(), i);
        }
        r.record("k0".into(), "f".into(), Map::new(), 10);
        assert_eq!(r.len(), 5);
        r.record("late".into(), "f".into(), Map::new(), RETENTION_MS + 5);
        assert_eq!(
            r.len(),
            2,
            "k1..k4 expired, k0 (renewed at 10) and late kept"
        );
        let back: Records = serde_json::from_str(&serde_json::to_string(&r).unwrap()).unwrap();
        let mut back = back;
        back.record("later".into(), "f".into(), Map::new(), RETENTION_MS + 11);
        assert_eq!(back.len(), 2, "k0 expired after reload too");
    }
}
