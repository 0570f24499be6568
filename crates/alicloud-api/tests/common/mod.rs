//! A tiny fake Alibaba Cloud RPC server for the integration tests: it verifies V3 and V1
//! signatures exactly (with the crate's own signing primitives), records every request, and
//! answers with whatever the test's handler returns.

#![allow(dead_code)]

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Arc;

use alicloud_api::signing;
use axum::body::Bytes;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use parking_lot::Mutex;
use serde_json::{Value, json};

pub const AK: &str = "fake-ak-id";
pub const SECRET: &str = "fake-secret-for-tests";

/// One request as the server saw it.
#[derive(Debug, Clone)]
pub struct Recorded {
    pub action: String,
    pub query: Vec<(String, String)>,
    pub headers: Vec<(String, String)>,
    pub access_key_id: String,
    /// `V3` or `V1`.
    pub signature_version: &'static str,
    /// The signature the client sent.
    pub signature: String,
    /// How many requests for this action came before this one.
    pub index: usize,
}

impl Recorded {
    pub fn param(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// What the handler answers.
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Value,
    /// A raw body sent instead of `body` (for non-JSON answers).
    pub raw: Option<String>,
}

impl Reply {
    pub fn ok(mut body: Value) -> Self {
        if body.get("RequestId").is_none() {
            body["RequestId"] = json!("req-ok");
        }
        Reply {
            status: 200,
            headers: vec![],
            body,
            raw: None,
        }
    }
    pub fn error(status: u16, code: &str, message: &str) -> Self {
        Reply {
            status,
            headers: vec![],
            body: json!({"RequestId": format!("req-{code}"), "HostId": "fake.aliyuncs.com",
                "Code": code, "Message": message, "Recommend": "https://example.invalid/troubleshoot"}),
            raw: None,
        }
    }
    pub fn raw(status: u16, body: &str) -> Self {
        Reply {
            status,
            headers: vec![],
            body: Value::Null,
            raw: Some(body.to_string()),
        }
    }
    pub fn with_header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }
}

type Handler = dyn Fn(&Recorded) -> Reply + Send + Sync;

struct State {
    secrets: Mutex<HashMap<String, String>>,
    handler: Box<Handler>,
    requests: Mutex<Vec<Recorded>>,
}

pub struct FakeServer {
    pub base_url: String,
    state: Arc<State>,
}

impl FakeServer {
    /// Starts a server on 127.0.0.1 that knows the key `AK`/`SECRET`.
    pub async fn start(handler: impl Fn(&Recorded) -> Reply + Send + Sync + 'static) -> Self {
        let state = Arc::new(State {
            secrets: Mutex::new(HashMap::from([(AK.to_string(), SECRET.to_string())])),
            handler: Box::new(handler),
            requests: Mutex::new(Vec::new()),
        });
        let app_state = state.clone();
        let app = axum::Router::new().fallback(
            move |method: Method, uri: Uri, headers: HeaderMap, body: Bytes| {
                let state = app_state.clone();
                async move { handle(&state, method, uri, headers, body) }
            },
        );
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr: SocketAddr = listener.local_addr().unwrap();
        tokio::spawn(async move {
            axum::serve(listener, app).await.unwrap();
        });
        FakeServer {
            base_url: format!("http://{addr}"),
            state,
        }
    }

    /// Lets the server accept another key (e.g. STS credentials it handed out).
    pub fn add_key(&self, id: &str, secret: &str) {
        self.state
            .secrets
            .lock()
            .insert(id.to_string(), secret.to_string());
    }

    pub fn requests(&self) -> Vec<Recorded> {
        self.state.requests.lock().clone()
    }

    pub fn requests_for(&self, action: &str) -> Vec<Recorded> {
        self.requests()
            .into_iter()
            .filter(|r| r.action == action)
            .collect()
    }
}

fn handle(state: &State, method: Method, uri: Uri, headers: HeaderMap, body: Bytes) -> Response {
    if method != Method::POST || uri.path() != "/" || !body.is_empty() {
        return reply(Reply::error(
            400,
            "UnexpectedRequest",
            "POST / with an empty body expected",
        ));
    }
    let query: Vec<(String, String)> =
        url::form_urlencoded::parse(uri.query().unwrap_or("").as_bytes())
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
    let header_list: Vec<(String, String)> = headers
        .iter()
        .map(|(k, v)| (k.as_str().to_string(), v.to_str().unwrap_or("").to_string()))
        .collect();
    let verified = match headers.get("authorization").and_then(|v| v.to_str().ok()) {
        Some(auth) => verify_v3(state, auth, &query, &header_list),
        None => verify_v1(state, &query),
    };
    let (action, access_key_id, version, signature) = match verified {
        Ok(v) => v,
        Err(reply_err) => return reply(reply_err),
    };
    let recorded = {
        let mut requests = state.requests.lock();
        let index = requests.iter().filter(|r| r.action == action).count();
        let r = Recorded {
            action,
            query,
            headers: header_list,
            access_key_id,
            signature_version: version,
            signature,
            index,
        };
        requests.push(r.clone());
        r
    };
    reply((state.handler)(&recorded))
}

type Verified = (String, String, &'static str, String);

fn verify_v3(
    state: &State,
    auth: &str,
    query: &[(String, String)],
    headers: &[(String, String)],
) -> Result<Verified, Reply> {
    let parsed = signing::parse_v3_authorization(auth)
        .ok_or_else(|| Reply::error(400, "IncompleteSignature", "bad authorization"))?;
    let secret = state
        .secrets
        .lock()
        .get(&parsed.access_key_id)
        .cloned()
        .ok_or_else(|| {
            Reply::error(
                404,
                "InvalidAccessKeyId.NotFound",
                "Specified access key is not found.",
            )
        })?;
    for required in [
        "host",
        "x-acs-action",
        "x-acs-version",
        "x-acs-date",
        "x-acs-signature-nonce",
        "x-acs-content-sha256",
    ] {
        if !parsed.signed_headers.iter().any(|h| h == required) {
            return Err(Reply::error(400, "IncompleteSignature", required));
        }
    }
    let get = |name: &str| {
        headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let canonical = signing::v3_canonical_request(&signing::V3Input {
        method: "POST",
        path: "/",
        query,
        headers,
        signed_headers: &parsed.signed_headers,
        payload_hash: &get("x-acs-content-sha256"),
    });
    let expected = signing::v3_signature(&secret, &signing::v3_string_to_sign(&canonical));
    if expected != parsed.signature {
        return Err(Reply::error(
            400,
            "SignatureDoesNotMatch",
            "Specified signature is not matched with our calculation.",
        ));
    }
    Ok((
        get("x-acs-action"),
        parsed.access_key_id,
        "V3",
        parsed.signature,
    ))
}

fn verify_v1(state: &State, query: &[(String, String)]) -> Result<Verified, Reply> {
    let get = |name: &str| {
        query
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    };
    let id = get("AccessKeyId").ok_or_else(|| Reply::error(400, "MissingAccessKeyId", "no key"))?;
    let secret = state.secrets.lock().get(&id).cloned().ok_or_else(|| {
        Reply::error(
            404,
            "InvalidAccessKeyId.NotFound",
            "Specified access key is not found.",
        )
    })?;
    let signature =
        get("Signature").ok_or_else(|| Reply::error(400, "IncompleteSignature", "no signature"))?;
    for required in [
        "Action",
        "Version",
        "SignatureMethod",
        "SignatureVersion",
        "SignatureNonce",
        "Timestamp",
        "Format",
    ] {
        if get(required).is_none() {
            return Err(Reply::error(400, "MissingParameter", required));
        }
    }
    let unsigned: Vec<(String, String)> = query
        .iter()
        .filter(|(k, _)| k != "Signature")
        .cloned()
        .collect();
    let sts = signing::v1_string_to_sign("POST", &unsigned);
    if signing::v1_signature(&secret, &sts) != signature {
        return Err(Reply::error(
            400,
            "SignatureDoesNotMatch",
            &format!(
                "Specified signature is not matched with our calculation. server string to sign is:{sts}"
            ),
        ));
    }
    Ok((get("Action").unwrap_or_default(), id, "V1", signature))
}

fn reply(r: Reply) -> Response {
    let mut response =
        (StatusCode::from_u16(r.status).unwrap(), axum::Json(r.body)).into_response();
    for (k, v) in r.headers {
        response.headers_mut().insert(
            axum::http::HeaderName::from_bytes(k.as_bytes()).unwrap(),
            v.parse().unwrap(),
        );
    }
    response
}

/// A client for the fake server with static credentials, fast retries and no rate limit.
pub fn client(
    server: &FakeServer,
    version: alicloud_api::SignatureVersion,
) -> alicloud_api::Client {
    alicloud_api::Client::builder(Arc::new(alicloud_api::credentials::StaticCredentials::new(
        AK,
        alicloud_api::Secret::new(SECRET.into()),
    )))
    .endpoint_override(&server.base_url)
    .signature_version(version)
    .rate_limit(None)
    .retry_policy(fast_retries())
    .build()
    .unwrap()
}

pub fn fast_retries() -> alicloud_api::RetryPolicy {
    use std::time::Duration;
    alicloud_api::RetryPolicy {
        max_attempts: 4,
        base_delay: Duration::from_millis(5),
        max_delay: Duration::from_millis(50),
        invalid_state_deadline: Duration::from_millis(200),
        invalid_state_interval: Duration::from_millis(10),
    }
}

/// `n` fake EIPs.
pub fn eips(n: usize) -> Vec<Value> {
    (0..n)
        .map(|i| json!({"AllocationId": format!("eip-{i:04}"), "IpAddress": format!("47.0.{}.{}", i / 256, i % 256),
            "Status": "Available", "Bandwidth": "5", "RegionId": "cn-hangzhou", "Mode": "NAT"}))
        .collect()
}

/// A `DescribeEipAddresses` page handler over `all`.
pub fn eip_page(all: &[Value], r: &Recorded) -> Reply {
    let number: usize = r.param("PageNumber").unwrap_or("1").parse().unwrap();
    let size: usize = r.param("PageSize").unwrap_or("10").parse().unwrap();
    let page: Vec<Value> = all
        .iter()
        .skip((number - 1) * size)
        .take(size)
        .cloned()
        .collect();
    Reply::ok(
        json!({"TotalCount": all.len(), "PageNumber": number, "PageSize": size,
        "EipAddresses": {"EipAddress": page}}),
    )
}

/// Collects everything written by a `tracing` fmt subscriber.
#[derive(Clone, Default)]
pub struct LogBuffer(Arc<Mutex<Vec<u8>>>);

impl LogBuffer {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock()).into_owned()
    }
}

impl std::io::Write for LogBuffer {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A subscriber logging everything (TRACE, span open/close with fields) into the buffer.
pub fn log_subscriber(buffer: &LogBuffer) -> impl tracing::Subscriber + Send + Sync {
    let buffer = buffer.clone();
    tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_span_events(tracing_subscriber::fmt::format::FmtSpan::FULL)
        .with_ansi(false)
        .with_writer(move || buffer.clone())
        .finish()
}
