//! [`Client`]: configuration ([`ClientBuilder`]) and the generic entry points
//! ([`Client::call`] for typed actions, [`Client::call_raw`] for any action). The call
//! pipeline is `invoke` (target, then the retry policy around attempts), one attempt
//! (credentials, rate limiter, signing, sending) is `attempt`, one HTTP exchange `http`;
//! [`CallHook`] lets a caller pace and observe attempts. Typed per-action methods are
//! declared next to their request types in [`crate::vpc`], [`crate::ecs`] and [`crate::sts`].

mod attempt;
mod hook;
mod http;
mod invoke;

pub use hook::{AttemptGuard, AttemptInfo, CallHook};

use std::sync::Arc;
use std::time::Duration;

use crate::action::Action;
use crate::credentials::CredentialsProvider;
use crate::endpoints::{Endpoints, Product};
use crate::error::Error;
use crate::rate_limit::{RateLimit, RateLimiter};
use crate::request::SignatureVersion;
use crate::retry::RetryPolicy;

/// The default region when a request names none (VPC/ECS `DescribeRegions`, STS).
pub const DEFAULT_REGION: &str = "cn-hangzhou";

/// A client for the VPC, ECS and STS RPC APIs. Cheap to clone: everything is shared.
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    http: http::HttpClient,
    credentials: Arc<dyn CredentialsProvider>,
    endpoints: Endpoints,
    signature_version: SignatureVersion,
    region: String,
    retry: RetryPolicy,
    limiter: Option<Arc<RateLimiter>>,
    page_concurrency: usize,
    hook: Option<Arc<dyn CallHook>>,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("endpoints", &self.inner.endpoints)
            .field("signature_version", &self.inner.signature_version)
            .field("region", &self.inner.region)
            .field("credentials", &self.inner.credentials)
            .field("hook", &self.inner.hook)
            .finish_non_exhaustive()
    }
}

impl Client {
    /// Starts configuring a client that signs with `credentials`.
    pub fn builder(credentials: Arc<dyn CredentialsProvider>) -> ClientBuilder {
        ClientBuilder {
            credentials,
            endpoint_override: None,
            signature_version: SignatureVersion::default(),
            region: DEFAULT_REGION.to_string(),
            retry: RetryPolicy::default(),
            rate_limit: Some(RateLimit::default()),
            timeout: Duration::from_secs(30),
            connect_timeout: Duration::from_secs(10),
            user_agent: format!("eipdesk-alicloud-api/{}", env!("CARGO_PKG_VERSION")),
            page_concurrency: 4,
            hook: None,
            max_response_bytes: None,
        }
    }

    /// The signature version in use.
    pub fn signature_version(&self) -> SignatureVersion {
        self.inner.signature_version
    }

    /// The region used when a request names none.
    pub fn default_region(&self) -> &str {
        &self.inner.region
    }

    /// Where calls go.
    pub fn endpoints(&self) -> &Endpoints {
        &self.inner.endpoints
    }

    /// The credentials provider.
    pub fn credentials_provider(&self) -> &Arc<dyn CredentialsProvider> {
        &self.inner.credentials
    }

    /// The retry policy in use.
    pub fn retry_policy(&self) -> &RetryPolicy {
        &self.inner.retry
    }

    /// A client identical to this one (same connection pool and rate limiter) but with
    /// another retry policy, e.g. [`RetryPolicy::none`] for a single attempt.
    pub fn with_retry_policy(&self, retry: RetryPolicy) -> Client {
        self.rebuilt(|inner| inner.retry = retry)
    }

    /// A client identical to this one (same connection pool and rate limiter) whose calls
    /// all go through `hook` (see [`CallHook`]), replacing any hook it had.
    pub fn with_call_hook(&self, hook: Arc<dyn CallHook>) -> Client {
        self.rebuilt(|inner| inner.hook = Some(hook))
    }

    /// A client identical to this one but fetching `n` pages at once (at least 1) in
    /// [`Client::collect_pages`] and the `*_all` methods built on it.
    pub fn with_page_concurrency(&self, n: usize) -> Client {
        self.rebuilt(|inner| inner.page_concurrency = n.max(1))
    }

    /// A client identical to this one but with another default region.
    pub fn with_default_region(&self, region: impl Into<String>) -> Client {
        let region = region.into();
        self.rebuilt(|inner| inner.region = region)
    }

    /// A client identical to this one but sending unsigned requests, for the anonymous
    /// actions (`AssumeRoleWithOIDC`).
    pub fn anonymous(&self) -> Client {
        self.rebuilt(|inner| {
            inner.credentials = Arc::new(crate::credentials::AnonymousCredentials);
        })
    }

    fn rebuilt(&self, change: impl FnOnce(&mut Inner)) -> Client {
        let mut inner = Inner {
            http: self.inner.http.clone(),
            credentials: self.inner.credentials.clone(),
            endpoints: self.inner.endpoints.clone(),
            signature_version: self.inner.signature_version,
            region: self.inner.region.clone(),
            retry: self.inner.retry.clone(),
            limiter: self.inner.limiter.clone(),
            page_concurrency: self.inner.page_concurrency,
            hook: self.inner.hook.clone(),
        };
        change(&mut inner);
        Client {
            inner: Arc::new(inner),
        }
    }

    /// Calls a typed action: signs, sends, retries per the policy, decodes the response.
    /// Actions that accept `ClientToken` get one generated (if the request has none) that
    /// stays the same across retries.
    pub async fn call<A: Action>(&self, request: &A) -> Result<A::Response, Error> {
        let mut params = request.params();
        let auto_client_token = A::CLIENT_TOKEN && !params.iter().any(|(k, _)| k == "ClientToken");
        if auto_client_token {
            params.push(("ClientToken".to_string(), new_client_token()));
        }
        let reply = self
            .invoke(invoke::Call {
                product: A::PRODUCT,
                action: A::NAME,
                region: request.region(),
                params,
                retry_on: request.retry_on_codes(),
                auto_client_token,
            })
            .await?;
        http::decode(A::NAME, &reply)
    }

    /// Calls any action with raw parameters and returns the JSON response. Retries
    /// throttling/transient/transport errors like [`Client::call`]; no `ClientToken` is added.
    pub async fn call_raw(
        &self,
        product: Product,
        action: &str,
        region: Option<&str>,
        params: Vec<(String, String)>,
    ) -> Result<serde_json::Value, Error> {
        let reply = self
            .invoke(invoke::Call {
                product,
                action,
                region,
                params,
                retry_on: &[],
                auto_client_token: false,
            })
            .await?;
        http::to_value(action, &reply)
    }

    pub(crate) fn page_concurrency(&self) -> usize {
        self.inner.page_concurrency
    }
}

/// A fresh `ClientToken` (a random UUID, 36 ASCII characters).
pub fn new_client_token() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// Configures a [`Client`].
#[derive(Debug)]
pub struct ClientBuilder {
    credentials: Arc<dyn CredentialsProvider>,
    endpoint_override: Option<String>,
    signature_version: SignatureVersion,
    region: String,
    retry: RetryPolicy,
    rate_limit: Option<RateLimit>,
    timeout: Duration,
    connect_timeout: Duration,
    user_agent: String,
    page_concurrency: usize,
    hook: Option<Arc<dyn CallHook>>,
    max_response_bytes: Option<usize>,
}

impl ClientBuilder {
    /// Sends every call, whatever the product or region, to this base URL
    /// (`http://127.0.0.1:PORT` for the emulator). Validated by [`ClientBuilder::build`].
    pub fn endpoint_override(mut self, base_url: impl Into<String>) -> Self {
        self.endpoint_override = Some(base_url.into());
        self
    }

    /// The signature algorithm (default V3).
    pub fn signature_version(mut self, version: SignatureVersion) -> Self {
        self.signature_version = version;
        self
    }

    /// The region used when a request names none (default `cn-hangzhou`).
    pub fn default_region(mut self, region: impl Into<String>) -> Self {
        self.region = region.into();
        self
    }

    /// The retry policy (default: 4 attempts, 300 ms base backoff, 60 s invalid-state deadline).
    pub fn retry_policy(mut self, retry: RetryPolicy) -> Self {
        self.retry = retry;
        self
    }

    /// Client-side rate limit per (account, region, action); `None` disables it
    /// (default 20 calls/s, burst 20).
    pub fn rate_limit(mut self, limit: Option<RateLimit>) -> Self {
        self.rate_limit = limit;
        self
    }

    /// Timeout of one HTTP attempt (default 30 s).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// Connect timeout (default 10 s).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// The `user-agent` header.
    pub fn user_agent(mut self, user_agent: impl Into<String>) -> Self {
        self.user_agent = user_agent.into();
        self
    }

    /// How many pages `*_all` methods fetch at once (default 4, at least 1).
    pub fn page_concurrency(mut self, n: usize) -> Self {
        self.page_concurrency = n.max(1);
        self
    }

    /// Every attempt of every call goes through `hook` (pacing, observation; see
    /// [`CallHook`]). Default: none.
    pub fn call_hook(mut self, hook: Arc<dyn CallHook>) -> Self {
        self.hook = Some(hook);
        self
    }

    /// The largest response body accepted (default: no limit). A larger answer is a
    /// [`Error::Decode`] and is not read past the limit.
    pub fn max_response_bytes(mut self, limit: Option<usize>) -> Self {
        self.max_response_bytes = limit;
        self
    }

    /// Builds the client.
    pub fn build(self) -> Result<Client, Error> {
        let endpoints = match &self.endpoint_override {
            Some(url) => Endpoints::override_url(url)?,
            None => Endpoints::Regional,
        };
        let client = reqwest::Client::builder()
            .timeout(self.timeout)
            .connect_timeout(self.connect_timeout)
            .user_agent(self.user_agent)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| Error::Config(format!("HTTP client: {e}")))?;
        let http = http::HttpClient {
            client,
            max_body: self.max_response_bytes,
        };
        Ok(Client {
            inner: Arc::new(Inner {
                http,
                credentials: self.credentials,
                endpoints,
                signature_version: self.signature_version,
                region: self.region,
                retry: self.retry,
                limiter: self.rate_limit.map(|l| Arc::new(RateLimiter::new(l))),
                page_concurrency: self.page_concurrency,
                hook: self.hook,
            }),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::credentials::StaticCredentials;
    use crate::{ecs, vpc};

    fn assert_send<T: Send>(_: &T) {}

    #[test]
    fn client_and_its_futures_are_send() {
        let client = Client::builder(Arc::new(StaticCredentials::new(
            "id",
            crate::Secret::new("fake-secret-for-tests".into()),
        )))
        .endpoint_override("http://127.0.0.1:9")
        .build()
        .unwrap();
        let eips = vpc::DescribeEipAddressesRequest::new("cn-hangzhou");
        let enis = ecs::DescribeNetworkInterfacesRequest::new("cn-hangzhou");
        assert_send(&client.describe_eip_addresses_all(&eips));
        assert_send(&client.describe_network_interfaces_all(&enis));
        assert_send(&client.describe_network_interfaces_pages(enis.clone()));
        assert_send(&client.call_raw(Product::Vpc, "DescribeRegions", None, Vec::new()));
        let debug = format!("{client:?}");
        assert!(
            debug.contains("[REDACTED]") && !debug.contains("fake-secret"),
            "{debug}"
        );
        assert!(
            Client::builder(client.credentials_provider().clone())
                .endpoint_override("ftp://x")
                .build()
                .is_err()
        );
    }
}
