//! Helpers shared by the integration tests (included with `mod common;`).
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use dyad_readers::{read_inputs, Diagnostic, ReadEvent, ReadOptions};
use dyad_types::Document;

/// Events split by kind.
#[derive(Debug, Default)]
pub struct Split {
    pub articles: Vec<Document>,
    pub warnings: Vec<Diagnostic>,
    pub failures: Vec<Diagnostic>,
}

pub fn split(events: impl IntoIterator<Item = ReadEvent>) -> Split {
    let mut split = Split::default();
    for event in events {
        match event {
            ReadEvent::Article(doc) => split.articles.push(doc),
            ReadEvent::Warning(d) => split.warnings.push(d),
            ReadEvent::Failure(d) => split.failures.push(d),
        }
    }
    split
}

/// Read `paths` with default options.
pub fn read(paths: &[PathBuf]) -> Split {
    split(read_inputs(paths, &ReadOptions::default()))
}

/// Write `content` to `dir/name`, creating parent folders, and return the path.
pub fn write(dir: &Path, name: &str, content: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&path, content).unwrap();
    path
}
