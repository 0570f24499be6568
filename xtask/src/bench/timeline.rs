//! The app's start-up timeline in `bench startup`: the app logs one `eipdesk::startup` line
//! per milestone with the milliseconds since its process started (`src-tauri/src/timeline.rs`);
//! this reads them from each run's JSON log and prints the median of every milestone beside the
//! measured paint, so the table says where the time to the first EIP table went.

use std::collections::BTreeMap;
use std::path::Path;

/// The milestones one run logged, in order: (what, ms since the process started). Read from
/// the JSON-lines log files in the run's data directory (`<home>/.local/share/eipdesk/logs`).
pub fn read(home: &Path) -> Vec<(String, u64)> {
    let dir = home.join(".local/share/eipdesk/logs");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.sort();
    files
        .iter()
        .flat_map(|f| {
            std::fs::read_to_string(f)
                .unwrap_or_default()
                .lines()
                .filter_map(parse)
                .collect::<Vec<_>>()
        })
        .collect()
}

/// `{"target":"eipdesk::startup","fields":{"message":"page load started","ms":312},…}`.
fn parse(line: &str) -> Option<(String, u64)> {
    let v: serde_json::Value = serde_json::from_str(line).ok()?;
    if v["target"] != "eipdesk::startup" {
        return None;
    }
    let fields = &v["fields"];
    // A number; builds that logged a u128 have it as a string (the JSON layer's u128 form).
    let ms = &fields["ms"];
    let ms = ms.as_u64().or_else(|| ms.as_str()?.parse().ok())?;
    Some((fields["message"].as_str()?.to_string(), ms))
}

/// Median per milestone over the runs (in the order of the first run), as Markdown rows.
pub fn table(runs: &[Vec<(String, u64)>], paint_median_ms: u64) -> String {
    let mut order: Vec<String> = Vec::new();
    let mut values: BTreeMap<String, Vec<u64>> = BTreeMap::new();
    for run in runs {
        for (what, ms) in run {
            if !order.contains(what) {
                order.push(what.clone());
            }
            values.entry(what.clone()).or_default().push(*ms);
        }
    }
    let mut out =
        String::from("| milestone (app log) | median ms since exec | runs |\n|---|---:|---:|\n");
    for what in order {
        let mut v = values.remove(&what).unwrap_or_default();
        v.sort_unstable();
        out.push_str(&format!("| {what} | {} | {} |\n", v[v.len() / 2], v.len()));
    }
    out.push_str(&format!(
        "| EIP table painted (screen) | {paint_median_ms} | {} |\n",
        runs.len()
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn reads_a_milestone_line() {
        let line = r#"{"timestamp":"2026-01-01T00:00:00Z","level":"INFO","fields":{"message":"page load started","ms":312},"target":"eipdesk::startup"}"#;
        assert_eq!(parse(line), Some(("page load started".into(), 312)));
        let text =
            r#"{"fields":{"message":"first IPC call","ms":"1607"},"target":"eipdesk::startup"}"#;
        assert_eq!(parse(text), Some(("first IPC call".into(), 1607)));
        let other = r#"{"fields":{"message":"ready","ms":1},"target":"eipdesk"}"#;
        assert_eq!(parse(other), None);
    }
}
