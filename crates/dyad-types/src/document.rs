use serde::{Deserialize, Serialize};

/// An article as read from its source, with its cleaned text.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Document {
    /// Stable identifier: the one the input gave, else a hash of the text.
    pub id: String,
    /// Path of the file it came from (with `:LINE` for JSONL inputs), if any.
    pub path: Option<String>,
    /// URL of the article, if known.
    pub url: Option<String>,
    /// Title, if known.
    pub title: Option<String>,
    /// Outlet (site or publisher name), if known.
    pub outlet: Option<String>,
    /// Publication date `YYYY-MM-DD` (or a full timestamp), if known.
    pub published: Option<String>,
    /// The cleaned text the engine analyses. All offsets point into it.
    pub text: String,
}

impl Document {
    /// A document with only a text; its id is the text's content hash.
    pub fn from_text(text: impl Into<String>) -> Self {
        let text = text.into();
        Document {
            id: crate::content_hash(&text),
            text,
            ..Document::default()
        }
    }

    /// The key a store files this document under: the hash of its text, combined with its
    /// id when the input gave one. Reading the same article again is then a no-op, while
    /// identical texts published under different ids (wire copies) are each kept.
    pub fn store_key(&self) -> String {
        let text_hash = crate::content_hash(&self.text);
        if self.id.is_empty() || self.id == text_hash {
            text_hash
        } else {
            crate::content_hash(&format!("{}\u{0}{}", self.id, self.text))
        }
    }
}
