//! Request timestamps (`Timestamp` for V1, `x-acs-date` for V3): parsing the ISO 8601 UTC
//! forms clients send and checking the ±15 minute window against the server's wall clock.

use std::time::Duration;

use time::{
    OffsetDateTime, PrimitiveDateTime, format_description::well_known::Rfc3339,
    macros::format_description,
};

use crate::protocol::ApiError;

/// The skew allowed between a request's timestamp and the server clock.
pub const DEFAULT_WINDOW: Duration = Duration::from_secs(15 * 60);

/// Parses `YYYY-MM-DDThh:mm:ssZ` (optionally with fractional seconds) or any RFC 3339 time.
pub fn parse(value: &str) -> Result<OffsetDateTime, ApiError> {
    let plain = format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]Z");
    let fractional =
        format_description!("[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond]Z");
    PrimitiveDateTime::parse(value, plain)
        .or_else(|_| PrimitiveDateTime::parse(value, fractional))
        .map(PrimitiveDateTime::assume_utc)
        .or_else(|_| OffsetDateTime::parse(value, &Rfc3339))
        .map_err(|_| {
            ApiError::bad(
                "InvalidTimeStamp.Format",
                "Specified time stamp or date value is not well formatted.",
            )
        })
}

/// `InvalidTimeStamp.Expired` when `ts` is further than `window` from `now` in either direction.
pub fn check(ts: OffsetDateTime, now: OffsetDateTime, window: Duration) -> Result<(), ApiError> {
    let skew = (now - ts).abs();
    if skew > window {
        return Err(ApiError::bad(
            "InvalidTimeStamp.Expired",
            format!(
                "Specified time stamp or date value is expired. Server time is {}, request time is {}.",
                format_utc(now),
                format_utc(ts)
            ),
        ));
    }
    Ok(())
}

/// Formats as `YYYY-MM-DDThh:mm:ssZ`.
pub fn format_utc(t: OffsetDateTime) -> String {
    Stamp::new(t).as_str().to_string()
}

/// Formats epoch milliseconds as `YYYY-MM-DDThh:mm:ssZ`.
pub fn format_ms(ms: i64) -> String {
    Stamp::from_ms(ms).as_str().to_string()
}

/// `YYYY-MM-DDThh:mm:ssZ` in a fixed buffer, so responses format times without allocating.
/// The year is zero-padded to four characters, sign included, like `{:04}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    buf: [u8; 21],
    len: usize,
}

impl Stamp {
    /// `t` in UTC.
    pub fn new(t: OffsetDateTime) -> Self {
        let t = t.to_offset(time::UtcOffset::UTC);
        let mut s = Self {
            buf: [0; 21],
            len: 0,
        };
        let year = t.year();
        if year < 0 {
            s.push(b'-');
        }
        s.digits(year.unsigned_abs(), if year < 0 { 3 } else { 4 });
        s.push(b'-');
        s.digits(u32::from(u8::from(t.month())), 2);
        s.push(b'-');
        s.digits(u32::from(t.day()), 2);
        s.push(b'T');
        s.digits(u32::from(t.hour()), 2);
        s.push(b':');
        s.digits(u32::from(t.minute()), 2);
        s.push(b':');
        s.digits(u32::from(t.second()), 2);
        s.push(b'Z');
        s
    }

    /// Epoch milliseconds (out of range: the epoch).
    pub fn from_ms(ms: i64) -> Self {
        Self::new(
            OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000)
                .unwrap_or(OffsetDateTime::UNIX_EPOCH),
        )
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or_default()
    }

    fn push(&mut self, b: u8) {
        self.buf[self.len] = b;
        self.len += 1;
    }

    /// `n` in decimal, zero-padded to `width` digits.
    fn digits(&mut self, n: u32, width: usize) {
        let count = n.checked_ilog10().map_or(1, |l| l as usize + 1).max(width);
        for k in (0..count).rev() {
            let d = (n / 10u32.pow(k as u32)) % 10;
            self.push(b'0' + d as u8);
        }
    }
}

impl serde::Serialize for Stamp {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn accepts_the_forms_sdks_send() {
        assert_eq!(
            parse("2023-03-13T08:34:30Z").unwrap(),
            datetime!(2023-03-13 08:34:30 UTC)
        );
        assert_eq!(parse("2023-03-13T08:34:30.123Z").unwrap().second(), 30);
        assert_eq!(
            parse("2023-03-13T16:34:30+08:00").unwrap(),
            datetime!(2023-03-13 08:34:30 UTC)
        );
    }

    #[test]
    fn stamps_match_padded_formatting() {
        for t in [
            datetime!(2024-03-01 08:07:09 UTC),
            datetime!(0042-12-31 23:59:59 UTC),
            datetime!(-0005-01-02 03:04:05 UTC),
            datetime!(-1234-01-02 03:04:05 UTC),
            datetime!(9999-12-31 23:59:59.999 UTC),
        ] {
            let expected = format!(
                "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
                t.year(),
                u8::from(t.month()),
                t.day(),
                t.hour(),
                t.minute(),
                t.second()
            );
            assert_eq!(format_utc(t), expected);
        }
        assert_eq!(format_ms(1_709_280_000_000), "2024-03-01T08:00:00Z");
        assert_eq!(format_ms(i64::MAX), "1970-01-01T00:00:00Z");
    }

    #[test]
    fn rejects_garbage() {
        for bad in ["", "2023-03-13", "13/03/2023 08:34", "2023-13-40T99:00:00Z"] {
            assert_eq!(
                parse(bad).unwrap_err().code,
                "InvalidTimeStamp.Format",
                "{bad}"
            );
        }
    }

    #[test]
    fn window_is_symmetric() {
        let now = datetime!(2024-01-01 12:00:00 UTC);
        let w = DEFAULT_WINDOW;
        assert!(check(datetime!(2024-01-01 11:46:00 UTC), now, w).is_ok());
        assert!(check(datetime!(2024-01-01 12:14:00 UTC), now, w).is_ok());
        assert_eq!(
            check(datetime!(2024-01-01 11:44:00 UTC), now, w)
                .unwrap_err()
                .code,
            "InvalidTimeStamp.Expired"
        );
        assert_eq!(
            check(datetime!(2024-01-01 12:16:00 UTC), now, w)
                .unwrap_err()
                .code,
            "InvalidTimeStamp.Expired"
        );
    }

    #[test]
    fn formats_utc() {
        assert_eq!(format_ms(0), "1970-01-01T00:00:00Z");
        assert_eq!(
            format_utc(datetime!(2024-02-03 04:05:06 UTC)),
            "2024-02-03T04:05:06Z"
        );
    }
}
