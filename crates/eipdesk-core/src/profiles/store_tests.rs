//! Unit tests of [`ProfileStore`] against the in-memory secret store.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

use time::OffsetDateTime;
use time::macros::datetime;

use super::memory_store::MemorySecretStore;
use super::*;
use alicloud_api::Secret;

const SECRET: &str = "fake-secret-for-tests";
const KEY_ID: &str = "LTAI5tFakeKeyForTestsab12";

struct Fixture {
    dir: tempfile::TempDir,
    keychain: Arc<MemorySecretStore>,
    store: ProfileStore,
}

fn stepping_clock() -> impl Fn() -> OffsetDateTime + Send + Sync + 'static {
    let tick = AtomicI64::new(0);
    move || {
        datetime!(2026-03-01 00:00:00 UTC)
            + time::Duration::minutes(tick.fetch_add(1, Ordering::SeqCst))
    }
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let keychain = Arc::new(MemorySecretStore::default());
    let store = ProfileStore::open(dir.path(), keychain.clone())
        .unwrap()
        .with_clock(stepping_clock());
    Fixture {
        dir,
        keychain,
        store,
    }
}

fn reopen(f: &Fixture) -> ProfileStore {
    ProfileStore::open(f.dir.path(), f.keychain.clone()).unwrap()
}

fn access_key(name: &str) -> NewProfile {
    NewProfile {
        name: name.into(),
        region: "cn-shanghai".into(),
        label: EnvLabel::Production,
        credentials: NewCredentials::AccessKey {
            access_key_id: KEY_ID.into(),
            access_key_secret: Secret::from(SECRET),
        },
    }
}

fn role_from(name: &str, source: &ProfileId) -> NewProfile {
    NewProfile {
        name: name.into(),
        region: "cn-beijing".into(),
        label: EnvLabel::Staging,
        credentials: NewCredentials::RamRole {
            source: NewRoleSource::Profile {
                profile_id: source.clone(),
            },
            role_arn: "acs:ram::1234567890:role/admin".into(),
            session_name: "eipdesk".into(),
            duration_seconds: None,
            external_id: Some("ext-42".into()),
        },
    }
}

fn file_text(f: &Fixture) -> String {
    std::fs::read_to_string(f.store.file_path()).unwrap()
}

#[test]
fn sandbox_is_always_present_and_active_by_default() {
    let f = fixture();
    let list = f.store.list();
    assert_eq!(list.len(), 1);
    assert!(list[0].builtin && list[0].active);
    assert_eq!(list[0].mode, AuthMode::Sandbox);
    assert_eq!(f.store.active().id, ProfileId::sandbox());
    assert!(f.store.file_path().exists());
    assert_eq!(f.store.secrets(&ProfileId::sandbox()).unwrap(), None);
}

#[test]
fn create_puts_the_secret_in_the_keychain_only() {
    let mut f = fixture();
    let s = f.store.create(access_key("prod")).unwrap();
    assert_eq!(s.access_key_id_masked.as_deref(), Some("LTAI****ab12"));
    assert_eq!(s.label_color, "red");
    let raw = f.keychain.raw(s.id.as_str()).unwrap();
    assert!(raw.contains(SECRET) && raw.contains(KEY_ID));
    let text = file_text(&f);
    assert!(!text.contains(SECRET) && !text.contains(KEY_ID), "{text}");
    let secrets = f.store.secrets(&s.id).unwrap().unwrap();
    assert_eq!(secrets.access_key_secret.expose(), SECRET);
    let json = serde_json::to_string(&f.store.list()).unwrap();
    assert!(!json.contains(SECRET) && !json.contains(KEY_ID));
    assert_eq!(reopen(&f).summary(&s.id).unwrap().name, "prod");
}

#[test]
fn names_are_unique_and_sandbox_is_protected() {
    let mut f = fixture();
    f.store.create(access_key("prod")).unwrap();
    for taken in ["PROD", " prod ", "sandbox"] {
        let err = f.store.create(access_key(taken)).unwrap_err();
        assert_eq!(err.code(), "profile.name_taken", "{taken}");
    }
    let sandbox = ProfileId::sandbox();
    assert_eq!(
        f.store.delete(&sandbox).unwrap_err().code(),
        "profile.builtin"
    );
    assert_eq!(
        f.store.rename(&sandbox, "x").unwrap_err().code(),
        "profile.builtin"
    );
    // region and label of the sandbox may change
    let edit = ProfileEdit {
        region: Some("ap-southeast-1".into()),
        label: Some(EnvLabel::None),
        ..Default::default()
    };
    assert_eq!(
        f.store.update(&sandbox, edit).unwrap().region,
        "ap-southeast-1"
    );
    let creds = ProfileEdit {
        credentials: Some(CredentialsEdit::AccessKey {
            access_key_id: None,
            access_key_secret: None,
        }),
        ..Default::default()
    };
    assert_eq!(
        f.store.update(&sandbox, creds).unwrap_err().code(),
        "profile.builtin"
    );
    assert_eq!(f.keychain.len(), 1);
}

#[test]
fn rename_keeps_id_and_keychain_item() {
    let mut f = fixture();
    let s = f.store.create(access_key("prod")).unwrap();
    let renamed = f.store.rename(&s.id, "prod-renamed").unwrap();
    assert_eq!(renamed.id, s.id);
    assert_eq!(
        f.store
            .secrets(&s.id)
            .unwrap()
            .unwrap()
            .access_key_secret
            .expose(),
        SECRET
    );
    assert_eq!(f.keychain.len(), 1);
}

#[test]
fn delete_removes_the_item_and_refuses_used_sources() {
    let mut f = fixture();
    let base = f.store.create(access_key("base")).unwrap();
    let role = f.store.create(role_from("role", &base.id)).unwrap();
    assert_eq!(
        f.keychain.len(),
        1,
        "a role with a profile source has no item"
    );
    let err = f.store.delete(&base.id).unwrap_err();
    assert_eq!(err.code(), "profile.in_use");
    assert!(err.to_string().contains("role"));
    f.store.set_active(&role.id).unwrap();
    f.store.delete(&role.id).unwrap();
    assert_eq!(f.store.active_id(), &ProfileId::sandbox());
    f.store.delete(&base.id).unwrap();
    assert_eq!(f.keychain.len(), 0);
    assert_eq!(
        f.store.delete(&base.id).unwrap_err().code(),
        "profile.not_found"
    );
    assert_eq!(reopen(&f).list().len(), 1);
}

#[test]
fn active_profile_and_usage_persist_and_drive_the_order() {
    let mut f = fixture();
    let a = f.store.create(access_key("alpha")).unwrap();
    let b = f.store.create(role_from("beta", &a.id)).unwrap();
    f.store.set_active(&b.id).unwrap();
    f.store.set_active(&a.id).unwrap();
    f.store.set_active(&b.id).unwrap();
    let reopened = reopen(&f);
    assert_eq!(reopened.active_id(), &b.id);
    let list = reopened.list();
    let names: Vec<_> = list.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["beta", "alpha", "Sandbox"]);
    assert_eq!(list[0].use_count, 2);
    assert!(list[0].active && !list[1].active);
    assert_eq!(
        list[0]
            .role
            .as_ref()
            .unwrap()
            .source_profile_name
            .as_deref(),
        Some("alpha")
    );
    assert_eq!(
        reopened.search("1234").len(),
        0,
        "account unknown until tested"
    );
    assert_eq!(f.store.search("beij")[0].name, "beta");
    assert_eq!(
        f.store
            .set_active(&ProfileId::parse("p-missing").unwrap())
            .unwrap_err()
            .code(),
        "profile.not_found"
    );
}

#[test]
fn update_keeps_or_replaces_secrets() {
    let mut f = fixture();
    let s = f.store.create(access_key("prod")).unwrap();
    // metadata-only edit: keychain untouched
    f.keychain.set_locked(true);
    let e = ProfileEdit {
        label: Some(EnvLabel::Test),
        ..Default::default()
    };
    assert_eq!(f.store.update(&s.id, e).unwrap().label, EnvLabel::Test);
    f.keychain.set_locked(false);
    // new secret, same ID
    let e = ProfileEdit {
        credentials: Some(CredentialsEdit::AccessKey {
            access_key_id: None,
            access_key_secret: Some(Secret::from("fake-secret-2")),
        }),
        ..Default::default()
    };
    f.store.update(&s.id, e).unwrap();
    let got = f.store.secrets(&s.id).unwrap().unwrap();
    assert_eq!(
        (got.access_key_id.as_str(), got.access_key_secret.expose()),
        (KEY_ID, "fake-secret-2")
    );
    // new ID without a secret is refused
    let e = ProfileEdit {
        credentials: Some(CredentialsEdit::AccessKey {
            access_key_id: Some("LTAIotherkey0000".into()),
            access_key_secret: None,
        }),
        ..Default::default()
    };
    let err = f.store.update(&s.id, e).unwrap_err();
    assert_eq!(err.field(), Some("accessKeySecret"));
    // switching to a role with its own AccessKey reuses the stored key
    let e = ProfileEdit {
        credentials: Some(CredentialsEdit::RamRole {
            source: Some(RoleSourceEdit::AccessKey {
                access_key_id: None,
                access_key_secret: None,
            }),
            role_arn: Some("acs:ram::1234567890:role/ops".into()),
            session_name: Some("ops".into()),
            duration_seconds: Some(900),
            external_id: None,
        }),
        ..Default::default()
    };
    let r = f.store.update(&s.id, e).unwrap();
    assert_eq!(r.mode, AuthMode::RamRole);
    assert_eq!(r.access_key_id_masked.as_deref(), Some("LTAI****ab12"));
    assert_eq!(
        f.store
            .secrets(&s.id)
            .unwrap()
            .unwrap()
            .access_key_secret
            .expose(),
        "fake-secret-2"
    );
    // switching to STS needs a token
    let e = ProfileEdit {
        credentials: Some(CredentialsEdit::StsToken {
            access_key_id: Some("STS.fakeid".into()),
            access_key_secret: Some(Secret::from("x-secret")),
            security_token: None,
            expiration: None,
        }),
        ..Default::default()
    };
    assert_eq!(
        f.store.update(&s.id, e).unwrap_err().field(),
        Some("securityToken")
    );
    // switching to a profile source removes the keychain item
    let other = f.store.create(access_key("other")).unwrap();
    let e = ProfileEdit {
        credentials: Some(CredentialsEdit::RamRole {
            source: Some(RoleSourceEdit::Profile {
                profile_id: other.id.clone(),
            }),
            role_arn: None,
            session_name: None,
            duration_seconds: None,
            external_id: Some(String::new()),
        }),
        ..Default::default()
    };
    let r = f.store.update(&s.id, e).unwrap();
    assert_eq!(r.access_key_id_masked, None);
    let role = r.role.unwrap();
    assert_eq!(
        (
            role.session_name.as_str(),
            role.duration_seconds,
            role.external_id
        ),
        ("ops", 900, None)
    );
    assert!(f.keychain.raw(s.id.as_str()).is_none());
}

#[test]
fn sts_token_edits_merge_with_the_stored_token() {
    let mut f = fixture();
    let exp = datetime!(2026-03-02 00:00:00 UTC);
    let s = f
        .store
        .create(NewProfile {
            name: "sts".into(),
            region: "cn-hangzhou".into(),
            label: EnvLabel::None,
            credentials: NewCredentials::StsToken {
                access_key_id: "STS.FakeIdForTests1".into(),
                access_key_secret: Secret::from(SECRET),
                security_token: Secret::from("fake-token-1"),
                expiration: Some(exp),
            },
        })
        .unwrap();
    assert_eq!(s.sts_expiration, Some(exp));
    let e = ProfileEdit {
        credentials: Some(CredentialsEdit::StsToken {
            access_key_id: None,
            access_key_secret: None,
            security_token: Some(Secret::from("fake-token-2")),
            expiration: None,
        }),
        ..Default::default()
    };
    let s2 = f.store.update(&s.id, e).unwrap();
    assert_eq!(
        s2.sts_expiration, None,
        "a new token without expiry has unknown expiry"
    );
    let got = f.store.secrets(&s.id).unwrap().unwrap();
    assert_eq!(got.security_token.unwrap().expose(), "fake-token-2");
    assert_eq!(got.access_key_secret.expose(), SECRET);
}

#[test]
fn role_sources_are_checked() {
    let mut f = fixture();
    let err = f
        .store
        .create(role_from("r", &ProfileId::sandbox()))
        .unwrap_err();
    assert_eq!(err.field(), Some("source"));
    let err = f
        .store
        .create(role_from("r", &ProfileId::parse("p-nothere").unwrap()))
        .unwrap_err();
    assert_eq!(err.field(), Some("source"));
    let a = f.store.create(access_key("a")).unwrap();
    let r1 = f.store.create(role_from("r1", &a.id)).unwrap();
    let r2 = f.store.create(role_from("r2", &r1.id)).unwrap();
    // r1 -> r2 -> r1 would loop
    let e = ProfileEdit {
        credentials: Some(CredentialsEdit::RamRole {
            source: Some(RoleSourceEdit::Profile {
                profile_id: r2.id.clone(),
            }),
            role_arn: None,
            session_name: None,
            duration_seconds: None,
            external_id: None,
        }),
        ..Default::default()
    };
    assert_eq!(
        f.store.update(&r1.id, e).unwrap_err().code(),
        "profile.source_chain"
    );
}

#[test]
fn locked_keychain_is_a_typed_error_and_nothing_is_written() {
    let mut f = fixture();
    let before = file_text(&f);
    f.keychain.set_locked(true);
    let err = f.store.create(access_key("prod")).unwrap_err();
    assert_eq!(err.code(), "keychain.locked");
    assert!(!err.hint().is_empty());
    assert_eq!(file_text(&f), before);
    assert_eq!(f.store.list().len(), 1);
    // The Sandbox keeps working without a keychain.
    f.store.set_active(&ProfileId::sandbox()).unwrap();
    assert_eq!(
        f.store.keychain_status().unwrap_err().code(),
        "keychain.locked"
    );
}

#[test]
fn failed_metadata_save_rolls_back_the_keychain_item() {
    let mut f = fixture();
    let path = f.store.file_path().to_path_buf();
    std::fs::remove_file(&path).unwrap();
    std::fs::create_dir(&path).unwrap();
    std::fs::write(path.join("blocker"), b"x").unwrap();
    let err = f.store.create(access_key("prod")).unwrap_err();
    assert_eq!(err.code(), "profile.file_write");
    assert_eq!(f.keychain.len(), 0);
    assert_eq!(f.store.list().len(), 1);
}

#[test]
fn corrupt_file_is_reported_not_overwritten() {
    let f = fixture();
    std::fs::write(f.store.file_path(), "version = 1\n[[profiles]]\nid = 3\n").unwrap();
    let err = ProfileStore::open(f.dir.path(), f.keychain.clone()).unwrap_err();
    assert_eq!(err.code(), "profile.file_corrupt");
    assert_eq!(
        std::fs::read_to_string(f.store.file_path()).unwrap(),
        "version = 1\n[[profiles]]\nid = 3\n"
    );
}

#[test]
fn missing_or_damaged_items_are_typed() {
    let mut f = fixture();
    let s = f.store.create(access_key("prod")).unwrap();
    f.keychain.delete(s.id.as_str()).unwrap();
    assert_eq!(
        f.store.secrets(&s.id).unwrap_err().code(),
        "profile.secret_missing"
    );
    f.keychain
        .set(
            s.id.as_str(),
            &Secret::from("not json fake-secret-for-tests"),
        )
        .unwrap();
    let err = f.store.secrets(&s.id).unwrap_err();
    assert_eq!(err.code(), "profile.secret_corrupt");
    assert!(!err.to_string().contains("fake-secret"));
}

#[test]
fn ui_dtos_deserialize_from_camel_case() {
    let json = r#"{"name":"n","region":"cn-hangzhou","label":"production",
        "credentials":{"mode":"ramRole","source":{"kind":"accessKey","accessKeyId":"LTAIx123","accessKeySecret":"s"},
        "roleArn":"acs:ram::1:role/r","sessionName":"ss","durationSeconds":1800}}"#;
    let p: NewProfile = serde_json::from_str(json).unwrap();
    assert!(format!("{p:?}").contains("[REDACTED]"));
    let edit: ProfileEdit =
        serde_json::from_str(r#"{"credentials":{"mode":"stsToken","securityToken":"t"}}"#).unwrap();
    assert!(matches!(
        edit.credentials,
        Some(CredentialsEdit::StsToken {
            security_token: Some(_),
            ..
        })
    ));
    assert!(
        serde_json::from_str::<ProfileEdit>(
            r#"{"credentials":{"mode":"ramRole","source":{"kind":"profile","profileId":"../etc"}}}"#
        )
        .is_err()
    );
    let s = serde_json::to_value(fixture().store.active()).unwrap();
    assert_eq!(s["labelColor"], "green");
    assert_eq!(s["mode"], "sandbox");
    assert_eq!(s["id"], "sandbox");
}
