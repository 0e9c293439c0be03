//! WARC web archives (`.warc`, `.warc.gz`, as Common Crawl's CC-NEWS), read record by record
//! in bounded memory: HTML responses are extracted as articles, other records skipped and
//! counted; a broken record is reported (file and record number) and reading resumes at the
//! next record.

use std::collections::BTreeMap;
use std::io::{self, BufRead, Read};

use crate::article::{build_article, ArticleMeta, Origin};
use crate::decode::decode;
use crate::error::ReadError;
use crate::event::{Diagnostic, ReadEvent};
use crate::html::{declared_charset, extract_html};
use crate::options::ReadOptions;

/// Longest WARC or HTTP header line accepted.
const MAX_HEADER_LINE: u64 = 64 * 1024;

/// A WARC stream being read.
pub(crate) struct WarcSource {
    reader: Box<dyn BufRead + Send>,
    name: String,
    record: usize,
    articles: usize,
    skipped: BTreeMap<String, usize>,
}

/// The header of one WARC record.
#[derive(Debug, Default)]
struct RecordHeader {
    kind: String,
    length: u64,
    uri: Option<String>,
    date: Option<String>,
    content_type: String,
}

impl WarcSource {
    pub fn new(reader: Box<dyn BufRead + Send>, name: String) -> Self {
        WarcSource {
            reader,
            name,
            record: 0,
            articles: 0,
            skipped: BTreeMap::new(),
        }
    }

    fn diagnostic(&self, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(format!("{}#record{}", self.name, self.record), message)
    }

    /// Read records until one yields events; `false` once the stream is exhausted.
    pub fn read_next(&mut self, options: &ReadOptions, out: &mut Vec<ReadEvent>) -> bool {
        loop {
            let before = out.len();
            match self.read_header() {
                Ok(None) => {
                    self.finish(out);
                    return false;
                }
                Ok(Some(header)) => self.read_record(header, options, out),
                Err(message) => {
                    out.push(ReadEvent::Failure(self.diagnostic(message)));
                    // Find the next record; stop if the stream itself fails.
                    match self.resync() {
                        Ok(true) => {}
                        Ok(false) | Err(_) => {
                            self.finish(out);
                            return false;
                        }
                    }
                }
            }
            if out.len() > before {
                return true;
            }
        }
    }

    /// The closing notice: records skipped by kind.
    fn finish(&mut self, out: &mut Vec<ReadEvent>) {
        if !self.skipped.is_empty() {
            let total: usize = self.skipped.values().sum();
            let kinds: Vec<String> = self
                .skipped
                .iter()
                .map(|(k, n)| format!("{k} {n}"))
                .collect();
            out.push(ReadEvent::Warning(Diagnostic::new(
                &self.name,
                format!(
                    "{total} record{} skipped (not HTML responses: {}); {} article{} read",
                    if total == 1 { "" } else { "s" },
                    kinds.join(", "),
                    self.articles,
                    if self.articles == 1 { "" } else { "s" }
                ),
            )));
        }
        if self.record == 0 {
            out.push(ReadEvent::Failure(Diagnostic::new(
                &self.name,
                "no WARC records found",
            )));
        }
    }

    /// One line, without its line ending; `None` at the end of the stream.
    fn line(&mut self) -> Result<Option<String>, String> {
        let mut buf = Vec::new();
        let n = (&mut self.reader)
            .take(MAX_HEADER_LINE)
            .read_until(b'\n', &mut buf)
            .map_err(io_message)?;
        if n == 0 {
            return Ok(None);
        }
        if !buf.ends_with(b"\n") && n as u64 == MAX_HEADER_LINE {
            return Err("header line too long".to_string());
        }
        let line = String::from_utf8_lossy(&buf);
        Ok(Some(line.trim_end_matches(['\r', '\n']).to_string()))
    }

    /// The next record's header; `None` at a clean end of stream.
    fn read_header(&mut self) -> Result<Option<RecordHeader>, String> {
        let version = loop {
            match self.line()? {
                None => return Ok(None),
                Some(l) if l.trim().is_empty() => continue,
                Some(l) => break l,
            }
        };
        self.record += 1;
        if !version.starts_with("WARC/") {
            return Err(format!(
                "not a WARC record (expected `WARC/1.x`, found `{}`)",
                version.chars().take(40).collect::<String>()
            ));
        }
        let mut header = RecordHeader::default();
        let mut length = None;
        loop {
            let Some(line) = self.line()? else {
                return Err("truncated record header".to_string());
            };
            if line.is_empty() {
                break;
            }
            let Some((key, value)) = line.split_once(':') else {
                continue;
            };
            let value = value.trim().to_string();
            match key.trim().to_ascii_lowercase().as_str() {
                "warc-type" => header.kind = value,
                "content-length" => {
                    length = Some(
                        value
                            .parse::<u64>()
                            .map_err(|_| format!("bad Content-Length `{value}`"))?,
                    )
                }
                "warc-target-uri" => header.uri = Some(value.trim_matches(['<', '>']).to_string()),
                "warc-date" => header.date = Some(value),
                "content-type" => header.content_type = value.to_ascii_lowercase(),
                _ => {}
            }
        }
        header.length = length.ok_or("record without Content-Length")?;
        Ok(Some(header))
    }

    /// Skip to the line before the next `WARC/` version line; `false` at the end.
    fn resync(&mut self) -> Result<bool, String> {
        loop {
            let buf = self.reader.fill_buf().map_err(io_message)?;
            if buf.is_empty() {
                return Ok(false);
            }
            if buf.starts_with(b"WARC/") {
                return Ok(true);
            }
            let skip = match buf.iter().position(|&b| b == b'\n') {
                Some(i) => i + 1,
                None => buf.len(),
            };
            self.reader.consume(skip);
        }
    }

    fn skip_block(&mut self, length: u64) -> Result<(), String> {
        let copied =
            io::copy(&mut (&mut self.reader).take(length), &mut io::sink()).map_err(io_message)?;
        if copied < length {
            return Err(format!(
                "truncated record: {copied} of {length} bytes of content"
            ));
        }
        Ok(())
    }

    fn read_record(
        &mut self,
        header: RecordHeader,
        options: &ReadOptions,
        out: &mut Vec<ReadEvent>,
    ) {
        let is_http_response =
            header.kind == "response" && header.content_type.starts_with("application/http");
        if !is_http_response {
            let kind = if header.kind.is_empty() {
                "untyped".to_string()
            } else {
                header.kind.clone()
            };
            *self.skipped.entry(kind).or_default() += 1;
            if let Err(message) = self.skip_block(header.length) {
                out.push(ReadEvent::Failure(self.diagnostic(message)));
            }
            return;
        }
        if header.length > options.max_article_bytes as u64 {
            let error = ReadError::TooLarge {
                size: header.length,
                limit: options.max_article_bytes as u64,
            };
            out.push(ReadEvent::Failure(self.diagnostic(error.to_string())));
            if let Err(message) = self.skip_block(header.length) {
                out.push(ReadEvent::Failure(self.diagnostic(message)));
            }
            return;
        }
        let mut block = Vec::with_capacity(header.length as usize);
        match (&mut self.reader)
            .take(header.length)
            .read_to_end(&mut block)
        {
            Ok(n) if (n as u64) < header.length => {
                out.push(ReadEvent::Failure(self.diagnostic(format!(
                    "truncated record: {n} of {} bytes of content",
                    header.length
                ))));
                return;
            }
            Ok(_) => {}
            Err(error) => {
                out.push(ReadEvent::Failure(self.diagnostic(io_message(error))));
                return;
            }
        }
        let Some((status, content_type, body)) = split_http(&block) else {
            out.push(ReadEvent::Failure(
                self.diagnostic("malformed HTTP response in a response record"),
            ));
            return;
        };
        if !(200..300).contains(&status)
            || !(content_type.is_empty() || content_type.contains("html"))
        {
            let kind = if (200..300).contains(&status) {
                "non-HTML response".to_string()
            } else {
                format!("HTTP {status} response")
            };
            *self.skipped.entry(kind).or_default() += 1;
            return;
        }
        let origin = Origin {
            name: format!("{}#record{}", self.name, self.record),
            line: None,
        };
        let decoded = match decode(body, declared_charset(body)) {
            Ok(decoded) => decoded,
            Err(error) => {
                out.push(ReadEvent::Failure(origin.diagnostic(error.to_string())));
                return;
            }
        };
        if let Some(warning) = decoded.warning {
            out.push(ReadEvent::Warning(origin.diagnostic(warning)));
        }
        let article = extract_html(&decoded.text);
        let m = article.metadata;
        let meta = ArticleMeta {
            id: None,
            url: header.uri.or(m.url),
            title: m.title,
            outlet: m.outlet,
            // The crawl date stands in for a publication date the page does not declare.
            published: m.published.or(header.date),
        };
        self.articles += 1;
        build_article(&article.text, meta, &origin, options, out);
    }
}

/// (status, lowercased content type, body) of an HTTP response.
fn split_http(block: &[u8]) -> Option<(u16, String, &[u8])> {
    let end = block
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map(|i| (i, i + 4))
        .or_else(|| {
            block
                .windows(2)
                .position(|w| w == b"\n\n")
                .map(|i| (i, i + 2))
        })?;
    let head = String::from_utf8_lossy(&block[..end.0]);
    let mut lines = head.lines();
    let status_line = lines.next()?;
    if !status_line.starts_with("HTTP/") {
        return None;
    }
    let status = status_line.split_whitespace().nth(1)?.parse().ok()?;
    let mut content_type = String::new();
    for line in lines {
        if let Some((k, v)) = line.split_once(':') {
            if k.trim().eq_ignore_ascii_case("content-type") {
                content_type = v.trim().to_ascii_lowercase();
            }
        }
    }
    Some((status, content_type, &block[end.1..]))
}

/// The reader's own message: the gzip layer below already says "corrupt gzip data".
fn io_message(error: io::Error) -> String {
    error.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A WARC record with the given type, content type and block.
    pub(crate) fn record(kind: &str, content_type: &str, block: &str) -> String {
        format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: https://ex.example/a\r\nWARC-Date: 2025-12-01T10:00:00Z\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n{block}\r\n\r\n",
            block.len()
        )
    }

    fn read_all(warc: String) -> Vec<ReadEvent> {
        let mut source = WarcSource::new(
            Box::new(io::Cursor::new(warc.into_bytes())),
            "a.warc".into(),
        );
        let mut out = Vec::new();
        while source.read_next(&ReadOptions::default(), &mut out) {}
        out
    }

    #[test]
    fn html_responses_are_read_and_others_counted() {
        let page = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><head><title>Ports reopen</title></head><body><p>The ports reopened on Monday after talks.</p></body></html>";
        let warc = record("warcinfo", "application/warc-fields", "software: test\r\n")
            + &record(
                "request",
                "application/http; msgtype=request",
                "GET /a HTTP/1.1\r\n\r\n",
            )
            + &record("response", "application/http; msgtype=response", page);
        let out = read_all(warc);
        let docs: Vec<_> = out.iter().filter_map(ReadEvent::article).collect();
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].title.as_deref(), Some("Ports reopen"));
        assert_eq!(docs[0].published.as_deref(), Some("2025-12-01"));
        assert_eq!(docs[0].path.as_deref(), Some("a.warc#record3"));
        let notice = out.last().unwrap().diagnostic().unwrap().to_string();
        assert!(notice.contains("2 records skipped"), "{notice}");
    }

    #[test]
    fn a_broken_record_is_reported_and_reading_resumes() {
        let page = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>The strike ended on Tuesday after long talks.</p>";
        let warc = "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: abc\r\n\r\ngarbage\r\n\r\n"
            .to_string()
            + &record("response", "application/http", page);
        let out = read_all(warc);
        let failure = out
            .iter()
            .find(|e| matches!(e, ReadEvent::Failure(_)))
            .unwrap();
        assert_eq!(
            failure.diagnostic().unwrap().to_string(),
            "a.warc#record1: bad Content-Length `abc`"
        );
        assert_eq!(out.iter().filter_map(ReadEvent::article).count(), 1);
    }

    #[test]
    fn truncated_record_is_reported() {
        let mut warc = record(
            "response",
            "application/http",
            "HTTP/1.1 200 OK\r\n\r\n<p>Cut short here.</p>",
        );
        warc.truncate(warc.len() - 20);
        let out = read_all(warc);
        let failure = out
            .iter()
            .find(|e| matches!(e, ReadEvent::Failure(_)))
            .unwrap();
        assert!(failure
            .diagnostic()
            .unwrap()
            .message
            .contains("truncated record"));
    }
}
