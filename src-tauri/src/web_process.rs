//! Keeps the window usable when its web content process dies (a WebKit renderer crash, the
//! OOM killer): the backend keeps running with its state (runs, inventory, session), so the
//! window is reloaded and picks everything up again through its commands and events. Each
//! crash is logged. A renderer that keeps dying is not reloaded in a loop: after
//! [`MAX_RELOADS`] crashes within [`WINDOW`] the window stays as it is and the log says why.

use std::time::{Duration, Instant};

/// At most this many reloads…
const MAX_RELOADS: usize = 3;
/// …within this span.
const WINDOW: Duration = Duration::from_secs(60);

/// Whether to reload after a crash at `now`, given the earlier crash times (which it updates).
fn should_reload(crashes: &mut Vec<Instant>, now: Instant) -> bool {
    crashes.retain(|t| now.duration_since(*t) < WINDOW);
    crashes.push(now);
    crashes.len() <= MAX_RELOADS
}

/// Watches `window`'s web process and reloads the page when it dies.
#[cfg(target_os = "linux")]
pub fn reload_when_it_dies<R: tauri::Runtime>(window: &tauri::WebviewWindow<R>) {
    use std::cell::RefCell;
    use webkit2gtk::WebViewExt as _;

    let watched = window.with_webview(|platform| {
        let view: webkit2gtk::WebView = platform.inner();
        let crashes = RefCell::new(Vec::new());
        view.connect_web_process_terminated(move |view, reason| {
            if should_reload(&mut crashes.borrow_mut(), Instant::now()) {
                tracing::error!(
                    ?reason,
                    "the window's web process died; reloading the window (the backend kept its state)"
                );
                view.reload();
            } else {
                tracing::error!(
                    ?reason,
                    crashes = MAX_RELOADS + 1,
                    "the window's web process keeps dying; not reloading again (restart EIP Desk)"
                );
            }
        });
    });
    if let Err(e) = watched {
        tracing::warn!(error = %e, "cannot watch the window's web process");
    }
}

/// Other platforms' webviews recover on their own or have no such signal.
#[cfg(not(target_os = "linux"))]
pub fn reload_when_it_dies<R: tauri::Runtime>(_window: &tauri::WebviewWindow<R>) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reloads_a_few_times_then_stops_until_the_crashes_age_out() {
        let start = Instant::now();
        let mut crashes = Vec::new();
        let at = |s: u64| start + Duration::from_secs(s);
        assert!(should_reload(&mut crashes, at(0)));
        assert!(should_reload(&mut crashes, at(1)));
        assert!(should_reload(&mut crashes, at(2)));
        assert!(
            !should_reload(&mut crashes, at(3)),
            "a fourth crash within a minute"
        );
        assert!(
            should_reload(&mut crashes, at(200)),
            "an old streak is forgotten"
        );
    }
}
