//! Reading articles from web pages.
//!
//! [`extract_html`] parses a page with `scraper`, reads its metadata ([`metadata`]: JSON-LD,
//! Open Graph, `<meta>`, `<time>`) and its article text (the content root walked block by
//! block, leaving out what [`boilerplate`] marks as page furniture).
//!
//! ```
//! let page = r#"<html><head><meta property="og:title" content="Ceasefire holds">
//!   <meta property="article:published_time" content="2024-05-02T09:00:00Z"></head>
//!   <body><nav><a href="/">Home</a></nav><p>The ceasefire held overnight.</p></body></html>"#;
//! let article = dyad_readers::extract_html(page);
//! assert_eq!(article.metadata.title.as_deref(), Some("Ceasefire holds"));
//! assert_eq!(article.text, "The ceasefire held overnight.");
//! ```

/// A `&'static Selector` for a CSS literal, parsed once.
macro_rules! selector {
    ($css:literal) => {{
        static SELECTOR: std::sync::OnceLock<scraper::Selector> = std::sync::OnceLock::new();
        SELECTOR.get_or_init(|| scraper::Selector::parse($css).expect("valid built-in selector"))
    }};
}

pub mod boilerplate;
pub mod metadata;
mod text;
mod timezone;

use encoding_rs::Encoding;
use scraper::Html;

pub use metadata::PageMetadata;

use crate::clean::clean_text;

/// The article found in a web page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HtmlArticle {
    /// Title, date, outlet and URL as the page declares them.
    pub metadata: PageMetadata,
    /// The cleaned article text, paragraphs separated by blank lines.
    pub text: String,
}

/// How far into the article text a date is looked for when the page declares none.
const DATE_IN_TEXT_CHARS: usize = 600;

/// Extract the article (metadata and cleaned main text) from an HTML page.
pub fn extract_html(html: &str) -> HtmlArticle {
    let page = Html::parse_document(html);
    let mut metadata = metadata::extract_metadata(&page);
    let text = clean_text(&text::extract_text(&page, metadata.title.as_deref()));
    if metadata.published.is_none() {
        // A date written at the top of the article ("Posted on 5 March 2021 by ...").
        let head: String = text.chars().take(DATE_IN_TEXT_CHARS).collect();
        metadata.published = crate::date::find_date(&head)
            // Else the first date written anywhere in the page's visible text.
            .or_else(|| metadata::body_date(&page));
    }
    HtmlArticle { metadata, text }
}

/// The encoding a page declares in its first kilobytes: `<meta charset=...>` or
/// `<meta http-equiv="Content-Type" content="...; charset=...">`.
pub(crate) fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let mut rest = head.as_str();
    while let Some(at) = rest.find("<meta") {
        rest = &rest[at + 5..];
        let tag = &rest[..rest.find('>').unwrap_or(rest.len())];
        if let Some(pos) = tag.find("charset") {
            let value = tag[pos + 7..].trim_start();
            let Some(value) = value.strip_prefix('=') else {
                continue;
            };
            let value = value.trim_start().trim_start_matches(['"', '\'']);
            let end = value
                .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.')))
                .unwrap_or(value.len());
            if let Some(encoding) = Encoding::for_label(&value.as_bytes()[..end]) {
                return Some(encoding);
            }
        }
    }
    None
}

/// Whether text looks like an HTML document (for inputs without a telling extension).
pub(crate) fn looks_like_html(text: &str) -> bool {
    let start = text.trim_start_matches('\u{feff}').trim_start();
    let head: String = start
        .chars()
        .take(512)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.starts_with("<head")
        || (head.starts_with('<')
            && (head.contains("<body") || head.contains("<p>") || head.contains("<div")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charset_from_meta() {
        assert_eq!(
            declared_charset(b"<html><head><meta charset=\"ISO-8859-1\">"),
            Some(encoding_rs::WINDOWS_1252)
        );
        assert_eq!(
            declared_charset(
                b"<meta http-equiv='Content-Type' content='text/html; charset=Shift_JIS'>"
            ),
            Some(encoding_rs::SHIFT_JIS)
        );
        assert_eq!(declared_charset(b"<html><body>charset=utf-8</body>"), None);
    }

    #[test]
    fn html_is_recognised() {
        assert!(looks_like_html("\n  <!DOCTYPE html><html>"));
        assert!(looks_like_html("<div><p>Hi</p></div>"));
        assert!(!looks_like_html("Prices <rose> 3%"));
        assert!(!looks_like_html("Plain text."));
    }
}
