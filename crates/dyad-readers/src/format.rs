//! Input formats and how they are recognised.

use std::path::Path;

use crate::html::looks_like_html;

/// The format of an input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text (`.txt`, `.text`, `.md`); the first line may be a title.
    Text,
    /// A web page (`.html`, `.htm`, `.xhtml`).
    Html,
    /// One JSON article object a line (`.jsonl`, `.ndjson`).
    Jsonl,
}

impl Format {
    /// The format an extension names (case-insensitively); `None` for other files, which
    /// directory walks skip.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" | "md" | "markdown" => Some(Format::Text),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            _ => None,
        }
    }

    /// The format of a stream from its first bytes: JSONL when the first non-blank character
    /// is `{`, HTML when it looks like a page, else text.
    pub fn sniff(prefix: &[u8]) -> Format {
        let text = String::from_utf8_lossy(prefix);
        let start = text.trim_start_matches('\u{feff}').trim_start();
        if start.starts_with('{') {
            Format::Jsonl
        } else if looks_like_html(start) {
            Format::Html
        } else {
            Format::Text
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions() {
        assert_eq!(Format::from_path(Path::new("a/b.TXT")), Some(Format::Text));
        assert_eq!(Format::from_path(Path::new("b.htm")), Some(Format::Html));
        assert_eq!(Format::from_path(Path::new("b.jsonl")), Some(Format::Jsonl));
        assert_eq!(Format::from_path(Path::new("b.pdf")), None);
        assert_eq!(Format::from_path(Path::new("README")), None);
    }

    #[test]
    fn sniffing() {
        assert_eq!(Format::sniff(b"\n  {\"text\": \"a\"}"), Format::Jsonl);
        assert_eq!(Format::sniff(b"<!doctype html><html>"), Format::Html);
        assert_eq!(Format::sniff(b"Talks resumed on Monday."), Format::Text);
        assert_eq!(Format::sniff(b""), Format::Text);
    }
}
