//! The closed vocabularies of the API (statuses, binding modes, what an EIP is bound to) as
//! enums, parsed once when a response is decoded. Alibaba Cloud adds values over time, so each
//! has an `Unknown` variant that keeps the text it did not recognise: a new status shows up as
//! itself instead of failing the whole listing.
//!
//! On the wire (and in serde) each is its API text; a missing field decodes as
//! `Unknown("")`, which is also the `Default`.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// Declares an API vocabulary: `Name { Variant = "Text", … }` plus `Unknown(String)`.
macro_rules! api_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)+
            /// A value this client does not know (kept verbatim; empty when absent).
            Unknown(String),
        }

        impl $name {
            /// Every known value, in declaration order.
            pub const KNOWN: &'static [$name] = &[$($name::$variant,)+];

            /// Parses the API's text; never fails.
            pub fn parse(text: &str) -> Self {
                match text {
                    $($text => $name::$variant,)+
                    other => $name::Unknown(other.to_string()),
                }
            }

            /// The API's text.
            pub fn as_str(&self) -> &str {
                match self {
                    $($name::$variant => $text,)+
                    $name::Unknown(text) => text,
                }
            }

            /// Whether the field was absent or empty.
            pub fn is_empty(&self) -> bool {
                self.as_str().is_empty()
            }
        }

        impl Default for $name {
            fn default() -> Self {
                $name::Unknown(String::new())
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.as_str() == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.as_str() == *other
            }
        }

        impl From<&str> for $name {
            fn from(text: &str) -> Self {
                $name::parse(text)
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                Ok($name::parse(&crate::de::string(d)?))
            }
        }
    };
}

api_enum!(
    /// An EIP's `Status`.
    EipStatus {
        Associating = "Associating",
        Unassociating = "Unassociating",
        InUse = "InUse",
        Available = "Available",
        Releasing = "Releasing",
    }
);

api_enum!(
    /// An EIP's binding `Mode`.
    EipMode {
        Nat = "NAT",
        /// Cut-through: the EIP replaces the secondary ENI's private IP.
        CutThrough = "BINDED",
        MultiBinded = "MULTI_BINDED",
    }
);

api_enum!(
    /// What an EIP is associated with (`InstanceType`).
    EipTargetType {
        EcsInstance = "EcsInstance",
        SlbInstance = "SlbInstance",
        Nat = "Nat",
        HaVip = "HaVip",
        NetworkInterface = "NetworkInterface",
        IpAddress = "IpAddress",
    }
);

api_enum!(
    /// An elastic network interface's `Status`.
    EniStatus {
        Available = "Available",
        Attaching = "Attaching",
        InUse = "InUse",
        Detaching = "Detaching",
        Deleting = "Deleting",
        CreateFailed = "CreateFailed",
    }
);

api_enum!(
    /// An ECS instance's `Status`.
    InstanceStatus {
        Pending = "Pending",
        Running = "Running",
        Starting = "Starting",
        Stopping = "Stopping",
        Stopped = "Stopped",
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_values_round_trip_and_unknown_ones_are_kept() {
        for s in EipStatus::KNOWN {
            assert_eq!(&EipStatus::parse(s.as_str()), s);
        }
        assert_eq!(EipMode::parse("BINDED"), EipMode::CutThrough);
        let new = EniStatus::parse("Migrating");
        assert_eq!(new, EniStatus::Unknown("Migrating".into()));
        assert_eq!(new.as_str(), "Migrating");
        assert_eq!(serde_json::to_string(&new).unwrap(), "\"Migrating\"");
    }

    #[test]
    fn decodes_leniently_and_absent_is_empty() {
        #[derive(Deserialize, Default)]
        #[serde(default)]
        struct Row {
            #[serde(rename = "Status")]
            status: InstanceStatus,
            #[serde(rename = "Mode")]
            mode: EipMode,
        }
        let row: Row = serde_json::from_str(r#"{"Status":"Running"}"#).unwrap();
        assert_eq!(row.status, InstanceStatus::Running);
        assert!(row.mode.is_empty());
        assert!(row.status == "Running");
    }
}
