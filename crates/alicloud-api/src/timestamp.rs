//! Every timestamp text form the project writes, as `time` format descriptions, and one
//! function that writes a time in UTC with one of them.
//!
//! * [`API`]: `YYYY-MM-DDThh:mm:ssZ`, what the gateway expects in `Timestamp` /
//!   `x-acs-date` and what it answers in fields such as STS `Expiration`.
//! * [`MILLIS`]: RFC 3339 UTC with milliseconds, `YYYY-MM-DDThh:mm:ss.mmmZ`: the app's
//!   stored times (journal, audit log); fixed width, so they sort as text.
//! * [`FILE_NAME`]: `YYYYMMDD-hhmmss`, for file names (no `:`, which Windows forbids).
//!
//! Parsing stays with `time` too: `well_known::Rfc3339` reads [`API`] and [`MILLIS`] back.

use time::format_description::BorrowedFormatItem;
use time::macros::format_description;
use time::{OffsetDateTime, UtcOffset};

/// `YYYY-MM-DDThh:mm:ssZ` (UTC, whole seconds).
pub const API: &[BorrowedFormatItem<'static>] =
    format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]Z");

/// `YYYY-MM-DDThh:mm:ss.mmmZ` (UTC, milliseconds).
pub const MILLIS: &[BorrowedFormatItem<'static>] =
    format_description!("[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:3]Z");

/// `YYYYMMDD-hhmmss` (UTC), for file names.
pub const FILE_NAME: &[BorrowedFormatItem<'static>] =
    format_description!("[year][month][day]-[hour][minute][second]");

/// `at` converted to UTC and written in `format` (one of this module's constants).
pub fn format_utc(at: OffsetDateTime, format: &[BorrowedFormatItem<'_>]) -> String {
    // Formatting fails only for a description asking for a component the value lacks (none
    // here: an `OffsetDateTime` has them all) or for an I/O error (none: it writes a String).
    at.to_offset(UtcOffset::UTC)
        .format(format)
        .unwrap_or_default()
}

/// Now, in UTC, in `format`.
pub fn now_utc(format: &[BorrowedFormatItem<'_>]) -> String {
    format_utc(OffsetDateTime::now_utc(), format)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::format_description::well_known::Rfc3339;
    use time::macros::datetime;

    #[test]
    fn api_form_is_utc_whole_seconds() {
        let at = datetime!(2023-03-13 16:34:30.987 +08:00);
        assert_eq!(format_utc(at, API), "2023-03-13T08:34:30Z");
        assert_eq!(
            format_utc(datetime!(0042-01-02 03:04:05 UTC), API),
            "0042-01-02T03:04:05Z"
        );
    }

    #[test]
    fn millis_form_is_fixed_width_and_parses_back() {
        let at = datetime!(2024-05-01 10:00:01.25 UTC);
        let text = format_utc(at, MILLIS);
        assert_eq!(text, "2024-05-01T10:00:01.250Z");
        assert_eq!(OffsetDateTime::parse(&text, &Rfc3339).unwrap(), at);
        assert_eq!(
            format_utc(datetime!(2024-05-01 10:00:00 UTC), MILLIS),
            "2024-05-01T10:00:00.000Z"
        );
    }

    #[test]
    fn file_name_form_has_no_separators_windows_forbids() {
        let at = datetime!(2024-12-07 09:05:03.5 -01:00);
        assert_eq!(format_utc(at, FILE_NAME), "20241207-100503");
    }

    #[test]
    fn now_is_utc_and_parses_back() {
        let text = now_utc(MILLIS);
        let parsed = OffsetDateTime::parse(&text, &Rfc3339).unwrap();
        assert_eq!(parsed.offset(), UtcOffset::UTC);
        assert_eq!(text.len(), "2024-05-01T10:00:01.250Z".len());
    }
}
