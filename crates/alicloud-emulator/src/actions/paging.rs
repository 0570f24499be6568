//! Paging, both styles: `PageNumber`/`PageSize` (EIPs, VPCs, vSwitches, deprecated ECS style)
//! and `NextToken`/`MaxResults` (ENIs, instances, instance types). Tokens are opaque cursors
//! onto a table's insertion sequence, so rows added or removed between pages never shift the
//! rest.

use base64::Engine as _;
use serde_json::{Map, Value};

use crate::protocol::{ApiError, Params};

/// A page request in `PageNumber`/`PageSize` style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageNumber {
    /// 1-based page.
    pub number: usize,
    /// Rows per page.
    pub size: usize,
}

impl PageNumber {
    /// Reads `PageNumber` (default 1, below 1 means 1) and `PageSize` (default `default`,
    /// clamped to `1..=max`).
    pub fn read(params: &Params, default: i64, max: i64) -> Result<Self, ApiError> {
        let number = params.int("PageNumber", 1)?.max(1);
        let size = params.int("PageSize", default)?.clamp(1, max);
        Ok(Self {
            number: usize::try_from(number).unwrap_or(1),
            size: usize::try_from(size).unwrap_or(1),
        })
    }

    /// `TotalCount`, `PageNumber`, `PageSize`, and `NextToken` when given.
    pub fn fields(&self, total: usize, next_token: Option<String>) -> Map<String, Value> {
        let mut m = Map::new();
        m.insert("TotalCount".into(), total.into());
        m.insert("PageNumber".into(), self.number.into());
        m.insert("PageSize".into(), self.size.into());
        if let Some(t) = next_token {
            m.insert("NextToken".into(), t.into());
        }
        m
    }

    /// The slice of `items` this page covers.
    pub fn slice<T>(&self, items: Vec<T>) -> Vec<T> {
        let start = (self.number - 1).saturating_mul(self.size);
        items.into_iter().skip(start).take(self.size).collect()
    }
}

/// A page request in `NextToken`/`MaxResults` style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TokenPage {
    /// First sequence number to consider.
    pub start_seq: u64,
    /// Rows per page.
    pub max: usize,
}

impl TokenPage {
    /// `Some` when the request uses `NextToken` or `MaxResults`. `MaxResults` defaults to
    /// `default` and is clamped to `min..=max`, as the ECS docs describe.
    pub fn read(
        params: &Params,
        default: i64,
        min: i64,
        max: i64,
    ) -> Result<Option<Self>, ApiError> {
        if params.get("NextToken").is_none() && params.get("MaxResults").is_none() {
            return Ok(None);
        }
        let size = params.int("MaxResults", default)?.clamp(min, max);
        let start_seq = match params.get("NextToken") {
            None => 0,
            Some(t) => decode(t)?,
        };
        Ok(Some(Self {
            start_seq,
            max: usize::try_from(size).unwrap_or(1),
        }))
    }

    /// Takes up to `max` rows from an iterator of `(seq, row)`; returns them and the token of
    /// the next page (empty when this is the last).
    pub fn take<'a, T: 'a>(
        &self,
        rows: impl Iterator<Item = (u64, &'a T)>,
    ) -> (Vec<&'a T>, String) {
        let mut out = Vec::with_capacity(self.max.min(1024));
        for (seq, row) in rows {
            if out.len() == self.max {
                return (out, encode(seq));
            }
            out.push(row);
        }
        (out, String::new())
    }
}

/// Encodes a cursor.
pub fn encode(seq: u64) -> String {
    let mut raw = b"eipdesk1".to_vec();
    raw.extend_from_slice(&seq.to_be_bytes());
    base64::engine::general_purpose::STANDARD_NO_PAD.encode(raw)
}

/// Decodes a cursor; `InvalidParameter.NextToken` when it is not one of ours.
pub fn decode(token: &str) -> Result<u64, ApiError> {
    let bad = || {
        ApiError::bad(
            "InvalidParameter.NextToken",
            "The specified parameter \u{201c}NextToken\u{201d} is not valid.",
        )
    };
    let raw = base64::engine::general_purpose::STANDARD_NO_PAD
        .decode(token.trim_end_matches('='))
        .map_err(|_| bad())?;
    let seq = raw.strip_prefix(b"eipdesk1").ok_or_else(bad)?;
    let bytes: [u8; 8] = seq.try_into().map_err(|_| bad())?;
    Ok(u64::from_be_bytes(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(items: &[(&str, &str)]) -> Params {
        let pairs: Vec<(String, String)> = items
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Params::from_pairs(&pairs)
    }

    #[test]
    fn page_number_defaults_and_clamps() {
        let p = PageNumber::read(&params(&[]), 10, 100).unwrap();
        assert_eq!(
            p,
            PageNumber {
                number: 1,
                size: 10
            }
        );
        let p = PageNumber::read(
            &params(&[("PageSize", "500"), ("PageNumber", "0")]),
            10,
            100,
        )
        .unwrap();
        assert_eq!(
            p,
            PageNumber {
                number: 1,
                size: 100
            }
        );
        let p = PageNumber { number: 2, size: 2 };
        assert_eq!(p.slice(vec![1, 2, 3, 4, 5]), vec![3, 4]);
        assert!(PageNumber { number: 9, size: 2 }.slice(vec![1]).is_empty());
    }

    #[test]
    fn tokens_round_trip_and_reject_garbage() {
        assert_eq!(decode(&encode(12345)).unwrap(), 12345);
        assert_eq!(
            decode("garbage!").unwrap_err().code,
            "InvalidParameter.NextToken"
        );
        assert!(
            TokenPage::read(&params(&[]), 10, 10, 500)
                .unwrap()
                .is_none()
        );
        let t = TokenPage::read(&params(&[("MaxResults", "3")]), 10, 10, 500)
            .unwrap()
            .unwrap();
        assert_eq!(t.max, 10, "below the minimum becomes the minimum");
    }

    #[test]
    fn take_returns_the_next_cursor() {
        let rows = [(0u64, 'a'), (1, 'b'), (5, 'c')];
        let page = TokenPage {
            start_seq: 0,
            max: 2,
        };
        let (got, next) = page.take(rows.iter().map(|(s, r)| (*s, r)));
        assert_eq!(got, vec![&'a', &'b']);
        assert_eq!(decode(&next).unwrap(), 5);
        let page = TokenPage {
            start_seq: 0,
            max: 3,
        };
        let (_, next) = page.take(rows.iter().map(|(s, r)| (*s, r)));
        assert_eq!(next, "");
    }
}
