//! CSV export of the rows a table shows: the text (with a UTF-8 BOM so spreadsheet programs
//! read non-ASCII names right) from [`crate::csv_text`], written to the file the user chose
//! ([`crate::export_file`]).

use super::error::InventoryError;
use super::events::{CsvExportRequest, CsvExportResult};
use crate::export_file::{ExportError, ExportTarget};

/// The CSV text (with BOM) of a header and rows.
pub fn render_csv(headers: &[String], rows: &[Vec<String>]) -> std::io::Result<String> {
    let records = std::iter::once(headers)
        .chain(rows.iter().map(Vec::as_slice))
        .map(|cells| cells.iter().map(String::as_str));
    crate::csv_text::render(crate::csv_text::BOM, records)
}

/// Writes the rows to the file the user chose in the save dialog.
pub fn export_csv(
    target: &ExportTarget,
    request: &CsvExportRequest,
) -> Result<CsvExportResult, InventoryError> {
    let text = render_csv(&request.headers, &request.rows).map_err(|e| ExportError::Write {
        path: target.path().display().to_string(),
        reason: e.to_string(),
    })?;
    target.write(text.as_bytes())?;
    Ok(CsvExportResult {
        path: target.path().display().to_string(),
        rows: u32::try_from(request.rows.len()).unwrap_or(u32::MAX),
        bytes: u32::try_from(text.len()).unwrap_or(u32::MAX),
    })
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
    fn export_writes_the_chosen_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = ExportTarget::chosen(dir.path().join("out"), "csv").unwrap();
        let result = export_csv(
            &target,
            &CsvExportRequest {
                table: crate::inventory::TableId::Eips,
                headers: s(&["ID"]),
                rows: vec![s(&["eip-1"]), s(&["eip-2"])],
            },
        )
        .unwrap();
        assert_eq!(result.rows, 2);
        let written = std::fs::read_to_string(dir.path().join("out.csv")).unwrap();
        assert_eq!(written, "\u{feff}ID\r\neip-1\r\neip-2\r\n");
        assert_eq!(result.bytes as usize, written.len());
    }
}
