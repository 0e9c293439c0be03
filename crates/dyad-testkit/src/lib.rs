//! Test helpers shared by the dyad crates.
//!
//! Gold data lives in `../shared/data/` beside the repository, never in it. A user's fresh
//! clone may not have it: there, tests that need it skip with a printed notice. Under
//! `CI=true` a missing `../shared` is a failure.
//!
//! ```no_run
//! let Some(path) = dyad_testkit::shared_file("ud/en_ewt/en_ewt-ud-test.conllu") else {
//!     return; // skipped, with a notice printed
//! };
//! ```
#![warn(missing_docs)]
#![allow(clippy::print_stderr)]

use std::path::{Path, PathBuf};

/// The repository root (the directory holding the workspace `Cargo.toml`).
pub fn repo_root() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest
        .parent()
        .and_then(Path::parent)
        .expect("crates/<name> layout")
        .to_path_buf()
}

/// The shared data folder: `$DYAD_SHARED_DATA`, else `<repo>/../shared/data`, if it exists.
pub fn shared_data_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("DYAD_SHARED_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("../shared/data"));
    dir.is_dir().then_some(dir)
}

/// Whether we run under CI (`CI=true`), where missing shared data is an error.
pub fn in_ci() -> bool {
    std::env::var("CI")
        .map(|v| v == "true" || v == "1")
        .unwrap_or(false)
}

/// The path of `relative` inside the shared data folder.
///
/// Returns `None` and prints a skip notice when it is missing outside CI; panics under CI.
pub fn shared_file(relative: &str) -> Option<PathBuf> {
    let found = shared_data_dir()
        .map(|d| d.join(relative))
        .filter(|p| p.exists());
    match found {
        Some(path) => Some(path),
        None if in_ci() => panic!(
            "shared data `{relative}` is missing (looked in ../shared/data); CI=true requires it"
        ),
        None => {
            eprintln!("SKIPPED: shared data `{relative}` not found beside the repository");
            None
        }
    }
}
