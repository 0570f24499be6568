//! Paging, both ways the APIs do it:
//!
//! * `PageNumber`/`PageSize` + `TotalCount` (EIPs, VPCs, vSwitches): [`Client::collect_pages`]
//!   fetches page 1 at the largest page size, then all remaining pages **concurrently**
//!   (bounded by the client's page concurrency), keeping page order.
//! * `NextToken`/`MaxResults` (ENIs, instances, instance types): [`Client::token_pages`] is a
//!   stream of pages that follows `NextToken` until it is empty; [`Client::collect_tokens`]
//!   gathers the items.

use futures::stream::{self, Stream, StreamExt, TryStreamExt};

use crate::action::Action;
use crate::client::Client;
use crate::error::Error;

/// Upper bound on pages fetched by one listing, against a server that never stops.
pub const MAX_PAGES: u64 = 10_000;

/// A request paged with `PageNumber`/`PageSize`.
pub trait PageNumberRequest: Action + Clone {
    /// The largest `PageSize` the action accepts.
    const MAX_PAGE_SIZE: u32;
    /// Sets `PageNumber` and `PageSize`.
    fn set_page(&mut self, page_number: u32, page_size: u32);
}

/// A response paged with `PageNumber`/`PageSize`.
pub trait PageNumberResponse {
    /// One listed item.
    type Item;
    /// `TotalCount`.
    fn total_count(&self) -> u64;
    /// The page's items.
    fn into_items(self) -> Vec<Self::Item>;
}

/// A request paged with `NextToken`/`MaxResults`.
pub trait TokenRequest: Action + Clone {
    /// The largest `MaxResults` the action accepts.
    const MAX_RESULTS: u32;
    /// Sets `NextToken` (`None` for the first page).
    fn set_next_token(&mut self, token: Option<String>);
    /// Sets `MaxResults`.
    fn set_max_results(&mut self, max: u32);
}

/// A response paged with `NextToken`.
pub trait TokenResponse {
    /// One listed item.
    type Item;
    /// `NextToken`; empty or missing on the last page.
    fn next_token(&self) -> Option<&str>;
    /// The page's items.
    fn into_items(self) -> Vec<Self::Item>;
}

impl Client {
    /// Fetches every page of a `PageNumber` listing: page 1 with the maximum page size, then
    /// the remaining pages (computed from `TotalCount`) concurrently, in page order.
    pub async fn collect_pages<R>(
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
        let total = page.total_count();
        let pages = total.div_ceil(u64::from(size)).clamp(1, MAX_PAGES);
        let mut items = page.into_items();
        if pages > 1 {
            let rest: Vec<R::Response> = stream::iter(2..=pages)
                .map(|n| {
                    let mut req = request.clone();
                    req.set_page(u32::try_from(n).unwrap_or(u32::MAX), size);
                    async move { self.call(&req).await }
                })
                .buffered(self.page_concurrency())
                .try_collect()
                .await?;
            for page in rest {
                items.extend(page.into_items());
            }
        }
        Ok(items)
    }

    /// A stream of pages of a `NextToken` listing, starting from the request as given
    /// (normally without a token). Ends after the page whose `NextToken` is empty, after an
    /// error, or if the server repeats a token.
    pub fn token_pages<R>(&self, request: R) -> impl Stream<Item = Result<R::Response, Error>> + '_
    where
        R: TokenRequest + 'static,
        R::Response: TokenResponse,
    {
        struct State<R> {
            request: R,
            done: bool,
            fetched: u64,
            last_token: Option<String>,
        }
        let state = State {
            request,
            done: false,
            fetched: 0,
            last_token: None,
        };
        stream::unfold(state, move |mut state| async move {
            if state.done {
                return None;
            }
            let result = self.call(&state.request).await;
            state.fetched += 1;
            match &result {
                Ok(page) => {
                    let next = page
                        .next_token()
                        .map(str::to_string)
                        .filter(|t| !t.is_empty());
                    let repeated = next.is_some() && next == state.last_token;
                    if next.is_none() || repeated || state.fetched >= MAX_PAGES {
                        state.done = true;
                    }
                    state.last_token = next.clone();
                    state.request.set_next_token(next);
                }
                Err(_) => state.done = true,
            }
            Some((result, state))
        })
    }

    /// Collects every item of a `NextToken` listing, using the maximum `MaxResults`.
    pub async fn collect_tokens<R>(
        &self,
        request: &R,
    ) -> Result<Vec<<R::Response as TokenResponse>::Item>, Error>
    where
        R: TokenRequest + 'static,
        R::Response: TokenResponse,
    {
        self.collect_tokens_with(request, |_| {}).await
    }

    /// Like [`Client::collect_tokens`], showing each page's items to `on_page` as the page
    /// arrives (before the next page is requested), e.g. to start lookups early.
    pub async fn collect_tokens_with<R>(
        &self,
        request: &R,
        mut on_page: impl FnMut(&[<R::Response as TokenResponse>::Item]),
    ) -> Result<Vec<<R::Response as TokenResponse>::Item>, Error>
    where
        R: TokenRequest + 'static,
        R::Response: TokenResponse,
    {
        let mut first = request.clone();
        first.set_max_results(R::MAX_RESULTS);
        let mut pages = std::pin::pin!(self.token_pages(first));
        let mut items = Vec::new();
        while let Some(page) = pages.next().await {
            let page = page?.into_items();
            on_page(&page);
            items.extend(page);
        }
        Ok(items)
    }
}
