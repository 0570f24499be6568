//! STS API (2015-04-01): `AssumeRole`, `GetCallerIdentity` and ([`oidc`])
//! `AssumeRoleWithOIDC`.
//!
//! STS calls go to `sts.aliyuncs.com` unless the request names a region
//! (`sts.<region>.aliyuncs.com`), or to the endpoint override.

pub mod oidc;

use serde::{Deserialize, Serialize};

use crate::action::{impl_action, rpc_request};
use crate::client::Client;
use crate::de;
use crate::error::Error;
use crate::secret::Secret;

pub use oidc::{AssumeRoleWithOidcRequest, AssumeRoleWithOidcResponse, OidcTokenInfo};

rpc_request! {
    /// `AssumeRole`: get temporary credentials for a RAM role.
    pub struct AssumeRoleRequest {
        required {
            /// `acs:ram::<account_id>:role/<role_name>`.
            role_arn = "RoleArn",
            /// 2–64 chars `[A-Za-z0-9.@-_]`.
            role_session_name = "RoleSessionName",
        }
        optional {
            /// 900 up to the role's maximum; default 3600.
            duration_seconds: u32 = "DurationSeconds",
            /// A policy further restricting the session (JSON).
            policy: String = "Policy",
            /// External ID required by the role's trust policy.
            external_id: String = "ExternalId",
            /// Source identity.
            source_identity: String = "SourceIdentity",
        }
        repeated {}
        json_list {}
        route {
            /// STS region (`None`: `sts.aliyuncs.com`).
            region_id,
        }
    }
}
impl_action!(AssumeRoleRequest => AssumeRoleResponse, Sts, "AssumeRole",
    region: field, client_token: false, retry_on: &[],
    method: assume_role);

/// Response of `AssumeRole`. Its `Debug` hides the secret and token.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct AssumeRoleResponse {
    /// `RequestId`.
    pub request_id: String,
    /// Source identity, if any.
    pub source_identity: String,
    /// The assumed role session.
    pub assumed_role_user: AssumedRoleUser,
    /// The temporary credentials.
    pub credentials: StsCredentials,
}

/// `AssumedRoleUser`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct AssumedRoleUser {
    /// `acs:ram::<account>:role/<role>/<session>`.
    pub arn: String,
    /// `<role id>:<session>`.
    pub assumed_role_id: String,
}

/// `Credentials` of an `AssumeRole` response.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct StsCredentials {
    /// `STS.…`.
    pub access_key_id: String,
    /// The temporary secret.
    #[serde(deserialize_with = "de::secret")]
    pub access_key_secret: Secret,
    /// The security token.
    #[serde(deserialize_with = "de::secret")]
    pub security_token: Secret,
    /// UTC `YYYY-MM-DDThh:mm:ssZ`.
    pub expiration: String,
}

impl Default for StsCredentials {
    fn default() -> Self {
        Self {
            access_key_id: String::new(),
            access_key_secret: Secret::new(String::new()),
            security_token: Secret::new(String::new()),
            expiration: String::new(),
        }
    }
}

rpc_request! {
    /// `GetCallerIdentity`: who the credentials belong to.
    pub struct GetCallerIdentityRequest {
        required {}
        optional {}
        repeated {}
        json_list {}
        route {
            /// STS region (`None`: `sts.aliyuncs.com`).
            region_id,
        }
    }
}
impl_action!(GetCallerIdentityRequest => GetCallerIdentityResponse, Sts, "GetCallerIdentity",
    region: field, client_token: false, retry_on: &[]);

/// Response of `GetCallerIdentity`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct GetCallerIdentityResponse {
    /// `RequestId`.
    pub request_id: String,
    /// The account (the root account's UID).
    pub account_id: String,
    /// The RAM user's id (RAM users).
    pub user_id: String,
    /// The caller's ARN.
    pub arn: String,
    /// `Account`, `RAMUser` or `AssumedRoleUser`.
    pub identity_type: String,
    /// Principal id.
    pub principal_id: String,
    /// The role id (assumed roles).
    pub role_id: String,
}

impl Client {
    /// `GetCallerIdentity` at the default STS endpoint.
    pub async fn get_caller_identity(&self) -> Result<GetCallerIdentityResponse, Error> {
        self.call(&GetCallerIdentityRequest::new()).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn assume_role_response_hides_secrets() {
        let body = r#"{"RequestId":"R","AssumedRoleUser":{"Arn":"acs:ram::1:role/r/s","AssumedRoleId":"3:s"},
          "Credentials":{"AccessKeyId":"STS.x","AccessKeySecret":"fake-sts-secret","SecurityToken":"fake-sts-token","Expiration":"2015-04-09T11:52:19Z"}}"#;
        let r: AssumeRoleResponse = serde_json::from_str(body).unwrap();
        assert_eq!(r.credentials.security_token.expose(), "fake-sts-token");
        let dbg = format!("{r:?}");
        assert!(!dbg.contains("fake-sts-secret") && !dbg.contains("fake-sts-token"));
        assert_eq!(r.assumed_role_user.assumed_role_id, "3:s");
    }
}
