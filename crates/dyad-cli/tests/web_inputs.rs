//! Web inputs built by the tests themselves: a gzipped WARC, an RSS feed, an Atom feed and a
//! gzipped page are read by `dyad ingest`, `dyad code` and `dyad extract`; broken inputs
//! (corrupt gzip, a broken WARC record, a German page) are reported by name and the batch
//! goes on.

mod common;

use std::io::Write;
use std::path::Path;

use common::{count, dyad, json_lines};
use flate2::write::GzEncoder;
use flate2::Compression;
use predicates::prelude::*;

const STORY_A: &str = "Peru criticized Chile on Monday over the fishing dispute. \
    Chile rejected the criticism and recalled its ambassador from Lima.";
const STORY_B: &str = "The foreign ministers of Brazil and Colombia met in Bogota on Tuesday \
    and signed a border agreement after long talks.";
const STORY_C: &str = "Venezuela accused Colombia of violating its airspace on Wednesday, \
    and the government in Caracas said that it would protest to the United Nations.";
const GERMAN: &str = "Die Regierung hat am Montag die neuen Regeln vorgestellt, und der \
    Minister sagte, dass sie nicht von allen Parteien unterstützt werden, aber im Parlament \
    eine Mehrheit finden sollen.";

fn page(title: &str, body: &str) -> String {
    format!(
        "<html><head><title>{title}</title><meta property=\"article:published_time\" \
         content=\"2025-11-03T08:00:00Z\"></head><body><nav><a href=\"/\">Home</a> \
         <a href=\"/world\">World</a></nav><article><h1>{title}</h1><p>{body}</p></article>\
         <footer>Copyright Example News</footer></body></html>"
    )
}

/// One WARC record.
fn record(kind: &str, content_type: &str, block: &str) -> String {
    format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: https://news.example/{kind}\r\n\
         WARC-Date: 2025-11-04T10:00:00Z\r\nContent-Type: {content_type}\r\n\
         Content-Length: {}\r\n\r\n{block}\r\n\r\n",
        block.len()
    )
}

fn http(body: &str, content_type: &str) -> String {
    format!("HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\n\r\n{body}")
}

/// Gzip each part as its own member, as WARC files are compressed.
fn gzip_members(parts: &[String]) -> Vec<u8> {
    let mut out = Vec::new();
    for part in parts {
        let mut enc = GzEncoder::new(Vec::new(), Compression::fast());
        enc.write_all(part.as_bytes()).unwrap();
        out.extend(enc.finish().unwrap());
    }
    out
}

fn write_inputs(dir: &Path) {
    let warc = [
        record("warcinfo", "application/warc-fields", "software: test\r\n"),
        record(
            "request",
            "application/http; msgtype=request",
            "GET / HTTP/1.1\r\n\r\n",
        ),
        record(
            "response",
            "application/http; msgtype=response",
            &http(&page("Peru and Chile", STORY_A), "text/html; charset=utf-8"),
        ),
        record(
            "response",
            "application/http; msgtype=response",
            &http("{\"not\": \"html\"}", "application/json"),
        ),
    ];
    std::fs::write(dir.join("crawl.warc.gz"), gzip_members(&warc)).unwrap();
    let rss = format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Example Wire</title>\
         <item><title>Border deal</title><link>https://wire.example/deal</link>\
         <pubDate>Tue, 04 Nov 2025 09:00:00 GMT</pubDate>\
         <description><![CDATA[<p>{STORY_B}</p>]]></description></item></channel></rss>"
    );
    std::fs::write(dir.join("wire.rss"), rss).unwrap();
    let atom = format!(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Atom Wire</title><entry>\
         <title>Airspace protest</title><link href=\"https://atom.example/a\"/>\
         <published>2025-11-05T09:00:00Z</published><content type=\"html\">&lt;p&gt;{STORY_C}\
         &lt;/p&gt;</content></entry></feed>"
    );
    std::fs::write(dir.join("atom.xml"), atom).unwrap();
}

#[test]
fn ingest_reads_a_warc_and_feeds_built_here() {
    let dir = tempfile::tempdir().unwrap();
    write_inputs(dir.path());
    let db = dir.path().join("events.db");
    dyad()
        .arg("ingest")
        .arg(dir.path().join("crawl.warc.gz"))
        .arg(dir.path().join("wire.rss"))
        .arg(dir.path().join("atom.xml"))
        .arg("--db")
        .arg(&db)
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "3 records skipped (not HTML responses: non-HTML response 1, request 1, warcinfo 1)",
        ));
    assert_eq!(count(&db, "SELECT count(*) FROM documents"), 3);
    assert!(count(&db, "SELECT count(*) FROM events") > 0);
}

#[test]
fn extract_prints_one_record_per_article() {
    let dir = tempfile::tempdir().unwrap();
    write_inputs(dir.path());
    let mut enc = GzEncoder::new(Vec::new(), Compression::fast());
    enc.write_all(page("Ports reopen", STORY_B).as_bytes())
        .unwrap();
    std::fs::write(dir.path().join("page.html.gz"), enc.finish().unwrap()).unwrap();
    let out = dyad()
        .args(["extract", "--format", "jsonl"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let records = json_lines(&out.stdout);
    assert_eq!(records.len(), 4, "{records:?}");
    let by_title = |t: &str| {
        records
            .iter()
            .find(|r| r["title"] == t)
            .unwrap_or_else(|| panic!("no {t} in {records:?}"))
    };
    let warc = by_title("Peru and Chile");
    assert_eq!(warc["text"], STORY_A);
    assert_eq!(warc["published"], "2025-11-03");
    assert_eq!(warc["language"], "en");
    assert!(warc["path"]
        .as_str()
        .unwrap()
        .ends_with("crawl.warc.gz#record3"));
    let rss = by_title("Border deal");
    assert_eq!(rss["url"], "https://wire.example/deal");
    assert_eq!(rss["outlet"], "Example Wire");
    assert_eq!(rss["published"], "2025-11-04");
    assert_eq!(rss["text"], STORY_B);
    let atom = by_title("Airspace protest");
    assert_eq!(atom["published"], "2025-11-05");
    assert_eq!(atom["text"], STORY_C);
    let gz = by_title("Ports reopen");
    assert_eq!(gz["text"], STORY_B);
    for key in [
        "id",
        "path",
        "url",
        "title",
        "published",
        "outlet",
        "language",
        "text",
    ] {
        assert!(gz.get(key).is_some(), "{key} missing");
    }
}

#[test]
fn broken_inputs_are_named_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    // A corrupt gzip: a valid header, then garbage.
    let mut bad = gzip_members(&[page("Lost", STORY_A)]);
    let mid = bad.len() / 2;
    for b in &mut bad[12..mid] {
        *b ^= 0x5a;
    }
    std::fs::write(dir.path().join("a_bad.html.gz"), bad).unwrap();
    // A WARC whose first record has a broken length; the second is fine.
    let warc = "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: many\r\n\r\njunk\r\n\r\n"
        .to_string()
        + &record(
            "response",
            "application/http",
            &http(&page("Border deal", STORY_B), "text/html"),
        );
    std::fs::write(dir.path().join("b_broken.warc"), warc).unwrap();
    // A German page: skipped with a notice.
    std::fs::write(
        dir.path().join("c_german.html"),
        page("Neue Regeln", GERMAN),
    )
    .unwrap();
    // A truncated page in windows-1252 that says nothing of its charset.
    let mut latin = page("Caf\u{e9} talks", STORY_C).into_bytes();
    latin.truncate(latin.len() - 60);
    let latin: Vec<u8> = String::from_utf8(latin)
        .unwrap()
        .chars()
        .map(|c| if c == '\u{e9}' { 0xe9 } else { c as u8 })
        .collect();
    std::fs::write(dir.path().join("d_latin.html"), latin).unwrap();
    // A gzipped page over the size limit once decompressed (2 MB > 1 MB), read no further.
    let big = page("Big", &STORY_A.repeat(2 * 1024 * 1024 / STORY_A.len()));
    std::fs::write(dir.path().join("e_big.html.gz"), gzip_members(&[big])).unwrap();
    // A page with no article: only navigation.
    std::fs::write(
        dir.path().join("f_empty.html"),
        "<html><body><nav><a href=\"/\">Home</a></nav></body></html>",
    )
    .unwrap();

    let out = dyad()
        .arg("code")
        .arg(dir.path())
        .args(["--format", "jsonl", "--max-article-mb", "1"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("a_bad.html.gz: corrupt gzip data"),
        "{stderr}"
    );
    assert!(
        stderr.contains("b_broken.warc#record1: bad Content-Length `many`"),
        "{stderr}"
    );
    assert!(
        stderr.contains("c_german.html: skipped: the text is in another language (de)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("d_latin.html: invalid UTF-8; decoded as windows-1252"),
        "{stderr}"
    );
    let records = json_lines(&out.stdout);
    assert_eq!(records.len(), 2, "{stderr}");
    assert!(records[0].to_string().contains("Border deal"));
    assert!(records[1].to_string().contains("Caf\u{e9} talks"));
}
