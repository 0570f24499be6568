//! Role sessions cached between runs, in the keychain (never in a file): one item per
//! profile, account `session:<profile id>`, holding the temporary credentials, when they
//! expire, and a fingerprint of the role settings they were made for. A session is used
//! until [`MARGIN`] before it expires; a changed profile invalidates it.

use std::time::Duration;

use alicloud_api::Secret;
use alicloud_api::credentials::Credentials;
use eipdesk_core::profiles::{ModeSettings, Profile, SecretStore};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// A cached session is renewed this long before it expires.
pub const MARGIN: Duration = Duration::from_secs(5 * 60);

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Cached {
    fingerprint: String,
    access_key_id: String,
    access_key_secret: String,
    security_token: String,
    #[serde(with = "time::serde::rfc3339")]
    expiration: OffsetDateTime,
}

fn account(profile: &Profile) -> String {
    eipdesk_core::profiles::keychain::session_account(profile.id.as_str())
}

/// What the cached session depends on: the role settings, the region and the endpoint.
fn fingerprint(profile: &Profile) -> Option<String> {
    let ModeSettings::RamRole(role) = &profile.settings else {
        return None;
    };
    Some(
        serde_json::json!([
            role,
            profile.region,
            profile.endpoint,
            profile.access_key_id_masked
        ])
        .to_string(),
    )
}

/// The cached session of a RAM role profile, when there is one still good for [`MARGIN`].
/// A cache that cannot be read counts as none.
pub fn load(
    keychain: &dyn SecretStore,
    profile: &Profile,
    now: OffsetDateTime,
) -> Option<Credentials> {
    let wanted = fingerprint(profile)?;
    let raw = keychain.get(&account(profile)).ok()??;
    let c: Cached = serde_json::from_str(raw.expose()).ok()?;
    (c.fingerprint == wanted && c.expiration > now + MARGIN).then(|| Credentials {
        access_key_id: c.access_key_id,
        access_key_secret: Secret::new(c.access_key_secret),
        security_token: Some(Secret::new(c.security_token)),
        expiration: Some(c.expiration),
    })
}

/// Keeps a fresh session for the next run. Failing to cache is not an error.
pub fn store(keychain: &dyn SecretStore, profile: &Profile, creds: &Credentials) {
    let (Some(fingerprint), Some(token), Some(expiration)) = (
        fingerprint(profile),
        &creds.security_token,
        creds.expiration,
    ) else {
        return;
    };
    let cached = Cached {
        fingerprint,
        access_key_id: creds.access_key_id.clone(),
        access_key_secret: creds.access_key_secret.expose().to_string(),
        security_token: token.expose().to_string(),
        expiration,
    };
    let text = Secret::new(serde_json::to_string(&cached).unwrap_or_default());
    let label = format!("EIP Desk: {} session (cached)", profile.name);
    let _ = keychain.set_labelled(&account(profile), &label, &text);
}
