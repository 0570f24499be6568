//! One HTTP exchange: send a [`SignedRequest`], keep a 2xx body as bytes or turn the answer
//! into a typed error, and decode the bytes into response structs (straight from the bytes: a
//! listing page of 100 instances is some 280 KB, and no intermediate `Value` is built). Error
//! messages are scrubbed of secrets (a gateway's `SignatureDoesNotMatch` message echoes the
//! string to sign, which holds a V1 token).

use std::time::Duration;

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::credentials::Credentials;
use crate::error::{ApiError, Error};
use crate::request::SignedRequest;
use crate::signing::percent_encode;

/// The HTTP client plus the largest response body accepted (`None`: no limit).
#[derive(Clone)]
pub(crate) struct HttpClient {
    pub client: reqwest::Client,
    pub max_body: Option<usize>,
}

/// What came back from one attempt: a 2xx answer, not decoded yet.
pub(crate) struct Reply {
    pub status: u16,
    /// From the `x-acs-request-id` header, else from the body's `RequestId`.
    pub request_id: String,
    pub body: Vec<u8>,
}

/// Sends the request; `Ok` only for a 2xx answer.
pub(crate) async fn send(
    http: &HttpClient,
    signed: &SignedRequest,
    action: &str,
    credentials: &Credentials,
) -> Result<Reply, Error> {
    let mut builder = http.client.post(&signed.url).body(Vec::<u8>::new());
    // `host` is signed but not set by hand: the HTTP stack derives the same value from the
    // URL (HTTP/1 `Host`, HTTP/2 `:authority`), see `endpoints::host_header`.
    for (name, value) in signed.headers.iter().filter(|(name, _)| name != "host") {
        builder = builder.header(name.as_str(), value.as_str());
    }
    let response = builder
        .send()
        .await
        .map_err(|e| transport_error(action, e))?;
    let status = response.status().as_u16();
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    };
    let retry_after = header("x-acs-retry-after")
        .and_then(|v| v.trim().parse::<u64>().ok())
        .filter(|ms| *ms > 0)
        .map(Duration::from_millis);
    let header_request_id = header("x-acs-request-id");
    let bytes = read_body(response, http.max_body, action, &header_request_id).await?;
    if (200..300).contains(&status) {
        let body = bytes;
        let request_id = header_request_id.unwrap_or_else(|| body_request_id(&body));
        return Ok(Reply {
            status,
            request_id,
            body,
        });
    }
    let mut error = parse_api_error(status, &bytes, retry_after);
    if error.request_id.is_empty() {
        error.request_id = header_request_id.unwrap_or_default();
    }
    error.message = scrub(&error.message, credentials);
    Err(Error::Api(error))
}

/// Reads the body, refusing one larger than `limit` (announced or actual) without buffering
/// more than the limit. Too large is a [`Error::Decode`]: the answer came but cannot be used,
/// and asking again would fetch the same.
async fn read_body(
    mut response: reqwest::Response,
    limit: Option<usize>,
    action: &str,
    request_id: &Option<String>,
) -> Result<Vec<u8>, Error> {
    let Some(limit) = limit else {
        let bytes = response
            .bytes()
            .await
            .map_err(|e| transport_error(action, e))?;
        return Ok(Vec::from(bytes));
    };
    let too_large = || Error::Decode {
        action: action.to_string(),
        message: format!("the response body is larger than the limit of {limit} bytes"),
        request_id: request_id.clone().unwrap_or_default(),
    };
    if response
        .content_length()
        .is_some_and(|n| usize::try_from(n).map_or(true, |n| n > limit))
    {
        return Err(too_large());
    }
    let mut body = Vec::new();
    while let Some(chunk) = response
        .chunk()
        .await
        .map_err(|e| transport_error(action, e))?
    {
        if body.len() + chunk.len() > limit {
            return Err(too_large());
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

fn transport_error(action: &str, e: reqwest::Error) -> Error {
    let timeout = e.is_timeout();
    let e = e.without_url();
    let mut message = e.to_string();
    let mut source: Option<&dyn std::error::Error> = std::error::Error::source(&e);
    while let Some(cause) = source {
        message.push_str(": ");
        message.push_str(&cause.to_string());
        source = cause.source();
    }
    Error::Transport {
        action: action.to_string(),
        message,
        timeout,
        source: Some(Box::new(e)),
    }
}

/// Reads `{Code, Message, RequestId, HostId, Recommend}` (either key case). A body that is
/// not such JSON yields the code `HttpStatus.<status>` and the start of the body as message.
pub(crate) fn parse_api_error(status: u16, body: &[u8], retry_after: Option<Duration>) -> ApiError {
    let json = serde_json::from_slice::<Value>(body).ok();
    let field = |names: &[&str]| -> Option<String> {
        let obj = json.as_ref()?.as_object()?;
        names.iter().find_map(|n| match obj.get(*n)? {
            Value::String(s) => Some(s.clone()),
            Value::Null => None,
            other => Some(other.to_string()),
        })
    };
    let code = field(&["Code", "code"]).filter(|c| !c.is_empty());
    let message = field(&["Message", "message"]).unwrap_or_else(|| {
        if code.is_some() {
            String::new()
        } else {
            let text = String::from_utf8_lossy(body);
            text.chars().take(200).collect()
        }
    });
    ApiError {
        code: code.unwrap_or_else(|| format!("HttpStatus.{status}")),
        message,
        request_id: field(&["RequestId", "requestId"]).unwrap_or_default(),
        host_id: field(&["HostId", "hostId"]),
        recommend: field(&["Recommend", "recommend"]),
        http_status: status,
        retry_after,
    }
}

/// Removes secrets from a server message: the echoed string to sign, and the token or
/// secret in raw, encoded and double-encoded form.
pub(crate) fn scrub(message: &str, credentials: &Credentials) -> String {
    const ECHO: &str = "string to sign is:";
    let mut out = match message.find(ECHO) {
        Some(i) => format!("{}{ECHO} [omitted]", &message[..i]),
        None => message.to_string(),
    };
    let mut secrets = vec![credentials.access_key_secret.expose()];
    if let Some(token) = &credentials.security_token {
        secrets.push(token.expose());
    }
    for secret in secrets.into_iter().filter(|s| s.len() >= 4) {
        let once = percent_encode(secret);
        let twice = percent_encode(&once);
        for form in [twice.as_str(), once.as_str(), secret] {
            out = out.replace(form, crate::Secret::PLACEHOLDER);
        }
    }
    out
}

/// The `RequestId` member of a JSON body (empty when there is none).
fn body_request_id(body: &[u8]) -> String {
    #[derive(serde::Deserialize)]
    struct Envelope {
        #[serde(rename = "RequestId", default, deserialize_with = "crate::de::string")]
        request_id: String,
    }
    serde_json::from_slice::<Envelope>(body)
        .map(|e| e.request_id)
        .unwrap_or_default()
}

/// A 2xx body as JSON (for raw calls).
pub(crate) fn to_value(action: &str, reply: &Reply) -> Result<Value, Error> {
    serde_json::from_slice(&reply.body).map_err(|e| decode_error(action, reply, &e))
}

/// Removes `null` members recursively, so `#[serde(default)]` applies to them too.
fn strip_nulls(value: &mut Value) {
    match value {
        Value::Object(map) => {
            map.retain(|_, v| !v.is_null());
            map.values_mut().for_each(strip_nulls);
        }
        Value::Array(items) => items.iter_mut().for_each(strip_nulls),
        _ => {}
    }
}

/// Decodes a success body into `T`. A `null` member reads as an absent one (so
/// `#[serde(default)]` applies): a body with no `null` token at all, the usual case, is decoded
/// straight from its bytes; one with a `null` somewhere goes through `Value` to drop them.
pub(crate) fn decode<T: DeserializeOwned>(action: &str, reply: &Reply) -> Result<T, Error> {
    if memchr::memmem::find(&reply.body, b"null").is_none() {
        return serde_json::from_slice(&reply.body).map_err(|e| decode_error(action, reply, &e));
    }
    let mut value = to_value(action, reply)?;
    strip_nulls(&mut value);
    serde_json::from_value(value).map_err(|e| decode_error(action, reply, &e))
}

/// A 2xx answer that is not JSON, or not the JSON `action` answers with. Logged without the
/// message: serde quotes the offending value, and a response may hold credentials (STS).
fn decode_error(action: &str, reply: &Reply, e: &serde_json::Error) -> Error {
    tracing::warn!(action, request_id = %reply.request_id, "response could not be decoded");
    let message = if e.is_syntax() || e.is_eof() {
        format!("response is not JSON: {e}")
    } else {
        e.to_string()
    };
    Error::Decode {
        action: action.to_string(),
        message,
        request_id: reply.request_id.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secret::Secret;

    #[test]
    fn api_error_bodies() {
        let e = parse_api_error(
            404,
            br#"{"RequestId":"R1","HostId":"vpc.aliyuncs.com","Code":"InvalidAllocationId.NotFound","Message":"Specified allocation ID is not found","Recommend":"https://x"}"#,
            None,
        );
        assert_eq!(e.code, "InvalidAllocationId.NotFound");
        assert_eq!(e.request_id, "R1");
        assert_eq!(e.host_id.as_deref(), Some("vpc.aliyuncs.com"));
        assert_eq!(e.recommend.as_deref(), Some("https://x"));
        assert_eq!(e.http_status, 404);

        let lower = parse_api_error(
            400,
            br#"{"code":"Throttling","message":"m","requestId":"r"}"#,
            None,
        );
        assert_eq!(
            (lower.code.as_str(), lower.message.as_str()),
            ("Throttling", "m")
        );

        let html = parse_api_error(502, b"<html>bad gateway</html>", None);
        assert_eq!(html.code, "HttpStatus.502");
        assert_eq!(html.message, "<html>bad gateway</html>");
        assert_eq!(html.kind(), crate::ErrorKind::Transient);
    }

    #[test]
    fn scrub_removes_echoed_string_to_sign_and_tokens() {
        let mut c = Credentials::new("id", Secret::new("fake-secret-for-tests".into()));
        c.security_token = Some(Secret::new("tok/en+1".into()));
        let m = scrub(
            "Specified signature is not matched. server string to sign is:POST&%2F&SecurityToken%3Dtok%252Fen%252B1",
            &c,
        );
        assert_eq!(
            m,
            "Specified signature is not matched. server string to sign is: [omitted]"
        );
        let m = scrub(
            "token tok%2Fen%2B1 and tok/en+1 and fake-secret-for-tests",
            &c,
        );
        assert_eq!(m, "token [REDACTED] and [REDACTED] and [REDACTED]");
    }

    #[test]
    fn decode_ignores_nulls_and_reports_request_id() {
        #[derive(serde::Deserialize, Debug)]
        #[serde(rename_all = "PascalCase", default)]
        #[derive(Default)]
        struct R {
            name: String,
            count: i64,
        }
        let reply = |body: &str| Reply {
            status: 200,
            request_id: body_request_id(body.as_bytes()),
            body: body.as_bytes().to_vec(),
        };
        let r: R = decode("X", &reply(r#"{"Name": null, "Count": 3, "Other": 1}"#)).unwrap();
        assert_eq!((r.name.as_str(), r.count), ("", 3));
        let r: R = decode("X", &reply(r#"{"Name": "n", "Count": 3, "Other": [1]}"#)).unwrap();
        assert_eq!((r.name.as_str(), r.count), ("n", 3));
        let err = decode::<R>("X", &reply(r#"{"RequestId": "r9", "Count": "nope"}"#)).unwrap_err();
        assert_eq!(err.request_id(), Some("r9"));
        assert_eq!(err.kind(), crate::ErrorKind::Decode);
        let err = decode::<R>("X", &reply("<html>")).unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::Decode);
        assert!(err.to_string().contains("not JSON"), "{err}");
    }
}
