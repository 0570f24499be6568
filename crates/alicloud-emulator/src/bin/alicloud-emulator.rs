//! `alicloud-emulator [--port P] [--host H] [--seed demo|empty|scale:N] [--state FILE]
//! [--delay-ms MS]`: runs the emulator until Ctrl-C or SIGTERM (saving the state file),
//! printing its endpoint and the demo credentials (fake, sandbox-only values).

use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;

use alicloud_emulator::{
    DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET, Delays, EmulatorConfig, SECOND_ACCESS_KEY_ID,
    SECOND_ACCESS_KEY_SECRET, Seed, demo_role_arn, start,
};
use clap::Parser;

/// Alibaba-Cloud-compatible local emulator (VPC EIPs, ECS ENIs and instances, STS).
#[derive(Debug, Parser)]
#[command(version)]
struct Args {
    /// TCP port (0 picks a free one).
    #[arg(long, default_value_t = 0)]
    port: u16,
    /// Address to bind.
    #[arg(long, default_value = "127.0.0.1")]
    host: IpAddr,
    /// Initial data: demo, empty or scale:N.
    #[arg(long, default_value = "demo")]
    seed: Seed,
    /// State file: restored on start, saved in the background after changes and on exit.
    #[arg(long)]
    state: Option<PathBuf>,
    /// Delay of every asynchronous transition, in milliseconds.
    #[arg(long)]
    delay_ms: Option<u64>,
    /// Seed of fault injection and of generated IDs.
    #[arg(long, default_value_t = 0)]
    rng_seed: u64,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let config = EmulatorConfig {
        seed: args.seed,
        state_file: args.state,
        delays: args.delay_ms.map(Delays::uniform).unwrap_or_default(),
        rng_seed: args.rng_seed,
        ..EmulatorConfig::default()
    };
    let emu = start(config, SocketAddr::new(args.host, args.port)).await?;
    println!("alicloud-emulator listening on {}", emu.endpoint());
    println!("AccessKeyId={DEMO_ACCESS_KEY_ID}");
    println!("AccessKeySecret={DEMO_ACCESS_KEY_SECRET}");
    println!("RoleArn={}", demo_role_arn());
    println!("SecondAccessKeyId={SECOND_ACCESS_KEY_ID}");
    println!("SecondAccessKeySecret={SECOND_ACCESS_KEY_SECRET}");
    println!("control API: {}/_emulator/health", emu.endpoint());
    wait_for_stop().await?;
    emu.shutdown().await;
    Ok(())
}

/// Ctrl-C, or SIGTERM on Unix: both end with a saved state.
async fn wait_for_stop() -> std::io::Result<()> {
    #[cfg(unix)]
    {
        let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())?;
        tokio::select! {
            r = tokio::signal::ctrl_c() => r,
            _ = term.recv() => Ok(()),
        }
    }
    #[cfg(not(unix))]
    {
        tokio::signal::ctrl_c().await
    }
}
