//! How words behave around sentence boundaries in running text, counted from segmented text:
//! how often a word is written capitalised rather than lowercase in the middle of a
//! sentence, how often it starts a sentence and how often it ends one. A capitalised
//! "Thanks" or "Please" after a name, with no punctuation between, is a likely sentence start
//! because the word is normally lowercase mid-sentence; a capitalised name is not.
//!
//! The committed table (`data/case_profile.tsv`) is written by `examples/learn_case_profile.rs`
//! from UD EWT and GUM train (gold sentences; news text, sentences found by
//! [`punctuation_starts`], can be added for experiments); each count becomes a small bucket,
//! 0 for words seen too rarely. The shipped boundary model does not use it (see
//! [`crate::BoundaryModel::uses_profiles`]).

use std::collections::HashMap;
use std::sync::OnceLock;

use dyad_types::Span;

use crate::error::{Error, Result};
use crate::lexicon::FnvBuild;

/// Longest word kept, in bytes.
const MAX_WORD: usize = 24;
/// Fewest occurrences for a word to get buckets.
pub const MIN_COUNT: u32 = 30;

const CASE_PROFILE: &str = include_str!("../data/case_profile.tsv");

/// The buckets of one word (each 0 when unknown).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Profile {
    /// Mid-sentence capitalised vs lowercase log ratio: 1 almost always lowercase .. 7
    /// almost always capitalised.
    pub mid: u8,
    /// How often the word starts a sentence: 1 almost never .. 7 mostly.
    pub initial: u8,
    /// How often the word is the last word of a sentence: 1 almost never .. 7 mostly.
    pub last: u8,
}

/// Word counts behind a [`Profile`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Occurrences in all.
    pub total: u32,
    /// Mid-sentence occurrences written capitalised.
    pub mid_capitalised: u32,
    /// Mid-sentence occurrences written lowercase.
    pub mid_lowercase: u32,
    /// Occurrences as a sentence's first word.
    pub initial: u32,
    /// Occurrences as a sentence's last word.
    pub last: u32,
}

impl Counts {
    /// The buckets of these counts.
    pub fn profile(&self) -> Profile {
        if self.total < MIN_COUNT {
            return Profile::default();
        }
        let ratio =
            ((f64::from(self.mid_capitalised) + 0.5) / (f64::from(self.mid_lowercase) + 0.5)).ln();
        let mid = match ratio {
            r if r < -3.0 => 1,
            r if r < -1.5 => 2,
            r if r < -0.5 => 3,
            r if r < 0.5 => 4,
            r if r < 1.5 => 5,
            r if r < 3.0 => 6,
            _ => 7,
        };
        let rate = |n: u32| {
            let p = ((f64::from(n) + 0.5) / (f64::from(self.total) + 1.0)).ln();
            match p {
                p if p < -5.0 => 1,
                p if p < -4.0 => 2,
                p if p < -3.0 => 3,
                p if p < -2.0 => 4,
                p if p < -1.0 => 5,
                p if p < -0.4 => 6,
                _ => 7,
            }
        };
        Profile {
            mid,
            initial: rate(self.initial),
            last: rate(self.last),
        }
    }
}

/// Whether a token is a word (starts with a letter).
fn wordy(token: &str) -> bool {
    token.chars().next().is_some_and(char::is_alphabetic)
}

/// Counts words over segmented texts.
#[derive(Debug, Clone, Default)]
pub struct Counter {
    counts: HashMap<String, Counts>,
}

impl Counter {
    /// Counts the words of `text` (tokens `tokens`), whose sentences start at the byte
    /// offsets `starts` (sorted).
    pub fn add(&mut self, text: &str, tokens: &[Span], starts: &[usize]) {
        let mut previous_word: Option<String> = None;
        let mut sentence_has_word = false;
        for token in tokens {
            if starts.binary_search(&token.start).is_ok() {
                if let Some(word) = previous_word.take() {
                    if sentence_has_word {
                        self.counts.entry(word).or_default().last += 1;
                    }
                }
                sentence_has_word = false;
            }
            let form = &text[token.start..token.end];
            if !wordy(form) || form.len() > MAX_WORD {
                continue;
            }
            let lower = form.to_lowercase();
            let counts = self.counts.entry(lower.clone()).or_default();
            counts.total += 1;
            if !sentence_has_word {
                counts.initial += 1;
            } else if form.starts_with(char::is_uppercase) {
                counts.mid_capitalised += 1;
            } else if form.starts_with(char::is_lowercase) {
                counts.mid_lowercase += 1;
            }
            sentence_has_word = true;
            previous_word = Some(lower);
        }
        if let (Some(word), true) = (previous_word, sentence_has_word) {
            self.counts.entry(word).or_default().last += 1;
        }
    }

    /// The profile table of the words seen at least [`MIN_COUNT`] times, the `limit` most
    /// frequent first.
    pub fn profile(&self, limit: usize) -> CaseProfile {
        self.profile_with(limit, MIN_COUNT)
    }

    /// Like [`Counter::profile`], with another least count.
    pub fn profile_with(&self, limit: usize, min_count: u32) -> CaseProfile {
        let mut words: Vec<(&String, &Counts)> = self
            .counts
            .iter()
            .filter(|(_, c)| c.total >= min_count)
            .collect();
        words.sort_by(|a, b| b.1.total.cmp(&a.1.total).then(a.0.cmp(b.0)));
        words.truncate(limit);
        CaseProfile {
            words: words
                .into_iter()
                .map(|(w, c)| (w.as_str().into(), c.profile()))
                .collect(),
        }
    }
}

/// The texts of a news JSON-lines file (one object a line with `title` and `text`, as
/// `news/bbc.jsonl`): the title, a blank line, then the text. Lines that are not such objects
/// are skipped.
pub fn news_texts(content: &str) -> Vec<String> {
    content
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter_map(|v| {
            let title = v.get("title")?.as_str().unwrap_or_default();
            Some(format!("{title}\n\n{}", v.get("text")?.as_str()?))
        })
        .collect()
}

/// Sentence starts of edited text by punctuation alone: a line's first token, and a token
/// after sentence-final punctuation (and any closing quotes or brackets) that does not start
/// lowercase.
pub fn punctuation_starts(text: &str, tokens: &[Span]) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut after_terminal = true;
    let mut previous_end = 0;
    for token in tokens {
        let form = &text[token.start..token.end];
        let line = text[previous_end..token.start].contains('\n');
        previous_end = token.end;
        if line || (after_terminal && !form.starts_with(char::is_lowercase)) {
            starts.push(token.start);
            after_terminal = false;
        }
        if matches!(form, "." | "?" | "!" | "..." | "…") {
            after_terminal = true;
        } else if !matches!(form, "\"" | "”" | "'" | "’" | ")" | "]") {
            after_terminal = false;
        }
    }
    starts
}

/// Word profiles by lowercase word.
#[derive(Debug, Clone, Default)]
pub struct CaseProfile {
    words: HashMap<Box<str>, Profile, FnvBuild>,
}

impl CaseProfile {
    /// Parses `word<TAB>mid<TAB>initial<TAB>last` lines; `#` starts a comment line.
    pub fn parse(data: &str) -> Result<CaseProfile> {
        let mut profile = CaseProfile::default();
        for (index, line) in data.lines().enumerate() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let bad = |message: &str| Error::Data {
                name: "case_profile.tsv",
                line: index + 1,
                message: message.to_string(),
            };
            let fields: Vec<&str> = line.split('\t').collect();
            let [word, mid, initial, last] = fields[..] else {
                return Err(bad("expected four tab-separated fields"));
            };
            if word.is_empty() || word.len() > MAX_WORD {
                return Err(bad("word empty or too long"));
            }
            let bucket = |field: &str| -> Result<u8> {
                match field.parse() {
                    Ok(b) if b <= 7 => Ok(b),
                    _ => Err(bad("bucket not in 0..=7")),
                }
            };
            let entry = Profile {
                mid: bucket(mid)?,
                initial: bucket(initial)?,
                last: bucket(last)?,
            };
            profile.words.insert(word.into(), entry);
        }
        Ok(profile)
    }

    /// The table shipped with the crate (empty if it were broken; a unit test checks it).
    pub fn builtin() -> &'static CaseProfile {
        static BUILTIN: OnceLock<CaseProfile> = OnceLock::new();
        BUILTIN.get_or_init(|| CaseProfile::parse(CASE_PROFILE).unwrap_or_default())
    }

    /// An empty table (models without word-profile features).
    pub fn empty() -> &'static CaseProfile {
        static EMPTY: OnceLock<CaseProfile> = OnceLock::new();
        EMPTY.get_or_init(CaseProfile::default)
    }

    /// The table as `parse` reads it, sorted by word.
    pub fn to_data(&self) -> String {
        let mut rows: Vec<(&str, &Profile)> = self.words.iter().map(|(w, p)| (&**w, p)).collect();
        rows.sort_unstable_by_key(|r| r.0);
        let mut data = String::from(
            "# word, mid-sentence capitalised (1 never .. 7 always), sentence-initial and \
             sentence-final rates (1 .. 7); counted by learn_case_profile\n",
        );
        for (word, p) in rows {
            data.push_str(&format!("{word}\t{}\t{}\t{}\n", p.mid, p.initial, p.last));
        }
        data
    }

    /// Number of words in the table.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The profile of `token` (any case), all zero when unknown.
    pub fn get(&self, token: &str) -> Profile {
        if self.words.is_empty() || token.len() > MAX_WORD || !wordy(token) {
            return Profile::default();
        }
        if token.is_ascii() {
            let mut buffer = [0u8; MAX_WORD];
            let lower = &mut buffer[..token.len()];
            lower.copy_from_slice(token.as_bytes());
            lower.make_ascii_lowercase();
            std::str::from_utf8(lower)
                .ok()
                .and_then(|l| self.words.get(l))
                .copied()
                .unwrap_or_default()
        } else {
            self.words
                .get(token.to_lowercase().as_str())
                .copied()
                .unwrap_or_default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whitespace-separated tokens.
    fn spans(text: &str) -> Vec<Span> {
        let mut offset = 0;
        text.split([' ', '\n'])
            .map(|w| {
                let span = Span::new(offset, offset + w.len());
                offset += w.len() + 1;
                span
            })
            .collect()
    }

    #[test]
    fn counts_position_and_case() {
        let text = "Thanks John . Thanks for the help Mary";
        let tokens = spans(text);
        let starts = [0, 14];
        let mut counter = Counter::default();
        for _ in 0..MIN_COUNT {
            counter.add(text, &tokens, &starts);
        }
        let thanks = counter.counts["thanks"];
        let n = MIN_COUNT;
        assert_eq!(
            (thanks.total, thanks.initial, thanks.last),
            (2 * n, 2 * n, 0)
        );
        let john = counter.counts["john"];
        assert_eq!((john.mid_capitalised, john.last), (n, n));
        let table = counter.profile(100);
        assert_eq!(table.get("JOHN").mid, 7);
        assert_eq!(table.get("the").mid, 1);
        assert_eq!(table.get("Thanks").initial, 7);
        assert_eq!(table.get("for").initial, 2);
        assert_eq!(table.get("Mary").last, 7);
        assert_eq!(table.get("unseen"), Profile::default());
        let again = CaseProfile::parse(&table.to_data()).unwrap();
        assert_eq!(again.len(), table.len());
        assert_eq!(again.get("mary"), table.get("mary"));
    }

    #[test]
    fn punctuation_starts_follow_terminals_and_lines() {
        let text = "One two . \" Three \" four ! five\nSix";
        let starts = punctuation_starts(text, &spans(text));
        let at = |w: &str| text.find(w).unwrap();
        assert_eq!(starts, vec![0, at("\" Three"), at("Six")]);
    }

    #[test]
    fn shipped_table_parses() {
        let table = CaseProfile::parse(CASE_PROFILE).unwrap();
        assert!(table.len() > 1_000);
        assert!(table.get("Paris").mid > table.get("The").mid);
    }

    #[test]
    fn bad_lines_are_errors() {
        assert!(CaseProfile::parse("the\t1\t1\n").is_err());
        assert!(CaseProfile::parse("the\t1\t9\t1\n").is_err());
        assert!(CaseProfile::parse("the\tx\t1\t1\n").is_err());
    }
}
