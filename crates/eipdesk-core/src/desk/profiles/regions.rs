//! The region list the app loads (`DescribeRegions`) also checks profiles' default regions:
//! a region Alibaba Cloud lists that the built-in list does not know is accepted once loaded.

use super::state::blocking;
use crate::api::RegionInfo;
use crate::desk::EipDesk;

impl EipDesk {
    /// Hands the loaded region IDs to the profile store's validation. Without a usable
    /// profile store (it failed to open) there is nothing to validate, so nothing to do.
    pub(crate) async fn remember_regions(&self, regions: &[RegionInfo]) {
        let Ok(shared) = self.profiles.shared() else {
            return;
        };
        let ids: Vec<String> = regions.iter().map(|r| r.id.clone()).collect();
        let _ = blocking(move || shared.store().set_loaded_regions(ids)).await;
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use crate::desk::EipDesk;
    use crate::profiles::memory_store::MemorySecretStore;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn regions_the_app_loads_reach_profile_validation() {
        let dir = tempfile::tempdir().unwrap();
        let desk = EipDesk::start_with(dir.path(), Arc::new(MemorySecretStore::default()))
            .await
            .unwrap();
        let loaded = || {
            desk.profiles
                .shared()
                .unwrap()
                .store()
                .loaded_regions()
                .to_vec()
        };
        assert!(loaded().is_empty());
        let regions = desk.list_regions(Default::default()).await.unwrap();
        let ids: Vec<String> = regions.iter().map(|r| r.id.clone()).collect();
        assert!(ids.contains(&"cn-hangzhou".to_string()), "{ids:?}");
        assert_eq!(loaded(), ids);
    }
}
