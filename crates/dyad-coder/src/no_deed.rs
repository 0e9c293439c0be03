//! Trigger words that are no deed of their sentence: a name given ("called Labour a
//! machine"), half of a hyphenated word, what someone is urged, refused or has the right to
//! do, what a prospect or a question holds, an activity a reported statement is about, and
//! words whose part of speech rules a rule out.

use crate::lexicon::TriggerKind;
use crate::participants::{has_subject, reports};
use crate::tree::{first_conjunct, has_dependent, has_dependent_among, lemma_among, passive};

/// Whether a fallback-tier (verb) rule may trigger at word `i`: a word the tagger calls a
/// verb (participles used as adjectives are left to the main rules), and not a capitalised
/// word inside the sentence (a name: "United Nations").
pub(crate) fn fallback_allowed(texts: &[&str], tokens: &[dyad_types::Token], i: usize) -> bool {
    let verb = matches!(tokens[i].upos.as_str(), "" | "VERB");
    let capitalised = i > 0 && texts[i].chars().next().is_some_and(char::is_uppercase);
    verb && !capitalised
}

/// Verbs that ask or push someone else to act: their `to` complement is the act asked for,
/// not one done ("urged Livingstone to apologise" is an appeal, not an apology).
pub(crate) const DIRECTIVE_VERBS: &[&str] = &[
    "urge",
    "ask",
    "call",
    "tell",
    "press",
    "pressure",
    "encourage",
    "invite",
    "order",
    "demand",
    "request",
    "want",
    "appeal",
    "implore",
    "beg",
];

/// Verbs that refuse or fail to do what their `to` complement says.
const REFUSAL_VERBS: &[&str] = &["refuse", "decline", "fail"];

/// Nouns of a refusal whose `to` complement is what was refused ("refusal to accept").
const REFUSAL_NOUNS: &[&str] = &["refusal"];

/// Whether word `i` is "call" naming its object something ("called Labour a machine for
/// talking", "called the message a threat"): no appeal.
pub(crate) fn naming(tokens: &[dyad_types::Token], i: usize) -> bool {
    let child = |rel: &str, tags: &[&str]| {
        tokens
            .iter()
            .any(|t| t.head == Some(i) && t.deprel == rel && tags.contains(&t.upos.as_str()))
    };
    tokens
        .get(i)
        .is_some_and(|t| t.lemma.eq_ignore_ascii_case("call"))
        && child("obj", &["NOUN", "PROPN", "PRON"])
        && child("xcomp", &["NOUN", "PROPN", "ADJ"])
}

/// Whether word `i` is the second half of a hyphenated compound written as one word
/// ("internationally-agreed", "US-led"): a modifier, never a trigger.
pub(crate) fn hyphenated(texts: &[&str], tokens: &[dyad_types::Token], i: usize) -> bool {
    i >= 2
        && i < tokens.len()
        && texts[i - 1] == "-"
        && tokens[i - 2].end == tokens[i - 1].start
        && tokens[i - 1].end == tokens[i].start
}

/// Nouns of an appeal whose infinitive names what is asked for ("calls for X to resign").
const APPEAL_NOUNS: &[&str] = &["call", "demand", "appeal", "plea", "request", "pressure"];

/// Verbs of an appeal whose `for … to` clause names what is asked for ("called for him to
/// apologise").
const APPEAL_VERBS: &[&str] = &["call", "appeal", "press", "push", "campaign", "lobby"];

/// Whether the verb at word `h` has an appeal noun for its object ("renewed its call").
fn appeal_object(tokens: &[dyad_types::Token], h: usize) -> bool {
    tokens.iter().any(|t| {
        t.head == Some(h)
            && t.deprel == "obj"
            && APPEAL_NOUNS.iter().any(|n| t.lemma.eq_ignore_ascii_case(n))
    })
}

/// Whether the noun at word `i` is the object of what someone refused or failed to do
/// ("refused to order a full inquiry", "the government's refusal to order an inquiry"): the
/// refusal is the event; no inquiry was ordered.
pub(crate) fn refused_object(tokens: &[dyad_types::Token], i: usize) -> bool {
    let Some(verb) = tokens
        .get(i)
        .filter(|t| t.upos == "NOUN" && t.deprel == "obj")
        .and_then(|t| t.head)
    else {
        return false;
    };
    has_dependent(tokens, verb, "mark", Some("to"))
        && tokens[verb]
            .head
            .filter(|&h| h != verb && h < tokens.len())
            .is_some_and(|h| refusal(&tokens[h]))
}

/// Whether `t` refuses or fails ("refused", "failed", "the refusal"): what its `to`
/// infinitive says was not done.
pub(crate) fn refusal(t: &dyad_types::Token) -> bool {
    (t.upos == "VERB" && lemma_among(t, REFUSAL_VERBS))
        || (t.upos == "NOUN" && lemma_among(t, REFUSAL_NOUNS))
}

/// Whether the verb at word `i` is the `to` infinitive of an appeal noun, of a refusal verb
/// or noun, or of a directive verb governing it that addresses someone else (it has an
/// object, or the infinitive hangs from that object: "urged the mayor to apologise" parsed
/// either way). "Wants to join" is the actor's own intent, left to the mode.
pub(crate) fn directed_complement(tokens: &[dyad_types::Token], i: usize) -> bool {
    // A later conjunct shares the first one's `to` ("called on the government to free or
    // charge the men").
    let i = first_conjunct(tokens, i);
    if !has_dependent(tokens, i, "mark", Some("to")) {
        return false;
    }
    // "repeated calls for the mayor to apologise", "called for the mayor to resign", parsed
    // with the `for … to` clause under the verb: what the appeal asks for is no act.
    if has_dependent(tokens, i, "mark", Some("for")) {
        if let Some(h) = tokens[i].head.filter(|&h| h < tokens.len()) {
            let appeal_verb = APPEAL_VERBS
                .iter()
                .any(|v| tokens[h].lemma.eq_ignore_ascii_case(v));
            if appeal_object(tokens, h) || appeal_verb {
                return true;
            }
        }
    }
    let mut at = i;
    for _ in 0..2 {
        match tokens[at].head {
            Some(h) if h != at && h < tokens.len() => at = h,
            _ => return false,
        }
        let t = &tokens[at];
        let is = |verbs: &[&str]| verbs.iter().any(|v| t.lemma.eq_ignore_ascii_case(v));
        // "repeated calls for the mayor to apologise": what an appeal asks for is no act.
        if t.upos == "NOUN" && is(APPEAL_NOUNS) {
            return true;
        }
        // "Mr Blair's refusal to accept the proposals", "refused to apologise": the refusal
        // is the event.
        if refusal(t) {
            return true;
        }
        if t.upos != "VERB" {
            continue;
        }
        // "renewed its call for Israel to ease restrictions", the infinitive parsed under
        // the verb whose object is the appeal.
        if appeal_object(tokens, at) {
            return true;
        }
        // (A verb that makes someone act, "forced Mr Blunkett to resign", is no directive:
        // he did resign.)
        if is(DIRECTIVE_VERBS) {
            // "were later ordered back to seize the documents", "was asked to resign": the
            // passive's subject is the one addressed.
            if passive(tokens, at) {
                return true;
            }
            // "urged Iran to …", and "called on Russia to …" or "called for the mayor to
            // …" with its `on` or `for` phrase.
            return tokens.iter().enumerate().any(|(k, c)| {
                c.head == Some(at)
                    && (matches!(c.deprel.as_str(), "obj" | "iobj")
                        || (c.deprel == "obl"
                            && tokens.iter().any(|p| {
                                p.head == Some(k)
                                    && p.deprel == "case"
                                    && ["on", "upon", "for"]
                                        .iter()
                                        .any(|w| p.lemma.eq_ignore_ascii_case(w))
                            })))
            });
        }
        // A clause of its own (a nested verb) ends the climb.
        return false;
    }
    false
}

/// Whether the verb at `verb` is a subjunctive: a bare base form with a singular subject of
/// its own and no auxiliary ("its demand that Israel ease restrictions", "insisted that he
/// resign"), what someone asks to be done, not what was.
pub(crate) fn subjunctive(tokens: &[dyad_types::Token], verb: usize) -> bool {
    let Some(t) = tokens.get(verb) else {
        return false;
    };
    let singular = |s: usize| {
        let subject = &tokens[s];
        (matches!(subject.xpos.as_str(), "NN" | "NNP")
            || (subject.xpos == "PRP" && lemma_among(subject, &["he", "she", "it"])))
            && !tokens
                .iter()
                .any(|c| c.head == Some(s) && c.deprel == "conj")
    };
    t.xpos == "VB"
        && t.deprel != "root"
        && !tokens.iter().any(|c| {
            c.head == Some(verb)
                && (c.deprel.starts_with("aux") || (c.deprel == "mark" && c.lemma == "to"))
        })
        && (0..tokens.len())
            .any(|s| tokens[s].head == Some(verb) && tokens[s].deprel == "nsubj" && singular(s))
}

/// Verbs that make their object, or their passive subject, do what their `to` complement
/// says: the act was done ("forced Mr Blunkett to resign", "was forced to resign",
/// "prompting unions to threaten united action").
pub(crate) const COMPELLING_VERBS: &[&str] = &[
    "force", "compel", "oblige", "prompt", "persuade", "convince", "spur", "provoke", "drive",
    "lead",
];

/// Adjectives that judge an act in general ("it was fair to criticise", "it is impossible to
/// demand"), as against those of a will or an ability ("it is willing to withdraw").
const JUDGING_ADJECTIVES: &[&str] = &[
    "fair",
    "unfair",
    "right",
    "wrong",
    "possible",
    "impossible",
    "pointless",
    "easy",
    "hard",
    "difficult",
    "important",
    "necessary",
    "unnecessary",
    "essential",
    "vital",
    "good",
    "bad",
    "better",
    "best",
    "worse",
    "wise",
    "unwise",
    "reasonable",
    "unreasonable",
    "legitimate",
    "absurd",
    "ridiculous",
    "premature",
    "sensible",
    "foolish",
    "dangerous",
    "acceptable",
    "unacceptable",
    "appropriate",
    "inappropriate",
    "useful",
    "helpful",
    "silly",
    "naive",
];

/// Whether the verb at `verb` is an infinitive nobody does, said of "it" ("it was fair to
/// criticise the timing", "it is impossible to come here and demand money"): a judgement of
/// an act in general, no deed. A later conjunct shares its first conjunct's `to`.
pub(crate) fn impersonal_infinitive(tokens: &[dyad_types::Token], verb: usize) -> bool {
    let i = first_conjunct(tokens, verb);
    if !has_dependent(tokens, i, "mark", Some("to")) {
        return false;
    }
    let Some(h) = tokens[i].head.filter(|&h| h != i && h < tokens.len()) else {
        return false;
    };
    // Said of "it" (the parser calls even "Syria says it is willing to withdraw" an
    // expletive): only adjectives that judge an act, not the will or the ability of "it".
    tokens[h].upos == "ADJ"
        && lemma_among(&tokens[h], JUDGING_ADJECTIVES)
        && tokens.iter().any(|t| {
            t.head == Some(h)
                && (t.deprel == "expl" || t.deprel.starts_with("nsubj"))
                && t.lemma.eq_ignore_ascii_case("it")
        })
}

/// Whether the tagger's part of speech (if any) allows a trigger of `kind` at word `i`.
/// A word whose fine tag is a noun's is no verb, whatever its coarse tag ("via press
/// release" tagged `VERB`/`NN`).
pub(crate) fn pos_allows(
    tokens: &[dyad_types::Token],
    lower: &str,
    i: usize,
    kind: TriggerKind,
) -> bool {
    let upos = tokens[i].upos.as_str();
    let noun_tag = tokens[i].xpos.starts_with("NN");
    match (upos, kind) {
        ("", _) => true,
        // A present participle used as an adjective names a kind, not a deed ("a rallying
        // call to the party").
        ("VERB" | "AUX", TriggerKind::Verb) => {
            let adjectival_participle = tokens[i].xpos == "VBG" && tokens[i].deprel == "amod";
            // "the accused should be presumed innocent", "the detained": a participle after
            // "the" as a subject or object names people, not a deed.
            let nominal_participle = matches!(tokens[i].xpos.as_str(), "VBN" | "VBD")
                && (tokens[i].deprel.starts_with("nsubj") || tokens[i].deprel == "obj")
                && i.checked_sub(1)
                    .is_some_and(|k| tokens[k].lemma.eq_ignore_ascii_case("the"));
            !(noun_tag || adjectival_participle || nominal_participle)
        }
        ("NOUN" | "PROPN", TriggerKind::Noun) => true,
        // Participles used as adjectives ("closed in its entirety") and verbs read as
        // adjectives before an infinitive ("are promising to raise"), not adjectives that
        // share a verb's form ("free care", "a promising start", "welcome news").
        ("ADJ", TriggerKind::Verb) => {
            !lower.eq_ignore_ascii_case(&tokens[i].lemma)
                || tokens.get(i + 1).is_some_and(|t| t.xpos == "TO")
        }
        _ => false,
    }
}

/// Nouns naming what someone may do, whose infinitive is no deed ("the right to protest").
const CAPACITY_NOUNS: &[&str] = &[
    "right",
    "duty",
    "obligation",
    "freedom",
    "liberty",
    "ability",
    "power",
    "permission",
    "licence",
    "license",
    "authority",
    "opportunity",
    "chance",
];

/// Words of how much someone has to give, whose infinitive is no deed ("had an immense amount
/// to offer the country", "has nothing to hide").
const STOCK_WORDS: &[&str] = &[
    "amount",
    "lot",
    "deal",
    "plenty",
    "much",
    "little",
    "nothing",
    "something",
    "anything",
];

/// Predicates of a right held, whose infinitive is no deed ("entitled to complain").
const CAPACITY_PREDICATES: &[&str] = &["entitle", "entitled", "free", "eligible"];

/// Whether the verb at `verb` is the infinitive of a capacity noun ("had a right to
/// criticise", "the freedom to protest") or of a stock held ("a lot to offer").
pub(crate) fn capacity_infinitive(tokens: &[dyad_types::Token], verb: usize) -> bool {
    let Some(t) = tokens.get(verb) else {
        return false;
    };
    // Right after "rights to", however the parse hung it ("curbing of rights to protest").
    // A noun: "was right to reject the plan" judges a deed done.
    // An opportunity taken is a deed done ("took the opportunity to attack").
    let taken = |n: usize| {
        tokens[n].deprel == "obj"
            && tokens[n]
                .head
                .and_then(|v| tokens.get(v))
                .is_some_and(|v| lemma_among(v, TAKING_VERBS))
    };
    let capacity = |n: usize| {
        let t = &tokens[n];
        (t.upos == "NOUN" && lemma_among(t, CAPACITY_NOUNS) && !taken(n))
            || lemma_among(t, STOCK_WORDS)
    };
    if verb >= 2 && tokens[verb - 1].lemma.eq_ignore_ascii_case("to") && capacity(verb - 2) {
        return true;
    }
    // "MPs were entitled to complain", "are free to leave": a right held, no deed.
    let entitled = |h: &dyad_types::Token| lemma_among(h, CAPACITY_PREDICATES);
    (t.deprel == "acl" && t.head.filter(|&h| h < tokens.len()).is_some_and(capacity)
        || t.deprel == "xcomp" && t.head.and_then(|h| tokens.get(h)).is_some_and(entitled))
        && has_dependent(tokens, verb, "mark", Some("to"))
}

/// Verbs whose object, an opportunity or a chance, is taken up.
const TAKING_VERBS: &[&str] = &["take", "seize", "use", "grasp", "grab"];

/// Nouns of what may or may not come, whose "of" gerund is no deed ("little prospect of
/// America agreeing to cut emissions").
const PROSPECT_NOUNS: &[&str] = &[
    "prospect",
    "likelihood",
    "possibility",
    "hope",
    "chance",
    "risk",
    "danger",
    "fear",
    "idea",
];

/// Whether the gerund at `verb` is what a prospect noun's "of" phrase holds, its doer between
/// ("the prospect of America agreeing", "the chance of winning").
pub(crate) fn prospect_gerund(tokens: &[dyad_types::Token], verb: usize) -> bool {
    if tokens.get(verb).is_none_or(|t| t.xpos != "VBG") {
        return false;
    }
    let mut i = verb;
    while i > 0 && verb - i < 5 {
        i -= 1;
        let t = &tokens[i];
        if t.lemma.eq_ignore_ascii_case("of") {
            // Past a closing quotation mark ("little prospect" of …).
            let noun = tokens[..i].iter().rev().find(|n| n.upos != "PUNCT");
            return noun.is_some_and(|n| n.upos == "NOUN" && lemma_among(n, PROSPECT_NOUNS));
        }
        if !matches!(t.upos.as_str(), "PROPN" | "NOUN" | "DET" | "PRON" | "ADJ") {
            return false;
        }
    }
    false
}

/// Whether the verb at `verb` is what a question asks ("asked whether he would welcome …").
pub(crate) fn asked_about(tokens: &[dyad_types::Token], verb: usize) -> bool {
    let Some(t) = tokens.get(verb) else {
        return false;
    };
    t.deprel == "ccomp"
        && t.head
            .and_then(|h| tokens.get(h))
            .is_some_and(|h| lemma_among(h, &["ask", "wonder", "enquire", "inquire", "question"]))
        && has_dependent_among(tokens, verb, "mark", &["if", "whether"])
}

/// Whether the gerund at `verb` opens a sentence whose statement a reporting clause at its
/// end attributes ("Detaining foreign terrorist suspects without trial breaks human rights
/// laws, the UK's highest court has ruled"): an activity the statement is about, not a deed
/// of the one reporting. Not a participle whose doer is the main clause's subject
/// ("Defending the plans, he told Today: …").
pub(crate) fn reported_activity(tokens: &[dyad_types::Token], verb: usize) -> bool {
    let Some(t) = tokens.get(verb).filter(|t| t.xpos == "VBG") else {
        return false;
    };
    let Some(report) = t.head.filter(|&h| h > verb) else {
        return false;
    };
    let opens = tokens[..verb].iter().all(|p| p.upos == "PUNCT");
    let closing = tokens[report + 1..].iter().all(|p| p.upos == "PUNCT");
    opens
        && closing
        && (reports(&tokens[report]) || tokens[report].lemma.eq_ignore_ascii_case("rule"))
        && !has_subject(tokens, verb)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_rows::parsed;
    use dyad_types::Token;

    #[test]
    fn a_gerund_after_a_prospect_noun_is_no_deed() {
        // '"little prospect" of America agreeing'
        let rows = [
            ("little", "ADJ", "JJ", "little", 2, "amod"),
            ("prospect", "NOUN", "NN", "prospect", 0, "root"),
            ("\"", "PUNCT", "''", "\"", 2, "punct"),
            ("of", "ADP", "IN", "of", 6, "mark"),
            ("America", "PROPN", "NNP", "America", 6, "nsubj"),
            ("agreeing", "VERB", "VBG", "agree", 2, "acl"),
        ];
        let tokens = crate::test_rows::tokens_from_rows(&rows);
        assert!(prospect_gerund(&tokens, 5));
        // "accused of agreeing": no prospect.
        let mut accused = rows;
        accused[1] = ("accused", "VERB", "VBN", "accuse", 0, "root");
        let tokens = crate::test_rows::tokens_from_rows(&accused);
        assert!(!prospect_gerund(&tokens, 5));
    }

    #[test]
    fn calling_something_a_name_is_no_appeal() {
        let (_, tokens) = parsed(&[
            ("Letwin", "PROPN", "NNP", "Letwin", 2, "nsubj"),
            ("called", "VERB", "VBD", "call", 0, "root"),
            ("Labour", "PROPN", "NNP", "Labour", 2, "obj"),
            ("a", "DET", "DT", "a", 5, "det"),
            ("machine", "NOUN", "NN", "machine", 2, "xcomp"),
        ]);
        assert!(naming(&tokens, 1));
        let (_, tokens) = parsed(&[
            ("France", "PROPN", "NNP", "France", 2, "nsubj"),
            ("called", "VERB", "VBD", "call", 0, "root"),
            ("for", "ADP", "IN", "for", 4, "case"),
            ("talks", "NOUN", "NNS", "talk", 2, "obl"),
        ]);
        assert!(!naming(&tokens, 1));
    }

    #[test]
    fn the_second_half_of_a_hyphenated_word_is_no_trigger() {
        // "internationally-agreed plan" against "they agreed - in the end"
        let joined = [(0, 15), (15, 16), (16, 22), (23, 27)].map(|(a, b)| Token::new(a, b));
        let texts = ["internationally", "-", "agreed", "plan"];
        assert!(hyphenated(&texts, &joined, 2));
        let spaced = [(0, 4), (5, 11), (12, 13), (14, 16)].map(|(a, b)| Token::new(a, b));
        assert!(!hyphenated(&["they", "agreed", "-", "in"], &spaced, 3));
        assert!(!hyphenated(&texts, &joined, 3));
    }

    #[test]
    fn the_infinitive_of_an_appeal_to_someone_is_not_coded() {
        // "Blair urged the mayor to apologise": the appeal, not an apology.
        let (_, tokens) = parsed(&[
            ("Blair", "PROPN", "NNP", "Blair", 2, "nsubj"),
            ("urged", "VERB", "VBD", "urge", 0, "root"),
            ("the", "DET", "DT", "the", 4, "det"),
            ("mayor", "NOUN", "NN", "mayor", 2, "obj"),
            ("to", "PART", "TO", "to", 6, "mark"),
            ("apologise", "VERB", "VB", "apologise", 4, "acl"),
        ]);
        assert!(directed_complement(&tokens, 5));
        assert!(!directed_complement(&tokens, 1));
        // "France called on Russia to condemn the attack": Russia is asked to.
        let (_, tokens) = parsed(&[
            ("France", "PROPN", "NNP", "France", 2, "nsubj"),
            ("called", "VERB", "VBD", "call", 0, "root"),
            ("on", "ADP", "IN", "on", 4, "case"),
            ("Russia", "PROPN", "NNP", "Russia", 2, "obl"),
            ("to", "PART", "TO", "to", 6, "mark"),
            ("condemn", "VERB", "VB", "condemn", 2, "advcl"),
        ]);
        assert!(directed_complement(&tokens, 5));
        // "urged the mayor to resign or apologise": the second conjunct shares the `to`.
        let (_, tokens) = parsed(&[
            ("Blair", "PROPN", "NNP", "Blair", 2, "nsubj"),
            ("urged", "VERB", "VBD", "urge", 0, "root"),
            ("the", "DET", "DT", "the", 4, "det"),
            ("mayor", "NOUN", "NN", "mayor", 2, "obj"),
            ("to", "PART", "TO", "to", 6, "mark"),
            ("resign", "VERB", "VB", "resign", 2, "xcomp"),
            ("or", "CCONJ", "CC", "or", 8, "cc"),
            ("apologise", "VERB", "VB", "apologise", 6, "conj"),
        ]);
        assert!(directed_complement(&tokens, 7));
        // "Russia wants to join talks": its own intent.
        let (_, tokens) = parsed(&[
            ("Russia", "PROPN", "NNP", "Russia", 2, "nsubj"),
            ("wants", "VERB", "VBZ", "want", 0, "root"),
            ("to", "PART", "TO", "to", 4, "mark"),
            ("join", "VERB", "VB", "join", 2, "xcomp"),
        ]);
        assert!(!directed_complement(&tokens, 3));
        // "he refused to apologise": a refusal, not an apology.
        let (_, tokens) = parsed(&[
            ("he", "PRON", "PRP", "he", 2, "nsubj"),
            ("refused", "VERB", "VBD", "refuse", 0, "root"),
            ("to", "PART", "TO", "to", 4, "mark"),
            ("apologise", "VERB", "VB", "apologise", 2, "xcomp"),
        ]);
        assert!(directed_complement(&tokens, 3));
        // "his refusal to accept the plan": a refusal, not an acceptance.
        let (_, tokens) = parsed(&[
            ("his", "PRON", "PRP$", "he", 2, "nmod:poss"),
            ("refusal", "NOUN", "NN", "refusal", 0, "root"),
            ("to", "PART", "TO", "to", 4, "mark"),
            ("accept", "VERB", "VB", "accept", 2, "acl"),
            ("the", "DET", "DT", "the", 6, "det"),
            ("plan", "NOUN", "NN", "plan", 4, "obj"),
        ]);
        assert!(directed_complement(&tokens, 3));
        // "she joined the calls for him to resign": what the calls ask for.
        let (_, tokens) = parsed(&[
            ("she", "PRON", "PRP", "she", 2, "nsubj"),
            ("joined", "VERB", "VBD", "join", 0, "root"),
            ("the", "DET", "DT", "the", 4, "det"),
            ("calls", "NOUN", "NNS", "call", 2, "obj"),
            ("for", "SCONJ", "IN", "for", 8, "mark"),
            ("him", "PRON", "PRP", "he", 8, "nsubj"),
            ("to", "PART", "TO", "to", 8, "mark"),
            ("resign", "VERB", "VB", "resign", 4, "acl"),
        ]);
        assert!(directed_complement(&tokens, 7));
    }
}
