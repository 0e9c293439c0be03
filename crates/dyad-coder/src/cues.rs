//! Cues: the words a lexicon row needs near its trigger ("close … airspace"), looked for in
//! the trigger's clause, a quoted message after a colon included.

use crate::clause::SentenceWords;
use crate::lexicon::Rule;
use crate::modality::is_parsed;
use crate::participants::has_subject;
use crate::tree::{has_dependent, has_dependent_among};

/// The length of the longest cue of `rule` found in the clause around `first..end` and
/// where it starts (0 and `None` when the rule needs none), or `None` when a needed cue is
/// missing.
pub(crate) fn cue_matches(
    words: &SentenceWords,
    tokens: &[dyad_types::Token],
    first: usize,
    end: usize,
    rule: &Rule,
) -> Option<(usize, Option<usize>)> {
    if rule.cues.is_empty() {
        return Some((0, None));
    }
    let clause_end = words
        .clause_end(end)
        .min(quoted_content_end(words, end).max(end + 16));
    let clause_start = first.saturating_sub(12);
    rule.cues
        .iter()
        .filter_map(|cue| {
            let mut range = if cue.before {
                clause_start..first
            } else {
                end..clause_end
            };
            range
                .find(|&i| {
                    words.phrase_at(i, &cue.words)
                        && (cue.words.len() > 1
                            || (preposition_attached(tokens, i, first..end)
                                && !inside_name(tokens, i)))
                        && !first_person_deed(words, tokens, i)
                        && !(cue.words.len() > 1
                            && cue.words[0] == "to"
                            && infinitive_of_object(tokens, i, end))
                        && (!cue.acted_on || acted_on(tokens, i, first..end))
                })
                .map(|at| (cue.words.len(), Some(at)))
        })
        .max_by_key(|(len, _)| *len)
}

/// Whether the infinitive whose `to` is at `to` follows a noun the trigger (ending at `end`)
/// acts on ("refusing his pleas to discuss the issue", "declined requests to comment"): that
/// noun's, not the trigger's ("refused to discuss").
fn infinitive_of_object(tokens: &[dyad_types::Token], to: usize, end: usize) -> bool {
    is_parsed(tokens)
        && (end..to.min(tokens.len()))
            .any(|i| matches!(tokens[i].upos.as_str(), "NOUN" | "PROPN" | "PRON"))
}

/// Prepositions of an oblique that tells when, where or amid what something happened.
const ADJUNCT_CASES: &[&str] = &[
    "amid",
    "amidst",
    "despite",
    "after",
    "before",
    "during",
    "since",
    "until",
    "in",
    "at",
    "near",
    "following",
    "ahead",
];

/// Whether word `at` names what the trigger acts on: it heads the trigger's object or
/// oblique, or lies inside one through `of` phrases and coordination ("met all of its
/// promises", "met the targets and deadlines"). A sentence without a parse always does.
fn acted_on(tokens: &[dyad_types::Token], at: usize, trigger: std::ops::Range<usize>) -> bool {
    if !is_parsed(tokens) {
        return true;
    }
    let mut word = at;
    for _ in 0..tokens.len() {
        let Some(token) = tokens.get(word) else {
            return false;
        };
        let Some(head) = token.head.filter(|&h| h != word) else {
            return false;
        };
        if trigger.contains(&head) {
            // An oblique of time, place or circumstance is no part of the act ("met Mr
            // Yushchenko amid growing criticism").
            let adjunct = has_dependent_among(tokens, word, "case", ADJUNCT_CASES);
            return matches!(token.deprel.as_str(), "obj" | "iobj" | "nsubj:pass")
                || (token.deprel.starts_with("obl") && !adjunct);
        }
        // A modifier of the noun acted on is not what it names ("met opposition leaders"),
        // nor is what it is about ("attacked the government's record on poverty").
        let of_phrase = token.deprel == "nmod"
            && !(0..tokens.len()).any(|i| {
                tokens[i].head == Some(word)
                    && tokens[i].deprel == "case"
                    && !tokens[i].lemma.eq_ignore_ascii_case("of")
            });
        if !(of_phrase || token.deprel == "conj") {
            return false;
        }
        word = head;
    }
    false
}

/// Whether word `at` is a later word of a name ("agreed to instruct the International
/// Monetary Fund": no funding): a one-word cue is a common word, not part of a name.
fn inside_name(tokens: &[dyad_types::Token], at: usize) -> bool {
    let proper = |i: usize| tokens.get(i).is_some_and(|t| t.xpos.starts_with("NNP"));
    at > 0 && proper(at) && proper(at - 1)
}

/// Whether word `at` is a deed the speaker tells of as their own ("told the BBC: \"The
/// reason why I am resigning …\""): no cue for what the speaker asks of others.
fn first_person_deed(words: &SentenceWords, tokens: &[dyad_types::Token], at: usize) -> bool {
    (0..tokens.len().min(words.len())).any(|i| {
        tokens[i].head == Some(at)
            && tokens[i].deprel.starts_with("nsubj")
            && matches!(words.lower[i].as_str(), "i" | "we")
    })
}

/// Whether a preposition at word `at` belongs to the trigger at `trigger`: the phrase it
/// introduces hangs on the trigger ("insisted on a vote", "called on Russia"), not on a word
/// of a clause inside it ("insisted the vote was on Friday", "insisted he was on course to
/// …"). Words that are no preposition, and words of a sentence without a parse, always do.
fn preposition_attached(
    tokens: &[dyad_types::Token],
    at: usize,
    trigger: std::ops::Range<usize>,
) -> bool {
    // A preposition the tagger took for a conjunction counts as one ("the final say on
    // whether …").
    let Some(token) = tokens.get(at).filter(|t| {
        t.upos == "ADP"
            || (t.upos == "SCONJ"
                && matches!(
                    t.lemma.to_lowercase().as_str(),
                    "on" | "upon" | "about" | "over" | "against" | "for" | "with" | "of"
                ))
    }) else {
        return true;
    };
    let Some(phrase) = token.head.filter(|&h| h < tokens.len()) else {
        return true;
    };
    // "insisted on being consulted" introduces a clause of the trigger's; "insisted he was on
    // course to …" one with a subject of its own.
    // A "for … to" clause is the trigger's own complement, its subject and all ("appealed
    // for the weapons inspectors to be given more time").
    let for_to = token.lemma.eq_ignore_ascii_case("for")
        && has_dependent(tokens, phrase, "mark", Some("to"));
    let own_subject = token.deprel == "mark" && has_subject(tokens, phrase) && !for_to;
    !own_subject
        && (trigger.contains(&phrase) || tokens[phrase].head.is_some_and(|h| trigger.contains(&h)))
}

/// Where a quotation introduced by a colon soon after word `end` closes ("gave Maduro a
/// clear message: “… you must leave the country now.”"): the message's words are the
/// trigger's clause too; `end` when there is none.
pub(crate) fn quoted_content_end(words: &SentenceWords, end: usize) -> usize {
    let Some(colon) = (end..words.len().min(end + 8)).find(|&i| words.lower[i] == ":") else {
        return end;
    };
    let opens = |w: &str| matches!(w, "\u{201c}" | "\"");
    if !words.lower.get(colon + 1).is_some_and(|w| opens(w)) {
        return end;
    }
    (colon + 2..words.len().min(colon + 48))
        .find(|&i| matches!(words.lower[i].as_str(), "\u{201d}" | "\""))
        .unwrap_or(end)
}
