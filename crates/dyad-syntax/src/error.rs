//! Errors of the syntax stage.
use std::path::PathBuf;

/// The crate result type.
pub type Result<T> = std::result::Result<T, Error>;

/// What went wrong while loading, training or evaluating a model.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The model file does not exist (or the embedded model was never trained).
    #[error("model file `{path}` is missing; rebuild it with `{rebuild}`")]
    MissingModel {
        /// The file that was looked for.
        path: PathBuf,
        /// The command that rebuilds it.
        rebuild: &'static str,
    },
    /// The file is not a model of the expected kind (wrong magic bytes).
    #[error("`{path}` is not a dyad {kind} model (bad magic bytes); rebuild it with `{rebuild}`")]
    BadMagic {
        /// The file.
        path: PathBuf,
        /// `tagger` or `parser`.
        kind: &'static str,
        /// The command that rebuilds it.
        rebuild: &'static str,
    },
    /// The model was written by an incompatible format version.
    #[error("`{path}` has model format version {found}, expected {expected}; rebuild it with `{rebuild}`")]
    WrongVersion {
        /// The file.
        path: PathBuf,
        /// Version found in the file.
        found: u32,
        /// Version this build reads.
        expected: u32,
        /// The command that rebuilds it.
        rebuild: &'static str,
    },
    /// The file ended early or its content is inconsistent.
    #[error("`{path}` is truncated or corrupt ({detail}); rebuild it with `{rebuild}`")]
    Corrupt {
        /// The file.
        path: PathBuf,
        /// What was wrong.
        detail: String,
        /// The command that rebuilds it.
        rebuild: &'static str,
    },
    /// An I/O error on a named file.
    #[error("cannot access `{path}`: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A CoNLL-U file could not be read.
    #[error("{path}:{line}: bad CoNLL-U: {detail}")]
    Conllu {
        /// The file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What was wrong.
        detail: String,
    },
    /// A lexicon file could not be read.
    #[error("bad lexicon `{path}`: {detail}")]
    Lexicon {
        /// The file.
        path: PathBuf,
        /// What was wrong.
        detail: String,
    },
    /// Training was asked for with no usable data.
    #[error("no training data: {0}")]
    NoData(String),
}

impl Error {
    /// Wraps an I/O error with the file it concerns.
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}
