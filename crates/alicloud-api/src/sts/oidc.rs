//! STS `AssumeRoleWithOIDC`: exchange an OIDC token (e.g. a Kubernetes service-account token,
//! RRSA) for temporary credentials. The call is anonymous: send it with a client from
//! [`crate::Client::anonymous`].

use serde::{Deserialize, Serialize};

use super::{AssumedRoleUser, StsCredentials};
use crate::action::{impl_action, rpc_request};

rpc_request! {
    /// `AssumeRoleWithOIDC`: temporary credentials for a RAM role trusted by an OIDC provider.
    pub struct AssumeRoleWithOidcRequest {
        required {
            /// `acs:ram::<account_id>:oidc-provider/<name>`.
            oidc_provider_arn = "OIDCProviderArn",
            /// `acs:ram::<account_id>:role/<role_name>`.
            role_arn = "RoleArn",
            /// The OIDC token (a JWT).
            oidc_token = "OIDCToken",
        }
        optional {
            /// 2–64 chars `[A-Za-z0-9.@-_]`.
            role_session_name: String = "RoleSessionName",
            /// 900 up to the role's maximum; default 3600.
            duration_seconds: u32 = "DurationSeconds",
            /// A policy further restricting the session (JSON).
            policy: String = "Policy",
        }
        repeated {}
        json_list {}
        route {
            /// STS region (`None`: `sts.aliyuncs.com`).
            region_id,
        }
    }
}
impl_action!(AssumeRoleWithOidcRequest => AssumeRoleWithOidcResponse, Sts, "AssumeRoleWithOIDC",
    region: field, client_token: false, retry_on: &[],
    method: assume_role_with_oidc);

/// Response of `AssumeRoleWithOIDC`. Its `Debug` hides the secret and token.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct AssumeRoleWithOidcResponse {
    /// `RequestId`.
    pub request_id: String,
    /// The assumed role session.
    pub assumed_role_user: AssumedRoleUser,
    /// The temporary credentials.
    pub credentials: StsCredentials,
    /// What STS read from the token.
    #[serde(rename = "OIDCTokenInfo")]
    pub oidc_token_info: OidcTokenInfo,
}

/// `OIDCTokenInfo`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct OidcTokenInfo {
    /// `sub`.
    pub subject: String,
    /// `iss`.
    pub issuer: String,
    /// `aud`, comma-separated.
    pub client_ids: String,
    /// `exp`, UTC.
    pub expiration_time: String,
    /// `iat`, UTC.
    pub issuance_time: String,
    /// How the token was verified.
    pub verification_info: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn response_reads_token_info_and_hides_secrets() {
        let body = r#"{"RequestId":"R","AssumedRoleUser":{"Arn":"a","AssumedRoleId":"3:s"},
          "Credentials":{"AccessKeyId":"STS.x","AccessKeySecret":"fake-sts-secret","SecurityToken":"fake-sts-token","Expiration":"2015-04-09T11:52:19Z"},
          "OIDCTokenInfo":{"Subject":"ci","Issuer":"https://idp.example.test","ClientIds":"sts.aliyuncs.com"}}"#;
        let r: AssumeRoleWithOidcResponse = serde_json::from_str(body).unwrap();
        assert_eq!(r.oidc_token_info.issuer, "https://idp.example.test");
        let dbg = format!("{r:?}");
        assert!(!dbg.contains("fake-sts-secret") && !dbg.contains("fake-sts-token"));
    }

    #[test]
    fn request_sends_the_exact_names() {
        use crate::action::Action as _;
        let mut r = AssumeRoleWithOidcRequest::new("p", "r", "t");
        r.role_session_name = Some("s".into());
        let params = r.params();
        for k in ["OIDCProviderArn", "RoleArn", "OIDCToken", "RoleSessionName"] {
            assert!(params.iter().any(|(n, _)| n == k), "{k}");
        }
    }
}
