//! ENI quotas (`EniQuantity` from `DescribeInstanceTypes`), looked up once per instance type
//! and shared: a lookup in flight is awaited by every region that needs the same type, and
//! a failed lookup is retried by the next load.

use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, Mutex};

use alicloud_api::ecs::DescribeInstanceTypesRequest;
use futures::FutureExt;
use futures::future::{BoxFuture, Shared, join_all};

use super::facts::EniQuotas;
use super::fetch::Fetcher;

/// `InstanceTypes.N` takes at most 10 types.
const TYPES_PER_CALL: usize = 10;

type BatchResult = Result<Arc<HashMap<String, u32>>, String>;
/// One `DescribeInstanceTypes` lookup, awaitable by many.
pub type Batch = Shared<BoxFuture<'static, BatchResult>>;

/// Lookups by instance type.
#[derive(Default)]
pub struct QuotaCache {
    entries: Mutex<HashMap<String, Batch>>,
}

impl std::fmt::Debug for QuotaCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("QuotaCache")
            .field("types", &self.lock().len())
            .finish()
    }
}

fn failed(batch: &Batch) -> bool {
    matches!(batch.peek(), Some(Err(_)))
}

impl QuotaCache {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Batch>> {
        self.entries.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The lookups covering `types`, starting the ones not known yet (through `fetcher`, on
    /// `region`'s endpoint). The returned futures run when awaited (see [`Self::settle`]).
    pub fn request<'t>(
        &self,
        fetcher: &Fetcher,
        region: &str,
        types: impl Iterator<Item = &'t str>,
    ) -> Vec<Batch> {
        let mut entries = self.lock();
        let mut missing = BTreeSet::new();
        let mut out: Vec<Batch> = Vec::new();
        for t in types.filter(|t| !t.is_empty()) {
            match entries.get(t) {
                Some(batch) if !failed(batch) => out.push(batch.clone()),
                _ => {
                    missing.insert(t.to_string());
                }
            }
        }
        let missing: Vec<String> = missing.into_iter().collect();
        for chunk in missing.chunks(TYPES_PER_CALL) {
            let batch = lookup(fetcher.clone(), region.to_string(), chunk.to_vec())
                .boxed()
                .shared();
            for t in chunk {
                entries.insert(t.clone(), batch.clone());
            }
            out.push(batch);
        }
        out
    }

    /// Waits for lookups; `Err` names the types whose lookup failed.
    pub async fn settle(batches: Vec<Batch>) -> Result<(), String> {
        let failures: BTreeSet<String> = join_all(batches)
            .await
            .into_iter()
            .filter_map(Result::err)
            .collect();
        if failures.is_empty() {
            Ok(())
        } else {
            Err(failures.into_iter().collect::<Vec<_>>().join(", "))
        }
    }

    /// Every quota known so far.
    pub fn known(&self) -> EniQuotas {
        self.lock()
            .iter()
            .filter_map(|(t, batch)| match batch.peek() {
                Some(Ok(map)) => map.get(t).map(|q| (t.clone(), *q)),
                _ => None,
            })
            .collect()
    }
}

async fn lookup(fetcher: Fetcher, region: String, types: Vec<String>) -> BatchResult {
    let request = DescribeInstanceTypesRequest::new()
        .instance_types(types.iter().cloned())
        .region_id(region);
    match fetcher.client().collect_tokens(&request).await {
        Ok(found) => Ok(Arc::new(
            found
                .into_iter()
                .map(|t| {
                    (
                        t.instance_type_id,
                        u32::try_from(t.eni_quantity).unwrap_or(0),
                    )
                })
                .collect(),
        )),
        Err(e) => {
            tracing::warn!(error = %e, types = ?types, "instance type lookup failed");
            Err(types.join(", "))
        }
    }
}
