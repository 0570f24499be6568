//! The request log: one entry per RPC call (action, account, region, business parameters
//! without signature or token, ClientToken, status, code, RequestId), newest last, bounded
//! in entries and in bytes. Only authenticated calls keep their parameters; any text longer
//! than [`MAX_TEXT`] is kept as its start plus its length ([`clip`]).

use std::collections::{BTreeMap, VecDeque};

use serde::{Deserialize, Serialize};

/// Entries kept at most.
pub const CAPACITY: usize = 10_000;
/// Approximate bytes kept at most (oldest entries dropped first).
pub const MAX_BYTES: usize = 4 * 1024 * 1024;
/// Longest text kept whole.
pub const MAX_TEXT: usize = 256;
/// Characters kept of a longer text.
const CLIPPED_PREFIX: usize = 64;

/// `text` itself when short, else its first characters and its length in bytes.
pub fn clip(text: &str) -> String {
    if text.len() <= MAX_TEXT {
        return text.to_string();
    }
    let start: String = text.chars().take(CLIPPED_PREFIX).collect();
    format!("{start}\u{2026}[truncated, {} bytes]", text.len())
}

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

impl LogEntry {
    /// Approximate heap and inline size.
    pub fn approx_bytes(&self) -> usize {
        let texts = [
            &self.time,
            &self.action,
            &self.version,
            &self.account_id,
            &self.access_key_id,
            &self.region_id,
            &self.code,
            &self.request_id,
            &self.signature,
        ];
        std::mem::size_of::<Self>()
            + texts.iter().map(|t| t.capacity()).sum::<usize>()
            + self.client_token.as_ref().map_or(0, String::capacity)
            + self
                .params
                .iter()
                .map(|(k, v)| k.capacity() + v.capacity() + 64)
                .sum::<usize>()
    }
}

/// The log.
#[derive(Debug, Default)]
pub struct RequestLog {
    entries: VecDeque<(usize, LogEntry)>,
    bytes: usize,
    next_seq: u64,
}

impl RequestLog {
    /// Appends, assigning `seq`; drops the oldest entries beyond [`CAPACITY`] or
    /// [`MAX_BYTES`].
    pub fn push(&mut self, mut entry: LogEntry) {
        entry.seq = self.next_seq;
        self.next_seq += 1;
        let size = entry.approx_bytes();
        self.bytes += size;
        self.entries.push_back((size, entry));
        while self.entries.len() > CAPACITY || (self.bytes > MAX_BYTES && self.entries.len() > 1) {
            if let Some((n, _)) = self.entries.pop_front() {
                self.bytes -= n;
            }
        }
    }

    /// Approximate bytes held.
    pub fn bytes(&self) -> usize {
        self.bytes
    }

    /// Entries with `seq >= since`.
    pub fn since(&self, since: u64) -> Vec<LogEntry> {
        self.entries
            .iter()
            .map(|(_, e)| e)
            .filter(|e| e.seq >= since)
            .cloned()
            .collect()
    }

    /// Forgets every entry (sequence numbers keep growing).
    pub fn clear(&mut self) {
        self.entries.clear();
        self.bytes = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry() -> LogEntry {
        LogEntry {
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
        }
    }

    #[test]
    fn bounded_and_filtered() {
        let mut log = RequestLog::default();
        let entry = entry();
        for _ in 0..CAPACITY + 5 {
            log.push(entry.clone());
        }
        assert_eq!(log.since(0).len(), CAPACITY);
        assert_eq!(log.since(CAPACITY as u64 + 3).len(), 2);
        log.clear();
        assert!(log.since(0).is_empty());
        assert_eq!(log.bytes(), 0);
    }

    /// Issue 13 (2): the log is bounded in bytes too, and long texts are clipped.
    #[test]
    fn bounded_in_bytes_with_clipped_texts() {
        let long = "v".repeat(100_000);
        let clipped = clip(&long);
        assert!(clipped.len() < 120, "{clipped}");
        assert!(clipped.ends_with("[truncated, 100000 bytes]"), "{clipped}");
        assert_eq!(clip("short"), "short");
        let mut log = RequestLog::default();
        let mut entry = entry();
        entry.params.insert("Big".into(), "x".repeat(200_000));
        for _ in 0..100 {
            log.push(entry.clone());
        }
        assert!(log.bytes() <= MAX_BYTES, "{}", log.bytes());
        assert!(log.since(0).len() < 100);
    }
}
