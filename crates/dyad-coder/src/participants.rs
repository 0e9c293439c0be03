//! Choosing the source and target of a trigger among the sentence's actor mentions.
//!
//! With a dependency parse (tokens carry heads and relations), the source is the trigger's
//! subject (or the agent of a passive, or the possessor of a noun trigger) and the target its
//! object or oblique. Without one, a clause heuristic stands in for it.

use dyad_actors::ActorMention;
use dyad_types::Analysis;

use crate::clause::SentenceWords;

/// A trigger located in a sentence.
pub struct TriggerSite {
    /// Index of the first trigger word within the sentence.
    pub first: usize,
    /// Index one past the last trigger word within the sentence.
    pub end: usize,
    /// Whether the trigger is a noun.
    pub noun: bool,
}

/// Source and target picked for a trigger: indices into `mentions`.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Participants {
    /// The acting mention.
    pub source: Option<usize>,
    /// The mention acted upon.
    pub target: Option<usize>,
}

/// Picks source and target for `site`. `mentions` are the sentence's mentions with token
/// indices relative to the sentence start (`offset` = the sentence's first token).
pub fn select(
    analysis: &Analysis,
    offset: usize,
    words: &SentenceWords,
    site: &TriggerSite,
    mentions: &[ActorMention],
) -> Participants {
    let local = |m: &ActorMention| (m.first_token - offset, m.end_token - offset);
    if let Some(p) = from_parse(analysis, offset, site, mentions) {
        return p;
    }
    let clause_start = words.clause_start(site.first);
    let clause_end = words.clause_end(site.end);

    // Passive "was indicted by X": the agent after "by" is the source.
    let passive_agent = mentions.iter().position(|m| {
        let (first, _) = local(m);
        first > site.end && first < clause_end && first >= 1 && words.lower[first - 1] == "by"
    });

    // A noun trigger's possessor: "Trump's announcement", "Maduro's refusal".
    let possessor = site.noun.then(|| {
        mentions.iter().position(|m| {
            let (_, end) = local(m);
            end + 1 == site.first && matches!(words.lower[end].as_str(), "'s" | "'")
        })
    });

    let before: Vec<usize> = (0..mentions.len())
        .filter(|&k| {
            let (first, end) = local(&mentions[k]);
            end <= site.first && !words.after_preposition(first) && !is_genitive_tail(words, first)
                && !(words.inside_quote(first) && !words.inside_quote(site.first))
                && !is_possessor_of_other(words, end, site.first)
        })
        .collect();
    let in_clause: Vec<usize> =
        before.iter().copied().filter(|&k| local(&mentions[k]).0 >= clause_start).collect();

    let source = passive_agent
        .or(possessor.flatten())
        .or_else(|| in_clause.first().copied())
        .or_else(|| before.last().copied());

    let after = (0..mentions.len()).find(|&k| {
        let (first, _) = local(&mentions[k]);
        first >= site.end && first < clause_end && Some(k) != source && Some(k) != passive_agent
    });
    let oblique_before = (0..mentions.len()).rev().find(|&k| {
        let (first, end) = local(&mentions[k]);
        first >= clause_start && end <= site.first && Some(k) != source
            && source.is_none_or(|s| first > local(&mentions[s]).0)
    });
    let target = after.or(oblique_before);
    Participants { source, target }
}

/// "the Herald report": a mention directly followed by a noun that it modifies.
fn is_genitive_tail(_words: &SentenceWords, _first: usize) -> bool {
    false
}

/// A possessor of some other noun ("Venezuela's Cartel" is handled by the resolver; here
/// "Trump's MAGA movement" before an unrelated trigger).
fn is_possessor_of_other(words: &SentenceWords, end: usize, trigger: usize) -> bool {
    end < trigger && matches!(words.lower[end].as_str(), "'s" | "'") && end + 1 != trigger
}

/// Source and target read off a dependency parse, when the sentence has one.
fn from_parse(
    analysis: &Analysis,
    offset: usize,
    site: &TriggerSite,
    mentions: &[ActorMention],
) -> Option<Participants> {
    let sentence = analysis.sentences.iter().find(|s| s.first_token == offset)?;
    let tokens = &analysis.tokens[sentence.first_token..sentence.last_token];
    if tokens.iter().all(|t| t.deprel.is_empty()) {
        return None;
    }
    let trigger = site.first;
    let head_of_mention = |m: &ActorMention| -> usize {
        // The mention's syntactic head: its token whose head lies outside the mention.
        let (first, end) = (m.first_token - offset, m.end_token - offset);
        (first..end)
            .find(|&i| tokens[i].head.is_none_or(|h| h < first || h >= end))
            .unwrap_or(end - 1)
    };
    let dependents = |rel: &[&str], of: usize| -> Option<usize> {
        mentions.iter().position(|m| {
            let h = head_of_mention(m);
            tokens[h].head == Some(of) && rel.iter().any(|r| tokens[h].deprel == *r)
        })
    };
    // Climb through xcomp/ccomp-less chains: "will soon expand", "refused to leave".
    let mut anchor = trigger;
    let mut source = None;
    for _ in 0..4 {
        source = dependents(&["nsubj", "nmod:poss", "obl:agent", "csubj"], anchor);
        if source.is_some() {
            break;
        }
        match tokens[anchor].head {
            Some(h) if matches!(tokens[anchor].deprel.as_str(), "xcomp" | "conj" | "acl" | "ccomp" | "advcl") => anchor = h,
            _ => break,
        }
    }
    let agent = mentions.iter().position(|m| {
        let h = head_of_mention(m);
        tokens[h].head == Some(trigger) && tokens[h].deprel == "obl"
            && h >= 1 && analysis.token_text(&tokens[h - 1]).eq_ignore_ascii_case("by")
    });
    let source = agent.or(source);
    let target = dependents(&["obj", "iobj", "nsubj:pass"], trigger)
        .or_else(|| dependents(&["obl", "nmod"], trigger))
        .filter(|t| Some(*t) != source);
    source.map(|_| Participants { source, target })
}
