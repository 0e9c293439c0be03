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
//! actor before the verb and the target the first after it, except that a passive with a
//! `by` phrase is done by that phrase's actor to the subject.

mod matcher;
mod mentions;
pub mod sentence;

use std::collections::HashMap;

use serde::Serialize;

use crate::dictionary::verbs::codes_nothing;
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
    /// Discards by their first word, in file order.
    discards_by_word: HashMap<String, Vec<usize>>,
}

/// The shortest word matched as a stem (longer dictionary words match any word they begin).
pub const MIN_STEM: usize = 4;

impl PetrarchCoder {
    /// A coder over `dict`.
    pub fn new(dict: Dictionaries) -> PetrarchCoder {
        let mut forms_by_word: HashMap<String, Vec<usize>> = HashMap::new();
        let mut forms_by_lemma: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, f) in dict.verbs.forms.iter().enumerate() {
            forms_by_word
                .entry(f.words[f.head].clone())
                .or_default()
                .push(i);
            if f.base {
                forms_by_lemma
                    .entry(f.words[f.head].clone())
                    .or_default()
                    .push(i);
            }
        }
        let mut actors_by_word: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
        for (a, actor) in dict.actors.iter().enumerate() {
            for (n, name) in actor.names.iter().enumerate() {
                actors_by_word
                    .entry(name[0].0.clone())
                    .or_default()
                    .push((a, n));
            }
        }
        let mut agents_by_word: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, agent) in dict.agents.iter().enumerate() {
            agents_by_word
                .entry(agent.words[0].clone())
                .or_default()
                .push(i);
        }
        let mut discards_by_word: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, discard) in dict.discards.iter().enumerate() {
            if let Some(first) = discard.words.first() {
                discards_by_word.entry(first.clone()).or_default().push(i);
            }
        }
        PetrarchCoder {
            dict,
            forms_by_word,
            forms_by_lemma,
            actors_by_word,
            agents_by_word,
            discards_by_word,
        }
    }

    /// The dictionaries.
    pub fn dictionaries(&self) -> &Dictionaries {
        &self.dict
    }

    /// Whether a discard phrase occurs in the words; the second value tells whether it is a
    /// story-level discard.
    pub fn discarded(&self, words: &[Word]) -> Option<bool> {
        // The first discard in file order that occurs anywhere, found through the discards
        // starting at each word (rather than every discard tried at every word).
        let mut first: Option<usize> = None;
        for (i, w) in words.iter().enumerate() {
            for &d in self.discards_by_word.get(&w.up).into_iter().flatten() {
                if first.is_some_and(|f| f <= d) {
                    break;
                }
                let phrase = &self.dict.discards[d].words;
                let fits = words.len() - i >= phrase.len()
                    && words[i..i + phrase.len()]
                        .iter()
                        .zip(phrase)
                        .all(|(a, b)| &a.up == b);
                if fits {
                    first = Some(d);
                    break;
                }
            }
        }
        first.map(|d| self.dict.discards[d].story)
    }

    /// Codes one sentence's words (in text order, punctuation included) on `date`
    /// (YYYYMMDD).
    pub fn code_words(
        &self,
        words: &[Word],
        date: Option<u32>,
        settings: &Settings,
    ) -> Vec<CodedEvent> {
        if self.discarded(words).is_some() {
            return Vec::new();
        }
        let heads: Vec<Option<usize>> = words.iter().map(|w| w.head).collect();
        let words = sentence::remove_comma_clauses(words, settings);
        let words: &[Word] = &words;
        let (mentions, groups) = self.mentions(words, date);
        // TABARI's discard code: an actor coded `###` discards the sentence.
        if mentions.iter().any(|m| m.codes.iter().any(|c| c == "###")) {
            return Vec::new();
        }
        let ctx = matcher::Context {
            words,
            mentions: &mentions,
            synsets: &self.dict.verbs.synsets,
        };
        // (parse index of the verb, its events) — to drop a verb whose complement clause
        // is coded itself (`Arnor said it would restore ties with Gondor`).
        // An auxiliary coded by its own default code gives way to the verb it serves
        // (`should have acted`).
        // A noun coded through a pattern counts only when no verb is coded.
        let mut by_verb: Vec<(usize, Vec<CodedEvent>, bool, bool)> = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let candidates = self.verbs_at(words, &mentions, i);
            let Some(&(start, end, form)) = candidates.first() else {
                i += 1;
                continue;
            };
            let verb = start + self.dict.verbs.forms[form & !WEAK].head;
            let (code, binding) = self.choose(&ctx, &candidates);
            let by_pattern = binding.patterned;
            let weak = candidates.iter().all(|&(_, _, f)| f & WEAK != 0);
            i = end.max(binding.end);
            if code == Code::Null {
                continue;
            }
            let expand = |m: Option<usize>| {
                m.map(|m| mentions::compound_codes(&mentions, &groups, m))
                    .unwrap_or_default()
            };
            let subject = || match subject_of(words, &heads, &mentions, verb) {
                Subject::Mention(m) => Some(m),
                Subject::NoActor => None,
                Subject::Unknown => mentions.iter().position(|m| m.end <= start),
            };
            let default_target = || {
                mentions
                    .iter()
                    .position(|m| m.start >= end.max(binding.end))
                    .or_else(|| mentions.iter().position(|m| m.start >= end))
            };
            // A passive with its agent and no pattern of its own ("the building was
            // demolished by a protester") is done by the agent to the subject, as
            // PETRARCH-2 reads the parse.
            let passive = (binding.source.is_none()
                && binding.target.is_none()
                && binding.compound.is_none())
            .then(|| passive_actors(words, &heads, &mentions, verb))
            .flatten();
            let (sources, targets) = match (passive, binding.compound) {
                (Some((agent, patient)), _) => (expand(Some(agent)), expand(Some(patient))),
                (None, Some(m)) if binding.compound_lower || subject().is_none() => {
                    let members = expand(Some(m));
                    (members.clone(), members)
                }
                (None, Some(m)) => (expand(binding.source.or_else(subject)), expand(Some(m))),
                (None, None) => (
                    expand(binding.source.or_else(subject)),
                    expand(binding.target.or_else(default_target)),
                ),
            };
            let fill = |codes: Vec<String>| -> Vec<String> {
                if codes.is_empty() && !settings.require_dyad {
                    vec!["---".to_string()]
                } else {
                    codes
                }
            };
            // Unknown actors of at most `new_actor_length` words are kept, quoted.
            let (sources, targets) = match settings.new_actor_length {
                0 => (sources, targets),
                n => {
                    let or_new = |codes: Vec<String>, root: Option<usize>| {
                        if codes.is_empty() {
                            root.and_then(|r| new_actor(words, &heads, r, n))
                                .into_iter()
                                .collect()
                        } else {
                            codes
                        }
                    };
                    let subject_root = subject_word(words, &heads, verb);
                    let object_root = words[end..]
                        .iter()
                        .find(|w| {
                            matches!(w.upos.as_str(), "NOUN" | "PROPN")
                                && w.head == Some(words[verb].orig)
                        })
                        .map(|w| w.orig);
                    (or_new(sources, subject_root), or_new(targets, object_root))
                }
            };
            let (sources, targets) = (fill(sources), fill(targets));
            let mut events = Vec::new();
            for s in &sources {
                for t in &targets {
                    if s == t {
                        continue;
                    }
                    let mut push = |source: &str, target: &str, code: &str| {
                        if codes_nothing(code) {
                            return;
                        }
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
                        Code::One(c) => push(s, t, c),
                        Code::Paired(a, b) => {
                            push(s, t, a);
                            push(t, s, b);
                        }
                        Code::Null => {}
                    }
                }
            }
            if !events.is_empty() {
                by_verb.push((words[verb].orig, events, by_pattern, weak));
            }
        }
        let rel = |k: usize| {
            words
                .iter()
                .find(|w| w.orig == k)
                .map_or("", |w| w.deprel.as_str())
        };
        let superseded = |v: usize, patterned: bool| {
            by_verb.iter().any(|(u, _, _, _)| {
                *u != v
                    && (heads.get(*u).copied().flatten() == Some(v)
                        && matches!(rel(*u), "ccomp" | "parataxis")
                        || !patterned
                            && heads.get(v).copied().flatten() == Some(*u)
                            && rel(v).starts_with("aux"))
            })
        };
        let any_verb = by_verb.iter().any(|(_, _, _, weak)| !weak);
        let mut out: Vec<CodedEvent> = Vec::new();
        for (v, events, patterned, weak) in &by_verb {
            if superseded(*v, *patterned) || *weak && any_verb {
                continue;
            }
            for e in events {
                if !out.contains(e) {
                    out.push(e.clone());
                }
            }
        }
        out
    }

    /// The code and bindings for a verb: the first candidate block with a matching pattern
    /// (longest patterns first), else the first candidate's own code that is not null.
    fn choose(
        &self,
        ctx: &matcher::Context<'_>,
        candidates: &[(usize, usize, usize)],
    ) -> (Code, matcher::Binding) {
        for &(start, end, form) in candidates {
            let block = &self.dict.verbs.blocks[self.dict.verbs.forms[form & !WEAK].block];
            let worded = |p: &&crate::dictionary::Pattern| {
                form & WEAK == 0
                    || p.lower.iter().chain(&p.upper).any(|s| {
                        matches!(
                            s.elem,
                            crate::dictionary::Elem::Word(_) | crate::dictionary::Elem::Synset(_)
                        )
                    })
            };
            if let Some((p, b)) = block
                .patterns
                .iter()
                .filter(worded)
                .find_map(|p| ctx.match_pattern(p, start, end).map(|b| (p, b)))
            {
                return (p.code.clone(), b);
            }
        }
        if candidates.iter().all(|&(_, _, f)| f & WEAK != 0) {
            return (Code::Null, matcher::Binding::default());
        }
        let default = |&(_, end, form): &(usize, usize, usize)| {
            let f = &self.dict.verbs.forms[form & !WEAK];
            let code = f
                .code
                .clone()
                .or_else(|| self.dict.verbs.blocks[f.block].code.clone())
                .unwrap_or(Code::Null);
            (
                code,
                matcher::Binding {
                    end,
                    ..matcher::Binding::default()
                },
            )
        };
        candidates
            .iter()
            .map(default)
            .find(|(c, _)| *c != Code::Null)
            .unwrap_or_else(|| default(&candidates[0]))
    }

    /// The dictionary verbs at word `i`, best first: (first word, one past the last, form
    /// index). Phrase verbs (`BREAK DOWN`) come before single words, word forms before lemmas.
    fn verbs_at(
        &self,
        words: &[Word],
        mentions: &[Mention],
        i: usize,
    ) -> Vec<(usize, usize, usize)> {
        let w = &words[i];
        if mentions.iter().any(|m| m.start <= i && i < m.end) {
            return Vec::new();
        }
        // A word the tagger does not call a verb still counts when it is a dictionary form
        // in a verb's place: the root of the parse, or after a modal, auxiliary or `to`.
        let verb_place = w.deprel == "root"
            || mentions.iter().any(|m| {
                // An actor opening the sentence or a clause, not one inside a noun phrase.
                m.end == i
                    && m.start
                        .checked_sub(1)
                        .is_none_or(|b| matches!(words[b].up.as_str(), "," | "AND" | "BUT" | ";"))
            })
            || i.checked_sub(1).is_some_and(|p| {
                matches!(words[p].upos.as_str(), "AUX" | "PART") || words[p].xpos == "MD"
            });
        // Elsewhere (a noun such as `voice`) only a pattern with words of its own may code
        // it: see `choose`.
        let weak = !w.is_verb() && !verb_place;
        let mut found: Vec<(usize, usize, usize, bool)> = Vec::new();

        let by_lemma = if w.is_verb() {
            self.forms_by_lemma.get(&w.lemma)
        } else {
            None
        };
        let candidates = self
            .forms_by_word
            .get(&w.up)
            .into_iter()
            .flatten()
            .map(|&f| (f, true))
            .chain(by_lemma.into_iter().flatten().map(|&f| (f, false)));
        for (f, surface) in candidates {
            let form = &self.dict.verbs.forms[f];
            let Some(start) = i.checked_sub(form.head) else {
                continue;
            };
            let end = start + form.words.len();
            if end > words.len() {
                continue;
            }
            let fits = form.words.iter().enumerate().all(|(k, fw)| {
                k == form.head || &words[start + k].up == fw || &words[start + k].lemma == fw
            });
            if fits
                && !found
                    .iter()
                    .any(|&(_, _, g, _)| self.dict.verbs.forms[g].block == form.block)
            {
                found.push((start, end, f, surface));
            }
        }
        // Longer first, then word forms; the sort is stable (dictionary order among equals).
        found.sort_by_key(|&(s, e, _, surface)| (std::cmp::Reverse(e - s), !surface));
        found.retain(|&(_, _, f, surface)| !weak || surface && self.dict.verbs.forms[f].base);
        found
            .into_iter()
            .map(|(s, e, f, _)| (s, e, weak_flag(f, weak)))
            .collect()
    }
}

/// Candidates off a verb's place carry this bit in their form index.
const WEAK: usize = 1 << (usize::BITS - 1);

fn weak_flag(form: usize, weak: bool) -> usize {
    if weak {
        form | WEAK
    } else {
        form
    }
}

/// What the parse says about a verb's subject.
enum Subject {
    /// A subject holding this mention.
    Mention(usize),
    /// A subject with no actor in it (or a clause that takes none).
    NoActor,
    /// No parse to tell.
    Unknown,
}

/// The parse index of the verb's subject word (through `xcomp`, `conj`, auxiliaries).
fn subject_word(words: &[Word], heads: &[Option<usize>], v: usize) -> Option<usize> {
    let mut cur = words[v].orig;
    for _ in 0..6 {
        let subj = (0..heads.len()).find(|&k| {
            heads[k] == Some(cur)
                && words
                    .iter()
                    .any(|w| w.orig == k && w.deprel.starts_with("nsubj"))
        });
        if subj.is_some() {
            return subj;
        }
        let w = words.iter().find(|w| w.orig == cur)?;
        match (w.deprel.split(':').next().unwrap_or(""), w.head) {
            ("xcomp" | "conj" | "aux", Some(h)) => cur = h,
            _ => return None,
        }
    }
    None
}

/// An unknown actor: the words of `root`'s phrase, upper case and quoted (`"THE MINISTRY OF
/// MAGIC"`), without punctuation and possessive endings; `None` when longer than `max` words.
fn new_actor(words: &[Word], heads: &[Option<usize>], root: usize, max: usize) -> Option<String> {
    // The noun phrase from its first word (a leading preposition, as in `for the Ministry`,
    // is not part of the name): determiners, adjectives, nouns, names, possessives and
    // `of` before a noun (`Gryffindor's head Minerva McGonagall`, `the Ministry of Magic`).
    let first = words
        .iter()
        .position(|w| in_subtree(heads, w.orig, root) && w.deprel != "case")?;
    let nominal = |w: &Word| matches!(w.upos.as_str(), "DET" | "ADJ" | "NOUN" | "PROPN" | "NUM");
    let mut phrase: Vec<&str> = Vec::new();
    for (k, w) in words.iter().enumerate().skip(first) {
        let of = w.up == "OF" && words.get(k + 1).is_some_and(nominal);
        if w.up == "'S" || w.up == "'" {
            continue;
        }
        if !(nominal(w) || of) {
            break;
        }
        phrase.push(&w.up);
    }
    (!phrase.is_empty() && phrase.len() <= max).then(|| format!("\"{}\"", phrase.join(" ")))
}

/// The first mention with a word in the subtree of `root` (parse index).
fn mention_in_subtree(
    words: &[Word],
    heads: &[Option<usize>],
    mentions: &[Mention],
    root: usize,
) -> Option<usize> {
    mentions
        .iter()
        .position(|m| (m.start..m.end).any(|j| in_subtree(heads, words[j].orig, root)))
}

/// Whether word `j` (parse index) lies in the subtree of `root` (parse index).
fn in_subtree(heads: &[Option<usize>], mut j: usize, root: usize) -> bool {
    for _ in 0..heads.len() {
        if j == root {
            return true;
        }
        match heads.get(j).copied().flatten() {
            Some(h) => j = h,
            None => return false,
        }
    }
    false
}

/// The actors of the passive verb at word `v`: the mention in its `by` phrase and the
/// mention of its passive subject, when the parse gives it both.
fn passive_actors(
    words: &[Word],
    heads: &[Option<usize>],
    mentions: &[Mention],
    v: usize,
) -> Option<(usize, usize)> {
    let verb = words[v].orig;
    let dependent = |wanted: &dyn Fn(&Word) -> bool| {
        words
            .iter()
            .find(|w| w.head == Some(verb) && wanted(w))
            .map(|w| w.orig)
    };
    let mention_in = |root: usize| mention_in_subtree(words, heads, mentions, root);
    let patient = dependent(&|w| w.deprel == "nsubj:pass")?;
    let agent = dependent(&|w| {
        w.deprel.starts_with("obl")
            && words
                .iter()
                .any(|c| c.head == Some(w.orig) && c.deprel == "case" && c.lemma == "BY")
    })?;
    Some((mention_in(agent)?, mention_in(patient)?))
}

/// The subject of the verb at word `v`: its own `nsubj`, else (through `xcomp`, `conj` and
/// auxiliaries) the subject of the verb it depends on.
fn subject_of(words: &[Word], heads: &[Option<usize>], mentions: &[Mention], v: usize) -> Subject {
    if words.iter().all(|w| w.head.is_none()) {
        return Subject::Unknown;
    }
    let mut cur = words[v].orig;
    // A noun coded as a verb (`an anti-Gondor parade`) takes the subject of the verb above it.
    for _ in 0..4 {
        match words.iter().find(|w| w.orig == cur) {
            Some(w) if !w.is_verb() && w.deprel != "root" => match w.head {
                Some(h) => cur = h,
                None => break,
            },
            _ => break,
        }
    }
    for _ in 0..6 {
        let subj = (0..heads.len()).find(|&k| {
            heads[k] == Some(cur)
                && words
                    .iter()
                    .any(|w| w.orig == k && w.deprel.starts_with("nsubj"))
        });
        if let Some(k) = subj {
            // The subject's subtree, else the run of nominal words around the subject word
            // (the parse may hang `the official news agency` elsewhere than `WFNA`).
            let found = mention_in_subtree(words, heads, mentions, k).or_else(|| {
                let at = words.iter().position(|w| w.orig == k)?;
                let nominal =
                    |w: &Word| matches!(w.upos.as_str(), "DET" | "ADJ" | "NOUN" | "PROPN" | "NUM");
                let mut first = at;
                while first > 0 && nominal(&words[first - 1]) {
                    first -= 1;
                }
                mentions
                    .iter()
                    .position(|m| first <= m.start && m.end <= at + 1)
            });
            // A pronoun stands for an actor named earlier: the nearest verb above it that has
            // an actor subject, else the first actor of the sentence.
            let pronoun = words.iter().any(|w| w.orig == k && w.upos == "PRON");
            match found {
                Some(m) => return Subject::Mention(m),
                None if pronoun => {}
                None => return Subject::NoActor,
            }
        }
        let Some(w) = words.iter().find(|w| w.orig == cur) else {
            return Subject::Unknown;
        };
        let rel = w.deprel.split(':').next().unwrap_or("");
        match (rel, w.head) {
            ("xcomp" | "conj" | "aux" | "ccomp" | "parataxis", Some(h)) => cur = h,
            ("root", _) | (_, None) => return Subject::Unknown,
            _ => return Subject::NoActor,
        }
    }
    Subject::Unknown
}
