//! The request log: one entry per RPC call (action, account, region, business parameters
//! without signature or token, ClientToken, status, code, RequestId), newest last, bounded.

use std::collections::{BTreeMap, VecDeque};

use serde::{Deserialize, Serialize};

/// Entries kept.
pub const CAPACITY: usize = 10_000;

/// One logged call.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LogEntry {
    /// Increasing sequence number.
    pub seq: u64,
    /// Emulator clock, `YYYY-MM-DDThh:mm:ssZ`.
    pub time: String,
    /// Action (empty when it could not be read).
    pub action: String,
    /// API version.
    pub version: String,
    /// Account ID (empty when authentication failed).
    pub account_id: String,
    /// AccessKey ID used (empty when absent).
    pub access_key_id: String,
    /// `RegionId` parameter.
    pub region_id: String,
    /// Business parameters (no signature, no token).
    pub params: BTreeMap<String, String>,
    /// `ClientToken`, if sent.
    pub client_token: Option<String>,
    /// HTTP status (0 when the connection was dropped).
    pub status: u16,
    /// `OK` or the error code.
    pub code: String,
    /// `RequestId` answered.
    pub request_id: String,
    /// `V1`, `V3` or empty.
    pub signature: String,
}

/// The log.
#[derive(Debug, Default)]
pub struct RequestLog {
    entries: VecDeque<LogEntry>,
    next_seq: u64,
}

impl RequestLog {
    /// Appends, assigning `seq`.
    pub fn push(&mut self, mut entry: LogEntry) {
        entry.seq = self.next_seq;
        self.next_seq += 1;
        if self.entries.len() == CAPACITY {
            self.entries.pop_front();
        }
        self.entries.push_back(entry);
    }

    /// Entries with `seq >= since`.
    pub fn since(&self, since: u64) -> Vec<LogEntry> {
        self.entries
            .iter()
            .filter(|e| e.seq >= since)
            .cloned()
            .collect()
    }

    /// Forgets every entry (sequence numbers keep growing).
    pub fn clear(&mut self) {
        self.entries.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounded_and_filtered() {
        let mut log = RequestLog::default();
        let entry = LogEntry {
            seq: 0,
            time: String::new(),
            action: "A".into(),
            version: String::new(),
            account_id: String::new(),
            access_key_id: String::new(),
            region_id: String::new(),
            params: BTreeMap::new(),
            client_token: None,
            status: 200,
            code: "OK".into(),
            request_id: String::new(),
            signature: String::new(),
        };
        for _ in 0..CAPACITY + 5 {
            log.push(entry.clone());
        }
        assert_eq!(log.since(0).len(), CAPACITY);
        assert_eq!(log.since(CAPACITY as u64 + 3).len(), 2);
        log.clear();
        assert!(log.since(0).is_empty());
    }
}
