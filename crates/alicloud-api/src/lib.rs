//! Client for Alibaba Cloud RPC-style APIs (VPC 2016-04-28, ECS 2014-05-26, STS 2015-04-01).

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
pub mod request;
pub mod retry;
pub mod secret;
pub mod signing;
pub mod sts;
pub mod vpc;

pub use action::{Action, RequestIdOnly};
pub use client::{Client, ClientBuilder};
pub use credentials::CredentialsError;
pub use endpoints::{Endpoints, Product};
pub use error::{ApiError, Error, ErrorKind};
pub use rate_limit::RateLimit;
pub use request::SignatureVersion;
pub use retry::RetryPolicy;
pub use secret::Secret;
