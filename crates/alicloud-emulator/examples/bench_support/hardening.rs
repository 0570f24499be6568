//! Bench rows of issue 13 (load and abuse): one mutation with and without a state file at
//! `scale:2000` and `scale:10000`; `/_emulator/health` latency while two clients mutate (with
//! a state file); resident memory after 20 requests carrying 1 MB each.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use alicloud_api::signing;
use alicloud_emulator::{DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET, Delays, EmulatorConfig, Seed};
use anyhow::{Context as _, bail};
use tokio::io::{AsyncBufReadExt as _, AsyncReadExt as _, AsyncWriteExt as _, BufReader};

use super::{Load, Sig, run_tcp, workload};

/// One printed row.
pub struct Row {
    pub label: String,
    pub value: String,
    pub json: serde_json::Value,
}

fn first_eip(emu: &alicloud_emulator::RunningEmulator) -> anyhow::Result<String> {
    let snapshot: serde_json::Value = serde_json::from_str(&emu.control().snapshot())?;
    Ok(
        snapshot["world"]["accounts"][alicloud_emulator::DEMO_ACCOUNT_ID]["regions"][super::REGION]
            ["eips"][0]["id"]
            .as_str()
            .context("no EIP in cn-hangzhou")?
            .to_string(),
    )
}

async fn start(
    seed: Seed,
    state: Option<&std::path::Path>,
) -> anyhow::Result<alicloud_emulator::RunningEmulator> {
    let config = EmulatorConfig {
        seed,
        delays: Delays::uniform(0),
        state_file: state.map(std::path::Path::to_path_buf),
        ..EmulatorConfig::default()
    };
    Ok(alicloud_emulator::start(config, "127.0.0.1:0".parse()?).await?)
}

/// How long each mutation row keeps mutating: long enough for several background writes to
/// overlap the calls (and for the old synchronous save to show).
const MUTATION_SPAN: Duration = Duration::from_secs(4);

/// Mean µs and count of sequential ModifyEipAddressAttribute calls over TCP for
/// [`MUTATION_SPAN`] (signing, done in batches, is not timed).
async fn mutation_mean_us(seed: Seed, state: bool) -> anyhow::Result<(f64, usize)> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("state.json");
    let emu = start(seed, state.then_some(path.as_path())).await?;
    let eip = first_eip(&emu)?;
    let (mut spent, mut done, mut batch) = (Duration::ZERO, 0usize, 1usize);
    while spent < MUTATION_SPAN {
        let tag = format!("mut-{seed}-{state}-{done}-{}", std::process::id());
        let reqs = workload(Load::ModifyEip, Sig::V3, batch, &tag, &eip);
        spent += run_tcp(emu.local_addr(), reqs).await?;
        done += batch;
        batch = (batch * 2).min(200);
    }
    emu.shutdown().await;
    Ok((spent.as_secs_f64() * 1e6 / done as f64, done))
}

/// Rows: one mutation with and without `--state` at each scale.
pub async fn mutation_rows() -> anyhow::Result<Vec<Row>> {
    let mut rows = Vec::new();
    for n in [2000, 10000] {
        let seed = Seed::Scale(n);
        let (plain, plain_n) = mutation_mean_us(seed, false).await?;
        let (saved, saved_n) = mutation_mean_us(seed, true).await?;
        rows.push(Row {
            label: format!("ModifyEipAddressAttribute scale:{n}"),
            value: format!(
                "{plain:.0} µs without --state ({plain_n} calls), {saved:.0} µs with ({saved_n} calls): {:.2}×",
                saved / plain
            ),
            json: serde_json::json!({
                "row": "mutation_with_state", "seed": seed.to_string(),
                "calls_without_state": plain_n, "calls_with_state": saved_n,
                "mean_us_without_state": plain, "mean_us_with_state": saved, "ratio": saved / plain,
            }),
        });
    }
    Ok(rows)
}

/// One `GET /_emulator/health` on a fresh connection; its latency.
async fn health(addr: SocketAddr) -> anyhow::Result<Duration> {
    let start = Instant::now();
    let mut s = tokio::net::TcpStream::connect(addr).await?;
    s.write_all(b"GET /_emulator/health HTTP/1.1\r\nHost: bench\r\nConnection: close\r\n\r\n")
        .await?;
    let mut out = Vec::new();
    s.read_to_end(&mut out).await?;
    if !out.starts_with(b"HTTP/1.1 200") {
        bail!("health: {}", String::from_utf8_lossy(&out));
    }
    Ok(start.elapsed())
}

/// Row: health latency (median and worst of 40) while two clients mutate, `--state`, scale:2000.
pub async fn health_row() -> anyhow::Result<Row> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("state.json");
    let emu = start(Seed::Scale(2000), Some(&path)).await?;
    let eip = first_eip(&emu)?;
    let addr = emu.local_addr();
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let mut clients = Vec::new();
    for c in 0..2 {
        let stop = stop.clone();
        let eip = eip.clone();
        clients.push(tokio::spawn(async move {
            let mut round = 0;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                let tag = format!("health-{c}-{round}-{}", std::process::id());
                run_tcp(addr, workload(Load::ModifyEip, Sig::V3, 5, &tag, &eip)).await?;
                round += 1;
            }
            anyhow::Ok(round * 5)
        }));
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
    let mut samples = Vec::new();
    for _ in 0..40 {
        samples.push(health(addr).await?);
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let mut mutations = 0;
    for c in clients {
        mutations += c.await??;
    }
    emu.shutdown().await;
    samples.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let (median, worst) = (
        ms(samples[samples.len() / 2]),
        ms(samples[samples.len() - 1]),
    );
    Ok(Row {
        label: "health while 2 clients mutate".into(),
        value: format!(
            "median {median:.2} ms, worst {worst:.2} ms ({mutations} mutations, --state, scale:2000)"
        ),
        json: serde_json::json!({
            "row": "health_under_mutation", "median_ms": median, "worst_ms": worst,
            "mutations": mutations, "seed": "scale:2000",
        }),
    })
}

fn rss_kib() -> anyhow::Result<u64> {
    let status = std::fs::read_to_string("/proc/self/status")?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .context("VmRSS")
}

/// A `POST /` carrying a 1 MB `Padding` parameter in a form body: signed (V1 over query and
/// form) or not.
fn big_request(signed: bool, i: usize) -> (String, Vec<u8>) {
    let padding = "p".repeat(1 << 20);
    let mut query: Vec<(String, String)> = vec![
        ("Action".into(), "DescribeEipAddresses".into()),
        ("Version".into(), super::VPC.into()),
        ("Format".into(), "JSON".into()),
        ("RegionId".into(), super::REGION.into()),
    ];
    if signed {
        for (k, v) in [
            ("AccessKeyId", DEMO_ACCESS_KEY_ID.to_string()),
            ("SignatureMethod", "HMAC-SHA1".into()),
            ("SignatureVersion", "1.0".into()),
            ("SignatureNonce", format!("rss-{i}-{}", std::process::id())),
            ("Timestamp", super::timestamp()),
        ] {
            query.push((k.into(), v));
        }
        let mut all = query.clone();
        all.push(("Padding".into(), padding.clone()));
        let sts = signing::v1_string_to_sign("POST", &all);
        query.push((
            "Signature".into(),
            signing::v1_signature(DEMO_ACCESS_KEY_SECRET, &sts),
        ));
    }
    let body = format!("Padding={padding}").into_bytes();
    (format!("/?{}", signing::canonical_query(&query)), body)
}

async fn send_big(addr: SocketAddr, target: &str, body: &[u8]) -> anyhow::Result<String> {
    let mut s = tokio::net::TcpStream::connect(addr).await?;
    let head = format!(
        "POST {target} HTTP/1.1\r\nHost: bench\r\nConnection: close\r\ncontent-type: application/x-www-form-urlencoded\r\ncontent-length: {}\r\n\r\n",
        body.len()
    );
    s.write_all(head.as_bytes()).await?;
    s.write_all(body).await?;
    let mut reader = BufReader::new(s);
    let mut status = String::new();
    reader.read_line(&mut status).await?;
    let mut rest = Vec::new();
    reader.read_to_end(&mut rest).await?;
    Ok(status)
}

/// Row: resident memory before and after 20 requests of 1 MB (10 signed, 10 not).
pub async fn rss_row() -> anyhow::Result<Row> {
    let emu = start(Seed::Demo, None).await?;
    let addr = emu.local_addr();
    // Warm up allocator and connection paths with small requests first.
    health(addr).await?;
    let before = rss_kib()?;
    for i in 0..20 {
        let (target, body) = big_request(i % 2 == 0, i);
        let status = send_big(addr, &target, &body).await?;
        if !status.contains(" 200 ") && !status.contains(" 400 ") {
            bail!("1 MB request {i}: {status}");
        }
    }
    let logged = emu.control().requests(0).len();
    let after = rss_kib()?;
    emu.shutdown().await;
    let growth_mb = (after as f64 - before as f64) / 1024.0;
    Ok(Row {
        label: "RSS after 20 × 1 MB requests".into(),
        value: format!(
            "{:.1} MB → {:.1} MB ({growth_mb:+.1} MB, {logged} logged)",
            before as f64 / 1024.0,
            after as f64 / 1024.0
        ),
        json: serde_json::json!({
            "row": "rss_after_large_requests", "rss_before_mb": before as f64 / 1024.0,
            "rss_after_mb": after as f64 / 1024.0, "growth_mb": growth_mb, "logged": logged,
        }),
    })
}
