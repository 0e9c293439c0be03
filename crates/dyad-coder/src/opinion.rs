//! Opinions that an `opinion` lexicon row does not code: agreeing that something is so, or
//! agreeing with a statement, is a view, not an agreement between actors; warning that
//! something is so, with no one addressed, is a view, not a threat.

use dyad_types::Token;

/// Words an opinion verb's clausal complement needs to be an undertaking rather than a
/// statement of fact: "agreed that their countries should cooperate".
const UNDERTAKING_AUXILIARIES: &[&str] = &[
    "should", "would", "will", "shall", "must", "can", "could", "may", "might", "'ll", "'d",
];

/// Measures of the economy and the public purse: a modal clause of which they are the subject
/// forecasts, nobody undertakes it ("agreed public spending would increase more slowly").
const MEASURES: &[&str] = &[
    "spending",
    "tax",
    "taxes",
    "price",
    "prices",
    "cost",
    "costs",
    "growth",
    "inflation",
    "borrowing",
    "debt",
    "rate",
    "rates",
    "deficit",
    "revenue",
    "income",
    "unemployment",
    "economy",
    "figure",
    "figures",
    "number",
    "numbers",
];

/// Objects of "with", "on", "about" that stand for a statement, not an actor or a plan:
/// "agree with this", "agreed about what happened", "agree on one thing".
const STATEMENTS: &[&str] = &[
    "this",
    "that",
    "it",
    "what",
    "which",
    "everything",
    "something",
    "much",
    "most",
    "all",
    "thing",
    "point",
    "assessment",
    "analysis",
    "view",
    "sentiment",
    "description",
    "conclusion",
    "finding",
];

/// Whether the opinion verb at word `i` states a view: its clausal complement states a
/// fact (no modal, no `to`: "agreed the Act was discriminatory", "agreed it was of
/// concern"), or what it agrees with, on or about is a statement ("will agree with this").
pub(crate) fn states_a_view(tokens: &[Token], i: usize) -> bool {
    let children = |of: usize| {
        tokens
            .iter()
            .enumerate()
            .filter(move |(_, t)| t.head == Some(of))
    };
    // Told to someone ("warned the BBC that attacking him had brought it trouble"), it is
    // addressed to them, not a view.
    let addressed = children(i).any(|(_, t)| {
        matches!(t.deprel.as_str(), "obj" | "iobj") && matches!(t.upos.as_str(), "PROPN" | "PRON")
    });
    let fact = !addressed
        && children(i).any(|(c, t)| {
            // A copular clause the parse took for an object ("warned the party was the
            // real challenge") is the complement too.
            let copular_object = t.deprel == "obj" && children(c).any(|(_, a)| a.deprel == "cop");
            let finite_copula = children(c).any(|(_, a)| {
                a.deprel == "cop" && matches!(a.xpos.as_str(), "VBD" | "VBZ" | "VBP")
            });
            // So is a predicate with a finite copula that the parse hung from the verb,
            // leaving its subject as the object ("warned the picture was not as rosy").
            let copular_predicate = t.deprel == "xcomp" && finite_copula;
            // So is a subjectless copular predicate the parse joined to the verb, leaving
            // the complement's subject as the object ("agreed the 1701 Act of Settlement,
            // which governs the succession, was discriminatory"). With a conjunction it is
            // a second predicate of the subject ("agreed the deal and was pleased").
            let joined_predicate = t.deprel == "conj"
                && children(i).any(|(_, o)| o.deprel == "obj")
                && !children(c).any(|(_, a)| a.deprel.starts_with("nsubj") || a.deprel == "cc")
                && finite_copula;
            // A modal of the past perfect judges what was ("conceded his comments may
            // have been offensive"): no undertaking.
            let perfect = children(c).any(|(_, a)| {
                a.deprel == "aux" && a.lemma.eq_ignore_ascii_case("have") && a.xpos == "VB"
            });
            // A forecast of a measure ("agreed public spending would increase") is a view
            // whatever its modal.
            let forecast = t.deprel == "ccomp"
                && children(c).any(|(_, a)| {
                    a.deprel == "nsubj"
                        && a.upos == "NOUN"
                        && MEASURES.iter().any(|m| a.lemma.eq_ignore_ascii_case(m))
                });
            let undertaking = children(c).any(|(_, a)| {
                (matches!(a.deprel.as_str(), "aux" | "aux:pass")
                    && !perfect
                    && UNDERTAKING_AUXILIARIES
                        .iter()
                        .any(|m| a.lemma.eq_ignore_ascii_case(m)))
                    || (a.deprel == "mark" && a.lemma.eq_ignore_ascii_case("to"))
            });
            let complement =
                t.deprel == "ccomp" || copular_object || copular_predicate || joined_predicate;
            forecast || (complement && !undertaking)
        });
    let statement = children(i).any(|(c, t)| {
        t.deprel.starts_with("obl")
            && STATEMENTS.iter().any(|s| t.lemma.eq_ignore_ascii_case(s))
            && children(c).any(|(_, p)| {
                p.deprel == "case"
                    && ["with", "on", "about"]
                        .iter()
                        .any(|w| p.lemma.eq_ignore_ascii_case(w))
            })
    });
    // "did not agree with politicians who have objected": agreeing with someone, and with
    // nothing to do, no terms and no plan, is sharing their view.
    let with_someone = children(i).any(|(c, t)| {
        t.deprel.starts_with("obl")
            && matches!(t.upos.as_str(), "NOUN" | "PROPN" | "PRON")
            && !PLANS.iter().any(|p| t.lemma.eq_ignore_ascii_case(p))
            && children(c).any(|(_, p)| p.deprel == "case" && p.lemma.eq_ignore_ascii_case("with"))
            // What to do may hang from the one agreed with ("agreed with the minister to
            // cooperate").
            && !children(c).any(|(a, p)| {
                p.deprel == "acl"
                    && children(a).any(|(_, m)| m.deprel == "mark" && m.lemma.eq_ignore_ascii_case("to"))
            })
    });
    // A clause, however the parse hung it ("agreed with Ms Hutt that she would not be …"),
    // is something else.
    let nothing_else = !children(i).any(|(c, t)| {
        matches!(
            t.deprel.as_str(),
            "obj" | "iobj" | "xcomp" | "ccomp" | "advcl"
        ) || children(c).any(|(_, m)| {
            m.deprel == "mark"
                && ["that", "to"]
                    .iter()
                    .any(|w| m.lemma.eq_ignore_ascii_case(w))
        })
    });
    // "warned Mr Blair that the war could be illegal": a judgement of how a thing is or
    // would be, told to someone or not, is a view; not one of how they would be ("warned
    // them they would be sorry").
    let judgement = children(i).any(|(c, t)| {
        t.deprel == "ccomp"
            && matches!(t.upos.as_str(), "ADJ" | "NOUN")
            && children(c).any(|(_, a)| a.deprel == "cop")
            && children(c).any(|(_, s)| {
                s.deprel == "nsubj"
                    && !(s.upos == "PRON"
                        && PERSONAL.iter().any(|p| s.lemma.eq_ignore_ascii_case(p)))
            })
    });
    // "Mr Wallace agreed and said the figures …": one who agrees with nothing and no one
    // named shares the view just put; parties agreeing together ("the two sides agreed")
    // reach an agreement.
    let alone = tokens[i].lemma.eq_ignore_ascii_case("agree")
        && !children(i).any(|(_, t)| {
            t.deprel.starts_with("obl")
                || matches!(
                    t.deprel.as_str(),
                    "obj" | "iobj" | "xcomp" | "ccomp" | "advcl"
                )
        })
        && children(i).any(|(s, t)| {
            t.deprel == "nsubj"
                && matches!(t.xpos.as_str(), "NN" | "NNP" | "PRP")
                && !children(s).any(|(_, c)| c.deprel == "conj")
        });
    fact || judgement || statement || (with_someone && nothing_else) || alone
}

/// Pronouns for people: how they would be is about them ("they would be sorry").
const PERSONAL: &[&str] = &["I", "you", "he", "she", "we", "they"];

/// What one agrees with that is terms to act on, not a view ("agreed with the plans").
const PLANS: &[&str] = &[
    "plan",
    "proposal",
    "deal",
    "terms",
    "offer",
    "agreement",
    "arrangement",
    "timetable",
    "settlement",
    "compromise",
    "formula",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_rows::tokens_from_rows;

    #[test]
    fn agreeing_that_something_is_so_is_a_view() {
        // "The minister agreed the law was discriminatory."
        let tokens = tokens_from_rows(&[
            ("The", "DET", "DT", "the", 2, "det"),
            ("minister", "NOUN", "NN", "minister", 3, "nsubj"),
            ("agreed", "VERB", "VBD", "agree", 0, "root"),
            ("the", "DET", "DT", "the", 5, "det"),
            ("law", "NOUN", "NN", "law", 7, "nsubj"),
            ("was", "AUX", "VBD", "be", 7, "cop"),
            ("discriminatory", "ADJ", "JJ", "discriminatory", 3, "ccomp"),
        ]);
        assert!(states_a_view(&tokens, 2));
    }

    #[test]
    fn warning_that_something_is_so_is_a_view_whichever_way_the_parse_hangs_it() {
        // "The minister warned the picture was not rosy.", with "picture" as the object and
        // "rosy" as a predicate of the verb.
        let tokens = tokens_from_rows(&[
            ("The", "DET", "DT", "the", 2, "det"),
            ("minister", "NOUN", "NN", "minister", 3, "nsubj"),
            ("warned", "VERB", "VBD", "warn", 0, "root"),
            ("the", "DET", "DT", "the", 5, "det"),
            ("picture", "NOUN", "NN", "picture", 3, "obj"),
            ("was", "AUX", "VBD", "be", 8, "cop"),
            ("not", "PART", "RB", "not", 8, "advmod"),
            ("rosy", "ADJ", "JJ", "rosy", 3, "xcomp"),
        ]);
        assert!(states_a_view(&tokens, 2));
    }

    #[test]
    fn agreeing_that_something_is_so_is_a_view_when_the_parse_joins_the_predicate() {
        // "The minister agreed the Act, which governs it, was discriminatory.", with "Act" as
        // the object and "discriminatory" joined to the verb.
        let rows = [
            ("The", "DET", "DT", "the", 2, "det"),
            ("minister", "NOUN", "NN", "minister", 3, "nsubj"),
            ("agreed", "VERB", "VBD", "agree", 0, "root"),
            ("the", "DET", "DT", "the", 5, "det"),
            ("Act", "NOUN", "NN", "act", 3, "obj"),
            ("was", "AUX", "VBD", "be", 7, "cop"),
            ("discriminatory", "ADJ", "JJ", "discriminatory", 3, "conj"),
        ];
        assert!(states_a_view(&tokens_from_rows(&rows), 2));
        // "The minister agreed the deal and was pleased": a second predicate.
        let mut with_and = rows.to_vec();
        with_and.insert(5, ("and", "CCONJ", "CC", "and", 8, "cc"));
        with_and[6].4 = 8;
        with_and[7].0 = "pleased";
        assert!(!states_a_view(&tokens_from_rows(&with_and), 2));
    }

    #[test]
    fn agreeing_that_something_should_be_done_is_an_undertaking() {
        // "Officials agreed that their countries should cooperate."
        let tokens = tokens_from_rows(&[
            ("Officials", "NOUN", "NNS", "official", 2, "nsubj"),
            ("agreed", "VERB", "VBD", "agree", 0, "root"),
            ("that", "SCONJ", "IN", "that", 7, "mark"),
            ("their", "PRON", "PRP$", "their", 5, "nmod:poss"),
            ("countries", "NOUN", "NNS", "country", 7, "nsubj"),
            ("should", "AUX", "MD", "should", 7, "aux"),
            ("cooperate", "VERB", "VB", "cooperate", 2, "ccomp"),
        ]);
        assert!(!states_a_view(&tokens, 1));
    }

    #[test]
    fn agreeing_with_a_statement_is_a_view_and_with_a_plan_is_not() {
        // "The prime minister will agree with this."
        let tokens = tokens_from_rows(&[
            ("minister", "NOUN", "NN", "minister", 3, "nsubj"),
            ("will", "AUX", "MD", "will", 3, "aux"),
            ("agree", "VERB", "VB", "agree", 0, "root"),
            ("with", "ADP", "IN", "with", 5, "case"),
            ("this", "PRON", "DT", "this", 3, "obl"),
        ]);
        assert!(states_a_view(&tokens, 2));
        // "The union agreed with the plans."
        let tokens = tokens_from_rows(&[
            ("union", "NOUN", "NN", "union", 2, "nsubj"),
            ("agreed", "VERB", "VBD", "agree", 0, "root"),
            ("with", "ADP", "IN", "with", 5, "case"),
            ("the", "DET", "DT", "the", 5, "det"),
            ("plans", "NOUN", "NNS", "plan", 2, "obl"),
        ]);
        assert!(!states_a_view(&tokens, 1));
    }
}
