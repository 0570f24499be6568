//! Connection hygiene for the TCP server: a cap on open connections (beyond it a new one is
//! answered `503` with an Alibaba-style error body and closed), and an idle watchdog that
//! closes a connection on which no byte moved for the idle timeout (keep-alive connections
//! left open, clients that stop sending). Header and body deadlines are set where the
//! request is read ([`crate::server`], [`crate::rpc::handle`]).

use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::task::{Context, Poll};
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncWrite, AsyncWriteExt as _, ReadBuf};
use tokio::net::TcpStream;
use tokio::time::Instant;

/// A stream that records when bytes last moved.
#[derive(Debug)]
pub struct Tracked {
    inner: TcpStream,
    started: Instant,
    last_ms: Arc<AtomicU64>,
}

/// Reads when a [`Tracked`] stream was last active.
#[derive(Debug, Clone)]
pub struct Activity {
    started: Instant,
    last_ms: Arc<AtomicU64>,
}

impl Tracked {
    /// Wraps a stream; the returned [`Activity`] watches it.
    pub fn new(inner: TcpStream) -> (Self, Activity) {
        let started = Instant::now();
        let last_ms = Arc::new(AtomicU64::new(0));
        let activity = Activity {
            started,
            last_ms: last_ms.clone(),
        };
        (
            Self {
                inner,
                started,
                last_ms,
            },
            activity,
        )
    }

    fn touch(&self) {
        let ms = u64::try_from(self.started.elapsed().as_millis()).unwrap_or(u64::MAX);
        self.last_ms.store(ms, Ordering::Relaxed);
    }
}

impl Activity {
    /// Resolves once no byte moved for `idle`.
    pub async fn idle_for(&self, idle: Duration) {
        loop {
            let last = self.started + Duration::from_millis(self.last_ms.load(Ordering::Relaxed));
            let deadline = last + idle;
            if Instant::now() >= deadline {
                return;
            }
            tokio::time::sleep_until(deadline).await;
        }
    }
}

impl AsyncRead for Tracked {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        let before = buf.filled().len();
        let result = Pin::new(&mut self.inner).poll_read(cx, buf);
        if buf.filled().len() > before {
            self.touch();
        }
        result
    }
}

impl AsyncWrite for Tracked {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        let result = Pin::new(&mut self.inner).poll_write(cx, buf);
        if matches!(result, Poll::Ready(Ok(n)) if n > 0) {
            self.touch();
        }
        result
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

/// Answers a connection over the cap with a `503` and closes it (bounded to one second).
pub async fn refuse(mut stream: TcpStream, limit: usize) {
    let body = serde_json::json!({
        "RequestId": crate::rpc::new_request_id(),
        "HostId": stream.local_addr().map(|a| a.to_string()).unwrap_or_default(),
        "Code": "ServiceUnavailable",
        "Message": format!("The emulator has {limit} open connections, its limit: close one and retry."),
        "Recommend": "",
    })
    .to_string();
    let response = format!(
        "HTTP/1.1 503 Service Unavailable\r\ncontent-type: application/json;charset=utf-8\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
        body.len()
    );
    let _ = tokio::time::timeout(Duration::from_secs(1), async {
        let _ = stream.write_all(response.as_bytes()).await;
        let _ = stream.shutdown().await;
    })
    .await;
}
