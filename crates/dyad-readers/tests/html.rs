//! HTML pages: boilerplate dropped, paragraphs kept, metadata read. Fixtures are our own.

mod common;

use common::{read, write};
use dyad_readers::extract_html;

const NEWS_PAGE: &str = r##"<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Harbour talks stall | Coast Herald</title>
<meta property="og:title" content="Harbour talks stall as unions walk out">
<meta property="og:site_name" content="Coast Herald">
<meta property="og:url" content="https://herald.example/harbour-talks">
<meta property="article:published_time" content="2024-03-05T18:20:00+01:00">
<link rel="canonical" href="https://herald.example/news/harbour-talks">
<style>.x { color: red }</style>
<script>var tracking = "do not keep";</script>
</head><body>
<header class="site-header"><a href="/">Coast Herald</a><nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<div class="cookie-banner">We use cookies. <button>Accept</button></div>
<main>
<article>
<h1>Harbour talks stall as unions walk out</h1>
<div class="byline">By A. Writer</div>
<div class="share-tools"><a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">Email</a></div>
<p>Negotiators for the dock workers left the table on Tuesday, the union said.</p>
<figure><img src="a.jpg"><figcaption>Workers outside the port gates.</figcaption></figure>
<p>The port authority called the <a href="/walkout">walkout</a> premature and
   said it would   return to talks.</p>
<div class="ad-slot">Advertisement</div>
<h2>What happens next</h2>
<p>Ministers are expected to meet both sides<br>later this week.</p>
<blockquote>“We will not be rushed,” a spokesperson said.</blockquote>
<ul><li>Wages rose 2% last year.</li><li>Talks began in <a href="/jan">January</a> after months of delay.</li></ul>
<div class="related-stories"><h3>Related</h3><ul><li><a href="/a">Port strike looms</a></li><li><a href="/b">Unions vote</a></li></ul></div>
<ul><li><a href="/c">Earlier: ferry routes cut</a></li><li><a href="/d">Opinion: a port in crisis</a></li></ul>
<p class="image-caption">Photo: the harbour at dawn.</p>
</article>
</main>
<aside><h2>Most read</h2><p>Something else entirely.</p></aside>
<section id="comments"><p>First comment here!</p></section>
<footer><p>Copyright Coast Herald</p></footer>
<noscript>Enable JavaScript</noscript>
</body></html>"##;

#[test]
fn boilerplate_is_dropped_and_paragraphs_kept() {
    let article = extract_html(NEWS_PAGE);
    let expected = [
        "Negotiators for the dock workers left the table on Tuesday, the union said.",
        "The port authority called the walkout premature and said it would return to talks.",
        "What happens next",
        "Ministers are expected to meet both sides\nlater this week.",
        "“We will not be rushed,” a spokesperson said.",
        "Wages rose 2% last year.",
        "Talks began in January after months of delay.",
    ];
    assert_eq!(article.text, expected.join("\n\n"));
}

#[test]
fn metadata_from_open_graph_and_meta() {
    let meta = extract_html(NEWS_PAGE).metadata;
    assert_eq!(
        meta.title.as_deref(),
        Some("Harbour talks stall as unions walk out")
    );
    assert_eq!(meta.published.as_deref(), Some("2024-03-05T18:20:00+01:00"));
    assert_eq!(meta.outlet.as_deref(), Some("Coast Herald"));
    assert_eq!(
        meta.url.as_deref(),
        Some("https://herald.example/news/harbour-talks")
    );
}

#[test]
fn html_file_becomes_a_document() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "page.HTM", NEWS_PAGE);
    let out = read(std::slice::from_ref(&path));
    assert!(
        out.failures.is_empty() && out.warnings.is_empty(),
        "{:?} {:?}",
        out.failures,
        out.warnings
    );
    let doc = &out.articles[0];
    assert_eq!(doc.published.as_deref(), Some("2024-03-05"));
    assert_eq!(doc.outlet.as_deref(), Some("Coast Herald"));
    assert_eq!(doc.path, Some(path.display().to_string()));
    assert_eq!(doc.id, dyad_types::content_hash(&doc.text));
    assert!(!doc.text.contains("tracking") && !doc.text.contains("cookies"));
}

#[test]
fn json_ld_wins_over_meta_tags() {
    let page = r#"<html><head>
      <title>Old title - Example</title>
      <meta property="og:title" content="OG title">
      <meta name="pubdate" content="2020-01-01">
      <script type="application/ld+json">[{"@type":"WebSite","name":"Example"},
        {"@type":"NewsArticle","headline":"Rebels sign truce","datePublished":"2023-11-30T22:15:00-05:00",
         "publisher":{"@type":"Organization","name":"Example News"}}]</script>
      </head><body><div><p>The truce was signed late on Thursday.</p></div></body></html>"#;
    let article = extract_html(page);
    assert_eq!(article.metadata.title.as_deref(), Some("Rebels sign truce"));
    assert_eq!(
        article.metadata.published.as_deref(),
        Some("2023-11-30T22:15:00-05:00")
    );
    assert_eq!(article.metadata.outlet.as_deref(), Some("Example News"));
    assert_eq!(article.text, "The truce was signed late on Thursday.");
}

#[test]
fn date_from_meta_name_and_time_element() {
    let page = r#"<html><head><meta name="DC.date.issued" content="2022-06-01"></head>
      <body><p>Text one.</p></body></html>"#;
    assert_eq!(
        extract_html(page).metadata.published.as_deref(),
        Some("2022-06-01")
    );
    let page = r#"<html><head><title>T</title></head><body><article>
      <time datetime="2021-02-03T04:05:06Z">3 Feb</time><p>Text two.</p></article></body></html>"#;
    assert_eq!(
        extract_html(page).metadata.published.as_deref(),
        Some("2021-02-03T04:05:06Z")
    );
}

#[test]
fn main_article_is_chosen_over_page_furniture_without_semantic_tags() {
    let prose = "The council approved the budget after a long debate about school funding. ";
    let page = format!(
        r#"<html><body><div id="wrapper">
        <div class="menu-links">Home | World | Business</div>
        <div class="story"><p>{p}</p><p>{p}</p><p>{p}</p></div>
        <div class="newsletter-signup"><p>Get our daily email.</p></div>
        <div class="social-follow"><span>Follow us</span></div>
        </div></body></html>"#,
        p = prose.trim()
    );
    let text = extract_html(&page).text;
    assert_eq!(text, [prose.trim(); 3].join("\n\n"));
}

#[test]
fn legacy_charset_is_decoded_from_meta() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = b"<html><head><meta charset=\"iso-8859-1\"><title>Caf\xe9 reopens</title></head><body><p>The caf\xe9 reopened.</p></body></html>".to_vec();
    bytes.extend_from_slice(b"\n");
    let path = write(dir.path(), "latin.html", bytes);
    let out = read(&[path]);
    assert!(out.warnings.is_empty(), "{:?}", out.warnings);
    assert_eq!(out.articles[0].text, "The café reopened.");
    assert_eq!(out.articles[0].title.as_deref(), Some("Café reopens"));
}

#[test]
fn undeclared_invalid_utf8_html_warns() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = "<html><body><p>Señor Díaz said \u{201c}yes\u{201d} \u{2014} then \u{fffd}</p></body></html>".replace('\u{fffd}', "X");
    let mut bytes = bytes.into_bytes();
    let at = bytes.iter().position(|&b| b == b'X').unwrap();
    bytes[at] = 0xc3; // a lone lead byte
    let path = write(dir.path(), "broken.html", bytes);
    let out = read(&[path]);
    assert_eq!(out.warnings.len(), 1, "{:?}", out.warnings);
    assert!(out.articles[0].text.starts_with("Señor Díaz said “yes”"));
}
