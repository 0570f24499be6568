//! Client for Alibaba Cloud RPC-style APIs: VPC (2016-04-28), ECS (2014-05-26) and
//! STS (2015-04-01), speaking the same wire protocol to the real cloud and to the local
//! emulator.
//!
//! # Example
//!
//! ```no_run
//! use std::sync::Arc;
//!
//! use alicloud_api::credentials::{RamRoleCredentials, StaticCredentials};
//! use alicloud_api::{Client, ErrorKind, Secret, SignatureVersion, ecs, vpc};
//!
//! #[tokio::main]
//! async fn main() -> Result<(), alicloud_api::Error> {
//!     // Long-term AccessKey; secrets live in `Secret`, whose Debug/Display print [REDACTED].
//!     let source = Arc::new(StaticCredentials::new(
//!         "LTAI-example-id",
//!         Secret::new("example-secret".into()),
//!     ));
//!     let client = Client::builder(source.clone())
//!         .endpoint_override("http://127.0.0.1:8080") // the emulator; omit for the real cloud
//!         .signature_version(SignatureVersion::V3) // the default; V1 is HMAC-SHA1
//!         .build()?;
//!
//!     // Every EIP of a region: page 1 with PageSize=100, then the other pages concurrently.
//!     let region = "cn-hangzhou";
//!     let eips = client
//!         .describe_eip_addresses_all(&vpc::DescribeEipAddressesRequest::new(region))
//!         .await?;
//!     // Every secondary ENI, following NextToken.
//!     let enis = client
//!         .describe_network_interfaces_all(
//!             &ecs::DescribeNetworkInterfacesRequest::new(region).interface_type("Secondary"),
//!         )
//!         .await?;
//!
//!     // Bind an available EIP to a detached secondary ENI in cut-through mode.
//!     let eip = eips.iter().find(|e| e.status == "Available");
//!     let eni = enis.iter().find(|e| e.status == "Available");
//!     if let (Some(eip), Some(eni)) = (eip, eni) {
//!         let request = vpc::AssociateEipAddressRequest::new(
//!             region,
//!             &eip.allocation_id,
//!             &eni.network_interface_id,
//!         )
//!         .instance_type("NetworkInterface")
//!         .mode("BINDED")
//!         .private_ip_address(&eni.private_ip_address)
//!         .client_token("journal-entry-42"); // kept across retries
//!         match client.associate_eip_address(&request).await {
//!             Ok(done) => println!("associating, RequestId {}", done.request_id),
//!             Err(e) if e.kind() == ErrorKind::InvalidState => {
//!                 println!("not now: {} (RequestId {:?})", e, e.request_id())
//!             }
//!             Err(e) => return Err(e),
//!         }
//!     }
//!
//!     // The same calls through a RAM role: AssumeRole is cached and refreshed ahead of
//!     // expiry, one refresh for all concurrent callers.
//!     let sts = Client::builder(source).endpoint_override("http://127.0.0.1:8080").build()?;
//!     let role = RamRoleCredentials::new(sts, "acs:ram::1234567890:role/admin", "eipdesk");
//!     let as_role = Client::builder(Arc::new(role))
//!         .endpoint_override("http://127.0.0.1:8080")
//!         .build()?;
//!     let me = as_role.get_caller_identity().await?;
//!     println!("acting as {}", me.arn);
//!     Ok(())
//! }
//! ```
//!
//! # What is where
//!
//! * [`Client`] and [`ClientBuilder`]: configuration and the generic [`Client::call`] /
//!   [`Client::call_raw`]; one typed method per action, snake_case of its name
//!   (`vpc_describe_regions` / `ecs_describe_regions` where names clash), plus `*_all`
//!   methods that collect every page and `*_pages` streams.
//! * [`vpc`], [`ecs`], [`sts`]: request builders (`XxxRequest::new(required...)` then one
//!   setter per optional parameter, and `.param(k, v)` for anything unmodelled) and response
//!   structs with the API's exact field names; unknown fields are ignored, missing ones default.
//! * [`signing`]: the V1 (`HMAC-SHA1`) and V3 (`ACS3-HMAC-SHA256`) algorithms;
//!   [`request`]: a whole signed request from the inputs (used by the client and by
//!   `alicloud-call --dry-run-sign`).
//! * [`endpoints`]: regional hosts per product, HTTPS, or one override base URL.
//! * [`credentials`]: [`credentials::CredentialsProvider`] with static, STS-token and RAM-role
//!   providers.
//! * [`error`]: [`ApiError`] (`Code`, `Message`, `RequestId`, `HostId`, `Recommend`, HTTP
//!   status) and [`ErrorKind`] (throttling, transient, auth, not found, invalid state,
//!   invalid input, transport, decode, credentials).
//! * [`retry`]: exponential backoff with jitter for throttling/transient/transport errors
//!   (honouring `x-acs-retry-after`), fresh nonce and timestamp per attempt, the same
//!   `ClientToken` across attempts, and per-action invalid-state retries up to a deadline.
//! * [`paging`]: `PageNumber` (concurrent) and `NextToken` (stream) listings.
//! * [`rate_limit`]: a token bucket per (account, region, action).
//! * [`regions`]: where cut-through mode is documented (read by the app and the emulator).
//! * [`states`]: statuses, binding modes and target types as enums with an `Unknown` fallback.
//! * [`timestamp`]: the timestamp text forms (API, stored, file name) as `time` format
//!   descriptions.
//! * [`CallHook`]: a caller's part in every attempt (wait before it, hold a guard during it,
//!   observe it, adjust the retry decision after it), e.g. adaptive pacing across many
//!   concurrent listings, without a retry loop of its own.
//!
//! Each call runs in a `tracing` span `alicloud_call` with `product`, `action`, `region`,
//! `attempt`, `latency_ms`, `request_id`, `http_status` and `error_code`. Nothing secret is
//! ever logged: no key secret, security token, signature or request URL.

// `Error::Api(ApiError)` is part of the public shape other crates match on; an error is
// rare next to a network round trip, so its size does not matter.
#![allow(clippy::result_large_err)]

mod action;
pub mod client;
pub mod credentials;
mod de;
pub mod ecs;
pub mod endpoints;
pub mod error;
pub mod paging;
pub mod rate_limit;
pub mod regions;
pub mod request;
pub mod retry;
pub mod secret;
pub mod signing;
pub mod states;
pub mod sts;
pub mod tags;
pub mod timestamp;
pub mod vpc;

pub use action::{Action, RequestIdOnly};
pub use client::{AttemptGuard, AttemptInfo, CallHook, Client, ClientBuilder};
pub use credentials::CredentialsError;
pub use endpoints::{Endpoints, Product};
pub use error::{ApiError, Error, ErrorKind};
pub use rate_limit::RateLimit;
pub use request::SignatureVersion;
pub use retry::RetryPolicy;
pub use secret::Secret;
