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
