//! What a read yields: articles and diagnostics.

use std::fmt;

use dyad_types::Document;

/// One result of reading the inputs, in input order.
#[derive(Debug, Clone, PartialEq)]
pub enum ReadEvent {
    /// An article read and cleaned.
    Article(Document),
    /// An article was read (or will be), but something about it was off.
    Warning(Diagnostic),
    /// An input (a file, a stream, or one JSONL line) was skipped.
    Failure(Diagnostic),
}

impl ReadEvent {
    /// The document, if this is an article.
    pub fn article(&self) -> Option<&Document> {
        match self {
            ReadEvent::Article(doc) => Some(doc),
            _ => None,
        }
    }

    /// The diagnostic, if this is a warning or a failure.
    pub fn diagnostic(&self) -> Option<&Diagnostic> {
        match self {
            ReadEvent::Warning(d) | ReadEvent::Failure(d) => Some(d),
            ReadEvent::Article(_) => None,
        }
    }
}

/// A message about one input: displayed as `path:line: message` or `path: message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The input's path as given (`<stdin>` for standard input).
    pub path: String,
    /// The 1-based line, for JSONL inputs.
    pub line: Option<usize>,
    /// What went wrong.
    pub message: String,
}

impl Diagnostic {
    /// A diagnostic about a whole input.
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            path: path.into(),
            line: None,
            message: message.into(),
        }
    }

    /// A diagnostic about one line of an input.
    pub fn at_line(path: impl Into<String>, line: usize, message: impl Into<String>) -> Self {
        Diagnostic {
            path: path.into(),
            line: Some(line),
            message: message.into(),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.path, line, self.message),
            None => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_with_and_without_line() {
        assert_eq!(
            Diagnostic::at_line("a.jsonl", 3, "bad").to_string(),
            "a.jsonl:3: bad"
        );
        assert_eq!(
            Diagnostic::new("a.txt", "empty article").to_string(),
            "a.txt: empty article"
        );
    }
}
