//! [`Secret`]: the only type that holds secret material (AccessKey secrets, STS tokens, the
//! app's keychain items), here and in the app's core.
//!
//! It is a `secrecy::SecretString`, so the value is zeroized when dropped. Its `Debug` and
//! `Display` print `[REDACTED]`, it can be deserialized (a secret arrives once, when the user
//! types it) but does not implement `Serialize` (checked at compile time below), and the raw
//! value is reachable only through [`Secret::expose`], so a secret cannot end up in a log
//! line, an error message or a serialized structure by accident.

use std::fmt;

use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Deserializer};

/// A secret string, zeroized on drop, whose `Debug`/`Display` never print it.
#[derive(Clone)]
pub struct Secret(SecretString);

impl Secret {
    /// The placeholder printed instead of the value.
    pub const PLACEHOLDER: &'static str = "[REDACTED]";

    /// Wraps a secret value.
    pub fn new(value: String) -> Self {
        Self(SecretString::from(value))
    }

    /// The raw value, for signing and for the keychain only. Never log or format it.
    pub fn expose(&self) -> &str {
        self.0.expose_secret()
    }

    /// True when the secret is the empty string.
    pub fn is_empty(&self) -> bool {
        self.expose().is_empty()
    }

    /// True when the secret is empty or only whitespace.
    pub fn is_blank(&self) -> bool {
        self.expose().trim().is_empty()
    }
}

/// Compares the values (tests and change detection; not constant-time).
impl PartialEq for Secret {
    fn eq(&self, other: &Self) -> bool {
        self.expose() == other.expose()
    }
}

impl Eq for Secret {}

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
        Self::new(value)
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Self {
        Self(SecretString::from(value))
    }
}

impl<'de> Deserialize<'de> for Secret {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Self::new)
    }
}

/// Fails to compile if `Secret` ever implements `Serialize`: the method call below is then
/// ambiguous between the two blanket impls.
const _: fn() = || {
    trait AmbiguousIfSerialize<A> {
        fn check() {}
    }
    impl<T: ?Sized> AmbiguousIfSerialize<()> for T {}
    struct IsSerialize;
    impl<T: ?Sized + serde::Serialize> AmbiguousIfSerialize<IsSerialize> for T {}
    <Secret as AmbiguousIfSerialize<_>>::check();
};

/// Fails to compile if the value stops being held by a type that zeroizes it on drop.
const _: fn(&Secret) = |s| {
    fn zeroized_on_drop<T: ?Sized + secrecy::zeroize::ZeroizeOnDrop>(_: &T) {}
    zeroized_on_drop(&s.0);
};

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

    #[test]
    fn deserializes_from_a_string_and_compares_by_value() {
        let s: Secret = serde_json::from_str("\"fake-secret-for-tests\"").unwrap();
        assert_eq!(s, Secret::from("fake-secret-for-tests"));
        assert_ne!(s, Secret::from("other"));
        assert!(Secret::from(" \t").is_blank());
        assert!(!Secret::from(" x ").is_blank());
        assert!(Secret::from("").is_empty());
    }
}
