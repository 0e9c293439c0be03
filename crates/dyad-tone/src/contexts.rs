//! PLOVER contexts from term lexicons.
//!
//! Each of PLOVER's 37 general contexts has a list of terms (`data/contexts.tsv`, written
//! for dyad from the contexts' names and scope): single words matched by their lemma or
//! lower-case form ("troops" → `troop`), and phrases matched word by word ("human rights",
//! "prime minister"). A sentence's contexts are those whose terms it contains, most hits
//! first; an article's dominant contexts are those with at least [`DOMINANT_HITS`] hits
//! from at least two different terms and at least [`DOMINANT_SHARE`] of the article's
//! hits, at most [`MAX_DOMINANT`] of them. An event gets its sentence's contexts, then the
//! article's dominant ones, at most [`MAX_CONTEXTS`] in all.

use std::sync::OnceLock;

use crate::hash::{lower, WordMap};
use crate::Error;

/// The embedded term lists.
const CONTEXTS_TSV: &str = include_str!("../data/contexts.tsv");

/// PLOVER's general contexts, in the manual's order.
pub const CONTEXTS: [&str; 37] = [
    "military",
    "intelligence",
    "executive",
    "legislative",
    "election",
    "political_institutions",
    "pro_democracy",
    "pro_autocracy",
    "economic",
    "legal",
    "reparations",
    "human_rights",
    "rights_freedoms",
    "repression",
    "human_security",
    "gender",
    "lgbt",
    "religion_ethnicity",
    "inequality",
    "diplomatic",
    "territory",
    "peacekeeping",
    "health",
    "asylum",
    "migration",
    "disasters",
    "natural_resource",
    "environment",
    "technology",
    "terrorism",
    "cbrn",
    "cyber",
    "misinformation",
    "crime",
    "corruption",
    "illegal_drugs",
    "trafficking",
];

/// Hits an article needs in a context for it to be dominant.
pub const DOMINANT_HITS: usize = 3;
/// The share of an article's hits a dominant context needs.
pub const DOMINANT_SHARE: f64 = 0.15;
/// Dominant contexts of an article, at most.
pub const MAX_DOMINANT: usize = 3;
/// Contexts of one event, at most.
pub const MAX_CONTEXTS: usize = 5;

/// One term: its words, its context (an index into [`CONTEXTS`]) and its number.
#[derive(Debug, Clone)]
struct Term {
    words: Vec<String>,
    context: u8,
    id: u32,
}

/// The term lists of the contexts.
#[derive(Debug, Clone)]
pub struct ContextLexicon {
    /// Terms by their first word.
    by_first: WordMap<Vec<Term>>,
    terms: usize,
}

/// Hits per context in a stretch of text, and the distinct terms that hit.
#[derive(Debug, Clone, PartialEq)]
pub struct ContextHits {
    hits: [u32; CONTEXTS.len()],
    /// Distinct terms that hit: (term number, context).
    terms: Vec<(u32, u8)>,
}

impl Default for ContextHits {
    fn default() -> Self {
        ContextHits {
            hits: [0; CONTEXTS.len()],
            terms: Vec::new(),
        }
    }
}

impl ContextHits {
    /// Adds the hits of another stretch.
    pub fn add(&mut self, other: &ContextHits) {
        for (mine, theirs) in self.hits.iter_mut().zip(other.hits) {
            *mine += theirs;
        }
        for term in &other.terms {
            if !self.terms.contains(term) {
                self.terms.push(*term);
            }
        }
    }

    fn hit(&mut self, term: &Term) {
        self.hits[usize::from(term.context)] += 1;
        if !self.terms.iter().any(|(id, _)| *id == term.id) {
            self.terms.push((term.id, term.context));
        }
    }

    /// The hits of `context`.
    pub fn hits(&self, context: &str) -> usize {
        CONTEXTS
            .iter()
            .position(|c| *c == context)
            .map_or(0, |i| self.hits[i] as usize)
    }

    /// Contexts with a hit, most hits first (ties in PLOVER's order).
    pub fn ranked(&self) -> Vec<&'static str> {
        let mut found: Vec<usize> = (0..CONTEXTS.len()).filter(|&i| self.hits[i] > 0).collect();
        found.sort_by_key(|&i| (std::cmp::Reverse(self.hits[i]), i));
        found.into_iter().map(|i| CONTEXTS[i]).collect()
    }

    /// The dominant contexts of an article with these hits.
    pub fn dominant(&self) -> Vec<&'static str> {
        let total: u32 = self.hits.iter().sum();
        self.ranked()
            .into_iter()
            .filter(|c| {
                let i = CONTEXTS.iter().position(|x| x == c).unwrap_or(0);
                let distinct = self
                    .terms
                    .iter()
                    .filter(|(_, context)| usize::from(*context) == i)
                    .count();
                self.hits[i] as usize >= DOMINANT_HITS
                    && distinct >= 2
                    && f64::from(self.hits[i]) >= DOMINANT_SHARE * f64::from(total)
            })
            .take(MAX_DOMINANT)
            .collect()
    }
}

/// The contexts of an event: its sentence's, then the article's dominant ones, without
/// repeats, at most [`MAX_CONTEXTS`].
pub fn event_contexts(sentence: &ContextHits, article: &ContextHits) -> Vec<String> {
    contexts_with_dominant(sentence, &article.dominant())
}

/// [`event_contexts`] given the article's dominant contexts, so that a document's are
/// worked out once rather than for every event.
pub fn contexts_with_dominant(sentence: &ContextHits, dominant: &[&'static str]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for c in sentence
        .ranked()
        .into_iter()
        .chain(dominant.iter().copied())
    {
        if out.len() == MAX_CONTEXTS {
            break;
        }
        if !out.iter().any(|o| o == c) {
            out.push(c.to_string());
        }
    }
    out
}

impl ContextLexicon {
    /// The embedded term lists, parsed once.
    pub fn embedded() -> &'static ContextLexicon {
        static LEXICON: OnceLock<ContextLexicon> = OnceLock::new();
        LEXICON.get_or_init(|| {
            ContextLexicon::parse(CONTEXTS_TSV).expect("the embedded contexts.tsv is well formed")
        })
    }

    /// Parses `context<TAB>term` lines; `#` starts a comment line. The context must be one
    /// of [`CONTEXTS`].
    pub fn parse(text: &str) -> Result<ContextLexicon, Error> {
        let mut by_first: WordMap<Vec<Term>> = WordMap::default();
        let mut terms = 0;
        for (index, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let error = |message: String| Error::Lexicon {
                file: "contexts.tsv".into(),
                line: index + 1,
                message,
            };
            let (context, term) = line
                .split_once('\t')
                .ok_or_else(|| error("expected `context<TAB>term`".into()))?;
            let context = CONTEXTS
                .iter()
                .position(|c| *c == context.trim())
                .ok_or_else(|| {
                    error(format!(
                        "unknown context {context:?}: use one of PLOVER's ({})",
                        CONTEXTS.join(", ")
                    ))
                })?;
            let words = term_words(term);
            if words.is_empty() {
                return Err(error("the term is empty".into()));
            }
            by_first.entry(words[0].clone()).or_default().push(Term {
                words,
                context: context as u8,
                id: terms as u32,
            });
            terms += 1;
        }
        // Longer phrases first, so that "human rights watch" is tried before "human rights".
        for list in by_first.values_mut() {
            list.sort_by_key(|t| std::cmp::Reverse(t.words.len()));
        }
        Ok(ContextLexicon { by_first, terms })
    }

    /// Terms in all lists.
    pub fn len(&self) -> usize {
        self.terms
    }

    /// Whether there are no terms.
    pub fn is_empty(&self) -> bool {
        self.terms == 0
    }

    /// The context hits of a sentence, given each token's text and lemma. Hyphens between
    /// words are skipped, so "pro-democracy" matches whether or not it was split. A token
    /// starts at most one term (the longest).
    pub fn hits(&self, tokens: &[(&str, &str)]) -> ContextHits {
        let mut found = ContextHits::default();
        let keys: Vec<(std::borrow::Cow<'_, str>, std::borrow::Cow<'_, str>)> = tokens
            .iter()
            .filter(|(text, _)| *text != "-")
            .map(|(text, lemma)| (lower(text), lower(lemma)))
            .collect();
        let mut i = 0;
        while i < keys.len() {
            let mut advanced = 1;
            let (text, lemma) = &keys[i];
            let head = text.split('-').next().unwrap_or(text);
            for first in [text.as_ref(), lemma.as_ref(), head] {
                let Some(candidates) = self.by_first.get(first) else {
                    continue;
                };
                if let Some(term) = candidates
                    .iter()
                    .find(|t| phrase_matches(&t.words, &keys[i..]))
                {
                    found.hit(term);
                    advanced = term.words.len();
                    break;
                }
            }
            i += advanced;
        }
        found
    }
}

/// A term's words: lower case, split on spaces and hyphens.
fn term_words(term: &str) -> Vec<String> {
    term.split([' ', '-'])
        .map(|w| w.trim().to_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

/// Whether `words` match the start of `keys`, each word the text or the lemma of its token
/// (a token written with hyphens matches the term's words joined by hyphens).
type Keys<'a> = [(std::borrow::Cow<'a, str>, std::borrow::Cow<'a, str>)];

fn phrase_matches(words: &[String], keys: &Keys<'_>) -> bool {
    if words.len() > keys.len() {
        // A hyphenated single token ("pro-democracy") may hold all the words.
        return joined_matches(words, keys);
    }
    words
        .iter()
        .zip(keys)
        .all(|(w, (text, lemma))| w == text.as_ref() || w == lemma.as_ref())
        || joined_matches(words, keys)
}

fn joined_matches(words: &[String], keys: &Keys<'_>) -> bool {
    words.len() > 1
        && keys
            .first()
            .is_some_and(|(text, lemma)| is_joined(text, words) || is_joined(lemma, words))
}

/// Whether `token` is `words` joined by hyphens (without building the joined string).
fn is_joined(token: &str, words: &[String]) -> bool {
    let mut parts = token.split('-');
    words.iter().all(|w| parts.next() == Some(w.as_str())) && parts.next().is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hits(text: &str) -> ContextHits {
        let tokens: Vec<(&str, &str)> = text.split_whitespace().map(|w| (w, "")).collect();
        ContextLexicon::embedded().hits(&tokens)
    }

    #[test]
    fn every_context_has_terms_and_every_row_parses() {
        let lexicon = ContextLexicon::embedded();
        assert!(lexicon.len() > 400, "{}", lexicon.len());
        let mut seen = [false; CONTEXTS.len()];
        for list in lexicon.by_first.values() {
            for term in list {
                seen[usize::from(term.context)] = true;
            }
        }
        let missing: Vec<_> = (0..CONTEXTS.len())
            .filter(|&i| !seen[i])
            .map(|i| CONTEXTS[i])
            .collect();
        assert!(missing.is_empty(), "contexts without terms: {missing:?}");
    }

    #[test]
    fn words_match_by_text_or_lemma_and_phrases_word_by_word() {
        let tokens = [
            ("Troops", "troop"),
            ("fired", "fire"),
            ("tear", "tear"),
            ("gas", "gas"),
        ];
        let found = ContextLexicon::embedded().hits(&tokens);
        assert_eq!(found.ranked(), vec!["military", "repression"]);
        assert_eq!(
            hits("The human rights group").ranked(),
            vec!["human_rights"]
        );
        // The longest term wins: "human rights watch" is one hit, not two.
        assert_eq!(hits("Human Rights Watch said").hits("human_rights"), 1);
    }

    #[test]
    fn hyphenated_terms_match_split_or_whole() {
        assert_eq!(
            hits("a pro-democracy rally").ranked(),
            vec!["pro_democracy"]
        );
        assert_eq!(
            hits("a pro - democracy rally").ranked(),
            vec!["pro_democracy"]
        );
    }

    #[test]
    fn sentence_contexts_come_first_then_the_articles_dominant_ones() {
        let mut article = ContextHits::default();
        for s in [
            "The election was held as voters cast their ballot",
            "The election commission counted every vote",
            "Police said the market was calm",
        ] {
            article.add(&hits(s));
        }
        assert_eq!(article.dominant(), vec!["election"]);
        let sentence = hits("Police said the market was calm");
        assert_eq!(
            event_contexts(&sentence, &article),
            vec!["economic", "crime", "election"]
        );
        // An article with one passing mention has no dominant context.
        assert!(hits("The army").dominant().is_empty());
    }

    #[test]
    fn unknown_contexts_and_empty_terms_are_errors() {
        let error = ContextLexicon::parse("navy\tship\n").unwrap_err();
        assert!(error
            .to_string()
            .starts_with("contexts.tsv, line 1: unknown context \"navy\""));
        assert!(ContextLexicon::parse("military\t \n").is_err());
        assert!(ContextLexicon::parse("military\n").is_err());
    }
}
