//! An import that never blocks: each entry of a source is judged on its own, the scan refuses
//! exactly what the import would refuse, special files are refused without being opened for
//! reading, wrong JSON types and duplicate INI sections are reported. All secrets are fake.

mod profiles_support;

use eipdesk_core::profiles::import::{self, SourceKind, SourceStatus};
use profiles_support::import_fixtures::*;
use profiles_support::*;

fn mixed() -> std::path::PathBuf {
    fixtures().join("aliyun/mixed.json")
}

#[test]
fn one_bad_entry_does_not_refuse_the_whole_config_json() {
    let report = import::scan(&sources(Some(mixed()), None, None));
    let source = &report.sources[0];
    assert_eq!(source.status, SourceStatus::Found, "{:?}", source.error);
    let list = candidates(&report, SourceKind::AliyunCli);
    assert_eq!(list.len(), 11, "one candidate per entry");
    let importable: Vec<&str> = list
        .iter()
        .filter(|c| c.importable)
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(importable, ["good-ak", "good-sts"]);
    let reason = |key: &str| {
        let c = list
            .iter()
            .find(|c| c.key == key)
            .unwrap_or_else(|| panic!("no candidate {key}: {list:#?}"));
        assert!(!c.importable, "{key}");
        (
            c.reason_code.clone().unwrap(),
            c.reason.clone().unwrap_or_default(),
        )
    };
    let (code, text) = reason("aliyun-cli:#2");
    assert_eq!(code, "import.missing_field");
    assert!(text.contains("no name"), "{text}");
    for key in ["aliyun-cli:#3", "aliyun-cli:#4"] {
        let (code, text) = reason(key);
        assert_eq!(code, "import.duplicate_name", "{key}");
        assert!(
            text.contains("\"twice\"") && text.contains("3 and 4"),
            "{text}"
        );
    }
    let (code, text) = reason("aliyun-cli:#5");
    assert_eq!(code, "import.wrong_type");
    assert_eq!(text, "entry #5 must be a JSON object, not a string");
    let (code, text) = reason(&format!("aliyun-cli:{}", "n".repeat(100)));
    assert_eq!(code, "import.invalid_field");
    assert!(text.contains("Name: use at most 64"), "{text}");
    let (code, text) = reason("aliyun-cli:numeric-id");
    assert_eq!(code, "import.wrong_type");
    assert_eq!(text, "access_key_id must be a string, not a number");
    let (code, text) = reason("aliyun-cli:sneaky\u{202e}admin");
    assert_eq!(code, "import.invalid_field");
    assert!(text.contains("invisible"), "{text}");
    let (code, text) = reason("aliyun-cli:padded-secret");
    assert_eq!(code, "import.invalid_field");
    assert!(
        text.starts_with("access_key_secret: remove the spaces"),
        "{text}"
    );
    let (code, text) = reason("aliyun-cli:#10");
    assert_eq!(code, "import.wrong_type");
    assert_eq!(text, "name must be a string, not a number");
    assert_no_fixture_secret(&serde_json::to_string(&report).unwrap());
}

#[test]
fn duplicate_ini_sections_are_reported() {
    let path = fixtures().join("alibabacloud/duplicate-sections");
    let report = import::scan(&sources(None, Some(path), None));
    assert_eq!(report.sources[0].status, SourceStatus::Found);
    let list = candidates(&report, SourceKind::CredentialsFile);
    assert!(by_name(&list, "ok").importable);
    let shared = by_name(&list, "shared");
    assert!(!shared.importable);
    assert_eq!(shared.reason_code.as_deref(), Some("import.duplicate_name"));
    let text = shared.reason.as_deref().unwrap();
    assert!(text.contains("lines 7 and 12"), "{text}");
}

/// Runs `f` on another thread; a scan that blocks forever shows up as a failure here, not
/// as a hung test run (the bound is only a hang guard, far above any real scan).
fn without_hanging<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(std::time::Duration::from_secs(60))
        .expect("the scan blocked on a special file")
}

#[cfg(unix)]
#[test]
fn special_files_are_refused_without_reading() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("config.json");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let report = without_hanging(move || import::scan(&sources(Some(fifo), None, None)));
    let problem = report.sources[0].error.clone().expect("refused");
    assert_eq!(problem.code, "import.not_a_file");
    assert!(
        problem.message.contains("named pipe"),
        "{}",
        problem.message
    );

    let report = without_hanging(|| {
        import::scan(&sources(
            None,
            Some(std::path::PathBuf::from("/dev/zero")),
            None,
        ))
    });
    let problem = report.sources[0].error.clone().expect("refused");
    assert_eq!(problem.code, "import.not_a_file");
    assert!(problem.message.contains("device"), "{}", problem.message);
}

#[test]
fn importing_everything_imports_the_good_and_lists_the_bad() {
    let (_dir, secrets, mut store) = store();
    let all = sources(Some(mixed()), None, None);
    let report = import::scan(&all);
    let list = candidates(&report, SourceKind::AliyunCli);
    let keys: Vec<&str> = list.iter().map(|c| c.key.as_str()).collect();
    let result = import::import(&all, &select(&keys), &mut store);
    let imported: Vec<&str> = result.imported.iter().map(|p| p.key.as_str()).collect();
    assert_eq!(imported, ["aliyun-cli:good-ak", "aliyun-cli:good-sts"]);
    assert_eq!(result.failed.len(), 9);
    for failure in &result.failed {
        let candidate = list.iter().find(|c| c.key == failure.key).unwrap();
        assert_eq!(
            Some(failure.code.as_str()),
            candidate.reason_code.as_deref(),
            "the import refuses exactly what the scan refused: {failure:?}"
        );
    }
    assert_eq!(secrets.items.lock().unwrap().len(), 2);
    assert_no_fixture_secret(&serde_json::to_string(&result).unwrap());
}

#[test]
fn every_candidate_the_scan_offers_imports() {
    let (_dir, _secrets, mut store) = store();
    let all = sources(
        Some(cli_config()),
        Some(ini_file()),
        Some(Default::default()),
    );
    let offered: Vec<String> = import::scan(&all)
        .sources
        .iter()
        .flat_map(|s| s.candidates.iter())
        .filter(|c| c.importable)
        .map(|c| c.key.clone())
        .collect();
    let keys: Vec<&str> = offered.iter().map(String::as_str).collect();
    let result = import::import(&all, &select(&keys), &mut store);
    assert!(result.failed.is_empty(), "{:?}", result.failed);
    let selected = result.imported.iter().filter(|p| !p.auto_included).count();
    assert_eq!(selected, offered.len());
}

#[test]
fn a_second_import_marks_and_skips_what_the_first_created() {
    let (_dir, _secrets, mut store) = store();
    let all = sources(Some(cli_config()), None, None);
    let keys = ["aliyun-cli:ak-main", "aliyun-cli:chain"];
    let first = import::import(&all, &select(&keys), &mut store);
    assert_eq!(first.imported.len(), 3, "the chain brings its source");
    let before = store.list().len();

    let scan = import::scan_with(&all, &store);
    let list = candidates(&scan, SourceKind::AliyunCli);
    assert_eq!(
        by_name(&list, "ak-main").already_imported.as_deref(),
        Some("ak-main")
    );
    assert_eq!(
        by_name(&list, "role").already_imported.as_deref(),
        Some("role")
    );
    assert_eq!(by_name(&list, "sts").already_imported, None);

    let second = import::import(&all, &select(&keys), &mut store);
    assert!(second.imported.is_empty(), "{second:?}");
    let skipped: Vec<(&str, &str)> = second
        .skipped
        .iter()
        .map(|s| (s.key.as_str(), s.profile_name.as_str()))
        .collect();
    assert_eq!(
        skipped,
        [
            ("aliyun-cli:ak-main", "ak-main"),
            ("aliyun-cli:chain", "chain")
        ]
    );
    assert_eq!(store.list().len(), before, "nothing duplicated");

    // A chain imported again reuses its source instead of duplicating it.
    let mut again = select(&["aliyun-cli:chain"]);
    again[0].again = true;
    let third = import::import(&all, &again, &mut store);
    let keys: Vec<&str> = third.imported.iter().map(|p| p.key.as_str()).collect();
    assert_eq!(keys, ["aliyun-cli:chain"]);
    assert_eq!(store.list().len(), before + 1);
}
