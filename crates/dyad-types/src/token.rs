use serde::{Deserialize, Serialize};

use crate::Span;

/// A token with its byte offsets and, once the linguistic stages have run, its part of
/// speech, lemma and dependency relation.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Token {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// Universal POS tag (`NOUN`, `VERB`…), empty until tagged.
    pub upos: String,
    /// Penn Treebank tag (`NN`, `VBD`…), empty until tagged.
    pub xpos: String,
    /// Lemma, empty until lemmatised.
    pub lemma: String,
    /// Index of the head token within the sentence (0-based), `None` for the root or
    /// before parsing.
    pub head: Option<usize>,
    /// Universal Dependencies relation to the head (`nsubj`, `obj`…), empty until parsed.
    pub deprel: String,
}

impl Token {
    /// An untagged token covering `start..end`.
    pub fn new(start: usize, end: usize) -> Self {
        Token {
            start,
            end,
            ..Token::default()
        }
    }

    /// The byte span of the token.
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }

    /// The token's text in `text`.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}
