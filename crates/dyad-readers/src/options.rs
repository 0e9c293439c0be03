//! Settings of a read.

/// How inputs are read.
///
/// ```
/// let options = dyad_readers::ReadOptions {
///     default_date: Some("2025-12-01".into()),
///     ..Default::default()
/// };
/// assert_eq!(options.max_article_bytes, 10 * 1024 * 1024);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadOptions {
    /// Publication date given to articles that carry none (or an unparseable one).
    pub default_date: Option<String>,
    /// Largest article accepted, in bytes: the size of a `.txt`/`.html` file or of one JSONL
    /// line. Larger inputs are reported as failures without being read into memory.
    pub max_article_bytes: usize,
    /// Skip articles detected as written in another language than English, with a warning
    /// naming the language (dyad codes English). Texts too short to tell are kept.
    pub skip_non_english: bool,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            default_date: None,
            max_article_bytes: 10 * 1024 * 1024,
            skip_non_english: true,
        }
    }
}
