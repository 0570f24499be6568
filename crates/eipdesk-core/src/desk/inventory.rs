//! `EipDesk` methods behind the resource tables: regions, loads with progress, targeted
//! refreshes after changes, cached rows for other features, and CSV export.

use super::EipDesk;
use crate::api::RegionInfo;
use crate::binding::options::busy_reason;
use crate::error::CoreError;
use crate::export_file::{self, ExportSuggestion, ExportTarget};
use crate::ids::RegionId;
use crate::inventory::actions::{RowAction, actions_for, mark_unavailable};
use crate::inventory::error::InventoryError;
use crate::inventory::{
    self, CsvExportRequest, CsvExportResult, EipRow, InventoryEvent, InventoryPatch, LoadContext,
    LoadRequest, LoadSummary, RegionEntry, RegionLanguage, RegionRows, ResourceRef, Scope, TableId,
};

impl EipDesk {
    /// The regions the account has (ECS `DescribeRegions`) with names in `language`,
    /// cached per language for the session.
    pub async fn list_regions(
        &self,
        language: RegionLanguage,
    ) -> Result<Vec<RegionInfo>, CoreError> {
        let session = self.session();
        if let Some(regions) = self.inventory.cached_regions(session.generation, language) {
            return Ok(regions);
        }
        let regions =
            inventory::list_regions(&session.client, self.cut_through_regions(), language).await?;
        self.inventory
            .set_regions(session.generation, language, regions.clone());
        self.remember_regions(&regions).await;
        Ok(regions)
    }

    /// The regions a scope covers.
    pub async fn scope_regions(&self, scope: &Scope) -> Result<Vec<RegionId>, CoreError> {
        match scope {
            Scope::All => Ok(
                match self.inventory.any_cached_regions(self.session().generation) {
                    Some(regions) => regions,
                    None => self.list_regions(RegionLanguage::default()).await?,
                }
                .iter()
                .filter_map(|r| RegionId::parse(&r.id).ok())
                .collect(),
            ),
            Scope::Region(region) => Ok(vec![region.clone()]),
        }
    }

    /// Loads the scope's EIPs, ENIs and instances, streaming progress to `sink`; returns
    /// when every region has answered or the load was cancelled (by a newer superseding
    /// load, [`EipDesk::cancel_inventory`] or a profile switch).
    pub async fn load_inventory(
        &self,
        request: &LoadRequest,
        sink: &(dyn Fn(InventoryEvent) + Send + Sync),
    ) -> Result<LoadSummary, CoreError> {
        let session = self.session();
        let regions = self.scope_regions(&request.scope).await?;
        let ctx = LoadContext {
            client: &session.client,
            generation: session.generation,
            cut_through: self.cut_through_regions(),
        };
        Ok(self
            .inventory
            .load(ctx, regions, request.supersede, sink)
            .await)
    }

    /// Cancels every load still running.
    pub fn cancel_inventory(&self) {
        self.inventory.cancel_loads();
    }

    /// Re-reads the named resources and returns the rows that changed, per region. Call it
    /// after any change made from the app (bind, unbind, attach, detach, …).
    pub async fn refresh_resources(
        &self,
        refs: &[ResourceRef],
    ) -> Result<Vec<InventoryPatch>, CoreError> {
        let session = self.session();
        let ctx = LoadContext {
            client: &session.client,
            generation: session.generation,
            cut_through: self.cut_through_regions(),
        };
        self.inventory.refresh(ctx, refs).await
    }

    /// Rows already loaded for the scope (`all` or a region ID), without calling the API.
    pub fn inventory_rows(&self, scope: &Scope) -> Vec<RegionRows> {
        let generation = self.session().generation;
        let region = scope.region().map(RegionId::as_str);
        self.inventory.rows(generation, region)
    }

    /// The actions the row's details panel offers, each with why it cannot run now.
    pub fn row_actions(&self, r: &ResourceRef) -> Result<Vec<RowAction>, CoreError> {
        let rows = self
            .inventory
            .rows(self.session().generation, Some(&r.region_id));
        let mut actions = rows
            .first()
            .and_then(|rows| actions_for(rows, r))
            .ok_or_else(|| InventoryError::RowNotFound(r.id.clone()))?;
        if let Some(run) = self.run_changing(&r.id) {
            mark_unavailable(&mut actions, &busy_reason(&run));
        }
        Ok(actions)
    }

    /// A loaded region's raw listing and rows (for preflight checks), if loaded.
    pub fn inventory_region(&self, region: &RegionId) -> Option<RegionEntry> {
        self.inventory
            .region(self.session().generation, region.as_str())
    }

    /// EIPs of one region, read now (`region` is raw input from the UI, validated here).
    pub async fn list_eips(&self, region: &str) -> Result<Vec<EipRow>, CoreError> {
        let region = RegionId::parse(region)?;
        let session = self.session();
        let ctx = LoadContext {
            client: &session.client,
            generation: session.generation,
            cut_through: self.cut_through_regions(),
        };
        Ok(self.inventory.load_region(ctx, &region).await?.eips)
    }

    /// Writes the rows a table shows to the CSV file the user chose.
    pub fn export_csv(
        &self,
        target: &ExportTarget,
        request: &CsvExportRequest,
    ) -> Result<CsvExportResult, inventory::InventoryError> {
        inventory::csv::export_csv(target, request)
    }

    /// Where the save dialog for a table's CSV opens, and the name it suggests.
    pub fn csv_export_suggestion(&self, table: TableId) -> ExportSuggestion {
        ExportSuggestion {
            folder: export_file::default_dir(self.data_dir()),
            file_name: export_file::suggested_name(table.as_str(), "csv"),
        }
    }
}
