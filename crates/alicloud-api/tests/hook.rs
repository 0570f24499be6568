//! The `CallHook` seam of the call pipeline against the fake server: a hook sees every
//! attempt of a call in order, holds its guard exactly while the request is in flight, can
//! change the retry decision (stop early, or wait less because it paces the next attempt
//! itself) without the generated `ClientToken` changing, and stays installed on clients
//! derived from the hooked one.

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use alicloud_api::retry::Decision;
use alicloud_api::vpc::{AssociateEipAddressRequest, DescribeEipAddressesRequest};
use alicloud_api::{
    AttemptGuard, AttemptInfo, CallHook, Error, ErrorKind, RetryPolicy, SignatureVersion,
};
use common::{FakeServer, Reply, eip_page, eips};
use futures::future::BoxFuture;
use parking_lot::Mutex;

/// What the recording hook saw, one line per event.
#[derive(Debug, Default)]
struct Recorder {
    events: Mutex<Vec<String>>,
    /// Guards alive (attempts in flight), shared with the server's handler.
    in_flight: Arc<AtomicUsize>,
    /// What `failed` answers instead of the policy's decision, if set.
    override_with: Option<Decision>,
}

struct InFlight(Arc<AtomicUsize>);

impl Drop for InFlight {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

impl CallHook for Recorder {
    fn before_attempt<'a>(
        &'a self,
        attempt: &'a AttemptInfo<'a>,
    ) -> BoxFuture<'a, Option<AttemptGuard>> {
        Box::pin(async move {
            self.events.lock().push(format!(
                "before {} {} {:?} #{}",
                attempt.action, attempt.region, attempt.product, attempt.attempt
            ));
            self.in_flight.fetch_add(1, Ordering::SeqCst);
            Some(Box::new(InFlight(self.in_flight.clone())) as AttemptGuard)
        })
    }

    fn succeeded(&self, attempt: &AttemptInfo<'_>) {
        let held = self.in_flight.load(Ordering::SeqCst);
        self.events
            .lock()
            .push(format!("ok #{} held={held}", attempt.attempt));
    }

    fn failed(&self, attempt: &AttemptInfo<'_>, error: &Error, decision: Decision) -> Decision {
        let held = self.in_flight.load(Ordering::SeqCst);
        let retry = matches!(decision, Decision::RetryAfter(_));
        self.events.lock().push(format!(
            "failed #{} {:?} retry={retry} held={held}",
            attempt.attempt,
            error.kind()
        ));
        self.override_with.unwrap_or(decision)
    }
}

fn throttled() -> Reply {
    Reply::error(
        400,
        "Throttling.User",
        "Request was denied due to user flow control.",
    )
    .with_header("x-acs-retry-after", "5000")
}

/// Throttles the first two requests of each action, then answers; the handler also notes
/// how many hook guards were alive while it handled each request.
async fn throttle_twice(
    in_flight: Arc<AtomicUsize>,
    seen_held: Arc<Mutex<Vec<usize>>>,
) -> FakeServer {
    let all = eips(3);
    let handler = move |r: &common::Recorded| {
        seen_held.lock().push(in_flight.load(Ordering::SeqCst));
        if r.index < 2 {
            throttled()
        } else if r.action == "DescribeEipAddresses" {
            eip_page(&all, r)
        } else {
            Reply::ok(serde_json::json!({}))
        }
    };
    FakeServer::start(handler).await
}

/// One test, run in order: the first part reads the client's log, and `tracing` can miss
/// events of a thread-local subscriber while another test thread registers the same
/// callsites.
#[tokio::test]
async fn the_call_hook_seam() {
    a_hook_sees_every_attempt_and_holds_its_guard_while_the_request_is_in_flight().await;
    a_hook_can_stop_retries_the_policy_would_make().await;
}

async fn a_hook_sees_every_attempt_and_holds_its_guard_while_the_request_is_in_flight() {
    let hook = Arc::new(Recorder {
        // Wait nothing between attempts: the 5 s retry-after is the hook's business.
        override_with: Some(Decision::RetryAfter(Duration::ZERO)),
        ..Recorder::default()
    });
    let seen_held = Arc::new(Mutex::new(Vec::new()));
    let server = throttle_twice(hook.in_flight.clone(), seen_held.clone()).await;
    let logs = common::LogBuffer::default();
    let log = tracing::subscriber::set_default(common::log_subscriber(&logs));
    let client = common::client(&server, SignatureVersion::V3).with_call_hook(hook.clone());

    let page = client
        .describe_eip_addresses(&DescribeEipAddressesRequest::new("cn-shanghai"))
        .await
        .unwrap();
    assert_eq!(page.total_count, 3);
    let events = std::mem::take(&mut *hook.events.lock());
    assert_eq!(
        events,
        vec![
            "before DescribeEipAddresses cn-shanghai Vpc #1",
            "failed #1 Throttling retry=true held=0",
            "before DescribeEipAddresses cn-shanghai Vpc #2",
            "failed #2 Throttling retry=true held=0",
            "before DescribeEipAddresses cn-shanghai Vpc #3",
            "ok #3 held=0",
        ],
        "guards are dropped once the answer is in, before the hook hears of it"
    );
    assert_eq!(
        *seen_held.lock(),
        vec![1, 1, 1],
        "each request was sent while its guard was held"
    );
    let text = logs.text();
    assert_eq!(text.matches("delay_ms=0").count(), 2, "{text}");
    assert_eq!(text.matches("delay_ms=50").count(), 0, "{text}");
    drop(log);

    // A mutating call: the generated ClientToken survives the hook's shortened retries, and a
    // client derived from the hooked one keeps the hook.
    let derived = client.with_retry_policy(common::fast_retries());
    let request = AssociateEipAddressRequest::new("cn-hangzhou", "eip-1", "eni-1");
    derived.associate_eip_address(&request).await.unwrap();
    let seen = server.requests_for("AssociateEipAddress");
    assert_eq!(seen.len(), 3);
    let token = seen[0].param("ClientToken").unwrap();
    assert!(seen.iter().all(|r| r.param("ClientToken") == Some(token)));
    assert_eq!(hook.events.lock().len(), 6, "{:?}", hook.events.lock());
}

async fn a_hook_can_stop_retries_the_policy_would_make() {
    let hook = Arc::new(Recorder {
        override_with: Some(Decision::Stop),
        ..Recorder::default()
    });
    let server = FakeServer::start(|_| throttled()).await;
    let client = common::client(&server, SignatureVersion::V1).with_call_hook(hook.clone());
    let error = client
        .describe_eip_addresses(&DescribeEipAddressesRequest::new("cn-hangzhou"))
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Throttling);
    assert_eq!(server.requests().len(), 1, "the hook stopped the retries");
    assert_eq!(
        *hook.events.lock(),
        vec![
            "before DescribeEipAddresses cn-hangzhou Vpc #1",
            "failed #1 Throttling retry=true held=0",
        ]
    );

    // Without a hook override the policy's own decision stands (four attempts), and the
    // hook is told the policy gave up on the last one.
    let observer = Arc::new(Recorder::default());
    let quick = RetryPolicy {
        max_delay: Duration::from_millis(1),
        ..common::fast_retries()
    };
    let client = common::client(&server, SignatureVersion::V3)
        .with_retry_policy(quick)
        .with_call_hook(observer.clone());
    client
        .describe_eip_addresses(&DescribeEipAddressesRequest::new("cn-hangzhou"))
        .await
        .unwrap_err();
    let events = observer.events.lock();
    assert_eq!(events.len(), 8, "{events:?}");
    assert_eq!(events[7], "failed #4 Throttling retry=false held=0");
}
