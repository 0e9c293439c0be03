//! The mode of an event (asserted, reported, alleged, future, hypothetical, negated) and its
//! chain of sources, from cue words around the trigger.

use dyad_actors::{ActorMention, MentionKind};
use dyad_types::{Attribution, AttributionKind, Mode, Token};

use crate::clause::{SentenceWords, PREPOSITIONS};
use crate::modality;
use crate::participants::{descends, light_verb};
use crate::tree::has_dependent_among;

const NEGATIONS: &[&str] = &["not", "n't", "never", "no", "neither", "nor"];
const CONDITIONALS: &[&str] = &["if", "would", "could", "might", "unless", "whether"];
const FUTURES: &[&str] = &[
    "will", "'ll", "shall", "soon", "plan", "plans", "planned", "intend", "intends", "vow", "vows",
    "going",
];
const DOUBTS: &[&str] = &[
    "alleged",
    "allegedly",
    "claim",
    "claims",
    "claimed",
    "accused",
    "suspected",
    "purported",
    "purportedly",
];
const HEARSAY: &[&str] = &["reportedly", "according"];

/// Where an event's trigger sits: its words, and its tokens when the sentence is parsed.
pub struct Site<'a> {
    /// The sentence's tokens (heads sentence-local), or empty when not parsed.
    pub tokens: &'a [Token],
    /// First word of the trigger.
    pub first: usize,
    /// One past its last word.
    pub end: usize,
    /// Whether the trigger is a noun ("the strikes"), whose mode the parse does not carry.
    pub noun: bool,
    /// Triggers that themselves announce a deed ("threatened", "vowed"): their futurity is
    /// not theirs.
    pub threat: bool,
    /// Rejections ("refused", "said no"): their negation is their content.
    pub rejection: bool,
    /// Declined comment ("would not comment", "did not wish to comment", "Neither Downing
    /// Street nor the party would comment"): the negation and the modal are the refusal
    /// itself, which was made.
    pub declined: bool,
}

/// Decides the mode of the event at `site`: negated, hypothetical or future from the parse
/// when the sentence has one (else from cue words near the trigger), then alleged, reported
/// or asserted from doubt words and attribution.
pub fn mode_of(words: &SentenceWords, site: &Site) -> Mode {
    // "So is UKIP's job to destroy the Tories?": what a yes-no question asks is not told.
    if yes_no_question(words) {
        return Mode::Hypothetical;
    }
    let parsed = modality::is_parsed(site.tokens);
    let head = head_word(site);
    // A noun's event carried by a light verb has that verb's mode ("planned to make an
    // appeal", "did not hold a rally").
    let carrier = if site.noun && parsed {
        light_verb(site.tokens, head).or_else(|| journey_verb(site.tokens, head))
    } else {
        None
    };
    let modal = match carrier {
        _ if site.declined => None,
        Some(verb) => parsed_modal(words, site, verb),
        None if parsed && !site.noun => parsed_modal(words, site, head),
        None => lexical_modal(words, site),
    };
    if let Some(mode) = modal {
        return mode;
    }
    let first = site.first;
    let clause_start = words.clause_start(first);
    let has = |range: std::ops::Range<usize>, list: &[&str]| {
        range
            .into_iter()
            .any(|i| list.contains(&words.lower[i].as_str()))
    };
    if doubted(words, site, parsed) {
        return Mode::Alleged;
    }
    let reported = has(0..words.len(), HEARSAY)
        || (clause_start > 0 && (0..clause_start).any(|i| words.is_reporting_verb(i)))
        || words.inside_quote(first);
    if reported {
        return Mode::Reported;
    }
    Mode::Asserted
}

/// The verb of the journey a visit noun at `trigger` is made by, "as" or "on" it ("is coming
/// to Europe as his first foreign visit", "flew to Iraq on a visit"): the visit is as done,
/// or as still to come, as the journey.
fn journey_verb(tokens: &[dyad_types::Token], trigger: usize) -> Option<usize> {
    let t = &tokens[trigger];
    let by = crate::tree::has_dependent_among(tokens, trigger, "case", &["as", "on"]);
    t.head.filter(|&h| {
        by && t.deprel == "obl" && modality::MOTION_VERBS.contains(&tokens[h].lemma.as_str())
    })
}

/// Whether a word of doubt before the trigger bears on it: in a parsed sentence, a verb of
/// claiming anywhere before it ("those who claim that evidence shows Venezuela has been
/// rigging elections", however the parse hangs it), or a noun or adverb the trigger hangs
/// below ("claims that the agency was blaming him") or modifying the trigger or a word above
/// it ("allegedly killed"), not a doubt named elsewhere ("discussed these claims … and
/// dismissed them", "denied the claims, saying it condemned …"); in an unparsed one, any
/// word of doubt before it.
fn doubted(words: &SentenceWords, site: &Site, parsed: bool) -> bool {
    let mut doubts = (0..site.first).filter(|&i| DOUBTS.contains(&words.lower[i].as_str()));
    if !parsed {
        return doubts.next().is_some();
    }
    let tokens = site.tokens;
    let head = head_word(site);
    let above = |i: usize| i < tokens.len() && descends(tokens, head, i);
    doubts.any(|i| {
        i < tokens.len()
            && (matches!(tokens[i].upos.as_str(), "VERB" | "AUX")
                || above(i)
                || (tokens[i].head.is_some_and(above)
                    && matches!(tokens[i].deprel.as_str(), "advmod" | "amod")))
    })
}

/// The trigger's head word: the one whose head lies outside the trigger.
fn head_word(site: &Site) -> usize {
    let range = site.first..site.end.min(site.tokens.len());
    range
        .clone()
        .find(|&i| !site.tokens[i].head.is_some_and(|h| range.contains(&h)))
        .unwrap_or(site.first)
}

/// Whether the sentence is a yes-no question: it ends with a question mark and opens, after
/// a conjunction or a quotation mark, with an auxiliary ("Is …?", "So will they …?").
fn yes_no_question(words: &SentenceWords) -> bool {
    const QUOTES: &[&str] = &["\"", "“", "”", "'", "‘", "’", "``", "''"];
    const OPENERS: &[&str] = &["so", "and", "but", "then", "or"];
    const AUXILIARIES: &[&str] = &[
        "is", "are", "was", "were", "do", "does", "did", "can", "could", "will", "would", "should",
        "shall", "has", "have", "had", "may", "might", "must",
    ];
    let last = words
        .lower
        .iter()
        .rev()
        .find(|w| !QUOTES.contains(&w.as_str()));
    let first = words
        .lower
        .iter()
        .find(|w| !QUOTES.contains(&w.as_str()) && !OPENERS.contains(&w.as_str()) && *w != ",");
    last.is_some_and(|w| w == "?") && first.is_some_and(|w| AUXILIARIES.contains(&w.as_str()))
}

/// The mode of the plain verb at `word` (no trigger of its own: "offered" in "has offered to
/// send").
pub fn mode_of_verb(words: &SentenceWords, tokens: &[Token], word: usize) -> Mode {
    let site = Site {
        tokens,
        first: word,
        end: word + 1,
        noun: false,
        threat: false,
        rejection: false,
        declined: false,
    };
    mode_of(words, &site)
}

/// Negated, hypothetical or future, read off the parse at word `head` (the trigger's head
/// word, or the light verb carrying it).
fn parsed_modal(words: &SentenceWords, site: &Site, head: usize) -> Option<Mode> {
    let texts: Vec<&str> = words.lower.iter().map(String::as_str).collect();
    // A rejection is negated only by a negation of its own ("could not simply refuse"), not
    // one a conjunct lends it ("said his comments were not racist and refused").
    let negated_itself = || has_dependent_among(site.tokens, head, "advmod", NEGATIONS);
    match modality::parsed_mode(&texts, site.tokens, head) {
        Some(Mode::Negated) if site.rejection && !negated_itself() => None,
        Some(Mode::Future) if site.threat => None,
        other => other,
    }
}

/// Negated, hypothetical or future from cue words near the trigger, for unparsed sentences
/// and noun triggers.
fn lexical_modal(words: &SentenceWords, site: &Site) -> Option<Mode> {
    let (first, end) = (site.first, site.end);
    let clause_start = words.clause_start(first);
    let near = first.saturating_sub(4).max(clause_start)..first;
    let before = clause_start..first;
    let has = |range: std::ops::Range<usize>, list: &[&str]| {
        range
            .into_iter()
            .any(|i| list.contains(&words.lower[i].as_str()))
    };
    if !site.rejection && has(near.clone(), NEGATIONS) {
        return Some(Mode::Negated);
    }
    if has(before, CONDITIONALS) || (0..first).any(|i| words.lower[i] == "if") {
        return Some(Mode::Hypothetical);
    }
    if has(0..first, DOUBTS) {
        return None;
    }
    if !site.threat && (has(near, FUTURES) || has(end..(end + 2).min(words.len()), &["soon"])) {
        return Some(Mode::Future);
    }
    None
}

/// The chain of sources of the event at `first`: who reported or said it, outermost first.
/// `source` is the event's own source mention, which is never its own attribution.
pub fn attribution_of(
    words: &SentenceWords,
    offset: usize,
    first: usize,
    mentions: &[ActorMention],
    source: Option<usize>,
) -> Vec<Attribution> {
    let mut chain = Vec::new();
    let clause_start = words.clause_start(first);
    // "X reported that …", "X said …": speakers before the complement.
    for (k, m) in mentions.iter().enumerate() {
        let local = m.first_token - offset;
        if Some(k) == source || local >= clause_start || clause_start == 0 {
            continue;
        }
        let speaks = (m.end_token - offset..clause_start).any(|i| words.is_reporting_verb(i));
        if speaks && !words.after_preposition(local) {
            // "CIA agent Gary Berntsen": the person named right after a title mention.
            let mut speaker = k;
            while let Some(next) = mentions.get(speaker + 1) {
                let prev = &mentions[speaker];
                if next.first_token != prev.end_token || next.kind != MentionKind::Person {
                    break;
                }
                speaker += 1;
            }
            chain.push(attribution(&mentions[speaker]));
            break;
        }
    }
    // "…, officials said.", "…, the ministry announced.": a speaker after the content.
    if chain.is_empty() {
        chain.extend(trailing_speaker(words, offset, first, mentions, source));
    }
    // "… according to reports", "reportedly".
    if let Some(i) = (0..words.len()).find(|&i| words.lower[i] == "according") {
        let named = mentions
            .iter()
            .find(|m| m.first_token - offset > i && m.first_token - offset <= i + 4);
        chain.push(match named {
            Some(m) => attribution(m),
            None => Attribution {
                text: "according to reports".into(),
                kind: AttributionKind::Anonymous,
                actor: None,
            },
        });
    } else if words.lower.iter().any(|w| w == "reportedly") && chain.is_empty() {
        chain.push(Attribution {
            text: "reportedly".into(),
            kind: AttributionKind::Anonymous,
            actor: None,
        });
    }
    chain
}

fn attribution(m: &ActorMention) -> Attribution {
    let kind = if m.actor.roles.iter().any(|r| r == "MED") {
        AttributionKind::Outlet
    } else if m.kind == MentionKind::Person {
        AttributionKind::Person
    } else {
        AttributionKind::Organization
    };
    Attribution {
        text: m.actor.text.clone(),
        kind,
        actor: Some(m.actor.clone()),
    }
}

/// Nouns that name a source without naming who ("officials said", "sources told").
const ANONYMOUS_SOURCES: &[&str] = &[
    "official",
    "officials",
    "source",
    "sources",
    "diplomat",
    "diplomats",
    "analyst",
    "analysts",
    "witness",
    "witnesses",
    "resident",
    "residents",
    "aide",
    "aides",
    "insider",
    "insiders",
    "observer",
    "observers",
    "people",
];

/// The speaker of a short reporting clause closing the sentence after the trigger
/// ("…, officials said", "…, said the ministry"), as an attribution.
fn trailing_speaker(
    words: &SentenceWords,
    offset: usize,
    first: usize,
    mentions: &[ActorMention],
    source: Option<usize>,
) -> Option<Attribution> {
    let end = (0..words.len())
        .rev()
        .find(|&i| !matches!(words.lower[i].as_str(), "." | "!" | "\"" | "\u{201d}"))?
        + 1;
    let comma = (first + 1..end).rev().find(|&i| words.lower[i] == ",")?;
    let tail = comma + 1..end;
    if tail.len() > 6 || tail.is_empty() {
        return None;
    }
    // "…, officials said" or "…, said the ministry": the verb closes or opens the clause.
    let is_verb = |i: usize| words.is_reporting_verb(i) && !words.lower[i].ends_with("ing");
    let quoted = tail.clone().any(|i| is_quote_mark(&words.lower[i]));
    let verb = if is_verb(end - 1) {
        end - 1
    } else if is_verb(comma + 1) && !quoted && comma + 2 < end {
        let next = comma + 2;
        let named_next = mentions.iter().any(|m| m.first_token - offset == next);
        if !(named_next || matches!(words.lower[next].as_str(), "the" | "a" | "an")) {
            return None;
        }
        comma + 1
    } else {
        return None;
    };
    let named = mentions
        .iter()
        .enumerate()
        .find(|(k, m)| Some(*k) != source && tail.contains(&(m.first_token - offset)));
    if let Some((_, m)) = named {
        return Some(attribution(m));
    }
    let noun: Vec<&str> = tail
        .filter(|&i| i != verb && !is_quote_mark(&words.lower[i]))
        .map(|i| words.lower[i].as_str())
        .take_while(|w| !PREPOSITIONS.contains(w) && !matches!(*w, "," | "on" | "in"))
        .filter(|w| !matches!(*w, "also" | "later" | "has" | "have" | "had"))
        .collect();
    if noun.is_empty() {
        return None;
    }
    let anonymous = noun.iter().any(|w| ANONYMOUS_SOURCES.contains(w));
    let personal = noun.len() == 1 && matches!(noun[0], "he" | "she" | "they" | "i" | "we");
    Some(Attribution {
        text: noun.join(" "),
        kind: if anonymous {
            AttributionKind::Anonymous
        } else if personal {
            AttributionKind::Person
        } else {
            AttributionKind::Organization
        },
        actor: None,
    })
}

fn is_quote_mark(w: &str) -> bool {
    matches!(w, "\"" | "\u{201c}" | "\u{201d}" | "'" | "''" | "``")
}
