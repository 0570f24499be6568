//! The RPC wire protocol: turning an HTTP request into an [`RpcRequest`] (query, form body,
//! headers, action, version, format) and the product a version names.

pub mod body;
pub mod error;
pub mod params;
pub mod render;
pub mod xml;

use bytes::Bytes;
use http::{HeaderMap, Method, Uri};

pub use body::{Body, Rendered};
pub use error::ApiError;
pub use params::Params;

/// The cloud product a request addresses, chosen by its `Version`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Product {
    /// VPC API 2016-04-28 (EIPs, VPCs, vSwitches).
    Vpc,
    /// ECS API 2014-05-26 (ENIs, instances).
    Ecs,
    /// STS API 2015-04-01.
    Sts,
}

impl Product {
    /// The product a `Version` string names.
    pub fn from_version(version: &str) -> Option<Self> {
        match version {
            "2016-04-28" => Some(Self::Vpc),
            "2014-05-26" => Some(Self::Ecs),
            "2015-04-01" => Some(Self::Sts),
            _ => None,
        }
    }

    /// The product code used in `Recommend` links.
    pub fn code(self) -> &'static str {
        match self {
            Self::Vpc => "Vpc",
            Self::Ecs => "Ecs",
            Self::Sts => "Sts",
        }
    }
}

/// Response format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `application/json`.
    Json,
    /// `text/xml`.
    Xml,
}

/// A parsed RPC request.
#[derive(Debug, Clone)]
pub struct RpcRequest {
    /// HTTP method, upper case.
    pub method: String,
    /// URL path (`/` for RPC).
    pub path: String,
    /// Decoded query pairs, in order.
    pub query: Vec<(String, String)>,
    /// Decoded form-body pairs (only for `application/x-www-form-urlencoded` bodies).
    pub form: Vec<(String, String)>,
    /// Headers with lower-case names (non-UTF-8 values are skipped).
    pub headers: Vec<(String, String)>,
    /// The raw body.
    pub body: Bytes,
    /// Query and form merged (form wins).
    pub params: Params,
}

impl RpcRequest {
    /// Parses the parts of an HTTP request. Malformed query strings or bodies are tolerated
    /// (the pairs that parse are kept), like a lenient gateway.
    pub fn parse(method: &Method, uri: &Uri, headers: &HeaderMap, body: Bytes) -> Self {
        let query = parse_pairs(uri.query().unwrap_or(""));
        let header_pairs: Vec<(String, String)> = headers
            .iter()
            .filter_map(|(k, v)| {
                v.to_str()
                    .ok()
                    .map(|v| (k.as_str().to_ascii_lowercase(), v.to_string()))
            })
            .collect();
        let is_form = headers
            .get(http::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|ct| {
                ct.to_ascii_lowercase()
                    .starts_with("application/x-www-form-urlencoded")
            });
        let form = if is_form && !body.is_empty() {
            parse_pairs(std::str::from_utf8(&body).unwrap_or(""))
        } else {
            Vec::new()
        };
        let params = Params::from_pairs(query.iter().chain(form.iter()));
        Self {
            method: method.as_str().to_ascii_uppercase(),
            path: uri.path().to_string(),
            query,
            form,
            headers: header_pairs,
            body,
            params,
        }
    }

    /// First value of a header (name in any case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// `Action` from the parameters or the `x-acs-action` header.
    pub fn action(&self) -> Option<&str> {
        self.params
            .get("Action")
            .or_else(|| self.header("x-acs-action").filter(|v| !v.is_empty()))
    }

    /// `Version` from the parameters or the `x-acs-version` header.
    pub fn version(&self) -> Option<&str> {
        self.params
            .get("Version")
            .or_else(|| self.header("x-acs-version").filter(|v| !v.is_empty()))
    }

    /// Whether the request carries a V3 `Authorization` header.
    pub fn is_v3(&self) -> bool {
        self.header("authorization")
            .is_some_and(|a| a.trim_start().starts_with("ACS3-"))
    }

    /// The response format: `Format` (any case) wins; otherwise JSON for V3 and for clients
    /// that accept JSON, XML for bare V1 requests (the RPC default).
    pub fn format(&self) -> Format {
        match self.params.get("Format") {
            Some(f) if f.eq_ignore_ascii_case("xml") => Format::Xml,
            Some(f) if f.eq_ignore_ascii_case("json") => Format::Json,
            _ if self.is_v3() => Format::Json,
            _ if self
                .header("accept")
                .is_some_and(|a| a.contains("application/json")) =>
            {
                Format::Json
            }
            _ if self.params.get("Signature").is_some() => Format::Xml,
            _ => Format::Json,
        }
    }

    /// The `HostId` to report: the `Host` header, as the real gateway echoes the endpoint.
    pub fn host_id(&self) -> String {
        self.header("host").unwrap_or("127.0.0.1").to_string()
    }
}

fn parse_pairs(input: &str) -> Vec<(String, String)> {
    if let Ok(pairs) = serde_urlencoded::from_str::<Vec<(String, String)>>(input) {
        return pairs;
    }
    input
        .split('&')
        .filter_map(|part| serde_urlencoded::from_str::<Vec<(String, String)>>(part).ok())
        .flatten()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(uri: &str, headers: &[(&str, &str)], body: &str) -> RpcRequest {
        let mut map = HeaderMap::new();
        for (k, v) in headers {
            map.append(
                http::HeaderName::from_bytes(k.as_bytes()).unwrap(),
                v.parse().unwrap(),
            );
        }
        RpcRequest::parse(
            &Method::POST,
            &uri.parse().unwrap(),
            &map,
            Bytes::from(body.to_string()),
        )
    }

    #[test]
    fn query_form_and_headers_merge() {
        let r = request(
            "/?Action=DescribeEipAddresses&RegionId=cn-hangzhou&Format=json",
            &[("Content-Type", "application/x-www-form-urlencoded")],
            "PageSize=5&RegionId=cn-shanghai&Name=a%20b+c",
        );
        assert_eq!(r.action(), Some("DescribeEipAddresses"));
        assert_eq!(r.params.get("RegionId"), Some("cn-shanghai"));
        assert_eq!(r.params.get("Name"), Some("a b c"));
        assert_eq!(r.format(), Format::Json);
    }

    #[test]
    fn action_and_version_from_headers() {
        let r = request(
            "/?RegionId=cn-hangzhou",
            &[
                ("x-acs-action", "DescribeRegions"),
                ("x-acs-version", "2014-05-26"),
                (
                    "Authorization",
                    "ACS3-HMAC-SHA256 Credential=a,SignedHeaders=host,Signature=b",
                ),
            ],
            "",
        );
        assert_eq!(r.action(), Some("DescribeRegions"));
        assert_eq!(
            Product::from_version(r.version().unwrap()),
            Some(Product::Ecs)
        );
        assert_eq!(r.format(), Format::Json);
    }

    #[test]
    fn format_any_case_and_v1_default() {
        assert_eq!(request("/?Format=xMl", &[], "").format(), Format::Xml);
        assert_eq!(request("/?Signature=x", &[], "").format(), Format::Xml);
        assert_eq!(
            request("/?Signature=x", &[("Accept", "application/json")], "").format(),
            Format::Json
        );
    }

    #[test]
    fn json_body_is_not_form() {
        let r = request(
            "/",
            &[("Content-Type", "application/json")],
            r#"{"RegionId":"x"}"#,
        );
        assert!(r.form.is_empty());
    }
}
