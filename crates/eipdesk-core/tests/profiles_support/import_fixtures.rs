//! Helpers for the import tests: the fixture files, scan-report lookups and the list of
//! every fake secret in the fixtures (which must never show up in a report or error).

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use eipdesk_core::profiles::ProfileStore;
use eipdesk_core::profiles::import::{
    ImportCandidate, ImportSelection, ImportSources, ScanReport, SourceKind,
};

use super::{TestSecretStore, fixtures};

/// Every fake secret value in the fixtures.
pub const FIXTURE_SECRETS: &[&str] = &[
    "fake-secret-for-tests-ak",
    "fake-secret-for-tests-ak2",
    "fake-secret-for-tests-sts",
    "fake-token-for-tests-sts",
    "fake-secret-for-tests-role",
    "fake-secret-for-tests-role2",
    "fake-secret-for-tests-role3",
    "fake-token-for-tests-role3",
    "fake-secret-for-tests-ak4",
    "fake-private-key-for-tests",
    "fake-bearer-for-tests",
    "fake-secret-for-tests-ini",
    "fake-secret-for-tests-ini-ram",
    "fake-secret-for-tests-ini-policy",
    "fake-secret-for-tests-ini-disabled",
    "fake-secret-for-tests-ini-malformed",
    "fake-secret-for-tests-malformed",
    "fake-secret-for-tests-structure",
    "fake-secret-for-tests-unnamed",
];

pub fn cli_config() -> PathBuf {
    fixtures().join("aliyun/config.json")
}

pub fn ini_file() -> PathBuf {
    fixtures().join("alibabacloud/credentials")
}

pub fn sources(
    cli: Option<PathBuf>,
    ini: Option<PathBuf>,
    env: Option<HashMap<String, String>>,
) -> ImportSources {
    ImportSources {
        aliyun_config: cli,
        credentials_file: ini,
        env,
    }
}

pub fn candidates(report: &ScanReport, kind: SourceKind) -> Vec<ImportCandidate> {
    report
        .sources
        .iter()
        .find(|s| s.kind == kind)
        .map(|s| s.candidates.clone())
        .unwrap_or_default()
}

pub fn by_name<'a>(list: &'a [ImportCandidate], name: &str) -> &'a ImportCandidate {
    list.iter()
        .find(|c| c.name == name)
        .unwrap_or_else(|| panic!("no candidate {name}"))
}

pub fn assert_no_fixture_secret(text: &str) {
    for secret in FIXTURE_SECRETS {
        assert!(!text.contains(secret), "{secret} leaked into: {text}");
    }
}

pub fn store() -> (tempfile::TempDir, Arc<TestSecretStore>, ProfileStore) {
    let dir = tempfile::tempdir().unwrap();
    let secrets = Arc::new(TestSecretStore::default());
    let store = ProfileStore::open(dir.path(), secrets.clone()).unwrap();
    (dir, secrets, store)
}

pub fn select(keys: &[&str]) -> Vec<ImportSelection> {
    keys.iter()
        .map(|k| ImportSelection {
            key: (*k).to_string(),
            name: None,
            label: None,
            again: false,
        })
        .collect()
}
