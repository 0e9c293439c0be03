//! Event location: the place the parse attaches to an event.
//!
//! For each event, among the toponyms of its sentence that are neither its source, nor a
//! metonym ("Caracas refused"), nor a demonym ("an Italian firm"):
//! 1. a place attached to the trigger: walking up the dependency tree from the place, the
//!    first link is a locative oblique or nominal modifier ("in", "at", "near", "off"...;
//!    "a rally in downtown Caracas", "the deployment in the Caribbean"), and the walk reaches
//!    the trigger through nouns only (or the noun the trigger's light verb takes: "held a
//!    rally in Caracas");
//! 2. else a place attached with such a preposition to the verb of the trigger's clause;
//! 3. else none. The walk stops at any other verb, so a place is never taken from a
//!    different event's clause of the same sentence.

use dyad_types::{Analysis, Event, Token};

use crate::resolve::Toponym;

/// Prepositions that make a place the location of what governs it.
const LOCATIVES: &[&str] = &[
    "in",
    "at",
    "near",
    "off",
    "across",
    "throughout",
    "inside",
    "outside",
    "around",
    "within",
    "along",
];

/// Relations that can link a noun to the noun or verb it modifies on the way up.
const NOMINAL_LINKS: &[&str] = &["nmod", "obl", "compound", "amod", "appos", "conj", "flat"];

fn is_verb(t: &Token) -> bool {
    t.upos == "VERB" || t.upos == "AUX"
}

/// Whether token `i` (absolute) has a locative case marker among its dependents.
fn has_locative_case(analysis: &Analysis, first: usize, last: usize, i: usize) -> bool {
    let text = analysis.doc.text.as_str();
    (first..last).any(|j| {
        let t = &analysis.tokens[j];
        t.head.map(|h| first + h) == Some(i)
            && t.deprel == "case"
            && LOCATIVES.contains(&t.text(text).to_lowercase().as_str())
    })
}

/// The event's trigger token (absolute index), if it lies on a token.
fn trigger_token(analysis: &Analysis, event: &Event) -> Option<usize> {
    let s = analysis.sentences.get(event.sentence)?;
    (s.first_token..s.last_token).find(|&i| {
        let t = &analysis.tokens[i];
        t.start <= event.trigger.start && event.trigger.start < t.end
    })
}

/// How a place is attached to an event: 0 = to the trigger, 1 = to its clause's verb.
fn attachment(analysis: &Analysis, event: &Event, t: &Toponym) -> Option<u8> {
    let s = analysis.sentences.get(event.sentence)?;
    let (first, last) = (s.first_token, s.last_token);
    let trigger = trigger_token(analysis, event)?;
    let head = t.head?;
    let abs = |h: usize| first + h;
    // The trigger's verb: itself, or the first verb above it.
    let mut verb = trigger;
    let mut steps = 0;
    while !is_verb(&analysis.tokens[verb]) && steps < 6 {
        verb = abs(analysis.tokens[verb].head?);
        steps += 1;
    }
    // Walk up from the place.
    let mut at = head;
    let mut locative = false;
    for step in 0..6 {
        let tok = &analysis.tokens[at];
        let rel = tok.deprel.split(':').next().unwrap_or("");
        if !NOMINAL_LINKS.contains(&rel) {
            return None;
        }
        // The preposition is on the place or on the noun right above it ("in downtown X").
        locative |= step < 2
            && (rel == "nmod" || rel == "obl")
            && has_locative_case(analysis, first, last, at);
        let up = abs(tok.head?);
        if up == trigger {
            return locative.then_some(0);
        }
        if is_verb(&analysis.tokens[up]) {
            return (up == verb && locative && rel == "obl").then_some(1);
        }
        // A light verb's object noun that is the trigger: "held a rally in Caracas" with the
        // trigger on "held" — the rally noun's verb is the trigger.
        let up_tok = &analysis.tokens[up];
        if up_tok.deprel == "obj" && up_tok.head.map(abs) == Some(trigger) && locative {
            return Some(0);
        }
        at = up;
    }
    None
}

/// The toponym index that locates `event`, with its attachment (0 trigger, 1 clause).
pub fn event_place(
    analysis: &Analysis,
    event: &Event,
    toponyms: &[Toponym],
) -> Option<(usize, u8)> {
    let overlaps = |a: (usize, usize), b: (usize, usize)| a.0 < b.1 && b.0 < a.1;
    let mut best: Option<(usize, u8)> = None;
    for (k, t) in toponyms.iter().enumerate() {
        // A demonym ("an Italian firm") says whose, not where.
        if t.sentence != event.sentence || t.metonym || t.demonym {
            continue;
        }
        // The source is never where the event happened; a target is only when the parse
        // attaches it with a locative preposition ("a rally in Caracas").
        let span = (t.start, t.end);
        if overlaps(span, (event.source.start, event.source.end)) {
            continue;
        }
        if let Some(how) = attachment(analysis, event, t) {
            if best.is_none_or(|(_, b)| how < b) {
                best = Some((k, how));
            }
        }
    }
    best
}
