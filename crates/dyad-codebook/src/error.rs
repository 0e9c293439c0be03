/// Errors loading a codebook file.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A line of the codebook file could not be read.
    #[error("{source_name}:{line}: {message}")]
    Malformed {
        /// The file (or `embedded`).
        source_name: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

/// Result with this crate's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;
