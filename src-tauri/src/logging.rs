//! Logging: `tracing` to stderr (text) and to daily-rolling JSON-lines files under
//! `<data dir>/logs/`. The files are owner-only: `secure_data_dir` ran first and set the umask,
//! which also covers the file a daily rotation opens.
//! Secrets cannot appear: they are wrapped in types whose Debug/Display print a placeholder.

use anyhow::Context;
use std::path::Path;
use tracing_appender::non_blocking::WorkerGuard;
use tracing_subscriber::EnvFilter;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;

/// Installs the global subscriber; keep the guard alive for the life of the app.
pub fn init(dir: &Path) -> anyhow::Result<WorkerGuard> {
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let (file_writer, guard) =
        tracing_appender::non_blocking(tracing_appender::rolling::daily(dir, "eipdesk.log"));
    let filter = EnvFilter::try_from_env("EIPDESK_LOG")
        .unwrap_or_else(|_| EnvFilter::new("info,tao=warn,wry=warn"));
    tracing_subscriber::registry()
        .with(filter)
        .with(tracing_subscriber::fmt::layer().with_writer(std::io::stderr))
        // JSON lines in the file: easy to search, and a field formatter of its own type, so
        // the two layers do not append to each other's span fields (which printed each twice).
        .with(
            tracing_subscriber::fmt::layer()
                .json()
                .with_writer(file_writer),
        )
        .try_init()
        .context("installing the log subscriber")?;
    Ok(guard)
}
