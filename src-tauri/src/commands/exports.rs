//! Exports like a desktop app: the window sends what to export, the shell asks where in the
//! OS's own save dialog (which confirms before replacing a file), and the core writes exactly
//! the file the user chose. The window never names a path, so it cannot write anywhere the user
//! did not pick. "Show in folder" opens only files exported in this session.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::Desk;
use eipdesk_core::api::{
    AuditExportRequest, AuditExportResult, CsvExportRequest, CsvExportResult, ErrorDto, ErrorHint,
    ErrorKind, ErrorText, ExportFormat, ExportSuggestion, ExportTarget,
};
use tauri::{Runtime, State, WebviewWindow};
use tauri_plugin_dialog::DialogExt;

/// The files exported in this session: the only ones "Show in folder" opens.
#[derive(Debug, Default)]
pub struct ExportedFiles(Mutex<HashSet<PathBuf>>);

impl ExportedFiles {
    fn remember(&self, path: &str) {
        self.0
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(PathBuf::from(path));
    }

    fn contains(&self, path: &Path) -> bool {
        self.0
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .contains(path)
    }
}

/// Asks for the file in the OS save dialog, modal to the window; `None` when cancelled.
async fn ask_where<R: Runtime>(
    window: &WebviewWindow<R>,
    title: &str,
    suggestion: ExportSuggestion,
    filter: (&str, &str),
) -> Result<Option<PathBuf>, ErrorDto> {
    let dialog = window
        .dialog()
        .file()
        .set_parent(window)
        .set_title(title)
        .set_directory(&suggestion.folder)
        .set_file_name(&suggestion.file_name)
        .add_filter(filter.0, &[filter.1]);
    let chosen = tauri::async_runtime::spawn_blocking(move || dialog.blocking_save_file())
        .await
        .map_err(|e| {
            internal(ErrorText::SaveDialogFailed {
                detail: e.to_string(),
            })
        })?;
    match chosen {
        None => {
            tracing::info!(title, "export cancelled in the save dialog");
            Ok(None)
        }
        Some(file) => file.into_path().map(Some).map_err(|e| {
            internal(ErrorText::SaveDialogNoPath {
                detail: e.to_string(),
            })
        }),
    }
}

fn internal(text: ErrorText) -> ErrorDto {
    ErrorDto::worded(
        ErrorKind::Internal,
        "SaveDialogFailed",
        text,
        ErrorHint::ExportRetry,
    )
}

/// Exports the rows a table shows to a CSV file chosen in the save dialog; `null` when the
/// user cancelled.
#[tauri::command]
pub async fn export_csv<R: Runtime>(
    window: WebviewWindow<R>,
    desk: Desk<'_>,
    exported: State<'_, ExportedFiles>,
    request: CsvExportRequest,
) -> Result<Option<CsvExportResult>, ErrorDto> {
    let suggestion = desk.csv_export_suggestion(request.table);
    let title = format!("Export {} rows as CSV", request.rows.len());
    let Some(path) = ask_where(&window, &title, suggestion, ("CSV", "csv")).await? else {
        return Ok(None);
    };
    let target = ExportTarget::chosen(path, "csv").map_err(|e| ErrorDto::describe(&e))?;
    let result = desk.export_csv(&target, &request)?;
    exported.remember(&result.path);
    Ok(Some(result))
}

/// Exports the matching audit entries as CSV or JSON to a file chosen in the save dialog;
/// `null` when the user cancelled.
#[tauri::command]
pub async fn export_audit<R: Runtime>(
    window: WebviewWindow<R>,
    desk: Desk<'_>,
    exported: State<'_, ExportedFiles>,
    request: AuditExportRequest,
) -> Result<Option<AuditExportResult>, ErrorDto> {
    let extension = request.format.extension();
    let filter = match request.format {
        ExportFormat::Csv => ("CSV", extension),
        ExportFormat::Json => ("JSON", extension),
    };
    let suggestion = desk.audit_export_suggestion(request.format);
    let Some(path) = ask_where(&window, "Export the audit log", suggestion, filter).await? else {
        return Ok(None);
    };
    let target = ExportTarget::chosen(path, extension).map_err(|e| ErrorDto::describe(&e))?;
    let result = desk.export_audit(&target, &request)?;
    exported.remember(&result.path);
    Ok(Some(result))
}

/// Shows a file exported in this session in the file manager.
#[tauri::command]
pub async fn show_in_folder(
    exported: State<'_, ExportedFiles>,
    path: String,
) -> Result<(), ErrorDto> {
    let path = PathBuf::from(path);
    if !exported.contains(&path) {
        return Err(ErrorDto::worded(
            ErrorKind::InvalidInput,
            "NotExported",
            ErrorText::NotExported {
                path: path.display().to_string(),
            },
            ErrorHint::OpenFileManager,
        ));
    }
    tauri_plugin_opener::reveal_item_in_dir(&path).map_err(|e| {
        ErrorDto::worded(
            ErrorKind::Internal,
            "NoFileManager",
            ErrorText::NoFileManager {
                path: path.display().to_string(),
                detail: e.to_string(),
            },
            ErrorHint::OpenFileManagerPath,
        )
    })
}

include!(concat!(env!("OUT_DIR"), "/ipc_checks_exports.rs"));
