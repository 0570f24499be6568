//! `alicloud-call`: call any VPC/ECS/STS RPC action from the command line with this crate's
//! client, or print the exact signing inputs and outputs without sending anything.
//!
//! ```text
//! alicloud-call [--endpoint URL] [--signature v3|v1] [--region R] --product vpc|ecs|sts \
//!               --action NAME [--timeout S] [--connect-timeout S] [--retries N] \
//!               [--max-response-bytes N] [--verbose] \
//!               [--dry-run-sign [--nonce N] [--timestamp T]] Key=Value ...
//! ```
//!
//! Credentials come from `ALIBABA_CLOUD_ACCESS_KEY_ID`, `ALIBABA_CLOUD_ACCESS_KEY_SECRET` and
//! (optional) `ALIBABA_CLOUD_SECURITY_TOKEN`. On success the JSON response is printed to
//! stdout; on failure the details go to stderr and the exit status tells the class of
//! failure (see `alicloud_call/outcome.rs`: 1 service error, 2 usage, 3 transport, 4 unusable
//! response). A mutating action carries a `ClientToken` (generated unless given, printed with
//! `--verbose`) that stays the same across retries.
//!
//! `--dry-run-sign` prints one JSON object with the query, headers, canonical request, string
//! to sign, signature and authorization for a fixed nonce and timestamp. It prints the
//! security token as part of the headers/query: use it with test credentials only.

#[path = "alicloud_call/outcome.rs"]
mod outcome;
#[path = "alicloud_call/token.rs"]
mod token;

use std::collections::BTreeMap;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use alicloud_api::credentials::{
    Credentials, CredentialsProvider, StaticCredentials, StsTokenCredentials,
};
use alicloud_api::request::{SignInput, format_timestamp, new_nonce, sign_request};
use alicloud_api::{Client, Endpoints, Product, RetryPolicy, Secret, SignatureVersion};
use anyhow::{Context, anyhow, bail};
use clap::Parser;
use serde_json::json;

/// Calls an Alibaba Cloud RPC action (VPC, ECS, STS) and prints the JSON response.
#[derive(Debug, Parser)]
#[command(name = "alicloud-call", version)]
struct Args {
    /// One base URL for every product, e.g. http://127.0.0.1:8080 (default: the real cloud).
    #[arg(long)]
    endpoint: Option<String>,
    /// Signature version: v3 (ACS3-HMAC-SHA256) or v1 (HMAC-SHA1).
    #[arg(long, default_value = "v3")]
    signature: String,
    /// Region used to pick the endpoint (default: the `RegionId` parameter, else cn-hangzhou).
    #[arg(long)]
    region: Option<String>,
    /// Product: vpc, ecs or sts.
    #[arg(long)]
    product: String,
    /// Action name, e.g. DescribeEipAddresses.
    #[arg(long)]
    action: String,
    /// Timeout of one attempt, in seconds (connect, send and read the whole answer).
    #[arg(long, default_value_t = 30.0, value_parser = positive_seconds)]
    timeout: f64,
    /// Connect timeout, in seconds.
    #[arg(long, default_value_t = 10.0, value_parser = positive_seconds)]
    connect_timeout: f64,
    /// Retries after throttling, server or transport errors (0 = one attempt).
    #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u32).range(0..=10))]
    retries: u32,
    /// Largest response body accepted, in bytes.
    #[arg(long, default_value_t = 64 * 1024 * 1024)]
    max_response_bytes: usize,
    /// Print the ClientToken and other call details to stderr.
    #[arg(long, short)]
    verbose: bool,
    /// Print the signing inputs and outputs instead of sending the request.
    #[arg(long)]
    dry_run_sign: bool,
    /// Signature nonce for --dry-run-sign (default: random).
    #[arg(long, requires = "dry_run_sign")]
    nonce: Option<String>,
    /// Timestamp for --dry-run-sign, YYYY-MM-DDThh:mm:ssZ (default: now).
    #[arg(long, requires = "dry_run_sign")]
    timestamp: Option<String>,
    /// Request parameters as Key=Value (repeat lists as Key.1=a Key.2=b).
    #[arg(value_name = "Key=Value")]
    params: Vec<String>,
}

fn positive_seconds(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(s) if s.is_finite() && s > 0.0 && s <= 86_400.0 => Ok(s),
        _ => Err(format!("{text:?} is not a number of seconds in (0, 86400]")),
    }
}

fn parse_params(raw: &[String]) -> anyhow::Result<Vec<(String, String)>> {
    raw.iter()
        .map(|p| {
            let (k, v) = p
                .split_once('=')
                .ok_or_else(|| anyhow!("parameter {p:?} is not Key=Value"))?;
            if k.is_empty() {
                bail!("parameter {p:?} has an empty name");
            }
            Ok((k.to_string(), v.to_string()))
        })
        .collect()
}

fn env_credentials() -> anyhow::Result<Arc<dyn CredentialsProvider>> {
    let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    let id =
        var("ALIBABA_CLOUD_ACCESS_KEY_ID").context("ALIBABA_CLOUD_ACCESS_KEY_ID is not set")?;
    let secret = Secret::new(
        var("ALIBABA_CLOUD_ACCESS_KEY_SECRET")
            .context("ALIBABA_CLOUD_ACCESS_KEY_SECRET is not set")?,
    );
    Ok(match var("ALIBABA_CLOUD_SECURITY_TOKEN") {
        Some(token) => Arc::new(StsTokenCredentials::new(id, secret, Secret::new(token))),
        None => Arc::new(StaticCredentials::new(id, secret)),
    })
}

fn routing_region(args: &Args, params: &[(String, String)]) -> Option<String> {
    args.region.clone().or_else(|| {
        params
            .iter()
            .find(|(k, _)| k == "RegionId")
            .map(|(_, v)| v.clone())
    })
}

fn dry_run(
    args: &Args,
    product: Product,
    version: SignatureVersion,
    params: &[(String, String)],
    credentials: &Credentials,
) -> anyhow::Result<serde_json::Value> {
    let endpoints = match &args.endpoint {
        Some(url) => Endpoints::override_url(url)?,
        None => Endpoints::Regional,
    };
    let region = routing_region(args, params);
    let endpoint_region = match (product, region.as_deref()) {
        (Product::Sts, r) => r,
        (_, r) => Some(r.unwrap_or(alicloud_api::client::DEFAULT_REGION)),
    };
    let base_url = endpoints.base_url(product, endpoint_region)?;
    let nonce = args.nonce.clone().unwrap_or_else(new_nonce);
    let timestamp = args
        .timestamp
        .clone()
        .unwrap_or_else(|| format_timestamp(time::OffsetDateTime::now_utc()));
    let signed = sign_request(&SignInput {
        version,
        base_url: &base_url,
        action: &args.action,
        api_version: product.api_version(),
        params,
        credentials,
        nonce: &nonce,
        timestamp: &timestamp,
    });
    let headers: BTreeMap<&str, &str> = signed
        .headers
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let query: BTreeMap<&str, &str> = signed
        .query
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    Ok(json!({
        "signature_version": match version { SignatureVersion::V3 => "v3", SignatureVersion::V1 => "v1" },
        "method": signed.method,
        "url": signed.url,
        "host": signed.host,
        "api_version": product.api_version(),
        "nonce": nonce,
        "timestamp": timestamp,
        "query": query,
        "headers": headers,
        "signed_headers": signed.trace.signed_headers,
        "canonical_request": signed.trace.canonical_request,
        "string_to_sign": signed.trace.string_to_sign,
        "signature": signed.trace.signature,
        "authorization": headers.get("authorization"),
    }))
}

/// Prints a line to stdout; a closed pipe (e.g. `| head`) is not an error.
fn print_stdout(text: &str) {
    use std::io::Write as _;
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{text}");
}

async fn run(args: Args) -> anyhow::Result<ExitCode> {
    let product: Product = args.product.parse()?;
    let version: SignatureVersion = args.signature.parse()?;
    let mut params = parse_params(&args.params)?;
    let provider = env_credentials()?;
    if args.dry_run_sign {
        let credentials = provider.credentials().await?;
        let out = dry_run(&args, product, version, &params, &credentials)?;
        print_stdout(&serde_json::to_string_pretty(&out)?);
        return Ok(ExitCode::SUCCESS);
    }
    let client_token = token::ensure(product, &args.action, &mut params)?;
    if args.verbose
        && let Some(t) = &client_token
    {
        eprintln!("client_token: {t}");
    }
    let mut builder = Client::builder(provider)
        .signature_version(version)
        .timeout(Duration::from_secs_f64(args.timeout))
        .connect_timeout(Duration::from_secs_f64(args.connect_timeout))
        .retry_policy(RetryPolicy {
            max_attempts: args.retries + 1,
            ..RetryPolicy::default()
        })
        .max_response_bytes(Some(args.max_response_bytes));
    if let Some(url) = &args.endpoint {
        builder = builder.endpoint_override(url);
    }
    let client = builder.build()?;
    let region = routing_region(&args, &params);
    match client
        .call_raw(product, &args.action, region.as_deref(), params)
        .await
    {
        Ok(body) => {
            if let Some((code, message, request_id)) = outcome::embedded_error(&body) {
                outcome::print_api_error(&code, &message, &request_id, 200);
                return Ok(ExitCode::from(outcome::API_ERROR));
            }
            print_stdout(&serde_json::to_string_pretty(&body)?);
            Ok(ExitCode::SUCCESS)
        }
        Err(error) => Ok(outcome::report(&error)),
    }
}

fn main() -> ExitCode {
    let args = match Args::try_parse() {
        Ok(args) => args,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(outcome::USAGE)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return ExitCode::from(outcome::USAGE);
        }
    };
    match runtime.block_on(run(args)) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(outcome::USAGE)
        }
    }
}
