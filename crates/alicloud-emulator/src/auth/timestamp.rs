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
    let t = t.to_offset(time::UtcOffset::UTC);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// Formats epoch milliseconds as `YYYY-MM-DDThh:mm:ssZ`.
pub fn format_ms(ms: i64) -> String {
    let t = OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000)
        .unwrap_or(OffsetDateTime::UNIX_EPOCH);
    format_utc(t)
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
