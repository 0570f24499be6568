//! Serving over TCP: [`start`] binds, spawns the accept loop on the caller's tokio runtime and
//! returns a [`RunningEmulator`]. Connections are served by hyper directly (HTTP/1.1) so a
//! fault can close a connection without answering; their limits (header deadline, idle
//! watchdog, connection cap) come from [`ConnectionLimits`], see [`crate::conn`].

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use http::{Request, Response};
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use tokio::sync::{Semaphore, watch};
use tokio::task::JoinHandle;
use tower::ServiceExt as _;

use crate::app::EmulatorState;
use crate::config::{ConnectionLimits, EmulatorConfig, EmulatorError};
use crate::conn::{self, Tracked};
use crate::control::Control;
use crate::rpc::DropConnection;

/// The error a service returns to make hyper close the connection.
#[derive(Debug, thiserror::Error)]
#[error("connection dropped by fault injection")]
struct Dropped;

/// A running emulator. Dropping it stops the accept loop and saves unsaved changes;
/// [`RunningEmulator::shutdown`] also waits for open connections (up to 2 s).
#[derive(Debug)]
pub struct RunningEmulator {
    state: EmulatorState,
    addr: SocketAddr,
    stop: watch::Sender<bool>,
    task: Option<JoinHandle<()>>,
}

impl RunningEmulator {
    /// `http://127.0.0.1:PORT`.
    pub fn endpoint(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The bound address.
    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// In-process control (reset, faults, clock, ...).
    pub fn control(&self) -> Control {
        self.state.control()
    }

    /// The shared state (e.g. to build another [`crate::router`]).
    pub fn state(&self) -> EmulatorState {
        self.state.clone()
    }

    /// Stops accepting, lets open connections finish (2 s at most) and saves the state.
    pub async fn shutdown(mut self) {
        let _ = self.stop.send(true);
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
        self.state.save().await;
    }
}

impl Drop for RunningEmulator {
    /// Stops accepting; when [`RunningEmulator::shutdown`] was not called, also writes the
    /// changes the background writer has not saved yet (blocking, only if there are any).
    fn drop(&mut self) {
        let _ = self.stop.send(true);
        if self.task.is_some()
            && let Err(e) = self.state.save_blocking()
        {
            tracing::warn!(error = %e, "saving emulator state failed");
        }
    }
}

/// Starts an emulator on `addr` (`127.0.0.1:0` picks a free port) inside the current tokio
/// runtime.
pub async fn start(
    config: EmulatorConfig,
    addr: SocketAddr,
) -> Result<RunningEmulator, EmulatorError> {
    let state = EmulatorState::new(&config)?;
    let listener = tokio::net::TcpListener::bind(addr).await?;
    let addr = listener.local_addr()?;
    let (stop, stopped) = watch::channel(false);
    let app = crate::router(state.clone());
    let task = tokio::spawn(serve(listener, app, config.connections, stopped));
    tracing::info!(endpoint = %format!("http://{addr}"), "alicloud-emulator listening");
    Ok(RunningEmulator {
        state,
        addr,
        stop,
        task: Some(task),
    })
}

async fn serve(
    listener: tokio::net::TcpListener,
    app: Router,
    limits: ConnectionLimits,
    mut stopped: watch::Receiver<bool>,
) {
    let graceful = GracefulShutdown::new();
    let slots = Arc::new(Semaphore::new(limits.max_connections.max(1)));
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout);
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let Ok((stream, _)) = accepted else {
                    tokio::time::sleep(Duration::from_millis(10)).await;
                    continue;
                };
                let Ok(slot) = slots.clone().try_acquire_owned() else {
                    tokio::spawn(conn::refuse(stream, limits.max_connections));
                    continue;
                };
                let _ = stream.set_nodelay(true);
                let (stream, activity) = Tracked::new(stream);
                let app = app.clone();
                let service = hyper::service::service_fn(move |req: Request<Incoming>| {
                    let app = app.clone();
                    async move {
                        let response: Response<Body> = match app.oneshot(req.map(Body::new)).await {
                            Ok(r) => r,
                            Err(never) => match never {},
                        };
                        if response.extensions().get::<DropConnection>().is_some() {
                            Err::<Response<Body>, Dropped>(Dropped)
                        } else {
                            Ok(response)
                        }
                    }
                });
                let conn = http.serve_connection(TokioIo::new(stream), service);
                let conn = graceful.watch(conn);
                tokio::spawn(async move {
                    tokio::select! {
                        _ = conn => {}
                        () = activity.idle_for(limits.idle_timeout) => {}
                    }
                    drop(slot);
                });
            }
            _ = stopped.changed() => break,
        }
    }
    drop(listener);
    tokio::select! {
        () = graceful.shutdown() => {}
        () = tokio::time::sleep(Duration::from_secs(2)) => {}
    }
}
