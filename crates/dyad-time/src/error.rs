//! Errors of the time-expression stage.

use std::path::PathBuf;

/// What can go wrong while loading rules, parsing a date or reading gold data.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A `--dct` or publication date that is not `YYYY-MM-DD` (optionally followed by a time).
    #[error("not a date (expected YYYY-MM-DD): {0:?}")]
    BadDate(String),
    /// A line of an embedded rule or lexicon file that does not parse.
    #[error("{file}:{line}: {message}")]
    BadRule {
        /// Data file name.
        file: &'static str,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A gold file that could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A gold file that is not the TimeML or MEANTIME we expect.
    #[error("{path}: {message}")]
    BadGold {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
}

/// The crate's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
