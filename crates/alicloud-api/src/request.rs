//! Turns one RPC call (product, action, parameters, credentials, nonce, timestamp) into the
//! exact HTTP request to send: URL query and headers, signed with V3 (`ACS3-HMAC-SHA256`) or
//! V1 (`HMAC-SHA1`). Pure: no I/O, no clock, so it is deterministic for tests and for
//! `alicloud-call --dry-run-sign`. The algorithms themselves live in [`crate::signing`].

use std::fmt;
use std::str::FromStr;

use time::OffsetDateTime;
use time::format_description::well_known::Iso8601;
use url::Url;

use crate::credentials::Credentials;
use crate::endpoints::host_header;
use crate::error::Error;
use crate::signing;

/// Which signature algorithm the client uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum SignatureVersion {
    /// `ACS3-HMAC-SHA256` in the `Authorization` header (the default, as in current SDKs).
    #[default]
    V3,
    /// `HMAC-SHA1`, `SignatureVersion=1.0`, `Signature` in the query (CLI, Terraform).
    V1,
}

impl FromStr for SignatureVersion {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "v3" | "3" | "acs3-hmac-sha256" => Ok(SignatureVersion::V3),
            "v1" | "1" | "1.0" | "hmac-sha1" => Ok(SignatureVersion::V1),
            other => Err(Error::Config(format!(
                "unknown signature version {other:?} (expected v3 or v1)"
            ))),
        }
    }
}

/// Everything a signed request is built from.
#[derive(Debug, Clone, Copy)]
pub struct SignInput<'a> {
    /// Signature algorithm.
    pub version: SignatureVersion,
    /// Base URL (scheme, host, port; path `/`).
    pub base_url: &'a Url,
    /// API action, e.g. `DescribeEipAddresses`.
    pub action: &'a str,
    /// API version, e.g. `2016-04-28`.
    pub api_version: &'a str,
    /// The action's parameters (already flattened, e.g. `NetworkInterfaceId.1`).
    pub params: &'a [(String, String)],
    /// Credentials to sign with.
    pub credentials: &'a Credentials,
    /// A value never used before (see [`new_nonce`]).
    pub nonce: &'a str,
    /// UTC `YYYY-MM-DDThh:mm:ssZ` (see [`format_timestamp`]).
    pub timestamp: &'a str,
}

/// A signed request, ready to send as `POST <url>` with `headers` and an empty body.
///
/// Its `Debug` shows only the method and host: the URL and headers can carry the signature
/// and the security token.
#[derive(Clone)]
pub struct SignedRequest {
    /// Always `POST`.
    pub method: &'static str,
    /// The full URL: base URL, path `/`, canonical (sorted, RFC 3986 encoded) query.
    pub url: String,
    /// The `host` header value that was signed.
    pub host: String,
    /// Headers to send (lower-case names), including `authorization` for V3.
    pub headers: Vec<(String, String)>,
    /// Every query parameter sent, decoded (V1: including `Signature`).
    pub query: Vec<(String, String)>,
    /// The intermediate values, for parity tests and debugging.
    pub trace: SignatureTrace,
}

impl fmt::Debug for SignedRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SignedRequest")
            .field("method", &self.method)
            .field("host", &self.host)
            .finish_non_exhaustive()
    }
}

/// Intermediate signing values. Printed only by `alicloud-call --dry-run-sign`.
#[derive(Clone, Default)]
pub struct SignatureTrace {
    /// V3 only: the canonical request.
    pub canonical_request: Option<String>,
    /// The string to sign.
    pub string_to_sign: String,
    /// The signature (V3 hex, V1 base64).
    pub signature: String,
    /// V3 only: the signed header names, sorted, lower-case.
    pub signed_headers: Vec<String>,
}

impl fmt::Debug for SignatureTrace {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SignatureTrace { .. }")
    }
}

/// A fresh signature nonce: 32 lower-case hex characters from a random UUID.
pub fn new_nonce() -> String {
    uuid::Uuid::new_v4().simple().to_string()
}

/// Formats `at` as the UTC `YYYY-MM-DDThh:mm:ssZ` the gateway expects.
pub fn format_timestamp(at: OffsetDateTime) -> String {
    crate::timestamp::format_utc(at, crate::timestamp::API)
}

/// Parses a `YYYY-MM-DDThh:mm:ssZ` (or any ISO 8601) timestamp, e.g. STS `Expiration`.
pub fn parse_timestamp(value: &str) -> Option<OffsetDateTime> {
    OffsetDateTime::parse(value.trim(), &Iso8601::DEFAULT).ok()
}

/// Builds and signs the request.
pub fn sign_request(input: &SignInput<'_>) -> SignedRequest {
    match input.version {
        SignatureVersion::V3 => sign_v3(input),
        SignatureVersion::V1 => sign_v1(input),
    }
}

/// Builds the request without credentials or signature, for anonymous actions
/// (`AssumeRoleWithOIDC`): the action, version, date and nonce in `x-acs-*` headers, the
/// parameters in the query, JSON asked for. `credentials` is ignored.
pub fn unsigned_request(input: &SignInput<'_>) -> SignedRequest {
    let host = host_header(input.base_url);
    let query = input.params.to_vec();
    let headers = vec![
        ("host".into(), host.clone()),
        ("accept".into(), "application/json".into()),
        ("x-acs-action".into(), input.action.into()),
        ("x-acs-version".into(), input.api_version.into()),
        ("x-acs-date".into(), input.timestamp.into()),
        ("x-acs-signature-nonce".into(), input.nonce.into()),
    ];
    SignedRequest {
        method: "POST",
        url: url_with_query(input.base_url, &query),
        host,
        headers,
        query,
        trace: SignatureTrace::default(),
    }
}

fn url_with_query(base: &Url, query: &[(String, String)]) -> String {
    let mut url = base.clone();
    url.set_path("/");
    url.set_query(None);
    let canonical = signing::canonical_query(query);
    if canonical.is_empty() {
        url.to_string()
    } else {
        format!("{url}?{canonical}")
    }
}

fn sign_v3(input: &SignInput<'_>) -> SignedRequest {
    let host = host_header(input.base_url);
    let creds = input.credentials;
    let mut headers: Vec<(String, String)> = vec![
        ("host".into(), host.clone()),
        ("x-acs-action".into(), input.action.into()),
        ("x-acs-version".into(), input.api_version.into()),
        ("x-acs-date".into(), input.timestamp.into()),
        ("x-acs-signature-nonce".into(), input.nonce.into()),
        (
            "x-acs-content-sha256".into(),
            signing::EMPTY_PAYLOAD_SHA256.into(),
        ),
    ];
    if let Some(token) = &creds.security_token {
        headers.push(("x-acs-accesskey-id".into(), creds.access_key_id.clone()));
        headers.push(("x-acs-security-token".into(), token.expose().to_string()));
    }
    let mut signed_headers: Vec<String> = headers.iter().map(|(k, _)| k.clone()).collect();
    signed_headers.sort();
    let query = input.params.to_vec();
    let canonical = signing::v3_canonical_request(&signing::V3Input {
        method: "POST",
        path: "/",
        query: &query,
        headers: &headers,
        signed_headers: &signed_headers,
        payload_hash: signing::EMPTY_PAYLOAD_SHA256,
    });
    let string_to_sign = signing::v3_string_to_sign(&canonical);
    let signature = signing::v3_signature(creds.access_key_secret.expose(), &string_to_sign);
    let authorization =
        signing::v3_authorization(&creds.access_key_id, &signed_headers, &signature);
    headers.push(("accept".into(), "application/json".into()));
    headers.push(("authorization".into(), authorization));
    SignedRequest {
        method: "POST",
        url: url_with_query(input.base_url, &query),
        host,
        headers,
        query,
        trace: SignatureTrace {
            canonical_request: Some(canonical),
            string_to_sign,
            signature,
            signed_headers,
        },
    }
}

fn sign_v1(input: &SignInput<'_>) -> SignedRequest {
    let host = host_header(input.base_url);
    let creds = input.credentials;
    let mut query = input.params.to_vec();
    let common = [
        ("Action", input.action),
        ("Version", input.api_version),
        ("Format", "JSON"),
        ("AccessKeyId", creds.access_key_id.as_str()),
        ("SignatureMethod", "HMAC-SHA1"),
        ("SignatureVersion", "1.0"),
        ("SignatureNonce", input.nonce),
        ("Timestamp", input.timestamp),
    ];
    for (k, v) in common {
        query.retain(|(name, _)| name != k);
        query.push((k.to_string(), v.to_string()));
    }
    if let Some(token) = &creds.security_token {
        query.retain(|(name, _)| name != "SecurityToken");
        query.push(("SecurityToken".into(), token.expose().to_string()));
    }
    query.retain(|(name, _)| name != "Signature");
    let string_to_sign = signing::v1_string_to_sign("POST", &query);
    let signature = signing::v1_signature(creds.access_key_secret.expose(), &string_to_sign);
    query.push(("Signature".into(), signature.clone()));
    let headers = vec![
        ("host".into(), host.clone()),
        ("accept".into(), "application/json".into()),
        ("x-acs-action".into(), input.action.into()),
        ("x-acs-version".into(), input.api_version.into()),
    ];
    SignedRequest {
        method: "POST",
        url: url_with_query(input.base_url, &query),
        host,
        headers,
        query,
        trace: SignatureTrace {
            canonical_request: None,
            string_to_sign,
            signature,
            signed_headers: Vec::new(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secret::Secret;

    fn creds(token: Option<&str>) -> Credentials {
        let mut c = Credentials::new("YourAccessKeyId", Secret::new("YourAccessKeySecret".into()));
        c.security_token = token.map(|t| Secret::new(t.into()));
        c
    }

    #[test]
    fn unsigned_requests_carry_no_credentials() {
        let base = Url::parse("https://sts.aliyuncs.com/").unwrap();
        let params = vec![("OIDCProviderArn".to_string(), "p".to_string())];
        let c = creds(Some("fake-token"));
        let r = unsigned_request(&SignInput {
            version: SignatureVersion::V3,
            base_url: &base,
            action: "AssumeRoleWithOIDC",
            api_version: "2015-04-01",
            params: &params,
            credentials: &c,
            nonce: "n",
            timestamp: "2026-01-01T00:00:00Z",
        });
        assert_eq!(r.url, "https://sts.aliyuncs.com/?OIDCProviderArn=p");
        let names: Vec<&str> = r.headers.iter().map(|(k, _)| k.as_str()).collect();
        assert!(names.contains(&"x-acs-action") && names.contains(&"x-acs-version"));
        assert!(!names.contains(&"authorization") && !names.contains(&"x-acs-security-token"));
        assert!(!format!("{:?}", r.headers).contains("YourAccessKey"));
    }

    #[test]
    fn v3_reproduces_the_official_vector() {
        let base = Url::parse("https://ecs.cn-shanghai.aliyuncs.com/").unwrap();
        let params = vec![
            (
                "ImageId".to_string(),
                "win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd".to_string(),
            ),
            ("RegionId".to_string(), "cn-shanghai".to_string()),
        ];
        let c = creds(None);
        let signed = sign_request(&SignInput {
            version: SignatureVersion::V3,
            base_url: &base,
            action: "RunInstances",
            api_version: "2014-05-26",
            params: &params,
            credentials: &c,
            nonce: "3156853299f313e23d1673dc12e1703d",
            timestamp: "2023-10-26T10:22:32Z",
        });
        let auth = &signed
            .headers
            .iter()
            .find(|(k, _)| k == "authorization")
            .unwrap()
            .1;
        assert_eq!(
            auth,
            "ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0"
        );
        assert_eq!(
            signed.url,
            "https://ecs.cn-shanghai.aliyuncs.com/?ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai"
        );
        assert_eq!(
            format!("{signed:?}"),
            "SignedRequest { method: \"POST\", host: \"ecs.cn-shanghai.aliyuncs.com\", .. }"
        );
    }

    #[test]
    fn v3_with_sts_signs_token_headers() {
        let base = Url::parse("http://127.0.0.1:8080").unwrap();
        let c = creds(Some("fake-token"));
        let signed = sign_request(&SignInput {
            version: SignatureVersion::V3,
            base_url: &base,
            action: "DescribeRegions",
            api_version: "2016-04-28",
            params: &[],
            credentials: &c,
            nonce: "n",
            timestamp: "2024-01-01T00:00:00Z",
        });
        assert_eq!(signed.host, "127.0.0.1:8080");
        assert_eq!(signed.url, "http://127.0.0.1:8080/");
        assert!(
            signed
                .trace
                .signed_headers
                .contains(&"x-acs-security-token".to_string())
        );
        assert!(
            signed
                .trace
                .signed_headers
                .contains(&"x-acs-accesskey-id".to_string())
        );
        let canonical = signed.trace.canonical_request.unwrap();
        assert!(canonical.contains("x-acs-security-token:fake-token\n"));
    }

    #[test]
    fn v1_reproduces_vector_a_shape_with_post() {
        let base = Url::parse("https://ecs.cn-beijing.aliyuncs.com/").unwrap();
        let params = vec![("RegionId".to_string(), "cn-beijing".to_string())];
        let mut c = creds(None);
        c.access_key_id = "testid".into();
        c.access_key_secret = Secret::new("testsecret".into());
        let signed = sign_request(&SignInput {
            version: SignatureVersion::V1,
            base_url: &base,
            action: "DescribeDedicatedHosts",
            api_version: "2014-05-26",
            params: &params,
            credentials: &c,
            nonce: "edb2b34af0af9a6d14deaf7c1a5315eb",
            timestamp: "2023-03-13T08:34:30Z",
        });
        // Vector A is GET; the same parameters signed as POST differ only in the method.
        assert!(signed.trace.string_to_sign.starts_with("POST&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeDedicatedHosts%26Format%3DJSON%26RegionId%3Dcn-beijing"));
        let get = signing::v1_string_to_sign("GET", &signed.query[..signed.query.len() - 1]);
        assert_eq!(
            signing::v1_signature("testsecret", &get),
            "9NaGiOspFP5UPcwX8Iwt2YJXXuk="
        );
        assert!(signed.url.contains("&Signature="));
    }

    #[test]
    fn v1_with_sts_puts_token_in_query() {
        let base = Url::parse("http://127.0.0.1:8080").unwrap();
        let c = creds(Some("fake-token"));
        let signed = sign_request(&SignInput {
            version: SignatureVersion::V1,
            base_url: &base,
            action: "DescribeRegions",
            api_version: "2016-04-28",
            params: &[],
            credentials: &c,
            nonce: "n",
            timestamp: "2024-01-01T00:00:00Z",
        });
        assert!(
            signed
                .query
                .iter()
                .any(|(k, v)| k == "SecurityToken" && v == "fake-token")
        );
        assert!(
            signed
                .trace
                .string_to_sign
                .contains("SecurityToken%3Dfake-token")
        );
    }

    #[test]
    fn timestamps_and_nonces() {
        let at = time::macros::datetime!(2023-03-13 08:34:30 UTC);
        assert_eq!(format_timestamp(at), "2023-03-13T08:34:30Z");
        assert_eq!(parse_timestamp("2023-03-13T08:34:30Z"), Some(at));
        assert_eq!(new_nonce().len(), 32);
        assert_ne!(new_nonce(), new_nonce());
        assert!("v1".parse::<SignatureVersion>().is_ok());
        assert!("v2".parse::<SignatureVersion>().is_err());
    }
}
