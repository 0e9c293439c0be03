//! Article metadata of a web page: title, publication date, outlet, canonical URL.
//!
//! Sources, best first: JSON-LD (`<script type="application/ld+json">`, schema.org
//! `NewsArticle` and kin), Open Graph and other `<meta>` tags, `<link rel=canonical>`,
//! `<time datetime>`, then `<title>` and the first `<h1>`.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDateTime, Timelike};
use ego_tree::iter::Edge;
use scraper::{Html, Selector};
use serde_json::Value;

use super::{boilerplate, timezone};
use crate::date::{find_date, find_date_at, normalize_date};

/// What a page says about itself. Dates are raw strings, as the page wrote them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageMetadata {
    /// The headline.
    pub title: Option<String>,
    /// The publication date or timestamp, unnormalised.
    pub published: Option<String>,
    /// The site or publisher name.
    pub outlet: Option<String>,
    /// The canonical URL.
    pub url: Option<String>,
    /// The language the page declares (`<html lang>`, `og:locale`), as a lowercase ISO 639-1
    /// code.
    pub language: Option<String>,
}

/// `<meta>` keys (`property`, `name` or `itemprop`, lowercased) giving a publication date,
/// best first.
const DATE_KEYS: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "og:published_time",
    "published_time",
    "article.published",
    "article:published",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "publication_date",
    "dc.date.issued",
    "dcterms.issued",
    "sailthru.date",
    "parsely-pub-date",
    "original-publish-date",
    "article_date_original",
    "cxenseparse:recs:publishtime",
];

/// `<meta>` keys that date the page rather than the article (a content management
/// system's record of when the page was made or changed): used only when neither the
/// article's metadata nor a `<time>` element gives a date.
const PAGE_DATE_KEYS: &[&str] = &[
    "date",
    "dc.date",
    "dcterms.date",
    "dcterms.created",
    "dc.date.created",
];

/// The first of `keys` whose `<meta>` holds a date that parses.
fn meta_date(meta: &HashMap<String, String>, keys: &[&str]) -> Option<String> {
    keys.iter()
        .filter_map(|k| meta.get(*k))
        .find(|d| normalize_date(d).is_some())
        .cloned()
}

/// JSON-LD `@type`s that describe an article.
const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "SocialMediaPosting",
    "Report",
    "TechArticle",
    "ScholarlyArticle",
];

/// Read the metadata of a parsed page.
pub fn extract_metadata(page: &Html) -> PageMetadata {
    let meta = meta_tags(page);
    let json_ld = JsonLd::from_page(page);
    let get = |keys: &[&str]| keys.iter().find_map(|k| meta.get(*k).cloned());

    let outlet = json_ld
        .as_ref()
        .and_then(JsonLd::publisher)
        .or_else(|| get(&["og:site_name", "application-name", "publisher"]))
        .and_then(|s| clean_field(&s));
    let title = json_ld
        .as_ref()
        .and_then(|j| j.article_str(&["headline", "name"]))
        .or_else(|| get(&["og:title", "twitter:title", "dc.title"]))
        .and_then(|s| clean_field(&s))
        .map(|t| strip_outlet(&t, outlet.as_deref()))
        .or_else(|| title_element(page, outlet.as_deref()))
        .or_else(|| first_text(page, "h1"));
    let url = link_canonical(page)
        .or_else(|| get(&["og:url"]))
        .or_else(|| json_ld.as_ref().and_then(JsonLd::url))
        .and_then(|s| clean_field(&s));
    let locale = page
        .root_element()
        .attr("lang")
        .map(str::to_string)
        .or_else(|| get(&["og:locale", "content-language", "language"]));
    let published = json_ld
        .as_ref()
        .and_then(|j| j.article_str(&["datePublished", "dateCreated"]))
        .filter(|d| normalize_date(d).is_some())
        .or_else(|| meta_date(&meta, DATE_KEYS))
        .or_else(|| json_ld.as_ref().and_then(JsonLd::any_date))
        .or_else(|| time_element(page))
        .or_else(|| meta_date(&meta, PAGE_DATE_KEYS))
        .or_else(|| generic_meta_date(&meta))
        .or_else(|| url.as_deref().and_then(url_date))
        .or_else(|| dated_element(page))
        .or_else(|| get(&["og:title"]).as_deref().and_then(find_date))
        .or_else(|| first_text(page, "title").as_deref().and_then(find_date))
        // Nothing parses: keep what the page declared, so that the reader can warn about it.
        .or_else(|| {
            json_ld
                .as_ref()
                .and_then(|j| j.article_str(&["datePublished"]))
        })
        .or_else(|| get(DATE_KEYS))
        .or_else(|| get(PAGE_DATE_KEYS))
        .and_then(|s| clean_field(&s))
        .map(|s| local_form(page, &meta, locale.as_deref(), s));
    let language = locale.as_deref().and_then(|l| {
        let code: String = l
            .trim()
            .chars()
            .take_while(char::is_ascii_alphabetic)
            .collect::<String>()
            .to_ascii_lowercase();
        (code.len() == 2 || code.len() == 3).then_some(code)
    });
    PageMetadata {
        title,
        published,
        outlet,
        url,
        language,
    }
}

/// `<meta>` contents by lowercased `property`, `name` or `itemprop`; the first one wins.
fn meta_tags(page: &Html) -> HashMap<String, String> {
    let mut map = HashMap::new();
    for el in page.select(selector!("meta[content]")) {
        let Some(content) = el.attr("content") else {
            continue;
        };
        for key in ["property", "name", "itemprop"] {
            if let Some(k) = el.attr(key) {
                map.entry(k.trim().to_ascii_lowercase())
                    .or_insert_with(|| content.to_string());
            }
        }
    }
    map
}

/// Words in a `<meta>` key, or an element's class or id, that mark a publication date.
const DATE_MARKS: &[&str] = &[
    "pubdate",
    "publish",
    "publica",
    "published",
    "date",
    "datum",
    "fecha",
    "data",
    "posted",
    "created",
    "dateline",
    "time",
    "byline",
    "submitted",
    "meta",
    "info",
];

/// Words that mark another date (a change, a comment, an event).
const OTHER_DATE_MARKS: &[&str] = &[
    "modif", "updat", "expir", "comment", "event", "revis", "edit",
];

/// A date-looking `<meta>` not among [`DATE_KEYS`], by its key: `sw-pubdate`, `date.created`.
fn generic_meta_date(meta: &HashMap<String, String>) -> Option<String> {
    let mut keys: Vec<&String> = meta
        .keys()
        .filter(|k| {
            (k.contains("date") || k.contains("publish") || k.contains("created"))
                && !OTHER_DATE_MARKS.iter().any(|m| k.contains(m))
        })
        .collect();
    keys.sort();
    keys.into_iter()
        .map(|k| &meta[k])
        .find_map(|v| normalize_date(v).or_else(|| find_date(v)))
}

/// The first date written in a short element whose class or id marks a date or byline
/// (`<span class="meta__date">03.11.2021</span>`), in document order; links left out.
fn dated_element(page: &Html) -> Option<String> {
    for el in page.select(selector!("body [class], body [id]")) {
        let marked = [el.attr("class"), el.attr("id")]
            .into_iter()
            .flatten()
            .map(str::to_ascii_lowercase)
            .any(|name| {
                DATE_MARKS.iter().any(|m| name.contains(m))
                    && !OTHER_DATE_MARKS.iter().any(|m| name.contains(m))
            });
        if !marked || el.value().name() == "a" {
            continue;
        }
        for attr in ["datetime", "content", "title"] {
            if let Some(d) = el.attr(attr).and_then(normalize_date) {
                return Some(d);
            }
        }
        let mut text = String::new();
        for piece in el.text() {
            text.push_str(piece);
            text.push(' ');
            if text.len() > 300 {
                break;
            }
        }
        if text.len() <= 300 {
            if let Some(d) = find_date(&text) {
                return Some(d);
            }
        }
    }
    None
}

/// The same instant as `published` written in the publisher's own time zone, when
/// `published` is a UTC timestamp (`…Z`, `+00:00`) and the page also writes it with a
/// non-zero offset (`2020-02-24T21:25:54-05:00`) or as local wall-clock time with the same
/// minutes and seconds a whole number of hours away (`2023-11-08 23:30:59`), else converted
/// to the zone the page's locale implies ([`timezone`]): the date a page was published is
/// the date where it was published. Anything else is left as it is.
fn local_form(
    page: &Html,
    meta: &HashMap<String, String>,
    locale: Option<&str>,
    published: String,
) -> String {
    let Ok(utc) = DateTime::parse_from_rfc3339(&published.replace(' ', "T")) else {
        return published;
    };
    if utc.offset().local_minus_utc() != 0 {
        return published;
    }
    let utc = utc.naive_utc();
    // `<meta>` values in the order of their keys, so that the answer never depends on the
    // map's iteration order when two tags write the instant with different offsets.
    let mut metas: Vec<(&str, &str)> = meta.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    metas.sort_unstable();
    let times = page
        .select(selector!("[datetime]"))
        .filter_map(|el| el.attr("datetime"))
        .chain(metas.into_iter().map(|(_, value)| value))
        .map(str::to_string)
        .chain(page.select(selector!("script")).flat_map(|script| {
            let text: String = script.text().collect();
            timestamps_in(&text)
        }));
    for written in times {
        let written = written.trim().replace(' ', "T");
        if let Ok(local) = DateTime::parse_from_rfc3339(&written) {
            if local.offset().local_minus_utc() != 0 && local.naive_utc() == utc {
                return written;
            }
        } else if let Ok(naive) = NaiveDateTime::parse_from_str(&written, "%Y-%m-%dT%H:%M:%S%.f") {
            let shift = (naive - utc).num_milliseconds();
            let hour = 3_600_000;
            if shift != 0 && shift % hour == 0 && shift.abs() <= 14 * hour && utc.second() != 0 {
                return written;
            }
        }
    }
    match locale.and_then(timezone::zone_of_locale) {
        Some(zone) => timezone::to_local(utc, zone)
            .format("%Y-%m-%dT%H:%M:%S")
            .to_string(),
        None => published,
    }
}

/// ISO 8601 timestamps with seconds written in a script (`"date":"2020-02-24T21:25:54-05:00"`).
fn timestamps_in(text: &str) -> Vec<String> {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::Regex::new(
            r"\b(?:19|20)\d\d-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:\.\d+)?(?:[+-]\d\d:\d\d|Z)?",
        )
        .expect("valid regex")
    });
    re.find_iter(text).map(|m| m.as_str().to_string()).collect()
}

/// How much of a page's visible text [`body_date`] reads.
const BODY_DATE_CHARS: usize = 20_000;

/// The first date written in the visible text of the page's body (scripts, styles and
/// templates left out), within its first [`BODY_DATE_CHARS`] characters: the last resort
/// for a page that declares no date and writes none at the top of its article
/// ("Pressemitteilung vom 25. Januar 2022" in a teaser, "Mise en ligne 23 mai 2019").
pub(crate) fn body_date(page: &Html) -> Option<String> {
    let body = page.select(selector!("body")).next()?;
    let hides = |node: &scraper::Node| {
        node.as_element()
            .is_some_and(|e| matches!(e.name(), "script" | "style" | "noscript" | "template"))
    };
    let mut text = String::new();
    // One walk, counting the hidden elements open around the current node (rather than
    // climbing every text node's ancestors).
    let mut hidden = 0usize;
    for edge in body.traverse() {
        match edge {
            Edge::Open(node) if hides(node.value()) => hidden += 1,
            Edge::Close(node) if hides(node.value()) => hidden -= 1,
            Edge::Open(node) if hidden == 0 => {
                if let Some(piece) = node.value().as_text() {
                    text.push_str(piece);
                    text.push(' ');
                    if text.len() > BODY_DATE_CHARS {
                        break;
                    }
                }
            }
            _ => {}
        }
    }
    cued_date(&text).or_else(|| find_date(&text))
}

/// Words that introduce a publication date in running text, lowercase ("Erschienen am:
/// 01.11.2023", "Published 5 March 2021", "Mise en ligne le 23 mai 2019").
const PUBLICATION_CUES: &[&str] = &[
    "published",
    "posted on",
    "erschienen",
    "veröffentlicht",
    "publié",
    "mise en ligne",
    "publicado",
    "pubblicato",
];

/// How far after a publication cue its date may start, in bytes.
const CUE_REACH: usize = 40;

/// The first date written just after a publication cue in `text`.
fn cued_date(text: &str) -> Option<String> {
    let lower = text.to_lowercase();
    // Lowercasing can change byte lengths; only look up cues when it did not.
    if lower.len() != text.len() {
        return None;
    }
    let mut best: Option<(usize, String)> = None;
    for cue in PUBLICATION_CUES {
        for (at, _) in lower.match_indices(cue) {
            if best.as_ref().is_some_and(|(b, _)| *b < at) {
                break;
            }
            let start = at + cue.len();
            if !text.is_char_boundary(start) {
                continue;
            }
            let mut end = (start + CUE_REACH + 20).min(text.len());
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            if let Some((offset, date)) = find_date_at(&text[start..end]) {
                if offset <= CUE_REACH {
                    best = Some((at, date));
                    break;
                }
            }
        }
    }
    best.map(|(_, date)| date)
}

/// A date written into a URL's path: `/2019/10/21/` or `/2019-10-21/`.
fn url_date(url: &str) -> Option<String> {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::Regex::new(r"/((?:19|20)\d\d)[/-](\d{1,2})[/-](\d{1,2})(?:/|[-_.]|$)")
            .expect("valid regex")
    });
    let c = re.captures(url)?;
    let date = format!("{}-{:0>2}-{:0>2}", &c[1], &c[2], &c[3]);
    normalize_date(&date).map(|_| date)
}

/// Collapse whitespace; `None` when nothing is left.
fn clean_field(raw: &str) -> Option<String> {
    let s = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

/// The `<title>` text with a leading or trailing outlet name (" | BBC News") removed.
fn title_element(page: &Html, outlet: Option<&str>) -> Option<String> {
    first_text(page, "title").map(|t| strip_outlet(&t, outlet))
}

/// Remove "Site - " or " | Site" when Site is the outlet.
fn strip_outlet(title: &str, outlet: Option<&str>) -> String {
    let Some(outlet) = outlet else {
        return title.to_string();
    };
    for sep in [" | ", " - ", " – ", " — ", " :: ", " · "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            if tail.trim().eq_ignore_ascii_case(outlet) && !head.trim().is_empty() {
                return head.trim().to_string();
            }
        }
        if let Some((head, tail)) = title.split_once(sep) {
            if head.trim().eq_ignore_ascii_case(outlet) && !tail.trim().is_empty() {
                return tail.trim().to_string();
            }
        }
    }
    title.to_string()
}

/// The whitespace-collapsed text of the first element matching `css`.
fn first_text(page: &Html, css: &str) -> Option<String> {
    let sel = Selector::parse(css).ok()?;
    page.select(&sel)
        .find_map(|el| clean_field(&el.text().collect::<String>()))
}

fn link_canonical(page: &Html) -> Option<String> {
    page.select(selector!("link[href]"))
        .find(|el| {
            el.attr("rel").is_some_and(|r| {
                r.split_whitespace()
                    .any(|t| t.eq_ignore_ascii_case("canonical"))
            })
        })
        .and_then(|el| el.attr("href"))
        .map(str::to_string)
}

/// A `datetime` of a `<time>` (or any element marked `itemprop=datePublished`), preferring
/// one marked as the publication date; else the first that parses outside page furniture
/// (a list of related stories dates other articles).
fn time_element(page: &Html) -> Option<String> {
    let marked = page
        .select(selector!("[itemprop=datePublished], time[pubdate]"))
        .find_map(|el| {
            el.attr("datetime")
                .or_else(|| el.attr("content"))
                .filter(|v| normalize_date(v).is_some())
                .map(str::to_string)
        });
    marked.or_else(|| {
        page.select(selector!("time[datetime]"))
            .filter(|el| !in_page_furniture(*el))
            .filter_map(|el| el.attr("datetime"))
            .find(|v| normalize_date(v).is_some())
            .map(str::to_string)
    })
}

/// Whether an element sits inside navigation, a sidebar, a list of related stories or
/// comments ([`boilerplate::names_other_stories`]).
fn in_page_furniture(element: scraper::ElementRef<'_>) -> bool {
    element
        .ancestors()
        .filter_map(|a| a.value().as_element())
        .any(|a| a.name() == "nav" || boilerplate::names_other_stories(a))
}

/// The JSON-LD objects of a page, flattened (arrays and `@graph`s opened).
struct JsonLd {
    objects: Vec<Value>,
    /// Index of the object describing the article, if any.
    article: Option<usize>,
}

impl JsonLd {
    fn from_page(page: &Html) -> Option<JsonLd> {
        let mut objects = Vec::new();
        for script in page.select(selector!("script")) {
            let is_ld = script
                .attr("type")
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
            if !is_ld {
                continue;
            }
            let raw: String = script.text().collect();
            let raw = raw
                .trim()
                .trim_start_matches("<!--")
                .trim_end_matches("-->");
            let raw = raw.trim().trim_end_matches(';');
            if let Ok(value) = serde_json::from_str::<Value>(raw) {
                flatten(value, &mut objects);
            }
        }
        if objects.is_empty() {
            return None;
        }
        let article = objects
            .iter()
            .position(|o| has_type(o, ARTICLE_TYPES))
            .or_else(|| objects.iter().position(|o| o.get("headline").is_some()));
        Some(JsonLd { objects, article })
    }

    fn article(&self) -> Option<&Value> {
        self.article.map(|i| &self.objects[i])
    }

    /// The first of `keys` on the article object that holds a string.
    fn article_str(&self, keys: &[&str]) -> Option<String> {
        let article = self.article()?;
        keys.iter().find_map(|k| as_text(article.get(*k)?))
    }

    /// The publisher's name: on the article, resolved through `@id` when it is a reference.
    fn publisher(&self) -> Option<String> {
        let publisher = self.article()?.get("publisher")?;
        let publisher = match publisher {
            Value::Array(items) => items.first()?,
            other => other,
        };
        if let Some(name) = as_text(publisher) {
            return Some(name);
        }
        if let Some(name) = publisher.get("name").and_then(as_text) {
            return Some(name);
        }
        let id = publisher.get("@id")?.as_str()?;
        self.objects
            .iter()
            .find(|o| o.get("@id").and_then(Value::as_str) == Some(id))
            .and_then(|o| o.get("name"))
            .and_then(as_text)
    }

    /// A `datePublished` (or `dateCreated`) on any object, when no article object has one.
    fn any_date(&self) -> Option<String> {
        self.objects.iter().find_map(|o| {
            ["datePublished", "dateCreated", "uploadDate"]
                .iter()
                .filter_map(|k| o.get(*k).and_then(as_text))
                .find(|d| normalize_date(d).is_some())
        })
    }

    fn url(&self) -> Option<String> {
        let article = self.article()?;
        article.get("url").and_then(as_text).or_else(|| {
            let entity = article.get("mainEntityOfPage")?;
            as_text(entity).or_else(|| entity.get("@id").and_then(as_text))
        })
    }
}

/// Push `value`'s objects, opening arrays and `@graph` lists.
fn flatten(value: Value, out: &mut Vec<Value>) {
    match value {
        Value::Array(items) => items.into_iter().for_each(|v| flatten(v, out)),
        Value::Object(mut map) => {
            if let Some(graph) = map.remove("@graph") {
                flatten(graph, out);
            }
            if !map.is_empty() {
                out.push(Value::Object(map));
            }
        }
        _ => {}
    }
}

/// Whether `@type` (a string or a list) names one of `types`.
fn has_type(object: &Value, types: &[&str]) -> bool {
    match object.get("@type") {
        Some(Value::String(t)) => types.contains(&t.as_str()),
        Some(Value::Array(ts)) => ts
            .iter()
            .any(|t| t.as_str().is_some_and(|t| types.contains(&t))),
        _ => false,
    }
}

/// A string (or number) field as text; `None` when empty or of another type.
fn as_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => clean_field(s),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_urls() {
        assert_eq!(
            url_date("http://a.eu/2019/10/21/some-post/").as_deref(),
            Some("2019-10-21")
        );
        assert_eq!(
            url_date("https://a.com/news/2020-3-05-title").as_deref(),
            Some("2020-03-05")
        );
        assert_eq!(url_date("https://a.com/2019/10/some-post"), None);
        assert_eq!(url_date("https://a.com/2019/13/40/x"), None);
    }

    #[test]
    fn outlet_suffix_is_stripped_only_when_it_is_the_outlet() {
        assert_eq!(
            strip_outlet("Talks fail - The Daily", Some("The Daily")),
            "Talks fail"
        );
        assert_eq!(
            strip_outlet("The Daily | Talks fail", Some("The Daily")),
            "Talks fail"
        );
        assert_eq!(
            strip_outlet("Left - right talks", Some("The Daily")),
            "Left - right talks"
        );
        assert_eq!(strip_outlet("Left - right", None), "Left - right");
    }

    #[test]
    fn json_ld_graph_with_publisher_reference() {
        let page = Html::parse_document(
            r##"<html><head><script type="application/ld+json">
            {"@context":"https://schema.org","@graph":[
              {"@type":"Organization","@id":"#org","name":"Example Times"},
              {"@type":["NewsArticle"],"headline":"Ports reopen","datePublished":"2024-03-02T08:00:00+01:00",
               "publisher":{"@id":"#org"},"mainEntityOfPage":{"@id":"https://example.org/ports"}}]}
            </script></head><body></body></html>"##,
        );
        let meta = extract_metadata(&page);
        assert_eq!(meta.title.as_deref(), Some("Ports reopen"));
        assert_eq!(meta.published.as_deref(), Some("2024-03-02T08:00:00+01:00"));
        assert_eq!(meta.outlet.as_deref(), Some("Example Times"));
        assert_eq!(meta.url.as_deref(), Some("https://example.org/ports"));
    }

    #[test]
    fn meta_tags_then_time_then_title_element() {
        let page = Html::parse_document(
            r#"<html><head><title>Harbour strike ends | Coast Post</title>
            <meta property="og:site_name" content="Coast Post">
            <meta name="date" content="not a date"></head>
            <body><time datetime="2023-07-14T10:00">14 July</time></body></html>"#,
        );
        let meta = extract_metadata(&page);
        assert_eq!(meta.title.as_deref(), Some("Harbour strike ends"));
        assert_eq!(meta.published.as_deref(), Some("2023-07-14T10:00"));
        assert_eq!(meta.outlet.as_deref(), Some("Coast Post"));
    }

    fn published_of(html: &str) -> Option<String> {
        extract_metadata(&Html::parse_document(html))
            .published
            .as_deref()
            .and_then(normalize_date)
    }

    #[test]
    fn a_utc_stamp_gives_way_to_the_same_instant_in_local_time() {
        // The same instant written with its offset in a script, and as wall-clock time.
        let offset = r#"<html><head>
            <meta property="article:published_time" content="2021-03-10T03:15:42+00:00">
            <script>var page = {"date":"2021-03-09T22:15:42-05:00"};</script></head></html>"#;
        assert_eq!(published_of(offset).as_deref(), Some("2021-03-09"));
        let wall_clock = r#"<html><head>
            <meta property="article:published_time" content="2021-03-10T03:15:42Z"></head>
            <body><time datetime="2021-03-09 21:15:42">9 March</time></body></html>"#;
        assert_eq!(published_of(wall_clock).as_deref(), Some("2021-03-09"));
        // Another instant (a later update) is not the same time written otherwise.
        let other = r#"<html><head>
            <meta property="article:published_time" content="2021-03-10T03:15:42Z"></head>
            <body><time datetime="2021-03-09 21:16:00">9 March</time></body></html>"#;
        assert_eq!(published_of(other).as_deref(), Some("2021-03-10"));
    }

    #[test]
    fn a_utc_stamp_is_read_in_the_zone_of_the_pages_locale() {
        let page = |lang: &str| {
            format!(
                r#"<html lang="{lang}"><head><meta property="article:published_time"
                content="2021-11-14T23:20:05Z"></head></html>"#
            )
        };
        assert_eq!(published_of(&page("de-AT")).as_deref(), Some("2021-11-15"));
        assert_eq!(published_of(&page("en")).as_deref(), Some("2021-11-14"));
        assert_eq!(published_of(&page("es-MX")).as_deref(), Some("2021-11-14"));
    }

    #[test]
    fn a_visible_time_beats_the_pages_own_date_but_not_the_articles() {
        let page = r#"<html><head><meta name="date" content="2022-03-01T10:00:00+01:00"></head>
            <body><p><time datetime="2022-03-07">7 March 2022</time></p></body></html>"#;
        assert_eq!(published_of(page).as_deref(), Some("2022-03-07"));
        let article = r#"<html><head>
            <meta property="article:published_time" content="2022-03-01T10:00:00+01:00"></head>
            <body><p><time datetime="2022-03-07">7 March 2022</time></p></body></html>"#;
        assert_eq!(published_of(article).as_deref(), Some("2022-03-01"));
    }

    #[test]
    fn related_stories_do_not_date_the_article() {
        let page = r#"<html><body><article><h1>Dam opens</h1>
            <ul class="related-posts"><li><time datetime="2009-04-11 18:06:36">11 April 2009</time></li></ul>
            <p>Posted 3 May 2019.</p><time datetime="2019-05-03">3 May</time></article></body></html>"#;
        assert_eq!(published_of(page).as_deref(), Some("2019-05-03"));
    }

    #[test]
    fn body_dates_prefer_one_introduced_as_the_publication_date() {
        let page = Html::parse_document(
            r#"<html><body><div>Letzte Änderung: 31.10.2023</div>
            <div>Erschienen am: 01.11.2023</div><p>Text.</p></body></html>"#,
        );
        assert_eq!(body_date(&page).as_deref(), Some("2023-11-01"));
        let page = Html::parse_document(
            r#"<html><body><script>var d = "2001-01-01";</script>
            <p>Stand 12.05.2020</p></body></html>"#,
        );
        assert_eq!(body_date(&page).as_deref(), Some("2020-05-12"));
    }
}
