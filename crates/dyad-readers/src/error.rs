//! Why an input could not be read.

use std::path::PathBuf;

/// The ways reading one input (a file, a stream, a JSONL line) can fail.
///
/// The [`Display`](std::fmt::Display) text is what [`Diagnostic::message`](crate::Diagnostic)
/// carries for a [`ReadEvent::Failure`](crate::ReadEvent::Failure).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReadError {
    /// The named path does not exist.
    #[error("no such file or directory")]
    NotFound,
    /// A directory held no file with an article extension.
    #[error("no articles found in {}", .0.display())]
    NoArticles(PathBuf),
    /// The bytes look like a binary file (NUL bytes or many control characters).
    #[error("binary file, not text")]
    Binary,
    /// Nothing but whitespace (and web debris) once cleaned.
    #[error("empty article")]
    Empty,
    /// The input is larger than [`ReadOptions::max_article_bytes`](crate::ReadOptions).
    #[error("too large: {} > limit {}", megabytes(*size), megabytes(*limit))]
    TooLarge {
        /// The size of the input (a lower bound when it was not read to the end).
        size: u64,
        /// The limit in force.
        limit: u64,
    },
    /// A JSONL line that is not a JSON object.
    #[error("malformed JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// A JSONL line holding JSON that is not an object.
    #[error("not a JSON object")]
    NotAnObject,
    /// A JSONL line whose object has no string `text` field.
    #[error("missing `text` field")]
    MissingText,
    /// A JSONL field with the wrong JSON type.
    #[error("field `{field}` must be {expected}")]
    FieldType {
        /// The field's name.
        field: &'static str,
        /// What it should have been.
        expected: &'static str,
    },
    /// Any other I/O error.
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// A crate-wide result.
pub type Result<T, E = ReadError> = std::result::Result<T, E>;

impl ReadError {
    /// Classify an I/O error, turning "not found" into [`ReadError::NotFound`].
    pub(crate) fn from_io(error: std::io::Error) -> Self {
        if error.kind() == std::io::ErrorKind::NotFound {
            ReadError::NotFound
        } else {
            ReadError::Io(error)
        }
    }
}

/// `bytes` as a short human size: "52 MB", "10 MB", "0.5 MB".
fn megabytes(bytes: u64) -> String {
    const MB: f64 = 1024.0 * 1024.0;
    let mb = bytes as f64 / MB;
    if mb >= 10.0 || mb.fract() == 0.0 {
        format!("{mb:.0} MB")
    } else {
        format!("{mb:.1} MB")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn too_large_names_both_sizes() {
        let error = ReadError::TooLarge {
            size: 50 * 1024 * 1024,
            limit: 10 * 1024 * 1024,
        };
        assert_eq!(error.to_string(), "too large: 50 MB > limit 10 MB");
    }

    #[test]
    fn not_found_is_classified() {
        let io = std::io::Error::from(std::io::ErrorKind::NotFound);
        assert!(matches!(ReadError::from_io(io), ReadError::NotFound));
    }
}
