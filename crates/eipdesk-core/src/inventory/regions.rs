//! The regions the account can use, for the region selector.

use crate::api::RegionInfo;
use crate::error::CoreError;
use crate::ids::RegionId;
use crate::regions::CutThroughRegions;
use alicloud_api::Client;
use alicloud_api::ecs::DescribeRegionsRequest;

/// ECS `DescribeRegions` (English names: the UI is English and CJK fonts may be absent),
/// marked with cut-through support, sorted by ID.
pub async fn list_regions(
    client: &Client,
    cut_through: &CutThroughRegions,
) -> Result<Vec<RegionInfo>, CoreError> {
    let response = client
        .ecs_describe_regions(&DescribeRegionsRequest::default().accept_language("en-US"))
        .await?;
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
