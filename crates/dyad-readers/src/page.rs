//! One web page's bytes to an extracted article: decoding, extraction, date, language.

use crate::date::normalize_date;
use crate::decode::decode;
use crate::error::ReadError;
use crate::html::{declared_charset, extract_html};
use crate::lang::detect_language;

/// What `dyad extract` reports of a page.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct ExtractedPage {
    /// The canonical URL the page declares.
    pub url: Option<String>,
    /// The headline.
    pub title: Option<String>,
    /// The publication date, `YYYY-MM-DD`.
    pub published: Option<String>,
    /// The site or publisher name.
    pub outlet: Option<String>,
    /// The language of the text (ISO 639-1), from the text itself, else the page's `lang`.
    pub language: Option<String>,
    /// The article text, paragraphs separated by blank lines.
    pub text: String,
    /// A note about the decoding (invalid bytes, legacy charset), if any.
    #[serde(skip)]
    pub warning: Option<String>,
}

/// Decode a page (byte-order mark, `<meta charset>`, UTF-8, else windows-1252) and extract
/// its article. Fails only when the bytes are binary.
pub fn extract_page(bytes: &[u8]) -> Result<ExtractedPage, ReadError> {
    let decoded = decode(bytes, declared_charset(bytes))?;
    let article = extract_html(&decoded.text);
    let m = article.metadata;
    let language = detect_language(&article.text)
        .map(str::to_string)
        .or(m.language);
    Ok(ExtractedPage {
        url: m.url,
        title: m.title,
        published: m.published.as_deref().and_then(normalize_date),
        outlet: m.outlet,
        language,
        text: article.text,
        warning: decoded.warning,
    })
}
