//! What the tables show and export: a [`Scope`] (every region, or one) and a [`TableId`].
//! Both arrive from the UI as strings and are parsed here, once.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use ts_rs::TS;

use crate::ids::{InvalidId, RegionId};

/// The scope value meaning "every region the account has".
pub const ALL_REGIONS: &str = "all";

/// The regions a load covers: `all`, or one region ID (a string on the wire).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Scope {
    All,
    Region(RegionId),
}

impl Scope {
    /// Parses `all` or a region ID.
    pub fn parse(raw: &str) -> Result<Self, InvalidId> {
        match raw.trim() {
            ALL_REGIONS => Ok(Scope::All),
            region => RegionId::parse(region).map(Scope::Region),
        }
    }

    /// The one region, when the scope is one.
    pub fn region(&self) -> Option<&RegionId> {
        match self {
            Scope::All => None,
            Scope::Region(r) => Some(r),
        }
    }
}

impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Scope::All => f.write_str(ALL_REGIONS),
            Scope::Region(r) => f.write_str(r.as_str()),
        }
    }
}

impl Serialize for Scope {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Scope {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(d)?;
        Scope::parse(&raw).map_err(serde::de::Error::custom)
    }
}

/// A resource table, as exports and column preferences name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum TableId {
    Eips,
    Enis,
    Instances,
}

impl TableId {
    /// The name in file names (`eipdesk-eips-….csv`).
    pub fn as_str(self) -> &'static str {
        match self {
            TableId::Eips => "eips",
            TableId::Enis => "enis",
            TableId::Instances => "instances",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scope_parses_all_or_a_region_and_round_trips() {
        assert_eq!(Scope::parse(" all ").unwrap(), Scope::All);
        let one: Scope = serde_json::from_str("\"cn-hangzhou\"").unwrap();
        assert_eq!(one.region().unwrap().as_str(), "cn-hangzhou");
        assert_eq!(serde_json::to_string(&one).unwrap(), "\"cn-hangzhou\"");
        assert!(serde_json::from_str::<Scope>("\"Hangzhou!\"").is_err());
    }

    #[test]
    fn table_ids_are_the_ui_names() {
        let t: TableId = serde_json::from_str("\"instances\"").unwrap();
        assert_eq!(t.as_str(), "instances");
        assert!(serde_json::from_str::<TableId>("\"audit\"").is_err());
    }
}
