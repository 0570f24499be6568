//! Import step one, `scan`: what the sample files in `tests/fixtures/import/` (and an
//! environment map) yield, malformed and unreadable sources, and that no secret appears in
//! a report. All secrets in the fixtures are fake.

mod profiles_support;

use std::collections::HashMap;
use std::path::Path;

use eipdesk_core::profiles::AuthMode;
use eipdesk_core::profiles::import::{
    self, ImportCandidate, ImportSources, SourceKind, SourceStatus,
};
use profiles_support::import_fixtures::*;
use profiles_support::*;

#[test]
fn scan_lists_every_aliyun_cli_mode_without_secrets() {
    let report = import::scan(&sources(Some(cli_config()), None, None));
    assert_eq!(report.sources.len(), 1);
    assert_eq!(report.sources[0].status, SourceStatus::Found);
    let list = candidates(&report, SourceKind::AliyunCli);
    assert_eq!(list.len(), 25);

    let ak = by_name(&list, "ak-main");
    assert!(ak.importable);
    assert_eq!(ak.key, "aliyun-cli:ak-main");
    assert_eq!(ak.mode, Some(AuthMode::AccessKey));
    assert_eq!(ak.access_key_id_masked.as_deref(), Some("LTAI****Ak01"));
    assert_eq!(ak.region, "cn-shanghai");
    assert_eq!(
        by_name(&list, "ak-lowercase-mode").mode,
        Some(AuthMode::AccessKey)
    );
    assert_eq!(by_name(&list, "sts").mode, Some(AuthMode::StsToken));
    let role = by_name(&list, "role");
    assert_eq!(
        (role.mode, role.role_arn.as_deref()),
        (
            Some(AuthMode::RamRole),
            Some("acs:ram::1234567890123456:role/eip-admin")
        )
    );
    assert!(
        by_name(&list, "role-no-session")
            .notes
            .iter()
            .any(|n| n.contains("session name"))
    );
    assert!(
        by_name(&list, "ak-no-region")
            .notes
            .iter()
            .any(|n| n.contains("cn-hangzhou"))
    );
    let chain = by_name(&list, "chain");
    assert!(chain.importable);
    assert_eq!(chain.source_profile.as_deref(), Some("role"));
    assert_eq!(chain.access_key_id_masked, None);

    let refused = |name: &str, code: &str, words: &str| {
        let c = by_name(&list, name);
        assert!(!c.importable, "{name} should not be importable");
        assert_eq!(c.reason_code.as_deref(), Some(code), "{name}");
        assert!(
            c.reason.as_deref().unwrap().contains(words),
            "{name}: {:?}",
            c.reason
        );
        assert_eq!(c.mode, None);
    };
    refused("role-with-token", "import.unsupported_setting", "STS token");
    refused(
        "chain-missing-source",
        "import.source_unavailable",
        "not in the file",
    );
    refused("loop-a", "import.source_unavailable", "loops");
    refused("loop-b", "import.source_unavailable", "loops");
    let to_ecs = by_name(&list, "chain-to-ecs");
    assert!(
        to_ecs.importable,
        "its source (EcsRamRole) is importable now"
    );
    assert_eq!(to_ecs.source_profile.as_deref(), Some("ecs"));
    refused(
        "chain-to-sso",
        "import.source_unavailable",
        "cannot be imported",
    );
    refused("ak-no-secret", "import.missing_field", "access_key_secret");
    assert_eq!(by_name(&list, "ecs").mode, Some(AuthMode::EcsRamRole));
    assert_eq!(by_name(&list, "uri").mode, Some(AuthMode::CredentialsUri));
    refused(
        "ecs-by-name",
        "import.mode_unsupported",
        "ECS instance's role",
    );
    refused("rsa", "import.mode_unsupported", "deprecated");
    assert_eq!(by_name(&list, "external").mode, Some(AuthMode::External));
    // Judged like any importable mode: here its token file does not exist.
    refused(
        "oidc",
        "import.invalid_field",
        "oidc_token_file: no file exists",
    );
    refused("sso", "import.mode_unsupported", "CloudSSO");
    refused("oauth", "import.mode_unsupported", "OAuth");
    refused("bearer", "import.mode_unsupported", "bearer");
    refused("anonymous", "import.mode_unsupported", "no credentials");
    refused("weird", "import.mode_unsupported", "unknown");

    assert_no_fixture_secret(&serde_json::to_string(&report).unwrap());
    assert_no_fixture_secret(&format!("{report:?}"));
}

#[test]
fn scan_lists_credentials_file_types() {
    let report = import::scan(&sources(None, Some(ini_file()), None));
    let list = candidates(&report, SourceKind::CredentialsFile);
    let names: Vec<&str> = list.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "default",
            "ram",
            "ram-with-policy",
            "ecs",
            "rsa",
            "disabled",
            "mystery"
        ]
    );
    let default = by_name(&list, "default");
    assert!(default.importable);
    assert_eq!(default.mode, Some(AuthMode::AccessKey));
    assert_eq!(default.key, "credentials-file:default");
    assert_eq!(default.region, "cn-hangzhou");
    assert!(default.notes.iter().any(|n| n.contains("no region")));
    assert_eq!(by_name(&list, "ecs").mode, Some(AuthMode::EcsRamRole));
    let ram = by_name(&list, "ram");
    assert_eq!(ram.mode, Some(AuthMode::RamRole));
    assert_eq!(ram.access_key_id_masked.as_deref(), Some("LTAI****ni02"));
    for (name, code) in [
        ("ram-with-policy", "import.unsupported_setting"),
        ("rsa", "import.mode_unsupported"),
        ("disabled", "import.disabled"),
        ("mystery", "import.mode_unsupported"),
    ] {
        let c = by_name(&list, name);
        assert!(
            !c.importable && c.reason_code.as_deref() == Some(code),
            "{name}: {c:?}"
        );
    }
    assert_no_fixture_secret(&serde_json::to_string(&report).unwrap());
}

#[test]
fn scan_reads_environment_variables_from_the_given_map() {
    let env = |pairs: &[(&str, &str)]| -> HashMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    };
    let one = |map: HashMap<String, String>| -> Vec<ImportCandidate> {
        candidates(
            &import::scan(&sources(None, None, Some(map))),
            SourceKind::Environment,
        )
    };
    let ak = one(env(&[
        ("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAI5tFakeIdForTestsEnv1"),
        (
            "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
            "fake-secret-for-tests-env",
        ),
        ("ALIBABA_CLOUD_REGION_ID", "cn-shenzhen"),
    ]));
    assert_eq!(ak.len(), 1);
    assert_eq!(
        (ak[0].key.as_str(), ak[0].mode, ak[0].region.as_str()),
        ("env:environment", Some(AuthMode::AccessKey), "cn-shenzhen")
    );
    let sts = one(env(&[
        ("ALICLOUD_ACCESS_KEY_ID", "STS.FakeIdForTestsEnv2"),
        ("ALICLOUD_ACCESS_KEY_SECRET", "fake-secret-for-tests-env2"),
        ("ALIBABACLOUD_SECURITY_TOKEN", "fake-token-for-tests-env2"),
    ]));
    assert_eq!(sts[0].mode, Some(AuthMode::StsToken));
    let role = one(env(&[
        ("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAI5tFakeIdForTestsEnv3"),
        (
            "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
            "fake-secret-for-tests-env3",
        ),
        (
            "ALIBABA_CLOUD_ROLE_ARN",
            "acs:ram::1234567890123456:role/env",
        ),
        ("ALIBABA_CLOUD_ROLE_SESSION_NAME", "env-session"),
    ]));
    assert_eq!(role[0].mode, Some(AuthMode::RamRole));
    let half = one(env(&[(
        "ALIBABA_CLOUD_ACCESS_KEY_ID",
        "LTAI5tFakeIdForTestsEnv4",
    )]));
    assert!(!half[0].importable);
    assert!(
        half[0]
            .reason
            .as_deref()
            .unwrap()
            .contains("ALIBABA_CLOUD_ACCESS_KEY_SECRET")
    );
    let report = import::scan(&sources(None, None, Some(env(&[("HOME", "/x")]))));
    assert_eq!(report.sources[0].status, SourceStatus::Missing);
    // An empty primary spelling falls through to an alias.
    let alias = one(env(&[
        ("ALIBABA_CLOUD_ACCESS_KEY_ID", ""),
        ("ALIBABACLOUD_ACCESS_KEY_ID", "LTAI5tFakeIdForTestsEnv5"),
        (
            "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
            "fake-secret-for-tests-env5",
        ),
    ]));
    assert_eq!(
        alias[0].access_key_id_masked.as_deref(),
        Some("LTAI****Env5")
    );
}

#[test]
fn standard_sources_follow_the_cli_conventions() {
    let home = Path::new("/home/someone");
    let s = ImportSources::standard(home, HashMap::new());
    assert_eq!(
        s.aliyun_config.as_deref(),
        Some(home.join(".aliyun/config.json").as_path())
    );
    assert_eq!(
        s.credentials_file.as_deref(),
        Some(home.join(".alibabacloud/credentials").as_path())
    );
    let env: HashMap<String, String> = [
        (
            "ALIBABA_CLOUD_CONFIG_FILE".to_string(),
            "/etc/cli.json".to_string(),
        ),
        (
            "ALIBABA_CLOUD_CREDENTIALS_FILE".to_string(),
            "/etc/creds".to_string(),
        ),
    ]
    .into();
    let s = ImportSources::standard(home, env);
    assert_eq!(s.aliyun_config.as_deref(), Some(Path::new("/etc/cli.json")));
    assert_eq!(s.credentials_file.as_deref(), Some(Path::new("/etc/creds")));
    let missing = import::scan(&sources(Some(home.join("no/such/config.json")), None, None));
    assert_eq!(missing.sources[0].status, SourceStatus::Missing);
}

#[test]
fn malformed_files_are_typed_errors_and_stay_untouched() {
    let cases = [
        (
            "aliyun/malformed-truncated.json",
            SourceKind::AliyunCli,
            Some(5),
        ),
        (
            "aliyun/malformed-structure.json",
            SourceKind::AliyunCli,
            None,
        ),
        (
            "alibabacloud/malformed",
            SourceKind::CredentialsFile,
            Some(4),
        ),
    ];
    for (file, kind, line) in cases {
        let path = fixtures().join(file);
        let before = fingerprint(&path);
        let all = match kind {
            SourceKind::AliyunCli => sources(Some(path.clone()), None, None),
            _ => sources(None, Some(path.clone()), None),
        };
        let report = import::scan(&all);
        let source = &report.sources[0];
        assert_eq!(source.status, SourceStatus::Error, "{file}");
        assert!(source.candidates.is_empty());
        let problem = source.error.as_ref().unwrap();
        assert_eq!(problem.code, "import.malformed", "{file}");
        if let Some(line) = line {
            assert!(
                problem.message.contains(&format!("line {line}")),
                "{file}: {}",
                problem.message
            );
        }
        assert_no_fixture_secret(&serde_json::to_string(&report).unwrap());

        let (_dir, secrets, mut store) = store();
        let key = format!("{}:default", kind.as_str());
        let result = import::import(&all, &select(&[&key]), &mut store);
        assert!(result.imported.is_empty());
        assert_eq!(result.failed.len(), 1);
        assert_eq!(result.failed[0].code, "import.malformed", "{file}");
        assert_eq!(result.failed[0].key, key);
        assert_no_fixture_secret(&serde_json::to_string(&result).unwrap());
        assert_eq!(store.list().len(), 1);
        assert!(secrets.items.lock().unwrap().is_empty());
        assert_eq!(fingerprint(&path), before, "{file} untouched");
    }
}

#[test]
fn an_unnamed_entry_is_listed_on_its_own() {
    let path = fixtures().join("aliyun/malformed-unnamed.json");
    let report = import::scan(&sources(Some(path), None, None));
    assert_eq!(report.sources[0].status, SourceStatus::Found);
    let list = candidates(&report, SourceKind::AliyunCli);
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].key, "aliyun-cli:#1");
    assert_eq!(list[0].reason_code.as_deref(), Some("import.missing_field"));
    assert_no_fixture_secret(&serde_json::to_string(&report).unwrap());
}

#[test]
fn unreadable_inputs_are_typed() {
    let dir = tempfile::tempdir().unwrap();
    let binary = dir.path().join("config.json");
    std::fs::write(&binary, [0xff, 0xfe, 0x00, 0x41]).unwrap();
    let report = import::scan(&sources(Some(binary), None, None));
    assert_eq!(
        report.sources[0].error.as_ref().unwrap().code,
        "import.malformed"
    );
    let big = dir.path().join("credentials");
    std::fs::write(&big, vec![b'#'; (import::MAX_FILE_BYTES + 1) as usize]).unwrap();
    let report = import::scan(&sources(None, Some(big), None));
    assert_eq!(
        report.sources[0].error.as_ref().unwrap().code,
        "import.too_large"
    );
    let report = import::scan(&sources(None, Some(dir.path().to_path_buf()), None));
    assert_eq!(
        report.sources[0].error.as_ref().unwrap().code,
        "import.not_a_file"
    );
}
