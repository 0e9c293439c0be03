use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into a document's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (byte offsets).
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }

    /// The text this span covers in `text`.
    ///
    /// Panics if the span is out of bounds or not on character boundaries.
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers nothing.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// Whether `other` lies entirely within this span.
    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the two spans share at least one byte.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// A sentence: a span of the document text. Its tokens are found through
/// [`Analysis::sentence_tokens`](crate::Analysis::sentence_tokens).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// Byte offset of the sentence start.
    pub start: usize,
    /// Byte offset one past the sentence end.
    pub end: usize,
    /// Index of the sentence's first token in [`Analysis::tokens`](crate::Analysis::tokens).
    #[serde(skip)]
    pub first_token: usize,
    /// Index one past the sentence's last token.
    #[serde(skip)]
    pub last_token: usize,
}

impl Sentence {
    /// The byte span of the sentence.
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}
