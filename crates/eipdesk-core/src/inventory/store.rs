//! The inventory's memory for the active session: the region list, each loaded region's raw
//! listing and rows, the ENI-quota cache, the gate bounding calls in flight, and the loads
//! running (so a new scope or a profile switch can cancel them). A new session generation
//! forgets everything of the previous one.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex, MutexGuard};

use tokio::sync::Semaphore;

use super::cancel::CancelToken;
use super::facts::RegionFacts;
use super::pacer::Pacer;
use super::quotas::QuotaCache;
use super::regions::RegionLanguage;
use super::relations::build_rows;
use super::rows::RegionRows;
use crate::api::RegionInfo;
use crate::regions::CutThroughRegions;

/// Tuning of the inventory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InventoryOptions {
    /// Calls in flight at once, across regions and resource types (the client's rate
    /// limiter applies on top, per region and action). The default lets the first wave of
    /// an all-regions load go out at once (five listings per region, page 1 each: 75 for 15
    /// regions), so no region's first page waits a round trip for a slot; the calls go to
    /// one endpoint per region, a handful per host.
    pub max_in_flight: usize,
}

impl Default for InventoryOptions {
    fn default() -> Self {
        Self { max_in_flight: 128 }
    }
}

/// One loaded region.
#[derive(Debug, Clone)]
pub struct RegionEntry {
    pub facts: RegionFacts,
    pub rows: RegionRows,
    pub loaded_at: String,
}

#[derive(Debug)]
struct State {
    generation: u64,
    quotas: Arc<QuotaCache>,
    pacer: Arc<Pacer>,
    /// The region list per language of its names.
    region_list: HashMap<RegionLanguage, Vec<RegionInfo>>,
    regions: BTreeMap<String, RegionEntry>,
    loads: Vec<(u32, CancelToken)>,
    next_load_id: u32,
}

/// See the module documentation.
#[derive(Debug)]
pub struct InventoryStore {
    state: Mutex<State>,
    gate: Arc<Semaphore>,
    options: InventoryOptions,
}

impl Default for InventoryStore {
    fn default() -> Self {
        Self::new(InventoryOptions::default())
    }
}

impl InventoryStore {
    pub fn new(options: InventoryOptions) -> Self {
        Self {
            state: Mutex::new(State {
                generation: 0,
                quotas: Arc::default(),
                pacer: Arc::default(),
                region_list: HashMap::new(),
                regions: BTreeMap::new(),
                loads: Vec::new(),
                next_load_id: 1,
            }),
            gate: Arc::new(Semaphore::new(options.max_in_flight.max(1))),
            options,
        }
    }

    pub fn options(&self) -> InventoryOptions {
        self.options
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The state for `generation`, forgetting an older one first.
    fn synced(&self, generation: u64) -> MutexGuard<'_, State> {
        let mut state = self.lock();
        if state.generation != generation {
            for (_, token) in state.loads.drain(..) {
                token.cancel();
            }
            state.generation = generation;
            state.quotas = Arc::default();
            state.pacer = Arc::default();
            state.region_list.clear();
            state.regions.clear();
        }
        state
    }

    /// Forgets everything of older sessions and cancels their loads (call on a switch).
    pub fn reset(&self, generation: u64) {
        drop(self.synced(generation));
    }

    pub(crate) fn quotas(&self, generation: u64) -> Arc<QuotaCache> {
        self.synced(generation).quotas.clone()
    }

    /// A fetcher for the session: its client, the shared gate and the session's pacer.
    pub(crate) fn fetcher(
        &self,
        client: &alicloud_api::Client,
        generation: u64,
    ) -> super::fetch::Fetcher {
        let pacer = self.synced(generation).pacer.clone();
        super::fetch::Fetcher::new(client, self.gate.clone(), pacer)
    }

    /// Registers a load; with `supersede`, the loads still running are cancelled.
    pub(crate) fn begin_load(&self, generation: u64, supersede: bool) -> (u32, CancelToken) {
        let mut state = self.synced(generation);
        if supersede {
            for (_, token) in state.loads.drain(..) {
                token.cancel();
            }
        }
        let id = state.next_load_id;
        state.next_load_id = state.next_load_id.wrapping_add(1).max(1);
        let token = CancelToken::new();
        state.loads.push((id, token.clone()));
        (id, token)
    }

    pub(crate) fn end_load(&self, load_id: u32) {
        self.lock().loads.retain(|(id, _)| *id != load_id);
    }

    /// Cancels every running load.
    pub fn cancel_loads(&self) {
        for (_, token) in self.lock().loads.drain(..) {
            token.cancel();
        }
    }

    /// How many loads are running.
    pub fn running_loads(&self) -> usize {
        self.lock().loads.len()
    }

    /// The region list with names in `language`, if loaded for `generation`.
    pub fn cached_regions(
        &self,
        generation: u64,
        language: RegionLanguage,
    ) -> Option<Vec<RegionInfo>> {
        self.synced(generation).region_list.get(&language).cloned()
    }

    /// Any region list loaded for `generation` (the IDs do not depend on the language).
    pub fn any_cached_regions(&self, generation: u64) -> Option<Vec<RegionInfo>> {
        self.synced(generation).region_list.values().next().cloned()
    }

    pub fn set_regions(&self, generation: u64, language: RegionLanguage, regions: Vec<RegionInfo>) {
        self.synced(generation)
            .region_list
            .insert(language, regions);
    }

    /// Stores a region's listing and returns its rows; `None` when `generation` is stale.
    pub(crate) fn put_region(
        &self,
        generation: u64,
        facts: RegionFacts,
        cut_through: &CutThroughRegions,
        loaded_at: String,
    ) -> Option<RegionRows> {
        let mut state = self.lock();
        if state.generation != generation {
            return None;
        }
        let rows = build_rows(&facts, &state.quotas.known(), cut_through);
        let key = facts.region.to_string();
        state.regions.insert(
            key,
            RegionEntry {
                facts,
                rows: rows.clone(),
                loaded_at,
            },
        );
        Some(rows)
    }

    /// Applies `change` to a loaded region's listing, rebuilds its rows and returns
    /// `(old rows, new rows)`; `None` when the region is not loaded or `generation` is stale.
    pub(crate) fn update_region(
        &self,
        generation: u64,
        region: &str,
        cut_through: &CutThroughRegions,
        loaded_at: String,
        change: impl FnOnce(&mut RegionFacts),
    ) -> Option<(RegionRows, RegionRows)> {
        let mut state = self.lock();
        if state.generation != generation {
            return None;
        }
        let quotas = state.quotas.known();
        let entry = state.regions.get_mut(region)?;
        change(&mut entry.facts);
        let rows = build_rows(&entry.facts, &quotas, cut_through);
        let old = std::mem::replace(&mut entry.rows, rows.clone());
        entry.loaded_at = loaded_at;
        Some((old, rows))
    }

    /// A loaded region (listing, rows, time), if any.
    pub fn region(&self, generation: u64, region: &str) -> Option<RegionEntry> {
        self.synced(generation).regions.get(region).cloned()
    }

    /// Rows of every loaded region, or of one.
    pub fn rows(&self, generation: u64, region: Option<&str>) -> Vec<RegionRows> {
        self.synced(generation)
            .regions
            .values()
            .filter(|e| region.is_none_or(|r| e.rows.region_id == r))
            .map(|e| e.rows.clone())
            .collect()
    }
}
