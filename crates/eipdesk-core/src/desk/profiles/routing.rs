//! The advanced "Use the Sandbox endpoint" option: the ids of the profiles whose calls go to
//! the built-in Sandbox emulator instead of Alibaba Cloud (for trying real-looking profiles,
//! such as the emulator's second account, without a real account).
//!
//! The profile model has no endpoint field, so the app keeps this set beside it, in
//! `sandbox-endpoint.toml` in the data directory (ids only, written atomically). A missing or
//! unreadable file means "no profile is routed": nothing is ever sent to the emulator by
//! accident, and nothing real is sent anywhere unexpected.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::fsutil::{WriteError, write_atomic};
use crate::profiles::ProfileId;

/// File name in the data directory.
pub const FILE_NAME: &str = "sandbox-endpoint.toml";

#[derive(Default, Serialize, Deserialize)]
struct FileDoc {
    #[serde(default)]
    profiles: Vec<String>,
}

/// Profiles routed to the Sandbox emulator.
#[derive(Debug)]
pub struct SandboxRouting {
    path: PathBuf,
    ids: BTreeSet<ProfileId>,
}

impl SandboxRouting {
    /// Loads the set from `data_dir`; an absent or invalid file gives an empty set (an
    /// invalid one is logged and replaced on the next change).
    pub fn load(data_dir: &Path) -> Self {
        let path = data_dir.join(FILE_NAME);
        let ids = match std::fs::read_to_string(&path) {
            Ok(text) => match toml::from_str::<FileDoc>(&text) {
                Ok(doc) => doc
                    .profiles
                    .iter()
                    .filter_map(|id| ProfileId::parse(id))
                    .filter(|id| !id.is_sandbox())
                    .collect(),
                Err(e) => {
                    tracing::warn!(path = %path.display(), error = %e, "ignoring an invalid sandbox-endpoint file");
                    BTreeSet::new()
                }
            },
            Err(_) => BTreeSet::new(),
        };
        Self { path, ids }
    }

    /// True when `id`'s calls go to the Sandbox emulator (always for the Sandbox itself).
    pub fn routed(&self, id: &ProfileId) -> bool {
        id.is_sandbox() || self.ids.contains(id)
    }

    /// Turns the option on or off for `id`; returns whether anything changed. The Sandbox is
    /// always routed and cannot be changed.
    pub fn set(&mut self, id: &ProfileId, on: bool) -> Result<bool, WriteError> {
        if id.is_sandbox() || self.ids.contains(id) == on {
            return Ok(false);
        }
        let mut next = self.ids.clone();
        if on {
            next.insert(id.clone());
        } else {
            next.remove(id);
        }
        self.save(&next)?;
        self.ids = next;
        Ok(true)
    }

    fn save(&self, ids: &BTreeSet<ProfileId>) -> Result<(), WriteError> {
        let doc = FileDoc {
            profiles: ids.iter().map(|id| id.as_str().to_string()).collect(),
        };
        let body = toml::to_string(&doc).unwrap_or_default();
        let text = format!(
            "# Profiles whose calls go to EIP Desk's built-in Sandbox emulator instead of\n\
             # Alibaba Cloud (the advanced option \"Use the Sandbox endpoint\").\n{body}"
        );
        write_atomic(&self.path, text.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_persists_and_reloads() {
        let dir = tempfile::tempdir().unwrap();
        let id = ProfileId::generate();
        let mut r = SandboxRouting::load(dir.path());
        assert!(!r.routed(&id));
        assert!(r.routed(&ProfileId::sandbox()));
        assert!(r.set(&id, true).unwrap());
        assert!(!r.set(&id, true).unwrap(), "no change the second time");
        let reloaded = SandboxRouting::load(dir.path());
        assert!(reloaded.routed(&id));
        let text = std::fs::read_to_string(dir.path().join(FILE_NAME)).unwrap();
        assert!(text.contains(id.as_str()), "{text}");
        assert!(r.set(&id, false).unwrap());
        assert!(!SandboxRouting::load(dir.path()).routed(&id));
    }

    #[test]
    fn sandbox_cannot_be_unrouted_and_bad_files_mean_nothing_is_routed() {
        let dir = tempfile::tempdir().unwrap();
        let mut r = SandboxRouting::load(dir.path());
        assert!(!r.set(&ProfileId::sandbox(), false).unwrap());
        assert!(r.routed(&ProfileId::sandbox()));
        std::fs::write(
            dir.path().join(FILE_NAME),
            "profiles = [\"p-ok\", \"../x\"]\n",
        )
        .unwrap();
        let r = SandboxRouting::load(dir.path());
        assert!(r.routed(&ProfileId::parse("p-ok").unwrap()));
        std::fs::write(dir.path().join(FILE_NAME), "profiles = 3").unwrap();
        let r = SandboxRouting::load(dir.path());
        assert!(!r.routed(&ProfileId::parse("p-ok").unwrap()));
    }
}
