//! Reading a source: one source's candidates, or why it cannot be read. Files are opened for
//! reading only, never when they are not regular files.

use std::path::Path;

use super::{
    FileProblem, ImportError, ImportSources, MAX_FILE_BYTES, SourceKind, aliyun_cli,
    credentials_file, env, plan,
};

/// One source's candidates, or why the source cannot be read; `Ok(None)` when absent.
pub(super) fn read_source(
    kind: SourceKind,
    sources: &ImportSources,
) -> Result<Option<Vec<plan::Found>>, ImportError> {
    match kind {
        SourceKind::Environment => Ok(sources.env.as_ref().and_then(env::parse).map(|f| vec![f])),
        SourceKind::AliyunCli => {
            let Some(path) = &sources.aliyun_config else {
                return Ok(None);
            };
            let Some(text) = read_text(path)? else {
                return Ok(None);
            };
            aliyun_cli::parse(&text)
                .map(Some)
                .map_err(|e| ImportError::Malformed {
                    path: path.clone(),
                    line: e.line,
                    column: e.column,
                    reason: e.reason,
                })
        }
        SourceKind::CredentialsFile => {
            let Some(path) = &sources.credentials_file else {
                return Ok(None);
            };
            let Some(text) = read_text(path)? else {
                return Ok(None);
            };
            credentials_file::parse(&text)
                .map(Some)
                .map_err(|e| ImportError::Malformed {
                    path: path.clone(),
                    line: Some(e.line),
                    column: None,
                    reason: e.reason,
                })
        }
    }
}

/// Reads a file for reading only; `Ok(None)` when it does not exist. Anything but a regular
/// file (a FIFO, a device, a socket, a directory) is refused before it is opened for
/// reading, and the file is opened non-blocking so that a swap between the check and the
/// open cannot hang the scan either.
pub(crate) fn read_text(path: &Path) -> Result<Option<String>, ImportError> {
    use std::io::Read;
    let read_err = |source| ImportError::Read {
        path: path.to_path_buf(),
        source,
    };
    match std::fs::metadata(path) {
        Ok(meta) => special_file(path, &meta)?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(source) => return Err(read_err(source)),
    }
    let file = match open_for_reading(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(source) => return Err(read_err(source)),
    };
    let meta = file.metadata().map_err(read_err)?;
    special_file(path, &meta)?;
    let bytes = meta.len();
    if bytes > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge {
            path: path.to_path_buf(),
            bytes,
        });
    }
    let mut buf = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut buf)
        .map_err(read_err)?;
    String::from_utf8(buf)
        .map(Some)
        .map_err(|e| ImportError::Malformed {
            path: path.to_path_buf(),
            line: None,
            column: None,
            reason: FileProblem::NotUtf8 {
                offset: e.utf8_error().valid_up_to(),
            },
        })
}

/// Opens read-only; on Unix with `O_NONBLOCK` (a FIFO then fails or returns at once).
fn open_for_reading(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32);
    }
    options.open(path)
}

/// Refuses anything but a regular file, naming what it is.
fn special_file(path: &Path, meta: &std::fs::Metadata) -> Result<(), ImportError> {
    if meta.is_file() {
        return Ok(());
    }
    let kind = if meta.is_dir() {
        "a directory"
    } else {
        special_kind(meta)
    };
    Err(ImportError::NotAFile {
        path: path.to_path_buf(),
        kind,
    })
}

#[cfg(unix)]
fn special_kind(meta: &std::fs::Metadata) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    let t = meta.file_type();
    if t.is_fifo() {
        "a named pipe (FIFO)"
    } else if t.is_char_device() || t.is_block_device() {
        "a device"
    } else if t.is_socket() {
        "a socket"
    } else {
        "not a regular file"
    }
}

#[cfg(not(unix))]
fn special_kind(_meta: &std::fs::Metadata) -> &'static str {
    "not a regular file"
}
