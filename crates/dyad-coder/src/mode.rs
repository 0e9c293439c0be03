//! The mode of an event (asserted, reported, alleged, future, hypothetical, negated) and its
//! chain of sources, from cue words around the trigger.

use dyad_actors::{ActorMention, MentionKind};
use dyad_types::{Attribution, AttributionKind, Mode};

use crate::clause::SentenceWords;

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

/// Decides the mode of the event whose trigger spans `first..end` in `words`.
/// `threat` marks triggers that themselves announce a deed: their futurity is not theirs.
pub fn mode_of(
    words: &SentenceWords,
    first: usize,
    end: usize,
    threat: bool,
    rejection: bool,
) -> Mode {
    let clause_start = words.clause_start(first);
    let near = first.saturating_sub(4).max(clause_start)..first;
    let before = clause_start..first;
    let has = |range: std::ops::Range<usize>, list: &[&str]| {
        range
            .clone()
            .any(|i| list.contains(&words.lower[i].as_str()))
    };
    if !rejection && has(near.clone(), NEGATIONS) {
        return Mode::Negated;
    }
    if has(before.clone(), CONDITIONALS) || (0..first).any(|i| words.lower[i] == "if") {
        return Mode::Hypothetical;
    }
    if has(0..first, DOUBTS) {
        return Mode::Alleged;
    }
    if !threat && (has(near, FUTURES) || has(end..(end + 2).min(words.len()), &["soon"])) {
        return Mode::Future;
    }
    let reported = has(0..words.len(), HEARSAY)
        || (clause_start > 0 && (0..clause_start).any(|i| words.is_reporting_verb(i)))
        || words.inside_quote(first);
    if reported {
        return Mode::Reported;
    }
    Mode::Asserted
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
            chain.push(attribution(m));
            break;
        }
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
