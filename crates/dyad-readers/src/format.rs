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
    /// An RSS 2.0 or Atom feed (`.rss`, `.atom`, `.xml`): each item an article.
    Feed,
    /// A WARC web archive (`.warc`): each HTML response an article.
    Warc,
}

impl Format {
    /// The format an extension names (case-insensitively); `None` for other files, which
    /// directory walks skip.
    ///
    /// A `.gz` suffix is looked through: `page.html.gz` is HTML, `crawl.warc.gz` a WARC
    /// (see [`Format::is_gzip`]).
    pub fn from_path(path: &Path) -> Option<Format> {
        let name = path.file_name()?.to_str()?.to_ascii_lowercase();
        let name = name.strip_suffix(".gz").unwrap_or(&name);
        let ext = name.rsplit_once('.')?.1;
        match ext {
            "txt" | "text" | "md" | "markdown" => Some(Format::Text),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            "rss" | "atom" | "xml" => Some(Format::Feed),
            "warc" => Some(Format::Warc),
            _ => None,
        }
    }

    /// Whether the path names a gzip-compressed file (`.gz`), read decompressed.
    pub fn is_gzip(path: &Path) -> bool {
        path.extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("gz"))
    }

    /// The format of a stream from its first bytes: JSONL when the first non-blank character
    /// is `{`, HTML when it looks like a page, else text.
    pub fn sniff(prefix: &[u8]) -> Format {
        let text = String::from_utf8_lossy(prefix);
        let start = text.trim_start_matches('\u{feff}').trim_start();
        if start.starts_with('{') {
            Format::Jsonl
        } else if start.starts_with("WARC/") {
            Format::Warc
        } else if crate::feed::looks_like_feed(start) {
            Format::Feed
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
        assert_eq!(
            Format::from_path(Path::new("p.html.gz")),
            Some(Format::Html)
        );
        assert_eq!(
            Format::from_path(Path::new("c.warc.gz")),
            Some(Format::Warc)
        );
        assert_eq!(Format::from_path(Path::new("c.warc")), Some(Format::Warc));
        assert_eq!(Format::from_path(Path::new("f.rss")), Some(Format::Feed));
        assert_eq!(Format::from_path(Path::new("x.gz")), None);
        assert!(Format::is_gzip(Path::new("c.warc.GZ")));
        assert!(!Format::is_gzip(Path::new("c.warc")));
    }

    #[test]
    fn sniffing() {
        assert_eq!(Format::sniff(b"\n  {\"text\": \"a\"}"), Format::Jsonl);
        assert_eq!(Format::sniff(b"<!doctype html><html>"), Format::Html);
        assert_eq!(Format::sniff(b"Talks resumed on Monday."), Format::Text);
        assert_eq!(Format::sniff(b""), Format::Text);
    }
}
