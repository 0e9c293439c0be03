use std::path::PathBuf;

/// Errors loading the coder's lexicons.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A lexicon line could not be read.
    #[error("{file}:{line}: {message}")]
    Malformed {
        /// The lexicon file.
        file: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A lexicon file could not be read.
    #[error("cannot read {}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The actor dictionaries could not be loaded.
    #[error(transparent)]
    Actors(#[from] dyad_actors::Error),
}

/// Result with this crate's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;
