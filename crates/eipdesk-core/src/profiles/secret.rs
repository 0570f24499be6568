//! The secret material of a profile ([`ProfileSecrets`]) and its keychain encoding, a small
//! JSON document. Each secret is an [`alicloud_api::Secret`] (zeroized on drop, never printed,
//! never serialized).

use std::fmt;

use alicloud_api::Secret;
use serde::{Deserialize, Serialize};

/// The secret fields of one profile, as stored in its keychain item.
///
/// The AccessKey ID is kept here too (the metadata file only has its masked form).
#[derive(Clone, PartialEq, Eq)]
pub struct ProfileSecrets {
    /// AccessKey ID (of the profile, or of the RAM role's source AccessKey).
    pub access_key_id: String,
    /// AccessKey secret.
    pub access_key_secret: Secret,
    /// STS security token (StsToken profiles only).
    pub security_token: Option<Secret>,
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
    pub(crate) fn to_keychain_json(&self) -> Secret {
        let wire = Wire {
            v: FORMAT_VERSION,
            access_key_id: self.access_key_id.as_str().into(),
            access_key_secret: self.access_key_secret.expose().into(),
            security_token: self.security_token.as_ref().map(|t| t.expose().into()),
        };
        // Serializing plain strings into JSON cannot fail.
        Secret::new(serde_json::to_string(&wire).unwrap_or_default())
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
            access_key_secret: Secret::new(wire.access_key_secret.into_owned()),
            security_token: wire.security_token.map(|t| Secret::new(t.into_owned())),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> ProfileSecrets {
        ProfileSecrets {
            access_key_id: "LTAI5tFakeKeyIdForTests".into(),
            access_key_secret: Secret::from("fake-secret-for-tests"),
            security_token: Some(Secret::from("fake-token-for-tests")),
        }
    }

    #[test]
    fn debug_never_prints_secrets() {
        let text = format!("{:?}", sample());
        assert!(!text.contains("fake-secret-for-tests"), "{text}");
        assert!(!text.contains("fake-token-for-tests"), "{text}");
        assert!(!text.contains("LTAI5tFakeKeyIdForTests"), "{text}");
        assert!(text.contains("[REDACTED]"));
        assert_eq!(format!("{}", Secret::from("x")), "[REDACTED]");
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
