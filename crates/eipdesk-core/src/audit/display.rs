//! What the Activity page shows of an audit entry's parameters: a script sent with
//! `RunCommand` (`CommandContent`, Base64 or plain) as its first meaningful line and its
//! length, and any other very long value cut with its length said. The log itself and its
//! export keep every value whole.

use super::{AuditEntry, AuditParam};
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as B64;

/// Values longer than this many characters are cut in the view.
pub const MAX_SHOWN: usize = 160;

/// `entries` as the Activity page shows them.
pub fn for_view(mut entries: Vec<AuditEntry>) -> Vec<AuditEntry> {
    for entry in &mut entries {
        let base64 = entry
            .params
            .iter()
            .any(|p| p.name == "ContentEncoding" && p.value.eq_ignore_ascii_case("base64"));
        for param in &mut entry.params {
            param.value = shown(param, base64);
        }
    }
    entries
}

fn shown(param: &AuditParam, base64: bool) -> String {
    if param.name == "CommandContent" {
        return script_summary(&param.value, base64);
    }
    let chars = param.value.chars().count();
    if chars <= MAX_SHOWN {
        return param.value.clone();
    }
    let head: String = param.value.chars().take(MAX_SHOWN).collect();
    format!("{head}… ({chars} characters)")
}

/// `# eipdesk-guest-script: op=configure mac=… (1234-byte script)`: the first line that is
/// neither empty nor a `#!` line, and the script's length.
fn script_summary(value: &str, base64: bool) -> String {
    let decoded = base64
        .then(|| B64.decode(value.trim()).ok())
        .flatten()
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned());
    let script = decoded.as_deref().unwrap_or(value);
    let line = script
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with("#!"))
        .unwrap_or("");
    let line: String = line.chars().take(MAX_SHOWN).collect();
    format!("{line} ({}-byte script)", script.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(params: &[(&str, &str)]) -> AuditEntry {
        AuditEntry {
            id: 1,
            time: String::new(),
            profile: String::new(),
            account: None,
            region: String::new(),
            action: "RunCommand".into(),
            params: params
                .iter()
                .map(|(n, v)| AuditParam {
                    name: (*n).into(),
                    value: (*v).into(),
                })
                .collect(),
            request_id: None,
            outcome: "success".into(),
            error_code: None,
            error_message: None,
            run_id: None,
        }
    }

    fn value(e: &AuditEntry, name: &str) -> String {
        e.params
            .iter()
            .find(|p| p.name == name)
            .unwrap()
            .value
            .clone()
    }

    #[test]
    fn scripts_show_their_first_line_and_length() {
        let script =
            "#!/bin/sh\n\n# eipdesk-guest-script: op=verify mac=00:16:3e:00:00:01\nip -j addr\n";
        let shown = for_view(vec![entry(&[
            ("CommandContent", &B64.encode(script)),
            ("ContentEncoding", "Base64"),
            ("InstanceId.1", "i-test1"),
        ])]);
        assert_eq!(
            value(&shown[0], "CommandContent"),
            format!(
                "# eipdesk-guest-script: op=verify mac=00:16:3e:00:00:01 ({}-byte script)",
                script.len()
            )
        );
        assert_eq!(value(&shown[0], "InstanceId.1"), "i-test1");
        let plain = for_view(vec![entry(&[("CommandContent", "echo hi\nexit 0")])]);
        assert_eq!(
            value(&plain[0], "CommandContent"),
            "echo hi (14-byte script)"
        );
    }

    #[test]
    fn other_long_values_are_cut_with_their_length() {
        let long = "x".repeat(MAX_SHOWN + 40);
        let shown = for_view(vec![entry(&[("Description", &long)])]);
        let v = value(&shown[0], "Description");
        assert!(
            v.ends_with(&format!("… ({} characters)", MAX_SHOWN + 40)),
            "{v}"
        );
        assert!(v.len() < long.len());
    }
}
