//! Turning decoded input into [`Document`]s: cleaning, titles, dates, ids.

use dyad_types::{content_hash, Document};

use crate::clean::clean_text;
use crate::date::normalize_date;
use crate::error::ReadError;
use crate::event::{Diagnostic, ReadEvent};
use crate::lang::detect_language;
use crate::options::ReadOptions;

/// Longest first line of a `.txt` file taken for a title, in characters.
const MAX_TITLE_CHARS: usize = 150;

/// Longest first line ending in `?` or `!` taken for a title.
const MAX_PUNCTUATED_TITLE_CHARS: usize = 100;

/// What an input says about its article besides the text.
#[derive(Debug, Clone, Default)]
pub(crate) struct ArticleMeta {
    pub id: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
    pub outlet: Option<String>,
    /// As the input wrote it; normalised by [`build_article`].
    pub published: Option<String>,
}

/// Where an article came from, for its `path` and its diagnostics.
#[derive(Debug, Clone)]
pub(crate) struct Origin {
    /// The input's name in diagnostics (`<stdin>` for standard input).
    pub name: String,
    /// The 1-based line of a JSONL article.
    pub line: Option<usize>,
}

impl Origin {
    pub fn diagnostic(&self, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            path: self.name.clone(),
            line: self.line,
            message: message.into(),
        }
    }

    /// `path` for a document: `name` or `name:LINE`.
    fn document_path(&self) -> String {
        match self.line {
            Some(line) => format!("{}:{line}", self.name),
            None => self.name.clone(),
        }
    }
}

/// Clean `raw` and build the document, pushing warnings, then the article (or a failure
/// when nothing is left) onto `out`.
pub(crate) fn build_article(
    raw: &str,
    mut meta: ArticleMeta,
    origin: &Origin,
    options: &ReadOptions,
    out: &mut Vec<ReadEvent>,
) {
    let text = clean_text(raw);
    if text.is_empty() {
        out.push(ReadEvent::Failure(
            origin.diagnostic(ReadError::Empty.to_string()),
        ));
        return;
    }
    if options.skip_non_english {
        if let Some(language) = detect_language(&text).filter(|l| *l != "en") {
            out.push(ReadEvent::Warning(origin.diagnostic(format!(
                "skipped: the text is in another language ({language}); dyad codes English only"
            ))));
            return;
        }
    }
    let published = match meta.published.take() {
        Some(raw_date) => match normalize_date(&raw_date) {
            Some(date) => Some(date),
            None => {
                let fallback = default_date(options);
                let note = match &fallback {
                    Some(d) => format!("unrecognised date `{raw_date}`; using {d}"),
                    None => format!("unrecognised date `{raw_date}`; left empty"),
                };
                out.push(ReadEvent::Warning(origin.diagnostic(note)));
                fallback
            }
        },
        None => default_date(options),
    };
    let id = meta.id.unwrap_or_else(|| content_hash(&text));
    out.push(ReadEvent::Article(Document {
        id,
        path: Some(origin.document_path()),
        url: meta.url,
        title: meta.title.and_then(|t| nonempty(&t)),
        outlet: meta.outlet.and_then(|o| nonempty(&o)),
        published,
        text,
    }));
}

/// The options' default date, normalised when it parses.
fn default_date(options: &ReadOptions) -> Option<String> {
    let raw = options.default_date.as_deref()?;
    Some(normalize_date(raw).unwrap_or_else(|| raw.to_string()))
}

fn nonempty(s: &str) -> Option<String> {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

/// Split a plain-text article into its title and body, when its first line is a title:
/// short, with no sentence-final punctuation (a `?` or `!` is allowed when a blank line
/// follows), and followed by more text. `text` should be
/// cleaned already (no leading blank lines).
pub(crate) fn split_title(text: &str) -> (Option<String>, &str) {
    let Some((first, rest)) = text.split_once('\n') else {
        return (None, text);
    };
    let line = first.trim();
    let blank_follows = rest.starts_with('\n');
    let rest = rest.trim_start_matches(['\n', '\r']);
    let chars = line.chars().count();
    // Question and exclamation headlines count when a blank line sets them apart.
    let headline_ending = !ends_sentence(line)
        || (blank_follows && chars < MAX_PUNCTUATED_TITLE_CHARS && line.ends_with(['?', '!']));
    let is_title = !rest.trim().is_empty()
        && chars < MAX_TITLE_CHARS
        && line.chars().any(char::is_alphabetic)
        && headline_ending;
    if !is_title {
        return (None, text);
    }
    let title = line.trim_start_matches('#').trim();
    (Some(title.to_string()), rest)
}

/// Whether a line ends as a sentence or clause does (`.`, `!`, `?`, `…`, `:`, `;`, `,`),
/// looking through closing quotes and brackets.
fn ends_sentence(line: &str) -> bool {
    let core = line.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»', ' ']);
    core.ends_with(['.', '!', '?', '…', ':', ';', ','])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles() {
        let cases: &[(&str, Option<&str>)] = &[
            (
                "Ad sales boost profit\n\nQuarterly profits rose.",
                Some("Ad sales boost profit"),
            ),
            ("Talks resume\nBoth sides met.", Some("Talks resume")),
            ("# Markdown headline\n\nBody.", Some("Markdown headline")),
            ("Quarterly profits rose.\n\nMore text.", None),
            ("He said: \"we will win.\"\n\nMore.", None),
            ("A headline alone", None),
            ("Who goes there?\n\nA guard.", Some("Who goes there?")),
            ("Who goes there?\nA guard.", None),
            ("Go now.\n\nA guard.", None),
            ("1999\n\nA year.", None),
        ];
        for (text, want) in cases {
            assert_eq!(split_title(text).0.as_deref(), *want, "{text:?}");
        }
        let long = format!("{}\n\nBody.", "word ".repeat(40));
        assert_eq!(split_title(&long).0, None);
    }

    #[test]
    fn body_after_title_has_no_leading_blank_line() {
        assert_eq!(split_title("Title\n\nBody.\n\nMore.").1, "Body.\n\nMore.");
    }

    #[test]
    fn unparseable_date_warns_and_falls_back() {
        let options = ReadOptions {
            default_date: Some("2025-12-01".into()),
            ..Default::default()
        };
        let origin = Origin {
            name: "a.jsonl".into(),
            line: Some(4),
        };
        let meta = ArticleMeta {
            published: Some("last Tuesday".into()),
            ..Default::default()
        };
        let mut out = Vec::new();
        build_article("Text.", meta, &origin, &options, &mut out);
        let warning = out[0].diagnostic().unwrap().to_string();
        assert_eq!(
            warning,
            "a.jsonl:4: unrecognised date `last Tuesday`; using 2025-12-01"
        );
        let doc = out[1].article().unwrap();
        assert_eq!(doc.published.as_deref(), Some("2025-12-01"));
        assert_eq!(doc.path.as_deref(), Some("a.jsonl:4"));
        assert_eq!(doc.id, content_hash("Text."));
    }
}
