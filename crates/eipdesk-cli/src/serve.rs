//! `serve PROFILE`: a credentials endpoint on 127.0.0.1 in the format the official credential
//! libraries read from `ALIBABA_CLOUD_CREDENTIALS_URI`. The path carries a random token, so
//! another local user who finds the port still gets 404. Each request returns the profile's
//! current temporary credentials (a role is assumed again shortly before its session
//! expires). The format has no place for a long-term AccessKey, so AccessKey profiles are
//! refused up front.

use std::io::Write;
use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use eipdesk_core::profiles::{ModeSettings, ProfileId};
use serde_json::json;

use crate::context::Context;
use crate::creds;
use crate::error::CliError;

struct Served {
    ctx: Context,
    profile: ProfileId,
    token: String,
}

/// Serves until interrupted. The first line on stdout is `ALIBABA_CLOUD_CREDENTIALS_URI=<url>`.
pub async fn serve(ctx: Context, name: Option<&str>, port: u16) -> Result<(), CliError> {
    let profile = ctx.profile(name)?.clone();
    match &profile.settings {
        ModeSettings::AccessKey => {
            return Err(CliError::Unsuitable(format!(
                "profile {:?} holds a long-term AccessKey; the ALIBABA_CLOUD_CREDENTIALS_URI \
                 format carries only temporary STS credentials (AccessKeyId, AccessKeySecret, \
                 SecurityToken, Expiration). Use `eipdesk-cli exec` for this profile, or serve a \
                 RAM role profile",
                profile.name
            )));
        }
        ModeSettings::StsToken { expiration: None } => {
            return Err(CliError::Unsuitable(format!(
                "profile {:?} has an STS token without a known expiry, which the \
                 ALIBABA_CLOUD_CREDENTIALS_URI format requires",
                profile.name
            )));
        }
        _ => {}
    }
    // Fail now, not on the first request, when the credentials cannot be had or are not
    // temporary ones with an expiry (an External command may print an AccessKey).
    let first = creds::resolve(&ctx, &profile).await?;
    if creds::uri_document(&first).is_none() {
        return Err(CliError::Unsuitable(format!(
            "profile {:?} yields credentials without a security token and expiry, which the \
             ALIBABA_CLOUD_CREDENTIALS_URI format requires",
            profile.name
        )));
    }
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port))
        .await
        .map_err(|e| CliError::Other(format!("could not listen on 127.0.0.1:{port}: {e}")))?;
    let addr = listener
        .local_addr()
        .map_err(|e| CliError::Other(e.to_string()))?;
    let token = uuid::Uuid::new_v4().simple().to_string();
    let url = format!("http://{addr}/{token}");
    {
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "ALIBABA_CLOUD_CREDENTIALS_URI={url}");
        let _ = out.flush();
    }
    eprintln!(
        "Serving temporary credentials of profile {:?}; stop with Ctrl-C.",
        profile.name
    );
    let state = Arc::new(Served {
        ctx,
        profile: profile.id,
        token,
    });
    let app = axum::Router::new()
        .route("/{token}", axum::routing::get(credentials))
        .with_state(state);
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown())
        .await
        .map_err(|e| CliError::Other(e.to_string()))
}

async fn credentials(State(s): State<Arc<Served>>, Path(token): Path<String>) -> Response {
    if token != s.token {
        return StatusCode::NOT_FOUND.into_response();
    }
    let result = match s.ctx.store.get(&s.profile) {
        Ok(profile) => creds::resolve(&s.ctx, profile).await,
        Err(e) => Err(e.into()),
    };
    match result.map(|c| creds::uri_document(&c)) {
        Ok(Some(doc)) => axum::Json(doc).into_response(),
        Ok(None) => failure("the profile yielded no temporary credentials".into()),
        Err(e) => failure(e.to_string()),
    }
}

fn failure(message: String) -> Response {
    let body = json!({ "Code": "Failure", "Message": message });
    (StatusCode::INTERNAL_SERVER_ERROR, axum::Json(body)).into_response()
}

async fn shutdown() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let mut term = match signal(SignalKind::terminate()) {
            Ok(s) => s,
            Err(_) => return std::future::pending().await,
        };
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            _ = term.recv() => {}
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}
