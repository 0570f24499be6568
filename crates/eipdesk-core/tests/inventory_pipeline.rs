//! The inventory reads through the client's one call pipeline: a throttled listing call is
//! retried by the client's own retry loop (one `alicloud_call` span per call, its attempts
//! counted), with the inventory's pacer taking the place of the backoff sleep (the retry
//! waits 0 ms in the loop and its slot in the pacer). A second retry loop in the inventory
//! would show each attempt as a separate one-attempt call that fails.
//!
//! One test in this file on purpose: it reads the log through a thread-local subscriber,
//! which another test thread registering the same callsites could make miss events.

mod inventory_support;

use std::sync::{Arc, Mutex};

use inventory_support::{Recorder, ctx, store, throttled_eips};

/// Collects formatted log lines.
#[derive(Clone, Default)]
struct Log(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Log {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn throttled_inventory_calls_are_retried_by_the_client_and_paced_by_the_inventory() {
    let (_emu, client, regions) = throttled_eips().await;
    let log = Log::default();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::INFO)
        .with_ansi(false)
        .with_writer({
            let log = log.clone();
            move || log.clone()
        })
        .finish();
    let guard = tracing::subscriber::set_default(subscriber);
    let summary = store()
        .load(ctx(&client, 0), regions, true, &Recorder::default().sink())
        .await;
    drop(guard);
    assert_eq!((summary.loaded.len(), summary.failed.len()), (15, 0));

    let text = String::from_utf8(log.0.lock().unwrap().clone()).unwrap();
    let retries: Vec<&str> = text
        .lines()
        .filter(|l| l.contains("retrying call") && l.contains("DescribeEipAddresses"))
        .collect();
    assert!(
        !retries.is_empty(),
        "no throttled call was retried by the client:\n{text}"
    );
    assert!(
        retries
            .iter()
            .all(|l| l.contains("kind=Throttling") && l.contains("delay_ms=0")),
        "throttling retries wait in the pacer, not in the backoff: {retries:#?}"
    );
    assert!(
        text.lines()
            .any(|l| l.contains("call succeeded") && l.contains("attempt=2")),
        "a retried call succeeds within its own span"
    );
    assert!(!text.contains("call failed"), "no call gave up:\n{text}");
}
