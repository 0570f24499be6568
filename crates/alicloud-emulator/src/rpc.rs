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
use crate::reqlog::LogEntry;
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

/// The axum handler for `/`.
pub async fn handle(State(state): State<EmulatorState>, request: Request) -> Response<HttpBody> {
    let (parts, body) = request.into_parts();
    let bytes = match axum::body::to_bytes(body, MAX_BODY).await {
        Ok(b) => b,
        Err(_) => {
            let err = ApiError::bad(
                "InvalidParameter",
                "The request body is too large or could not be read.",
            );
            return render::error(Format::Json, &new_request_id(), "", None, &err);
        }
    };
    let req = RpcRequest::parse(&parts.method, &parts.uri, &parts.headers, bytes);
    state.process(&req).await
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
            self.save().await;
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
        let body = (def.handler)(&mut ctx)?;
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
        let entry = LogEntry {
            seq: 0,
            time: auth::timestamp::format_ms(shared.clock.now_ms()),
            action: outcome
                .action
                .map(|a| a.name.to_string())
                .or_else(|| req.action().map(str::to_string))
                .unwrap_or_default(),
            version: req.version().unwrap_or("").to_string(),
            account_id: outcome
                .caller
                .as_ref()
                .map(|c| c.account_id.clone())
                .unwrap_or_default(),
            access_key_id,
            region_id: req.params.get("RegionId").unwrap_or("").to_string(),
            params: req.params.business(),
            client_token: req.params.get("ClientToken").map(str::to_string),
            status,
            code,
            request_id: request_id.to_string(),
            signature: signature.to_string(),
        };
        shared.log.lock().push(entry);
    }
}
