//! How the window's WebView paints. WebKitGTK composites pages with OpenGL by default; where
//! that GL is software (Mesa's llvmpipe: Xvfb, virtual machines and remote desktops without a
//! GPU, where administrators often run this tool) compositing the first table costs about two
//! seconds of CPU and some 100 MiB across the app's processes (`cargo xtask bench startup`,
//! two busy cores: first table 3.5 s composited, 1.8 s not; process tree RSS 549 vs 444 MiB).
//! EIP Desk's pages are tables and forms that WebKit paints quickly without compositing, so
//! it is off unless `EIPDESK_WEBVIEW_GPU=1` asks for WebKit's default.

/// The environment variable that keeps WebKit's default (GPU compositing on demand).
pub const GPU_ENV: &str = "EIPDESK_WEBVIEW_GPU";

/// Whether the WebView should keep WebKit's default compositing, given `EIPDESK_WEBVIEW_GPU`.
fn wants_gpu(value: Option<&str>) -> bool {
    value == Some("1")
}

/// Turns compositing off for `window`'s WebView (see the module docs).
#[cfg(target_os = "linux")]
pub fn configure<R: tauri::Runtime>(window: &tauri::WebviewWindow<R>) {
    use webkit2gtk::{HardwareAccelerationPolicy, SettingsExt as _, WebViewExt as _};

    if wants_gpu(std::env::var(GPU_ENV).ok().as_deref()) {
        tracing::info!("{GPU_ENV}=1: the WebView keeps GPU compositing");
        return;
    }
    let set = window.with_webview(|platform| {
        let view: webkit2gtk::WebView = platform.inner();
        if let Some(settings) = view.settings() {
            settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
        }
    });
    if let Err(e) = set {
        tracing::warn!(error = %e, "cannot set the WebView's compositing policy");
    }
}

/// Other platforms' webviews composite on the GPU they have.
#[cfg(not(target_os = "linux"))]
pub fn configure<R: tauri::Runtime>(_window: &tauri::WebviewWindow<R>) {}

#[cfg(test)]
mod tests {
    use super::wants_gpu;

    #[test]
    fn only_an_explicit_1_keeps_gpu_compositing() {
        assert!(wants_gpu(Some("1")));
        assert!(!wants_gpu(None));
        assert!(!wants_gpu(Some("0")));
        assert!(!wants_gpu(Some("yes")));
    }
}
