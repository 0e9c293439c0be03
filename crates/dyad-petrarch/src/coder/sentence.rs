//! A sentence prepared for coding: upper-case words with lemmas and tags, comma-delimited
//! clauses removed as the settings ask, and actor mentions found.

use std::borrow::Cow;

use dyad_types::Token;

use super::Settings;

/// One word of a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    /// The word, upper case.
    pub up: String,
    /// Its lemma, upper case (the word itself when untagged).
    pub lemma: String,
    /// Universal POS tag (may be empty).
    pub upos: String,
    /// Penn tag (may be empty).
    pub xpos: String,
    /// Index of the head word in the sentence as parsed (before clauses were removed).
    pub head: Option<usize>,
    /// Dependency relation to the head.
    pub deprel: String,
    /// Index of this word in the sentence as parsed.
    pub orig: usize,
}

impl Word {
    /// A word from its text and tags.
    pub fn new(text: &str, lemma: &str, upos: &str, xpos: &str) -> Word {
        let up = text.to_uppercase();
        let lemma = if lemma.is_empty() {
            up.clone()
        } else {
            lemma.to_uppercase()
        };
        Word {
            up,
            lemma,
            upos: upos.to_string(),
            xpos: xpos.to_string(),
            head: None,
            deprel: String::new(),
            orig: 0,
        }
    }

    /// Word `index` of a sentence from a dyad token of `text`, with its dependency.
    pub fn from_token(text: &str, t: &Token, index: usize) -> Word {
        let mut w = Word::new(&text[t.start..t.end], &t.lemma, &t.upos, &t.xpos);
        w.head = t.head;
        w.deprel.clone_from(&t.deprel);
        w.orig = index;
        w
    }

    /// Whether the word is punctuation.
    pub fn is_punct(&self) -> bool {
        self.upos == "PUNCT" || self.up.chars().all(|c| !c.is_alphanumeric())
    }

    /// Whether the tagger calls it a verb (or modal/auxiliary).
    pub fn is_verb(&self) -> bool {
        matches!(self.upos.as_str(), "VERB" | "AUX")
            || self.xpos.starts_with("VB")
            || self.xpos == "MD"
    }
}

/// Removes the comma-delimited clauses the settings ask to skip: the first clause when it
/// has `comma_bmin..=comma_bmax` words, the last when it has `comma_emin..=comma_emax`,
/// and middle ones with `comma_min..=comma_max` (a bound of 0 turns that kind off). Only
/// clauses with a verb are removed, so lists of actors stay.
pub fn remove_comma_clauses<'a>(words: &'a [Word], s: &Settings) -> Cow<'a, [Word]> {
    let commas: Vec<usize> = words
        .iter()
        .enumerate()
        .filter(|(_, w)| w.up == ",")
        .map(|(i, _)| i)
        .collect();
    if commas.is_empty() {
        return Cow::Borrowed(words);
    }
    // The sentence's end, before closing punctuation.
    let mut end = words.len();
    while end > 0 && words[end - 1].is_punct() && words[end - 1].up != "," {
        end -= 1;
    }
    let count = |a: usize, b: usize| words[a..b].iter().filter(|w| !w.is_punct()).count();
    let has_verb = |a: usize, b: usize| words[a..b].iter().any(Word::is_verb);
    let within = |n: usize, lo: usize, hi: usize| hi > 0 && lo <= n && n <= hi;
    let mut drop = vec![false; words.len()];
    let mark = |a: usize, b: usize, drop: &mut Vec<bool>| {
        for d in &mut drop[a..b] {
            *d = true;
        }
    };
    let first = commas[0];
    if within(count(0, first), s.comma_bmin, s.comma_bmax) && has_verb(0, first) {
        mark(0, first + 1, &mut drop);
    }
    for pair in commas.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if within(count(a + 1, b), s.comma_min, s.comma_max) && has_verb(a + 1, b) {
            mark(a, b, &mut drop);
        }
    }
    let last = *commas.last().expect("non-empty");
    if last < end
        && within(count(last + 1, end), s.comma_emin, s.comma_emax)
        && has_verb(last + 1, end)
    {
        mark(last, end, &mut drop);
    }
    if !drop.contains(&true) {
        return Cow::Borrowed(words);
    }
    Cow::Owned(
        words
            .iter()
            .zip(drop)
            .filter(|(_, d)| !d)
            .map(|(w, _)| w.clone())
            .collect(),
    )
}

/// An actor mention: a span of words and its codes (several for `Lawmakers in Arnor and
/// Gondor` or a dictionary code like `FRO/BIL`).
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// First word.
    pub start: usize,
    /// One past the last word.
    pub end: usize,
    /// Actor codes with any agent codes joined.
    pub codes: Vec<String>,
}
