//! [`RemoteCredentials`]: temporary credentials fetched over HTTP from a credentials URI
//! (`ALIBABA_CLOUD_CREDENTIALS_URI`, what `eipdesk-cli serve` answers) or from the ECS
//! instance metadata service (`EcsRamRole`; the endpoint is overridable so the emulator can
//! serve it). Both answer `{"Code":"Success","AccessKeyId","AccessKeySecret","SecurityToken",
//! "Expiration"}`. Cached and refreshed [`MIN_REFRESH_AHEAD`] before expiry; concurrent
//! callers share one fetch.

use std::time::Duration;

use async_trait::async_trait;
use parking_lot::RwLock;
use serde::Deserialize;
use time::OffsetDateTime;

use super::{Credentials, CredentialsError, CredentialsProvider, MIN_REFRESH_AHEAD};
use crate::Secret;
use crate::request::parse_timestamp;

/// The real metadata service.
pub const ECS_METADATA_ENDPOINT: &str = "http://100.100.100.200";
const ROLE_PATH: &str = "/latest/meta-data/ram/security-credentials/";
const TIMEOUT: Duration = Duration::from_secs(5);

/// Where the credentials come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RemoteSource {
    /// A credentials URI.
    Uri(String),
    /// The instance metadata service at `endpoint` (`http://100.100.100.200` on ECS), for
    /// `role` (`None`: the role attached to the instance, asked first).
    EcsMetadata {
        /// Base URL of the metadata service.
        endpoint: String,
        /// RAM role name.
        role: Option<String>,
    },
}

/// Credentials fetched from a [`RemoteSource`].
#[derive(Debug)]
pub struct RemoteCredentials {
    source: RemoteSource,
    http: reqwest::Client,
    cache: RwLock<Option<Credentials>>,
    refresh: tokio::sync::Mutex<()>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Document {
    code: Option<String>,
    access_key_id: Option<String>,
    access_key_secret: Option<String>,
    security_token: Option<String>,
    expiration: Option<String>,
}

impl RemoteCredentials {
    /// A provider for `source`.
    pub fn new(source: RemoteSource) -> Self {
        let http = reqwest::Client::builder()
            .timeout(TIMEOUT)
            .no_proxy()
            .build()
            .unwrap_or_default();
        Self {
            source,
            http,
            cache: RwLock::new(None),
            refresh: tokio::sync::Mutex::new(()),
        }
    }

    fn fresh_cached(&self) -> Option<Credentials> {
        let now = OffsetDateTime::now_utc();
        self.cache
            .read()
            .as_ref()
            .filter(|c| !c.expires_within(now, MIN_REFRESH_AHEAD))
            .cloned()
    }

    async fn get_text(&self, url: &str) -> Result<String, CredentialsError> {
        let fail = |what: String| CredentialsError::Other(format!("{url}: {what}"));
        let response = self
            .http
            .get(url)
            .send()
            .await
            .map_err(|e| fail(format!("no answer ({e})")))?;
        let status = response.status();
        let body = response
            .text()
            .await
            .map_err(|e| fail(format!("unreadable answer ({e})")))?;
        if !status.is_success() {
            return Err(fail(format!("HTTP {}", status.as_u16())));
        }
        Ok(body)
    }

    async fn fetch(&self) -> Result<Credentials, CredentialsError> {
        let url = match &self.source {
            RemoteSource::Uri(url) => url.clone(),
            RemoteSource::EcsMetadata { endpoint, role } => {
                let base = format!("{}{ROLE_PATH}", endpoint.trim_end_matches('/'));
                let role = match role {
                    Some(r) => r.clone(),
                    None => self.get_text(&base).await?.trim().to_string(),
                };
                if role.is_empty() {
                    return Err(CredentialsError::Missing(
                        "the instance has no RAM role attached".into(),
                    ));
                }
                format!("{base}{role}")
            }
        };
        let body = self.get_text(&url).await?;
        parse_document(&body).map_err(|why| CredentialsError::Other(format!("{url}: {why}")))
    }
}

/// Reads the common credentials document.
pub fn parse_document(body: &str) -> Result<Credentials, String> {
    let doc: Document =
        serde_json::from_str(body).map_err(|_| "the answer is not a credentials document")?;
    if doc.code.as_deref() != Some("Success") {
        return Err(format!(
            "the answer's Code is {:?}, not \"Success\"",
            doc.code.unwrap_or_default()
        ));
    }
    let field = |v: Option<String>, name: &str| {
        v.filter(|s| !s.is_empty())
            .ok_or_else(|| format!("the answer has no {name}"))
    };
    let expiration = field(doc.expiration, "Expiration")?;
    Ok(Credentials {
        access_key_id: field(doc.access_key_id, "AccessKeyId")?,
        access_key_secret: Secret::new(field(doc.access_key_secret, "AccessKeySecret")?),
        security_token: Some(Secret::new(field(doc.security_token, "SecurityToken")?)),
        expiration: Some(
            parse_timestamp(&expiration)
                .ok_or_else(|| format!("Expiration {expiration:?} is not a timestamp"))?,
        ),
    })
}

#[async_trait]
impl CredentialsProvider for RemoteCredentials {
    async fn credentials(&self) -> Result<Credentials, CredentialsError> {
        if let Some(c) = self.fresh_cached() {
            return Ok(c);
        }
        let _single_flight = self.refresh.lock().await;
        if let Some(c) = self.fresh_cached() {
            return Ok(c);
        }
        let c = self.fetch().await?;
        if c.expires_within(OffsetDateTime::now_utc(), Duration::ZERO) {
            return Err(CredentialsError::Expired(
                c.expiration.unwrap_or(OffsetDateTime::UNIX_EPOCH),
            ));
        }
        *self.cache.write() = Some(c.clone());
        Ok(c)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_are_checked_field_by_field() {
        let ok = parse_document(
            r#"{"Code":"Success","AccessKeyId":"STS.a","AccessKeySecret":"s","SecurityToken":"t","Expiration":"2030-01-01T00:00:00Z"}"#,
        )
        .unwrap();
        assert_eq!(ok.access_key_id, "STS.a");
        assert_eq!(ok.expiration.unwrap().unix_timestamp(), 1_893_456_000);
        assert!(
            parse_document(r#"{"Code":"Failure"}"#)
                .unwrap_err()
                .contains("Failure")
        );
        assert!(
            parse_document(r#"{"Code":"Success","AccessKeyId":"a","AccessKeySecret":"s","Expiration":"2030-01-01T00:00:00Z"}"#)
                .unwrap_err()
                .contains("SecurityToken")
        );
        assert!(parse_document("not json").is_err());
    }
}
