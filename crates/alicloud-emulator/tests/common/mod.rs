//! Test helpers: a signing client (V1 or V3, built on `alicloud_api::signing`) that drives the
//! emulator's router with `tower::ServiceExt::oneshot`, no socket needed.
#![allow(dead_code)]

use alicloud_api::signing;
use alicloud_emulator::{
    DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET, Delays, EmulatorConfig, EmulatorState, Seed,
};
use axum::body::Body;
use http::Request;
use http_body_util::BodyExt as _;
use serde_json::Value;
use tower::ServiceExt as _;

pub const VPC: &str = "2016-04-28";
pub const ECS: &str = "2014-05-26";
pub const STS: &str = "2015-04-01";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sig {
    V1,
    V3,
}

#[derive(Debug, Clone)]
pub struct Client {
    pub state: EmulatorState,
    pub ak: String,
    pub secret: String,
    pub token: Option<String>,
    pub sig: Sig,
    /// Overrides the timestamp sent (else now).
    pub timestamp: Option<String>,
    /// Overrides the nonce sent (else random).
    pub nonce: Option<String>,
    /// `Format` sent by V1 (default JSON).
    pub format: String,
}

#[derive(Debug, Clone)]
pub struct Reply {
    pub status: u16,
    pub headers: http::HeaderMap,
    pub text: String,
    pub json: Value,
    pub dropped: bool,
}

impl Reply {
    pub fn code(&self) -> &str {
        self.json["Code"].as_str().unwrap_or("")
    }
}

pub fn now() -> String {
    alicloud_emulator::auth::timestamp::format_utc(time::OffsetDateTime::now_utc())
}

/// A state with the demo seed and zero delays unless told otherwise.
pub fn state_with(seed: Seed, delays: Delays) -> EmulatorState {
    EmulatorState::new(&EmulatorConfig {
        seed,
        delays,
        ..EmulatorConfig::default()
    })
    .unwrap()
}

pub fn demo() -> Client {
    Client::new(state_with(Seed::Demo, Delays::uniform(0)), Sig::V3)
}

/// Demo seed with one-hour transitions: statuses stay transitional until the clock is advanced.
pub fn slow() -> Client {
    Client::new(state_with(Seed::Demo, Delays::uniform(3_600_000)), Sig::V3)
}

pub const HZ: (&str, &str) = ("RegionId", "cn-hangzhou");

/// The first item of a Describe list.
pub fn first<'a>(v: &'a Value, outer: &str, inner: &str) -> &'a Value {
    &v[outer][inner][0]
}

impl Client {
    pub fn new(state: EmulatorState, sig: Sig) -> Self {
        Self {
            state,
            ak: DEMO_ACCESS_KEY_ID.into(),
            secret: DEMO_ACCESS_KEY_SECRET.into(),
            token: None,
            sig,
            timestamp: None,
            nonce: None,
            format: "JSON".into(),
        }
    }

    pub fn with_sig(&self, sig: Sig) -> Self {
        Self {
            sig,
            ..self.clone()
        }
    }

    pub fn with_key(&self, ak: &str, secret: &str, token: Option<&str>) -> Self {
        Self {
            ak: ak.into(),
            secret: secret.into(),
            token: token.map(str::to_string),
            ..self.clone()
        }
    }

    pub fn build(&self, version: &str, action: &str, params: &[(&str, &str)]) -> Request<Body> {
        let nonce = self
            .nonce
            .clone()
            .unwrap_or_else(|| uuid::Uuid::new_v4().simple().to_string());
        let ts = self.timestamp.clone().unwrap_or_else(now);
        let mut query: Vec<(String, String)> = params
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        match self.sig {
            Sig::V1 => {
                for (k, v) in [
                    ("Action", action),
                    ("Version", version),
                    ("Format", self.format.as_str()),
                    ("AccessKeyId", self.ak.as_str()),
                    ("SignatureMethod", "HMAC-SHA1"),
                    ("SignatureVersion", "1.0"),
                    ("SignatureNonce", nonce.as_str()),
                    ("Timestamp", ts.as_str()),
                ] {
                    query.push((k.into(), v.into()));
                }
                if let Some(t) = &self.token {
                    query.push(("SecurityToken".into(), t.clone()));
                }
                let sts = signing::v1_string_to_sign("GET", &query);
                query.push((
                    "Signature".into(),
                    signing::v1_signature(&self.secret, &sts),
                ));
                Request::get(format!("/?{}", signing::canonical_query(&query)))
                    .body(Body::empty())
                    .unwrap()
            }
            Sig::V3 => {
                let mut headers: Vec<(String, String)> = vec![
                    ("host".into(), "127.0.0.1:8080".into()),
                    ("x-acs-action".into(), action.into()),
                    ("x-acs-version".into(), version.into()),
                    ("x-acs-date".into(), ts),
                    ("x-acs-signature-nonce".into(), nonce),
                    (
                        "x-acs-content-sha256".into(),
                        signing::EMPTY_PAYLOAD_SHA256.into(),
                    ),
                    ("accept".into(), "application/json".into()),
                ];
                if let Some(t) = &self.token {
                    headers.push(("x-acs-security-token".into(), t.clone()));
                }
                let signed: Vec<String> = headers.iter().map(|(k, _)| k.clone()).collect();
                let canonical = signing::v3_canonical_request(&signing::V3Input {
                    method: "POST",
                    path: "/",
                    query: &query,
                    headers: &headers,
                    signed_headers: &signed,
                    payload_hash: signing::EMPTY_PAYLOAD_SHA256,
                });
                let sig =
                    signing::v3_signature(&self.secret, &signing::v3_string_to_sign(&canonical));
                let mut b = Request::post(format!("/?{}", signing::canonical_query(&query)));
                for (k, v) in &headers {
                    b = b.header(k, v);
                }
                b.header(
                    "authorization",
                    signing::v3_authorization(&self.ak, &signed, &sig),
                )
                .body(Body::empty())
                .unwrap()
            }
        }
    }

    pub async fn send(&self, req: Request<Body>) -> Reply {
        let resp = alicloud_emulator::router(self.state.clone())
            .oneshot(req)
            .await
            .unwrap();
        let status = resp.status().as_u16();
        let dropped = resp
            .extensions()
            .get::<alicloud_emulator::rpc::DropConnection>()
            .is_some();
        let headers = resp.headers().clone();
        let bytes = resp.into_body().collect().await.unwrap().to_bytes();
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let json = serde_json::from_str(&text).unwrap_or(Value::Null);
        Reply {
            status,
            headers,
            text,
            json,
            dropped,
        }
    }

    pub async fn call(&self, version: &str, action: &str, params: &[(&str, &str)]) -> Reply {
        self.send(self.build(version, action, params)).await
    }

    /// `DescribeEipAddresses` of one EIP in cn-hangzhou (Null when gone).
    pub async fn eip(&self, id: &str) -> Value {
        let v = self
            .ok(VPC, "DescribeEipAddresses", &[HZ, ("AllocationId", id)])
            .await;
        v["EipAddresses"]["EipAddress"][0].clone()
    }

    /// `DescribeNetworkInterfaces` of one ENI in cn-hangzhou (Null when gone).
    pub async fn eni(&self, id: &str) -> Value {
        let v = self
            .ok(
                ECS,
                "DescribeNetworkInterfaces",
                &[HZ, ("NetworkInterfaceId.1", id)],
            )
            .await;
        v["NetworkInterfaceSets"]["NetworkInterfaceSet"][0].clone()
    }

    pub fn control(&self) -> alicloud_emulator::Control {
        self.state.control()
    }

    /// Calls and asserts success.
    pub async fn ok(&self, version: &str, action: &str, params: &[(&str, &str)]) -> Value {
        let r = self.call(version, action, params).await;
        assert_eq!(r.status, 200, "{action} failed: {}", r.text);
        assert!(r.json["RequestId"].is_string(), "{action} lacks RequestId");
        r.json
    }

    /// Calls and asserts an error code and status.
    pub async fn err(
        &self,
        version: &str,
        action: &str,
        params: &[(&str, &str)],
        code: &str,
        status: u16,
    ) -> Reply {
        let r = self.call(version, action, params).await;
        assert_eq!(r.code(), code, "{action}: {}", r.text);
        assert_eq!(r.status, status, "{action}: {}", r.text);
        for k in ["RequestId", "HostId", "Code", "Message", "Recommend"] {
            assert!(r.json[k].is_string(), "{k} missing in {}", r.text);
        }
        r
    }
}
