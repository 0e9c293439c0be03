//! Errors of the geo crate.

/// What can go wrong loading or building the gazetteer, or reading gold data.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A data file is missing or malformed.
    #[error("{0}")]
    Data(String),
}

/// Result with this crate's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;
