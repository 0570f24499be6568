//! Throughput benchmark: signed requests per second on ONE core (a current-thread tokio
//! runtime runs both the emulator and the client), for a read action (DescribeEipAddresses,
//! 10 per page) and a write action (ModifyEipAddressAttribute), V3 and V1 signing, in process
//! (router `oneshot`, no socket) and over TCP (keep-alive HTTP/1.1); then large listing pages
//! (DescribeEipAddresses and DescribeInstances by 100, DescribeNetworkInterfaces by 100 and
//! 500), V3 only.
//!
//! ```text
//! cargo run -p alicloud-emulator --release --example bench -- [--requests N] [--seed scale:N] [--only TEXT] [--json PATH]
//! ```
//!
//! Requests are signed before timing starts (each with its own nonce), so the figures are the
//! emulator's: parsing, signature verification, nonce check, state access, rendering. It prints
//! a table and, with `--json`, writes the same rows as JSON.
//!
//! Then the load and abuse rows of `bench_support/hardening.rs` (skip them with
//! `--no-hardening`, or run only them with `--only hardening`): one mutation with and without
//! a state file at `scale:2000` and `scale:10000`, health latency while two clients mutate,
//! resident memory after 20 requests of 1 MB.

#[path = "bench_support/hardening.rs"]
mod hardening;

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use alicloud_api::signing;
use alicloud_emulator::{
    DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET, Delays, EmulatorConfig, EmulatorState, Seed,
};
use anyhow::{Context as _, bail};
use axum::body::Body;
use http::Request;
use http_body_util::BodyExt as _;
use tokio::io::{AsyncBufReadExt as _, AsyncReadExt as _, AsyncWriteExt as _, BufReader};
use tower::ServiceExt as _;

const VPC: &str = "2016-04-28";
const ECS: &str = "2014-05-26";
const REGION: &str = "cn-hangzhou";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sig {
    V1,
    V3,
}

/// A pre-signed request: method, path+query, headers.
struct Signed {
    method: &'static str,
    target: String,
    headers: Vec<(String, String)>,
}

fn timestamp() -> String {
    alicloud_emulator::auth::timestamp::format_utc(time::OffsetDateTime::now_utc())
}

fn sign(sig: Sig, version: &str, action: &str, params: &[(String, String)], nonce: &str) -> Signed {
    let mut query = params.to_vec();
    match sig {
        Sig::V1 => {
            for (k, v) in [
                ("Action", action),
                ("Version", version),
                ("Format", "JSON"),
                ("AccessKeyId", DEMO_ACCESS_KEY_ID),
                ("SignatureMethod", "HMAC-SHA1"),
                ("SignatureVersion", "1.0"),
                ("SignatureNonce", nonce),
                ("Timestamp", &timestamp()),
            ] {
                query.push((k.to_string(), v.to_string()));
            }
            let sts = signing::v1_string_to_sign("GET", &query);
            query.push((
                "Signature".into(),
                signing::v1_signature(DEMO_ACCESS_KEY_SECRET, &sts),
            ));
            Signed {
                method: "GET",
                target: format!("/?{}", signing::canonical_query(&query)),
                headers: vec![("host".into(), "127.0.0.1".into())],
            }
        }
        Sig::V3 => {
            let mut headers: Vec<(String, String)> = vec![
                ("host".into(), "127.0.0.1".into()),
                ("x-acs-action".into(), action.into()),
                ("x-acs-version".into(), version.into()),
                ("x-acs-date".into(), timestamp()),
                ("x-acs-signature-nonce".into(), nonce.into()),
                (
                    "x-acs-content-sha256".into(),
                    signing::EMPTY_PAYLOAD_SHA256.into(),
                ),
            ];
            let signed: Vec<String> = headers.iter().map(|(k, _)| k.clone()).collect();
            let canonical = signing::v3_canonical_request(&signing::V3Input {
                method: "POST",
                path: "/",
                query: &query,
                headers: &headers,
                signed_headers: &signed,
                payload_hash: signing::EMPTY_PAYLOAD_SHA256,
            });
            let signature = signing::v3_signature(
                DEMO_ACCESS_KEY_SECRET,
                &signing::v3_string_to_sign(&canonical),
            );
            headers.push((
                "authorization".into(),
                signing::v3_authorization(DEMO_ACCESS_KEY_ID, &signed, &signature),
            ));
            Signed {
                method: "POST",
                target: format!("/?{}", signing::canonical_query(&query)),
                headers,
            }
        }
    }
}

/// One benchmarked request shape.
#[derive(Debug, Clone, Copy)]
enum Load {
    /// `DescribeEipAddresses`, 10 per page, cycling through pages 1..=5.
    EipPage10,
    /// `ModifyEipAddressAttribute` on one EIP.
    ModifyEip,
    /// `DescribeEipAddresses`, first page of 100.
    EipPage100,
    /// `DescribeInstances`, first page of 100 (`MaxResults`).
    Instances100,
    /// `DescribeNetworkInterfaces`, first page of `n` (`MaxResults`).
    Enis(usize),
}

impl Load {
    fn label(self) -> String {
        match self {
            Self::EipPage10 => "DescribeEipAddresses".into(),
            Self::ModifyEip => "ModifyEipAddressAttribute".into(),
            Self::EipPage100 => "DescribeEipAddresses/100".into(),
            Self::Instances100 => "DescribeInstances/100".into(),
            Self::Enis(n) => format!("DescribeNetworkInterfaces/{n}"),
        }
    }

    fn request(self, sig: Sig, i: usize, nonce: &str, allocation_id: &str) -> Signed {
        let p = |pairs: &[(&str, String)]| -> Vec<(String, String)> {
            std::iter::once(("RegionId".to_string(), REGION.to_string()))
                .chain(pairs.iter().map(|(k, v)| (k.to_string(), v.clone())))
                .collect()
        };
        let (version, action, params) = match self {
            Self::EipPage10 => (
                VPC,
                "DescribeEipAddresses",
                p(&[
                    ("PageSize", "10".into()),
                    ("PageNumber", format!("{}", 1 + i % 5)),
                ]),
            ),
            Self::ModifyEip => (
                VPC,
                "ModifyEipAddressAttribute",
                p(&[
                    ("AllocationId", allocation_id.into()),
                    ("Name", format!("bench-{i}")),
                ]),
            ),
            Self::EipPage100 => (
                VPC,
                "DescribeEipAddresses",
                p(&[("PageSize", "100".into())]),
            ),
            Self::Instances100 => (ECS, "DescribeInstances", p(&[("MaxResults", "100".into())])),
            Self::Enis(n) => (
                ECS,
                "DescribeNetworkInterfaces",
                p(&[("MaxResults", n.to_string())]),
            ),
        };
        sign(sig, version, action, &params, nonce)
    }
}

fn workload(load: Load, sig: Sig, n: usize, run: &str, allocation_id: &str) -> Vec<Signed> {
    (0..n)
        .map(|i| load.request(sig, i, &format!("bench-{run}-{i}"), allocation_id))
        .collect()
}

async fn run_in_process(state: &EmulatorState, reqs: Vec<Signed>) -> anyhow::Result<Duration> {
    let app = alicloud_emulator::router(state.clone());
    let start = Instant::now();
    for r in reqs {
        let mut b = Request::builder().method(r.method).uri(&r.target);
        for (k, v) in &r.headers {
            b = b.header(k, v);
        }
        let resp = app.clone().oneshot(b.body(Body::empty())?).await?;
        let status = resp.status();
        let body = resp.into_body().collect().await?.to_bytes();
        if status != 200 {
            bail!("status {status}: {}", String::from_utf8_lossy(&body));
        }
    }
    Ok(start.elapsed())
}

async fn run_tcp(addr: SocketAddr, reqs: Vec<Signed>) -> anyhow::Result<Duration> {
    let stream = tokio::net::TcpStream::connect(addr).await?;
    stream.set_nodelay(true)?;
    let (read, mut write) = stream.into_split();
    let mut reader = BufReader::new(read);
    let start = Instant::now();
    for r in reqs {
        let mut text = format!("{} {} HTTP/1.1\r\n", r.method, r.target);
        for (k, v) in &r.headers {
            text.push_str(&format!("{k}: {v}\r\n"));
        }
        text.push_str("content-length: 0\r\n\r\n");
        write.write_all(text.as_bytes()).await?;
        let mut status_line = String::new();
        reader.read_line(&mut status_line).await?;
        let mut length = 0usize;
        loop {
            let mut line = String::new();
            reader.read_line(&mut line).await?;
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some((k, v)) = line.split_once(':')
                && k.eq_ignore_ascii_case("content-length")
            {
                length = v.trim().parse().context("content-length")?;
            }
        }
        let mut body = vec![0u8; length];
        reader.read_exact(&mut body).await?;
        if !status_line.contains(" 200 ") {
            bail!("{status_line}: {}", String::from_utf8_lossy(&body));
        }
    }
    Ok(start.elapsed())
}

struct Args {
    requests: usize,
    seed: Seed,
    json: Option<String>,
    /// Only rows whose action label contains this (`hardening`: only those rows).
    only: Option<String>,
    /// Skip the load and abuse rows.
    no_hardening: bool,
}

fn args() -> anyhow::Result<Args> {
    let mut out = Args {
        requests: 5000,
        seed: Seed::Scale(500),
        json: None,
        only: None,
        no_hardening: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--requests" => out.requests = it.next().context("--requests N")?.parse()?,
            "--seed" => out.seed = it.next().context("--seed S")?.parse()?,
            "--json" => out.json = Some(it.next().context("--json PATH")?),
            "--only" => out.only = Some(it.next().context("--only TEXT")?),
            "--no-hardening" => out.no_hardening = true,
            other => bail!("unknown argument {other}"),
        }
    }
    Ok(out)
}

fn main() -> anyhow::Result<()> {
    let args = args()?;
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    rt.block_on(async move {
        let hardening = !args.no_hardening && args.only.as_deref().is_none_or(|o| o == "hardening");
        // First, in a fresh process: later rows free hundreds of MB the allocator keeps, which
        // would hide any growth.
        let rss = if hardening { Some(hardening::rss_row().await?) } else { None };
        let config = EmulatorConfig {
            seed: args.seed,
            delays: Delays::uniform(0),
            ..EmulatorConfig::default()
        };
        let emu = alicloud_emulator::start(config, "127.0.0.1:0".parse()?).await?;
        let state = emu.state();
        let snapshot: serde_json::Value = serde_json::from_str(&emu.control().snapshot())?;
        let allocation_id = snapshot["world"]["accounts"][alicloud_emulator::DEMO_ACCOUNT_ID]["regions"][REGION]["eips"][0]["id"]
            .as_str()
            .context("no EIP in cn-hangzhou")?
            .to_string();
        println!(
            "alicloud-emulator bench: seed {}, {} requests per row, 1 core (current-thread runtime)",
            args.seed, args.requests
        );
        println!("{:<28} {:<4} {:<11} {:>10} {:>12}", "action", "sig", "transport", "req/s", "mean µs");
        let mut rows = Vec::new();
        let mut plan = Vec::new();
        for load in [Load::EipPage10, Load::ModifyEip] {
            for sig in [Sig::V3, Sig::V1] {
                for tcp in [false, true] {
                    plan.push((load, sig, tcp));
                }
            }
        }
        for load in [Load::EipPage100, Load::Instances100, Load::Enis(100), Load::Enis(500)] {
            for tcp in [false, true] {
                plan.push((load, Sig::V3, tcp));
            }
        }
        plan.retain(|(load, _, _)| args.only.as_deref().is_none_or(|o| load.label().contains(o)));
        for (run_id, (load, sig, tcp)) in plan.into_iter().enumerate() {
            let reqs = workload(load, sig, args.requests, &format!("{run_id}-{}", std::process::id()), &allocation_id);
            let elapsed = if tcp {
                run_tcp(emu.local_addr(), reqs).await?
            } else {
                run_in_process(&state, reqs).await?
            };
            let rps = args.requests as f64 / elapsed.as_secs_f64();
            let mean_us = elapsed.as_secs_f64() * 1e6 / args.requests as f64;
            let action = load.label();
            let transport = if tcp { "tcp" } else { "in-process" };
            println!("{action:<28} {:<4} {transport:<11} {rps:>10.0} {mean_us:>12.1}", format!("{sig:?}"));
            rows.push(serde_json::json!({
                "action": action,
                "signature": format!("{sig:?}"),
                "transport": transport,
                "requests": args.requests,
                "seconds": elapsed.as_secs_f64(),
                "requests_per_second": rps,
                "mean_microseconds": mean_us,
            }));
        }
        emu.shutdown().await;
        if let Some(rss) = rss {
            println!("\nload and abuse (issue 13)");
            let mut extra = hardening::mutation_rows().await?;
            extra.push(hardening::health_row().await?);
            extra.push(rss);
            for row in extra {
                println!("{:<34} {}", row.label, row.value);
                rows.push(row.json);
            }
        }
        if let Some(path) = args.json {
            let doc = serde_json::json!({"benchmark": "alicloud-emulator", "seed": args.seed.to_string(), "cores": 1, "rows": rows});
            std::fs::write(&path, serde_json::to_string_pretty(&doc)?)?;
            println!("wrote {path}");
        }
        anyhow::Ok(())
    })
}
