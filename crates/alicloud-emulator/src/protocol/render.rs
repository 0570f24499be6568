//! Success and error bodies as JSON or XML, with the headers real gateways send
//! (`x-acs-request-id`, and `x-acs-retry-after` when throttled).

use axum::body::Body as HttpBody;
use http::{HeaderValue, Response, StatusCode};
use serde_json::Value;

use super::{ApiError, Body, Format, Product, xml};

/// Exact content types: the official SDKs compare the XML one literally.
pub const JSON_CONTENT_TYPE: &str = "application/json;charset=utf-8";
/// See [`JSON_CONTENT_TYPE`].
pub const XML_CONTENT_TYPE: &str = "text/xml;charset=utf-8";

/// A success response: `body` plus `RequestId`.
pub fn success(
    format: Format,
    action: &str,
    request_id: &str,
    mut body: Body,
) -> Response<HttpBody> {
    body.fields
        .insert("RequestId".into(), Value::String(request_id.to_string()));
    let text = match format {
        Format::Json => body.to_json(),
        Format::Xml => xml::to_xml(
            &format!("{action}Response"),
            &Value::Object(body.into_map()),
        )
        .into_bytes(),
    };
    respond(format, StatusCode::OK, text, request_id, None)
}

/// The error body: `RequestId`, `HostId`, `Code`, `Message`, `Recommend`.
pub fn error_body(
    request_id: &str,
    host_id: &str,
    product: Option<Product>,
    err: &ApiError,
) -> Value {
    let product = product.map_or("", Product::code);
    serde_json::json!({
        "RequestId": request_id,
        "HostId": host_id,
        "Code": err.code,
        "Message": err.message,
        "Recommend": format!(
            "https://api.aliyun.com/troubleshoot?q={}&product={product}&requestId={request_id}",
            err.code
        ),
    })
}

/// An error response.
pub fn error(
    format: Format,
    request_id: &str,
    host_id: &str,
    product: Option<Product>,
    err: &ApiError,
) -> Response<HttpBody> {
    let status = StatusCode::from_u16(err.status).unwrap_or(StatusCode::BAD_REQUEST);
    let value = error_body(request_id, host_id, product, err);
    let text = match format {
        // `to_vec` writes straight into a buffer (`to_string` goes through `fmt`).
        Format::Json => serde_json::to_vec(&value).unwrap_or_default(),
        Format::Xml => xml::to_xml("Error", &value).into_bytes(),
    };
    respond(format, status, text, request_id, err.retry_after_ms)
}

fn respond(
    format: Format,
    status: StatusCode,
    text: Vec<u8>,
    request_id: &str,
    retry_after_ms: Option<u64>,
) -> Response<HttpBody> {
    let content_type = match format {
        Format::Json => JSON_CONTENT_TYPE,
        Format::Xml => XML_CONTENT_TYPE,
    };
    let mut response = Response::new(HttpBody::from(text));
    *response.status_mut() = status;
    let headers = response.headers_mut();
    headers.insert(
        http::header::CONTENT_TYPE,
        HeaderValue::from_static(content_type),
    );
    if let Ok(v) = HeaderValue::from_str(request_id) {
        headers.insert("x-acs-request-id", v);
    }
    if let Some(ms) = retry_after_ms {
        headers.insert("x-acs-retry-after", HeaderValue::from(ms));
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;
    use http_body_util::BodyExt;
    use serde_json::Map;

    async fn text(r: Response<HttpBody>) -> String {
        String::from_utf8(r.into_body().collect().await.unwrap().to_bytes().to_vec()).unwrap()
    }

    #[tokio::test]
    async fn error_has_every_field() {
        let err = ApiError::throttled(250);
        let r = error(
            Format::Json,
            "RID",
            "vpc.aliyuncs.com",
            Some(Product::Vpc),
            &err,
        );
        assert_eq!(r.status(), 400);
        assert_eq!(r.headers()["x-acs-retry-after"], "250");
        let v: Value = serde_json::from_str(&text(r).await).unwrap();
        for key in ["RequestId", "HostId", "Code", "Message", "Recommend"] {
            assert!(v.get(key).is_some(), "{key}");
        }
        assert_eq!(v["Code"], "Throttling.User");
    }

    #[tokio::test]
    async fn xml_success_and_error() {
        let mut body = Map::new();
        body.insert("TotalCount".into(), 0.into());
        let r = success(Format::Xml, "DescribeVpcs", "RID", body.into());
        assert_eq!(r.headers()["content-type"], XML_CONTENT_TYPE);
        let t = text(r).await;
        assert!(t.contains("<DescribeVpcsResponse><RequestId>RID</RequestId><TotalCount>0</TotalCount></DescribeVpcsResponse>"));
        let r = error(Format::Xml, "RID", "h", None, &ApiError::action_not_found());
        assert_eq!(r.status(), 404);
        assert!(
            text(r)
                .await
                .contains("<Error><Code>InvalidAction.NotFound</Code>")
        );
    }
}
