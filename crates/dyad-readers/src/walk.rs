//! Lazy, sorted, recursive directory walks.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use crate::error::ReadError;
use crate::format::Format;

/// What a walk yields next.
pub(crate) enum WalkItem {
    /// A file with an article extension.
    File(PathBuf, Format),
    /// A directory that could not be listed.
    Failure(PathBuf, ReadError),
}

/// A depth-first walk of one directory tree: entries of each directory in sorted order,
/// subdirectories entered where they sort. Only one directory listing per level is held at
/// a time. Hidden entries (names starting with `.`) are skipped, as are files without an
/// article extension; symbolic links are followed, but never twice into the same directory.
pub(crate) struct DirWalk {
    root: PathBuf,
    stack: Vec<std::vec::IntoIter<PathBuf>>,
    visited: HashSet<PathBuf>,
    /// Article files found so far.
    pub found: usize,
}

impl DirWalk {
    /// Start a walk at `root`; fails when `root` cannot be listed.
    pub fn new(root: PathBuf) -> Result<Self, ReadError> {
        let mut walk = DirWalk {
            root: root.clone(),
            stack: Vec::new(),
            visited: HashSet::new(),
            found: 0,
        };
        walk.enter(&root)?;
        Ok(walk)
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// List `dir` sorted and push it on the stack.
    fn enter(&mut self, dir: &Path) -> Result<(), ReadError> {
        let canonical = fs::canonicalize(dir).map_err(ReadError::from_io)?;
        if !self.visited.insert(canonical) {
            return Ok(());
        }
        let mut entries = Vec::new();
        for entry in fs::read_dir(dir).map_err(ReadError::from_io)? {
            let entry = entry.map_err(ReadError::from_io)?;
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            entries.push(entry.path());
        }
        entries.sort();
        self.stack.push(entries.into_iter());
        Ok(())
    }
}

impl Iterator for DirWalk {
    type Item = WalkItem;

    fn next(&mut self) -> Option<WalkItem> {
        loop {
            let top = self.stack.last_mut()?;
            let Some(path) = top.next() else {
                self.stack.pop();
                continue;
            };
            // Follows symbolic links; a broken link is skipped like any non-article entry.
            let Ok(metadata) = fs::metadata(&path) else {
                continue;
            };
            if metadata.is_dir() {
                if let Err(error) = self.enter(&path) {
                    return Some(WalkItem::Failure(path, error));
                }
            } else if let Some(format) = Format::from_path(&path) {
                self.found += 1;
                return Some(WalkItem::File(path, format));
            }
        }
    }
}
