//! Choosing the source and target of a trigger among the sentence's actor mentions.
//!
//! With a dependency parse (tokens carry heads and relations), the source is the trigger's
//! subject (or the agent of a passive, or the possessor of a noun trigger) and the target its
//! object or oblique. Without one, a clause heuristic stands in for it.

use dyad_actors::{ActorMention, MentionKind};
use dyad_types::Analysis;

use crate::clause::{SentenceWords, REPORTING_VERBS};
use crate::coder::same_actor;
use crate::tree::{branch_under, has_dependent, has_dependent_among, lemma_among, passive};

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
    let parsed = from_parse(analysis, offset, site, mentions);
    let barred = parse_barred(
        analysis,
        offset,
        site,
        mentions,
        parsed.and_then(|p| p.source),
    );
    let parse = has_parse(analysis, offset);
    let clause_start = words.clause_start(site.first);
    let clause_end = words.participants_end(site.end);

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
            let quoted_away = words.inside_quote(first) && !words.inside_quote(site.first);
            end <= site.first
                && !words.after_preposition(first)
                && !quoted_away
                && !is_possessor_of_other(words, end, site.first)
        })
        .collect();
    let in_clause: Vec<usize> = before
        .iter()
        .copied()
        .filter(|&k| local(&mentions[k]).0 >= clause_start)
        .collect();

    let source = passive_agent
        .or(possessor.flatten())
        .or_else(|| in_clause.first().copied())
        .or_else(|| before.last().copied());

    // "…, Trump said": a mention right before a reporting verb speaks; it is no target. Not
    // before an object noun of the same form ("derided Tory claims").
    let speaker = |k: usize| {
        let (_, end) = local(&mentions[k]);
        let tagged_noun = || {
            analysis
                .tokens
                .get(offset + end)
                .is_some_and(|t| t.upos == "NOUN" && t.deprel == "obj")
        };
        end < words.len() && words.is_reporting_verb(end) && !tagged_noun()
    };
    let after = (0..mentions.len()).find(|&k| {
        let (first, _) = local(&mentions[k]);
        let located = first > 0
            && ["in", "at", "near", "across", "throughout"]
                .contains(&words.lower[first - 1].as_str());
        first >= site.end
            && first < clause_end
            && Some(k) != source
            && Some(k) != passive_agent
            && !speaker(k)
            && !located
    });
    // A later verb of a list starts at its conjunction: what lies before is the first verb's
    // ("criticised Mr Brown's preoccupation … and called on G8 nations").
    let conjunct_start = own_conjunction(analysis, offset, site.first).unwrap_or(0);
    let oblique_before = (0..mentions.len()).rev().find(|&k| {
        let (first, end) = local(&mentions[k]);
        first >= clause_start
            && first > conjunct_start
            && end <= site.first
            && Some(k) != source
            && source.is_none_or(|s| first > local(&mentions[s]).0)
            && !(parse && in_clause_before(analysis, offset, site, &mentions[k]))
    });
    // What someone acts as is no other party ("resigned as Labour leader", "served as UKIP's
    // branch chairman": the preposition `as`, not the conjunction of "as the police said"),
    // nor is who is set against the one acted upon ("make the key decisions rather than
    // Whitehall bureaucrats", "instead of the government").
    let other_party = |k: &usize| {
        let (first, _) = local(&mentions[*k]);
        let mut before = words.before_articles(first);
        let (last, second) = (before.next(), before.next());
        let word = |i: Option<usize>| i.map_or("", |i| words.lower[i].as_str());
        let role = word(last) == "as"
            && last.is_some_and(|b| {
                analysis
                    .tokens
                    .get(offset + b)
                    .is_some_and(|t| t.deprel == "case")
            });
        let contrasted = matches!(
            (word(second), word(last)),
            ("rather", "than") | ("instead", "of")
        );
        !(role || contrasted)
    };
    // Nor is one outside the quotation the trigger is in ("… attacking ignorance …" BBC
    // political editor Andrew Marr said).
    let quoted_away =
        |k: &usize| words.inside_quote(site.first) && !words.inside_quote(local(&mentions[*k]).0);
    let target = after
        .or(oblique_before)
        .filter(other_party)
        .filter(|k| !quoted_away(k));
    match parsed {
        Some(p) => {
            // A misparse can hang the speaker under the trigger.
            let hung_from_punctuation = |t: usize| {
                sentence_tokens(analysis, offset).is_some_and(|tokens| {
                    let head = mention_head(tokens, offset, &mentions[t]);
                    below_punctuation(tokens, head, site.first)
                })
            };
            let parsed_target = p.target.filter(|&t| {
                !speaker(t)
                    && !hung_from_punctuation(t)
                    && other_party(&t)
                    && !inside_source_phrase(analysis, offset, mentions, p.source, t)
            });
            let target =
                parsed_target.or(target.filter(|&t| Some(t) != p.source && !barred.contains(&t)));
            Participants {
                source: p.source,
                target,
            }
        }
        None if parse => Participants {
            // A finite verb in the active voice has no agent ("ridiculed the claims made by
            // Michael Howard" leaves Howard to "made"), and no verb takes one that the parse
            // gives another verb, nor does a noun ("since the 11 September attacks, … likely
            // to be targeted by police").
            source: passive_agent.filter(|&k| {
                !(agent_of_other_verb(analysis, offset, site, &mentions[k])
                    || !site.noun && finite_active(analysis, offset, site))
            }),
            target: target.filter(|t| !barred.contains(t)),
        },
        None => Participants { source, target },
    }
}

/// The tokens of the sentence whose first token is `offset` (sentences are in text order).
pub(crate) fn sentence_tokens(analysis: &Analysis, offset: usize) -> Option<&[dyad_types::Token]> {
    let at = analysis
        .sentences
        .binary_search_by_key(&offset, |s| s.first_token)
        .ok()?;
    let sentence = &analysis.sentences[at];
    Some(&analysis.tokens[sentence.first_token..sentence.last_token])
}

/// Whether mention `t` lies inside the phrase of mention `source` in the parse of the
/// sentence whose tokens start at `offset` ("former Metropolitan Police Commissioner Sir John
/// Stevens": the force is part of his title, not another party).
fn inside_source_phrase(
    analysis: &Analysis,
    offset: usize,
    mentions: &[ActorMention],
    source: Option<usize>,
    t: usize,
) -> bool {
    let Some(s) = source.filter(|&s| s != t) else {
        return false;
    };
    let Some(tokens) = sentence_tokens(analysis, offset) else {
        return false;
    };
    inside_phrase_of(
        tokens,
        mention_head(tokens, offset, &mentions[t]),
        mention_head(tokens, offset, &mentions[s]),
    )
}

/// Whether the parse puts `mention`, named before the trigger, inside a clause with a subject
/// of its own that the trigger hangs below ("the claims … that he could save £35 billion of
/// Labour waste … to spend on public services while also offering £4 billion of tax cuts":
/// Labour is what is saved on, not whom the offer is made to). For a parsed sentence only.
fn in_clause_before(
    analysis: &Analysis,
    offset: usize,
    site: &TriggerSite,
    mention: &ActorMention,
) -> bool {
    let tokens = &analysis.tokens[offset..];
    let head = mention_head(tokens, offset, mention);
    if descends(tokens, head, site.first) {
        return false;
    }
    let Some(common) = lowest_common_ancestor(tokens, head, site.first) else {
        return false;
    };
    // Not the one a verb addresses when the trigger is that verb's own adjunct ("has written
    // to Tony Blair demanding an explanation").
    let addressed = tokens[head].head == Some(common)
        && tokens[site.first].head == Some(common)
        && matches!(tokens[head].deprel.as_str(), "obj" | "iobj" | "obl");
    // Nor a name inside that clause's passive subject, acted upon as the trigger completes it
    // ("all airspace above and surrounding Venezuela should be considered closed").
    let in_subject =
        branch_under(tokens, head, common).is_some_and(|b| tokens[b].deprel == "nsubj:pass");
    has_subject(tokens, common) && !addressed && !in_subject
}

/// The conjunction ("and", "but") of the verb at `trigger` (sentence-relative) when the parse
/// makes it a later verb of a list.
fn own_conjunction(analysis: &Analysis, offset: usize, trigger: usize) -> Option<usize> {
    let tokens = sentence_tokens(analysis, offset)?;
    if tokens.get(trigger)?.deprel != "conj" {
        return None;
    }
    (0..trigger).find(|&i| tokens[i].head == Some(trigger) && tokens[i].deprel == "cc")
}

/// Whether the trigger's first word is a verb in a finite form of the active voice: past,
/// or present ("ridiculed", "ridicules"), not a participle or an infinitive.
fn finite_active(analysis: &Analysis, offset: usize, site: &TriggerSite) -> bool {
    analysis
        .tokens
        .get(offset + site.first)
        .is_some_and(|t| matches!(t.xpos.as_str(), "VBD" | "VBZ" | "VBP"))
}

/// Whether the parse hangs `mention` under a verb other than the trigger, closer to it than
/// the trigger ("was being criticised for being thrown into defensive mode by Mr Howard":
/// Howard threw).
fn agent_of_other_verb(
    analysis: &Analysis,
    offset: usize,
    site: &TriggerSite,
    mention: &ActorMention,
) -> bool {
    let tokens = &analysis.tokens[offset..];
    let mut i = mention_head(tokens, offset, mention);
    for _ in 0..tokens.len() {
        match tokens[i].head {
            Some(h) if h != i && h < tokens.len() => {
                if (site.first..site.end).contains(&h) {
                    return false;
                }
                if tokens[h].upos == "VERB" {
                    return true;
                }
                i = h;
            }
            _ => return false,
        }
    }
    false
}

/// Whether the sentence starting at token `offset` carries a dependency parse.
pub(crate) fn has_parse(analysis: &Analysis, offset: usize) -> bool {
    analysis
        .tokens
        .get(offset)
        .is_some_and(|t| !t.deprel.is_empty())
}

/// A possessor of some other noun ("Venezuela's Cartel" is handled by the resolver; here
/// "Trump's MAGA movement" before an unrelated trigger).
fn is_possessor_of_other(words: &SentenceWords, end: usize, trigger: usize) -> bool {
    end < trigger && matches!(words.lower[end].as_str(), "'s" | "'") && end + 1 != trigger
}

/// Source and target read off a dependency parse, when the sentence has one.
///
/// The source is the subject (or passive agent, or possessor) of the trigger, or of the
/// nearest governing word that has one ("refused to leave", "closed" under "announced …
/// that … should be considered closed"). The target is the trigger's object, else a mention
/// in the trigger's own subtree; where the parse gives none, the clause heuristic's target
/// is kept.
/// Words that name some of a group ("one of the rebels", "some of Labour's MPs").
const PARTITIVES: &[&str] = &[
    "one", "some", "many", "several", "most", "all", "few", "each", "any", "member", "members",
];

fn from_parse(
    analysis: &Analysis,
    offset: usize,
    site: &TriggerSite,
    mentions: &[ActorMention],
) -> Option<Participants> {
    let tokens = sentence_tokens(analysis, offset)?;
    if tokens.iter().all(|t| t.deprel.is_empty()) {
        return None;
    }
    let heads: Vec<usize> = mentions
        .iter()
        .map(|m| mention_head(tokens, offset, m))
        .collect();
    let word = |i: usize| analysis.token_text(&tokens[i]).to_lowercase();
    // Whether word `of` has a dependent `i` for which `pred` holds.
    let has_child = |of: usize, pred: &dyn Fn(usize) -> bool| {
        (0..tokens.len()).any(|i| tokens[i].head == Some(of) && pred(i))
    };
    // A subject the parse gives a preposition ("the airspace above and around Venezuela
    // should be considered closed", "around Venezuela" as a subject) is no subject; a
    // conjunction the parse took for one is no preposition ("after MPs criticised …").
    let prepositional_subject = |h: usize| {
        tokens[h].deprel.starts_with("nsubj")
            && has_child(h, &|i| {
                tokens[i].deprel == "case"
                    && tokens[i].upos == "ADP"
                    && !SUBORDINATORS.contains(&tokens[i].lemma.as_str())
            })
    };
    // The first mention in relation `rels` to word `of` for which `keep` holds.
    let child_mention_where = |of: usize, rels: &[&str], keep: &dyn Fn(usize) -> bool| {
        let mut found = (0..mentions.len()).filter(|&k| {
            let h = heads[k];
            tokens[h].head == Some(of)
                && rels.iter().any(|r| tokens[h].deprel == *r)
                && !prepositional_subject(h)
                && keep(k)
        });
        let first = found.next()?;
        // "The Peter Hain 'mongrel' attack, he says, is …" parsed with two subjects of
        // "says": the speaker is the one set off right before the reporting verb.
        let set_off_speaker = found.filter(|&k| {
            let h = heads[k];
            h < of && tokens[h].deprel == "nsubj" && h > 0 && word(h - 1) == ","
        });
        Some(if reports(&tokens[of]) {
            set_off_speaker.last().unwrap_or(first)
        } else {
            first
        })
    };
    let child_mention = |of: usize, rels: &[&str]| child_mention_where(of, rels, &|_| true);
    // The possessor of people who are others does not stand for them ("Mr Flight's
    // allies", "Labour's critics").
    let possessor_of_others = |possessor: usize| {
        tokens[possessor].deprel == "nmod:poss"
            && tokens[possessor]
                .head
                .is_some_and(|n| OTHERS_NOUNS.contains(&tokens[n].lemma.as_str()))
    };
    // A mention that only modifies the subject noun ("Iraqi Kurds", "Radical French
    // farmers", "Thousands of Iraqi Kurds"): its head climbs through modifiers, and through
    // `of` under a quantity or membership noun, to a token in one of `rels` under `of`.
    let modifying_child = |of: usize, rels: &[&str]| -> Option<usize> {
        (0..mentions.len()).find(|&k| {
            let mut at = heads[k];
            for _ in 0..3 {
                let Some(up) = tokens[at].head.filter(|&u| u != at) else {
                    return false;
                };
                let rel = tokens[at].deprel.as_str();
                let of_group = rel == "nmod"
                    && (tokens[up].upos == "NUM"
                        || GROUP_NOUNS.contains(&tokens[up].lemma.as_str()));
                if !(MODIFIERS.contains(&rel) || of_group) {
                    return false;
                }
                if possessor_of_others(at) {
                    return false;
                }
                if tokens[up].head == Some(of) && rels.iter().any(|r| tokens[up].deprel == *r) {
                    return true;
                }
                at = up;
            }
            false
        })
    };
    // "Say" after its quotation or clause with its subject after it, parsed as its object
    // ("…, say the Tories", "…,” said Mr Blair). Only "say": the speaker's own phrase after
    // "insists" or "warns" would lend the verb's lexicon its cues ("insists Mr Hadi, who left
    // the country" is no demand to leave).
    let inverted_speaker = |verb: usize| {
        (tokens[verb].lemma.eq_ignore_ascii_case("say")
            && verb > 0
            && matches!(word(verb - 1).as_str(), "," | "\"" | "”" | "''"))
        .then(|| child_mention(verb, &["obj"]))
        .flatten()
    };
    // The mention whose head is word `i`.
    let headed_at = |i: usize| (0..mentions.len()).find(|&k| heads[k] == i);
    // A noun trigger of several words is read at its head ("hunger strike": "strike").
    let trigger = if site.noun {
        (site.first..site.end.min(tokens.len()))
            .find(|&i| {
                tokens[i]
                    .head
                    .is_none_or(|h| h < site.first || h >= site.end)
            })
            .unwrap_or(site.first)
    } else {
        site.first
    };
    // Passive agent: "was indicted by the Justice Department", "welcomed by Labour MPs" (the
    // `by` before the mention; the parser's `obl:agent` label alone is not trusted: it also
    // marks "expelled from the party").
    let obl_of_trigger =
        |i: usize| tokens[i].head == Some(trigger) && tokens[i].deprel.starts_with("obl");
    let agent = (0..mentions.len())
        .find(|&k| {
            let h = heads[k];
            let first = mentions[k].first_token - offset;
            // "welcomed by the French government": the article is no part of the mention.
            let by_case = (site.noun || tokens[trigger].xpos == "VBN")
                && has_child(h, &|i| tokens[i].deprel == "case" && word(i) == "by");
            obl_of_trigger(h) && (by_case || (first.saturating_sub(1)..=h).any(|i| word(i) == "by"))
        })
        .or_else(|| {
            // An agent noun that is no actor itself, modified by one or coordinated with one:
            // "attacked by Burundian militiamen", "by Iraqi men", "condemned by human rights
            // groups and the Conservatives".
            let by_noun = (0..tokens.len()).find(|&i| {
                obl_of_trigger(i) && (0..i).any(|j| tokens[j].head == Some(i) && word(j) == "by")
            })?;
            let owner = |of: usize| child_mention(of, &["compound", "amod", "nmod:poss", "conj"]);
            // The one a noun of relation names in apposition is the agent, not the one its
            // possessor is ("backed by his predecessor as Cabinet Secretary, Lord Armstrong").
            let named_in_apposition = || {
                (0..mentions.len()).find(|&k| {
                    let h = heads[k];
                    tokens[h].deprel == "appos"
                        && tokens[h].head.is_some_and(|a| {
                            a == by_noun
                                || (tokens[a].head == Some(by_noun)
                                    && tokens[a].deprel == "nmod"
                                    && headed_at(a).is_none())
                        })
                })
            };
            let relation = RELATION_NOUNS.contains(&tokens[by_noun].lemma.as_str());
            let named = relation.then(named_in_apposition).flatten();
            named.or_else(|| owner(by_noun)).or_else(|| {
                // "rejected by one of Labour's senior MPs", "by some of the rebels": one of a
                // group acted for the group.
                let partitive =
                    tokens[by_noun].upos == "NUM" || PARTITIVES.contains(&word(by_noun).as_str());
                let group = (0..tokens.len()).find(|&i| {
                    partitive
                        && tokens[i].head == Some(by_noun)
                        && tokens[i].deprel == "nmod"
                        && has_child(i, &|j| tokens[j].deprel == "case" && word(j) == "of")
                })?;
                headed_at(group).or_else(|| owner(group))
            })
        });
    let passive = passive(tokens, trigger);
    // A participle modifying a noun that is an actor and acting on an object of its own
    // ("guerrillas wounded two soldiers" misparsed as a noun phrase, "rebels attacking the
    // town"): the noun is the one acting.
    // So is the noun an "of" or "for" gerund hangs from ("accused the Conservatives of
    // signing up to a deal").
    let of_for_gerund = tokens[trigger].xpos == "VBG"
        && has_child(trigger, &|i| {
            tokens[i].deprel == "mark" && matches!(word(i).as_str(), "of" | "for")
        });
    let has_object = has_child(trigger, &|i| tokens[i].deprel == "obj");
    // "passengers travelling from Prague": a present participle modifying people named by a
    // plural noun is what they do, actors or not. Not a thing someone made ("a speech
    // criticising …" is the speaker's) nor a name.
    // A participle modifying a noun, with no subject of its own.
    let bare_acl = !site.noun
        && tokens[trigger].deprel == "acl"
        && !has_child(trigger, &|i| tokens[i].deprel.starts_with("nsubj"));
    let noun_doing = bare_acl
        && tokens[trigger].xpos == "VBG"
        && tokens[trigger]
            .head
            .is_some_and(|n| tokens[n].xpos == "NNS");
    // Not a clause a subordinator opens, hung from a noun by the parse ("set loose on
    // Conservative leader Michael Howard in attacking his party's record": not Howard).
    let subordinated = has_child(trigger, &|i| tokens[i].deprel == "mark") && !of_for_gerund;
    let modified_actor = (!site.noun
        && tokens[trigger].deprel == "acl"
        && !subordinated
        && (of_for_gerund || has_object || noun_doing))
        .then(|| tokens[trigger].head)
        .flatten()
        .and_then(headed_at);
    // "criticised the Spanish government for refusing to …", "praised Iran for agreeing
    // to …": the one the verb above acts upon does what its "for" or "of" gerund says, also
    // when a modifier names it ("suspended Slough's Conservative association for refusing
    // …": the association, not the place owning it).
    // So does the next gerund of the same list ("accused the ministers of telling lies and
    // then attacking the lies").
    let of_for_at = |g: usize| {
        tokens[g].xpos == "VBG"
            && has_child(g, &|i| {
                tokens[i].deprel == "mark" && matches!(word(i).as_str(), "of" | "for")
            })
    };
    // A gerund coordinated with a finite verb is a misparse: it goes with the "of" or "for"
    // gerund before it ("accused Mr Blair of telling lies … and then attacking the lies",
    // "lies" read as a verb).
    let gerund = if tokens[trigger].deprel == "conj" && tokens[trigger].xpos == "VBG" {
        tokens[trigger]
            .head
            .filter(|&g| of_for_at(g))
            .or_else(|| {
                let finite_head = tokens[trigger]
                    .head
                    .is_some_and(|h| matches!(tokens[h].xpos.as_str(), "VBD" | "VBZ" | "VBP"));
                let own_aux = has_child(trigger, &|i| tokens[i].deprel.starts_with("aux"));
                (finite_head && !own_aux)
                    .then(|| (0..trigger).rev().find(|&g| of_for_at(g)))
                    .flatten()
            })
            .unwrap_or(trigger)
    } else if tokens[trigger].deprel == "xcomp" {
        // "accused Washington of trying to attack Venezuelan boats": an infinitive completing
        // an "of" or "for" gerund, with no subject of its own, is that gerund's deed.
        let mut g = trigger;
        for _ in 0..3 {
            let own_subject = has_child(g, &|i| tokens[i].deprel.starts_with("nsubj"));
            match tokens[g].head {
                Some(h) if tokens[g].deprel == "xcomp" && !own_subject => g = h,
                _ => break,
            }
        }
        if g != trigger && of_for_at(g) {
            g
        } else {
            trigger
        }
    } else {
        trigger
    };
    let object_acts = (!site.noun && tokens[gerund].deprel == "advcl" && of_for_at(gerund))
        .then(|| tokens[gerund].head)
        .flatten()
        .and_then(|h| {
            let object = (0..tokens.len())
                .find(|&i| tokens[i].head == Some(h) && tokens[i].deprel == "obj")?;
            headed_at(object).or_else(|| {
                (0..mentions.len()).rev().find(|&k| {
                    tokens[heads[k]].head == Some(object)
                        && matches!(tokens[heads[k]].deprel.as_str(), "amod" | "compound")
                })
            })
        });
    // The later gerund of such a list whose first hangs from a noun ("ministers of telling
    // lies … and then attacking"): that noun acts.
    let listed_noun_acts = tokens[gerund]
        .head
        .filter(|_| gerund != trigger && tokens[gerund].deprel == "acl")
        .and_then(headed_at);
    let mut source = agent
        .or(modified_actor)
        .or(object_acts)
        .or(listed_noun_acts);
    let mut anchor = trigger;
    // "Serb forces were engaged in ethnic cleansing": the one engaged does it.
    let engaged = site.noun && engaged_in(tokens, trigger);
    if site.noun {
        // "Trump's announcement", "U.S. strikes"; "held a rally" climbs to the light verb.
        let modifiers = ["nmod:poss", "compound", "amod"];
        source = source
            .or_else(|| child_mention(trigger, &modifiers))
            .or_else(|| child_mention(site.first, &modifiers));
        let carrier = light_verb(tokens, trigger);
        // "negotiators return to Geneva for talks", "flew to Beijing for talks": the one who
        // goes for the event takes part in it.
        let for_phrase = tokens[trigger].deprel == "obl"
            && has_child(trigger, &|i| tokens[i].deprel == "case" && word(i) == "for");
        let journey = tokens[trigger]
            .head
            .filter(|&h| for_phrase && JOURNEY_VERBS.contains(&tokens[h].lemma.as_str()));
        let light = carrier.is_some() || journey.is_some();
        match (source, journey.or(carrier).or(tokens[trigger].head)) {
            (None, Some(h)) if light || engaged => anchor = h,
            _ => {
                // "Eleven Venezuelans were killed in a US strike", "three fishermen died in
                // the attack": an armed attack in which people were killed or died is
                // aimed at them.
                let victims = || {
                    let verb = tokens[trigger]
                        .head
                        .filter(|_| tokens[trigger].deprel == "obl")?;
                    let attack = lemma_among(&tokens[trigger], ATTACKS)
                        || lemma_among(&tokens[trigger], STRIKE_NOUNS);
                    let harmed = lemma_among(&tokens[verb], CASUALTY_VERBS)
                        && (is_passive(tokens, verb) || tokens[verb].lemma == "die");
                    if !(attack && harmed) {
                        return None;
                    }
                    child_mention(verb, &["nsubj:pass", "nsubj"])
                        .or_else(|| modifying_child(verb, &["nsubj:pass", "nsubj"]))
                };
                return source.map(|s| Participants {
                    source: Some(s),
                    target: victims().filter(|&t| t != s),
                });
            }
        }
    }
    // A gerund that opens a clause ("predicted that invading Venezuela would …", a clausal
    // subject) names an activity: it has no agent of its own to borrow from above. So does
    // a bare gerund right under a verb of saying or thinking, the subject of a reported
    // clause parsed as the clause itself ("said lifting the embargo would be wrong").
    let bare_reported_gerund = tokens[trigger].deprel == "ccomp"
        && tokens[trigger]
            .head
            .is_some_and(|h| OPINION_VERBS.contains(&tokens[h].lemma.as_str()))
        && !(0..tokens.len()).any(|i| {
            tokens[i].head == Some(trigger)
                && (tokens[i].deprel.starts_with("nsubj") || tokens[i].deprel.starts_with("aux"))
        });
    let gerund_subject = !site.noun
        && tokens[trigger].xpos == "VBG"
        && (tokens[trigger].deprel.starts_with("csubj")
            || (trigger > 0 && word(trigger - 1) == "that")
            || bare_reported_gerund);
    // A passive participle modifying a noun ("the four Britons freed from US custody") has
    // that noun as the one acted upon: it borrows no subject from above, only a `by` agent
    // names its actor.
    // So does one used as an adjective ("the detained men"), unless it has an object of its
    // own or its noun a subject (a misparsed main verb: "A Russian official offered
    // concessions" with "offered" under "concessions").
    let adjective = || {
        tokens[trigger].deprel == "amod"
            && !has_object
            && !tokens[trigger]
                .head
                .is_some_and(|noun| has_child(noun, &|i| tokens[i].deprel == "nsubj"))
    };
    // Whether the participle has a word of a clause of its own: `extra` (its "and" or its
    // subordinator), an auxiliary or a subject.
    let own_clause_word = |extra: &str| {
        has_child(trigger, &|i| {
            let rel = tokens[i].deprel.as_str();
            rel == extra || rel.starts_with("aux") || rel.starts_with("nsubj")
        })
    };
    // A participle after a comma taken for the next verb of a list ("the Pope has appealed
    // for Margaret Hassan, kidnapped in Iraq"): with no "and", no auxiliary and no subject
    // of its own, and no later verb of the list ("has visited Paris, met Chirac and flown
    // home"), it modifies the noun before the comma.
    let comma_participle = || {
        let head = tokens[trigger].head;
        tokens[trigger].deprel == "conj"
            && trigger > 0
            && word(trigger - 1) == ","
            && !(trigger + 1..tokens.len())
                .any(|i| tokens[i].head == head && tokens[i].deprel == "conj")
            && !own_clause_word("cc")
    };
    // A participle right after its verb's object, taken for a clause of that verb
    // ("called on the government to release men indefinitely detained in the UK"): with no
    // auxiliary, subject or conjunction of its own, it modifies the object.
    let object_participle = || {
        let head = tokens[trigger].head;
        let before = (0..trigger)
            .rev()
            .find(|&i| tokens[i].upos != "ADV" && tokens[i].head != Some(trigger));
        tokens[trigger].deprel == "advcl"
            && before.is_some_and(|b| {
                matches!(tokens[b].upos.as_str(), "NOUN" | "PROPN")
                    && tokens[b].deprel == "obj"
                    && tokens[b].head == head
            })
            && !own_clause_word("mark")
    };
    // "he stands accused of breaching …", "remained detained": a participle completing a
    // verb of state says what was done to its subject.
    let state_participle = || {
        matches!(tokens[trigger].deprel.as_str(), "xcomp" | "advcl")
            && tokens[trigger].head.is_some_and(|h| {
                lemma_among(&tokens[h], STATE_VERBS) && !has_dependent(tokens, h, "obj", None)
            })
    };
    let reduced_passive = !site.noun
        && tokens[trigger].xpos == "VBN"
        && (tokens[trigger].deprel.starts_with("acl")
            || adjective()
            || comma_participle()
            || object_participle()
            || state_participle());
    // The words climbed through, and whether the climb stopped at a clause with a subject
    // of its own.
    let mut path = vec![trigger];
    // The noun an "of" gerund with no subject of its own hangs from acts, known or not:
    // nothing is borrowed from above ("accused the party of signing").
    let noun_acts = of_for_gerund && bare_acl;
    let mut blocked = gerund_subject || reduced_passive || noun_acts || noun_doing;
    // A mention right before the trigger's own auxiliaries ("Mr Blair had initially
    // refused"), the parse having hung it elsewhere: the subject of the trigger's clause.
    // So at a verb above it with auxiliaries but no subject ("argue Mr Kilroy-Silk has not
    // been straightforward in attacking the party", "Mr Kilroy-Silk" the object of "argue").
    let before_auxiliaries_of = |k: usize, verb: usize| {
        let end = mentions[k].end_token - offset;
        end < verb
            && (end..verb).all(|i| {
                let quote = || matches!(word(i).as_str(), "\"" | "“" | "”" | "``" | "''");
                tokens[i].head == Some(verb)
                    && (matches!(
                        tokens[i].deprel.as_str(),
                        "aux" | "aux:pass" | "advmod" | "cop"
                    ) || (tokens[i].deprel == "punct" && quote()))
            })
            && (end..verb).any(|i| tokens[i].deprel.starts_with("aux"))
    };
    let before_auxiliaries = |k: usize| before_auxiliaries_of(k, trigger);
    // The object of a verb that makes someone do something does what its infinitive says
    // ("prompting unions to threaten united action", "forced Mr Blunkett to resign").
    // An object no actor code stands for acts unknown: nothing is borrowed from above.
    let compelled = tokens[trigger].head.filter(|&h| {
        source.is_none()
            && !site.noun
            && tokens[trigger].deprel == "xcomp"
            && lemma_among(&tokens[h], crate::no_deed::COMPELLING_VERBS)
            && (has_dependent(tokens, h, "obj", None) || has_dependent(tokens, h, "iobj", None))
    });
    if let Some(h) = compelled {
        // (The parse may call the one made to act an indirect object: "convince Israel to
        // release the prisoners".)
        source = child_mention(h, &["obj", "iobj"]);
        blocked |= source.is_none();
    }
    // "Mr Howard told BBC Radio 4's Today programme Mr Blair had initially refused …", with
    // "Mr Blair" hung under "programme": Blair refused, not Howard. A verb with no subject
    // and no passive takes it before climbing to the subject of the verb above.
    if source.is_none()
        && !site.noun
        && !passive
        && !blocked
        && !has_child(trigger, &|i| tokens[i].deprel.starts_with("nsubj"))
    {
        source = (0..mentions.len()).find(|&k| before_auxiliaries(k));
    }
    for _ in 0..6 {
        if blocked || source.is_some() || (passive && agent.is_none()) {
            break;
        }
        // "He chaired the tribunal set up to investigate …": a passive participle reached
        // from below, with no auxiliary of its own, is done to a noun; the subject above it
        // does not do what its complement says.
        if anchor != trigger
            && tokens[anchor].xpos == "VBN"
            && matches!(tokens[anchor].deprel.as_str(), "advcl" | "acl")
            && !has_child(anchor, &|i| tokens[i].deprel.starts_with("aux"))
        {
            blocked = true;
            break;
        }
        // "worried about plans to lift the embargo", "protests against moves to close …":
        // what a noun of a phrase about, over or against a thing plans is someone else's
        // deed; the subject above only has views on it.
        if anchor != trigger
            && path.len() >= 2
            && tokens[path[path.len() - 2]].deprel == "acl"
            && tokens[anchor].deprel.starts_with("obl")
            && has_dependent_among(tokens, anchor, "case", CONCERNING)
        {
            blocked = true;
            break;
        }
        // The passive subject of a verb whose complement the climb comes from controls it:
        // "MPs were entitled to complain", "Iraq was urged to allow inspectors in".
        let climbed_from_engagement = engaged && anchor != trigger;
        // So does that of a verb an adjunct with no subject of its own hangs from: "he was
        // arrested after attacking police", "a US national has been put under investigation
        // … for rioting".
        // A passive participle ("held for three years, accused of …") is done to that
        // subject, not by it.
        let climbed_from = (path.len() >= 2).then(|| &tokens[path[path.len() - 2]]);
        let controlled = climbed_from
            .is_some_and(|t| t.deprel == "xcomp" || (t.deprel == "advcl" && t.xpos == "VBG"))
            || climbed_from_engagement;
        let subjects: &[&str] = if controlled {
            &["nsubj", "nmod:poss", "csubj", "nsubj:outer", "nsubj:pass"]
        } else {
            &["nsubj", "nmod:poss", "csubj", "nsubj:outer"]
        };
        // "after meeting Tony Blair he had been left …" parsed with two subjects: a subject
        // borrowed from above is not the name right after the trigger, its object.
        // Nor the possessor of people who are others ("Mr Flight's allies saying …").
        // Nor the owner of a thing named in a prepositional phrase ("make a pitch for
        // Britain's ethnic vote urging people …"): the clause above says who acts.
        // The infinitive of a noun of will or choice is its owner's, phrase or not ("a role
        // in their willingness to back the conflict").
        let infinitive_of_noun = path.len() == 2
            && (lemma_among(&tokens[anchor], WILL_NOUNS)
                || lemma_among(&tokens[anchor], DECISION_NOUNS))
            && tokens[trigger].deprel == "acl"
            && tokens[trigger].xpos == "VB"
            && has_child(trigger, &|i| tokens[i].deprel == "mark" && word(i) == "to");
        let in_phrase = anchor != trigger
            && has_child(anchor, &|i| tokens[i].deprel == "case")
            && !infinitive_of_noun;
        let borrowable = |k: usize| {
            (anchor == trigger || mentions[k].first_token - offset != trigger + 1)
                && !possessor_of_others(heads[k])
                && !(in_phrase && tokens[heads[k]].deprel == "nmod:poss")
        };
        // The subject word of the anchor, in one of `rels`, that no mention heads.
        let unnamed_subject = |rels: &[&str]| {
            (0..tokens.len()).find(|&i| {
                tokens[i].head == Some(anchor)
                    && rels.contains(&tokens[i].deprel.as_str())
                    && headed_at(i).is_none()
            })
        };
        // A subject no actor code stands for shares its act with an actor coordinated with
        // it ("Both the Phillippines military and the Moro Islamic Liberation Front are
        // guilty of violating the ceasefire"): the trigger's own, or that of the word its
        // clause hangs from, not one found further up.
        let coordinated_with_subject = || {
            if path.len() > 2 {
                return None;
            }
            let subject = unnamed_subject(subjects)?;
            // A conjunct right after a place in the subject's phrase goes with the place ("the
            // top Catholic in England and Wales", "Wales" misparsed under "Catholic").
            let after_place = |k: usize| {
                let first = mentions[k].first_token - offset;
                first >= 2
                    && tokens[first - 1].deprel == "cc"
                    && tokens[first - 2].head == Some(subject)
                    && tokens[first - 2].deprel == "nmod"
                    && has_dependent(tokens, first - 2, "case", None)
            };
            (0..mentions.len()).find(|&k| {
                tokens[heads[k]].head == Some(subject)
                    && tokens[heads[k]].deprel == "conj"
                    && borrowable(k)
                    && !after_place(k)
            })
        };
        // A subject no mention heads, named by its apposition: a person's whole name
        // ("Quatar's emir, Sheikh Hamad bin Khalifa al-Thani, launched …"; not "Paul" of
        // "The 2004 winner, Paul Cavanagh", nor a film's title).
        let whole_name = |k: usize| {
            let (first, end) = (
                mentions[k].first_token - offset,
                mentions[k].end_token - offset,
            );
            mentions[k].kind == MentionKind::Person
                && (0..tokens.len()).all(|i| {
                    tokens[i].head != Some(heads[k])
                        || tokens[i].deprel != "flat"
                        || (first..end).contains(&i)
                })
        };
        // Set off by a comma, or a bare title before the name ("Campaign coordinator Alan
        // Milburn"): a name right after a noun with its article is a misparse ("This is the
        // record Mr Blair will have to defend", "record" hung above its relative clause).
        let set_off = |k: usize, noun: usize| {
            let start = (0..heads[k])
                .find(|&i| tokens[i].upos != "PUNCT" && descends(tokens, i, heads[k]))
                .unwrap_or(heads[k]);
            start.checked_sub(1).is_some_and(|c| word(c) == ",")
                || !has_child(noun, &|i| tokens[i].deprel == "det")
        };
        let named_in_apposition = || {
            let subject = unnamed_subject(&["nsubj"])?;
            (0..mentions.len()).find(|&k| {
                whole_name(k)
                    && tokens[heads[k]].deprel == "appos"
                    && tokens[heads[k]].head == Some(subject)
                    && set_off(k, subject)
            })
        };
        source = child_mention_where(anchor, subjects, &borrowable)
            .or_else(|| modifying_child(anchor, &["nsubj", "nsubj:outer"]))
            .or_else(named_in_apposition)
            .or_else(coordinated_with_subject)
            .or_else(|| inverted_speaker(anchor))
            .or_else(|| {
                let subjectless = anchor != trigger
                    && !has_child(anchor, &|i| tokens[i].deprel.starts_with("nsubj"));
                (0..mentions.len()).find(|&k| {
                    subjectless
                        && before_auxiliaries_of(k, anchor)
                        && !descends(tokens, heads[k], trigger)
                })
            });
        if source.is_some() {
            break;
        }
        // "their willingness to attack" with no actor for "their": its owner acts, unknown.
        if infinitive_of_noun && has_child(anchor, &|i| tokens[i].deprel == "nmod:poss") {
            blocked = true;
            break;
        }
        // A clause with a subject of its own that is no actor ("military operations will
        // expand", "the strikes will continue") does not borrow one from above.
        // A pronoun subject of a reported clause ("Iraq said it would allow …", "the rebels
        // said they will release …") is taken to be the speaker, found by climbing on.
        let reported = tokens[anchor].deprel == "ccomp"
            && tokens[anchor].head.is_some_and(|h| reports(&tokens[h]));
        // Not when one known person speaks: "Mr Davis said it gives a minister the right to
        // detain" ("it" is the bill), but "Mr Howard and Mr Kennedy said they would …", and
        // an unknown name may be a body ("Yukos claimed it sought help").
        // The speaker of a later verb of a list is that of its first ("He said … and
        // suggested it would …").
        let one_person_speaks = || {
            tokens[anchor]
                .head
                .and_then(|h| {
                    child_mention(h, &["nsubj"]).or_else(|| {
                        let first = tokens[h].head.filter(|_| tokens[h].deprel == "conj")?;
                        child_mention(first, &["nsubj"])
                    })
                })
                .is_some_and(|k| {
                    // "He", known or not, is a person; an unknown name may be a body.
                    let he_or_she = matches!(word(heads[k]).as_str(), "he" | "she");
                    mentions[k].kind == MentionKind::Person
                        && (mentions[k].actor.code.is_some() || he_or_she)
                        && !has_child(heads[k], &|i| tokens[i].deprel == "conj")
                })
        };
        // "criticised by the Scottish National Party, which accused him …": a relative
        // pronoun subject of the trigger's clause, or of the verb whose complement it is,
        // stands for the mention right before it ("which" for no person: "coach Brad
        // Gilbert, which yielded the title" misreads "association … which").
        // A noun trigger's light verb ("conducted the inquiry") is its own clause too.
        let own_clause = path.len() == 1 || climbed_from.is_some_and(|t| t.deprel == "xcomp");
        let relative_antecedent = (0..tokens.len())
            .filter(|_| own_clause)
            .find(|&i| {
                tokens[i].head == Some(anchor)
                    && tokens[i].deprel == "nsubj"
                    && matches!(tokens[i].xpos.as_str(), "WP" | "WDT")
            })
            .and_then(|r| {
                let before = if r > 0 && word(r - 1) == "," {
                    r - 1
                } else {
                    r
                };
                let which = word(r) == "which";
                (0..mentions.len()).find(|&k| {
                    mentions[k].end_token - offset == before
                        && !(which && mentions[k].kind == MentionKind::Person)
                })
            });
        if relative_antecedent.is_some() {
            source = relative_antecedent;
            break;
        }
        let own_subject = has_child(anchor, &|i| {
            tokens[i].deprel.starts_with("nsubj")
                && (!tokens[i].deprel.ends_with("pass") || climbed_from_engagement)
                && !(reported
                    && SPEAKER_PRONOUNS.contains(&word(i).as_str())
                    && !one_person_speaks())
        });
        if own_subject || anchor != trigger && tokens[anchor].deprel.starts_with("nsubj") {
            blocked = true;
            break;
        }
        match tokens[anchor].head {
            Some(h) if h != anchor => {
                anchor = h;
                path.push(h);
            }
            _ => break,
        }
    }
    // Reported speech parsed upside down ("Trump announced … that all airspace should be
    // considered closed" with "announced" under "considered"): a reporting verb before the
    // trigger, attached under the trigger's clause, whose subject is an actor, speaks for
    // the clause as it would if it governed it.
    if source.is_none() && !blocked && !(passive && agent.is_none()) {
        source = (0..trigger)
            .filter(|&r| {
                tokens[r].upos == "VERB"
                    && tokens[r].head.is_some_and(|h| path.contains(&h))
                    && reports(&tokens[r])
            })
            .find_map(|r| child_mention(r, &["nsubj"]));
    }
    // A misparsed clause ("… shows Venezuela has been rigging elections"): the mention
    // right before the trigger's own auxiliaries is its subject. Not in a passive with no
    // `by` phrase after it: there that mention is the one acted upon and the actor is
    // unknown ("Blair has been accused of …"); with one, the agent was merely misattached.
    // A participle followed by `in` describes the subject's own doing ("were engaged in").
    // Nor ever the trigger's own passive subject: a `by` phrase that names no actor ("has
    // been criticised by many in his party") leaves the actor unknown.
    let stative = trigger + 1 < tokens.len() && word(trigger + 1) == "in";
    let agentless = passive && !stative && !(trigger + 1..tokens.len()).any(|i| word(i) == "by");
    let acted_upon = |k: usize| {
        let h = heads[k];
        tokens[h].head == Some(trigger) && tokens[h].deprel == "nsubj:pass"
    };
    let source = source.or_else(|| {
        if site.noun || agentless {
            return None;
        }
        // So is the name right before a finite verb with no subject in the parse ("On
        // Monday the Pakistani president met Tony Blair", the president hung under
        // "Monday"), unless a preposition governs it.
        let finite = matches!(tokens[trigger].xpos.as_str(), "VBD" | "VBZ" | "VBP")
            && !has_child(trigger, &|i| tokens[i].deprel.starts_with("nsubj"));
        let right_before = |k: usize| {
            finite
                && mentions[k].end_token - offset == trigger
                && !has_child(heads[k], &|i| tokens[i].deprel == "case")
        };
        (0..mentions.len()).find(|&k| !acted_upon(k) && (before_auxiliaries(k) || right_before(k)))
    })?;
    let located = |k: usize| {
        let first = mentions[k].first_token - offset;
        first > 0 && LOCATIVES.contains(&word(first - 1).as_str())
    };
    // "rejected by the Commons despite the support of 62 Labour rebels": whoever an
    // oblique of concession or circumstance names is not acted upon, unless it presses the
    // source ("declined to resign despite growing pressure by the Anti-Corruption
    // Commission": a refusal of the commission's demand).
    // (The parse may hang the oblique from the noun before it.)
    let in_concession = |k: usize| {
        let mut at = heads[k];
        for _ in 0..tokens.len() {
            if at == trigger {
                return false;
            }
            if has_dependent_among(tokens, at, "case", CONCESSIVE_CASES) {
                return !lemma_among(&tokens[at], PRESSURE_NOUNS);
            }
            match tokens[at].head {
                Some(up) if up != at => at = up,
                _ => return false,
            }
        }
        false
    };
    let in_source = |k: usize| {
        k == source || located(k) || in_concession(k) || never_aimed_at(tokens, heads[k], trigger)
    };
    // What a passive is done to may be a thing an actor owns or made: "the EU's move was
    // welcomed by Beijing", "the Labour plan was criticised by the Tories".
    let direct = child_mention(trigger, &["obj", "iobj", "nsubj:pass"])
        .or_else(|| {
            child_mention_where(trigger, &["obl", "nmod", "obl:arg"], &|k| {
                !misread_clause(tokens, heads[k])
            })
        })
        .filter(|&k| !in_source(k))
        .or_else(|| modifying_child(trigger, &["nsubj:pass"]).filter(|&k| !in_source(k)))
        // A passive's subject the parse hung elsewhere, right before its auxiliaries ("saying
        // Mr Jackson would be warmly welcomed by Labour MPs", "Mr Jackson" the object of
        // "saying"): what the passive is done to.
        // Not a noun inside a longer subject ("Moves to lift the ban on arms exports to China
        // have been condemned").
        .or_else(|| {
            (0..mentions.len()).find(|&k| {
                passive
                    && !in_source(k)
                    && before_auxiliaries(k)
                    && !matches!(
                        tokens[heads[k]].deprel.as_str(),
                        "nmod" | "nmod:poss" | "compound" | "amod" | "conj"
                    )
            })
        });
    // Only mentions after the trigger: a misparse that makes the trigger the root would
    // otherwise hand it every earlier mention.
    // The speaker of a reporting clause hung under the trigger ("X attacked a boat, Trump
    // said": UD attaches "said" to "attacked") says the event; it is not its target.
    let speaker = |k: usize| {
        let h = heads[k];
        tokens[h].deprel.starts_with("nsubj")
            && tokens[h]
                .head
                .is_some_and(|v| v != trigger && reports(&tokens[v]))
    };
    // A mention whose head lies in the trigger's subtree (not the source), less than two
    // clauses down.
    let own_possessive = |k: usize| {
        tokens[heads[k]].deprel == "nmod:poss"
            && same_actor(&mentions[k].actor, &mentions[source].actor)
    };
    // The source's own "its" or "their" owning no actor is as if unnamed ("ending its
    // dispute with its European partners": the partners).
    let own_thing = |k: usize| {
        own_possessive(k)
            && matches!(word(heads[k]).as_str(), "its" | "their")
            && tokens[heads[k]].head.and_then(headed_at).is_none()
    };
    let subtree = || {
        (0..mentions.len()).find(|&k| {
            !in_source(k)
                && !speaker(k)
                && !own_thing(k)
                && heads[k] > trigger
                && clauses_below(tokens, heads[k], trigger).is_some_and(|n| n < 2)
                && !in_other_clause(tokens, heads[k], trigger)
                && !in_later_conjunct(tokens, heads[k], trigger)
                && !asked_of_no_actor(tokens, heads[k], trigger, &heads)
                && !in_clause_of_thing(tokens, heads[k], trigger, &heads)
        })
    };
    // The source's own possessive ("held talks with his Israeli counterpart") is not the
    // one acted upon: the noun it possesses is, when that noun is an actor.
    let target = direct.or_else(subtree).and_then(|k| {
        if !own_possessive(k) {
            return Some(k);
        }
        headed_at(tokens[heads[k]].head?).filter(|&m| !in_source(m))
    });
    // A passive participle modifying a noun acts upon that noun ("the rebels arrested by
    // Colombian police", "soldiers killed by US troops").
    let target = target.or_else(|| {
        reduced_passive
            .then_some(tokens[trigger].head)
            .flatten()
            .and_then(headed_at)
            .filter(|&m| !in_source(m))
    });
    Some(Participants {
        source: Some(source),
        target,
    })
}

/// Nouns of an armed strike from the air or the sea, besides [`ATTACKS`].
const STRIKE_NOUNS: &[&str] = &["strike", "raid", "assault", "bombardment", "offensive"];

/// Verbs of the casualties of an attack: killed or hurt in it (passive), or dying in it.
const CASUALTY_VERBS: &[&str] = &["kill", "injure", "wound", "hurt", "maim", "die"];

/// Whether mention `m` hangs from the trigger word `trigger` (sentence-relative) through a
/// clause of its own with a subject ("warned that the government would have to work hard":
/// the government is talked about, not warned; not "warned the government").
pub(crate) fn inside_subject_clause(
    tokens: &[dyad_types::Token],
    offset: usize,
    m: &ActorMention,
    trigger: usize,
) -> bool {
    subject_clause_above(tokens, mention_head(tokens, offset, m), trigger)
        .is_some_and(|(_, up)| descends(tokens, up, trigger))
}

/// Whether mention `m` owns a thing inside the `to` complement of the trigger word `trigger`
/// ("promised to hail Labour's record": the promise is made to no one, Labour only owns what
/// it is about).
pub(crate) fn owner_in_complement(
    tokens: &[dyad_types::Token],
    offset: usize,
    m: &ActorMention,
    trigger: usize,
) -> bool {
    let h = mention_head(tokens, offset, m);
    tokens[h].deprel == "nmod:poss"
        && branch_under(tokens, h, trigger).is_some_and(|b| tokens[b].deprel == "xcomp")
}

/// Whether mention `m` is in what the trigger word `trigger` is on or about ("was commenting
/// on the jailing of 11 people for IRA bomb attacks": the IRA is the topic, not the one spoken
/// to).
pub(crate) fn in_topic(
    tokens: &[dyad_types::Token],
    offset: usize,
    m: &ActorMention,
    trigger: usize,
) -> bool {
    let h = mention_head(tokens, offset, m);
    branch_under(tokens, h, trigger).is_some_and(|b| {
        tokens[b].deprel.starts_with("obl")
            && has_dependent_among(
                tokens,
                b,
                "case",
                &["on", "about", "over", "regarding", "concerning"],
            )
    })
}

/// Whether the parse makes mention `m` the one spoken to by the statement verb at `verb`
/// ("told BBC Radio: …", "told MPs …", "insisted on BBC Radio 4's Today programme"): its
/// head, or the noun it modifies, is the verb's object or oblique.
pub(crate) fn addressee(analysis: &Analysis, offset: usize, m: &ActorMention, verb: usize) -> bool {
    let Some(tokens) = sentence_tokens(analysis, offset) else {
        return false;
    };
    let mut at = mention_head(tokens, offset, m);
    for _ in 0..3 {
        let Some(up) = tokens[at].head.filter(|&u| u != at) else {
            return false;
        };
        let rel = tokens[at].deprel.as_str();
        if up == verb {
            return matches!(rel, "obj" | "iobj") || rel.starts_with("obl");
        }
        if !MODIFIERS.contains(&rel) {
            return false;
        }
        at = up;
    }
    false
}

/// Whether mention `m` is the subject of a clause that the adverbial clause of the statement
/// verb at `verb` (an index into the sentence) stands under: in "He backed the plans as the
/// police said they would fight terror", "He" is not what the police spoke against.
pub(crate) fn governs_the_statement(
    analysis: &Analysis,
    offset: usize,
    m: &ActorMention,
    verb: usize,
) -> bool {
    let Some(tokens) = sentence_tokens(analysis, offset) else {
        return false;
    };
    let at = mention_head(tokens, offset, m);
    let (Some(clause), true) = (tokens[at].head, tokens[at].deprel.starts_with("nsubj")) else {
        return false;
    };
    // The statement stands in an adverbial clause ("as the police said"), not after what
    // was said ("Blair lied, say the Tories": parataxis); then up, at most a sentence's
    // depth.
    if tokens.get(verb).is_none_or(|t| t.deprel != "advcl") {
        return false;
    }
    let mut up = tokens[verb].head;
    for _ in 0..tokens.len() {
        match up {
            Some(u) if u == clause => return true,
            Some(u) if tokens[u].head != Some(u) => up = tokens[u].head,
            _ => return false,
        }
    }
    false
}

/// The mentions the parse puts inside another clause under the trigger (see
/// [`in_other_clause`]), two clauses down from it (see [`clauses_below`]), inside a relative
/// clause apart from it (see [`in_clause_apart`]), or inside the source's own noun phrase
/// ("David Frost, director general of the British Chambers of Commerce, warned"): none of them
/// is its target, whatever the clause heuristic says.
fn parse_barred(
    analysis: &Analysis,
    offset: usize,
    site: &TriggerSite,
    mentions: &[ActorMention],
    source: Option<usize>,
) -> Vec<usize> {
    let Some(tokens) = sentence_tokens(analysis, offset) else {
        return Vec::new();
    };
    if tokens.iter().all(|t| t.deprel.is_empty()) {
        return Vec::new();
    }
    let source_head = source.map(|s| mention_head(tokens, offset, &mentions[s]));
    let heads: Vec<usize> = mentions
        .iter()
        .map(|m| mention_head(tokens, offset, m))
        .collect();
    // "repeated calls for the mayor to apologise": a `for` clause the parse hung from the
    // light verb of a noun trigger is the noun's, and its subject the one called upon.
    let called_upon = |head: usize| {
        site.noun
            && tokens[site.first].deprel == "obj"
            && tokens[head].head.is_some_and(|v| {
                tokens[v].head.is_some()
                    && tokens[v].head == tokens[site.first].head
                    && has_dependent(tokens, v, "mark", Some("for"))
            })
    };
    (0..mentions.len())
        .filter(|&k| {
            let head = heads[k];
            // The subject of a verb outside the trigger's clause acts there ("in attacking
            // the party he once wanted to lead", "he" the subject of "wanted" hung elsewhere).
            // Not a subject hung from a word that is no predicate (a misparse).
            let subject_elsewhere = tokens[head].deprel.starts_with("nsubj")
                && tokens[head].head.is_some_and(|v| {
                    matches!(tokens[v].upos.as_str(), "VERB" | "AUX")
                        && !descends(tokens, site.first, v)
                })
                && !descends(tokens, head, site.first)
                && !called_upon(head);
            // Nor the subject of a verb above a clause of the trigger's that has a subject of
            // its own ("when trade unions carried out strikes …, Lord Callaghan refused").
            let subject_above = tokens[head].deprel.starts_with("nsubj")
                && tokens[head].head.is_some_and(|v| {
                    v != site.first && own_subject_below(tokens, site.first, v, head)
                });
            subject_elsewhere
                || subject_above
                || below_punctuation(tokens, head, site.first)
                || in_other_clause(tokens, head, site.first)
                || in_later_conjunct(tokens, head, site.first)
                || outside_own_conjunct(tokens, head, site.first)
                || asked_of_no_actor(tokens, head, site.first, &heads)
                || in_clause_of_thing(tokens, head, site.first, &heads)
                || clauses_below(tokens, head, site.first).is_some_and(|n| n >= 2)
                || in_clause_apart(tokens, head, site.first, site.noun)
                || never_aimed_at(tokens, head, site.first)
                || source_head
                    .is_some_and(|s| Some(k) != source && inside_phrase_of(tokens, head, s))
                // Nor anyone inside a clause that modifies the source, the trigger outside
                // it ("Police investigating Stefan's murder dismissed its influence").
                || source_head.is_some_and(|s| {
                    Some(k) != source
                        && descends(tokens, head, s)
                        && !descends(tokens, site.first, s)
                })
                || source_head.is_some_and(|s| inside_co_subject(tokens, head, s))
        })
        .collect()
}

/// Whether word `i` names someone the trigger at word `trigger` is never aimed at, however
/// the target is looked for (parse or surface): the owner of the feeling expressed, the
/// victim of the harm investigated, the captive whose release is called for, the country
/// of a shore the deed took place off.
fn never_aimed_at(tokens: &[dyad_types::Token], i: usize, trigger: usize) -> bool {
    off_the_coast(tokens, i)
        || feeling_owner(tokens, i, trigger)
        || harmed_in_inquiry(tokens, i, trigger)
        || freed_in_appeal(tokens, i, trigger)
        || inquired_into_in_appeal(tokens, i, trigger)
        || harmed_in_deed_acted_on(tokens, i, trigger)
}

/// The head of the noun phrase that word `i`, part of a name, names ("aid worker Margaret
/// Hassan": "worker").
fn phrase_named(tokens: &[dyad_types::Token], mut i: usize) -> usize {
    for _ in 0..3 {
        match tokens[i].head {
            Some(up) if matches!(tokens[i].deprel.as_str(), "flat" | "appos" | "compound") => {
                i = up
            }
            _ => break,
        }
    }
    i
}

/// Whether word `i` names the one harmed by a deed of force that a verb of taking a stance at
/// word `trigger` is about ("backed the invasion of Iraq", "condemned the killing of the aid
/// worker"): the victim, not the one the stance is aimed at. Not for a verb that does the
/// deed itself ("tighten the naval blockade of Serbia").
fn harmed_in_deed_acted_on(tokens: &[dyad_types::Token], i: usize, trigger: usize) -> bool {
    let named = phrase_named(tokens, i);
    let harmful =
        |n: &usize| lemma_among(&tokens[*n], HARM_NOUNS) || lemma_among(&tokens[*n], FORCE_NOUNS);
    let harm = of_phrase_of(tokens, named).filter(harmful);
    // "criticized the strikes on Venezuela", "backed sanctions against Iran": the one a
    // deed of force is aimed at, by "on" or "against".
    let aimed_at = || {
        let on = tokens[named].deprel == "nmod"
            && has_dependent_among(tokens, named, "case", &["on", "against"]);
        tokens[named]
            .head
            .filter(|n| on && (harmful(n) || lemma_among(&tokens[*n], ATTACK_NOUNS)))
    };
    let Some(noun) = harm.or_else(aimed_at) else {
        return false;
    };
    tokens[noun].head == Some(trigger)
        && matches!(tokens[noun].deprel.as_str(), "obj" | "nsubj:pass")
        && lemma_among(&tokens[trigger], STANCE_VERBS)
}

/// The noun whose `of` phrase word `i` heads ("the death of a soldier": "death").
fn of_phrase_of(tokens: &[dyad_types::Token], i: usize) -> Option<usize> {
    let of = tokens[i].deprel == "nmod" && has_dependent(tokens, i, "case", Some("of"));
    tokens[i].head.filter(|_| of)
}

/// Whether word `i` owns the feeling a verb of expressing at word `trigger` conveys
/// ("expressed Scotland's sympathy for the victims", "offered the government's condolences"):
/// on the side of the one expressing it, not the one it is for.
fn feeling_owner(tokens: &[dyad_types::Token], i: usize, trigger: usize) -> bool {
    lemma_among(&tokens[trigger], EXPRESSING_VERBS)
        && tokens[i].deprel == "nmod:poss"
        && tokens[i]
            .head
            .is_some_and(|n| tokens[n].head == Some(trigger) && tokens[n].deprel == "obj")
}

/// Mistreatments whose "of" phrase names those who suffered them.
const MISTREATMENT_NOUNS: &[&str] = &[
    "intimidation",
    "harassment",
    "abuse",
    "mistreatment",
    "ill-treatment",
    "detention",
];

/// Whether mention `m` names whoever suffered a harm, force or mistreatment, by the "of"
/// phrase of its noun ("widespread intimidation of activists", "the killing of civilians"):
/// a victim, not whom words about that harm criticise.
pub(crate) fn suffers_harm(tokens: &[dyad_types::Token], offset: usize, m: &ActorMention) -> bool {
    let head = mention_head(tokens, offset, m);
    of_phrase_of(tokens, phrase_named(tokens, head)).is_some_and(|n| {
        lemma_among(&tokens[n], HARM_NOUNS)
            || lemma_among(&tokens[n], FORCE_NOUNS)
            || lemma_among(&tokens[n], MISTREATMENT_NOUNS)
    })
}

/// Whether word `i` names whoever suffered the harm an inquiry at word `trigger` looks into
/// ("Police investigating Stefan's murder", "an inquiry into the death of a soldier"): the
/// one harmed, not the one investigated.
fn harmed_in_inquiry(tokens: &[dyad_types::Token], i: usize, trigger: usize) -> bool {
    let harm = tokens[i]
        .head
        .filter(|_| tokens[i].deprel == "nmod:poss")
        .or_else(|| of_phrase_of(tokens, i));
    lemma_among(&tokens[trigger], INQUIRIES)
        && harm.is_some_and(|n| lemma_among(&tokens[n], HARM_NOUNS))
}

/// Whether word `i` names whoever a call "for the release of" someone asks to be freed
/// ("appealed for the release of aid worker Margaret Hassan", "appealed for Iraqi women
/// prisoners to be freed"): the call is made to the captors, not to the captive.
fn freed_in_appeal(tokens: &[dyad_types::Token], i: usize, trigger: usize) -> bool {
    let named = phrase_named(tokens, i);
    let to_be_freed = |c: usize| {
        tokens[c].head == Some(trigger)
            && matches!(tokens[c].deprel.as_str(), "advcl" | "xcomp" | "ccomp")
            && lemma_among(&tokens[c], &["free", "release"])
            && has_dependent(tokens, c, "aux:pass", None)
    };
    // "for prisoners to be freed" read as the trigger's oblique and a clause beside it, or
    // as the subject of that clause opened by "for".
    let beside = tokens[named].head == Some(trigger)
        && has_dependent(tokens, named, "case", Some("for"))
        && (0..tokens.len()).any(to_be_freed);
    let subject = tokens[named].deprel == "nsubj:pass"
        && tokens[named]
            .head
            .is_some_and(|c| to_be_freed(c) && has_dependent(tokens, c, "mark", Some("for")));
    if beside || subject {
        return true;
    }
    let Some(noun) = of_phrase_of(tokens, named) else {
        return false;
    };
    lemma_among(&tokens[noun], &["release", "freedom"])
        && tokens[noun].head == Some(trigger)
        && has_dependent(tokens, noun, "case", Some("for"))
}

/// Whether a word on the way up from word `from` to its ancestor `verb` (that one excluded)
/// has a subject other than word `subject`: the clause of `from` is not `verb`'s.
fn own_subject_below(
    tokens: &[dyad_types::Token],
    from: usize,
    verb: usize,
    subject: usize,
) -> bool {
    let mut at = from;
    for _ in 0..tokens.len() {
        if at == verb {
            return false;
        }
        let subject_here = tokens
            .iter()
            .enumerate()
            .any(|(i, t)| i != subject && t.head == Some(at) && t.deprel.starts_with("nsubj"));
        if subject_here {
            return descends(tokens, at, verb);
        }
        match tokens[at].head {
            Some(up) if up != at => at = up,
            _ => return false,
        }
    }
    false
}

/// Prepositions of a phrase that something is a view on ("worried about plans to …").
const CONCERNING: &[&str] = &["about", "over", "against"];

/// Whether word `i` lies inside a clause with a subject of its own that neither holds the
/// trigger nor lies below it: a relative clause ("rejected quotas" after "migrants who want
/// to work in the UK"), or, for a verb trigger, any clause beside it ("had prepared a legal
/// team to be able to defend its case, in case legal action was taken against the UK": the
/// UK is the one acted upon in the `in case` clause, not the one the defence is aimed at).
/// A noun trigger's only bar is the relative clause: the parse often hangs a noun's content
/// clause from its light verb ("launched an investigation into whether Italian airline
/// Alitalia is receiving illegal state aid"), and a "that" clause from the wrong verb
/// ("Trump's announcement … that military operations against … will expand").
fn in_clause_apart(tokens: &[dyad_types::Token], i: usize, trigger: usize, noun: bool) -> bool {
    !descends(tokens, i, trigger)
        && subject_clause_above(tokens, i, trigger).is_some_and(|(clause, _)| {
            (!noun || tokens[clause].deprel.starts_with("acl"))
                && !descends(tokens, trigger, clause)
        })
}

/// Whether word `i` names whoever or whatever an inquiry called for would look into ("called
/// for an inquiry into the fast-tracking of a visa for Mr Blunkett's ex-lover's nanny",
/// "demanded an investigation of the minister"): the call is made to those who would hold
/// it, not to the one looked into. Not whoever would hold it ("an investigation by the
/// information commissioner"). A phrase the parse hung from the inquiry instead of what it
/// looks into ("an inquiry into the fast-tracking of a visa for Mr Blunkett's nanny") counts.
fn inquired_into_in_appeal(tokens: &[dyad_types::Token], i: usize, trigger: usize) -> bool {
    let asked_for = |noun: usize| {
        tokens[noun].head == Some(trigger)
            && lemma_among(&tokens[noun], INQUIRIES)
            && (has_dependent(tokens, noun, "case", Some("for"))
                || tokens[noun].deprel == "obj" && lemma_among(&tokens[trigger], DEMANDING_VERBS))
    };
    let mut at = i;
    for _ in 0..tokens.len() {
        let Some(up) = tokens[at].head else {
            return false;
        };
        if asked_for(up) {
            return tokens[at].deprel.starts_with("nmod")
                && !has_dependent(tokens, at, "case", Some("by"));
        }
        if up == trigger {
            return false;
        }
        at = up;
    }
    false
}

/// Verbs of asking for something as their object ("demanded an inquiry").
const DEMANDING_VERBS: &[&str] = &["demand", "seek", "request", "want", "urge"];

/// Whether word `i` lies inside a clause with a subject of its own below `trigger` ("refused
/// to say whether Mr Brown would remain", "suggestions it was preparing strikes against
/// Iran"): that clause's participants are its own. The subject of a complement or
/// conditional clause (not a concession) of the trigger itself stays open, with its
/// modifiers ("demanded that
/// its European Community partners refuse", "threatened to stop talks if the United States
/// goes ahead"), also under the trigger's infinitive when that is no reporting verb.
fn in_other_clause(tokens: &[dyad_types::Token], i: usize, trigger: usize) -> bool {
    subject_clause_above(tokens, i, trigger).is_some_and(|(at, up)| {
        // Not a concession ("would not apologise even if the prime minister asked").
        let concession = has_dependent(tokens, at, "advmod", Some("even"))
            || ["though", "although"]
                .iter()
                .any(|w| has_dependent(tokens, at, "mark", Some(w)));
        // (An `xcomp` with a subject of its own is a `ccomp` misread: "insisted Maduro resign".)
        // A clause of time the parse took for a complement is none ("rejected a policy of
        // not enforcing the ban until the House of Lords has considered its legality").
        let complement = matches!(tokens[at].deprel.as_str(), "ccomp" | "xcomp")
            && !has_dependent_among(tokens, at, "mark", TIME_MARKS);
        // "criticised the way the government handled the crisis", "praised how the police
        // acted": a clause on a manner word the trigger governs is what the act is about.
        let manner = tokens[at].deprel.contains("relcl")
            && tokens[up].head == Some(trigger)
            && MANNER_WORDS.contains(&tokens[up].lemma.to_lowercase().as_str());
        let open = ((complement || tokens[at].deprel == "advcl" && !concession)
            && governed_directly(tokens, up, trigger)
            || manner)
            && subject_of(tokens, i) == Some(at);
        !open && descends(tokens, up, trigger)
    })
}

/// Subordinators of a clause of time.
const TIME_MARKS: &[&str] = &[
    "until", "till", "before", "after", "when", "while", "since", "once",
];

/// Verbs of state whose participle complement is a passive ("stands accused", "remained
/// detained", "got arrested").
const STATE_VERBS: &[&str] = &[
    "stand", "remain", "stay", "lie", "sit", "go", "get", "become",
];

/// Words naming the manner of a deed, whose relative clause tells whose deed it was ("the way
/// Tony Blair's government operates", "how the government handled the crisis").
const MANNER_WORDS: &[&str] = &["way", "manner", "how"];

/// The first word on the way up from word `i` towards the trigger (the trigger excluded)
/// that heads a clause with a subject of its own, and the word that clause hangs from.
fn subject_clause_above(
    tokens: &[dyad_types::Token],
    i: usize,
    trigger: usize,
) -> Option<(usize, usize)> {
    let mut at = i;
    for _ in 0..tokens.len() {
        if at == trigger {
            return None;
        }
        let up = tokens[at].head.filter(|&u| u != at)?;
        // A verb coordinated with a noun is a clause the parse misplaced ("like the
        // Guildford Four - for which Tony Blair recently apologised -").
        let verb_on_noun = tokens[at].deprel == "conj"
            && tokens[at].upos == "VERB"
            && matches!(tokens[up].upos.as_str(), "NOUN" | "PROPN" | "PRON");
        let clause = CLAUSES.contains(&tokens[at].deprel.as_str())
            || misread_clause(tokens, at)
            || verb_on_noun;
        if clause && has_subject(tokens, at) {
            return Some((at, up));
        }
        at = up;
    }
    None
}

/// Whether the noun `word` heads a clause the parse hung as a noun: one with a copula ("now
/// when the whole issue was part of the EU constitution", "part" an `obl` of the verb), or
/// whose subject is a relative pronoun ("the EU constitution, which voters in the UK had been
/// promised a referendum over", "voters" an `obl` with "which" its subject).
fn misread_clause(tokens: &[dyad_types::Token], word: usize) -> bool {
    has_dependent(tokens, word, "cop", None)
        || has_dependent_among(tokens, word, "nsubj", RELATIVE_PRONOUNS)
}

/// Whether word `word` has a subject of its own (active or passive).
pub(crate) fn has_subject(tokens: &[dyad_types::Token], word: usize) -> bool {
    tokens
        .iter()
        .any(|t| t.head == Some(word) && t.deprel.starts_with("nsubj"))
}

/// Whether `word` is the trigger, or reaches it through infinitive and adverbial clauses with
/// no subject of their own that report nothing ("threatened to stop talks to reduce
/// weapons"; not "refused to say").
fn governed_directly(tokens: &[dyad_types::Token], mut word: usize, trigger: usize) -> bool {
    for _ in 0..tokens.len() {
        if word == trigger {
            return true;
        }
        if has_subject(tokens, word)
            || reports(&tokens[word])
            || !matches!(tokens[word].deprel.as_str(), "xcomp" | "advcl")
        {
            return false;
        }
        match tokens[word].head {
            Some(h) if h != word => word = h,
            _ => return false,
        }
    }
    false
}

/// The clause whose subject word `i` is, or modifies ("its European Community partners",
/// "US and British forces", "a lack of action by the British government").
fn subject_of(tokens: &[dyad_types::Token], i: usize) -> Option<usize> {
    let mut at = i;
    for _ in 0..4 {
        let up = tokens[at].head.filter(|&u| u != at)?;
        let rel = tokens[at].deprel.as_str();
        if rel.starts_with("nsubj") {
            return Some(up);
        }
        if !(MODIFIERS.contains(&rel) || matches!(rel, "conj" | "nmod")) {
            return None;
        }
        at = up;
    }
    None
}

/// Whether word `i` hangs inside the phrase of a subject coordinated with the source's head
/// `source` ("Both the Cardinal and Archbishop of Canterbury Dr Rowan Williams appealed …",
/// Dr Williams under "Archbishop"): a co-subject's own phrase is no one acted upon (the
/// co-subject itself is judged by the reciprocal rules).
fn inside_co_subject(tokens: &[dyad_types::Token], i: usize, source: usize) -> bool {
    (0..tokens.len()).any(|c| {
        tokens[c].head == Some(source)
            && tokens[c].deprel == "conj"
            && tokens[source].deprel.starts_with("nsubj")
            && inside_phrase_of(tokens, i, c)
    })
}

/// Whether word `i` hangs below word `head` through the relations inside a noun phrase
/// (apposition, `of` phrases, compounds, possessors).
fn inside_phrase_of(tokens: &[dyad_types::Token], mut i: usize, head: usize) -> bool {
    for _ in 0..6 {
        let Some(up) = tokens[i].head.filter(|&u| u != i) else {
            return false;
        };
        if !(MODIFIERS.contains(&tokens[i].deprel.as_str())
            || matches!(tokens[i].deprel.as_str(), "appos" | "nmod" | "nmod:desc"))
        {
            return false;
        }
        if up == head {
            return true;
        }
        i = up;
    }
    false
}

/// The lowest word with both `a` and `b` at or below it (one of them, when one is below the
/// other).
fn lowest_common_ancestor(tokens: &[dyad_types::Token], a: usize, b: usize) -> Option<usize> {
    let mut at = a;
    for _ in 0..tokens.len() {
        if descends(tokens, b, at) {
            return Some(at);
        }
        at = tokens[at].head.filter(|&h| h != at)?;
    }
    None
}

/// Whether word `i` is `ancestor` or lies below it.
pub(crate) fn descends(tokens: &[dyad_types::Token], mut i: usize, ancestor: usize) -> bool {
    for _ in 0..tokens.len() {
        if i == ancestor {
            return true;
        }
        match tokens[i].head {
            Some(h) if h != i => i = h,
            _ => return false,
        }
    }
    false
}

/// Whether word `i` reaches `ancestor` only through a punctuation mark, which heads nothing
/// in a right parse: a clause the parser hung from the full stop ("dismissed the talk of
/// splits and said people's priorities would be on the successes achieved by Labour", all
/// after "said" hung from the stop under "dismissed") is no part of the trigger's.
fn below_punctuation(tokens: &[dyad_types::Token], mut i: usize, ancestor: usize) -> bool {
    let mut through_punctuation = false;
    for _ in 0..tokens.len() {
        if i == ancestor {
            return through_punctuation;
        }
        match tokens[i].head {
            Some(h) if h != i => {
                through_punctuation |= h != ancestor && tokens[h].upos == "PUNCT";
                i = h;
            }
            _ => return false,
        }
    }
    false
}

/// How many clauses word `i` lies down from `ancestor`, `None` when it does not descend from
/// it: the clausal relations on the way up ("called for a body to be set up to monitor UK
/// immigration": "UK" is two clauses down). A verb's own complement does not count
/// ("threatened to stop"), nor the clause whose subject the word is: [`in_other_clause`]
/// judges that one ("threatened to stop talks if the United States goes ahead").
fn clauses_below(tokens: &[dyad_types::Token], i: usize, ancestor: usize) -> Option<usize> {
    let own = subject_of(tokens, i);
    let mut clauses = 0;
    let mut at = i;
    for _ in 0..tokens.len() {
        if at == ancestor {
            return Some(clauses);
        }
        let rel = tokens[at].deprel.as_str();
        if CLAUSES.contains(&rel) && rel != "xcomp" && Some(at) != own {
            clauses += 1;
        }
        at = tokens[at].head.filter(|&h| h != at)?;
    }
    None
}

/// Whether word `i` lies under a later verb of the trigger's list that is a clause of its
/// own, with an auxiliary or a subject ("pledged to … and set out the choices he says are
/// facing Britain", "are facing" parsed as a second verb of "pledged"): that verb's, not the
/// trigger's.
fn in_later_conjunct(tokens: &[dyad_types::Token], i: usize, trigger: usize) -> bool {
    branch_under(tokens, i, trigger).is_some_and(|b| {
        tokens[b].deprel == "conj"
            && tokens[b].upos == "VERB"
            && tokens.iter().any(|t| {
                t.head == Some(b) && (t.deprel.starts_with("aux") || t.deprel.starts_with("nsubj"))
            })
    })
}

/// Whether word `i` lies outside the later conjunct clause, with a subject of its own, that
/// the trigger stands in ("Abuses against the Roma in Eastern Europe are well documented, and
/// it is troubling that the government sought to deny entry …": Eastern Europe is not whom
/// entry was denied).
fn outside_own_conjunct(tokens: &[dyad_types::Token], i: usize, trigger: usize) -> bool {
    let mut at = trigger;
    for _ in 0..tokens.len() {
        if tokens[at].deprel == "conj" && has_subject(tokens, at) {
            return !descends(tokens, i, at);
        }
        match tokens[at].head {
            Some(h) if h != at => at = h,
            _ => return false,
        }
    }
    false
}

/// Whether word `i` lies in the `to` complement of the trigger when the trigger, a verb
/// that asks someone to act, addresses a noun no actor mention heads or modifies ("urged the men to step down from the GLA"): the
/// complement names what is asked of them, not whom the verb is aimed at. `heads` are the
/// head words of the sentence's mentions.
fn asked_of_no_actor(
    tokens: &[dyad_types::Token],
    i: usize,
    trigger: usize,
    heads: &[usize],
) -> bool {
    if !lemma_among(&tokens[trigger], crate::no_deed::DIRECTIVE_VERBS) {
        return false;
    }
    let addressee = (0..tokens.len()).find(|&n| {
        tokens[n].head == Some(trigger)
            && matches!(tokens[n].deprel.as_str(), "obj" | "iobj")
            && tokens[n].upos == "NOUN"
    });
    !addressee.is_none_or(|n| actor_at(tokens, heads, n))
        && branch_under(tokens, i, trigger).is_some_and(|b| tokens[b].deprel == "xcomp")
}

/// Whether word `i` lies in a clause modifying the trigger's object, a thing no actor mention
/// heads or modifies ("accused some Islamic schools of failing to teach pupils about their
/// obligations to British society", "welcomed the decision to free the men"): that clause
/// says what the thing is or did, not whom the trigger is aimed at. `heads` are the head
/// words of the sentence's mentions.
fn in_clause_of_thing(
    tokens: &[dyad_types::Token],
    i: usize,
    trigger: usize,
    heads: &[usize],
) -> bool {
    let Some(object) = branch_under(tokens, i, trigger).filter(|&b| tokens[b].deprel == "obj")
    else {
        return false;
    };
    // Not a relative clause ("the way Tony Blair's government operates"), nor the maker of
    // the thing ("the agreement reached by ministers", as "the ministers' agreement").
    let maker = |c: usize| {
        tokens[c].xpos == "VBN"
            && tokens[i].head == Some(c)
            && has_dependent(tokens, i, "case", Some("by"))
    };
    // A decision or a plan whose clause says what it would do, or the deed an "of" or "for"
    // gerund lays at the thing's door; not a deal or a ban, whose clause names the other
    // party ("a deal to supply French car maker Peugeot", "lifted a trade ban to reward
    // Tripoli").
    // A plan's other side, "with" whom it is to be done, is the verb's too ("accepted a plan
    // for ending its fishing dispute with its European Union partners").
    let with_phrase = |n: usize| has_dependent(tokens, n, "case", Some("with"));
    let other_side = with_phrase(i)
        || MODIFIERS.contains(&tokens[i].deprel.as_str())
            && tokens[i].head.is_some_and(with_phrase);
    let deed_of_thing = |c: usize| {
        if lemma_among(&tokens[object], DECISION_NOUNS) {
            return !other_side;
        }
        tokens[c].xpos == "VBG"
            && ["of", "for"]
                .iter()
                .any(|w| has_dependent(tokens, c, "mark", Some(w)))
    };
    !actor_at(tokens, heads, object)
        && branch_under(tokens, i, object)
            .is_some_and(|c| tokens[c].deprel == "acl" && !maker(c) && deed_of_thing(c))
}

/// Whether an actor mention (of the sentence's mention `heads`) heads word `n` or modifies it
/// ("the men", "Labour's plans").
fn actor_at(tokens: &[dyad_types::Token], heads: &[usize], n: usize) -> bool {
    heads.iter().any(|&h| {
        h == n || (tokens[h].head == Some(n) && MODIFIERS.contains(&tokens[h].deprel.as_str()))
    })
}

/// Nouns of a choice made or a course planned, whose `to` clause says what it would do.
const DECISION_NOUNS: &[&str] = &[
    "decision",
    "plan",
    "proposal",
    "move",
    "bid",
    "attempt",
    "effort",
    "scheme",
    "report",
    "claim",
    "suggestion",
    "intention",
];

/// Nouns of a will to act or not, whose `to` clause is their owner's deed ("their
/// willingness to back", "his refusal to resign").
const WILL_NOUNS: &[&str] = &[
    "willingness",
    "readiness",
    "determination",
    "desire",
    "eagerness",
    "refusal",
    "reluctance",
    "failure",
    "pledge",
    "promise",
    "vow",
    "commitment",
    "offer",
    "threat",
];

/// Relations of a clause that can carry a subject of its own.
const CLAUSES: &[&str] = &[
    "ccomp",
    "advcl",
    "acl",
    "acl:relcl",
    "csubj",
    "parataxis",
    "xcomp",
];

/// Whether mention `t` is a co-subject of mention `s` in the parse of the sentence whose
/// `tokens` start at token `offset` ("the Tories and the Lib Dems called for …": `conj` of
/// its head).
pub(crate) fn co_subject(
    tokens: &[dyad_types::Token],
    offset: usize,
    mentions: &[ActorMention],
    s: usize,
    t: usize,
) -> bool {
    let (ht, hs) = (
        mention_head(tokens, offset, &mentions[t]),
        mention_head(tokens, offset, &mentions[s]),
    );
    tokens[ht].deprel == "conj" && tokens[ht].head == Some(hs)
}

/// Nouns of a blast or an armed attack: as the subject of a violent act ("a roadside bombing
/// killed one U.S. soldier") they stand for an armed force nobody named.
const ATTACKS: &[&str] = &[
    "bombing",
    "bomb",
    "explosion",
    "blast",
    "attack",
    "airstrike",
    "shelling",
    "rocket",
    "missile",
    "mortar",
    "grenade",
    "landmine",
    "mine",
    "ambush",
    "gunfire",
];

/// The unidentified attacker of a violent act whose subject (or passive agent) is an attack
/// or a blast, not an actor ("A roadside bombing near Samarra killed one U.S. soldier", "two
/// soldiers were killed by a roadside bomb"): that phrase as an actor of no known code, an
/// unidentified armed force (CAMEO's UAF).
pub(crate) fn unidentified_attacker(
    analysis: &Analysis,
    tokens: &[dyad_types::Token],
    trigger: usize,
) -> Option<dyad_types::Actor> {
    let under = |i: usize| tokens[i].head == Some(trigger);
    let passive = is_passive(tokens, trigger);
    // The subject, or of a passive the `by` agent or the `in` of the blast ("were killed by
    // an improvised explosive device", "killed in a car bomb explosion").
    let introduced_by = |i: usize, words: &[&str]| {
        (0..i).any(|c| {
            tokens[c].head == Some(i)
                && tokens[c].deprel == "case"
                && words.contains(&tokens[c].lemma.as_str())
        })
    };
    let attack = |i: usize| {
        let lemma = tokens[i].lemma.to_lowercase();
        ATTACKS.contains(&lemma.as_str())
            || lemma == "device"
                && (0..i).any(|m| {
                    tokens[m].head == Some(i)
                        && matches!(tokens[m].lemma.as_str(), "explosive" | "incendiary")
                })
    };
    let subject = (0..tokens.len()).find(|&i| {
        under(i)
            && attack(i)
            && (tokens[i].deprel == "nsubj"
                || passive
                    && tokens[i].deprel.starts_with("obl")
                    && introduced_by(i, &["by", "in"]))
    })?;
    // The noun with its determiner and modifiers before it ("A roadside bombing").
    let first = (0..subject)
        .find(|&i| {
            tokens[i].head == Some(subject)
                && matches!(tokens[i].deprel.as_str(), "det" | "amod" | "compound")
        })
        .unwrap_or(subject);
    let (start, end) = (tokens[first].start, tokens[subject].end);
    Some(dyad_types::Actor {
        start,
        end,
        text: analysis.doc.text[start..end].to_string(),
        roles: vec!["UAF".into()],
        ..dyad_types::Actor::default()
    })
}

/// Verbs whose `in` phrase names what their subject does ("were engaged in"; "part" for "took
/// part in" with the phrase under the noun).
const ENGAGED_IN: &[&str] = &["engage", "involve", "participate", "part"];

/// Whether the noun trigger at `noun` is what its verb's subject is engaged in ("were
/// engaged in ethnic cleansing", "took part in the attack").
fn engaged_in(tokens: &[dyad_types::Token], noun: usize) -> bool {
    let in_phrase = tokens
        .iter()
        .any(|t| t.head == Some(noun) && t.deprel == "case" && t.lemma.eq_ignore_ascii_case("in"));
    in_phrase
        && tokens[noun].deprel.starts_with("obl")
        && tokens[noun].head.is_some_and(|h| {
            ENGAGED_IN
                .iter()
                .any(|v| tokens[h].lemma.eq_ignore_ascii_case(v))
                || (tokens[h].lemma.eq_ignore_ascii_case("take")
                    && tokens
                        .iter()
                        .any(|t| t.head == Some(h) && t.lemma.eq_ignore_ascii_case("part")))
        })
}

/// Whether the trigger at `trigger` (an index into the sentence) has a passive subject.
pub(crate) fn is_passive(tokens: &[dyad_types::Token], trigger: usize) -> bool {
    tokens
        .iter()
        .any(|t| t.head == Some(trigger) && t.deprel == "nsubj:pass")
}

/// The mention that is the passive subject of the trigger ("two soldiers were killed").
pub(crate) fn passive_subject(
    tokens: &[dyad_types::Token],
    offset: usize,
    site: &TriggerSite,
    mentions: &[ActorMention],
) -> Option<usize> {
    mention_under(tokens, offset, mentions, site.first, |rel| {
        rel == "nsubj:pass"
    })
}

/// The first of `mentions` (of the sentence whose tokens start at `offset`) whose head hangs
/// from word `word` in a relation for which `relation` holds.
fn mention_under(
    tokens: &[dyad_types::Token],
    offset: usize,
    mentions: &[ActorMention],
    word: usize,
    relation: impl Fn(&str) -> bool,
) -> Option<usize> {
    mentions.iter().position(|m| {
        let inside = m.first_token >= offset && m.end_token - offset <= tokens.len();
        inside && {
            let head = mention_head(tokens, offset, m);
            tokens[head].head == Some(word) && relation(&tokens[head].deprel)
        }
    })
}

/// Nouns of the hold someone is freed from ("freed from US custody", "released from Israeli
/// jails").
const CUSTODY_NOUNS: &[&str] = &["custody", "detention", "jail", "prison", "captivity"];

/// The one who held those freed: the actor qualifying the custody noun of a "from" phrase of
/// the trigger verb ("The four Britons freed from US custody": the United States), and the
/// ones freed, the trigger's subject. Returns (custodian, freed) as indices into `mentions`.
pub(crate) fn custodian(
    tokens: &[dyad_types::Token],
    offset: usize,
    site: &TriggerSite,
    mentions: &[ActorMention],
) -> Option<(usize, Option<usize>)> {
    if site.noun || has_dependent(tokens, site.first, "obj", None) {
        return None;
    }
    let hold = (0..tokens.len()).find(|&i| {
        tokens[i].head == Some(site.first)
            && tokens[i].deprel.starts_with("obl")
            && lemma_among(&tokens[i], CUSTODY_NOUNS)
            && has_dependent(tokens, i, "case", Some("from"))
    })?;
    let holder = mention_under(tokens, offset, mentions, hold, |rel| {
        matches!(rel, "compound" | "amod" | "nmod:poss")
    })?;
    let freed = mention_under(tokens, offset, mentions, site.first, |rel| {
        rel.starts_with("nsubj")
    });
    Some((holder, freed.filter(|&f| f != holder)))
}

/// Whether a parsed word is a reporting verb ("said", "announced"), by its lemma.
pub(crate) fn reports(token: &dyad_types::Token) -> bool {
    REPORTING_VERBS
        .iter()
        .any(|v| token.lemma.eq_ignore_ascii_case(v))
}

/// Verbs of saying and thinking whose bare gerund complement is an activity talked about,
/// not the speaker's own doing (unlike "denied attacking", "considered lifting").
const OPINION_VERBS: &[&str] = &[
    "say", "think", "believe", "argue", "predict", "add", "note", "state", "write", "declare",
];

/// Subject pronouns of a reported clause that refer back to the speaker.
const SPEAKER_PRONOUNS: &[&str] = &["it", "they"];

/// Words that open a clause as well as a phrase ("after", "before").
const SUBORDINATORS: &[&str] = &["after", "before", "since", "until", "till", "as", "because"];

/// Verbs of going somewhere whose `for` phrase names what the goer goes to take part in
/// ("returned to Geneva for talks").
const JOURNEY_VERBS: &[&str] = &[
    "return", "travel", "go", "come", "fly", "arrive", "head", "leave", "gather", "meet",
];

/// The light verb that carries the event of the noun at `trigger`: the verb whose object
/// the noun is, or the noun it modifies ("held a rally", "undertook a mediation mission").
pub(crate) fn light_verb(tokens: &[dyad_types::Token], trigger: usize) -> Option<usize> {
    let phrase = match tokens[trigger].deprel.as_str() {
        "compound" => tokens[trigger].head.filter(|&h| tokens[h].upos == "NOUN"),
        _ => Some(trigger),
    };
    phrase
        .filter(|&p| tokens[p].deprel == "obj")
        .and_then(|p| tokens[p].head)
        .filter(|&h| LIGHT_VERBS.contains(&tokens[h].lemma.as_str()))
}

/// Verbs whose object noun carries the event ("held a rally", "launched strikes").
const LIGHT_VERBS: &[&str] = &[
    "hold",
    "attend",
    "stage",
    "launch",
    "conduct",
    "carry",
    "make",
    "issue",
    "order",
    "announce",
    "mount",
    "open",
    "begin",
    "start",
    "declare",
    "give",
    "extend",
    "lodge",
    "complete",
    "speed",
    "accelerate",
    "undertake",
    "continue",
    "resume",
    "renew",
    "repeat",
    "reiterate",
    "press",
    "express",
    "voice",
    "lend",
    "throw",
];

/// Relations of a modifier inside a noun phrase.
const MODIFIERS: &[&str] = &["amod", "compound", "nmod:poss", "flat"];

/// Quantity and membership nouns whose `of` phrase names the group itself ("thousands of
/// Iraqi Kurds", "members of the Association of African Jurists").
const GROUP_NOUNS: &[&str] = &[
    "member",
    "members",
    "representative",
    "representatives",
    "delegation",
    "delegations",
    "thousand",
    "thousands",
    "hundred",
    "hundreds",
    "dozen",
    "dozens",
    "ten",
    "tens",
    "score",
    "scores",
    "million",
    "millions",
    "group",
    "number",
    "crowd",
];

/// People named by whom they stand with or against, who are not that one ("Mr Flight's
/// allies", "Labour's critics").
const OTHERS_NOUNS: &[&str] = &[
    "ally",
    "supporter",
    "backer",
    "critic",
    "opponent",
    "rival",
    "enemy",
    "friend",
    "detractor",
    "victim",
];

/// Nouns that name a person by a relation to another ("his predecessor", "her deputy"):
/// the possessor is that other, not the person.
const RELATION_NOUNS: &[&str] = &[
    "predecessor",
    "successor",
    "deputy",
    "wife",
    "husband",
    "son",
    "daughter",
    "brother",
    "sister",
    "father",
    "mother",
    "aide",
    "adviser",
    "advisor",
];

/// Verbs that convey a feeling or stance their object names ("expressed sympathy", "voiced
/// concern", "sent condolences").
const EXPRESSING_VERBS: &[&str] = &[
    "express", "voice", "convey", "extend", "offer", "send", "pledge", "register",
];

/// Words of looking into something: what they look into names its victims, not its suspects.
const INQUIRIES: &[&str] = &["investigate", "probe", "inquiry", "investigation"];

/// Harms done to someone, whose possessor or "of" phrase is the one harmed.
const HARM_NOUNS: &[&str] = &[
    "murder",
    "death",
    "killing",
    "kidnapping",
    "abduction",
    "disappearance",
    "shooting",
    "assassination",
    "rape",
    "assault",
];

/// Verbs of taking a stance on something: for or against it.
const STANCE_VERBS: &[&str] = &[
    "back",
    "support",
    "endorse",
    "praise",
    "welcome",
    "hail",
    "applaud",
    "defend",
    "justify",
    "condemn",
    "criticise",
    "criticize",
    "denounce",
    "deplore",
    "oppose",
    "reject",
    "attack",
    "decry",
    "protest",
];

/// Deeds of force done to a country or a people, whose `of` phrase names who suffers them.
const FORCE_NOUNS: &[&str] = &[
    "invasion",
    "occupation",
    "bombing",
    "annexation",
    "blockade",
    "massacre",
    "persecution",
    "torture",
];

/// Deeds of force or pressure aimed "on" or "against" someone ("strikes on Venezuela",
/// "sanctions against Iran").
const ATTACK_NOUNS: &[&str] = &[
    "strike",
    "airstrike",
    "attack",
    "raid",
    "sanction",
    "embargo",
    "war",
    "offensive",
    "crackdown",
    "incursion",
    "action",
    "campaign",
];

/// Prepositions of an oblique that tells despite or amid what something happened.
const CONCESSIVE_CASES: &[&str] = &["despite", "amid", "amidst", "notwithstanding"];

/// Nouns of pressing someone to act: those who press are who a refusal "despite" them
/// answers.
const PRESSURE_NOUNS: &[&str] = &[
    "pressure",
    "demand",
    "call",
    "request",
    "appeal",
    "plea",
    "protest",
    "objection",
    "opposition",
    "criticism",
    "warning",
    "threat",
    "urging",
];

/// The pronouns that open a relative clause as its subject.
const RELATIVE_PRONOUNS: &[&str] = &["which", "who", "that"];

/// Prepositions that make a following place a location, not a participant.
const LOCATIVES: &[&str] = &[
    "in",
    "at",
    "near",
    "across",
    "throughout",
    "inside",
    "outside",
];

/// Nouns of a shore, whose country is where a thing at sea was ("off the coast of
/// Venezuela").
const SHORE_NOUNS: &[&str] = &["coast", "coastline", "shore"];

/// Whether the word at `head` names the country of a shore something lies off or along
/// ("struck a boat off the coast of Venezuela", "off Venezuela's coast"): a place, not the one
/// acted upon.
fn off_the_coast(tokens: &[dyad_types::Token], head: usize) -> bool {
    (has_dependent(tokens, head, "case", Some("of")) || tokens[head].deprel == "nmod:poss")
        && tokens[head].head.is_some_and(|shore| {
            lemma_among(&tokens[shore], SHORE_NOUNS)
                && has_dependent_among(tokens, shore, "case", &["off", "along", "near"])
        })
}

/// Whether the word at `place` names where the thing a deed of force at `trigger` strikes
/// lies: "in" a noun that is the trigger's object ("bombed targets in Venezuela") or what
/// a noun trigger is "on" or "against" ("strikes on land targets in Venezuela").
pub(crate) fn struck_within(tokens: &[dyad_types::Token], place: usize, trigger: usize) -> bool {
    let t = &tokens[place];
    t.deprel == "nmod"
        && has_dependent(tokens, place, "case", Some("in"))
        && t.head.is_some_and(|thing| {
            tokens[thing].head == Some(trigger)
                && match tokens[thing].deprel.as_str() {
                    "obj" => true,
                    "nmod" | "obl" => {
                        has_dependent_among(tokens, thing, "case", &["on", "against"])
                    }
                    _ => false,
                }
        })
}

/// Whether a locative preposition comes right before word `first`, articles aside ("not
/// least in the Czech Republic"): a place named there is where, not whom.
pub(crate) fn after_locative(words: &SentenceWords, first: usize) -> bool {
    words
        .before_articles(first)
        .next()
        .is_some_and(|i| LOCATIVES.contains(&words.lower[i].as_str()))
}

/// The syntactic head of a mention: its token whose head lies outside the mention.
pub(crate) fn mention_head(tokens: &[dyad_types::Token], offset: usize, m: &ActorMention) -> usize {
    let (first, end) = (m.first_token - offset, m.end_token - offset);
    (first..end)
        .find(|&i| tokens[i].head.is_none_or(|h| h < first || h >= end))
        .unwrap_or(end - 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_actors::MentionKind;
    use dyad_types::{Actor, Document, Sentence};

    /// One parsed sentence from rows of (word, UPOS, XPOS, lemma, 1-based head, relation),
    /// and the actor mentions over the given word spans (first, end, code).
    fn parsed(
        rows: &[(&str, &str, &str, &str, usize, &str)],
        spans: &[(usize, usize, &str)],
    ) -> (Analysis, Vec<ActorMention>) {
        let text = rows.iter().map(|r| r.0).collect::<Vec<_>>().join(" ");
        let mut analysis = Analysis::new(Document::from_text(text.clone()));
        analysis.tokens = crate::test_rows::tokens_from_rows(rows);
        analysis.sentences.push(Sentence {
            start: 0,
            end: text.len(),
            first_token: 0,
            last_token: rows.len(),
        });
        let mentions = spans
            .iter()
            .map(|&(first, end, code)| ActorMention {
                sentence: 0,
                first_token: first,
                end_token: end,
                head_token: end - 1,
                actor: Actor {
                    code: Some(code.into()),
                    ..Actor::default()
                },
                kind: MentionKind::Person,
                coreferent: false,
                possessor_head: None,
            })
            .collect();
        (analysis, mentions)
    }

    /// The sentence's words as [`parsed`] laid them out.
    fn words_of(analysis: &Analysis) -> SentenceWords {
        let forms: Vec<&str> = analysis.doc.text.split(' ').collect();
        let lemmas = vec![""; forms.len()];
        SentenceWords::new(&forms, &lemmas)
    }

    /// The participants [`select`] picks for the verb at word `trigger` of the sentence
    /// [`parsed`] builds from `rows` and `spans`.
    fn pick(
        rows: &[(&str, &str, &str, &str, usize, &str)],
        spans: &[(usize, usize, &str)],
        trigger: usize,
    ) -> Participants {
        let (analysis, mentions) = parsed(rows, spans);
        let words = words_of(&analysis);
        select(&analysis, 0, &words, &verb_at(trigger), &mentions)
    }

    fn verb_at(i: usize) -> TriggerSite {
        TriggerSite {
            first: i,
            end: i + 1,
            noun: false,
        }
    }

    #[test]
    fn a_reporting_verb_parsed_under_its_complement_still_speaks_for_it() {
        // "Trump announced that airspace should be considered closed", with "announced"
        // misattached under "considered".
        let picked = pick(
            &[
                ("Trump", "PROPN", "NNP", "Trump", 2, "nsubj"),
                ("announced", "VERB", "VBD", "announce", 7, "nsubj:pass"),
                ("that", "SCONJ", "IN", "that", 7, "mark"),
                ("airspace", "NOUN", "NN", "airspace", 7, "obl"),
                ("should", "AUX", "MD", "should", 7, "aux"),
                ("be", "AUX", "VB", "be", 7, "aux:pass"),
                ("considered", "VERB", "VBN", "consider", 0, "root"),
                ("closed", "VERB", "VBN", "close", 7, "xcomp"),
            ],
            &[(0, 1, "USAGOV")],
            7,
        );
        assert_eq!(picked.source, Some(0));
    }

    #[test]
    fn no_target_hangs_from_a_punctuation_mark() {
        // "Blair dismissed the talk and said priorities would be on the successes achieved by
        // Labour .", the words after "said" misattached under the full stop.
        let misparsed = [
            ("Blair", "PROPN", "NNP", "Blair", 2, "nsubj"),
            ("dismissed", "VERB", "VBD", "dismiss", 0, "root"),
            ("the", "DET", "DT", "the", 4, "det"),
            ("talk", "NOUN", "NN", "talk", 2, "obj"),
            ("and", "CCONJ", "CC", "and", 6, "cc"),
            ("said", "VERB", "VBD", "say", 2, "conj"),
            ("priorities", "NOUN", "NNS", "priority", 6, "obj"),
            ("would", "AUX", "MD", "would", 16, "aux"),
            ("be", "AUX", "VB", "be", 16, "cop"),
            ("on", "ADP", "IN", "on", 12, "case"),
            ("the", "DET", "DT", "the", 12, "det"),
            ("successes", "NOUN", "NNS", "success", 9, "obl"),
            ("achieved", "VERB", "VBN", "achieve", 12, "acl"),
            ("by", "ADP", "IN", "by", 15, "case"),
            ("Labour", "PROPN", "NNP", "Labour", 13, "obl"),
            (".", "PUNCT", ".", ".", 2, "punct"),
        ];
        let spans = [(0, 1, "GBRGOV"), (14, 15, "GBRPTY")];
        assert_eq!(pick(&misparsed, &spans, 1).target, None);
    }

    #[test]
    fn no_target_found_by_its_place_hangs_from_a_punctuation_mark() {
        // "Heineken said it plans to invest euros in aggressive marketing in Europe and the
        // US .", the words after "invest euros" hung from the full stop.
        let misparsed = [
            ("Heineken", "PROPN", "NNP", "Heineken", 2, "nsubj"),
            ("said", "VERB", "VBD", "say", 0, "root"),
            ("it", "PRON", "PRP", "it", 4, "nsubj"),
            ("plans", "NOUN", "NNS", "plan", 2, "ccomp"),
            ("to", "PART", "TO", "to", 6, "mark"),
            ("invest", "VERB", "VB", "invest", 4, "acl"),
            ("euros", "NOUN", "NNS", "euro", 6, "obj"),
            ("in", "ADP", "IN", "in", 15, "case"),
            ("aggressive", "ADJ", "JJ", "aggressive", 15, "advcl"),
            ("marketing", "NOUN", "NN", "marketing", 9, "conj"),
            ("in", "ADP", "IN", "in", 12, "case"),
            ("Europe", "PROPN", "NNP", "Europe", 10, "nmod"),
            ("and", "CCONJ", "CC", "and", 14, "cc"),
            ("US", "PROPN", "NNP", "US", 12, "conj"),
            (".", "PUNCT", ".", ".", 2, "punct"),
        ];
        let spans = [(0, 1, "NLDBUS"), (13, 14, "USA")];
        assert_eq!(pick(&misparsed, &spans, 1).target, None);
    }

    #[test]
    fn a_passive_participle_acts_upon_the_noun_it_modifies() {
        // "The rebels arrested by Colombian police appeared in court."
        let picked = pick(
            &[
                ("The", "DET", "DT", "the", 2, "det"),
                ("rebels", "NOUN", "NNS", "rebel", 7, "nsubj"),
                ("arrested", "VERB", "VBN", "arrest", 2, "acl"),
                ("by", "ADP", "IN", "by", 6, "case"),
                ("Colombian", "ADJ", "JJ", "Colombian", 6, "amod"),
                ("police", "NOUN", "NN", "police", 3, "obl:agent"),
                ("appeared", "VERB", "VBD", "appear", 0, "root"),
            ],
            &[(1, 2, "REB"), (4, 6, "COLCOP")],
            2,
        );
        assert_eq!((picked.source, picked.target), (Some(1), Some(0)));
    }

    #[test]
    fn a_participle_modifying_a_noun_takes_no_subject_from_above() {
        // "Britain welcomed the detainees released by the US": the US releases, not Britain;
        // without the `by` agent nobody known does.
        let rows = |agent: bool| {
            let mut rows = vec![
                ("Britain", "PROPN", "NNP", "Britain", 2, "nsubj"),
                ("welcomed", "VERB", "VBD", "welcome", 0, "root"),
                ("the", "DET", "DT", "the", 4, "det"),
                ("detainees", "NOUN", "NNS", "detainee", 2, "obj"),
                ("released", "VERB", "VBN", "release", 4, "acl"),
            ];
            if agent {
                rows.push(("by", "ADP", "IN", "by", 8, "case"));
                rows.push(("the", "DET", "DT", "the", 8, "det"));
                rows.push(("US", "PROPN", "NNP", "US", 5, "obl"));
            }
            rows
        };
        let picked = pick(&rows(true), &[(0, 1, "GBR"), (6, 8, "USA")], 4);
        assert_eq!(picked.source, Some(1));
        let picked = pick(&rows(false), &[(0, 1, "GBR")], 4);
        assert_eq!(picked.source, None);
    }

    #[test]
    fn a_name_right_after_the_gerund_is_its_object_not_the_subject_it_borrows() {
        // "He said after meeting Tony Blair he had been left …", parsed with both "Tony" and
        // "he" as subjects of "left": the second "he" met Blair.
        let rows = [
            ("He", "PRON", "PRP", "he", 2, "nsubj"),
            ("said", "VERB", "VBD", "say", 0, "root"),
            ("after", "SCONJ", "IN", "after", 4, "mark"),
            ("meeting", "VERB", "VBG", "meet", 9, "advcl"),
            ("Tony", "PROPN", "NNP", "Tony", 9, "nsubj:pass"),
            ("Blair", "PROPN", "NNP", "Blair", 5, "flat"),
            ("he", "PRON", "PRP", "he", 9, "nsubj:pass"),
            ("had", "AUX", "VBD", "have", 9, "aux"),
            ("left", "VERB", "VBN", "leave", 2, "ccomp"),
        ];
        let picked = pick(
            &rows,
            &[(0, 1, "GBRPTY"), (4, 6, "GBRGOV"), (6, 7, "GBRPTY")],
            3,
        );
        assert_eq!(picked.source, Some(2));
    }

    #[test]
    fn people_a_present_participle_describes_do_what_it_says() {
        // "Britain criticised the passengers travelling from France": the passengers travel,
        // not Britain.
        let rows = [
            ("Britain", "PROPN", "NNP", "Britain", 2, "nsubj"),
            ("criticised", "VERB", "VBD", "criticise", 0, "root"),
            ("the", "DET", "DT", "the", 4, "det"),
            ("passengers", "NOUN", "NNS", "passenger", 2, "obj"),
            ("travelling", "VERB", "VBG", "travel", 4, "acl"),
            ("from", "ADP", "IN", "from", 7, "case"),
            ("France", "PROPN", "NNP", "France", 5, "obl"),
        ];
        let picked = pick(&rows, &[(0, 1, "GBR"), (6, 7, "FRA")], 4);
        assert_eq!(picked.source, None);
    }

    #[test]
    fn a_participle_used_as_an_adjective_acts_only_when_parsed_as_a_misplaced_verb() {
        // "Britain welcomed the detained men": nobody known detained them.
        let picked = pick(
            &[
                ("Britain", "PROPN", "NNP", "Britain", 2, "nsubj"),
                ("welcomed", "VERB", "VBD", "welcome", 0, "root"),
                ("the", "DET", "DT", "the", 5, "det"),
                ("detained", "VERB", "VBN", "detain", 5, "amod"),
                ("men", "NOUN", "NNS", "man", 2, "obj"),
            ],
            &[(0, 1, "GBR")],
            3,
        );
        assert_eq!(picked.source, None);
        // "A Russian official offered concessions", misparsed with "offered" an adjective of
        // "concessions" and "official" its subject: the official offered.
        let picked = pick(
            &[
                ("A", "DET", "DT", "a", 3, "det"),
                ("Russian", "ADJ", "JJ", "Russian", 3, "amod"),
                ("official", "NOUN", "NN", "official", 5, "nsubj"),
                ("offered", "VERB", "VBN", "offer", 5, "amod"),
                ("concessions", "NOUN", "NNS", "concession", 0, "root"),
            ],
            &[(1, 3, "RUSGOV")],
            3,
        );
        assert_eq!(picked.source, Some(0));
    }

    #[test]
    fn the_speaker_of_a_reporting_clause_under_the_trigger_is_no_target() {
        // "The military attacked a boat, Trump said": "said" hangs under "attacked".
        let picked = pick(
            &[
                ("The", "DET", "DT", "the", 2, "det"),
                ("military", "NOUN", "NN", "military", 3, "nsubj"),
                ("attacked", "VERB", "VBD", "attack", 0, "root"),
                ("a", "DET", "DT", "a", 5, "det"),
                ("boat", "NOUN", "NN", "boat", 3, "obj"),
                (",", "PUNCT", ",", ",", 8, "punct"),
                ("Trump", "PROPN", "NNP", "Trump", 8, "nsubj"),
                ("said", "VERB", "VBD", "say", 3, "parataxis"),
            ],
            &[(0, 2, "USAMIL"), (6, 7, "USAGOV")],
            2,
        );
        assert_eq!(picked.source, Some(0));
        assert_eq!(picked.target, None);
    }

    #[test]
    fn a_subject_of_a_clause_under_a_reporting_verb_below_the_trigger_is_no_target() {
        // "Blair refused to say whether Brown would stay": Brown is no target of the refusal.
        let picked = pick(
            &[
                ("Blair", "PROPN", "NNP", "Blair", 2, "nsubj"),
                ("refused", "VERB", "VBD", "refuse", 0, "root"),
                ("to", "PART", "TO", "to", 4, "mark"),
                ("say", "VERB", "VB", "say", 2, "xcomp"),
                ("whether", "SCONJ", "IN", "whether", 8, "mark"),
                ("Brown", "PROPN", "NNP", "Brown", 8, "nsubj"),
                ("would", "AUX", "MD", "would", 8, "aux"),
                ("stay", "VERB", "VB", "stay", 4, "ccomp"),
            ],
            &[(0, 1, "GBRGOV"), (5, 6, "GBRGOV")],
            1,
        );
        assert_eq!(picked.source, Some(0));
        assert_eq!(picked.target, None);
    }

    #[test]
    fn the_subject_of_a_condition_under_the_triggers_infinitive_is_its_target() {
        // "Russia threatened to stop talks if the United States goes ahead"; and the same
        // words under a relative clause of a noun ("talks that Iran holds") are not.
        let rows = |rel: &'static str, head: usize| {
            vec![
                ("Russia", "PROPN", "NNP", "Russia", 2, "nsubj"),
                ("threatened", "VERB", "VBD", "threaten", 0, "root"),
                ("to", "PART", "TO", "to", 4, "mark"),
                ("stop", "VERB", "VB", "stop", 2, "xcomp"),
                ("talks", "NOUN", "NNS", "talk", 4, "obj"),
                ("if", "SCONJ", "IN", "if", 8, "mark"),
                ("America", "PROPN", "NNP", "America", 8, "nsubj"),
                ("goes", "VERB", "VBZ", "go", head, rel),
            ]
        };
        for (rel, head, target) in [("advcl", 4, Some(1)), ("acl:relcl", 5, None)] {
            let picked = pick(&rows(rel, head), &[(0, 1, "RUS"), (6, 7, "USA")], 1);
            assert_eq!(picked.source, Some(0), "{rel}");
            assert_eq!(picked.target, target, "{rel}");
        }
    }

    #[test]
    fn an_institution_in_the_sources_apposition_is_no_target() {
        // "Frost, director of the Chambers, warned": the Chambers are Frost's, not warned.
        let picked = pick(
            &[
                ("Frost", "PROPN", "NNP", "Frost", 7, "nsubj"),
                (",", "PUNCT", ",", ",", 3, "punct"),
                ("director", "NOUN", "NN", "director", 1, "appos"),
                ("of", "ADP", "IN", "of", 6, "case"),
                ("the", "DET", "DT", "the", 6, "det"),
                ("Chambers", "PROPN", "NNPS", "Chambers", 3, "nmod"),
                ("warned", "VERB", "VBD", "warn", 0, "root"),
            ],
            &[(0, 1, "GBRBUS"), (5, 6, "GBR")],
            6,
        );
        assert_eq!(picked.source, Some(0));
        assert_eq!(picked.target, None);
    }

    #[test]
    fn a_gerund_opening_a_reported_clause_borrows_no_subject() {
        // "Paul predicted that invading Venezuela would dissolve the movement": Paul is not
        // the invader, whatever the gerund is attached to.
        let picked = pick(
            &[
                ("Paul", "PROPN", "NNP", "Paul", 2, "nsubj"),
                ("predicted", "VERB", "VBD", "predict", 0, "root"),
                ("that", "SCONJ", "IN", "that", 4, "mark"),
                ("invading", "VERB", "VBG", "invade", 2, "advcl"),
                ("Venezuela", "PROPN", "NNP", "Venezuela", 4, "obj"),
                ("would", "AUX", "MD", "would", 7, "aux"),
                ("dissolve", "VERB", "VB", "dissolve", 2, "ccomp"),
            ],
            &[(0, 1, "USALEG"), (4, 5, "VEN")],
            3,
        );
        assert_eq!(picked.source, None);
    }

    #[test]
    fn a_bare_gerund_said_of_is_no_act_of_the_speaker_but_a_denied_one_is() {
        // "Ancram said lifting the embargo hurts Britain" (the gerund parsed as the
        // complement): Ancram lifts nothing; "Iran denied attacking Britain": Iran did.
        let rows = |verb: &'static str, lemma: &'static str| {
            vec![
                ("Ancram", "PROPN", "NNP", "Ancram", 2, "nsubj"),
                (verb, "VERB", "VBD", lemma, 0, "root"),
                ("lifting", "VERB", "VBG", "lift", 2, "ccomp"),
                ("the", "DET", "DT", "the", 5, "det"),
                ("embargo", "NOUN", "NN", "embargo", 3, "obj"),
                ("hurts", "VERB", "VBZ", "hurt", 2, "ccomp"),
                ("Britain", "PROPN", "NNP", "Britain", 6, "obj"),
            ]
        };
        for (verb, lemma, source) in [("said", "say", None), ("denied", "deny", Some(0))] {
            let picked = pick(&rows(verb, lemma), &[(0, 1, "GBRPTY"), (6, 7, "GBR")], 2);
            assert_eq!(picked.source, source, "{verb}");
        }
    }

    #[test]
    fn a_pronoun_subject_of_a_reported_clause_is_the_speaker() {
        // "Iraq said it would allow inspectors": Iraq allows; "Iraq said prices would
        // rise": a subject of its own that is no actor borrows none.
        let rows = |subject: &'static str, verb: &'static str| {
            [
                ("Iraq", "PROPN", "NNP", "Iraq", 2, "nsubj"),
                ("said", "VERB", "VBD", "say", 0, "root"),
                (subject, "PRON", "PRP", subject, 5, "nsubj"),
                ("would", "AUX", "MD", "would", 5, "aux"),
                (verb, "VERB", "VB", verb, 2, "ccomp"),
                ("inspectors", "NOUN", "NNS", "inspector", 5, "obj"),
            ]
        };
        let source = |rows: &[(&str, &str, &str, &str, usize, &str)]| {
            let (analysis, mut mentions) = parsed(rows, &[(0, 1, "IRQ")]);
            mentions[0].kind = MentionKind::Country;
            select(&analysis, 0, &words_of(&analysis), &verb_at(4), &mentions).source
        };
        assert_eq!(source(&rows("it", "allow")), Some(0));
        let mut other = rows("it", "allow");
        other[2] = ("prices", "NOUN", "NNS", "price", 5, "nsubj");
        assert_eq!(source(&other), None);
        // Under a verb that does not report ("Iraq hoped it would …"), no speaker.
        let mut hoped = rows("it", "allow");
        hoped[1] = ("hoped", "VERB", "VBD", "hope", 0, "root");
        assert_eq!(source(&hoped), None);
    }

    #[test]
    fn the_subject_of_a_passive_without_agent_is_not_its_source() {
        // "Blair has been accused of lying": the accuser is unknown.
        let picked = pick(
            &[
                ("Blair", "PROPN", "NNP", "Blair", 4, "nsubj:pass"),
                ("has", "AUX", "VBZ", "have", 4, "aux"),
                ("been", "AUX", "VBN", "be", 4, "aux:pass"),
                ("accused", "VERB", "VBN", "accuse", 0, "root"),
                ("of", "SCONJ", "IN", "of", 6, "mark"),
                ("lying", "VERB", "VBG", "lie", 4, "advcl"),
            ],
            &[(0, 1, "GBRGOV")],
            3,
        );
        assert_eq!(picked.source, None);
    }

    #[test]
    fn the_subject_of_a_passive_whose_by_phrase_names_no_actor_is_not_its_source() {
        // "Blair has since been criticised by many in his own party": the critics are
        // unknown, Blair is the one criticised.
        let picked = pick(
            &[
                ("Blair", "PROPN", "NNP", "Blair", 5, "nsubj:pass"),
                ("has", "AUX", "VBZ", "have", 5, "aux"),
                ("since", "ADV", "RB", "since", 5, "advmod"),
                ("been", "AUX", "VBN", "be", 5, "aux:pass"),
                ("criticised", "VERB", "VBN", "criticise", 0, "root"),
                ("by", "ADP", "IN", "by", 7, "case"),
                ("many", "ADJ", "JJ", "many", 5, "obl:agent"),
                ("in", "ADP", "IN", "in", 11, "case"),
                ("his", "PRON", "PRP$", "he", 11, "nmod:poss"),
                ("own", "ADJ", "JJ", "own", 11, "amod"),
                ("party", "NOUN", "NN", "party", 7, "obl"),
            ],
            &[(0, 1, "GBRGOV")],
            4,
        );
        assert_eq!(picked.source, None);
    }

    #[test]
    fn the_agent_after_by_is_the_source_and_a_from_phrase_is_not() {
        // "Jackson would be welcomed by Labour MPs"; "Galloway was expelled from the
        // party", which the parser may also label `obl:agent`.
        let rows = |preposition: &'static str| {
            vec![
                ("Jackson", "PROPN", "NNP", "Jackson", 4, "nsubj:pass"),
                ("would", "AUX", "MD", "would", 4, "aux"),
                ("be", "AUX", "VB", "be", 4, "aux:pass"),
                ("welcomed", "VERB", "VBN", "welcome", 0, "root"),
                (preposition, "ADP", "IN", preposition, 7, "case"),
                ("Labour", "PROPN", "NNP", "Labour", 7, "compound"),
                ("MPs", "PROPN", "NNPS", "MP", 4, "obl:agent"),
            ]
        };
        for (preposition, source) in [("by", Some(1)), ("from", None)] {
            let picked = pick(&rows(preposition), &[(0, 1, "GBRGOV"), (5, 7, "GBRLEG")], 3);
            assert_eq!(picked.source, source, "{preposition}");
        }
    }

    #[test]
    fn it_in_a_reported_clause_is_the_speaker_only_when_the_speaker_is_no_person() {
        // "X said it would attack Spain": a country's "it" is the country; a person's is not
        // the person ("Mr Davis said it gives a minister the right to detain").
        let rows = [
            ("X", "PROPN", "NNP", "X", 2, "nsubj"),
            ("said", "VERB", "VBD", "say", 0, "root"),
            ("it", "PRON", "PRP", "it", 5, "nsubj"),
            ("would", "AUX", "MD", "would", 5, "aux"),
            ("attack", "VERB", "VB", "attack", 2, "ccomp"),
            ("Spain", "PROPN", "NNP", "Spain", 5, "obj"),
        ];
        let spans = [(0, 1, "FRA"), (5, 6, "ESP")];
        let speaker_source = |kind: MentionKind| {
            let (analysis, mut mentions) = parsed(&rows, &spans);
            mentions[0].kind = kind;
            select(&analysis, 0, &words_of(&analysis), &verb_at(4), &mentions).source
        };
        assert_eq!(speaker_source(MentionKind::Country), Some(0));
        assert_eq!(speaker_source(MentionKind::Person), None);
    }

    #[test]
    fn who_is_accused_of_doing_something_does_it() {
        // "Labour accused the Tories of signing a deal with France": the Tories sign; with
        // "the party" (no actor) in their place, nobody known signs.
        let rows = [
            ("Labour", "PROPN", "NNP", "Labour", 2, "nsubj"),
            ("accused", "VERB", "VBD", "accuse", 0, "root"),
            ("the", "DET", "DT", "the", 4, "det"),
            ("Tories", "PROPN", "NNPS", "Tory", 2, "obj"),
            ("of", "SCONJ", "IN", "of", 6, "mark"),
            ("signing", "VERB", "VBG", "sign", 4, "acl"),
            ("a", "DET", "DT", "a", 8, "det"),
            ("deal", "NOUN", "NN", "deal", 6, "obl"),
            ("with", "ADP", "IN", "with", 10, "case"),
            ("France", "PROPN", "NNP", "France", 8, "nmod"),
        ];
        let picked = pick(
            &rows,
            &[(0, 1, "GBRPTY"), (3, 4, "GBRPTY"), (9, 10, "FRA")],
            5,
        );
        assert_eq!(picked.source, Some(1));
        let picked = pick(&rows, &[(0, 1, "GBRPTY"), (9, 10, "FRA")], 5);
        assert_eq!(picked.source, None);
    }

    #[test]
    fn the_passive_subject_above_a_complement_is_its_source() {
        // "Blair said MPs were entitled to complain": the MPs complain, not Blair.
        let picked = pick(
            &[
                ("Blair", "PROPN", "NNP", "Blair", 2, "nsubj"),
                ("said", "VERB", "VBD", "say", 0, "root"),
                ("MPs", "NOUN", "NNS", "MP", 5, "nsubj:pass"),
                ("were", "AUX", "VBD", "be", 5, "aux:pass"),
                ("entitled", "VERB", "VBN", "entitle", 2, "ccomp"),
                ("to", "PART", "TO", "to", 7, "mark"),
                ("complain", "VERB", "VB", "complain", 5, "xcomp"),
            ],
            &[(0, 1, "GBRGOV"), (2, 3, "GBRLEG")],
            6,
        );
        assert_eq!(picked.source, Some(1));
        assert_ne!(picked.target, Some(0));
    }

    #[test]
    fn an_active_verb_does_not_take_the_agent_of_a_participle_under_its_object() {
        // "They ridiculed the claims made by Michael Howard": "they" is no actor, and Howard
        // made the claims; he did not ridicule them.
        let picked = pick(
            &[
                ("They", "PRON", "PRP", "they", 2, "nsubj"),
                ("ridiculed", "VERB", "VBD", "ridicule", 0, "root"),
                ("the", "DET", "DT", "the", 4, "det"),
                ("claims", "NOUN", "NNS", "claim", 2, "obj"),
                ("made", "VERB", "VBN", "make", 4, "acl"),
                ("by", "ADP", "IN", "by", 8, "case"),
                ("Michael", "PROPN", "NNP", "Michael", 5, "obl:agent"),
                ("Howard", "PROPN", "NNP", "Howard", 7, "flat"),
            ],
            &[(6, 8, "GBROPP")],
            1,
        );
        assert_eq!(picked.source, None);
    }

    #[test]
    fn a_passive_does_not_take_the_agent_of_another_verb() {
        // "The plan was criticised for being thrown out by Labour": Labour threw it out.
        let picked = pick(
            &[
                ("The", "DET", "DT", "the", 2, "det"),
                ("plan", "NOUN", "NN", "plan", 4, "nsubj:pass"),
                ("was", "AUX", "VBD", "be", 4, "aux:pass"),
                ("criticised", "VERB", "VBN", "criticise", 0, "root"),
                ("for", "SCONJ", "IN", "for", 7, "mark"),
                ("being", "AUX", "VBG", "be", 7, "aux:pass"),
                ("thrown", "VERB", "VBN", "throw", 4, "advcl"),
                ("out", "ADP", "RP", "out", 7, "compound:prt"),
                ("by", "ADP", "IN", "by", 10, "case"),
                ("Labour", "PROPN", "NNP", "Labour", 7, "obl:agent"),
            ],
            &[(9, 10, "GBRPTY")],
            3,
        );
        assert_eq!(picked.source, None);
    }

    #[test]
    fn an_actor_coordinated_with_an_agent_noun_that_is_none_is_the_source() {
        // "Moves to help China have been condemned by rights groups and the Conservatives":
        // not China, inside the passive's subject.
        let picked = pick(
            &[
                ("Moves", "NOUN", "NNS", "move", 8, "nsubj:pass"),
                ("to", "PART", "TO", "to", 3, "mark"),
                ("help", "VERB", "VB", "help", 1, "acl"),
                ("China", "PROPN", "NNP", "China", 3, "obj"),
                ("have", "AUX", "VBP", "have", 8, "aux"),
                ("been", "AUX", "VBN", "be", 8, "aux:pass"),
                ("strongly", "ADV", "RB", "strongly", 8, "advmod"),
                ("condemned", "VERB", "VBN", "condemn", 0, "root"),
                ("by", "ADP", "IN", "by", 11, "case"),
                ("rights", "NOUN", "NNS", "right", 11, "compound"),
                ("groups", "NOUN", "NNS", "group", 8, "obl"),
                ("and", "CCONJ", "CC", "and", 14, "cc"),
                ("the", "DET", "DT", "the", 14, "det"),
                ("Conservatives", "PROPN", "NNPS", "Conservative", 11, "conj"),
            ],
            &[(3, 4, "CHN"), (13, 14, "GBRPTY")],
            7,
        );
        assert_eq!(picked.source, Some(1));
        assert_ne!(picked.target, Some(1));
    }

    #[test]
    fn the_sources_own_possessive_gives_way_to_the_noun_it_possesses() {
        // "Blair held talks with his Israeli counterpart": the counterpart, not "his".
        let rows = [
            ("Blair", "PROPN", "NNP", "Blair", 2, "nsubj"),
            ("held", "VERB", "VBD", "hold", 0, "root"),
            ("talks", "NOUN", "NNS", "talk", 2, "obj"),
            ("with", "ADP", "IN", "with", 7, "case"),
            ("his", "PRON", "PRP$", "he", 7, "nmod:poss"),
            ("Israeli", "ADJ", "JJ", "israeli", 7, "amod"),
            ("counterpart", "NOUN", "NN", "counterpart", 3, "nmod"),
        ];
        let picked = pick(
            &rows,
            &[(0, 1, "GBRGOV"), (4, 5, "GBRGOV"), (5, 7, "ISRGOV")],
            1,
        );
        assert_eq!((picked.source, picked.target), (Some(0), Some(2)));
        // Another actor's possessive stays the target ("talks with Sharon's envoy").
        let picked = pick(&rows, &[(0, 1, "GBRGOV"), (4, 5, "ISRGOV")], 1);
        assert_eq!(picked.target, Some(1));
    }

    #[test]
    fn a_co_subject_is_found() {
        // "The Tories and the Lib Dems called for an inquiry".
        let (analysis, mentions) = parsed(
            &[
                ("Tories", "PROPN", "NNPS", "Tory", 4, "nsubj"),
                ("and", "CCONJ", "CC", "and", 3, "cc"),
                ("Dems", "PROPN", "NNPS", "Dem", 1, "conj"),
                ("called", "VERB", "VBD", "call", 0, "root"),
                ("for", "ADP", "IN", "for", 6, "case"),
                ("inquiry", "NOUN", "NN", "inquiry", 4, "obl"),
            ],
            &[(0, 1, "GBRPTY"), (2, 3, "GBRPTY")],
        );
        assert!(co_subject(&analysis.tokens, 0, &mentions, 0, 1));
        assert!(!co_subject(&analysis.tokens, 0, &mentions, 1, 0));
    }

    #[test]
    fn a_participle_acting_on_an_object_has_its_noun_as_source() {
        // "Guerrillas wounded two soldiers" parsed as a noun phrase with "wounded" as `acl`.
        let picked = pick(
            &[
                ("Irish", "ADJ", "JJ", "irish", 2, "amod"),
                ("guerrillas", "NOUN", "NNS", "guerrilla", 0, "root"),
                ("wounded", "VERB", "JJ", "wound", 2, "acl"),
                ("British", "ADJ", "JJ", "british", 5, "amod"),
                ("soldiers", "NOUN", "NNS", "soldier", 3, "obj"),
            ],
            &[(0, 2, "IRLREB"), (3, 5, "GBRMIL")],
            2,
        );
        assert_eq!((picked.source, picked.target), (Some(0), Some(1)));
    }

    #[test]
    fn said_after_its_clause_speaks_for_the_subject_parsed_as_its_object() {
        // "Blair lied, say the Tories", with "the Tories" parsed as the object of "say"; the
        // same words after "insists" lend nobody (its lexicon would read their cues).
        let rows = |verb: (&'static str, &'static str)| {
            vec![
                ("Blair", "PROPN", "NNP", "Blair", 2, "nsubj"),
                ("lied", "VERB", "VBD", "lie", 0, "root"),
                (",", "PUNCT", ",", ",", 4, "punct"),
                (verb.0, "VERB", "VBP", verb.1, 2, "parataxis"),
                ("the", "DET", "DT", "the", 6, "det"),
                ("Tories", "PROPN", "NNPS", "Tory", 4, "obj"),
            ]
        };
        let spans = [(0, 1, "GBRGOV"), (5, 6, "GBRPTY")];
        let picked = pick(&rows(("say", "say")), &spans, 3);
        assert_eq!(picked.source, Some(1));
        let picked = pick(&rows(("insist", "insist")), &spans, 3);
        assert_ne!(picked.source, Some(1));
    }

    #[test]
    fn a_mention_in_a_clause_with_its_own_subject_is_talked_about_not_addressed() {
        // "Clarke warned that the government could fall" against "Clarke warned the
        // government".
        let (analysis, mentions) = parsed(
            &[
                ("Clarke", "PROPN", "NNP", "Clarke", 2, "nsubj"),
                ("warned", "VERB", "VBD", "warn", 0, "root"),
                ("that", "SCONJ", "IN", "that", 7, "mark"),
                ("the", "DET", "DT", "the", 5, "det"),
                ("government", "NOUN", "NN", "government", 7, "nsubj"),
                ("could", "AUX", "MD", "could", 7, "aux"),
                ("fall", "VERB", "VB", "fall", 2, "ccomp"),
            ],
            &[(0, 1, "GBRGOV"), (3, 5, "GBRGOV")],
        );
        assert!(inside_subject_clause(&analysis.tokens, 0, &mentions[1], 1));
        let (analysis, mentions) = parsed(
            &[
                ("Clarke", "PROPN", "NNP", "Clarke", 2, "nsubj"),
                ("warned", "VERB", "VBD", "warn", 0, "root"),
                ("the", "DET", "DT", "the", 4, "det"),
                ("government", "NOUN", "NN", "government", 2, "obj"),
            ],
            &[(0, 1, "GBRGOV"), (2, 4, "GBRGOV")],
        );
        assert!(!inside_subject_clause(&analysis.tokens, 0, &mentions[1], 1));
    }
}
