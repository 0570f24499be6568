//! The IPC boundary's machinery: the invoke handler generated from the commands, and the
//! argument checks that run before each command. The commands themselves live in
//! `commands/`; `spec.rs` reads them (at build time and in the contract tests).

pub mod args;
#[cfg(test)]
mod contract_tests;
#[cfg(test)]
mod malformed_tests;
// Compiled into build.rs too, where it generates code; the tests use part of it.
#[cfg(test)]
#[allow(dead_code)]
pub mod spec;

use args::ArgError;
use eipdesk_core::api::ErrorDto;
use tauri::Runtime;
use tauri::ipc::{Invoke, InvokeBody};

include!(concat!(env!("OUT_DIR"), "/ipc_handler.rs"));

/// The app's invoke handler: every command, behind its argument checks.
pub fn invoke_handler<R: Runtime>() -> impl Fn(Invoke<R>) -> bool + Send + Sync + 'static {
    let handler: fn(Invoke<R>) -> bool = app_invoke_handler!();
    move |invoke| checked(invoke, handler)
}

/// Runs `handler` for `invoke` once its arguments pass their checks; a failed check answers
/// the window with the typed error instead.
fn checked<R: Runtime>(invoke: Invoke<R>, handler: fn(Invoke<R>) -> bool) -> bool {
    if let InvokeBody::Json(args) = invoke.message.payload()
        && let Err(e) = check_args(invoke.message.command(), args)
    {
        tracing::debug!(command = invoke.message.command(), field = %e.field, "invalid IPC argument");
        invoke.resolver.reject(ErrorDto::from(e));
        return true;
    }
    handler(invoke)
}
