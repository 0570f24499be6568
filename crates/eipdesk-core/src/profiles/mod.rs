//! Credential profiles: the model, where metadata and secrets are kept, switching, search,
//! import from the aliyun CLI / credentials file / environment, and connection tests.
//!
//! Metadata lives in `profiles.toml` in the data directory (never a secret); secrets live in
//! the OS keychain, one item per profile (service `eipdesk`, account = profile id, content =
//! a small JSON document). See [`ProfileStore`] for the operations the UI calls.

pub mod aliyun_config;
pub mod connect;
mod describe;
mod edit;
mod error;
mod file;
pub mod import;
mod inputs;
pub mod keychain;
pub mod keyring_store;
pub mod known_regions;
pub mod model;
pub mod search;
pub mod secret;
mod store;
pub mod validate;

#[cfg(test)]
pub(crate) mod memory_store;
#[cfg(test)]
mod store_tests;

pub use connect::{
    ConnectError, ConnectOptions, ConnectionReport, ProviderCache, SandboxAccess, client_for,
    client_with, credentials_provider, test_connection,
};
pub use error::ProfileError;
pub use inputs::{
    CredentialsEdit, NewCredentials, NewProfile, NewRoleSource, ProfileEdit, RoleSourceEdit,
};
pub use keychain::{KeychainError, SERVICE, SecretStore};
pub use keyring_store::KeyringStore;
pub use model::{
    AuthMode, EnvLabel, ModeSettings, OidcSettings, Profile, ProfileId, ProfileSummary,
    RoleSettings, RoleSource, RoleSummary, mask_key_id,
};
pub use secret::ProfileSecrets;
pub use store::{MAX_SOURCE_CHAIN, ProfileExtras, ProfileStore, SANDBOX_NAME, SANDBOX_REGION};

/// TypeScript declarations of every profile type the UI sends or receives (ts-rs `decl()`),
/// in dependency order, for the shell's bindings file.
pub fn typescript_declarations() -> Vec<String> {
    use ts_rs::TS;
    let mut all = vec![
        ProfileId::decl(),
        AuthMode::decl(),
        EnvLabel::decl(),
        RoleSummary::decl(),
        ProfileSummary::decl(),
        NewRoleSource::decl(),
        NewCredentials::decl(),
        NewProfile::decl(),
        RoleSourceEdit::decl(),
        CredentialsEdit::decl(),
        ProfileEdit::decl(),
        ConnectionReport::decl(),
        validate::FieldReason::decl(),
        validate::FieldLabel::decl(),
        import::JsonKind::decl(),
        import::FileProblem::decl(),
        import::ImportReason::decl(),
        import::ImportNote::decl(),
        import::SourceKind::decl(),
        import::ImportCandidate::decl(),
        import::SourceStatus::decl(),
        import::SourceProblem::decl(),
        import::SourceReport::decl(),
        import::ScanReport::decl(),
        import::ImportSelection::decl(),
        import::ImportedProfile::decl(),
        import::ImportSkipped::decl(),
        import::ImportFailure::decl(),
        import::ImportReport::decl(),
    ];
    all.extend(aliyun_config::typescript_declarations());
    all
}

#[cfg(test)]
mod ts_tests {
    #[test]
    fn declarations_render_secrets_as_plain_strings_and_dates_as_strings() {
        let all = super::typescript_declarations().join("\n");
        println!("{all}");
        assert!(all.contains("type ProfileId = string"), "{all}");
        assert!(all.contains("accessKeySecret: string"), "{all}");
        assert!(all.contains("lastUsed: string | null"), "{all}");
        assert!(all.contains("\"mode\": \"ramRole\""), "{all}");
        assert!(all.contains("labelColor: string"), "{all}");
        assert!(
            !all.contains(": Secret") && !all.contains("OffsetDateTime"),
            "{all}"
        );
    }
}
