//! [`Secret`]: the only type that holds secret material (AccessKey secrets, STS tokens).
//!
//! Its `Debug` and `Display` print `[REDACTED]`, it does not implement serde, and the raw
//! value is reachable only through [`Secret::expose`], so a secret cannot end up in a log
//! line, an error message or a serialized structure by accident.

use std::fmt;

/// A secret string whose `Debug`/`Display` never print it.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// The placeholder printed instead of the value.
    pub const PLACEHOLDER: &'static str = "[REDACTED]";

    /// Wraps a secret value.
    pub fn new(value: String) -> Self {
        Self(value)
    }

    /// The raw value, for signing only. Never log or format it.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// True when the secret is the empty string.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(Self::PLACEHOLDER)
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(Self::PLACEHOLDER)
    }
}

impl From<String> for Secret {
    fn from(value: String) -> Self {
        Self(value)
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Self {
        Self(value.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_and_display_redact() {
        let s = Secret::new("fake-secret-for-tests".into());
        assert_eq!(format!("{s:?}"), "[REDACTED]");
        assert_eq!(format!("{s}"), "[REDACTED]");
        assert_eq!(format!("{:?}", Some(s.clone())), "Some([REDACTED])");
        assert_eq!(s.expose(), "fake-secret-for-tests");
    }
}
