//! A load: every region of the scope read concurrently (each region's listings concurrently
//! too, all calls through the store's gate), one event per region as it completes, a
//! region's failure reported without touching the others, and cancellation by a newer load
//! or a session switch.

use std::time::Instant;

use alicloud_api::Client;
use futures::StreamExt;
use futures::stream::FuturesUnordered;

use super::events::{
    InventoryEvent, LoadStarted, LoadSummary, RegionFailed, RegionLoaded, millis, now_rfc3339,
};
use super::store::InventoryStore;
use crate::error::{CoreError, ErrorDto};
use crate::ids::RegionId;
use crate::regions::CutThroughRegions;

/// Who a load is for.
#[derive(Debug, Clone, Copy)]
pub struct LoadContext<'a> {
    pub client: &'a Client,
    /// The session generation the load belongs to.
    pub generation: u64,
    pub cut_through: &'a CutThroughRegions,
}

/// Where progress goes (a Tauri channel in the app, a vector in tests).
pub type EventSink<'a> = &'a (dyn Fn(InventoryEvent) + Send + Sync);

impl InventoryStore {
    /// Loads `regions`, reporting progress to `sink`, and returns how it went. With
    /// `supersede`, loads still running are cancelled first.
    pub async fn load(
        &self,
        ctx: LoadContext<'_>,
        regions: Vec<RegionId>,
        supersede: bool,
        sink: EventSink<'_>,
    ) -> LoadSummary {
        let (load_id, cancel) = self.begin_load(ctx.generation, supersede);
        let started = Instant::now();
        let region_ids: Vec<String> = regions.iter().map(ToString::to_string).collect();
        tracing::info!(
            load_id,
            regions = region_ids.len(),
            "inventory load started"
        );
        sink(InventoryEvent::Started(LoadStarted {
            load_id,
            region_ids: region_ids.clone(),
            started_at: now_rfc3339(),
        }));
        let fetcher = self.fetcher(ctx.client, ctx.generation);
        let quotas = self.quotas(ctx.generation);
        let mut loaded = Vec::new();
        let mut failed = Vec::new();
        // Resolves to true when the session changed under the load.
        let work = async {
            let mut pending: FuturesUnordered<_> = regions
                .iter()
                .map(|region| {
                    let (fetcher, quotas) = (&fetcher, &quotas);
                    async move {
                        let t0 = Instant::now();
                        (region, fetcher.region(region, quotas).await, t0.elapsed())
                    }
                })
                .collect();
            while let Some((region, result, elapsed)) = pending.next().await {
                match result {
                    Ok(fetched) => {
                        let loaded_at = now_rfc3339();
                        let Some(rows) = self.put_region(
                            ctx.generation,
                            fetched.facts,
                            ctx.cut_through,
                            loaded_at.clone(),
                        ) else {
                            return true;
                        };
                        loaded.push(region.to_string());
                        sink(InventoryEvent::RegionLoaded(RegionLoaded {
                            load_id,
                            rows,
                            warnings: fetched.warnings,
                            loaded_at,
                            elapsed_ms: millis(elapsed),
                        }));
                    }
                    Err(error) => {
                        tracing::warn!(load_id, region = %region, error = %error, "region failed");
                        failed.push(region.to_string());
                        sink(InventoryEvent::RegionFailed(RegionFailed {
                            load_id,
                            region_id: region.to_string(),
                            error: ErrorDto::from(error),
                            elapsed_ms: millis(elapsed),
                        }));
                    }
                }
            }
            false
        };
        let cancelled = tokio::select! {
            stale = work => stale,
            () = cancel.cancelled() => true,
        };
        self.end_load(load_id);
        let summary = LoadSummary {
            load_id,
            region_ids,
            loaded,
            failed,
            cancelled,
            elapsed_ms: millis(started.elapsed()),
            finished_at: now_rfc3339(),
        };
        tracing::info!(
            load_id,
            loaded = summary.loaded.len(),
            failed = summary.failed.len(),
            cancelled,
            elapsed_ms = summary.elapsed_ms,
            "inventory load finished"
        );
        sink(InventoryEvent::Finished(summary.clone()));
        summary
    }

    /// Reads one region now, without events, and returns its rows.
    pub async fn load_region(
        &self,
        ctx: LoadContext<'_>,
        region: &RegionId,
    ) -> Result<super::rows::RegionRows, CoreError> {
        let fetcher = self.fetcher(ctx.client, ctx.generation);
        let quotas = self.quotas(ctx.generation);
        let fetched = fetcher.region(region, &quotas).await?;
        self.put_region(
            ctx.generation,
            fetched.facts,
            ctx.cut_through,
            now_rfc3339(),
        )
        .ok_or_else(|| super::error::InventoryError::Cancelled.into())
    }
}
