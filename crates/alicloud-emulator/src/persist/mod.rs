//! Persistence of the state file: its format ([`Snapshot`], which the control API's
//! snapshot/restore share), loading with validation ([`validate`]), atomic writing through
//! the `atomic-write-file` crate (temporary file, fsync, rename, directory fsync), removal of
//! temporary files a killed writer left behind, and the background [`writer`] that keeps
//! mutations off the disk's path.
//!
//! The state file holds, besides the resources, what must survive a restart for the
//! emulator to stay consistent: the clock offset (an EIP seen `InUse` must not go back to
//! `Associating`) and the nonces of the replay window (a captured request must stay spent).

pub mod validate;
pub mod writer;

use std::io::{BufWriter, Write as _};
use std::path::Path;

use atomic_write_file::AtomicWriteFile;
use serde::{Deserialize, Serialize};

use crate::config::EmulatorError;
use crate::state::{World, WorldView};

pub use writer::Persister;

/// Snapshot format version.
pub const FORMAT: &str = "alicloud-emulator/1";

/// One remembered nonce: AccessKey ID, nonce, first seen (wall clock, epoch ms).
pub type NonceEntry = (String, String, i64);

/// What the state file keeps besides the resources (absent from control-API snapshots).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Runtime {
    /// Emulator clock offset from wall time, ms.
    pub clock_offset_ms: i64,
    /// Nonces of the replay window.
    pub nonces: Vec<NonceEntry>,
}

/// What a snapshot or the state file contains.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Snapshot {
    /// Always [`FORMAT`].
    pub format: String,
    /// The resources.
    pub world: World,
    /// Clock offset and nonces (state file only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub runtime: Option<Runtime>,
}

impl Snapshot {
    /// Wraps a world.
    pub fn of(world: &World) -> Self {
        Self {
            format: FORMAT.to_string(),
            world: world.clone(),
            runtime: None,
        }
    }

    /// Parses and checks a snapshot (format, then every reference), rebuilding indexes.
    pub fn parse(text: &str) -> Result<World, EmulatorError> {
        Self::parse_full(text).map(|(world, _)| world)
    }

    /// Like [`Snapshot::parse`], also returning the runtime part.
    pub fn parse_full(text: &str) -> Result<(World, Option<Runtime>), EmulatorError> {
        #[derive(Deserialize)]
        struct Header {
            format: Option<serde_json::Value>,
        }
        let header: Header = serde_json::from_str(text)
            .map_err(|e| EmulatorError::State(format!("not a JSON object: {e}")))?;
        match header.format {
            Some(serde_json::Value::String(f)) if f == FORMAT => {}
            Some(other) => {
                return Err(EmulatorError::State(format!(
                    "format {other} is not supported: this emulator reads {FORMAT:?} only"
                )));
            }
            None => {
                return Err(EmulatorError::State(format!(
                    "no \"format\" member: not an emulator snapshot ({FORMAT:?} expected)"
                )));
            }
        }
        let snap: Snapshot =
            serde_json::from_str(text).map_err(|e| EmulatorError::State(e.to_string()))?;
        let mut world = snap.world;
        validate::check(&world).map_err(EmulatorError::State)?;
        world.rebuild_indexes();
        Ok((world, snap.runtime))
    }
}

/// Serializes a world as snapshot JSON.
pub fn to_json(world: &World) -> String {
    serde_json::to_string(&Borrowed {
        format: FORMAT,
        world: &world.view(),
        runtime: None,
    })
    .unwrap_or_default()
}

#[derive(Serialize)]
struct Borrowed<'a> {
    format: &'a str,
    world: &'a WorldView,
    #[serde(skip_serializing_if = "Option::is_none")]
    runtime: Option<&'a Runtime>,
}

/// Everything the state file holds, cheap to take under the locks (the regions are shared,
/// copied only when next changed).
#[derive(Debug, Clone)]
pub struct Persisted {
    /// The resources.
    pub world: WorldView,
    /// Clock offset and nonces.
    pub runtime: Runtime,
}

/// Reads a state file; `None` when it does not exist.
pub fn load(path: &Path) -> Result<Option<(World, Runtime)>, EmulatorError> {
    match std::fs::read_to_string(path) {
        Ok(text) => Snapshot::parse_full(&text)
            .map(|(w, r)| Some((w, r.unwrap_or_default())))
            .map_err(|e| match e {
                EmulatorError::State(m) => {
                    EmulatorError::State(format!("state file {}: {m}", path.display()))
                }
                other => other,
            }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// Writes the state file atomically: streamed into a temporary file of the same directory,
/// fsynced, renamed over `path`, directory fsynced.
pub fn write(path: &Path, state: &Persisted) -> std::io::Result<()> {
    if let Some(dir) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let mut file = AtomicWriteFile::open(path)?;
    {
        let mut out = BufWriter::with_capacity(1 << 20, &mut file);
        serde_json::to_writer(
            &mut out,
            &Borrowed {
                format: FORMAT,
                world: &state.world,
                runtime: Some(&state.runtime),
            },
        )?;
        out.flush()?;
    }
    file.commit()
}

/// Removes temporary files a killed writer left next to `path` (`.NAME.XXXXXX` from the
/// atomic writer, `.NAME.tmp-PID` from older versions); returns how many.
pub fn clean_leftovers(path: &Path) -> usize {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return 0;
    };
    let prefix = format!(".{name}.");
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(rest) = file_name.to_str().and_then(|n| n.strip_prefix(&prefix)) else {
            continue;
        };
        let ours = rest.starts_with("tmp-")
            || (rest.len() == 6 && rest.bytes().all(|b| b.is_ascii_alphanumeric()));
        if ours && std::fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn persisted(world: &World) -> Persisted {
        Persisted {
            world: world.view(),
            runtime: Runtime {
                clock_offset_ms: 5,
                nonces: vec![("ak".into(), "n".into(), 1)],
            },
        }
    }

    #[test]
    fn round_trips_with_runtime_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub").join("state.json");
        assert!(load(&path).unwrap().is_none());
        let mut world = World::new("salt");
        world.id_counter = 42;
        write(&path, &persisted(&world)).unwrap();
        let (back, runtime) = load(&path).unwrap().unwrap();
        assert_eq!(back.id_counter, 42);
        assert_eq!(runtime.clock_offset_ms, 5);
        assert_eq!(runtime.nonces.len(), 1);
        let leftovers: Vec<_> = std::fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(leftovers.len(), 1, "no temporary file left: {leftovers:?}");
    }

    /// Issue 13 (9): temporary files of killed writers are removed at start; others stay.
    #[test]
    fn leftover_temporary_files_are_cleaned() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        for name in [
            ".state.json.tmp-4242",
            ".state.json.aB3xY9",
            ".state.json.keep-me-please",
            "other.json",
        ] {
            std::fs::write(dir.path().join(name), "x").unwrap();
        }
        assert_eq!(clean_leftovers(&path), 2);
        let mut left: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        left.sort();
        assert_eq!(left, [".state.json.keep-me-please", "other.json"]);
    }

    /// Issue 13 (9): a foreign format names itself and what is expected.
    #[test]
    fn rejects_foreign_files_saying_why() {
        assert!(
            Snapshot::parse("{}")
                .unwrap_err()
                .to_string()
                .contains("no \"format\"")
        );
        let e = Snapshot::parse(r#"{"format":"alicloud-emulator/2","world":{}}"#).unwrap_err();
        let m = e.to_string();
        assert!(
            m.contains("\"alicloud-emulator/2\" is not supported") && m.contains(FORMAT),
            "{m}"
        );
        assert!(Snapshot::parse("[").is_err());
    }
}
