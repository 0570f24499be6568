//! The system's file tree before the `.deb` is installed and after it is purged, so
//! `dist --check` can say that the package left nothing behind: not only the files dpkg lists
//! for it, but anything its install or removal created (maintainer scripts, triggers).

use anyhow::Result;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Where a package may write outside a user's home; `/var/lib/dpkg` and `/var/cache/apt`
/// are left out (apt's own bookkeeping), as is `/var/log` (apt logs every run).
const ROOTS: &[&str] = &["/usr", "/etc", "/opt", "/var/lib"];
const SKIP: &[&str] = &["/var/lib/dpkg", "/var/lib/apt", "/var/lib/ucf"];

/// Every path (files, directories, links; links are not followed) under [`ROOTS`].
#[derive(Debug)]
pub struct Tree(BTreeSet<PathBuf>);

impl Tree {
    pub fn scan() -> Result<Self> {
        let mut paths = BTreeSet::new();
        for root in ROOTS {
            walk(Path::new(root), &mut paths);
        }
        Ok(Self(paths))
    }

    /// Paths present now that were not before.
    pub fn added_since(&self, before: &Tree) -> Vec<PathBuf> {
        self.0.difference(&before.0).cloned().collect()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }
}

fn walk(dir: &Path, out: &mut BTreeSet<PathBuf>) {
    if SKIP.iter().any(|s| dir == Path::new(s)) {
        return;
    }
    // Unreadable directories (e.g. another service's private state) are simply not listed.
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        out.insert(path.clone());
        if is_dir {
            walk(&path, out);
        }
    }
}
