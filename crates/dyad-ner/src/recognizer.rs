//! The [`Recognizer`]: a trained model that finds and types names in tokenised text.

use std::path::Path;

use dyad_types::EntityType;

use crate::context::aggregate;
use crate::error::Result;
use crate::features::Sentence;
use crate::labels::{bilou_to_spans, Class, ClassSpan};
use crate::lexicon::{hash_lower, lists, phrase_extend, phrase_start, Lexicon};
use crate::model::{Model, ModelInfo};
use crate::second::tag_document;
use crate::weights::WeightTable;

static EMBEDDED: &[u8] = include_bytes!("../models/ner.bin");

/// A named-entity recogniser: a greedy averaged-perceptron BILOU tagger.
pub struct Recognizer {
    lexicon: Lexicon,
    weights: WeightTable,
    second: Option<WeightTable>,
    info: ModelInfo,
    hash: String,
}

/// A found entity: first token, end token (exclusive), type.
pub type Found = (usize, usize, EntityType);

impl Recognizer {
    /// Loads a model file (see [`crate::model`] for the format).
    pub fn load(path: &Path) -> Result<Recognizer> {
        Ok(Recognizer::from_model(Model::load(path)?))
    }

    /// The model built into this library (`models/ner.bin` at build time).
    pub fn embedded() -> Result<Recognizer> {
        Ok(Recognizer::from_model(Model::from_bytes(
            EMBEDDED,
            Path::new("<embedded models/ner.bin>"),
        )?))
    }

    pub(crate) fn from_model(model: Model) -> Recognizer {
        Recognizer {
            lexicon: model.lexicon,
            weights: model.weights,
            second: model.second,
            info: model.info,
            hash: model.hash,
        }
    }

    /// What the model file says about itself.
    pub fn info(&self) -> &ModelInfo {
        &self.info
    }

    /// The first 16 hex digits of the model file's BLAKE3 hash.
    pub fn model_hash(&self) -> &str {
        &self.hash
    }

    /// The names in one sentence, typed PERSON, ORG, GPE, LOC, NORP, EVENT or MISC.
    pub fn recognize(&self, words: &[&str]) -> Vec<Found> {
        self.recognize_document(&[words]).pop().unwrap_or_default()
    }

    /// The names in each sentence of a document; labels given earlier in the document
    /// inform later ones.
    pub fn recognize_document(&self, sentences: &[&[&str]]) -> Vec<Vec<Found>> {
        self.classes_document(sentences)
            .into_iter()
            .zip(sentences)
            .map(|(spans, words)| {
                let mut found: Vec<Found> = spans
                    .iter()
                    .map(|s| (s.start, s.end, self.entity_type(s, words)))
                    .collect();
                self.add_nationalities(words, &mut found);
                found
            })
            .collect()
    }

    /// Capitalised words of the NORP list that the tagger left out ("Americans" at a
    /// sentence start) are NORP.
    fn add_nationalities(&self, words: &[&str], found: &mut Vec<Found>) {
        let mut added = false;
        for (i, word) in words.iter().enumerate() {
            let capitalised = word.chars().next().is_some_and(char::is_uppercase);
            if !capitalised || found.iter().any(|&(s, e, _)| s <= i && i < e) {
                continue;
            }
            if self.lists_of(&words[i..=i]) & lists::NORP != 0 {
                found.push((i, i + 1, EntityType::Norp));
                added = true;
            }
        }
        if added {
            found.sort_unstable_by_key(|&(s, e, _)| (s, e));
        }
    }

    /// The names of each sentence in CoNLL's four classes (before typing).
    pub fn classes_document(&self, sentences: &[&[&str]]) -> Vec<Vec<ClassSpan>> {
        let prepared: Vec<Sentence> = sentences
            .iter()
            .map(|words| Sentence::new(words, &self.lexicon))
            .collect();
        let aggregated = aggregate(&prepared);
        let labels = tag_document(&prepared, aggregated, &self.weights, self.second.as_ref());
        labels
            .iter()
            .zip(sentences)
            .map(|(labels, words)| {
                let mut spans = bilou_to_spans(labels);
                for s in &mut spans {
                    trim_punctuation(s, words);
                    take_company_suffix(s, words);
                }
                for k in 0..spans.len() {
                    if spans.get(k + 1).map(|next| next.start) != Some(spans[k].end) {
                        take_apostrophe_surname(&mut spans[k], words);
                    }
                }
                spans.retain(|s| {
                    let tokens = &words[s.start..s.end];
                    if tokens.is_empty() {
                        return false;
                    }
                    let abbreviation = tokens.len() == 1 && is_abbreviation(tokens[0]);
                    !abbreviation && !tokens.iter().any(|w| is_address(w))
                });
                spans
            })
            .collect()
    }

    /// The record type of a span: CoNLL classes refined with the gazetteers; a span that is
    /// exactly a name of the NORP list is NORP whatever its class.
    pub fn entity_type(&self, span: &ClassSpan, words: &[&str]) -> EntityType {
        let tokens = &words[span.start..span.end];
        if self.lists_of(tokens) & lists::NORP != 0 {
            return EntityType::Norp;
        }
        match span.class {
            Class::Per => EntityType::Person,
            Class::Org => EntityType::Org,
            Class::Loc => {
                let lists = self.lists_of(tokens);
                let natural = tokens.first().is_some_and(|w| NATURAL_FIRST.contains(w))
                    || tokens.last().is_some_and(|w| NATURAL_LAST.contains(w));
                if lists & lists::GPE != 0 && lists & lists::CONTINENT == 0 && !natural {
                    EntityType::Gpe
                } else {
                    EntityType::Loc
                }
            }
            Class::Misc => {
                let stripped = tokens.strip_prefix(&["the"]).unwrap_or(tokens);
                if self.lists_of(stripped) & lists::NORP != 0 {
                    EntityType::Norp
                } else if tokens.last().is_some_and(|w| EVENT_LAST.contains(w)) {
                    EntityType::Event
                } else {
                    EntityType::Misc
                }
            }
        }
    }

    fn lists_of(&self, tokens: &[&str]) -> u16 {
        let mut h = phrase_start();
        for t in tokens {
            h = phrase_extend(h, hash_lower(t));
        }
        self.lexicon.phrase(h) & !lists::PREFIX
    }
}

/// Leaves out the tokens without a letter or digit at either end of a span (`Bill Gottlieb
/// :`): greedy decoding sometimes drags the punctuation after a name into it. A span of
/// punctuation alone ends up empty.
fn trim_punctuation(span: &mut ClassSpan, words: &[&str]) {
    let bare = |i: usize| {
        words
            .get(i)
            .is_some_and(|w| !w.chars().any(char::is_alphanumeric))
    };
    while span.start < span.end && bare(span.start) {
        span.start += 1;
    }
    while span.end > span.start && bare(span.end - 1) {
        let inner = &words[span.start..span.end - 1];
        let kept = match words[span.end - 1] {
            // `Proleter ( Z )`, `Salomon Bros .` (news tokenisation).
            ")" => inner.contains(&"("),
            "." => inner.last().is_some_and(|w| {
                w.len() <= 4
                    && w.chars().next().is_some_and(char::is_uppercase)
                    && w.chars().all(char::is_alphabetic)
            }),
            _ => false,
        };
        if kept {
            break;
        }
        span.end -= 1;
    }
}

/// Takes `, Inc.` (or Ltd., LLC…) after an organisation into it (`Google , Inc.`).
fn take_company_suffix(span: &mut ClassSpan, words: &[&str]) {
    const SUFFIXES: &[&str] = &[
        "Inc.", "Inc", "Ltd.", "Ltd", "LLC", "L.L.C.", "Corp.", "Co.", "L.P.", "LP", "PLC", "plc",
        "GmbH", "S.A.", "AG", "N.V.",
    ];
    if span.class == Class::Org
        && words.get(span.end) == Some(&",")
        && words
            .get(span.end + 1)
            .is_some_and(|w| SUFFIXES.contains(w))
    {
        span.end += 2;
    }
}

/// Takes an Irish-style surname right after a person's name into it ("Cormac Murphy
/// O'Connor", "Sinead O'Brien"): the tagger sometimes stops before the apostrophe.
fn take_apostrophe_surname(span: &mut ClassSpan, words: &[&str]) {
    let surname = |w: &str| {
        let mut chars = w.chars();
        matches!(
            (chars.next(), chars.next(), chars.next(), chars.next()),
            (Some(a), Some('\'' | '\u{2019}'), Some(b), Some(c))
                if a.is_uppercase() && b.is_uppercase() && c.is_lowercase()
        )
    };
    if span.class == Class::Per && words.get(span.end).is_some_and(|w| surname(w)) {
        span.end += 1;
    }
}

/// Whether a token is a common abbreviation in capitals that is never a name on its own
/// (`AM`, `FYI`).
fn is_abbreviation(word: &str) -> bool {
    word.len() <= 5
        && word.bytes().all(|b| b.is_ascii_uppercase() || b == b'.')
        && include_str!("../data/not_names.txt")
            .lines()
            .any(|l| !l.starts_with('#') && l.eq_ignore_ascii_case(word))
}

/// Whether a token is an e-mail address, a URL or a file name: never a name of its own.
fn is_address(word: &str) -> bool {
    const FILES: &[&str] = &[
        ".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".htm", ".html", ".txt", ".jpg", ".png",
        ".gif", ".zip",
    ];
    let lower = word.to_ascii_lowercase();
    (word.contains('@') && word.len() > 1)
        || lower.contains("://")
        || lower.starts_with("www.")
        || FILES
            .iter()
            .any(|ext| lower.len() > ext.len() && lower.ends_with(ext))
}

/// First words of natural (non-political) locations.
const NATURAL_FIRST: &[&str] = &["Mount", "Mt.", "Lake", "Cape", "Gulf"];
/// Last words of natural (non-political) locations.
const NATURAL_LAST: &[&str] = &[
    "River",
    "Sea",
    "Ocean",
    "Mountains",
    "Mountain",
    "Lake",
    "Gulf",
    "Bay",
    "Valley",
    "Desert",
    "Island",
    "Islands",
    "Peninsula",
    "Strait",
    "Straits",
    "Coast",
    "Basin",
    "Range",
    "Channel",
    "Canal",
    "Hills",
    "Forest",
    "Falls",
];
/// Last words of named events.
const EVENT_LAST: &[&str] = &[
    "War",
    "Games",
    "Olympics",
    "Cup",
    "Championship",
    "Championships",
    "Open",
    "Summit",
    "Revolution",
    "Festival",
    "Prix",
    "Marathon",
    "Tournament",
    "Conference",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn person(start: usize, end: usize) -> ClassSpan {
        ClassSpan {
            start,
            end,
            class: Class::Per,
        }
    }

    #[test]
    fn an_apostrophe_surname_after_a_persons_name_joins_it() {
        let words = ["as", "Cormac", "Murphy", "O'Connor", ",", "said"];
        let mut span = person(1, 3);
        take_apostrophe_surname(&mut span, &words);
        assert_eq!((span.start, span.end), (1, 4));
        // Not a possessive nor a contraction.
        for next in ["'s", "O'", "o'clock", "Don't"] {
            let words = ["Cormac", "Murphy", next];
            let mut span = person(0, 2);
            take_apostrophe_surname(&mut span, &words);
            assert_eq!(span.end, 2, "{next}");
        }
    }
}
