//! Reading the API for the inventory: every call waits for its action's pace (see
//! [`super::pacer`]), passes a shared gate (a semaphore bounding the calls in flight) and
//! then the client's own rate limiter; retries follow the client's retry policy, but happen
//! here so that throttling slows the whole inventory down instead of each call alone.
//! `PageNumber` listings fetch page 1, then every other page at once; `NextToken` listings
//! follow the token, with the largest page size. One region's five listings run
//! concurrently.

use std::collections::HashSet;
use std::sync::Arc;

use alicloud_api::ecs::{DescribeInstancesRequest, DescribeNetworkInterfacesRequest};
use alicloud_api::paging::{
    MAX_PAGES, PageNumberRequest, PageNumberResponse, TokenRequest, TokenResponse,
};
use alicloud_api::vpc::{
    DescribeEipAddressesRequest, DescribeVSwitchesRequest, DescribeVpcsRequest,
};
use alicloud_api::{Action, Client, Error, ErrorKind, RetryPolicy};
use futures::future::try_join_all;
use tokio::sync::Semaphore;

use super::facts::RegionFacts;
use super::pacer::Pacer;
use super::quotas::QuotaCache;
use crate::ids::RegionId;

/// The most IDs one describe call filters on.
const EIP_IDS_PER_CALL: usize = 50;
const ENI_IDS_PER_CALL: usize = 100;
const INSTANCE_IDS_PER_CALL: usize = 100;

/// A client plus the gate and pacer every inventory call goes through.
#[derive(Debug, Clone)]
pub struct Fetcher {
    /// The session's client, set to make single attempts (retries happen in [`Self::call`]).
    client: Client,
    policy: RetryPolicy,
    gate: Arc<Semaphore>,
    pacer: Arc<Pacer>,
}

/// One region's listing and what could not be read without failing the region.
#[derive(Debug)]
pub struct FetchedRegion {
    pub facts: RegionFacts,
    pub warnings: Vec<String>,
}

impl Fetcher {
    pub fn new(client: &Client, gate: Arc<Semaphore>, pacer: Arc<Pacer>) -> Self {
        let policy = client.retry_policy().clone();
        let single = RetryPolicy {
            max_attempts: 1,
            ..policy.clone()
        };
        Self {
            client: client.with_retry_policy(single),
            policy,
            gate,
            pacer,
        }
    }

    /// One call: paced, gated, retried per the client's policy.
    pub async fn call<A: Action>(&self, request: &A) -> Result<A::Response, Error> {
        let mut attempt: u32 = 1;
        loop {
            let wait = self.pacer.reserve(A::NAME);
            if !wait.is_zero() {
                tokio::time::sleep(wait).await;
            }
            let result = {
                // The gate is never closed; if it were, calls would simply go ungated.
                let _permit = self.gate.acquire().await.ok();
                self.client.call(request).await
            };
            let error = match result {
                Ok(response) => {
                    self.pacer.succeeded(A::NAME);
                    return Ok(response);
                }
                Err(error) => error,
            };
            if attempt >= self.policy.max_attempts || !error.is_retryable() {
                return Err(error);
            }
            if error.kind() == ErrorKind::Throttling {
                let retry_after = error.api_error().and_then(|a| a.retry_after);
                tracing::debug!(
                    action = A::NAME,
                    ?retry_after,
                    "throttled; pacing the action"
                );
                self.pacer.throttled(A::NAME, retry_after);
            } else {
                tokio::time::sleep(self.policy.backoff(attempt)).await;
            }
            attempt += 1;
        }
    }

    /// Every item of a `PageNumber` listing: page 1, then the rest concurrently.
    pub async fn all_pages<R>(
        &self,
        request: &R,
    ) -> Result<Vec<<R::Response as PageNumberResponse>::Item>, Error>
    where
        R: PageNumberRequest,
        R::Response: PageNumberResponse,
    {
        let size = R::MAX_PAGE_SIZE;
        let mut first = request.clone();
        first.set_page(1, size);
        let page = self.call(&first).await?;
        let pages = page
            .total_count()
            .div_ceil(u64::from(size))
            .clamp(1, MAX_PAGES);
        let mut items = page.into_items();
        let rest = try_join_all((2..=pages).map(|n| {
            let mut req = request.clone();
            req.set_page(u32::try_from(n).unwrap_or(u32::MAX), size);
            async move { self.call(&req).await }
        }))
        .await?;
        for page in rest {
            items.extend(page.into_items());
        }
        Ok(items)
    }

    /// Every item of a `NextToken` listing; `on_page` sees each page as it arrives.
    pub async fn all_tokens<R>(
        &self,
        request: &R,
        mut on_page: impl FnMut(&[<R::Response as TokenResponse>::Item]),
    ) -> Result<Vec<<R::Response as TokenResponse>::Item>, Error>
    where
        R: TokenRequest,
        R::Response: TokenResponse,
    {
        let mut req = request.clone();
        req.set_max_results(R::MAX_RESULTS);
        let mut items = Vec::new();
        let mut last_token: Option<String> = None;
        for _ in 0..MAX_PAGES {
            let page = self.call(&req).await?;
            let next = page
                .next_token()
                .filter(|t| !t.is_empty())
                .map(str::to_string);
            let page_items = page.into_items();
            on_page(&page_items);
            items.extend(page_items);
            match next {
                Some(token) if last_token.as_ref() != Some(&token) => {
                    last_token = Some(token.clone());
                    req.set_next_token(Some(token));
                }
                _ => break,
            }
        }
        Ok(items)
    }

    /// Everything the tables need about one region. EIPs, ENIs and instances must all be
    /// read for the region to count as loaded; VPC/vSwitch names and ENI quotas are extras
    /// whose failure only leaves a warning.
    pub async fn region(
        &self,
        region: &RegionId,
        quotas: &QuotaCache,
    ) -> Result<FetchedRegion, Error> {
        let r = region.as_str();
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
                self.all_pages(&eip_req),
                self.all_tokens(&eni_req, |_| {}),
                self.all_tokens(&instance_req, |page| {
                    // Start ENI-quota lookups while the next page is read.
                    let types = page.iter().map(|i| i.instance_type.as_str());
                    lookups.extend(quotas.request(self, r, types));
                }),
            )
        };
        let (essentials, vpcs, vswitches) = tokio::join!(
            essentials,
            self.all_pages(&vpc_req),
            self.all_pages(&vsw_req),
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
        let r = region.as_str();
        let mut lookups = Vec::new();
        let eip_calls = chunks(&ids.eips, EIP_IDS_PER_CALL).map(|chunk| {
            let req = DescribeEipAddressesRequest::new(r).allocation_id(chunk.join(","));
            async move { self.all_pages(&req).await }
        });
        let eni_calls = chunks(&ids.enis, ENI_IDS_PER_CALL).map(|chunk| {
            let req = DescribeNetworkInterfacesRequest::new(r).network_interface_ids(chunk);
            async move { self.all_tokens(&req, |_| {}).await }
        });
        let instance_reqs: Vec<DescribeInstancesRequest> =
            chunks(&ids.instances, INSTANCE_IDS_PER_CALL)
                .map(|chunk| DescribeInstancesRequest::new(r).instance_ids(chunk))
                .collect();
        let instance_calls = async {
            let mut all = Vec::new();
            for req in &instance_reqs {
                all.extend(
                    self.all_tokens(req, |page| {
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
