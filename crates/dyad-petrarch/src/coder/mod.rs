//! The PETRARCH-style coder: dictionary verbs and patterns matched against dyad's own
//! tokens, lemmas and tags.
//!
//! For each sentence: discard phrases end coding; comma-delimited clauses are removed as
//! the settings ask; actor and agent phrases are found longest-first (actors with the date
//! restriction that holds on the record's date; an agent joins the actor of its noun phrase,
//! `Arnor police` → `ARN`+`COP`); actors joined by `and` or commas form compounds. Every
//! dictionary verb the tagger calls a verb is then coded: its block's patterns are tried
//! longest-first, and the first that matches gives the code and, through `$`, `+` and `%`,
//! the source and target; otherwise the verb's own code applies, the source is the first
//! actor before the verb and the target the first after it.

mod matcher;
mod mentions;
pub mod sentence;

use std::collections::HashMap;

use serde::Serialize;

use crate::dictionary::{Code, Dictionaries};
pub use sentence::{Mention, Word};

/// Coder settings; the records file's `<Config>` lines change them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Settings {
    /// An event needs both a source and a target; when false a missing one is `---`.
    pub require_dyad: bool,
    /// Words an unknown actor may have to be kept (0: unknown actors are not coded).
    pub new_actor_length: usize,
    /// Middle comma clauses of `comma_min..=comma_max` words are skipped.
    pub comma_min: usize,
    /// See `comma_min`.
    pub comma_max: usize,
    /// A first clause (before the first comma) of `comma_bmin..=comma_bmax` words is skipped.
    pub comma_bmin: usize,
    /// See `comma_bmin`.
    pub comma_bmax: usize,
    /// A last clause (after the last comma) of `comma_emin..=comma_emax` words is skipped.
    pub comma_emin: usize,
    /// See `comma_emin`.
    pub comma_emax: usize,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            require_dyad: true,
            new_actor_length: 0,
            comma_min: 2,
            comma_max: 8,
            comma_bmin: 0,
            comma_bmax: 0,
            comma_emin: 2,
            comma_emax: 8,
        }
    }
}

/// One coded event.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct CodedEvent {
    /// Source actor code (`---` when missing and dyads are not required).
    pub source: String,
    /// Target actor code.
    pub target: String,
    /// Event code.
    pub code: String,
}

/// A coder over loaded dictionaries.
pub struct PetrarchCoder {
    dict: Dictionaries,
    /// Verb forms by their verb word.
    forms_by_word: HashMap<String, Vec<usize>>,
    /// Base verb forms by their verb word, matched against lemmas.
    forms_by_lemma: HashMap<String, Vec<usize>>,
    /// (actor, name) by the name's first word.
    actors_by_word: HashMap<String, Vec<(usize, usize)>>,
    /// Agents by their first word.
    agents_by_word: HashMap<String, Vec<usize>>,
}

/// The shortest word matched as a stem (longer dictionary words match any word they begin).
pub const MIN_STEM: usize = 4;

impl PetrarchCoder {
    /// A coder over `dict`.
    pub fn new(dict: Dictionaries) -> PetrarchCoder {
        let mut forms_by_word: HashMap<String, Vec<usize>> = HashMap::new();
        let mut forms_by_lemma: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, f) in dict.verbs.forms.iter().enumerate() {
            forms_by_word.entry(f.words[f.head].clone()).or_default().push(i);
            if f.base {
                forms_by_lemma.entry(f.words[f.head].clone()).or_default().push(i);
            }
        }
        let mut actors_by_word: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
        for (a, actor) in dict.actors.iter().enumerate() {
            for (n, name) in actor.names.iter().enumerate() {
                actors_by_word.entry(name[0].0.clone()).or_default().push((a, n));
            }
        }
        let mut agents_by_word: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, agent) in dict.agents.iter().enumerate() {
            agents_by_word.entry(agent.words[0].clone()).or_default().push(i);
        }
        PetrarchCoder {
            dict,
            forms_by_word,
            forms_by_lemma,
            actors_by_word,
            agents_by_word,
        }
    }

    /// The dictionaries.
    pub fn dictionaries(&self) -> &Dictionaries {
        &self.dict
    }

    /// Whether a discard phrase occurs in the words; the second value tells whether it is a
    /// story-level discard.
    pub fn discarded(&self, words: &[Word]) -> Option<bool> {
        self.dict.discards.iter().find_map(|d| {
            let n = d.words.len();
            (n <= words.len()
                && words
                    .windows(n)
                    .any(|w| w.iter().zip(&d.words).all(|(a, b)| &a.up == b)))
            .then_some(d.story)
        })
    }

    /// Codes one sentence's words (in text order, punctuation included) on `date`
    /// (YYYYMMDD).
    pub fn code_words(&self, words: Vec<Word>, date: Option<u32>, settings: &Settings) -> Vec<CodedEvent> {
        if self.discarded(&words).is_some() {
            return Vec::new();
        }
        let words = sentence::remove_comma_clauses(words, settings);
        let mentions = self.mentions(&words, date);
        let groups = mentions::compounds(&words, &mentions);
        let mut events: Vec<CodedEvent> = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let Some((start, end, form)) = self.verb_at(&words, &mentions, i) else {
                i += 1;
                continue;
            };
            let f = &self.dict.verbs.forms[form];
            let block = &self.dict.verbs.blocks[f.block];
            let ctx = matcher::Context {
                words: &words,
                mentions: &mentions,
                synsets: &self.dict.verbs.synsets,
            };
            let found = block
                .patterns
                .iter()
                .find_map(|p| ctx.match_pattern(p, start, end).map(|b| (p, b)));
            let (code, binding) = match found {
                Some((p, b)) => (p.code.clone(), b),
                None => (
                    f.code.clone().or_else(|| block.code.clone()).unwrap_or(Code::Null),
                    matcher::Binding::default(),
                ),
            };
            i = end.max(binding.end);
            if code == Code::Null {
                continue;
            }
            let (sources, targets) = if let Some(m) = binding.compound {
                let members = mentions::members(&groups, m);
                (members.clone(), members)
            } else {
                let source = binding
                    .source
                    .or_else(|| mentions.iter().position(|m| m.end <= start));
                let target = binding
                    .target
                    .or_else(|| mentions.iter().position(|m| m.start >= end.max(binding.end)))
                    .or_else(|| mentions.iter().position(|m| m.start >= end));
                let expand = |m: Option<usize>| m.map(|m| mentions::members(&groups, m)).unwrap_or_default();
                (expand(source), expand(target))
            };
            let codes = |ms: &[usize]| -> Vec<String> {
                if ms.is_empty() && !settings.require_dyad {
                    vec!["---".to_string()]
                } else {
                    ms.iter().map(|&m| mentions[m].code.clone()).collect()
                }
            };
            for s in codes(&sources) {
                for t in codes(&targets) {
                    if s == t {
                        continue;
                    }
                    let mut push = |source: &str, target: &str, code: &str| {
                        let e = CodedEvent {
                            source: source.to_string(),
                            target: target.to_string(),
                            code: code.to_string(),
                        };
                        if !events.contains(&e) {
                            events.push(e);
                        }
                    };
                    match &code {
                        Code::One(c) => push(&s, &t, c),
                        Code::Paired(a, b) => {
                            push(&s, &t, a);
                            push(&t, &s, b);
                        }
                        Code::Null => {}
                    }
                }
            }
        }
        events
    }

    /// The dictionary verb at word `i`: (first word, one past the last, form index). Phrase
    /// verbs (`BREAK DOWN`) are preferred to single words, word forms to lemmas.
    fn verb_at(&self, words: &[Word], mentions: &[Mention], i: usize) -> Option<(usize, usize, usize)> {
        let w = &words[i];
        if !w.is_verb() || mentions.iter().any(|m| m.start <= i && i < m.end) {
            return None;
        }
        let mut best: Option<(usize, usize, usize, bool)> = None;
        let candidates = self
            .forms_by_word
            .get(&w.up)
            .into_iter()
            .flatten()
            .map(|&f| (f, true))
            .chain(self.forms_by_lemma.get(&w.lemma).into_iter().flatten().map(|&f| (f, false)));
        for (f, surface) in candidates {
            let form = &self.dict.verbs.forms[f];
            let Some(start) = i.checked_sub(form.head) else { continue };
            let end = start + form.words.len();
            if end > words.len() {
                continue;
            }
            let fits = form.words.iter().enumerate().all(|(k, fw)| {
                k == form.head || &words[start + k].up == fw || &words[start + k].lemma == fw
            });
            if !fits {
                continue;
            }
            let better = match best {
                None => true,
                Some((bs, be, _, bsurf)) => (end - start, surface) > (be - bs, bsurf),
            };
            if better {
                best = Some((start, end, f, surface));
            }
        }
        best.map(|(s, e, f, _)| (s, e, f))
    }
}
