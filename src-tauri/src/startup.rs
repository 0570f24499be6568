//! Start-up off the main thread. `EipDesk::start` (the Sandbox emulator, the profiles, the
//! keychain) runs on the async runtime while GTK initialises and the WebView loads the UI, so
//! the window paints its shell at once. Until the desk is managed, the [`Gate`] holds the
//! window's IPC calls in arrival order and runs them as soon as it opens (or answers them with
//! the start-up error), so no command ever sees an unmanaged `EipDesk`.

use eipdesk_core::api::ErrorDto;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use tauri::Runtime;
use tauri::ipc::Invoke;

/// How many of the window's first IPC calls go on the start-up timeline, each with its
/// command: enough to show the round trips before the first table.
const TIMELINE_CALLS: usize = 12;

/// The invoke handler the gate forwards to once the desk is ready.
pub type Handler<R> = Box<dyn Fn(Invoke<R>) -> bool + Send + Sync>;

enum Phase<R: Runtime> {
    /// The desk is starting: calls wait here, oldest first.
    Starting(Vec<Invoke<R>>),
    Ready,
    /// The desk could not start: every call gets this error.
    Failed(ErrorDto),
}

/// Holds IPC calls until the desk is managed; see the module docs.
pub struct Gate<R: Runtime> {
    phase: Mutex<Phase<R>>,
    handler: Handler<R>,
    /// How many calls were logged on the start-up timeline (the first [`TIMELINE_CALLS`]).
    logged_calls: AtomicUsize,
}

impl<R: Runtime> std::fmt::Debug for Gate<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let phase = match &*self.lock() {
            Phase::Starting(queue) => format!("starting ({} calls waiting)", queue.len()),
            Phase::Ready => "ready".into(),
            Phase::Failed(e) => format!("failed: {}", e.code),
        };
        f.debug_struct("Gate").field("phase", &phase).finish()
    }
}

impl<R: Runtime> Gate<R> {
    pub fn new(handler: Handler<R>) -> Self {
        Self {
            phase: Mutex::new(Phase::Starting(Vec::new())),
            handler,
            logged_calls: AtomicUsize::new(0),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Phase<R>> {
        self.phase
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The app's invoke handler: runs the call now, queues it, or answers the start-up error.
    /// Always `true`: a queued call's unknown command is answered when it runs.
    pub fn handle(&self, invoke: Invoke<R>) -> bool {
        if self.logged_calls.fetch_add(1, Ordering::Relaxed) < TIMELINE_CALLS {
            crate::timeline::mark(&format!("IPC call {}", invoke.message.command()));
        }
        let mut phase = self.lock();
        match &mut *phase {
            Phase::Starting(queue) => {
                queue.push(invoke);
                true
            }
            Phase::Ready => {
                drop(phase);
                self.run(invoke)
            }
            Phase::Failed(e) => {
                invoke.resolver.reject(e.clone());
                true
            }
        }
    }

    /// Opens the gate: `Ok` once the desk is managed, `Err` when it could not start. The
    /// waiting calls run (or are rejected) in the order they arrived. A call arriving while
    /// they drain runs at once: IPC calls are independent requests (async ones run
    /// concurrently anyway), so only "after the desk is ready" matters.
    pub fn open(&self, outcome: Result<(), ErrorDto>) {
        let next = match &outcome {
            Ok(()) => Phase::Ready,
            Err(e) => Phase::Failed(e.clone()),
        };
        let queued = match std::mem::replace(&mut *self.lock(), next) {
            Phase::Starting(queue) => queue,
            Phase::Ready | Phase::Failed(_) => return,
        };
        for invoke in queued {
            match &outcome {
                Err(e) => invoke.resolver.reject(e.clone()),
                Ok(()) => {
                    let resolver = invoke.resolver.clone();
                    let command = invoke.message.command().to_string();
                    if !self.run(invoke) {
                        resolver.reject(format!("Command {command} not found"));
                    }
                }
            }
        }
    }

    fn run(&self, invoke: Invoke<R>) -> bool {
        (self.handler)(invoke)
    }
}

#[cfg(test)]
impl<R: Runtime> Gate<R> {
    /// How many calls are waiting for the desk.
    fn waiting(&self) -> usize {
        match &*self.lock() {
            Phase::Starting(queue) => queue.len(),
            _ => 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Gate;
    use eipdesk_core::api::{EipDesk, ErrorDto};
    use serde_json::{Value, json};
    use std::sync::Arc;
    use std::time::{Duration, Instant};
    use tauri::ipc::{CallbackFn, InvokeBody};
    use tauri::test::{INVOKE_KEY, MockRuntime, get_ipc_response, mock_builder};
    use tauri::webview::InvokeRequest;
    use tauri::{Manager, WebviewWindow};

    type Gated = Arc<Gate<MockRuntime>>;

    /// A mock app whose IPC goes through a gate that is still closed (no desk managed).
    fn app() -> (tauri::App<MockRuntime>, WebviewWindow<MockRuntime>, Gated) {
        let gate: Gated = Arc::new(Gate::new(Box::new(crate::ipc::invoke_handler())));
        let handler = gate.clone();
        let app = mock_builder()
            .invoke_handler(move |invoke| handler.handle(invoke))
            .build(tauri::generate_context!())
            .unwrap();
        let webview = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .unwrap();
        (app, webview, gate)
    }

    fn call(webview: &WebviewWindow<MockRuntime>, cmd: &str) -> Result<Value, Value> {
        get_ipc_response(
            webview,
            InvokeRequest {
                cmd: cmd.into(),
                callback: CallbackFn(0),
                error: CallbackFn(1),
                url: "tauri://localhost".parse().unwrap(),
                body: InvokeBody::Json(json!({})),
                headers: Default::default(),
                invoke_key: INVOKE_KEY.to_string(),
            },
        )
        .map(|body| body.deserialize::<Value>().unwrap())
    }

    /// Calls `cmd` on another thread (the answer may wait for the gate) and waits until the
    /// gate holds `queued` calls.
    fn call_while_starting(
        webview: &WebviewWindow<MockRuntime>,
        gate: &Gated,
        cmd: &'static str,
        queued: usize,
    ) -> std::thread::JoinHandle<Result<Value, Value>> {
        let webview = webview.clone();
        let answer = std::thread::spawn(move || call(&webview, cmd));
        let deadline = Instant::now() + Duration::from_secs(10);
        while gate.waiting() < queued {
            assert!(Instant::now() < deadline, "the call never reached the gate");
            std::thread::sleep(Duration::from_millis(5));
        }
        answer
    }

    #[test]
    fn a_call_made_while_the_desk_starts_is_answered_once_it_is_ready() {
        let (app, webview, gate) = app();
        let answer = call_while_starting(&webview, &gate, "app_info", 1);
        let dir = tempfile::tempdir().unwrap();
        let desk = tauri::async_runtime::block_on(EipDesk::start(dir.path())).unwrap();
        app.manage(desk);
        gate.open(Ok(()));
        let info = answer
            .join()
            .unwrap()
            .expect("app_info answers after start-up");
        assert_eq!(info["version"], env!("CARGO_PKG_VERSION"));
        assert_eq!(info["environment"], "sandbox");
        // Once open, calls run at once.
        assert_eq!(gate.waiting(), 0);
        assert!(call(&webview, "app_info").is_ok());
    }

    #[test]
    fn a_failed_start_answers_every_call_with_its_error() {
        let (_app, webview, gate) = app();
        let answer = call_while_starting(&webview, &gate, "app_info", 1);
        let failure = ErrorDto {
            kind: eipdesk_core::api::ErrorKind::Internal,
            code: "SandboxFailed".into(),
            message: "the Sandbox emulator could not start".into(),
            request_id: None,
            hint: None,
            ..Default::default()
        };
        gate.open(Err(failure.clone()));
        let queued: ErrorDto = serde_json::from_value(answer.join().unwrap().unwrap_err()).unwrap();
        assert_eq!(queued, failure);
        let later: ErrorDto =
            serde_json::from_value(call(&webview, "active_profile").unwrap_err()).unwrap();
        assert_eq!(later, failure);
    }
}
