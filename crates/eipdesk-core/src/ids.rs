//! Validated identifiers: raw strings from the UI or the API become these newtypes at the
//! boundary, so the rest of the code never handles an unchecked ID.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Why a string was not accepted as an identifier.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{value}` is not a valid {what}: expected {expected}")]
pub struct InvalidId {
    pub what: &'static str,
    pub value: String,
    pub expected: &'static str,
    /// The prefix a prefixed ID starts with (`eip-`); `None` for a region.
    pub prefix: Option<&'static str>,
}

fn is_id_body(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
}

macro_rules! prefixed_id {
    ($(#[$doc:meta])* $name:ident, $prefix:literal, $what:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            /// Parses and validates, e.g. `
            #[doc = $prefix]
            /// 2zeabc123`.
            pub fn parse(raw: &str) -> Result<Self, InvalidId> {
                let raw = raw.trim();
                match raw.strip_prefix($prefix) {
                    Some(body) if is_id_body(body) && raw.len() <= 64 => Ok(Self(raw.to_string())),
                    _ => Err(InvalidId {
                        what: $what,
                        value: raw.to_string(),
                        expected: concat!("`", $prefix, "` followed by lower-case letters and digits"),
                        prefix: Some($prefix),
                    }),
                }
            }
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl TryFrom<String> for $name {
            type Error = InvalidId;
            fn try_from(value: String) -> Result<Self, Self::Error> {
                Self::parse(&value)
            }
        }
        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.0
            }
        }
        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

prefixed_id!(
    /// An EIP's `AllocationId` (`eip-…`).
    AllocationId, "eip-", "EIP allocation ID"
);
prefixed_id!(
    /// An elastic network interface ID (`eni-…`).
    EniId, "eni-", "network interface ID"
);
prefixed_id!(
    /// An ECS instance ID (`i-…`).
    InstanceId, "i-", "instance ID"
);
prefixed_id!(
    /// A workflow run's ID in the journal (`run-…`).
    RunId, "run-", "run ID"
);

/// A region ID such as `cn-hangzhou` or `ap-southeast-1`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct RegionId(String);

impl RegionId {
    pub fn parse(raw: &str) -> Result<Self, InvalidId> {
        let raw = raw.trim();
        let parts: Vec<&str> = raw.split('-').collect();
        let ok = parts.len() >= 2
            && raw.len() <= 40
            && parts.iter().all(|p| is_id_body(p))
            && parts[0].bytes().all(|b| b.is_ascii_lowercase());
        if ok {
            Ok(Self(raw.to_string()))
        } else {
            Err(InvalidId {
                what: "region ID",
                value: raw.to_string(),
                expected: "a region such as `cn-hangzhou` or `ap-southeast-1`",
                prefix: None,
            })
        }
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for RegionId {
    type Error = InvalidId;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}
impl From<RegionId> for String {
    fn from(id: RegionId) -> String {
        id.0
    }
}
impl fmt::Display for RegionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_real_looking_ids() {
        assert_eq!(
            AllocationId::parse("eip-2zeabc123").unwrap().as_str(),
            "eip-2zeabc123"
        );
        assert!(EniId::parse(" eni-bp1xyz ").is_ok());
        assert!(InstanceId::parse("i-bp67acfmxazb4p").is_ok());
        for r in ["cn-hangzhou", "ap-southeast-1", "eu-central-1", "us-east-1"] {
            assert!(RegionId::parse(r).is_ok(), "{r}");
        }
    }

    #[test]
    fn rejects_wrong_prefix_or_characters() {
        let err = AllocationId::parse("eni-abc").unwrap_err();
        assert_eq!(err.what, "EIP allocation ID");
        assert!(err.to_string().contains("`eip-`"));
        assert!(EniId::parse("eni-").is_err());
        assert!(EniId::parse("eni-ABC").is_err());
        assert!(InstanceId::parse("i-a b").is_err());
        for r in ["", "hangzhou", "cn_hangzhou", "-cn", "CN-hangzhou", "1n-x"] {
            assert!(RegionId::parse(r).is_err(), "{r}");
        }
    }

    #[test]
    fn deserialisation_validates() {
        assert!(serde_json::from_str::<RegionId>("\"cn-beijing\"").is_ok());
        assert!(serde_json::from_str::<RegionId>("\"nope\"").is_err());
    }
}
