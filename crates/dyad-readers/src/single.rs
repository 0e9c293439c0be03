//! Reading one whole text or HTML article from bytes.

use std::io::Read;

use crate::article::{build_article, split_title, ArticleMeta, Origin};
use crate::clean::clean_text;
use crate::decode::decode;
use crate::error::{ReadError, Result};
use crate::event::ReadEvent;
use crate::format::Format;
use crate::html::{declared_charset, extract_html, looks_like_html};
use crate::options::ReadOptions;

/// Read all of `reader`, failing with [`ReadError::TooLarge`] past `max` bytes (the bytes
/// beyond `max + 1` are never read).
pub(crate) fn read_bounded(reader: impl Read, max: usize) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    reader
        .take(max as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::from_io)?;
    if bytes.len() > max {
        return Err(ReadError::TooLarge {
            size: bytes.len() as u64,
            limit: max as u64,
        });
    }
    Ok(bytes)
}

/// Decode and read one article of `format` (`None`: HTML if it looks like HTML, else text),
/// pushing its events onto `out`.
pub(crate) fn read_article_bytes(
    bytes: &[u8],
    format: Option<Format>,
    origin: &Origin,
    options: &ReadOptions,
    out: &mut Vec<ReadEvent>,
) {
    let declared = if format == Some(Format::Text) {
        None
    } else {
        declared_charset(bytes)
    };
    let decoded = match decode(bytes, declared) {
        Ok(decoded) => decoded,
        Err(error) => {
            out.push(ReadEvent::Failure(origin.diagnostic(error.to_string())));
            return;
        }
    };
    if let Some(warning) = decoded.warning {
        out.push(ReadEvent::Warning(origin.diagnostic(warning)));
    }
    let format = format.unwrap_or_else(|| {
        if crate::feed::looks_like_feed(&decoded.text) {
            Format::Feed
        } else if looks_like_html(&decoded.text) {
            Format::Html
        } else {
            Format::Text
        }
    });
    match format {
        Format::Html => {
            let article = extract_html(&decoded.text);
            let m = article.metadata;
            let meta = ArticleMeta {
                id: None,
                url: m.url,
                title: m.title,
                outlet: m.outlet,
                published: m.published,
            };
            build_article(&article.text, meta, origin, options, out);
        }
        // Any other XML (a sitemap, a configuration file) is no article: skipped with a
        // note when its name merely ends in .xml.
        Format::Feed
            if origin
                .name
                .to_ascii_lowercase()
                .trim_end_matches(".gz")
                .ends_with(".xml")
                && !crate::feed::looks_like_feed(&decoded.text) =>
        {
            out.push(ReadEvent::Warning(origin.diagnostic(
                "skipped: XML that is not an RSS or Atom feed (no <rss> or <feed> element)",
            )));
        }
        Format::Feed => crate::feed::read_feed(&decoded.text, origin, options, out),
        Format::Text | Format::Jsonl | Format::Warc => {
            let cleaned = clean_text(&decoded.text);
            let (title, body) = split_title(&cleaned);
            let meta = ArticleMeta {
                title,
                ..ArticleMeta::default()
            };
            build_article(body, meta, origin, options, out);
        }
    }
}
