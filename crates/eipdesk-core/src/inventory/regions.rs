//! The regions the account can use, for the region selector, with their names in the
//! language the window asks for (`DescribeRegions`' `AcceptLanguage`).

use crate::api::RegionInfo;
use crate::error::CoreError;
use crate::ids::RegionId;
use crate::regions::CutThroughRegions;
use alicloud_api::Client;
use alicloud_api::ecs::DescribeRegionsRequest;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The language region names are worded in: the values of `DescribeRegions`'
/// `AcceptLanguage` that the window's locales need (English also for the CLI and logs).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
pub enum RegionLanguage {
    /// `China (Hangzhou)`.
    #[default]
    #[serde(rename = "en-US")]
    English,
    /// `华东1（杭州）`, as Alibaba Cloud's Chinese console names regions.
    #[serde(rename = "zh-CN")]
    Chinese,
    /// `中国 (杭州)`.
    #[serde(rename = "ja")]
    Japanese,
}

impl RegionLanguage {
    /// The `AcceptLanguage` value.
    pub fn accept_language(self) -> &'static str {
        match self {
            Self::English => "en-US",
            Self::Chinese => "zh-CN",
            Self::Japanese => "ja",
        }
    }
}

/// ECS `DescribeRegions` with names in `language`, marked with cut-through support, sorted
/// by ID.
pub async fn list_regions(
    client: &Client,
    cut_through: &CutThroughRegions,
    language: RegionLanguage,
) -> Result<Vec<RegionInfo>, CoreError> {
    let request = DescribeRegionsRequest::default().accept_language(language.accept_language());
    let response = client.ecs_describe_regions(&request).await?;
    let mut regions: Vec<RegionInfo> = response
        .regions
        .region
        .iter()
        .filter_map(|r| {
            let id = RegionId::parse(&r.region_id).ok()?;
            Some(RegionInfo {
                cut_through: cut_through.supports(&id),
                name: if r.local_name.is_empty() {
                    id.to_string()
                } else {
                    r.local_name.clone()
                },
                id: id.to_string(),
            })
        })
        .collect();
    regions.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(regions)
}
