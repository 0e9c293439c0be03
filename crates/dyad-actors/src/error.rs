use std::path::PathBuf;

/// Errors loading actor dictionaries.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A dictionary line could not be read.
    #[error("{file}:{line}: {message}")]
    Malformed {
        /// The data file.
        file: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A dictionary file could not be read.
    #[error("cannot read {}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
}

/// Result with this crate's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;
