//! The RPC pipeline for one request: product (by `Version`) → action → authentication →
//! throttling → faults → settle transitions → idempotency → handler → save → render → log.

use std::time::Duration;

use axum::body::Body as HttpBody;
use axum::extract::{Request, State};
use http::Response;

use crate::actions::{self, ActionDef, Ctx};
use crate::app::EmulatorState;
use crate::auth::{self, AuthContext, Caller};
use crate::protocol::{ApiError, Body, Format, Product, RpcRequest, render};
use crate::reqlog::{LogEntry, clip};
use crate::state::idempotency::{self, Lookup};
use crate::state::transitions;

/// Largest body accepted.
pub const MAX_BODY: usize = 4 * 1024 * 1024;

/// Marker extension: the server must close the connection instead of answering.
#[derive(Debug, Clone, Copy)]
pub struct DropConnection;

/// A fresh `RequestId` in Alibaba's upper-case UUID form.
pub fn new_request_id() -> String {
    uuid::Uuid::new_v4().to_string().to_ascii_uppercase()
}

/// The axum handler for `/` (GET and POST). The body must arrive within the configured
/// body timeout and fit in [`MAX_BODY`].
pub async fn handle(State(state): State<EmulatorState>, request: Request) -> Response<HttpBody> {
    let (parts, body) = request.into_parts();
    let deadline = state.inner.limits.body_timeout;
    let read = tokio::time::timeout(deadline, axum::body::to_bytes(body, MAX_BODY)).await;
    let bytes = match read {
        Ok(Ok(b)) => b,
        Ok(Err(_)) => {
            let err = ApiError::bad(
                "InvalidParameter",
                "The request body is too large or could not be read.",
            );
            return render::error(
                Format::Json,
                &new_request_id(),
                &host_id(&parts),
                None,
                &err,
            );
        }
        Err(_) => {
            let err = ApiError::new(
                408,
                "RequestTimeout",
                "The request body was not received in time.",
            );
            return render::error(
                Format::Json,
                &new_request_id(),
                &host_id(&parts),
                None,
                &err,
            );
        }
    };
    let req = RpcRequest::parse(&parts.method, &parts.uri, &parts.headers, bytes);
    state.process(&req).await
}

/// `HEAD`, `PUT`, `DELETE`, ... on `/`: `405` (`UnsupportedHTTPMethod`), nothing run; a
/// `HEAD` answer has no body.
pub async fn refuse_method(request: Request) -> Response<HttpBody> {
    let (parts, _) = request.into_parts();
    let err = ApiError::new(
        405,
        "UnsupportedHTTPMethod",
        format!(
            "The HTTP method {} is not supported: use GET or POST.",
            parts.method
        ),
    );
    let mut response = render::error(
        Format::Json,
        &new_request_id(),
        &host_id(&parts),
        None,
        &err,
    );
    response.headers_mut().insert(
        http::header::ALLOW,
        http::HeaderValue::from_static("GET, POST"),
    );
    if parts.method == http::Method::HEAD {
        response.headers_mut().remove(http::header::CONTENT_LENGTH);
        *response.body_mut() = HttpBody::empty();
    }
    response
}

/// Any path but `/` and `/_emulator/…`: `404` with an Alibaba-style body.
pub async fn unknown_path(request: Request) -> Response<HttpBody> {
    let (parts, _) = request.into_parts();
    render::error(
        Format::Json,
        &new_request_id(),
        &host_id(&parts),
        None,
        &ApiError::action_not_found(),
    )
}

/// The `HostId` of an error answered before the request is parsed: its `Host` header.
pub fn host_id(parts: &http::request::Parts) -> String {
    parts
        .headers
        .get(http::header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("127.0.0.1")
        .to_string()
}

/// Longest `ClientToken` accepted.
pub const MAX_CLIENT_TOKEN: usize = 64;

/// `InvalidParameter` for a `ClientToken` that is not 1–64 ASCII characters.
fn check_client_token(token: &str) -> Result<(), ApiError> {
    if token.len() > MAX_CLIENT_TOKEN || !token.is_ascii() {
        return Err(ApiError::invalid_param(
            "ClientToken",
            "It must be at most 64 ASCII characters.",
        ));
    }
    Ok(())
}

struct Outcome {
    product: Option<Product>,
    action: Option<&'static ActionDef>,
    caller: Option<Caller>,
    result: Result<Body, ApiError>,
    latency_ms: u64,
    drop: bool,
    mutated: bool,
}

impl EmulatorState {
    /// Runs one parsed request through the pipeline: the call is applied, logged and its
    /// response rendered at once, then held for the injected latency (so a client that
    /// gives up while waiting still finds its call in the request log, and rendering is part
    /// of the server's time, as it is in the cloud), saved if it changed state, and sent.
    pub async fn process(&self, req: &RpcRequest) -> Response<HttpBody> {
        let request_id = new_request_id();
        let outcome = self.run(req);
        let format = req.format();
        let host = req.host_id();
        let (status, code) = match &outcome.result {
            Ok(_) => (200, "OK".to_string()),
            Err(e) => (e.status, e.code.clone()),
        };
        self.log(
            req,
            &outcome,
            &request_id,
            if outcome.drop { 0 } else { status },
            code,
        );
        let name = outcome.action.map_or("", |a| a.name);
        let mut response = match outcome.result {
            Ok(body) => render::success(format, name, &request_id, body),
            Err(e) => render::error(format, &request_id, &host, outcome.product, &e),
        };
        if outcome.drop {
            response.extensions_mut().insert(DropConnection);
        }
        if outcome.latency_ms > 0 {
            tokio::time::sleep(Duration::from_millis(outcome.latency_ms)).await;
        }
        if outcome.mutated {
            self.mark_dirty();
        }
        response
    }

    fn run(&self, req: &RpcRequest) -> Outcome {
        let mut out = Outcome {
            product: None,
            action: None,
            caller: None,
            result: Ok(Body::default()),
            latency_ms: 0,
            drop: false,
            mutated: false,
        };
        out.result = self.run_inner(req, &mut out);
        out
    }

    fn run_inner(&self, req: &RpcRequest, out: &mut Outcome) -> Result<Body, ApiError> {
        let shared = &self.inner;
        let version = req.version().ok_or_else(|| ApiError::missing("Version"))?;
        let product = Product::from_version(version).ok_or_else(|| {
            ApiError::bad(
                "InvalidVersion",
                format!("Specified parameter Version \u{201c}{version}\u{201d} is not valid."),
            )
        })?;
        out.product = Some(product);
        let name = req.action().ok_or_else(|| ApiError::missing("Action"))?;
        let def = actions::find(product, name).ok_or_else(ApiError::action_not_found)?;
        out.action = Some(def);
        let handler = match def.handler {
            actions::Handler::Anonymous(h) => return self.run_anonymous(req, out, def.name, h),
            actions::Handler::Signed(h) => h,
        };

        let window = shared.settings.read().timestamp_window;
        let caller = auth::authenticate(
            req,
            |ak| shared.directory.lock().lookup(ak),
            &shared.nonces,
            AuthContext {
                wall_now: time::OffsetDateTime::now_utc(),
                clock_ms: shared.clock.now_ms(),
                window,
            },
        )?;
        out.caller = Some(caller.clone());

        let now_ms = shared.clock.now_ms();
        shared
            .throttles
            .lock()
            .check(&caller.account_id, def.name, now_ms)
            .map_err(ApiError::throttled)?;
        let decision = shared.faults.lock().decide(def.name);
        out.latency_ms = decision.latency_ms;
        out.drop = decision.drop;
        if let Some(e) = decision.error {
            return Err(e);
        }

        let mut world = shared.world.lock();
        transitions::settle(&mut world, &caller.account_id, now_ms);
        let token = req.params.get("ClientToken").filter(|_| def.mutating);
        if let Some(t) = token {
            check_client_token(t)?;
        }
        let idem = token.map(|t| {
            let business = req.params.business();
            (
                idempotency::key(&caller.account_id, def.name, t),
                idempotency::fingerprint(&business),
            )
        });
        if let Some((key, fp)) = &idem {
            match world.idempotency.lookup(key, fp, now_ms) {
                Lookup::Replay(body) => return Ok(body.into()),
                Lookup::Mismatch => return Err(ApiError::idempotent_mismatch()),
                Lookup::Fresh => {}
            }
        }
        let settings = shared.settings.read();
        let mut ctx = Ctx {
            world: &mut world,
            directory: &shared.directory,
            caller: &caller,
            params: &req.params,
            now_ms,
            settings: &settings,
        };
        let body = handler(&mut ctx)?;
        if def.mutating {
            out.mutated = true;
            if let Some((key, fp)) = idem {
                world
                    .idempotency
                    .record(key, fp, body.clone().into_map(), now_ms);
            }
        }
        Ok(body)
    }

    /// An anonymous action: faults apply; authentication, throttling and idempotency do not.
    fn run_anonymous(
        &self,
        req: &RpcRequest,
        out: &mut Outcome,
        name: &str,
        handler: fn(&actions::AnonCtx<'_>) -> actions::ActionResult,
    ) -> Result<Body, ApiError> {
        let shared = &self.inner;
        let decision = shared.faults.lock().decide(name);
        out.latency_ms = decision.latency_ms;
        out.drop = decision.drop;
        if let Some(e) = decision.error {
            return Err(e);
        }
        let settings = shared.settings.read();
        handler(&actions::AnonCtx {
            directory: &shared.directory,
            params: &req.params,
            now_ms: shared.clock.now_ms(),
            settings: &settings,
        })
    }

    fn log(
        &self,
        req: &RpcRequest,
        outcome: &Outcome,
        request_id: &str,
        status: u16,
        code: String,
    ) {
        let shared = &self.inner;
        let access_key_id = outcome.caller.as_ref().map_or_else(
            || {
                req.params
                    .get("AccessKeyId")
                    .map(str::to_string)
                    .or_else(|| {
                        req.header("authorization")
                            .and_then(alicloud_api::signing::parse_v3_authorization)
                            .map(|a| a.access_key_id)
                    })
                    .unwrap_or_default()
            },
            |c| c.access_key_id.clone(),
        );
        let signature = if req.is_v3() {
            "V3"
        } else if req.params.get("Signature").is_some() {
            "V1"
        } else {
            ""
        };
        // Unauthenticated requests keep no parameters; every text is clipped.
        let params = if outcome.caller.is_some() {
            req.params
                .business_pairs()
                .map(|(k, v)| (clip(k), clip(v)))
                .collect()
        } else {
            Default::default()
        };
        let entry = LogEntry {
            seq: 0,
            time: auth::timestamp::format_ms(shared.clock.now_ms()),
            action: outcome
                .action
                .map(|a| a.name.to_string())
                .or_else(|| req.action().map(clip))
                .unwrap_or_default(),
            version: clip(req.version().unwrap_or("")),
            account_id: outcome
                .caller
                .as_ref()
                .map(|c| c.account_id.clone())
                .unwrap_or_default(),
            access_key_id: clip(&access_key_id),
            region_id: clip(req.params.get("RegionId").unwrap_or("")),
            params,
            client_token: req.params.get("ClientToken").map(clip),
            status,
            code,
            request_id: request_id.to_string(),
            signature: signature.to_string(),
        };
        shared.log.lock().push(entry);
    }
}
