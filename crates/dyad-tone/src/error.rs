/// An error reading a tone or context lexicon.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A line of a lexicon file is malformed.
    #[error("{file}, line {line}: {message}")]
    Lexicon {
        /// The file (`valence.tsv`, `contexts.tsv`).
        file: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
}
