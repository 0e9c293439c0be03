use std::path::PathBuf;

/// Errors of the segmenter's evaluation and model loading.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file could not be read or written.
    #[error("cannot access {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A CoNLL-U file is malformed.
    #[error("{path}:{line}: {message}")]
    Conllu {
        /// The file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A model or lexicon data file is malformed.
    #[error("bad data file {name}, line {line}: {message}")]
    Data {
        /// The data file's name.
        name: &'static str,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

/// The crate's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
