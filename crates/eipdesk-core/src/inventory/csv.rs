//! CSV export of the rows a table shows: the path the user typed checked, the text (with a
//! UTF-8 BOM so spreadsheet programs read non-ASCII names right) from
//! [`crate::csv_text`], written atomically.

use std::path::{Path, PathBuf};

use super::error::InventoryError;
use super::events::{CsvExportRequest, CsvExportResult};
use crate::fsutil::write_atomic;

/// The CSV text (with BOM) of a header and rows.
pub fn render_csv(headers: &[String], rows: &[Vec<String>]) -> std::io::Result<String> {
    let records = std::iter::once(headers)
        .chain(rows.iter().map(Vec::as_slice))
        .map(|cells| cells.iter().map(String::as_str));
    crate::csv_text::render(crate::csv_text::BOM, records)
}

/// Checks the path the user typed: absolute, naming a file; `.csv` added when it has no
/// extension.
pub fn export_path(raw: &str) -> Result<PathBuf, InventoryError> {
    let fail = |reason: &str| InventoryError::Export {
        path: raw.to_string(),
        reason: reason.to_string(),
    };
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return Err(fail("no path given"));
    }
    let mut path = PathBuf::from(trimmed);
    if !path.is_absolute() {
        return Err(fail("the path must be absolute"));
    }
    if path.is_dir() || trimmed.ends_with(['/', '\\']) {
        return Err(fail("the path is a folder; add a file name"));
    }
    if path.extension().is_none() {
        path.set_extension("csv");
    }
    Ok(path)
}

/// Writes the export; parent folders are created.
pub fn export_csv(request: &CsvExportRequest) -> Result<CsvExportResult, InventoryError> {
    let path = export_path(&request.path)?;
    let fail = |reason: String| InventoryError::Export {
        path: path.display().to_string(),
        reason,
    };
    let text = render_csv(&request.headers, &request.rows).map_err(|e| fail(e.to_string()))?;
    write_atomic(&path, text.as_bytes()).map_err(|e| fail(e.source.to_string()))?;
    tracing::info!(path = %path.display(), rows = request.rows.len(), "CSV exported");
    Ok(CsvExportResult {
        path: path.display().to_string(),
        rows: u32::try_from(request.rows.len()).unwrap_or(u32::MAX),
        bytes: u32::try_from(text.len()).unwrap_or(u32::MAX),
    })
}

/// Where exports go by default: the Downloads folder, or `<data dir>/exports` when there is
/// none or when `EIPDESK_HOME` isolates the app (tests).
pub fn default_export_dir(data_dir: &Path) -> PathBuf {
    let isolated = std::env::var_os("EIPDESK_HOME").is_some();
    let downloads =
        directories::UserDirs::new().and_then(|d| d.download_dir().map(Path::to_path_buf));
    match downloads {
        Some(dir) if !isolated && dir.is_dir() => dir,
        _ => data_dir.join("exports"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn quotes_and_defuses_cells() {
        let text = render_csv(
            &s(&["IP", "Name"]),
            &[
                s(&["47.98.0.1", "web, \"prod\""]),
                s(&["=1+1", "line\nbreak"]),
                s(&["", "ok"]),
            ],
        )
        .unwrap();
        assert_eq!(
            text,
            "\u{feff}IP,Name\r\n47.98.0.1,\"web, \"\"prod\"\"\"\r\n'=1+1,\"line\nbreak\"\r\n,ok\r\n"
        );
    }

    #[test]
    fn paths_must_be_absolute_files() {
        assert!(export_path("").is_err());
        assert!(export_path("relative/file.csv").is_err());
        let dir = tempfile::tempdir().unwrap();
        assert!(export_path(dir.path().to_str().unwrap()).is_err());
        let p = export_path(dir.path().join("eips").to_str().unwrap()).unwrap();
        assert_eq!(p.extension().unwrap(), "csv");
        let keep = export_path(dir.path().join("eips.txt").to_str().unwrap()).unwrap();
        assert_eq!(keep.extension().unwrap(), "txt");
    }

    #[test]
    fn export_writes_the_file_and_creates_folders() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("nested").join("out.csv");
        let result = export_csv(&CsvExportRequest {
            path: target.display().to_string(),
            headers: s(&["ID"]),
            rows: vec![s(&["eip-1"]), s(&["eip-2"])],
        })
        .unwrap();
        assert_eq!(result.rows, 2);
        let written = std::fs::read_to_string(&target).unwrap();
        assert_eq!(written, "\u{feff}ID\r\neip-1\r\neip-2\r\n");
        assert_eq!(result.bytes as usize, written.len());
    }
}
