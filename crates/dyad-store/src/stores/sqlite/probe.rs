//! Finding out, in a user's words, why SQLite could not open a file.

use std::fs::OpenOptions;
use std::io;
use std::path::Path;

/// Why `path` cannot be opened for writing or created: "permission denied",
/// "directory /x does not exist", "/x/y is not a directory"…
pub(crate) fn why_unopenable(path: &Path) -> String {
    let parent = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    match std::fs::metadata(parent) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return format!("directory {} does not exist", parent.display());
        }
        Err(e) => return describe(&e),
        Ok(meta) if !meta.is_dir() => return format!("{} is not a directory", parent.display()),
        Ok(_) => {}
    }
    let attempt = if path.exists() {
        OpenOptions::new()
            .read(true)
            .write(true)
            .open(path)
            .map(drop)
    } else {
        let probe = parent.join(format!(".dyad-probe-{}", std::process::id()));
        OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&probe)
            .map(|file| {
                drop(file);
                // Best effort: the probe is empty and named after this process.
                let _ = std::fs::remove_file(&probe);
            })
    };
    match attempt {
        Err(e) => describe(&e),
        Ok(()) => "unable to open the file".to_string(),
    }
}

/// An I/O error as lowercase words without the OS error number.
fn describe(error: &io::Error) -> String {
    let text = error.to_string();
    let text = match text.find(" (os error") {
        Some(at) => &text[..at],
        None => &text,
    };
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => "unknown error".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn describes_without_error_number() {
        let error = io::Error::from_raw_os_error(13);
        assert_eq!(describe(&error), "permission denied");
    }

    #[test]
    fn names_a_missing_directory() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing").join("store.db");
        let reason = why_unopenable(&path);
        assert!(
            reason.starts_with("directory ") && reason.ends_with(" does not exist"),
            "{reason}"
        );
    }
}
