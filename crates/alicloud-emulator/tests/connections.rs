//! Issue 13 (5): connection hygiene over real TCP on 127.0.0.1: idle connections and stalled
//! bodies are closed, and connections beyond the cap get a clear refusal. Each wait is bounded
//! (a closed connection reads EOF long before the 10 s guard).

use std::net::SocketAddr;
use std::time::Duration;

use alicloud_emulator::{ConnectionLimits, EmulatorConfig, RunningEmulator, start};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const GUARD: Duration = Duration::from_secs(10);

async fn emulator(max_connections: usize) -> RunningEmulator {
    let config = EmulatorConfig {
        connections: ConnectionLimits {
            header_timeout: Duration::from_millis(300),
            idle_timeout: Duration::from_millis(300),
            body_timeout: Duration::from_millis(300),
            max_connections,
        },
        ..EmulatorConfig::default()
    };
    start(config, "127.0.0.1:0".parse().unwrap()).await.unwrap()
}

/// Reads until the server closes; `None` if it did not within the guard.
async fn until_closed(s: &mut TcpStream) -> Option<String> {
    let mut out = Vec::new();
    match tokio::time::timeout(GUARD, s.read_to_end(&mut out)).await {
        Ok(_) => Some(String::from_utf8_lossy(&out).into_owned()),
        Err(_) => None,
    }
}

async fn connect(addr: SocketAddr) -> TcpStream {
    TcpStream::connect(addr).await.unwrap()
}

#[tokio::test]
async fn idle_connections_and_stalled_requests_are_closed() {
    let emu = emulator(16).await;
    // Silent from the start.
    let mut idle = connect(emu.local_addr()).await;
    assert!(
        until_closed(&mut idle).await.is_some(),
        "idle connection kept open"
    );
    // Headers that never end.
    let mut slow = connect(emu.local_addr()).await;
    slow.write_all(b"GET /_emulator/health HTTP/1.1\r\nHost: x\r\n")
        .await
        .unwrap();
    assert!(
        until_closed(&mut slow).await.is_some(),
        "half-sent headers kept open"
    );
    // A body that never finishes.
    let mut stalled = connect(emu.local_addr()).await;
    stalled
        .write_all(
            b"POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nAction=Desc",
        )
        .await
        .unwrap();
    let answer = until_closed(&mut stalled)
        .await
        .expect("stalled body kept open");
    assert!(
        answer.is_empty() || answer.starts_with("HTTP/1.1 408"),
        "{answer}"
    );
    // A keep-alive connection is closed once idle after its answer.
    let mut kept = connect(emu.local_addr()).await;
    kept.write_all(b"GET /_emulator/health HTTP/1.1\r\nHost: x\r\n\r\n")
        .await
        .unwrap();
    let answer = until_closed(&mut kept).await.expect("keep-alive kept open");
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    emu.shutdown().await;
}

#[tokio::test]
async fn connections_over_the_cap_are_refused_clearly() {
    let emu = emulator(3).await;
    let mut held = Vec::new();
    for _ in 0..3 {
        let mut s = connect(emu.local_addr()).await;
        // Keep each one busy so it is surely accepted before the next.
        s.write_all(b"GET /_emulator/health HTTP/1.1\r\nHost: x\r\n\r\n")
            .await
            .unwrap();
        let mut buf = [0u8; 12];
        s.read_exact(&mut buf).await.unwrap();
        assert_eq!(&buf, b"HTTP/1.1 200");
        held.push(s);
    }
    let mut extra = connect(emu.local_addr()).await;
    let answer = until_closed(&mut extra).await.expect("refusal closes");
    assert!(answer.starts_with("HTTP/1.1 503"), "{answer}");
    assert!(
        answer.contains("\"Code\":\"ServiceUnavailable\""),
        "{answer}"
    );
    assert!(answer.contains("limit"), "{answer}");
    drop(held);
    // Once they are gone (closed by the client), new connections are served again.
    let mut again = None;
    for _ in 0..50 {
        let mut s = connect(emu.local_addr()).await;
        s.write_all(b"GET /_emulator/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            .await
            .unwrap();
        let text = until_closed(&mut s).await.unwrap_or_default();
        if text.starts_with("HTTP/1.1 200") {
            again = Some(text);
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(
        again.is_some(),
        "served again after the held connections closed"
    );
    emu.shutdown().await;
}
