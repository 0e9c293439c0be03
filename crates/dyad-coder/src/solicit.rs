//! Appeals to others to act for or against a third party. CAMEO codes them by that party:
//! 053 "rally support on behalf of" ("urged the European Community to support the PLO") and
//! 113 "rally opposition against" ("called for sanctions against Nigeria"). Their target is
//! the party supported or opposed, not the one appealed to.

use dyad_actors::ActorMention;
use dyad_types::Token;

use crate::participants::{descends, mention_head};
use crate::tree::{has_dependent, has_dependent_among, lemma_among};

/// Deeds done for a party: "to support the PLO", "to back Labour".
const SUPPORTING: &[&str] = &["support", "back", "defend", "endorse"];

/// Verbs through which an appeal reaches its deed ("to help support the rights of …").
const LINKS: &[&str] = &["help", "unite", "join", "act", "move"];

/// The code and the party (an index into `mentions`) of an appeal at `trigger` that asks
/// others to act for (053) or against (113) a party named under what it asks for; `None`
/// when it asks for nothing aimed at a named party.
pub(crate) fn solicited_party(
    tokens: &[Token],
    offset: usize,
    mentions: &[ActorMention],
    trigger: usize,
) -> Option<(&'static str, usize)> {
    let asked = asked_for(tokens, trigger);
    // Opposed: an "against" phrase of what is asked for ("sanctions against Nigeria",
    // "to unite against Sharon").
    let opposed = asked.iter().find_map(|&w| {
        (0..tokens.len())
            .filter(|&n| phrase_of(tokens, n, w, "against"))
            .find_map(|n| party_at(tokens, offset, mentions, n))
    });
    if let Some(k) = opposed {
        return Some(("113", k));
    }
    // Supported: what a supporting verb asked for acts on ("to support the PLO"), or whom
    // asked-for support is for ("support for the rebels").
    asked.iter().find_map(|&w| {
        if !lemma_among(&tokens[w], SUPPORTING) {
            return None;
        }
        (0..tokens.len())
            .filter(|&n| {
                (tokens[n].head == Some(w) && tokens[n].deprel == "obj")
                    || phrase_of(tokens, n, w, "for")
            })
            .find_map(|n| party_at(tokens, offset, mentions, n))
            .map(|k| ("053", k))
    })
}

/// Whether the noun at `n` heads a `case` phrase of word `w` ("sanctions against Nigeria":
/// "Nigeria" an "against" phrase of "sanctions").
fn phrase_of(tokens: &[Token], n: usize, w: usize, case: &str) -> bool {
    tokens[n].head == Some(w)
        && (tokens[n].deprel == "nmod" || tokens[n].deprel.starts_with("obl"))
        && has_dependent(tokens, n, "case", Some(case))
}

/// What the appeal at `trigger` asks for: its object, its "for" or "on" phrase, its `to`
/// clause, and a deed that clause reaches through a linking verb ("to help support",
/// "to unite and mobilize").
fn asked_for(tokens: &[Token], trigger: usize) -> Vec<usize> {
    let mut asked: Vec<usize> = (0..tokens.len())
        .filter(|&w| {
            tokens[w].head == Some(trigger)
                && match tokens[w].deprel.as_str() {
                    "obj" => true,
                    "xcomp" | "advcl" | "ccomp" => has_dependent(tokens, w, "mark", Some("to")),
                    rel if rel.starts_with("obl") => {
                        has_dependent_among(tokens, w, "case", &["for", "on"])
                    }
                    _ => false,
                }
                // Not a noun whose own `to` clause is the deed asked for ("called for the
                // charges against the sprinter to be dropped").
                && !(matches!(tokens[w].upos.as_str(), "NOUN" | "PROPN")
                    && (to_clause_below(tokens, w) || subject_of_to_clause(tokens, trigger, w)))
        })
        .collect();
    let linked: Vec<usize> = asked
        .iter()
        .filter(|&&w| lemma_among(&tokens[w], LINKS))
        .flat_map(|&w| {
            (0..tokens.len()).filter(move |&v| {
                tokens[v].head == Some(w) && matches!(tokens[v].deprel.as_str(), "xcomp" | "conj")
            })
        })
        .collect();
    asked.extend(linked);
    asked
}

/// Whether the noun at `w` is the subject of a `to` clause the parse hangs beside it under
/// the trigger ("called for the charges … to be dropped", the clause under "called"): a
/// later clause with no subject of its own.
fn subject_of_to_clause(tokens: &[Token], trigger: usize, w: usize) -> bool {
    (w + 1..tokens.len()).any(|v| {
        tokens[v].head == Some(trigger)
            && matches!(tokens[v].deprel.as_str(), "xcomp" | "advcl")
            && has_dependent(tokens, v, "mark", Some("to"))
            && !tokens
                .iter()
                .any(|t| t.head == Some(v) && t.deprel.starts_with("nsubj"))
    })
}

/// Whether a `to` clause hangs somewhere below the word at `w`.
fn to_clause_below(tokens: &[Token], w: usize) -> bool {
    tokens.iter().any(|t| {
        t.deprel == "mark"
            && t.lemma.eq_ignore_ascii_case("to")
            && t.head.is_some_and(|v| v != w && descends(tokens, v, w))
    })
}

/// The mention standing for the noun at `noun`: the one it heads, else one naming it
/// (an appositive or flat name, then a modifier: "the Palestinian Liberation Organization
/// (PLO)", "the rights of Palestinians").
fn party_at(
    tokens: &[Token],
    offset: usize,
    mentions: &[ActorMention],
    noun: usize,
) -> Option<usize> {
    let cost = |k: usize| -> Option<usize> {
        let mut at = mention_head(tokens, offset, &mentions[k]);
        let mut cost = 0;
        for _ in 0..3 {
            if at == noun {
                return Some(cost);
            }
            let rel = tokens[at].deprel.as_str();
            cost += match rel {
                "appos" | "flat" => 1,
                "compound" | "amod" | "nmod:poss" | "nmod" => 2,
                _ => return None,
            };
            at = tokens[at].head?;
        }
        (at == noun).then_some(cost)
    };
    (0..mentions.len())
        .filter(|&k| mentions[k].actor.code.is_some())
        .filter_map(|k| cost(k).map(|c| (c, k)))
        .min_by_key(|&(c, _)| c)
        .map(|(_, k)| k)
}
