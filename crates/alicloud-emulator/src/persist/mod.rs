//! Persistence: snapshots as JSON, written atomically (temporary file in the same directory,
//! fsync, rename, fsync of the directory), newest generation wins when writes race.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use parking_lot::Mutex;
use serde::{Deserialize, Serialize};

use crate::config::EmulatorError;
use crate::state::World;

/// Snapshot format version.
pub const FORMAT: &str = "alicloud-emulator/1";

/// What a snapshot or the state file contains.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Snapshot {
    /// Always [`FORMAT`].
    pub format: String,
    /// The resources.
    pub world: World,
}

impl Snapshot {
    /// Wraps a world.
    pub fn of(world: &World) -> Self {
        Self {
            format: FORMAT.to_string(),
            world: world.clone(),
        }
    }

    /// Parses and checks a snapshot, rebuilding indexes.
    pub fn parse(text: &str) -> Result<World, EmulatorError> {
        let snap: Snapshot =
            serde_json::from_str(text).map_err(|e| EmulatorError::State(e.to_string()))?;
        if snap.format != FORMAT {
            return Err(EmulatorError::State(format!(
                "unsupported snapshot format {:?}",
                snap.format
            )));
        }
        let mut world = snap.world;
        world.rebuild_indexes();
        Ok(world)
    }
}

/// Serializes a world as snapshot JSON.
pub fn to_json(world: &World) -> String {
    #[derive(Serialize)]
    struct Borrowed<'a> {
        format: &'a str,
        world: &'a World,
    }
    serde_json::to_string(&Borrowed {
        format: FORMAT,
        world,
    })
    .unwrap_or_default()
}

/// Reads a state file; `None` when it does not exist.
pub fn load(path: &Path) -> Result<Option<World>, EmulatorError> {
    match std::fs::read_to_string(path) {
        Ok(text) => Snapshot::parse(&text).map(Some),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// Writes `contents` to `path` atomically.
pub fn write_atomic(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let name = path
        .file_name()
        .map_or_else(|| "state".into(), |n| n.to_string_lossy().into_owned());
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    {
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(contents)?;
        file.sync_all()?;
    }
    std::fs::rename(&tmp, path)?;
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Saves generations of the state to one file, never letting an older one overwrite a newer.
#[derive(Debug)]
pub struct Persister {
    path: PathBuf,
    written: Mutex<u64>,
}

impl Persister {
    /// A persister for `path`.
    pub fn new(path: PathBuf) -> Self {
        Self {
            path,
            written: Mutex::new(0),
        }
    }

    /// The file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Writes generation `generation` unless a newer one was written already.
    pub fn write(&self, generation: u64, json: &str) -> std::io::Result<()> {
        let mut written = self.written.lock();
        if generation <= *written {
            return Ok(());
        }
        write_atomic(&self.path, json.as_bytes())?;
        *written = generation;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_skips_stale_generations() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub").join("state.json");
        assert!(load(&path).unwrap().is_none());
        let mut world = World::new("salt");
        world.id_counter = 42;
        let p = Persister::new(path.clone());
        p.write(2, &to_json(&world)).unwrap();
        world.id_counter = 7;
        p.write(1, &to_json(&world)).unwrap();
        assert_eq!(load(&path).unwrap().unwrap().id_counter, 42);
        let leftovers: Vec<_> = std::fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(leftovers.len(), 1, "no temporary file left: {leftovers:?}");
    }

    #[test]
    fn rejects_foreign_files() {
        assert!(Snapshot::parse("{}").is_err());
        assert!(Snapshot::parse(r#"{"format":"other","world":{}}"#).is_err());
    }
}
