//! Reading the API for the inventory. Every call goes through the client's own pipeline
//! (its retry policy, rate limiter and paging), with the inventory's [`CallGate`] plugged
//! into it: each attempt waits for its action's pace and a slot of the shared gate (see
//! [`super::gate`]). `PageNumber` listings fetch page 1, then every other page at once;
//! `NextToken` listings follow the token, with the largest page size. One region's five
//! listings run concurrently.

use std::collections::HashSet;
use std::sync::Arc;

use alicloud_api::ecs::{DescribeInstancesRequest, DescribeNetworkInterfacesRequest};
use alicloud_api::paging::MAX_PAGES;
use alicloud_api::vpc::{
    DescribeEipAddressesRequest, DescribeVSwitchesRequest, DescribeVpcsRequest,
};
use alicloud_api::{Client, Error};
use futures::future::try_join_all;
use tokio::sync::Semaphore;

use super::facts::RegionFacts;
use super::gate::CallGate;
use super::pacer::Pacer;
use super::quotas::QuotaCache;
use crate::ids::RegionId;

/// The most IDs one describe call filters on.
const EIP_IDS_PER_CALL: usize = 50;
const ENI_IDS_PER_CALL: usize = 100;
const INSTANCE_IDS_PER_CALL: usize = 100;

/// The session's client with the inventory's [`CallGate`] plugged in.
#[derive(Debug, Clone)]
pub struct Fetcher {
    client: Client,
}

/// One region's listing and what could not be read without failing the region.
#[derive(Debug)]
pub struct FetchedRegion {
    pub facts: RegionFacts,
    pub warnings: Vec<String>,
}

impl Fetcher {
    /// Every call of `client` (same connection pool, rate limiter and retry policy) through
    /// `pacer` and `gate`. All pages of a listing are requested at once: the gate bounds them.
    pub fn new(client: &Client, gate: Arc<Semaphore>, pacer: Arc<Pacer>) -> Self {
        let all_pages = usize::try_from(MAX_PAGES).unwrap_or(usize::MAX);
        let hook = Arc::new(CallGate::new(gate, pacer));
        Self {
            client: client.with_call_hook(hook).with_page_concurrency(all_pages),
        }
    }

    /// The gated client.
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// Everything the tables need about one region. EIPs, ENIs and instances must all be
    /// read for the region to count as loaded; VPC/vSwitch names and ENI quotas are extras
    /// whose failure only leaves a warning.
    pub async fn region(
        &self,
        region: &RegionId,
        quotas: &QuotaCache,
    ) -> Result<FetchedRegion, Error> {
        let (r, c) = (region.as_str(), &self.client);
        let mut lookups = Vec::new();
        let (eip_req, eni_req, instance_req) = (
            DescribeEipAddressesRequest::new(r),
            DescribeNetworkInterfacesRequest::new(r),
            DescribeInstancesRequest::new(r),
        );
        let (vpc_req, vsw_req) = (
            DescribeVpcsRequest::new(r),
            DescribeVSwitchesRequest::new(r),
        );
        let essentials = async {
            tokio::try_join!(
                c.collect_pages(&eip_req),
                c.collect_tokens(&eni_req),
                c.collect_tokens_with(&instance_req, |page| {
                    // Start ENI-quota lookups while the next page is read.
                    let types = page.iter().map(|i| i.instance_type.as_str());
                    lookups.extend(quotas.request(self, r, types));
                }),
            )
        };
        let (essentials, vpcs, vswitches) = tokio::join!(
            essentials,
            c.collect_pages(&vpc_req),
            c.collect_pages(&vsw_req),
        );
        let (eips, enis, instances) = essentials?;
        let mut warnings = Vec::new();
        let mut facts = RegionFacts::empty(region.clone());
        match vpcs {
            Ok(vpcs) => {
                facts.vpc_names = vpcs
                    .into_iter()
                    .filter(|v| !v.vpc_name.is_empty())
                    .map(|v| (v.vpc_id, v.vpc_name))
                    .collect();
            }
            Err(e) => warnings.push(format!("VPC names unavailable: {e}")),
        }
        match vswitches {
            Ok(vsws) => {
                facts.vswitch_names = vsws
                    .into_iter()
                    .filter(|v| !v.vswitch_name.is_empty())
                    .map(|v| (v.vswitch_id, v.vswitch_name))
                    .collect();
            }
            Err(e) => warnings.push(format!("vSwitch names unavailable: {e}")),
        }
        if let Err(missing) = QuotaCache::settle(lookups).await {
            warnings.push(format!("ENI quotas unavailable for {missing}"));
        }
        facts.eips = eips;
        facts.enis = enis;
        facts.instances = instances;
        Ok(FetchedRegion { facts, warnings })
    }

    /// Describes the named resources again (items not returned no longer exist).
    pub async fn by_ids(
        &self,
        region: &RegionId,
        ids: &RequestedIds,
        quotas: &QuotaCache,
    ) -> Result<RegionFacts, Error> {
        let (r, c) = (region.as_str(), &self.client);
        let mut lookups = Vec::new();
        let eip_calls = chunks(&ids.eips, EIP_IDS_PER_CALL).map(|chunk| {
            let req = DescribeEipAddressesRequest::new(r).allocation_id(chunk.join(","));
            async move { c.collect_pages(&req).await }
        });
        let eni_calls = chunks(&ids.enis, ENI_IDS_PER_CALL).map(|chunk| {
            let req = DescribeNetworkInterfacesRequest::new(r).network_interface_ids(chunk);
            async move { c.collect_tokens(&req).await }
        });
        let instance_reqs: Vec<DescribeInstancesRequest> =
            chunks(&ids.instances, INSTANCE_IDS_PER_CALL)
                .map(|chunk| DescribeInstancesRequest::new(r).instance_ids(chunk))
                .collect();
        let instance_calls = async {
            let mut all = Vec::new();
            for req in &instance_reqs {
                all.extend(
                    c.collect_tokens_with(req, |page| {
                        lookups.extend(quotas.request(
                            self,
                            r,
                            page.iter().map(|i| i.instance_type.as_str()),
                        ));
                    })
                    .await?,
                );
            }
            Ok::<_, Error>(all)
        };
        let (eips, enis, instances) = tokio::try_join!(
            try_join_all(eip_calls),
            try_join_all(eni_calls),
            instance_calls,
        )?;
        // Quotas are optional here too: a failed lookup leaves the capacity unknown.
        let _ = QuotaCache::settle(lookups).await;
        let mut facts = RegionFacts::empty(region.clone());
        facts.eips = eips.into_iter().flatten().collect();
        facts.enis = enis.into_iter().flatten().collect();
        facts.instances = instances;
        Ok(facts)
    }
}

/// IDs to describe again in one region, by kind.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RequestedIds {
    pub eips: Vec<String>,
    pub enis: Vec<String>,
    pub instances: Vec<String>,
}

impl RequestedIds {
    pub fn is_empty(&self) -> bool {
        self.eips.is_empty() && self.enis.is_empty() && self.instances.is_empty()
    }

    pub fn eip_set(&self) -> HashSet<String> {
        self.eips.iter().cloned().collect()
    }
    pub fn eni_set(&self) -> HashSet<String> {
        self.enis.iter().cloned().collect()
    }
    pub fn instance_set(&self) -> HashSet<String> {
        self.instances.iter().cloned().collect()
    }
}

fn chunks(ids: &[String], size: usize) -> impl Iterator<Item = Vec<String>> + '_ {
    ids.chunks(size.max(1)).map(<[String]>::to_vec)
}
