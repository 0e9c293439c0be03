//! Readers of dyad's inputs: articles from files, directories and standard input, as
//! [`Document`](dyad_types::Document)s with clean text.
//!
//! * [`read_inputs`] streams [`ReadEvent`]s over paths: `.txt`/`.md` (the first line may be
//!   a title), `.html`/`.htm` (boilerplate removed, metadata read), `.jsonl` (one article a
//!   line), RSS 2.0/Atom feeds (`.rss`, `.atom`, `.xml`: one article per item), WARC
//!   archives (`.warc`: streamed record by record, HTML responses read), any of them gzipped
//!   (`.gz`), directories (recursive, sorted) and `-` for standard input (format sniffed).
//!   Articles detected as not English are skipped with a warning
//!   ([`ReadOptions::skip_non_english`]).
//! * [`extract_page`] reads one web page for `dyad extract`; [`eval`] scores extraction
//!   against the web-page gold sets as `../shared/tools/html_score.py` does.
//! * Bad input never stops a batch: each missing, binary, empty, oversized or malformed
//!   input (or JSONL line) becomes a [`ReadEvent::Failure`] carrying a [`Diagnostic`], and
//!   reading goes on. Oddities in inputs that were read are [`ReadEvent::Warning`]s.
//! * [`clean_text`] removes web debris from plain text; [`extract_html`] reads a web page;
//!   [`normalize_date`] turns dates and timestamps into `YYYY-MM-DD`.
//!
//! ```
//! use dyad_readers::{read_inputs, ReadEvent, ReadOptions};
//!
//! let dir = std::env::temp_dir().join(format!("dyad-readers-doc-{}", std::process::id()));
//! std::fs::create_dir_all(&dir).unwrap();
//! std::fs::write(dir.join("a.txt"), "Ports reopen\n\nThe ports reopened on Monday.\n").unwrap();
//! std::fs::write(dir.join("b.jsonl"), "{\"id\": \"b1\", \"text\": \"Talks resumed.\", \"published\": \"2025-12-01T10:00:00Z\"}\n{oops\n").unwrap();
//!
//! let options = ReadOptions::default();
//! let events: Vec<ReadEvent> = read_inputs(&[dir.clone()], &options).collect();
//! let docs: Vec<_> = events.iter().filter_map(ReadEvent::article).collect();
//! assert_eq!(docs[0].title.as_deref(), Some("Ports reopen"));
//! assert_eq!(docs[0].text, "The ports reopened on Monday.");
//! assert_eq!(docs[1].id, "b1");
//! assert_eq!(docs[1].published.as_deref(), Some("2025-12-01"));
//! let failure = events.iter().find(|e| matches!(e, ReadEvent::Failure(_))).unwrap();
//! assert_eq!(failure.diagnostic().unwrap().line, Some(2));
//! # std::fs::remove_dir_all(&dir).unwrap();
//! ```
#![warn(missing_docs)]

mod article;
mod clean;
mod date;
mod decode;
mod error;
pub mod eval;
mod event;
mod feed;
mod format;
pub mod html;
mod inputs;
mod jsonl;
mod lang;
mod options;
mod page;
mod single;
mod walk;
mod warc;

pub use clean::clean_text;
pub use date::normalize_date;
pub use error::{ReadError, Result};
pub use event::{Diagnostic, ReadEvent};
pub use feed::{parse_feed, Feed, FeedItem};
pub use format::Format;
pub use html::{extract_html, HtmlArticle, PageMetadata};
pub use inputs::{read_inputs, Inputs, STDIN_NAME};
pub use lang::detect_language;
pub use options::ReadOptions;
pub use page::{extract_page, ExtractedPage};
