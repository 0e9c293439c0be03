//! RSS 2.0 and Atom feeds: each item (entry) an article, with its title, link, date and the
//! text of its content (or summary).

use quick_xml::events::Event;
use quick_xml::Reader;

use crate::article::{build_article, ArticleMeta, Origin};
use crate::event::ReadEvent;
use crate::html::{extract_html, looks_like_html};
use crate::options::ReadOptions;

/// One item of a feed, its fields as the feed wrote them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FeedItem {
    /// The item's title.
    pub title: Option<String>,
    /// Its link.
    pub link: Option<String>,
    /// Its date (`pubDate`, `published`, `updated`, `dc:date`), unnormalised.
    pub published: Option<String>,
    /// Its full content (`content:encoded`, Atom `content`), HTML or text.
    pub content: Option<String>,
    /// Its summary (`description`, Atom `summary`), HTML or text.
    pub summary: Option<String>,
}

/// A parsed feed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Feed {
    /// The channel's (feed's) title: the outlet.
    pub title: Option<String>,
    /// The items in order.
    pub items: Vec<FeedItem>,
}

/// Whether text starts like an RSS or Atom document.
pub(crate) fn looks_like_feed(text: &str) -> bool {
    let head: String = text
        .chars()
        .take(1024)
        .collect::<String>()
        .to_ascii_lowercase();
    head.contains("<rss") || head.contains("<feed") || head.contains("<rdf:rdf")
}

/// Parse an RSS 2.0 (or RSS 1.0) or Atom feed. Fails with a message naming the position of
/// the first XML error, or when the document is not a feed.
pub fn parse_feed(text: &str) -> Result<Feed, String> {
    let mut reader = Reader::from_str(text);
    reader.config_mut().trim_text(true);
    reader.config_mut().check_end_names = false;
    let mut feed = Feed::default();
    let mut is_feed = false;
    let mut item: Option<FeedItem> = None;
    // The local name of the element whose text is being read, and the text so far.
    let mut field: Option<String> = None;
    let mut value = String::new();
    loop {
        let event = reader
            .read_event()
            .map_err(|e| format!("malformed XML at byte {}: {e}", reader.error_position()))?;
        match event {
            Event::Start(e) | Event::Empty(e)
                if {
                    let local = local_name(e.name().as_ref());
                    matches!(local.as_str(), "rss" | "feed" | "RDF") && !is_feed
                } =>
            {
                is_feed = true;
            }
            Event::Start(e) => {
                let local = local_name(e.name().as_ref());
                if local == "item" || local == "entry" {
                    item = Some(FeedItem::default());
                    continue;
                }
                if field.is_none() && FIELDS.contains(&local.as_str()) {
                    if local == "link" {
                        if let Some(href) = link_href(&e) {
                            set_link(&mut item, href);
                        }
                    }
                    field = Some(local);
                    value.clear();
                }
            }
            Event::Empty(e) if local_name(e.name().as_ref()) == "link" => {
                if let Some(href) = link_href(&e) {
                    set_link(&mut item, href);
                }
            }
            Event::Text(t) if field.is_some() => {
                let raw = String::from_utf8_lossy(t.as_ref()).into_owned();
                let text = quick_xml::escape::unescape(&raw)
                    .map(|s| s.into_owned())
                    .unwrap_or(raw);
                value.push_str(&text);
            }
            Event::CData(t) if field.is_some() => {
                value.push_str(&String::from_utf8_lossy(t.as_ref()));
            }
            Event::End(e) => {
                let local = local_name(e.name().as_ref());
                if local == "item" || local == "entry" {
                    if let Some(done) = item.take() {
                        feed.items.push(done);
                    }
                    field = None;
                    continue;
                }
                if field.as_deref() == Some(local.as_str()) {
                    let text = std::mem::take(&mut value);
                    store(&mut feed, &mut item, &local, text);
                    field = None;
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !is_feed {
        return Err("not an RSS or Atom feed (no <rss> or <feed> element)".to_string());
    }
    Ok(feed)
}

/// The elements whose text is kept (local names; `content:encoded` is `encoded`,
/// `dc:date` is `dcdate`).
const FIELDS: &[&str] = &[
    "title",
    "link",
    "guid",
    "pubDate",
    "published",
    "dcdate",
    "issued",
    "updated",
    "modified",
    "encoded",
    "content",
    "description",
    "summary",
];

fn local_name(name: &[u8]) -> String {
    let name = String::from_utf8_lossy(name);
    match name.rsplit_once(':') {
        Some((prefix, local)) if prefix == "content" && local == "encoded" => "encoded".into(),
        Some((prefix, local)) if prefix == "dc" && local == "date" => "dcdate".into(),
        Some((_, local)) => local.to_string(),
        None => name.into_owned(),
    }
}

/// The `href` of an Atom `<link>` that points to the entry itself (no `rel`, or
/// `rel=alternate`).
fn link_href(e: &quick_xml::events::BytesStart<'_>) -> Option<String> {
    let mut href = None;
    let mut rel = None;
    for attr in e.attributes().flatten() {
        let value = String::from_utf8_lossy(&attr.value).into_owned();
        match attr.key.as_ref() {
            b"href" => href = Some(value),
            b"rel" => rel = Some(value),
            _ => {}
        }
    }
    match rel.as_deref() {
        None | Some("alternate") => href,
        _ => None,
    }
}

fn set_link(item: &mut Option<FeedItem>, href: String) {
    if let Some(item) = item {
        if item.link.is_none() {
            item.link = Some(href);
        }
    }
}

/// Keep `text` as the field `local` of the current item (or of the channel).
fn store(feed: &mut Feed, item: &mut Option<FeedItem>, local: &str, text: String) {
    let text = text.trim().to_string();
    if text.is_empty() {
        return;
    }
    let Some(item) = item else {
        if local == "title" && feed.title.is_none() {
            feed.title = Some(text);
        }
        return;
    };
    let slot = match local {
        "title" => &mut item.title,
        "link" | "guid" if item.link.is_none() && text.starts_with("http") => &mut item.link,
        "pubDate" | "published" | "dcdate" | "issued" => &mut item.published,
        "updated" | "modified" if item.published.is_none() => &mut item.published,
        "encoded" | "content" => &mut item.content,
        "description" | "summary" => &mut item.summary,
        _ => return,
    };
    if slot.is_none() {
        *slot = Some(text);
    }
}

/// The plain text of an item's content: HTML reduced to its text blocks.
fn item_text(raw: &str) -> String {
    if looks_like_html(raw) || raw.contains("</") || raw.contains("<br") {
        let wrapped = format!("<html><body>{raw}</body></html>");
        extract_html(&wrapped).text
    } else {
        raw.to_string()
    }
}

/// Read a feed's items as articles (`path#item N` in diagnostics and documents).
pub(crate) fn read_feed(
    text: &str,
    origin: &Origin,
    options: &ReadOptions,
    out: &mut Vec<ReadEvent>,
) {
    let feed = match parse_feed(text) {
        Ok(feed) => feed,
        Err(message) => {
            out.push(ReadEvent::Failure(origin.diagnostic(message)));
            return;
        }
    };
    if feed.items.is_empty() {
        out.push(ReadEvent::Failure(origin.diagnostic("feed has no items")));
        return;
    }
    for (i, item) in feed.items.into_iter().enumerate() {
        let item_origin = Origin {
            name: format!("{}#item{}", origin.name, i + 1),
            line: None,
        };
        let body = item
            .content
            .as_deref()
            .or(item.summary.as_deref())
            .map(item_text)
            .unwrap_or_default();
        let meta = ArticleMeta {
            id: None,
            url: item.link,
            title: item.title,
            outlet: feed.title.clone(),
            published: item.published,
        };
        build_article(&body, meta, &item_origin, options, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rss_items() {
        let rss = r#"<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
        <channel><title>Coast Post</title><link>https://coast.example/</link>
        <item><title>Ports reopen</title><link>https://coast.example/ports</link>
          <pubDate>Tue, 02 Dec 2025 08:00:00 GMT</pubDate>
          <description>Short.</description>
          <content:encoded><![CDATA[<p>The ports reopened.</p><p>Ships left.</p>]]></content:encoded></item>
        <item><title>Talks &amp; more</title><guid>https://coast.example/talks</guid>
          <description>&lt;p&gt;Talks resumed.&lt;/p&gt;</description></item>
        </channel></rss>"#;
        let feed = parse_feed(rss).unwrap();
        assert_eq!(feed.title.as_deref(), Some("Coast Post"));
        assert_eq!(feed.items.len(), 2);
        let a = &feed.items[0];
        assert_eq!(a.link.as_deref(), Some("https://coast.example/ports"));
        assert_eq!(
            item_text(a.content.as_deref().unwrap()),
            "The ports reopened.\n\nShips left."
        );
        let b = &feed.items[1];
        assert_eq!(b.title.as_deref(), Some("Talks & more"));
        assert_eq!(b.link.as_deref(), Some("https://coast.example/talks"));
        assert_eq!(item_text(b.summary.as_deref().unwrap()), "Talks resumed.");
    }

    #[test]
    fn atom_entries() {
        let atom = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>
        <entry><title type="text">Strike ends</title>
          <link rel="alternate" href="https://wire.example/strike"/>
          <link rel="self" href="https://wire.example/x.atom"/>
          <published>2024-03-02T08:00:00Z</published>
          <content type="html">&lt;p&gt;The strike ended.&lt;/p&gt;</content></entry></feed>"#;
        let feed = parse_feed(atom).unwrap();
        assert_eq!(feed.title.as_deref(), Some("Wire"));
        let e = &feed.items[0];
        assert_eq!(e.link.as_deref(), Some("https://wire.example/strike"));
        assert_eq!(e.published.as_deref(), Some("2024-03-02T08:00:00Z"));
        assert_eq!(
            item_text(e.content.as_deref().unwrap()),
            "The strike ended."
        );
    }

    #[test]
    fn not_a_feed() {
        assert!(parse_feed("<html><body>x</body></html>").is_err());
    }
}
