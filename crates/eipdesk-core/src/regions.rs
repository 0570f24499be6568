//! Region facts the app keeps as data: where cut-through (BINDED) mode is supported.
//!
//! The list comes from Alibaba Cloud's guide; Alibaba extends it over time, so it is data
//! with an override (see [`CutThroughRegions::with_override`]), not a rule in code.

use crate::ids::RegionId;
use std::collections::BTreeSet;

/// Regions where the guide documents cut-through mode (the one list, kept with the other
/// facts about Alibaba Cloud in `alicloud-api`).
pub use alicloud_api::regions::CUT_THROUGH_REGIONS as DOCUMENTED_CUT_THROUGH_REGIONS;

/// The region a new window shows first.
pub const DEFAULT_REGION: &str = "cn-hangzhou";

/// The set of regions considered to support cut-through mode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CutThroughRegions(BTreeSet<String>);

impl Default for CutThroughRegions {
    fn default() -> Self {
        Self(
            DOCUMENTED_CUT_THROUGH_REGIONS
                .iter()
                .map(|r| r.to_string())
                .collect(),
        )
    }
}

impl CutThroughRegions {
    /// The documented list, replaced by `override_list` when one is given.
    pub fn with_override(override_list: Option<&[RegionId]>) -> Self {
        match override_list {
            Some(list) => Self(list.iter().map(|r| r.as_str().to_string()).collect()),
            None => Self::default(),
        }
    }

    pub fn supports(&self, region: &RegionId) -> bool {
        self.0.contains(region.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_list_and_override() {
        let hz = RegionId::parse("cn-hangzhou").unwrap();
        let tokyo = RegionId::parse("ap-northeast-1").unwrap();
        let default = CutThroughRegions::default();
        assert!(default.supports(&hz));
        assert!(!default.supports(&tokyo));
        let custom = CutThroughRegions::with_override(Some(std::slice::from_ref(&tokyo)));
        assert!(custom.supports(&tokyo));
        assert!(!custom.supports(&hz));
    }
}
