//! Signature checks for both algorithms, rebuilt from what was received with
//! `alicloud_api::signing`: V1 over every query and form parameter but `Signature`, V3 over the
//! canonical request named by the client's `SignedHeaders`.

use alicloud_api::signing;

use crate::protocol::{ApiError, RpcRequest};

/// `SignatureDoesNotMatch` with the server's string to sign, as real gateways report it.
pub fn mismatch(string_to_sign: &str) -> ApiError {
    ApiError::bad(
        "SignatureDoesNotMatch",
        format!(
            "Specified signature is not matched with our calculation. server string to sign is:{string_to_sign}"
        ),
    )
}

/// Verifies a V1 (HMAC-SHA1) signature.
pub fn v1(req: &RpcRequest, secret: &str, signature: &str) -> Result<(), ApiError> {
    let params: Vec<&(String, String)> = req
        .query
        .iter()
        .chain(req.form.iter())
        .filter(|(k, _)| k != "Signature")
        .collect();
    let pairs: Vec<(&str, &str)> = params
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let sts = signing::v1_string_to_sign(&req.method, &pairs);
    let expected = signing::v1_signature(secret, &sts);
    if constant_time_eq(expected.as_bytes(), signature.as_bytes()) {
        Ok(())
    } else {
        Err(mismatch(&sts))
    }
}

/// Headers a V3 request must sign when it carries them: every `x-acs-*`, `host` and
/// `content-type` (as the gateway requires: an unsigned one could be swapped in a captured
/// request). `IncompleteSignature` names the first one left out.
pub fn v3_signed_headers(req: &RpcRequest, signed_headers: &[String]) -> Result<(), ApiError> {
    let must_sign =
        |name: &str| name.starts_with("x-acs-") || name == "host" || name == "content-type";
    match req
        .headers
        .iter()
        .map(|(name, _)| name.as_str())
        .find(|name| {
            must_sign(name) && !signed_headers.iter().any(|s| s.eq_ignore_ascii_case(name))
        }) {
        Some(name) => Err(ApiError::bad(
            "IncompleteSignature",
            format!(
                "The request signature does not conform to Aliyun standards. Header \u{201c}{name}\u{201d} must be signed."
            ),
        )),
        None => Ok(()),
    }
}

/// Verifies a V3 (ACS3-HMAC-SHA256) signature; `signed_headers` come from `Authorization`.
pub fn v3(
    req: &RpcRequest,
    secret: &str,
    signed_headers: &[String],
    signature: &str,
) -> Result<(), ApiError> {
    let payload_hash = signing::sha256_hex(&req.body);
    let canonical = signing::v3_canonical_request(&signing::V3Input {
        method: &req.method,
        path: if req.path.is_empty() { "/" } else { &req.path },
        query: &req.query,
        headers: &req.headers,
        signed_headers,
        payload_hash: &payload_hash,
    });
    let sts = signing::v3_string_to_sign(&canonical);
    let expected = signing::v3_signature(secret, &sts);
    if constant_time_eq(
        expected.as_bytes(),
        signature.to_ascii_lowercase().as_bytes(),
    ) {
        Ok(())
    } else {
        Err(mismatch(&sts))
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use bytes::Bytes;
    use http::{HeaderMap, Method};

    #[test]
    fn v1_official_vector_verifies() {
        let uri = "/?AccessKeyId=testid&Action=DescribeDedicatedHosts&Format=JSON&RegionId=cn-beijing&SignatureMethod=HMAC-SHA1&SignatureNonce=edb2b34af0af9a6d14deaf7c1a5315eb&SignatureVersion=1.0&Timestamp=2023-03-13T08%3A34%3A30Z&Version=2014-05-26&Signature=9NaGiOspFP5UPcwX8Iwt2YJXXuk%3D";
        let req = RpcRequest::parse(
            &Method::GET,
            &uri.parse().unwrap(),
            &HeaderMap::new(),
            Bytes::new(),
        );
        assert!(v1(&req, "testsecret", "9NaGiOspFP5UPcwX8Iwt2YJXXuk=").is_ok());
        let err = v1(&req, "wrong", "9NaGiOspFP5UPcwX8Iwt2YJXXuk=").unwrap_err();
        assert_eq!(err.code, "SignatureDoesNotMatch");
        assert!(
            err.message
                .contains("server string to sign is:GET&%2F&AccessKeyId%3Dtestid")
        );
    }

    #[test]
    fn v3_official_vector_verifies() {
        let uri =
            "/?ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai";
        let mut headers = HeaderMap::new();
        for (k, v) in [
            ("host", "ecs.cn-shanghai.aliyuncs.com"),
            ("x-acs-action", "RunInstances"),
            ("x-acs-content-sha256", signing::EMPTY_PAYLOAD_SHA256),
            ("x-acs-date", "2023-10-26T10:22:32Z"),
            ("x-acs-signature-nonce", "3156853299f313e23d1673dc12e1703d"),
            ("x-acs-version", "2014-05-26"),
            ("user-agent", "not-signed"),
        ] {
            headers.insert(k, v.parse().unwrap());
        }
        let req = RpcRequest::parse(&Method::POST, &uri.parse().unwrap(), &headers, Bytes::new());
        let signed: Vec<String> = [
            "host",
            "x-acs-action",
            "x-acs-content-sha256",
            "x-acs-date",
            "x-acs-signature-nonce",
            "x-acs-version",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let sig = "06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0";
        assert!(v3(&req, "YourAccessKeySecret", &signed, sig).is_ok());
        assert!(v3_signed_headers(&req, &signed).is_ok());
        // Issue 13 (4): leaving a present x-acs-* header (or host) unsigned is refused.
        for left_out in ["x-acs-signature-nonce", "x-acs-action", "host"] {
            let fewer: Vec<String> = signed.iter().filter(|h| *h != left_out).cloned().collect();
            let err = v3_signed_headers(&req, &fewer).unwrap_err();
            assert_eq!(err.code, "IncompleteSignature");
            assert!(err.message.contains(left_out), "{}", err.message);
        }
        let err = v3(&req, "nope", &signed, sig).unwrap_err();
        assert!(
            err.message
                .contains("server string to sign is:ACS3-HMAC-SHA256\n7ea06492")
        );
    }
}
