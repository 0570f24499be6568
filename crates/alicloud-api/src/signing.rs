//! Request signing for Alibaba Cloud RPC APIs: the pure algorithms, no I/O.
//!
//! Two versions exist and both are implemented here:
//!
//! * **V1** (`HMAC-SHA1`, `SignatureVersion=1.0`): every parameter (query and form body) is
//!   sorted, RFC 3986 encoded and signed together with the HTTP method.
//! * **V3** (`ACS3-HMAC-SHA256`): a canonical request built from the method, path, query,
//!   the headers named in `SignedHeaders` and the SHA-256 of the body.
//!
//! The same functions serve the client (which signs) and the emulator (which rebuilds the
//! string to sign from what it received and compares). Every official test vector from the
//! API reference is reproduced in the unit tests below.

use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

/// The `Authorization` algorithm name of signature V3.
pub const V3_ALGORITHM: &str = "ACS3-HMAC-SHA256";

/// Hex SHA-256 of the empty string: the payload hash of a request without a body.
pub const EMPTY_PAYLOAD_SHA256: &str =
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/// Percent-encodes per RFC 3986 as Alibaba Cloud requires: unreserved characters
/// (`A-Z a-z 0-9 - _ . ~`) stay literal, every other byte of the UTF-8 encoding becomes `%XY`
/// with upper-case hex. A space is `%20`, `*` is `%2A`, `~` stays `~`.
pub fn percent_encode(input: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(input.len() + input.len() / 2);
    for &byte in input.as_bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(byte as char);
        } else {
            out.push('%');
            out.push(HEX[(byte >> 4) as usize] as char);
            out.push(HEX[(byte & 0x0f) as usize] as char);
        }
    }
    out
}

/// The canonical query string: pairs encoded with [`percent_encode`], sorted by encoded name
/// (then value, so repeated names are stable) and joined as `k1=v1&k2=v2`. An empty value
/// gives `k=`; no pairs give the empty string.
pub fn canonical_query<K: AsRef<str>, V: AsRef<str>>(params: &[(K, V)]) -> String {
    let mut encoded: Vec<(String, String)> = params
        .iter()
        .map(|(k, v)| (percent_encode(k.as_ref()), percent_encode(v.as_ref())))
        .collect();
    encoded.sort();
    let mut out = String::new();
    for (i, (k, v)) in encoded.iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        out.push_str(k);
        out.push('=');
        out.push_str(v);
    }
    out
}

/// V1 string to sign: `METHOD&%2F&percentEncode(canonical query)`. `params` holds every
/// request parameter (query and form body) except `Signature`.
pub fn v1_string_to_sign<K: AsRef<str>, V: AsRef<str>>(method: &str, params: &[(K, V)]) -> String {
    format!(
        "{}&{}&{}",
        method.to_ascii_uppercase(),
        percent_encode("/"),
        percent_encode(&canonical_query(params))
    )
}

/// V1 signature: `Base64(HMAC-SHA1(secret + "&", string_to_sign))`.
pub fn v1_signature(access_key_secret: &str, string_to_sign: &str) -> String {
    use base64::Engine as _;
    let key = format!("{access_key_secret}&");
    let mut mac = Hmac::<sha1::Sha1>::new_from_slice(key.as_bytes()).expect("HMAC takes any key");
    mac.update(string_to_sign.as_bytes());
    base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes())
}

/// Lower-case hex SHA-256 of `payload` (the V3 `x-acs-content-sha256` value).
pub fn sha256_hex(payload: &[u8]) -> String {
    hex::encode(Sha256::digest(payload))
}

/// What a V3 canonical request is built from.
#[derive(Debug, Clone, Copy)]
pub struct V3Input<'a> {
    /// HTTP method; upper-cased when building.
    pub method: &'a str,
    /// Canonical URI, `/` for RPC-style APIs.
    pub path: &'a str,
    /// Query parameters, decoded.
    pub query: &'a [(String, String)],
    /// All request headers available (any case); only those in `signed_headers` are used.
    pub headers: &'a [(String, String)],
    /// Lower-case header names to sign, as listed in `SignedHeaders`.
    pub signed_headers: &'a [String],
    /// Lower-case hex SHA-256 of the body.
    pub payload_hash: &'a str,
}

/// The V3 canonical request. Headers listed in `signed_headers` are looked up
/// case-insensitively; repeated values are trimmed, sorted and joined with `,`.
pub fn v3_canonical_request(input: &V3Input<'_>) -> String {
    let mut names: Vec<String> = input
        .signed_headers
        .iter()
        .map(|h| h.to_ascii_lowercase())
        .collect();
    names.sort();
    names.dedup();
    let mut canonical_headers = String::new();
    for name in &names {
        let mut values: Vec<&str> = input
            .headers
            .iter()
            .filter(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.trim())
            .collect();
        values.sort_unstable();
        canonical_headers.push_str(name);
        canonical_headers.push(':');
        canonical_headers.push_str(&values.join(","));
        canonical_headers.push('\n');
    }
    format!(
        "{}\n{}\n{}\n{}\n{}\n{}",
        input.method.to_ascii_uppercase(),
        input.path,
        canonical_query(input.query),
        canonical_headers,
        names.join(";"),
        input.payload_hash
    )
}

/// V3 string to sign: `ACS3-HMAC-SHA256\n` + hex SHA-256 of the canonical request.
pub fn v3_string_to_sign(canonical_request: &str) -> String {
    format!(
        "{V3_ALGORITHM}\n{}",
        sha256_hex(canonical_request.as_bytes())
    )
}

/// V3 signature: hex HMAC-SHA256 keyed with the raw secret (no `&`).
pub fn v3_signature(access_key_secret: &str, string_to_sign: &str) -> String {
    let mut mac =
        Hmac::<Sha256>::new_from_slice(access_key_secret.as_bytes()).expect("HMAC takes any key");
    mac.update(string_to_sign.as_bytes());
    hex::encode(mac.finalize().into_bytes())
}

/// The V3 `Authorization` header value.
pub fn v3_authorization(access_key_id: &str, signed_headers: &[String], signature: &str) -> String {
    let mut names: Vec<String> = signed_headers
        .iter()
        .map(|h| h.to_ascii_lowercase())
        .collect();
    names.sort();
    names.dedup();
    format!(
        "{V3_ALGORITHM} Credential={access_key_id},SignedHeaders={},Signature={signature}",
        names.join(";")
    )
}

/// The parts of a V3 `Authorization` header, as a verifier reads them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct V3Authorization {
    /// Always [`V3_ALGORITHM`] once parsed.
    pub algorithm: String,
    /// The AccessKey ID from `Credential=`.
    pub access_key_id: String,
    /// Lower-case header names from `SignedHeaders=`.
    pub signed_headers: Vec<String>,
    /// The hex signature.
    pub signature: String,
}

/// Parses `ACS3-HMAC-SHA256 Credential=..,SignedHeaders=..,Signature=..`; `None` when the
/// header is not a well-formed V3 authorization.
pub fn parse_v3_authorization(header: &str) -> Option<V3Authorization> {
    let (algorithm, rest) = header.trim().split_once(' ')?;
    if algorithm != V3_ALGORITHM {
        return None;
    }
    let (mut credential, mut signed, mut signature) = (None, None, None);
    for part in rest.split(',') {
        let (key, value) = part.trim().split_once('=')?;
        match key {
            "Credential" => credential = Some(value.to_string()),
            "SignedHeaders" => signed = Some(value.to_string()),
            "Signature" => signature = Some(value.to_string()),
            _ => {}
        }
    }
    let signed_headers: Vec<String> = signed?
        .split(';')
        .filter(|s| !s.is_empty())
        .map(|s| s.to_ascii_lowercase())
        .collect();
    Some(V3Authorization {
        algorithm: algorithm.to_string(),
        access_key_id: credential.filter(|c| !c.is_empty())?,
        signed_headers,
        signature: signature.filter(|s| !s.is_empty())?,
    })
}

/// Flattens a repeated parameter the RPC way: `Name.1=a&Name.2=b`.
pub fn flatten_repeated(name: &str, values: &[impl AsRef<str>]) -> Vec<(String, String)> {
    values
        .iter()
        .enumerate()
        .map(|(i, v)| (format!("{name}.{}", i + 1), v.as_ref().to_string()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
        items
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn percent_encoding_follows_rfc3986() {
        assert_eq!(percent_encode(" ~/*-+"), "%20~%2F%2A-%2B");
        assert_eq!(
            percent_encode("2023-03-13T08:34:30Z"),
            "2023-03-13T08%3A34%3A30Z"
        );
        assert_eq!(percent_encode("中"), "%E4%B8%AD");
        assert_eq!(percent_encode("a.b_c~d-e"), "a.b_c~d-e");
    }

    #[test]
    fn vector_a_v1_describe_dedicated_hosts() {
        let params = pairs(&[
            ("AccessKeyId", "testid"),
            ("Action", "DescribeDedicatedHosts"),
            ("Format", "JSON"),
            ("RegionId", "cn-beijing"),
            ("SignatureMethod", "HMAC-SHA1"),
            ("SignatureNonce", "edb2b34af0af9a6d14deaf7c1a5315eb"),
            ("SignatureVersion", "1.0"),
            ("Timestamp", "2023-03-13T08:34:30Z"),
            ("Version", "2014-05-26"),
        ]);
        assert_eq!(
            canonical_query(&params),
            "AccessKeyId=testid&Action=DescribeDedicatedHosts&Format=JSON&RegionId=cn-beijing&SignatureMethod=HMAC-SHA1&SignatureNonce=edb2b34af0af9a6d14deaf7c1a5315eb&SignatureVersion=1.0&Timestamp=2023-03-13T08%3A34%3A30Z&Version=2014-05-26"
        );
        let sts = v1_string_to_sign("GET", &params);
        assert_eq!(
            sts,
            "GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeDedicatedHosts%26Format%3DJSON%26RegionId%3Dcn-beijing%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3Dedb2b34af0af9a6d14deaf7c1a5315eb%26SignatureVersion%3D1.0%26Timestamp%3D2023-03-13T08%253A34%253A30Z%26Version%3D2014-05-26"
        );
        assert_eq!(
            v1_signature("testsecret", &sts),
            "9NaGiOspFP5UPcwX8Iwt2YJXXuk="
        );
    }

    #[test]
    fn vector_b_v1_describe_regions_xml() {
        let params = pairs(&[
            ("AccessKeyId", "testid"),
            ("Action", "DescribeRegions"),
            ("Format", "XML"),
            ("SignatureMethod", "HMAC-SHA1"),
            ("SignatureNonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf"),
            ("SignatureVersion", "1.0"),
            ("Timestamp", "2016-02-23T12:46:24Z"),
            ("Version", "2014-05-26"),
        ]);
        let sts = v1_string_to_sign("GET", &params);
        assert_eq!(
            sts,
            "GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26"
        );
        assert_eq!(
            v1_signature("testsecret", &sts),
            "OLeaidS1JvxuMvnyHOwuJ+uX5qY="
        );
    }

    #[test]
    fn vector_c_sdk_rpc_signature() {
        let params = pairs(&[("query", "test"), ("body", "test")]);
        let sts = v1_string_to_sign("GET", &params);
        assert_eq!(sts, "GET&%2F&body%3Dtest%26query%3Dtest");
        assert_eq!(v1_signature("secret", &sts), "XlUyV4sXjOuX5FnjUz9IF9tm5rU=");
    }

    #[test]
    fn vector_d_hmac_sha1() {
        // GO1's ShaHmac1 uses the key as given; v1_signature appends "&", so compute directly.
        use base64::Engine as _;
        let raw = |source: &str| {
            let mut mac = Hmac::<sha1::Sha1>::new_from_slice(b"secret").unwrap();
            mac.update(source.as_bytes());
            base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes())
        };
        assert_eq!(raw("source"), "Jv4yi8SobFhg5t1C7nWLbhBSFZQ=");
        assert_eq!(raw("中文"), "CqCYIa39h9SSWuXnTz8F5hh9UPA=");
    }

    #[test]
    fn v1_string_to_sign_with_url_value() {
        let params = pairs(&[("key", "value"), ("q", "http://domain/?q=value&q2=value2")]);
        assert_eq!(
            v1_string_to_sign("GET", &params),
            "GET&%2F&key%3Dvalue%26q%3Dhttp%253A%252F%252Fdomain%252F%253Fq%253Dvalue%2526q2%253Dvalue2"
        );
    }

    #[test]
    fn vector_e_v3_run_instances() {
        let query = pairs(&[
            (
                "ImageId",
                "win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd",
            ),
            ("RegionId", "cn-shanghai"),
        ]);
        let headers = pairs(&[
            ("host", "ecs.cn-shanghai.aliyuncs.com"),
            ("x-acs-action", "RunInstances"),
            ("x-acs-content-sha256", EMPTY_PAYLOAD_SHA256),
            ("x-acs-date", "2023-10-26T10:22:32Z"),
            ("x-acs-signature-nonce", "3156853299f313e23d1673dc12e1703d"),
            ("x-acs-version", "2014-05-26"),
        ]);
        let signed: Vec<String> = headers.iter().map(|(k, _)| k.clone()).collect();
        let canonical = v3_canonical_request(&V3Input {
            method: "POST",
            path: "/",
            query: &query,
            headers: &headers,
            signed_headers: &signed,
            payload_hash: &sha256_hex(b""),
        });
        assert_eq!(
            canonical,
            "POST\n/\nImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai\nhost:ecs.cn-shanghai.aliyuncs.com\nx-acs-action:RunInstances\nx-acs-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\nx-acs-date:2023-10-26T10:22:32Z\nx-acs-signature-nonce:3156853299f313e23d1673dc12e1703d\nx-acs-version:2014-05-26\n\nhost;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        let sts = v3_string_to_sign(&canonical);
        assert_eq!(
            sts,
            "ACS3-HMAC-SHA256\n7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259"
        );
        let signature = v3_signature("YourAccessKeySecret", &sts);
        assert_eq!(
            signature,
            "06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0"
        );
        let auth = v3_authorization("YourAccessKeyId", &signed, &signature);
        assert_eq!(
            auth,
            "ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0"
        );
        let parsed = parse_v3_authorization(&auth).unwrap();
        assert_eq!(parsed.access_key_id, "YourAccessKeyId");
        assert_eq!(parsed.signed_headers, signed);
        assert_eq!(parsed.signature, signature);
    }

    fn vector_f_input(method: &str) -> String {
        let query = pairs(&[("test", "ok"), ("empty", "")]);
        let headers = pairs(&[("x-acs-test", "http"), ("x-acs-TEST", "https")]);
        let signed = vec!["x-acs-test".to_string()];
        let canonical = v3_canonical_request(&V3Input {
            method,
            path: "/",
            query: &query,
            headers: &headers,
            signed_headers: &signed,
            payload_hash: "55e12e91650d2fec56ec74e1d3e4ddbfce2ef3a65890c2a19ecf88a307e76a23",
        });
        v3_authorization(
            "acesskey",
            &signed,
            &v3_signature("secret", &v3_string_to_sign(&canonical)),
        )
    }

    #[test]
    fn vector_f_sdk_get_authorization() {
        assert_eq!(
            vector_f_input("GET"),
            "ACS3-HMAC-SHA256 Credential=acesskey,SignedHeaders=x-acs-test,Signature=d16b30a7699ae9e43875b13195b2f81bcc3ed10c14a9b5eb780e51619aa50be1"
        );
    }

    #[test]
    fn vector_g_empty_method() {
        assert!(vector_f_input("").ends_with(
            "Signature=4ab59fffe3c5738ff8a2729f90cc04fe18b02a4b15b2102cbaf92f9ff3df2ea3"
        ));
    }

    #[test]
    fn sha256_constants() {
        assert_eq!(sha256_hex(b""), EMPTY_PAYLOAD_SHA256);
        assert_eq!(
            sha256_hex(b"test"),
            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
        );
    }

    #[test]
    fn malformed_authorizations_are_rejected() {
        assert!(parse_v3_authorization("").is_none());
        assert!(
            parse_v3_authorization("ACS3-HMAC-SM3 Credential=a,SignedHeaders=h,Signature=s")
                .is_none()
        );
        assert!(parse_v3_authorization("ACS3-HMAC-SHA256 SignedHeaders=h,Signature=s").is_none());
    }

    #[test]
    fn repeated_parameters_flatten_one_based() {
        assert_eq!(
            flatten_repeated("NetworkInterfaceId", &["eni-a", "eni-b"]),
            pairs(&[
                ("NetworkInterfaceId.1", "eni-a"),
                ("NetworkInterfaceId.2", "eni-b")
            ])
        );
    }
}
