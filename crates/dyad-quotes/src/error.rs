//! Errors of the quote crate.
use std::path::PathBuf;

/// What can go wrong while loading the cue lexicon or reading evaluation data.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A line of a lexicon file could not be read.
    #[error("cue lexicon line {line}: {message}")]
    Lexicon {
        /// 1-based line number.
        line: usize,
        /// What was wrong.
        message: String,
    },
    /// A file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// Evaluation data did not have the expected shape.
    #[error("bad evaluation data in {path}: {message}")]
    Data {
        /// The file.
        path: PathBuf,
        /// What was wrong.
        message: String,
    },
    /// The syntax models could not be loaded.
    #[error("syntax models: {0}")]
    Syntax(#[from] dyad_syntax::Error),
}

/// The crate's result type.
pub type Result<T> = std::result::Result<T, Error>;
