//! Reading the words around an expression: the tense that decides whether "Friday" or
//! "November 24" points back or forward from the document date.

use crate::tokens::Tok;

/// The tense of the clause around an expression, as far as nearby words show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    /// A past-tense verb or a past marker is nearest.
    Past,
    /// A future marker (will, 'll, going to, next…) is nearest.
    Future,
    /// Nothing decisive nearby.
    Unknown,
}

#[rustfmt::skip]
const FUTURE: &[&str] = &[
    "will", "'ll", "shall", "would", "wo", "upcoming", "until", "gonna", "tomorrow", "next",
    "coming", "should", "soon", "scheduled", "payable", "effective",
];
/// Future cues only when "to" or "for" follows ("plans to", "set for"): as nouns or past
/// participles ("the plan", "the set") they say nothing of the time.
#[rustfmt::skip]
const FUTURE_BEFORE_TO: &[&str] = &[
    "planned", "plans", "plan", "planning", "expects", "expected", "intends", "hopes", "aims",
    "set", "due", "preparing", "prepared",
];
/// Past forms that stay past after "be" ("was", "had", "did" are the auxiliaries themselves).
#[rustfmt::skip]
const AUXILIARY_PAST: &[&str] = &["been", "was", "were", "had", "did"];
#[rustfmt::skip]
const PAST: &[&str] = &[
    "been", "was", "were", "had", "did", "said", "told", "ago", "yesterday", "last", "earlier",
    "came", "went", "took", "gave", "made", "met", "held", "began", "left", "saw", "won",
    "lost", "got", "spoke", "wrote", "rose", "fell", "ran", "sent", "brought", "thought",
    "found", "became", "paid", "sold", "bought", "hit", "struck", "quit", "led", "broke",
    "chose", "drew", "flew", "fought", "grew", "knew", "meant", "read", "shot", "shut", "stood",
    "swore", "taught", "threw", "understood", "woke", "wore",
];
/// Reporting verbs: after an expression they attribute the sentence rather than date it.
#[rustfmt::skip]
const REPORTING: &[&str] = &[
    "said", "says", "told", "added", "stated", "announced", "reported", "declared", "noted",
];
/// Words in -ed that are not past-tense verbs.
#[rustfmt::skip]
const NOT_PAST: &[&str] = &[
    "need", "needed", "speed", "feed", "indeed", "seed", "breed", "bed", "red", "shed",
    "hundred", "united", "limited", "proceed", "succeed", "exceed", "creed", "greed", "weed",
    "deed", "reed", "bleed", "freed", "naked", "wicked", "sacred", "kindred", "ragged",
    "rugged", "alleged", "embed", "wed", "shred", "sled", "fled", "led", "bred", "biased",
    "based", "related", "concerned", "supposed", "used",
];

/// Words after which a past form is a participle or infinitive, not a past tense.
#[rustfmt::skip]
const NON_FINITE_BEFORE: &[&str] = &[
    "be", "been", "being", "to", "will", "would", "should", "can", "could", "may", "might",
    "must", "is", "are", "'s",
];

/// Words after which an -ed form is an adjective ("the reduced dividend").
#[rustfmt::skip]
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "our", "this", "these", "those",
];

fn marker_at(tokens: &[Tok], i: usize) -> Option<Tense> {
    let word = tokens[i].lower.as_str();
    let before = |k: usize| i.checked_sub(k).map(|j| tokens[j].lower.as_str());
    let next = tokens.get(i + 1).map(|t| t.lower.as_str());
    if word == "next" && next == Some("to") {
        return None; // "next to the embassy"
    }
    let after_next = tokens.get(i + 2).map(|t| t.lower.as_str());
    let plan_follows = next.is_some_and(|w| FUTURE_BEFORE_TO.contains(&w) || w == "going")
        && matches!(after_next, Some("to" | "for"));
    if matches!(word, "was" | "were") && plan_follows {
        return Some(Tense::Future); // "were planning to", "was expected to"
    }
    if matches!(word, "is" | "are" | "am") && next == Some("to") {
        return Some(Tense::Future); // "is to resume"
    }
    if word == "early" && before(1) == Some("as") && next == Some("as") {
        return Some(Tense::Future); // "as early as Tuesday"
    }
    let tense = if FUTURE_BEFORE_TO.contains(&word) {
        if !matches!(next, Some("to" | "for")) {
            return None;
        }
        Tense::Future
    } else {
        marker(word)?
    };
    match tense {
        Tense::Future => {
            // "had been due to expire": a plan that lay in the past
            let pluperfect =
                before(1) == Some("had") || (before(1) == Some("been") && before(2) == Some("had"));
            Some(if pluperfect {
                Tense::Past
            } else {
                Tense::Future
            })
        }
        Tense::Past if AUXILIARY_PAST.contains(&word) => Some(Tense::Past),
        _ => {
            let before = before(1).unwrap_or("");
            let adjective = word.ends_with("ed") && DETERMINERS.contains(&before);
            (!NON_FINITE_BEFORE.contains(&before) && !adjective).then_some(tense)
        }
    }
}

fn marker(word: &str) -> Option<Tense> {
    if FUTURE.contains(&word) {
        return Some(Tense::Future);
    }
    if PAST.contains(&word) {
        return Some(Tense::Past);
    }
    if word.len() > 4 && word.ends_with("ed") && !NOT_PAST.contains(&word) {
        return Some(Tense::Past);
    }
    None
}

/// The tense nearest to tokens `start..end`, looking up to `window` tokens either side
/// within the sentence.
pub fn tense_around(tokens: &[Tok], start: usize, end: usize, window: usize) -> Tense {
    let mut left = None;
    let mut i = start;
    let mut distance = 0;
    while i > 0 && distance < window {
        i -= 1;
        distance += 1;
        let tok = &tokens[i];
        if tok.ends_sentence() {
            break;
        }
        if let Some(t) = marker_at(tokens, i) {
            left = Some((distance, t));
            break;
        }
        if tok.after_newline {
            break;
        }
    }
    let mut right = None;
    let mut j = end;
    distance = 0;
    while j < tokens.len() && distance < window {
        let tok = &tokens[j];
        distance += 1;
        if tok.ends_sentence() || (tok.after_newline && j > end) {
            break;
        }
        if let Some(t) = marker_at(tokens, j) {
            right = Some((distance, t, REPORTING.contains(&tok.lower.as_str())));
            break;
        }
        j += 1;
    }
    match (left, right) {
        // "… will leave at 4 a.m. Thursday, Castro said": the attribution after the
        // expression gives way to the clause the expression belongs to
        (Some((_, tl)), Some((_, _, true))) => tl,
        (Some((dl, tl)), Some((dr, tr, _))) => {
            if dl <= dr {
                tl
            } else {
                tr
            }
        }
        (Some((_, t)), None) | (None, Some((_, t, _))) => t,
        (None, None) => Tense::Unknown,
    }
}
