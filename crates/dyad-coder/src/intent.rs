//! Announced deeds: CAMEO codes an actor's announcement of a future cooperative deed as an
//! intent (03: "Finland will give Tanzania a grant", "said it would allow the inspectors
//! back") and of a future conflictual deed as a threat (13: "said they would boycott all
//! contact", "will withdraw its force unless …"), not as the deed itself. Where the actor
//! is seen announcing it ("offered to send", "said it would allow"), the intent or threat
//! is a deed done ([`announcer`]).
use dyad_types::Token;

use crate::modality::CONDITIONAL_MARKS;
use crate::tree::{has_dependent, has_dependent_among, lemma_among};

/// Verbal cooperation (CAMEO 052 defend verbally, 055 apologise, 056 forgive): aimed at no
/// one, it has no announcement code of its own ("is likely to defend his party's plans",
/// "will apologise"); aimed at an actor, it may be a promise ("to help defend Saudi Arabia").
/// A future endorsement, 051, is an intent to support (032) either way.
const WORDS_OF_SUPPORT: &[&str] = &["052", "055", "056"];

/// The intent (03x) or threat (13x) code for an announced deed coded `code`, aimed at an
/// actor or not, or `None` when CAMEO has no announcement code for the deed's category
/// (statements, words of support aimed at no one, appeals, demands, rejections,
/// investigations, and intents and threats themselves).
pub fn announced_code(code: &str, aimed: bool) -> Option<&'static str> {
    if !aimed && WORDS_OF_SUPPORT.contains(&code) {
        return None;
    }
    Some(match code.get(..2)? {
        "04" => "036",
        "05" => "032",
        "06" => "031",
        "07" => "033",
        "08" => "035",
        "14" => "133",
        "16" => "131",
        "17" => "132",
        "15" | "18" | "19" | "20" => "138",
        _ => return None,
    })
}

/// Whether the deed at `i` is announced on a condition the other side must meet ("will
/// withdraw its force unless …"): then even a cooperative deed is a threat (CAMEO 130).
pub fn on_condition(tokens: &[Token], i: usize) -> bool {
    clause_marked(tokens, i, "unless")
}

/// Whether the verb at `i` is a deed offered or threatened on a condition ("would meet the
/// mediator if he gave them a veto", "may halt mediation efforts if cooperation founders"):
/// a modal auxiliary and an `if` clause of its own.
pub fn on_if(tokens: &[Token], i: usize) -> bool {
    has_dependent_among(
        tokens,
        i,
        "aux",
        &["would", "'d", "will", "'ll", "may", "might", "could"],
    ) && clause_marked(tokens, i, "if")
}

/// Whether the verb at `i` is a possibility its reporter tells of ("has said the government
/// could give hundreds of millions in aid"): a modal of possibility on a clause reported
/// under a verb of saying.
pub fn possibility_reported(tokens: &[Token], i: usize) -> bool {
    const SAYING: &[&str] = &[
        "say", "announce", "state", "tell", "indicate", "suggest", "signal",
    ];
    tokens.get(i).is_some_and(|t| {
        t.deprel == "ccomp"
            && t.head
                .and_then(|h| tokens.get(h))
                .is_some_and(|h| SAYING.iter().any(|v| h.lemma.eq_ignore_ascii_case(v)))
    }) && has_dependent_among(tokens, i, "aux", &["could", "may", "might"])
        && !has_dependent_among(tokens, i, "mark", CONDITIONAL_MARKS)
}

/// Whether the verb at `i` is a future seen from the past ("said they would boycott"): it
/// has the auxiliary "would" and the sentence states no condition (no "if" anywhere, no
/// conditional subordinator on the verb).
pub fn future_in_past(tokens: &[Token], i: usize) -> bool {
    i < tokens.len()
        && has_dependent_among(tokens, i, "aux", &["would", "'d"])
        && !has_dependent_among(tokens, i, "mark", CONDITIONAL_MARKS)
        && !tokens.iter().any(|t| t.lemma.eq_ignore_ascii_case("if"))
}

/// Words by which an actor announces its own deed in an infinitive ("offered to send
/// troops", "vowed to retaliate", "agreed to release", "is prepared to lift the ban").
const ANNOUNCING_INFINITIVE: &[&str] = &[
    "offer",
    "promise",
    "pledge",
    "vow",
    "agree",
    "undertake",
    "threaten",
    "prepare",
    "willing",
    "ready",
];

/// Verbs by which an actor announces its own deed in a clause ("said it would allow the
/// inspectors back", "announced they would back the plans").
pub(crate) const ANNOUNCING_CLAUSE: &[&str] = &[
    "say", "announce", "declare", "state", "promise", "pledge", "vow", "insist", "confirm",
];

/// Pronouns by which an announcing actor names itself in its clause.
const SELF_PRONOUNS: &[&str] = &["i", "we", "he", "she", "it", "they"];

/// The word at which the actor of the deed at `i` announces it: the verb or adjective whose
/// infinitive the deed is ("Britain has offered to send …"), or the verb of saying whose
/// clause it is, told of the speaker by a pronoun ("Iraq said it would allow …"). CAMEO's
/// intents and threats (03, 13) are such announcements, so the event happened when the
/// announcing did. `None` for a deed predicted of another ("analysts said Iran would
/// strike").
pub fn announcer(tokens: &[Token], i: usize) -> Option<usize> {
    announcer_within(tokens, i, tokens.len())
}

/// Verbs of striving towards a deed, through which an announcement reaches it ("pledged to
/// work towards lifting the ban", "vowed to seek to end the blockade").
const STRIVING_VERBS: &[&str] = &["work", "strive", "seek", "try", "endeavour", "endeavor"];

/// [`announcer`], looking through at most `steps` verbs of striving.
fn announcer_within(tokens: &[Token], i: usize, steps: usize) -> Option<usize> {
    let deed = tokens.get(i)?;
    let h = deed.head?;
    let head = tokens.get(h)?;
    let subject = tokens
        .iter()
        .position(|t| t.head == Some(i) && t.deprel.starts_with("nsubj"));
    // A deed striven towards is announced with the striving.
    let striven = subject.is_none()
        && lemma_among(head, STRIVING_VERBS)
        && (deed.deprel == "xcomp"
            || (deed.deprel == "advcl"
                && has_dependent_among(tokens, i, "mark", &["towards", "toward"])));
    if striven && steps > 0 {
        return announcer_within(tokens, h, steps - 1);
    }
    let announced = match deed.deprel.as_str() {
        // "is prepared to lift": a readiness declared, not the preparing of a deed.
        "xcomp" if head.lemma.eq_ignore_ascii_case("prepare") => {
            subject.is_none() && matches!(head.xpos.as_str(), "VBN" | "JJ")
        }
        "xcomp" => subject.is_none() && lemma_among(head, ANNOUNCING_INFINITIVE),
        "ccomp" => {
            lemma_among(head, ANNOUNCING_CLAUSE)
                && subject.is_some_and(|s| lemma_among(&tokens[s], SELF_PRONOUNS))
        }
        _ => false,
    };
    announced.then_some(h)
}

/// Whether the verb at `i` has an adverbial clause opened by `mark` ("… unless they leave").
fn clause_marked(tokens: &[Token], i: usize, mark: &str) -> bool {
    tokens.iter().enumerate().any(|(c, t)| {
        t.head == Some(i) && t.deprel == "advcl" && has_dependent(tokens, c, "mark", Some(mark))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_rows::tokens_from_rows;

    #[test]
    fn cooperative_deeds_become_intents_and_conflictual_ones_threats() {
        assert_eq!(announced_code("073", true), Some("033"));
        assert_eq!(announced_code("0841", true), Some("035"));
        assert_eq!(announced_code("046", true), Some("036"));
        assert_eq!(announced_code("1712", true), Some("132"));
        assert_eq!(announced_code("191", true), Some("138"));
        assert_eq!(announced_code("163", true), Some("131"));
        // Statements, demands and threats keep their code.
        assert_eq!(announced_code("100", true), None);
        assert_eq!(announced_code("138", true), None);
        assert_eq!(announced_code("0", true), None);
        // Words of support aimed at no one too; aimed at an actor, they are a promise, and
        // an agreement to come is one either way.
        assert_eq!(announced_code("052", false), None);
        assert_eq!(announced_code("052", true), Some("032"));
        assert_eq!(announced_code("057", false), Some("032"));
    }

    #[test]
    fn an_actor_announces_its_own_deed_in_an_infinitive_or_a_clause_of_its_own() {
        let offered = [
            ("Japan", "PROPN", "NNP", "Japan", 3, "nsubj"),
            ("has", "AUX", "VBZ", "have", 3, "aux"),
            ("offered", "VERB", "VBN", "offer", 0, "root"),
            ("to", "PART", "TO", "to", 5, "mark"),
            ("send", "VERB", "VB", "send", 3, "xcomp"),
        ];
        assert_eq!(announcer(&tokens_from_rows(&offered), 4), Some(2));
        let said = [
            ("Iraq", "PROPN", "NNP", "Iraq", 2, "nsubj"),
            ("said", "VERB", "VBD", "say", 0, "root"),
            ("it", "PRON", "PRP", "it", 5, "nsubj"),
            ("would", "AUX", "MD", "would", 5, "aux"),
            ("allow", "VERB", "VB", "allow", 2, "ccomp"),
        ];
        assert_eq!(announcer(&tokens_from_rows(&said), 4), Some(1));
        let mut predicted = said;
        predicted[2] = ("Iran", "PROPN", "NNP", "Iran", 5, "nsubj");
        assert_eq!(announcer(&tokens_from_rows(&predicted), 4), None);
        // Declared ready, not preparing.
        let prepared = [
            ("Israel", "PROPN", "NNP", "Israel", 3, "nsubj:pass"),
            ("is", "AUX", "VBZ", "be", 3, "aux:pass"),
            ("prepared", "VERB", "VBN", "prepare", 0, "root"),
            ("to", "PART", "TO", "to", 5, "mark"),
            ("withdraw", "VERB", "VB", "withdraw", 3, "xcomp"),
        ];
        assert_eq!(announcer(&tokens_from_rows(&prepared), 4), Some(2));
        let mut preparing = prepared;
        preparing[2] = ("prepared", "VERB", "VBD", "prepare", 0, "root");
        assert_eq!(announcer(&tokens_from_rows(&preparing), 4), None);
    }

    #[test]
    fn a_deed_announced_unless_the_other_side_acts_is_conditional() {
        let rows = [
            ("they", "PRON", "PRP", "they", 3, "nsubj"),
            ("will", "AUX", "MD", "will", 3, "aux"),
            ("withdraw", "VERB", "VB", "withdraw", 0, "root"),
            ("unless", "SCONJ", "IN", "unless", 6, "mark"),
            ("talks", "NOUN", "NNS", "talk", 6, "nsubj"),
            ("resume", "VERB", "VBP", "resume", 3, "advcl"),
        ];
        let tokens = tokens_from_rows(&rows);
        assert!(on_condition(&tokens, 2));
        assert!(!on_condition(&tokens, 5));
    }

    #[test]
    fn would_under_a_statement_is_future_but_not_under_a_condition() {
        let said = [
            ("they", "PRON", "PRP", "they", 2, "nsubj"),
            ("said", "VERB", "VBD", "say", 0, "root"),
            ("they", "PRON", "PRP", "they", 5, "nsubj"),
            ("would", "AUX", "MD", "would", 5, "aux"),
            ("boycott", "VERB", "VB", "boycott", 2, "ccomp"),
            ("talks", "NOUN", "NNS", "talk", 5, "obj"),
        ];
        assert!(future_in_past(&tokens_from_rows(&said), 4));
        assert!(!future_in_past(&tokens_from_rows(&said), 1));
        let conditional = [
            ("they", "PRON", "PRP", "they", 3, "nsubj"),
            ("would", "AUX", "MD", "would", 3, "aux"),
            ("boycott", "VERB", "VB", "boycott", 0, "root"),
            ("if", "SCONJ", "IN", "if", 6, "mark"),
            ("it", "PRON", "PRP", "it", 6, "nsubj"),
            ("failed", "VERB", "VBD", "fail", 3, "advcl"),
        ];
        assert!(!future_in_past(&tokens_from_rows(&conditional), 2));
    }
}
