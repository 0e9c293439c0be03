use std::path::PathBuf;

/// The command that rebuilds the model file.
pub const REBUILD_COMMAND: &str = "dyad train ner";

/// Errors of the NER crate.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The model file is missing.
    #[error("NER model {path} is missing; rebuild it with `{REBUILD_COMMAND}`")]
    MissingModel {
        /// The file.
        path: PathBuf,
    },
    /// The model file is damaged, truncated or of another version.
    #[error("NER model {path} cannot be used ({reason}); rebuild it with `{REBUILD_COMMAND}`")]
    BadModel {
        /// The file (or `<embedded>`).
        path: PathBuf,
        /// What is wrong.
        reason: String,
    },
    /// A data file is malformed.
    #[error("{path}:{line}: {message}")]
    Format {
        /// The file.
        path: PathBuf,
        /// 1-based line number (0 when not line-based).
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// Training could not proceed.
    #[error("training failed: {0}")]
    Training(String),
}

/// The crate's result type.
pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    /// An I/O error on `path`.
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}
