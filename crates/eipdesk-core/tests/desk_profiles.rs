//! The app service's profile workflow against the in-process Sandbox emulator: create a
//! profile for the emulator's second account (with the "Use the Sandbox endpoint" option),
//! test it, switch to it (new generation, that account's EIPs), restart (the active profile
//! is restored, or the Sandbox with a notice when its keychain item is gone), edit and delete.
//! An in-memory secret store stands in for the OS keychain (the keychain itself is tested
//! with the profile store).

use eipdesk_core::DescribeError;
use eipdesk_core::api::Environment;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use alicloud_api::Secret;
use alicloud_emulator::{
    DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET, SECOND_ACCESS_KEY_ID, SECOND_ACCESS_KEY_SECRET,
    SECOND_ACCOUNT_ID,
};
use eipdesk_core::EipDesk;
use eipdesk_core::profiles::{
    EnvLabel, KeychainError, NewCredentials, NewProfile, NewRoleSource, ProfileEdit, ProfileId,
    SecretStore,
};

#[derive(Debug, Default)]
struct MemoryKeychain {
    items: Mutex<HashMap<String, String>>,
    locked: Mutex<bool>,
}

impl MemoryKeychain {
    fn check_locked(&self) -> Result<(), KeychainError> {
        if *self.locked.lock().unwrap() {
            return Err(KeychainError::Locked {
                detail: "test keyring".into(),
            });
        }
        Ok(())
    }
    fn len(&self) -> usize {
        self.items.lock().unwrap().len()
    }
}

impl SecretStore for MemoryKeychain {
    fn set(&self, account: &str, secret: &Secret) -> Result<(), KeychainError> {
        self.check_locked()?;
        self.items
            .lock()
            .unwrap()
            .insert(account.into(), secret.expose().into());
        Ok(())
    }
    fn get(&self, account: &str) -> Result<Option<Secret>, KeychainError> {
        self.check_locked()?;
        Ok(self
            .items
            .lock()
            .unwrap()
            .get(account)
            .map(|s| Secret::from(s.clone())))
    }
    fn delete(&self, account: &str) -> Result<bool, KeychainError> {
        self.check_locked()?;
        Ok(self.items.lock().unwrap().remove(account).is_some())
    }
    fn check(&self) -> Result<(), KeychainError> {
        self.check_locked()
    }
}

fn second_account(name: &str) -> NewProfile {
    NewProfile {
        name: name.into(),
        region: "cn-hangzhou".into(),
        label: EnvLabel::Production,
        credentials: NewCredentials::AccessKey {
            access_key_id: SECOND_ACCESS_KEY_ID.into(),
            access_key_secret: Secret::from(SECOND_ACCESS_KEY_SECRET),
        },
    }
}

/// An EIP of the second account in cn-hangzhou (crates/alicloud-emulator/src/seed/demo_ids.rs).
const SECOND_ACCOUNT_EIP: &str = "eip-bp1740pp0fixxi6ybelj";

async fn eip_ids(desk: &EipDesk) -> Vec<String> {
    desk.list_eips("cn-hangzhou")
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.allocation_id)
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn create_test_switch_restart_and_delete() {
    let dir = tempfile::tempdir().unwrap();
    let keychain = Arc::new(MemoryKeychain::default());
    let desk = EipDesk::start_with(dir.path(), keychain.clone())
        .await
        .unwrap();

    let start = desk.active_profile().await.unwrap();
    assert!(start.profile.profile.builtin);
    assert_eq!(start.environment, Environment::Sandbox);
    assert!(start.notice.is_none());
    assert!(
        !eip_ids(&desk)
            .await
            .contains(&SECOND_ACCOUNT_EIP.to_string())
    );

    let created = desk
        .create_profile(second_account("acme"), true)
        .await
        .unwrap();
    assert!(created.sandbox_endpoint);
    assert_eq!(
        created.profile.access_key_id_masked.as_deref(),
        Some("LTAI****ox02")
    );
    assert_eq!(keychain.len(), 1, "the secret went to the keychain");
    let toml = std::fs::read_to_string(dir.path().join("profiles.toml")).unwrap();
    assert!(!toml.contains(SECOND_ACCESS_KEY_SECRET) && !toml.contains(SECOND_ACCESS_KEY_ID));
    let id = created.profile.id.clone();

    let report = desk.test_profile_connection(id.clone()).await.unwrap();
    assert_eq!(report.account_id, SECOND_ACCOUNT_ID);
    assert!(!report.request_id.is_empty());
    let found = desk.search_profiles("5678".into()).await.unwrap();
    assert_eq!(found.len(), 1, "search by the recorded account ID");
    assert_eq!(
        found[0].profile.account_id.as_deref(),
        Some(SECOND_ACCOUNT_ID)
    );

    let active = desk.switch_profile(id.clone()).await.unwrap();
    assert_eq!(active.profile.profile.id, id);
    assert_eq!(active.environment, Environment::Production);
    assert_eq!(active.profile.profile.label_color, "red");
    assert!(active.generation > start.generation);
    assert!(
        eip_ids(&desk)
            .await
            .contains(&SECOND_ACCOUNT_EIP.to_string())
    );
    drop(desk);

    // A restart restores the active profile.
    let desk = EipDesk::start_with(dir.path(), keychain.clone())
        .await
        .unwrap();
    let restored = desk.active_profile().await.unwrap();
    assert_eq!(restored.profile.profile.id, id);
    assert!(restored.notice.is_none());
    assert!(
        eip_ids(&desk)
            .await
            .contains(&SECOND_ACCOUNT_EIP.to_string())
    );

    // Editing the active profile rebuilds the session (new generation).
    let before = restored.generation;
    let edited = desk
        .update_profile(
            id.clone(),
            ProfileEdit {
                label: Some(EnvLabel::Staging),
                ..ProfileEdit::default()
            },
            None,
        )
        .await
        .unwrap();
    assert_eq!(edited.profile.label, EnvLabel::Staging);
    let after = desk.active_profile().await.unwrap();
    assert!(after.generation > before);
    assert_eq!(after.environment, Environment::Staging);

    // Deleting the active profile removes its keychain item and goes back to the Sandbox.
    desk.delete_profile(id.clone()).await.unwrap();
    assert_eq!(keychain.len(), 0);
    let back = desk.active_profile().await.unwrap();
    assert!(back.profile.profile.builtin);
    assert!(
        !eip_ids(&desk)
            .await
            .contains(&SECOND_ACCOUNT_EIP.to_string())
    );
    assert!(
        !std::fs::read_to_string(dir.path().join("sandbox-endpoint.toml"))
            .unwrap()
            .contains(id.as_str())
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn locked_keychain_or_missing_item_falls_back_to_the_sandbox_with_a_notice() {
    let dir = tempfile::tempdir().unwrap();
    let keychain = Arc::new(MemoryKeychain::default());
    let desk = EipDesk::start_with(dir.path(), keychain.clone())
        .await
        .unwrap();
    let id = desk
        .create_profile(second_account("acme"), true)
        .await
        .unwrap()
        .profile
        .id;
    desk.switch_profile(id.clone()).await.unwrap();
    drop(desk);

    *keychain.locked.lock().unwrap() = true;
    let desk = EipDesk::start_with(dir.path(), keychain.clone())
        .await
        .unwrap();
    let active = desk.active_profile().await.unwrap();
    assert!(active.profile.profile.builtin, "fell back to the Sandbox");
    let notice = active.notice.expect("a notice says why");
    assert_eq!(notice.code, "keychain.locked");
    assert!(notice.message.contains("acme"), "{}", notice.message);
    assert!(notice.hint.unwrap().contains("Unlock"));
    // The Sandbox works.
    assert!(!eip_ids(&desk).await.is_empty());
    let overview = desk.profiles_overview().await.unwrap();
    assert!(!overview.keychain.available);
    assert_eq!(overview.keychain.error.unwrap().code, "keychain.locked");
    assert_eq!(
        overview
            .profiles
            .iter()
            .filter(|p| p.profile.active)
            .map(|p| p.profile.name.as_str())
            .collect::<Vec<_>>(),
        ["Sandbox"],
        "the list marks the session's profile active, not the file's"
    );
    // Switching while locked is refused with the keychain's code; the session stays.
    let err = desk.switch_profile(id.clone()).await.unwrap_err().to_dto();
    assert_eq!(err.code, "keychain.locked");

    // Unlocked: switching works and clears the notice.
    *keychain.locked.lock().unwrap() = false;
    let active = desk.switch_profile(id.clone()).await.unwrap();
    assert!(active.notice.is_none());
    assert!(!active.profile.profile.builtin);
    drop(desk);

    // The item deleted behind the app's back: the next start says so.
    keychain.items.lock().unwrap().clear();
    let desk = EipDesk::start_with(dir.path(), keychain.clone())
        .await
        .unwrap();
    let active = desk.active_profile().await.unwrap();
    assert!(active.profile.profile.builtin);
    assert_eq!(active.notice.unwrap().code, "profile.secret_missing");
}

/// The role profile as the profile list shows it.
async fn listed(desk: &EipDesk) -> eipdesk_core::api::DeskProfile {
    desk.search_profiles("demo admin".into()).await.unwrap()[0].clone()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ram_role_test_shows_the_assumed_role_and_expiry() {
    let dir = tempfile::tempdir().unwrap();
    let keychain = Arc::new(MemoryKeychain::default());
    let desk = EipDesk::start_with(dir.path(), keychain).await.unwrap();
    let role_arn = alicloud_emulator::demo_role_arn();
    let created = desk
        .create_profile(
            NewProfile {
                name: "demo admin role".into(),
                region: "cn-hangzhou".into(),
                label: EnvLabel::None,
                credentials: NewCredentials::RamRole {
                    source: NewRoleSource::AccessKey {
                        access_key_id: DEMO_ACCESS_KEY_ID.into(),
                        access_key_secret: Secret::from(DEMO_ACCESS_KEY_SECRET),
                    },
                    role_arn: role_arn.clone(),
                    session_name: "eipdesk-test".into(),
                    duration_seconds: Some(900),
                    external_id: None,
                },
            },
            true,
        )
        .await
        .unwrap();
    let before = listed(&desk).await;
    assert_eq!(
        (before.session_expires, before.session_expired),
        (None, false)
    );
    let report = desk
        .test_profile_connection(created.profile.id.clone())
        .await
        .unwrap();
    assert_eq!(report.identity_type, "AssumedRoleUser");
    assert!(
        report.arn.contains("assumed-role") && report.arn.contains("eipdesk-test"),
        "{}",
        report.arn
    );
    assert!(report.credentials_expire.is_some());
    // The profile list shows when the role session expires (the 900 s asked for).
    let after = listed(&desk).await;
    let expires = after
        .session_expires
        .expect("the session's expiry is listed");
    assert!(!after.session_expired);
    let left = expires - time::OffsetDateTime::now_utc();
    assert!(
        left > time::Duration::seconds(600) && left <= time::Duration::seconds(900),
        "{left}"
    );

    // Without the Sandbox endpoint option the profile would call the real cloud: turning it
    // off is persisted and reported.
    let edited = desk
        .update_profile(created.profile.id, ProfileEdit::default(), Some(false))
        .await
        .unwrap();
    assert!(!edited.sandbox_endpoint);
    let bad = ProfileId::parse("p-doesnotexist").unwrap();
    let err = desk.switch_profile(bad).await.unwrap_err().to_dto();
    assert_eq!(err.code, "profile.not_found");
}
