//! Secret material of a profile and its keychain encoding.
//!
//! [`Sensitive`] wraps one secret string: `Debug`/`Display` print a placeholder, it can be
//! deserialized (the UI sends a secret once, when the user types it) but never serialized.
//! [`ProfileSecrets`] is what one keychain item holds, encoded as a small JSON document.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize};

/// A secret string whose `Debug`/`Display` never print it and which cannot be serialized.
#[derive(Clone, PartialEq, Eq)]
pub struct Sensitive(String);

impl Sensitive {
    /// The placeholder printed instead of the value.
    pub const PLACEHOLDER: &'static str = "[REDACTED]";

    /// Wraps a secret value.
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    /// The raw value. Only for signing and for the keychain; never log or format it.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// True when the value is empty or only whitespace.
    pub fn is_blank(&self) -> bool {
        self.0.trim().is_empty()
    }
}

impl fmt::Debug for Sensitive {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(Self::PLACEHOLDER)
    }
}

impl fmt::Display for Sensitive {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(Self::PLACEHOLDER)
    }
}

impl<'de> Deserialize<'de> for Sensitive {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Self)
    }
}

/// The secret fields of one profile, as stored in its keychain item.
///
/// The AccessKey ID is kept here too (the metadata file only has its masked form).
#[derive(Clone, PartialEq, Eq)]
pub struct ProfileSecrets {
    /// AccessKey ID (of the profile, or of the RAM role's source AccessKey).
    pub access_key_id: String,
    /// AccessKey secret.
    pub access_key_secret: Sensitive,
    /// STS security token (StsToken profiles only).
    pub security_token: Option<Sensitive>,
}

impl fmt::Debug for ProfileSecrets {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ProfileSecrets")
            .field(
                "access_key_id",
                &super::model::mask_key_id(&self.access_key_id),
            )
            .field("access_key_secret", &self.access_key_secret)
            .field("security_token", &self.security_token)
            .finish()
    }
}

/// Version tag of the keychain JSON document.
const FORMAT_VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Wire<'a> {
    v: u32,
    access_key_id: std::borrow::Cow<'a, str>,
    access_key_secret: std::borrow::Cow<'a, str>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    security_token: Option<std::borrow::Cow<'a, str>>,
}

/// The keychain item's content could not be decoded (never includes the content).
#[derive(Debug, thiserror::Error)]
#[error("the keychain item is not a valid EIP Desk secret ({reason})")]
pub struct DecodeError {
    reason: String,
}

impl ProfileSecrets {
    /// Encodes the secrets as the keychain item's JSON text.
    pub(crate) fn to_keychain_json(&self) -> Sensitive {
        let wire = Wire {
            v: FORMAT_VERSION,
            access_key_id: self.access_key_id.as_str().into(),
            access_key_secret: self.access_key_secret.expose().into(),
            security_token: self.security_token.as_ref().map(|t| t.expose().into()),
        };
        // Serializing plain strings into JSON cannot fail.
        Sensitive(serde_json::to_string(&wire).unwrap_or_default())
    }

    /// Decodes a keychain item's JSON text.
    pub(crate) fn from_keychain_json(text: &str) -> Result<Self, DecodeError> {
        // serde_json's messages may quote the offending input: keep only the category.
        let wire: Wire<'_> = serde_json::from_str(text).map_err(|e| DecodeError {
            reason: format!("{:?} error at line {}", e.classify(), e.line()),
        })?;
        if wire.v != FORMAT_VERSION {
            return Err(DecodeError {
                reason: format!("unsupported version {}", wire.v),
            });
        }
        Ok(Self {
            access_key_id: wire.access_key_id.into_owned(),
            access_key_secret: Sensitive(wire.access_key_secret.into_owned()),
            security_token: wire.security_token.map(|t| Sensitive(t.into_owned())),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> ProfileSecrets {
        ProfileSecrets {
            access_key_id: "LTAI5tFakeKeyIdForTests".into(),
            access_key_secret: Sensitive::new("fake-secret-for-tests"),
            security_token: Some(Sensitive::new("fake-token-for-tests")),
        }
    }

    #[test]
    fn debug_never_prints_secrets() {
        let text = format!("{:?}", sample());
        assert!(!text.contains("fake-secret-for-tests"), "{text}");
        assert!(!text.contains("fake-token-for-tests"), "{text}");
        assert!(!text.contains("LTAI5tFakeKeyIdForTests"), "{text}");
        assert!(text.contains("[REDACTED]"));
        assert_eq!(format!("{}", Sensitive::new("x")), "[REDACTED]");
    }

    #[test]
    fn keychain_json_round_trips() {
        let json = sample().to_keychain_json();
        assert!(json.expose().starts_with("{\"v\":1,"));
        let back = ProfileSecrets::from_keychain_json(json.expose()).unwrap();
        assert_eq!(back, sample());
        let no_token = ProfileSecrets {
            security_token: None,
            ..sample()
        };
        let json = no_token.to_keychain_json();
        assert!(!json.expose().contains("securityToken"));
        assert_eq!(
            ProfileSecrets::from_keychain_json(json.expose()).unwrap(),
            no_token
        );
    }

    #[test]
    fn decode_errors_do_not_echo_content() {
        let err = ProfileSecrets::from_keychain_json(
            "{\"v\":1,\"accessKeySecret\":\"fake-secret-for-tests\"",
        )
        .unwrap_err();
        assert!(!err.to_string().contains("fake-secret"), "{err}");
        let err = ProfileSecrets::from_keychain_json(
            "{\"v\":2,\"accessKeyId\":\"a\",\"accessKeySecret\":\"b\"}",
        )
        .unwrap_err();
        assert!(err.to_string().contains("version 2"));
    }
}
