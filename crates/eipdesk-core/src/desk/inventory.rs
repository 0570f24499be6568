//! `EipDesk` methods behind the resource tables.

use super::EipDesk;
use crate::dto::{EipRow, RegionInfo};
use crate::error::CoreError;
use crate::ids::RegionId;
use crate::inventory;

impl EipDesk {
    pub async fn list_regions(&self) -> Result<Vec<RegionInfo>, CoreError> {
        inventory::list_regions(&self.session().client, self.cut_through_regions()).await
    }

    /// EIPs of one region; `region` is raw input from the UI and is validated here.
    pub async fn list_eips(&self, region: &str) -> Result<Vec<EipRow>, CoreError> {
        let region = RegionId::parse(region)?;
        inventory::list_eips(&self.session().client, &region).await
    }
}
