//! `cargo xtask bench inventory`: EIP Desk's all-regions inventory against the emulator's
//! scalable seed with latency added to every request, next to the official Python SDK
//! listing the same resources the straightforward way (region by region, page by page), on
//! the same emulator in the same run. Prints a table and writes JSON.
//!
//! ```text
//! cargo bench -p eipdesk-core --bench inventory -- --python target/venv/bin/python \
//!     [--script tests/bench/sdk_inventory.py] [--seed scale:400] [--latency-ms 50] \
//!     [--runs 5] [--json target/bench/inventory.json]
//! ```
//!
//! The ideal is the longest chain of calls that must wait for one another, times the
//! latency: `DescribeRegions`, then in each region the longest of: EIP page 1 then the other
//! pages (in parallel), `NextToken` pages of ENIs (500 each) and instances (100 each, the
//! instance-type lookup overlapping the next page), VPC and vSwitch pages.

use std::collections::BTreeMap;
use std::net::{Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::process::Command;
use std::sync::Arc;
use std::time::{Duration, Instant};

use alicloud_api::Client;
use alicloud_api::Secret;
use alicloud_api::credentials::StaticCredentials;
use alicloud_emulator::{EmulatorConfig, FaultConfig, FaultRule, Seed};
use eipdesk_core::ids::RegionId;
use eipdesk_core::inventory::{InventoryStore, LoadContext, LoadSummary, list_regions};
use eipdesk_core::regions::CutThroughRegions;
use serde_json::{Value, json};

/// The app's allocator (see `src-tauri/src/main.rs`), so the load is measured as it runs there.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

struct Args {
    python: Option<PathBuf>,
    script: PathBuf,
    seed: Seed,
    latency_ms: u64,
    runs: usize,
    json: PathBuf,
    probe: bool,
}

fn args() -> Result<Args> {
    let mut a = Args {
        python: None,
        script: PathBuf::from("tests/bench/sdk_inventory.py"),
        seed: Seed::Scale(400),
        latency_ms: 50,
        runs: 5,
        json: PathBuf::from("target/bench/inventory.json"),
        probe: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or_else(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--python" => a.python = Some(PathBuf::from(value()?)),
            "--script" => a.script = PathBuf::from(value()?),
            "--seed" => a.seed = value()?.parse()?,
            "--latency-ms" => a.latency_ms = value()?.parse()?,
            "--runs" => a.runs = value()?.parse::<usize>()?.max(1),
            "--json" => a.json = PathBuf::from(value()?),
            "--probe" => a.probe = true,
            "--bench" => {} // added by `cargo bench`
            other => return Err(format!("unknown argument {other}").into()),
        }
    }
    Ok(a)
}

fn client(endpoint: &str) -> Result<Client> {
    let credentials = StaticCredentials::new(
        alicloud_emulator::DEMO_ACCESS_KEY_ID,
        Secret::new(alicloud_emulator::DEMO_ACCESS_KEY_SECRET.to_string()),
    );
    Ok(Client::builder(Arc::new(credentials))
        .endpoint_override(endpoint)
        .build()?)
}

struct Run {
    seconds: f64,
    summary: LoadSummary,
    calls: usize,
    counts: [usize; 3],
}

/// One cold load: a new client and store (no cached regions or quotas), regions then rows.
async fn eipdesk_run(emu: &alicloud_emulator::RunningEmulator) -> Result<Run> {
    let client = client(&emu.endpoint())?;
    let cut_through = CutThroughRegions::default();
    let store = InventoryStore::default();
    emu.control().clear_requests();
    let started = Instant::now();
    let regions: Vec<RegionId> = list_regions(&client, &cut_through, Default::default())
        .await?
        .iter()
        .filter_map(|r| RegionId::parse(&r.id).ok())
        .collect();
    let ctx = LoadContext {
        client: &client,
        generation: 0,
        cut_through: &cut_through,
    };
    let summary = store.load(ctx, regions, true, &|_| {}).await;
    let seconds = started.elapsed().as_secs_f64();
    let rows = store.rows(0, None);
    let counts = [
        rows.iter().map(|r| r.eips.len()).sum(),
        rows.iter().map(|r| r.enis.len()).sum(),
        rows.iter().map(|r| r.instances.len()).sum(),
    ];
    Ok(Run {
        seconds,
        summary,
        calls: emu.control().requests(0).len(),
        counts,
    })
}

/// Longest dependent chain of calls, from what the seed holds per region.
fn ideal_chain(per_region: &[[usize; 5]]) -> usize {
    let pages = |n: usize, size: usize| n.div_ceil(size).max(1);
    let page_number_chain = |n: usize, size: usize| if pages(n, size) > 1 { 2 } else { 1 };
    let longest = per_region
        .iter()
        .map(|&[eips, enis, instances, vpcs, vsws]| {
            let instance_chain = pages(instances, 100).max(2); // page 1 → type lookup
            [
                page_number_chain(eips, 100),
                pages(enis, 500),
                instance_chain,
                page_number_chain(vpcs, 50),
                page_number_chain(vsws, 50),
            ]
            .into_iter()
            .max()
            .unwrap_or(1)
        })
        .max()
        .unwrap_or(1);
    1 + longest
}

/// Times single calls of each listing, one after the other (where does the time go?).
async fn probe(endpoint: &str) -> Result<()> {
    use alicloud_api::ecs::{DescribeInstancesRequest, DescribeNetworkInterfacesRequest};
    use alicloud_api::vpc::DescribeEipAddressesRequest;
    let client = client(endpoint)?;
    let r = "cn-hangzhou";
    for _ in 0..2 {
        let t = Instant::now();
        let e = client
            .describe_eip_addresses(&DescribeEipAddressesRequest::new(r).page_size(100u32))
            .await?;
        println!(
            "probe: DescribeEipAddresses 100 items: {:?} ({} items)",
            t.elapsed(),
            e.eip_addresses.eip_address.len()
        );
        let t = Instant::now();
        let n = client
            .describe_network_interfaces(
                &DescribeNetworkInterfacesRequest::new(r).max_results(500u32),
            )
            .await?;
        println!(
            "probe: DescribeNetworkInterfaces 500: {:?} ({} items)",
            t.elapsed(),
            n.network_interface_sets.network_interface_set.len()
        );
        let t = Instant::now();
        let i = client
            .describe_instances(&DescribeInstancesRequest::new(r).max_results(100u32))
            .await?;
        println!(
            "probe: DescribeInstances 100: {:?} ({} items)",
            t.elapsed(),
            i.instances.instance.len()
        );
        let t = Instant::now();
        let raw = client
            .call_raw(
                alicloud_api::Product::Ecs,
                "DescribeInstances",
                Some(r),
                vec![
                    ("RegionId".into(), r.into()),
                    ("MaxResults".into(), "100".into()),
                ],
            )
            .await?;
        println!(
            "probe: DescribeInstances 100 as raw JSON: {:?}",
            t.elapsed()
        );
        let t = Instant::now();
        let text = raw.to_string();
        let typed: alicloud_api::ecs::DescribeInstancesResponse = serde_json::from_value(raw)?;
        println!(
            "probe: decoding them into types: {:?} ({} bytes, {} items)",
            t.elapsed(),
            text.len(),
            typed.instances.instance.len()
        );
        let t = Instant::now();
        let e = client
            .describe_eip_addresses(&DescribeEipAddressesRequest::new(r).page_size(1u32))
            .await?;
        println!(
            "probe: DescribeEipAddresses 1 item: {:?} ({} items)",
            t.elapsed(),
            e.eip_addresses.eip_address.len()
        );
        println!(
            "probe: load average {}",
            std::fs::read_to_string("/proc/loadavg")
                .unwrap_or_default()
                .trim()
        );
    }
    Ok(())
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

fn sdk_run(args: &Args, python: &PathBuf, endpoint: &str) -> Result<Value> {
    let host = endpoint.trim_start_matches("http://");
    let out = Command::new(python)
        .arg(&args.script)
        .args([
            "--endpoint",
            host,
            "--access-key-id",
            alicloud_emulator::DEMO_ACCESS_KEY_ID,
        ])
        .args([
            "--access-key-secret",
            alicloud_emulator::DEMO_ACCESS_KEY_SECRET,
        ])
        .output()?;
    if !out.status.success() {
        return Err(format!(
            "the SDK run failed: {}",
            String::from_utf8_lossy(&out.stderr)
        )
        .into());
    }
    Ok(serde_json::from_slice(&out.stdout)?)
}

#[tokio::main(flavor = "multi_thread")]
async fn main() -> Result<()> {
    let args = args()?;
    let config = EmulatorConfig {
        seed: args.seed,
        ..Default::default()
    };
    println!("starting the emulator with seed {} …", args.seed);
    let emu = alicloud_emulator::start(config, SocketAddr::from((Ipv4Addr::LOCALHOST, 0))).await?;
    let endpoint = emu.endpoint();

    // What the seed holds per region (read without latency).
    if args.probe {
        probe(&endpoint).await?;
    }
    let warm = eipdesk_run(&emu).await?;
    let mut per_region: BTreeMap<String, [usize; 5]> = BTreeMap::new();
    {
        let client = client(&endpoint)?;
        let store = InventoryStore::default();
        let cut = CutThroughRegions::default();
        for region in &warm.summary.loaded {
            let id = RegionId::parse(region)?;
            let ctx = LoadContext {
                client: &client,
                generation: 0,
                cut_through: &cut,
            };
            let rows = store.load_region(ctx, &id).await?;
            let vpcs = client
                .describe_vpcs_all(&alicloud_api::vpc::DescribeVpcsRequest::new(region))
                .await?
                .len();
            let vsws = client
                .describe_vswitches_all(&alicloud_api::vpc::DescribeVSwitchesRequest::new(region))
                .await?
                .len();
            per_region.insert(
                region.clone(),
                [
                    rows.eips.len(),
                    rows.enis.len(),
                    rows.instances.len(),
                    vpcs,
                    vsws,
                ],
            );
        }
    }
    let chain = ideal_chain(&per_region.values().copied().collect::<Vec<_>>());
    // The same load with no latency added: what parsing and rendering cost on this machine.
    let mut floor_runs = Vec::new();
    for _ in 0..args.runs.min(3) {
        floor_runs.push(eipdesk_run(&emu).await?.seconds);
    }
    let floor = median(floor_runs);
    let ideal = Duration::from_millis(args.latency_ms * chain as u64).as_secs_f64();

    emu.control().set_faults(FaultConfig {
        seed: 0,
        rules: vec![FaultRule::latency("*", args.latency_ms)],
    });
    println!(
        "{} ms added to every request; {} EIP Desk runs …",
        args.latency_ms, args.runs
    );
    let mut runs = Vec::new();
    for _ in 0..args.runs {
        let run = eipdesk_run(&emu).await?;
        if !run.summary.failed.is_empty() || run.summary.cancelled {
            return Err(format!("a region failed: {:?}", run.summary.failed).into());
        }
        runs.push(run);
    }
    let seconds: Vec<f64> = runs.iter().map(|r| r.seconds).collect();
    let ours = median(seconds.clone());
    let best = seconds.iter().copied().fold(f64::INFINITY, f64::min);
    let calls = runs[0].calls;
    let counts = runs[0].counts;

    let sdk = match &args.python {
        Some(python) => {
            println!("official Python SDK, region by region, page by page …");
            Some(sdk_run(&args, python, &endpoint)?)
        }
        None => None,
    };
    emu.shutdown().await;

    let sdk_seconds = sdk.as_ref().and_then(|s| s["seconds"].as_f64());
    let speedup = sdk_seconds.map(|s| s / ours);
    let vs_ideal = ours / ideal;
    let regions = per_region.len();
    println!();
    println!(
        "Inventory, all {regions} regions: {} EIPs, {} ENIs, {} instances (seed {}), +{} ms per request",
        counts[0], counts[1], counts[2], args.seed, args.latency_ms
    );
    println!("| {:<58} | {:>12} |", "measure", "value");
    println!("|{:-<60}|{:->14}|", "", "");
    let row = |k: &str, v: String| println!("| {k:<58} | {v:>12} |");
    row(
        &format!("EIP Desk inventory (median of {})", args.runs),
        format!("{ours:.3} s"),
    );
    row("EIP Desk inventory (best run)", format!("{best:.3} s"));
    row("EIP Desk API calls", calls.to_string());
    if let Some(s) = &sdk {
        row(
            "Python SDK, region by region, page by page",
            format!("{:.3} s", s["seconds"].as_f64().unwrap_or(0.0)),
        );
        row("Python SDK API calls", s["calls"].to_string());
    }
    if let Some(x) = speedup {
        row("speed-up over the SDK (target >= 8x)", format!("{x:.1}x"));
    }
    row(
        &format!("ideal: {chain} dependent calls x {} ms", args.latency_ms),
        format!("{ideal:.3} s"),
    );
    row("EIP Desk / ideal (target <= 2x)", format!("{vs_ideal:.2}x"));
    row(
        "same load with 0 ms added (processing floor here)",
        format!("{floor:.3} s"),
    );
    row(
        "EIP Desk / max(ideal, processing floor)",
        format!("{:.2}x", ours / ideal.max(floor)),
    );

    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let load = load.split_whitespace().next().unwrap_or("?").to_string();
    row(
        "machine load average (other work on the same cores)",
        load.clone(),
    );

    let report = json!({
        "load_average_1m": load,
        "benchmark": "inventory",
        "seed": args.seed.to_string(),
        "latency_ms": args.latency_ms,
        "regions": regions,
        "rows": { "eips": counts[0], "enis": counts[1], "instances": counts[2] },
        "eipdesk": { "median_s": ours, "best_s": best, "runs_s": seconds, "calls": calls },
        "python_sdk": sdk,
        "ideal": { "dependent_calls": chain, "seconds": ideal },
        "processing_floor_s": floor,
        "speedup": speedup,
        "vs_ideal": vs_ideal,
        "targets": { "speedup_at_least": 8.0, "vs_ideal_at_most": 2.0 },
    });
    if let Some(dir) = args.json.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(&args.json, serde_json::to_string_pretty(&report)?)?;
    println!("\nwrote {}", args.json.display());
    Ok(())
}
