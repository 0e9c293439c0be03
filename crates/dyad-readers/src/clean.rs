//! Cleaning plain article text of web debris.
//!
//! Text copied or converted from web pages carries leftovers: markdown image links, bare URLs,
//! share bars ("Facebook Twitter Email"), navigation lines ("Skip to content"), ad slots.
//! [`clean_text`] removes those whole lines and normalises line breaks and blank lines, and
//! leaves everything else — the prose, its punctuation, its paragraph structure — as it was.

use std::collections::HashSet;
use std::sync::OnceLock;

use regex::Regex;

/// Clean `raw` article text of web debris, keeping its prose and paragraph structure.
///
/// * CRLF and lone CR become LF; a leading byte-order mark and control characters other
///   than tab and newline are removed.
/// * Markdown images `![alt](url)` are removed; markdown links `[text](url)` become `text`.
/// * Lines that are only a URL, or only share/navigation debris, are removed.
/// * Trailing whitespace is stripped from every line; runs of blank lines become one blank
///   line; blank lines at the start and end are removed.
///
/// Cleaning is idempotent: `clean_text(&clean_text(s)) == clean_text(s)`.
///
/// ```
/// let raw = "Talks resumed.\r\n\r\n\r\n\r\nBoth sides spoke.  \r\n![photo](https://x.org/a.jpg)\r\n";
/// assert_eq!(dyad_readers::clean_text(raw), "Talks resumed.\n\nBoth sides spoke.");
/// ```
pub fn clean_text(raw: &str) -> String {
    let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    let raw = if raw.contains('\r') {
        std::borrow::Cow::Owned(raw.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        std::borrow::Cow::Borrowed(raw)
    };
    let mut out = String::with_capacity(raw.len());
    let mut pending_blank = false;
    for line in raw.split('\n') {
        let Some(line) = clean_line(line) else {
            continue;
        };
        if line.is_empty() {
            pending_blank = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
            if pending_blank {
                out.push('\n');
            }
        }
        pending_blank = false;
        out.push_str(&line);
    }
    out
}

/// One line cleaned: empty when it is blank, `None` when it is debris (removed entirely, so
/// that lines around it stay as close as they were).
fn clean_line(line: &str) -> Option<String> {
    let mut line: String = line
        .chars()
        .filter(|&c| !c.is_control() || c == '\t')
        .collect();
    line = replace_to_fixpoint(&line, image_regex(), "");
    line = replace_to_fixpoint(&line, link_regex(), "$text");
    let kept = line.trim_end();
    if kept.trim_start().is_empty() {
        return Some(String::new());
    }
    if is_bare_url(kept) || is_debris(kept) {
        return None;
    }
    Some(kept.to_string())
}

/// Apply `regex` until the text stops changing (a removal can reveal a new match).
fn replace_to_fixpoint(text: &str, regex: &Regex, replacement: &str) -> String {
    let mut current = text.to_string();
    loop {
        let next = regex.replace_all(&current, replacement);
        if next == current {
            return current;
        }
        current = next.into_owned();
    }
}

/// `![alt](url)`, where alt may hold one level of brackets (`[WATCH]`).
fn image_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r#"!\[(?:[^\[\]\n]|\[[^\[\]\n]*\])*\]\(\s*[^()\s]*\s*(?:"[^"\n]*"\s*)?\)"#)
            .expect("valid regex")
    })
}

/// `[text](url)` with a URL-looking target; replaced by its text.
fn link_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r#"\[(?P<text>(?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]\(\s*(?:https?://|www\.|/|#|mailto:)[^()\s]*\s*(?:"[^"\n]*"\s*)?\)"#,
        )
        .expect("valid regex")
    })
}

/// A line holding nothing but a URL (optionally in angle brackets).
fn is_bare_url(line: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^\s*<?(?:(?:https?|ftp)://|www\.)\S+?>?\s*$").expect("valid regex")
    });
    re.is_match(line)
}

/// Whether a whole line is share, navigation or advertising debris.
fn is_debris(line: &str) -> bool {
    let trimmed = line.trim();
    if other_story_link(trimmed) {
        return true;
    }
    // Long lines are prose whatever they contain.
    if trimmed.chars().count() > 60 {
        return caption_prefix(trimmed);
    }
    let key = normalise_key(trimmed);
    if key.is_empty() {
        // Only punctuation and symbols: a rule or a bullet left alone ("* * *" stays).
        return trimmed
            .chars()
            .all(|c| matches!(c, '|' | '•' | '·' | '/' | '-' | '–' | '—'))
            && trimmed.chars().count() <= 3;
    }
    if debris_lines().contains(key.as_str()) || counter_regex().is_match(&key) {
        return true;
    }
    let words: Vec<&str> = key
        .split(|c: char| c.is_whitespace() || matches!(c, '|' | '•' | '·' | '/' | ',' | ';'))
        .filter(|w| !w.is_empty())
        .collect();
    (words.len() >= 2 && words.iter().all(|w| debris_words().contains(w)))
        || caption_prefix(trimmed)
}

/// Lowercase, with bullets and punctuation trimmed from both ends.
fn normalise_key(line: &str) -> String {
    line.trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// Caption and credit lines as some sites print them ("Image caption, ...").
fn caption_prefix(line: &str) -> bool {
    let lower = line.to_lowercase();
    [
        "image source, ",
        "image caption, ",
        "media caption, ",
        "image copyright",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
}

/// A line pointing the reader to another story: "Read more: Talks resume in Geneva",
/// "Lesen Sie auch: …", "Lire aussi : …". At most [`OTHER_STORY_CHARS`] characters, so that
/// prose starting with the same words stays.
fn other_story_link(line: &str) -> bool {
    const PREFIXES: &[&str] = &[
        "read more:",
        "read also:",
        "also read:",
        "see also:",
        "related:",
        "lesen sie auch:",
        "lesen sie mehr:",
        "mehr zum thema:",
        "lire aussi :",
        "lire aussi:",
        "à lire aussi :",
        "leer más:",
        "lee también:",
        "czytaj też:",
        "czytaj także:",
    ];
    if line.chars().count() > OTHER_STORY_CHARS {
        return false;
    }
    let lower = line.to_lowercase();
    PREFIXES.iter().any(|p| lower.starts_with(p))
}

/// The longest line [`other_story_link`] takes for a link to another story.
const OTHER_STORY_CHARS: usize = 200;

/// "12 shares", "Share 34", "1.2k comments".
fn counter_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^(?:\d[\d.,]*k?\s+(?:shares?|comments?|likes?|views?)|(?:shares?|comments?)\s*\(?\d[\d.,]*k?\)?)$")
            .expect("valid regex")
    })
}

fn debris_lines() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| data_lines(include_str!("../data/debris_lines.txt")))
}

fn debris_words() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| data_lines(include_str!("../data/debris_words.txt")))
}

/// The non-comment, non-blank lines of a data file.
fn data_lines(data: &'static str) -> HashSet<&'static str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
}
