//! From a profile to signed API calls: its [`CredentialsProvider`], a [`Client`] for it, and
//! the connection test (STS `GetCallerIdentity`).
//!
//! Flow for the shell: `credentials_provider` / `client_for` read the keychain (blocking: run
//! them off the async executor, with the [`ProfileStore`] lock held only for that), then
//! `test_connection(&client).await`, then `store.record_account(id, &report.account_id)`.
//!
//! A RAM role profile gets one [`RamRoleCredentials`] per provider: build the provider once
//! per profile and share it (see [`ProviderCache`]) so concurrent calls share one
//! `AssumeRole` and its refresh ahead of expiry.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use alicloud_api::credentials::{
    AnonymousCredentials, CredentialsError, CredentialsProvider, ECS_METADATA_ENDPOINT,
    OidcCredentials, ProcessCredentials, RamRoleCredentials, RemoteCredentials, RemoteSource,
    StaticCredentials, StsTokenCredentials,
};
use alicloud_api::{Client, Secret, SignatureVersion};
use serde::Serialize;
use time::OffsetDateTime;
use ts_rs::TS;

use super::error::ProfileError;
use super::model::{ModeSettings, ProfileId, RoleSource};
use super::secret::ProfileSecrets;
use super::store::{MAX_SOURCE_CHAIN, ProfileStore};
use crate::error_hint::ErrorHint;
use crate::error_text::ErrorText;
use crate::text::Message;

/// How to reach the built-in Sandbox: the in-process emulator's address and demo keys
/// (`alicloud_emulator::DEMO_ACCESS_KEY_ID` / `DEMO_ACCESS_KEY_SECRET`).
#[derive(Debug, Clone)]
pub struct SandboxAccess {
    /// Base URL, e.g. `http://127.0.0.1:41234`.
    pub endpoint: String,
    /// Demo AccessKey ID.
    pub access_key_id: String,
    /// Demo AccessKey secret.
    pub access_key_secret: Secret,
}

/// Where calls go.
#[derive(Debug, Clone, Default)]
pub struct ConnectOptions {
    /// Base URL for every non-Sandbox profile; `None` means the real Alibaba Cloud endpoints.
    /// (Tests point real-looking profiles at an emulator with it.)
    pub endpoint_override: Option<String>,
    /// The running Sandbox, if any.
    pub sandbox: Option<SandboxAccess>,
    /// Signature version (V3 unless set).
    pub signature_version: Option<SignatureVersion>,
}

/// Why a profile could not be connected.
#[derive(Debug, thiserror::Error)]
pub enum ConnectError {
    /// Reading the profile or its secrets failed (keychain, missing item, ...).
    #[error(transparent)]
    Profile(#[from] ProfileError),
    /// The Sandbox profile was used but no emulator is running.
    #[error("{}", ErrorText::ConnectSandbox)]
    SandboxUnavailable,
    /// The call (or the AssumeRole behind it) failed.
    #[error(transparent)]
    Api(Box<alicloud_api::Error>),
}

impl From<alicloud_api::Error> for ConnectError {
    fn from(e: alicloud_api::Error) -> Self {
        Self::Api(Box::new(e))
    }
}

impl ConnectError {
    /// Stable machine-readable code (a profile/keychain code, `connect.sandbox_unavailable`,
    /// `connect.credentials` or `connect.api`).
    pub fn code(&self) -> &'static str {
        match self {
            Self::Profile(e) => e.code(),
            Self::SandboxUnavailable => "connect.sandbox_unavailable",
            Self::Api(e) if matches!(**e, alicloud_api::Error::Credentials(_)) => {
                "connect.credentials"
            }
            Self::Api(_) => "connect.api",
        }
    }

    /// What went wrong, as a message key, when it is ours (an API failure keeps the
    /// cloud's own message).
    pub fn text(&self) -> Option<ErrorText> {
        match self {
            Self::Profile(e) => e.text(),
            Self::SandboxUnavailable => Some(ErrorText::ConnectSandbox),
            Self::Api(_) => None,
        }
    }

    /// What the user can do about it, as a message key.
    pub fn hint_text(&self) -> ErrorHint {
        match self {
            Self::Profile(e) => e.hint_text(),
            Self::SandboxUnavailable => ErrorHint::ConnectSandbox,
            Self::Api(e) if matches!(**e, alicloud_api::Error::Credentials(_)) => {
                ErrorHint::ConnectRole
            }
            Self::Api(_) => ErrorHint::ConnectApi,
        }
    }

    /// What the user can do about it, in English.
    pub fn hint(&self) -> String {
        self.hint_text().english()
    }

    /// The Alibaba Cloud error behind this failure, including one from the AssumeRole of a
    /// RAM role profile (its `Code` and `RequestId` are what support asks for).
    pub fn api_error(&self) -> Option<&alicloud_api::Error> {
        match self {
            Self::Api(e) => match &**e {
                alicloud_api::Error::Credentials(CredentialsError::AssumeRole {
                    source, ..
                }) => Some(source),
                other => Some(other),
            },
            _ => None,
        }
    }
}

/// The credentials provider of profile `id` (reads the keychain; blocking).
pub fn credentials_provider(
    store: &ProfileStore,
    id: &ProfileId,
    opts: &ConnectOptions,
) -> Result<Arc<dyn CredentialsProvider>, ConnectError> {
    provider_at_depth(store, id, opts, 0)
}

fn provider_at_depth(
    store: &ProfileStore,
    id: &ProfileId,
    opts: &ConnectOptions,
    depth: usize,
) -> Result<Arc<dyn CredentialsProvider>, ConnectError> {
    if depth > MAX_SOURCE_CHAIN {
        return Err(ProfileError::SourceChain {
            max: MAX_SOURCE_CHAIN,
        }
        .into());
    }
    let profile = store.get(id)?;
    let secrets = || -> Result<ProfileSecrets, ConnectError> {
        store.secrets(id)?.ok_or_else(|| {
            ProfileError::SecretMissing {
                name: profile.name.clone(),
            }
            .into()
        })
    };
    let provider: Arc<dyn CredentialsProvider> = match &profile.settings {
        ModeSettings::EcsRamRole {
            role_name,
            metadata_endpoint,
        } => Arc::new(RemoteCredentials::new(RemoteSource::EcsMetadata {
            endpoint: metadata_endpoint
                .clone()
                .unwrap_or_else(|| ECS_METADATA_ENDPOINT.to_string()),
            role: role_name.clone(),
        })),
        ModeSettings::External { command } => Arc::new(ProcessCredentials::new(command)),
        ModeSettings::CredentialsUri { uri } => {
            Arc::new(RemoteCredentials::new(RemoteSource::Uri(uri.clone())))
        }
        ModeSettings::Oidc(o) => {
            // The STS client only gives the endpoint: the call goes out unsigned.
            let sts = builder(Arc::new(AnonymousCredentials), opts, None, profile).build()?;
            Arc::new(
                OidcCredentials::new(&sts, &o.provider_arn, &o.role_arn, &o.token_file)
                    .role_session_name(&o.session_name)
                    .duration_seconds(o.duration_seconds),
            )
        }
        ModeSettings::Sandbox => {
            let sandbox = opts
                .sandbox
                .as_ref()
                .ok_or(ConnectError::SandboxUnavailable)?;
            Arc::new(StaticCredentials::new(
                sandbox.access_key_id.clone(),
                sandbox.access_key_secret.clone(),
            ))
        }
        ModeSettings::AccessKey => {
            let s = secrets()?;
            Arc::new(StaticCredentials::new(
                s.access_key_id,
                Secret::new(s.access_key_secret.expose().to_string()),
            ))
        }
        ModeSettings::StsToken { expiration } => {
            let s = secrets()?;
            let token = s
                .security_token
                .ok_or_else(|| ProfileError::SecretCorrupt {
                    name: profile.name.clone(),
                    reason: "the STS token is missing".into(),
                })?;
            let mut p = StsTokenCredentials::new(
                s.access_key_id,
                Secret::new(s.access_key_secret.expose().to_string()),
                Secret::new(token.expose().to_string()),
            );
            if let Some(exp) = expiration {
                p = p.with_expiration(*exp);
            }
            Arc::new(p)
        }
        ModeSettings::RamRole(role) => {
            let source: Arc<dyn CredentialsProvider> = match &role.source {
                RoleSource::AccessKey => {
                    let s = secrets()?;
                    Arc::new(StaticCredentials::new(
                        s.access_key_id,
                        Secret::new(s.access_key_secret.expose().to_string()),
                    ))
                }
                RoleSource::Profile { profile_id } => {
                    provider_at_depth(store, profile_id, opts, depth + 1)?
                }
            };
            let sts = builder(source, opts, None, profile).build()?;
            let mut p = RamRoleCredentials::new(sts, &role.role_arn, &role.session_name)
                .duration_seconds(role.duration_seconds);
            if let Some(ext) = &role.external_id {
                p = p.external_id(ext);
            }
            Arc::new(p)
        }
    };
    Ok(provider)
}

/// A client builder for `profile`: the Sandbox's endpoint, else the caller's override, else
/// the profile's own endpoint, else the regional endpoints.
fn builder(
    provider: Arc<dyn CredentialsProvider>,
    opts: &ConnectOptions,
    sandbox_endpoint: Option<&str>,
    profile: &super::model::Profile,
) -> alicloud_api::ClientBuilder {
    let mut b = Client::builder(provider).default_region(&profile.region);
    let endpoint = sandbox_endpoint
        .or(opts.endpoint_override.as_deref())
        .or(profile.endpoint.as_deref());
    if let Some(endpoint) = endpoint {
        b = b.endpoint_override(endpoint);
    }
    if let Some(v) = opts.signature_version {
        b = b.signature_version(v);
    }
    b
}

/// A client for profile `id`: its credentials, its default region, and the Sandbox
/// emulator or `endpoint_override` as endpoint (reads the keychain; blocking).
pub fn client_for(
    store: &ProfileStore,
    id: &ProfileId,
    opts: &ConnectOptions,
) -> Result<Client, ConnectError> {
    let provider = credentials_provider(store, id, opts)?;
    client_with(store, id, provider, opts)
}

/// A client for profile `id` using an already built (e.g. cached) provider.
pub fn client_with(
    store: &ProfileStore,
    id: &ProfileId,
    provider: Arc<dyn CredentialsProvider>,
    opts: &ConnectOptions,
) -> Result<Client, ConnectError> {
    let profile = store.get(id)?;
    let sandbox_endpoint = match profile.settings {
        ModeSettings::Sandbox => Some(
            opts.sandbox
                .as_ref()
                .ok_or(ConnectError::SandboxUnavailable)?
                .endpoint
                .as_str(),
        ),
        _ => None,
    };
    Ok(builder(provider, opts, sandbox_endpoint, profile).build()?)
}

/// Result of a connection test, for the UI.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ConnectionReport {
    /// The account the credentials belong to.
    pub account_id: String,
    /// `Account`, `RAMUser` or `AssumedRoleUser`.
    pub identity_type: String,
    /// The caller's ARN; for a RAM role profile, the assumed-role ARN.
    pub arn: String,
    /// The RAM user id, for RAM users.
    pub user_id: Option<String>,
    /// The role id, for assumed roles.
    pub role_id: Option<String>,
    /// When the temporary credentials expire (STS token and RAM role profiles), RFC 3339.
    #[serde(with = "time::serde::rfc3339::option")]
    #[ts(type = "string | null")]
    pub credentials_expire: Option<OffsetDateTime>,
    /// `RequestId` of the `GetCallerIdentity` call.
    pub request_id: String,
}

/// Calls STS `GetCallerIdentity` with `client`'s credentials (for a RAM role, after its
/// `AssumeRole`) and reports who they belong to and when temporary credentials expire.
pub async fn test_connection(client: &Client) -> Result<ConnectionReport, ConnectError> {
    let creds = client
        .credentials_provider()
        .credentials()
        .await
        .map_err(alicloud_api::Error::from)?;
    let me = client.get_caller_identity().await?;
    let non_empty = |s: String| Some(s).filter(|s| !s.is_empty());
    tracing::info!(
        account = %me.account_id,
        identity_type = %me.identity_type,
        request_id = %me.request_id,
        "connection test succeeded"
    );
    Ok(ConnectionReport {
        account_id: me.account_id,
        identity_type: me.identity_type,
        arn: me.arn,
        user_id: non_empty(me.user_id),
        role_id: non_empty(me.role_id),
        credentials_expire: creds.expiration,
        request_id: me.request_id,
    })
}

/// Providers by profile id, so every client of a profile shares one provider (one cached
/// AssumeRole for RAM roles). Entries are dropped automatically when the store's
/// [`revision`](ProfileStore::revision) changes (any create, edit, rename or delete).
#[derive(Debug, Default)]
pub struct ProviderCache {
    providers: Mutex<CacheState>,
}

#[derive(Debug, Default)]
struct CacheState {
    revision: u64,
    by_id: HashMap<ProfileId, Arc<dyn CredentialsProvider>>,
}

impl ProviderCache {
    /// When `id`'s current role session expires, if a provider was built and has one.
    pub fn session_expiry(&self, id: &ProfileId) -> Option<OffsetDateTime> {
        self.lock().by_id.get(id).and_then(|p| p.session_expiry())
    }

    /// The cached provider for `id`, building it (keychain read; blocking) on first use.
    pub fn get_or_build(
        &self,
        store: &ProfileStore,
        id: &ProfileId,
        opts: &ConnectOptions,
    ) -> Result<Arc<dyn CredentialsProvider>, ConnectError> {
        {
            let mut state = self.lock();
            if state.revision != store.revision() {
                state.by_id.clear();
                state.revision = store.revision();
            }
            if let Some(p) = state.by_id.get(id) {
                return Ok(p.clone());
            }
        }
        let built = credentials_provider(store, id, opts)?;
        Ok(self.lock().by_id.entry(id.clone()).or_insert(built).clone())
    }

    /// Forgets every cached provider (e.g. when the Sandbox restarts on a new port).
    pub fn clear(&self) {
        self.lock().by_id.clear();
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, CacheState> {
        self.providers.lock().unwrap_or_else(|p| p.into_inner())
    }
}
