//! The event coder stage: lexicon matches → events with actors, mode, date and attribution.

use std::path::Path;

use dyad_actors::{ActorMention, ActorResolver, MentionKind};
use dyad_codebook::Codebook;
use dyad_types::{Actor, Analysis, Event, Mode, PloverCoding, Sentence, Stage, Trigger};

use crate::clause::SentenceWords;
use crate::cues::cue_matches;
use crate::lexicon::{Lexicon, Rule, TriggerKind, NO_EVENT};
use crate::no_deed::{
    asked_about, capacity_infinitive, directed_complement, fallback_allowed, hyphenated,
    impersonal_infinitive, naming, pos_allows, prospect_gerund, refused_object, reported_activity,
    subjunctive,
};
use crate::opinion::states_a_view;
use crate::participants::{self, TriggerSite};
use crate::sectors::{in_sector, is_armed, is_irregular, is_political, UNARMED_ROLES};
use crate::tree::{has_dependent, lemma_among};
use crate::{dating, intent, mode, solicit, tenure, Result};

/// Statement verbs that become a criticism (CAMEO 111) when the statement is critical.
const STATEMENT_VERBS: &[&str] = &[
    "say", "believe", "point", "predict", "argue", "write", "add", "tell", "claim", "call",
];

/// Codes events in an analysed document. See the crate docs.
pub struct EventCoder {
    lexicon: Lexicon,
    resolver: ActorResolverRef,
}

enum ActorResolverRef {
    Embedded(&'static ActorResolver),
    Owned(Box<ActorResolver>),
}

/// A lexicon match in a sentence.
struct Match<'a> {
    rule: &'a Rule,
    first: usize,
    end: usize,
    specificity: usize,
    /// Where the matched cue starts, if the rule needed one.
    cue_at: Option<usize>,
}

impl Default for EventCoder {
    fn default() -> Self {
        EventCoder::new()
    }
}

impl EventCoder {
    /// A coder with the embedded lexicon and actor dictionaries.
    pub fn new() -> EventCoder {
        EventCoder {
            lexicon: Lexicon::embedded(),
            resolver: ActorResolverRef::Embedded(ActorResolver::embedded()),
        }
    }

    /// A coder whose lexicon and dictionaries are extended by the user's files in `dir`
    /// (`verbs.tsv`, `critical_words.txt`, `metonyms.tsv`, `people.tsv`, `roles.tsv`,
    /// `country_names.tsv`, `first_names.tsv`), read at run time.
    pub fn with_user_dir(dir: &Path) -> Result<EventCoder> {
        let mut lexicon = Lexicon::embedded();
        lexicon.extend_from_dir(dir)?;
        let resolver = ActorResolver::with_user_dir(dir)?;
        Ok(EventCoder {
            lexicon,
            resolver: ActorResolverRef::Owned(Box::new(resolver)),
        })
    }

    fn resolver(&self) -> &ActorResolver {
        match &self.resolver {
            ActorResolverRef::Embedded(r) => r,
            ActorResolverRef::Owned(r) => r,
        }
    }

    /// Codes every sentence of `analysis`, appending to `analysis.events`.
    pub fn code(&self, analysis: &mut Analysis) {
        let date = analysis
            .doc
            .published
            .as_deref()
            .map(|p| &p[..p.len().min(10)]);
        let mentions = self.resolver().resolve(analysis, date);
        let mut events: Vec<Event> = Vec::new();
        for index in 0..analysis.sentences.len() {
            let sentence = analysis.sentences[index];
            let tokens = &analysis.tokens[sentence.first_token..sentence.last_token];
            let texts: Vec<&str> = tokens.iter().map(|t| analysis.token_text(t)).collect();
            let lemmas: Vec<&str> = tokens.iter().map(|t| t.lemma.as_str()).collect();
            let words = SentenceWords::new(&texts, &lemmas);
            let here: Vec<ActorMention> = mentions
                .iter()
                .filter(|m| m.sentence == index)
                .cloned()
                .collect();
            let matches = self.matches(&words, &texts, tokens);
            // A statement verb yields to another main-rule event of its sentence (the broad
            // fallback tier does not silence it).
            let coded = matches
                .iter()
                .filter(|m| m.rule.code != NO_EVENT && !m.rule.fallback)
                .count();
            for m in &matches {
                if m.rule.code == NO_EVENT
                    || (m.rule.speech && coded > 1)
                    || directed_complement(tokens, m.first)
                    || refused_object(tokens, m.first)
                    || (m.rule.kind == TriggerKind::Verb
                        && (subjunctive(tokens, m.first) || reported_activity(tokens, m.first)))
                    || (m.rule.opinion && states_a_view(tokens, m.first))
                {
                    continue;
                }
                let site = TriggerSite {
                    first: m.first,
                    end: m.end,
                    noun: m.rule.kind == TriggerKind::Noun,
                };
                if let Some(event) = self.event(
                    analysis,
                    index,
                    &words,
                    &site,
                    &here,
                    m.rule,
                    &m.rule.code,
                    &mut events,
                ) {
                    let also = co_subjects_acting(analysis, &sentence, &here, &event);
                    events.push(event);
                    events.extend(also);
                }
            }
            let criticised = events
                .iter()
                .any(|e| e.sentence == index && e.cameo.starts_with("11"));
            if !criticised {
                let coded: Vec<usize> = events
                    .iter()
                    .filter(|e| e.sentence == index)
                    .map(|e| e.trigger.start)
                    .collect();
                if let Some(event) = self.criticism(analysis, index, &words, &here, &coded) {
                    events.push(event);
                }
            }
        }
        cite_anonymous_sources(analysis, &mentions, &mut events);
        dating::anchor_relative(analysis, &mut events);
        tenure::recode_on_event_dates(self.resolver(), date, &analysis.doc.text, &mut events);
        tenure::resign_from_office_left(&mut events);
        resolve_speakers(analysis, &mentions);
        analysis.events.extend(events);
    }

    /// The best lexicon match for each trigger position of the sentence, in text order.
    fn matches(
        &self,
        words: &SentenceWords,
        texts: &[&str],
        tokens: &[dyad_types::Token],
    ) -> Vec<Match<'_>> {
        let mut found: Vec<Match<'_>> = Vec::new();
        // Words that served as another match's cue cannot trigger events themselves
        // ("told … to leave", "held a meeting").
        let mut used = vec![false; words.len()];
        let mut i = 0;
        while i < words.len() {
            if used[i] || hyphenated(texts, tokens, i) {
                i += 1;
                continue;
            }
            // The fallback tier only where no main rule matches, and not for a statement
            // verb the main rules code only with a cue.
            let best = self
                .best_at(words, tokens, i, |l| self.lexicon.rules_for(l))
                .or_else(|| {
                    if !self.lexicon.has_fallback()
                        || !fallback_allowed(texts, tokens, i)
                        || self.speech_verb_at(words, i)
                    {
                        return None;
                    }
                    self.best_at(words, tokens, i, |l| self.lexicon.fallback_rules_for(l))
                });
            match best {
                Some(m) => {
                    if let Some(at) = m.cue_at {
                        let len = m.rule.cues.iter().map(|c| c.words.len()).max().unwrap_or(1);
                        for u in used.iter_mut().skip(at).take(len) {
                            *u = true;
                        }
                    }
                    i = m.end;
                    found.push(m);
                }
                None => i += 1,
            }
        }
        found
    }

    /// Whether a main `speech` rule's trigger stands at word `i` ("said").
    fn speech_verb_at(&self, words: &SentenceWords, i: usize) -> bool {
        words.lemmas[i].iter().any(|l| {
            self.lexicon
                .rules_for(l)
                .iter()
                .any(|r| r.speech && words.phrase_at(i, &r.trigger))
        })
    }

    /// The most specific rule (of those `rules` gives for a lemma) matching at word `i`.
    fn best_at<'a>(
        &'a self,
        words: &SentenceWords,
        tokens: &[dyad_types::Token],
        i: usize,
        rules: impl Fn(&str) -> &'a [Rule],
    ) -> Option<Match<'a>> {
        let mut best: Option<Match<'a>> = None;
        // "Call" naming its object something is no appeal: only a name-calling row matches
        // there ("called Trump a tyrant"), and a name-calling row nowhere else.
        let names = naming(tokens, i);
        for lemma in &words.lemmas[i] {
            for rule in rules(lemma) {
                if !words.phrase_at(i, &rule.trigger)
                    || !pos_allows(tokens, &words.lower[i], i, rule.kind)
                    || rule.naming != names
                {
                    continue;
                }
                let end = i + rule.trigger.len();
                let Some((cue_len, cue_at)) = cue_matches(words, tokens, i, end, rule) else {
                    continue;
                };
                let specificity = 1 + cue_len * 2 + rule.trigger.len();
                if best.as_ref().is_none_or(|b| specificity >= b.specificity) {
                    best = Some(Match {
                        rule,
                        first: i,
                        end,
                        specificity,
                        cue_at,
                    });
                }
            }
        }
        best
    }

    #[allow(clippy::too_many_arguments)]
    fn event(
        &self,
        analysis: &Analysis,
        sentence: usize,
        words: &SentenceWords,
        site: &TriggerSite,
        mentions: &[ActorMention],
        rule: &Rule,
        code: &str,
        earlier: &mut Vec<Event>,
    ) -> Option<Event> {
        let offset = analysis.sentences[sentence].first_token;
        let sentence_tokens = {
            let s = analysis.sentences[sentence];
            &analysis.tokens[s.first_token..s.last_token.min(analysis.tokens.len())]
        };
        // What someone may do ("a right to criticise Arab states"), is asked whether they
        // will do ("asked if he would welcome BNP voters") or has little prospect of doing
        // ("little prospect of America agreeing"), or what "it" is said to be fair or
        // impossible to do ("it was fair to criticise") is no deed.
        if !site.noun
            && (capacity_infinitive(sentence_tokens, site.first)
                || impersonal_infinitive(sentence_tokens, site.first)
                || asked_about(sentence_tokens, site.first)
                || prospect_gerund(sentence_tokens, site.first))
        {
            return None;
        }
        let mut picked = participants::select(analysis, offset, words, site, mentions);
        // Those freed "from US custody" were freed by the United States, whether the parse
        // reads the verb as active or passive.
        if code.starts_with("084") {
            if let Some((holder, freed)) =
                participants::custodian(sentence_tokens, offset, site, mentions)
            {
                picked.source = Some(holder);
                picked.target = freed;
            }
        }
        let source = match picked.source {
            Some(k) => mentions.get(k)?.actor.clone(),
            // A violence whose subject is the attack itself: an armed force nobody named.
            // Of a passive ("were killed by a roadside bomb") the one acted upon is the
            // subject.
            None if !site.noun && is_violence(code) => {
                let attacker =
                    participants::unidentified_attacker(analysis, sentence_tokens, site.first)?;
                if participants::is_passive(sentence_tokens, site.first) {
                    picked.target =
                        participants::passive_subject(sentence_tokens, offset, site, mentions);
                }
                attacker
            }
            // Forces or envoys withdrawn are withdrawn by those they belong to ("Eighty UN
            // peacekeepers were shipped out of the enclave").
            None if !site.noun && withdrawn_by_owner(sentence_tokens, site.first) => {
                let owner = participants::passive_subject(sentence_tokens, offset, site, mentions)?;
                picked.source = Some(owner);
                picked.target = None;
                mentions[owner].actor.clone()
            }
            None => return None,
        };
        // A passive verb acts upon its subject ("the detainees were released by UK police on
        // their return from Cuba"), not upon a mention later in the clause.
        if !site.noun && picked.source.is_some() {
            let acted_upon = participants::passive_subject(sentence_tokens, offset, site, mentions);
            if acted_upon.is_some() && acted_upon != picked.source {
                picked.target = acted_upon;
            }
        }
        // "withdraw its troops from Lebanon": the source's own body is what it moves, not whom
        // it acts upon; the clause's next actor is, when the parse puts it under the trigger
        // ("to be able to defend its case, in case legal action was taken against the UK":
        // not the UK).
        if let Some((s, t)) = picked.source.zip(picked.target) {
            if own_body(&mentions[s], &mentions[t]) {
                let clause_end = words.participants_end(site.end);
                let parsed = participants::has_parse(analysis, offset);
                let under_trigger = |k: usize| {
                    let head = participants::mention_head(sentence_tokens, offset, &mentions[k]);
                    !parsed || participants::descends(sentence_tokens, head, site.first)
                };
                picked.target = (t + 1..mentions.len()).find(|&k| {
                    mentions[k].first_token - offset < clause_end
                        && !own_body(&mentions[s], &mentions[k])
                        && under_trigger(k)
                });
            }
        }
        // The broad fallback tier codes only acts of known actors (a country, organisation
        // or role), not of any name ("Laura Ashley thanked …").
        if rule.fallback && source.code.is_none() {
            return None;
        }
        // The source's co-subject acts with it ("the Tories and the Lib Dems called for
        // …"); only in a reciprocal act ("X and Y met", "signed an agreement") is it the
        // other party.
        // "Labour and the Conservatives are telephoning the millions of people": an act with an
        // object of its own is done to that object, not between the co-subjects ("France and
        // Germany signed an agreement" is).
        let own_object = || {
            !site.noun
                && sentence_tokens.iter().any(|t| {
                    t.head == Some(site.first)
                        && t.deprel == "obj"
                        && !SHARED_OBJECTS.contains(&t.lemma.as_str())
                })
        };
        let reciprocal = RECIPROCAL_CODES.iter().any(|c| code.starts_with(c)) && !own_object();
        // Support is not given to the one it is against ("to defend us from the al-Qaeda
        // tyranny"): in support or aid (not a withdrawal: "withdrew its soldiers from
        // Cyprus"), an "against" phrase of the trigger names an adversary, and so does a
        // "from" phrase of support.
        let cooperative = SUPPORT_CODES.iter().any(|c| code.starts_with(c));
        let adversary = |k: usize| {
            let head = participants::mention_head(sentence_tokens, offset, &mentions[k]);
            // The mention, or the noun it modifies ("from the al-Qaeda tyranny").
            let noun = match sentence_tokens[head].deprel.as_str() {
                "compound" | "amod" | "nmod:poss" => sentence_tokens[head].head.unwrap_or(head),
                _ => head,
            };
            cooperative
                && sentence_tokens[noun].head == Some(site.first)
                && sentence_tokens.iter().any(|t| {
                    t.head == Some(noun)
                        && t.deprel == "case"
                        && match t.lemma.to_lowercase().as_str() {
                            "against" => true,
                            // Aid comes from somewhere ("evacuated the wounded from the
                            // town").
                            "from" => !code.starts_with("07") && !code.starts_with("033"),
                            _ => false,
                        }
                })
        };
        // A name no actor code stands for that only qualifies a common noun names a thing, not
        // a party ("calling for a Borders rail link").
        let names_a_thing = |k: usize| {
            let head = participants::mention_head(sentence_tokens, offset, &mentions[k]);
            let token = &sentence_tokens[head];
            mentions[k].actor.code.is_none()
                && token.deprel == "compound"
                && token
                    .head
                    .is_some_and(|h| sentence_tokens[h].upos == "NOUN")
        };
        // A reciprocal act with no other party picked is between the co-subjects ("Mr Straw
        // and his Spanish counterpart agreed to establish a body that would give
        // Gibraltarians a voice").
        let co_subject = || {
            let s = picked.source.filter(|_| reciprocal)?;
            (0..mentions.len())
                .find(|&k| participants::co_subject(sentence_tokens, offset, mentions, s, k))
        };
        let mut target = picked
            .target
            .filter(|&t| !adversary(t))
            .filter(|&t| {
                reciprocal
                    || picked.source.is_none_or(|s| {
                        !participants::co_subject(sentence_tokens, offset, mentions, s, t)
                    })
            })
            .filter(|&t| !names_a_thing(t))
            .or_else(co_subject)
            .and_then(|t| mentions.get(t))
            .map(|m| m.actor.clone());
        // An actor does not act upon itself ("Maduro asked … he and his group"), but a
        // named person does upon an office holder nobody named ("Mr Blair praised his
        // chancellor"), and an institution upon a group of its code ("the National Audit
        // Office praised ministers").
        let two_parties = || {
            picked.source.zip(picked.target).is_some_and(|(s, t)| {
                match (mentions.get(s), mentions.get(t)) {
                    (Some(s), Some(t)) => {
                        unnamed_office_holder(analysis, t, s)
                            || unnamed_office_holder(analysis, s, t)
                            || two_offices(analysis, s, t)
                            || group_and_person(analysis, s, t)
                            || group_and_person(analysis, t, s)
                            || two_bodies(analysis, s, t)
                    }
                    _ => false,
                }
            })
        };
        if target.as_ref().is_some_and(|t| same_actor(t, &source)) && !two_parties() {
            target = None;
        }
        if target.is_none() && rule.reply {
            target = replied_to(&source, sentence, earlier);
        }
        // Forces or people of no country an actor sends are its own, not its target
        // ("offered to send troops to Indonesia": the offer is to Indonesia; "sent troops to
        // Syria": a deployment there); so are the forces of its own country a deployment moves
        // ("deployed the USS Gerald R. Ford", "the deployment of troops to Belarus").
        let sent = picked
            .target
            .and_then(|t| mentions.get(t))
            .is_some_and(|m| {
                let head = participants::mention_head(sentence_tokens, offset, m);
                let t = &sentence_tokens[head];
                let sent_away = m.actor.country.is_none()
                    && t.deprel == "obj"
                    && t.head.is_some_and(|v| {
                        lemma_among(&sentence_tokens[v], SENDING_VERBS)
                            && if v == site.first {
                                code.starts_with("15")
                            } else {
                                participants::descends(sentence_tokens, v, site.first)
                            }
                    });
                let moved = code.starts_with("15")
                    && own_forces(&m.actor, &source)
                    && t.head == Some(site.first)
                    && matches!(t.deprel.as_str(), "obj" | "nmod");
                sent_away || moved
            });
        if sent {
            target = None;
        }
        // Aid goes to the country it is sent into ("offered to send Gurkhas to assist with the
        // tsunami relief effort in Indonesia"): named under the trigger, after "to" or as where
        // the relief work is (not where people are: "an amnesty for all those in Britain").
        if target.is_none() && (code.starts_with("07") || code.starts_with("033") || sent) {
            let destination = |m: &ActorMention| {
                if m.kind != MentionKind::Country
                    || !m.actor.roles.is_empty()
                    || m.actor.code == source.country
                {
                    return false;
                }
                let head = participants::mention_head(sentence_tokens, offset, m);
                let relief_place = || {
                    sentence_tokens[head]
                        .head
                        .is_some_and(|n| RELIEF_WORK.contains(&sentence_tokens[n].lemma.as_str()))
                };
                let case = |word: &str| has_dependent(sentence_tokens, head, "case", Some(word));
                (case("to") || case("in") && relief_place())
                    && participants::descends(sentence_tokens, head, site.first)
            };
            target = mentions
                .iter()
                .find(|m| destination(m))
                .map(|m| m.actor.clone());
        }
        // Relations cut with the country one's own envoy is taken from ("recalled his
        // ambassador from Washington"): that country, not the envoy, is the target.
        let own_side = target
            .as_ref()
            .is_some_and(|t| t.country.is_some() && t.country == source.country);
        if code.starts_with("16") && own_side {
            let left = |m: &&ActorMention| {
                let head = participants::mention_head(sentence_tokens, offset, m);
                m.actor.country.is_some()
                    && m.actor.country != source.country
                    && sentence_tokens[head].head.is_some_and(|h| {
                        h == site.first
                            || (sentence_tokens[h].head == Some(site.first)
                                && sentence_tokens[h].deprel == "obj")
                    })
                    && has_dependent(sentence_tokens, head, "case", Some("from"))
            };
            if let Some(m) = mentions.iter().find(left) {
                target = Some(m.actor.clone());
            }
        }
        // A body holding its own meetings with no one named ("when the two unions' executives
        // hold their meetings on Wednesday") consults no one.
        let own_meeting = || {
            sentence_tokens.iter().enumerate().any(|(k, t)| {
                t.head == Some(site.first)
                    && t.deprel == "obj"
                    && sentence_tokens.iter().any(|p| {
                        p.head == Some(k)
                            && p.deprel == "nmod:poss"
                            && p.xpos == "PRP$"
                            && matches!(p.lemma.to_lowercase().as_str(), "its" | "their")
                    })
            })
        };
        if code.starts_with("04") && !site.noun && target.is_none() && own_meeting() {
            return None;
        }
        // An addressed row's target is not one its clause talks about ("warned that the
        // government could fall"), nor the owner of what it is about ("promised to hail
        // Labour's record"); nor is a statement's, or a refusal to make one ("refused to
        // discuss his exact new position"), nor what a statement is on or about ("commenting
        // on … IRA bomb attacks").
        let talked_about = |m: &ActorMention| {
            let about = participants::owner_in_complement(sentence_tokens, offset, m, site.first);
            (code.starts_with("01")
                && (about || participants::in_topic(sentence_tokens, offset, m, site.first)))
                || (rule.addressed
                    && (about
                        || participants::inside_subject_clause(
                            sentence_tokens,
                            offset,
                            m,
                            site.first,
                        )))
        };
        // An object row's target is the one the trigger acts on directly; a near row's is
        // one of the trigger's own dependents. A name that modifies the noun the trigger
        // governs counts as that noun ("told the Associated Press news agency").
        let hangs_from_trigger_as = |m: &ActorMention, relation: fn(&str) -> bool| {
            let mut head = participants::mention_head(sentence_tokens, offset, m);
            for _ in 0..sentence_tokens.len() {
                match sentence_tokens[head].head {
                    Some(noun) if sentence_tokens[head].deprel == "compound" => head = noun,
                    _ => break,
                }
            }
            let head = &sentence_tokens[head];
            head.head == Some(site.first) && relation(&head.deprel)
        };
        let its_object = |rel: &str| matches!(rel, "obj" | "iobj" | "nsubj:pass");
        let its_own = |rel: &str| matches!(rel, "obj" | "iobj") || rel.starts_with("obl");
        if picked
            .target
            .and_then(|t| mentions.get(t))
            .is_some_and(|m| {
                talked_about(m)
                    || (rule.object && !hangs_from_trigger_as(m, its_object))
                    || (rule.near && !hangs_from_trigger_as(m, its_own))
                    // Nor is where a near row's act took place ("resigned the party whip in
                    // the European Parliament", "told reporters in Washington").
                    || (rule.near
                        && participants::after_locative(words, m.first_token - offset))
            })
        {
            target = None;
        }
        // An appeal to others to act for or against a third party is aimed at that party
        // ("urged the European Community to support the PLO": 053 on behalf of the PLO;
        // "called for sanctions against Nigeria": 113 against Nigeria).
        let solicited = (code.starts_with("02") || code == "053")
            .then(|| solicit::solicited_party(sentence_tokens, offset, mentions, site.first))
            .flatten()
            .filter(|&(_, k)| !same_actor(&mentions[k].actor, &source));
        let code = match solicited {
            Some((solicited_code, k)) => {
                target = Some(mentions[k].actor.clone());
                solicited_code
            }
            None => code,
        };
        // A directed row needs a known actor as its target ("support" a government, not
        // "kill the bill"), not the public at large ("telephoning voters"), nor the source's
        // own country named as a place or an owner ("the Tories promised a limit on
        // immigration into Britain", "pledged to clamp down on Britain's compensation
        // culture"); a deed done to the country itself is aimed at it ("promised to
        // democratise Serbia").
        let done_to = || {
            picked
                .target
                .and_then(|t| mentions.get(t))
                .is_some_and(|m| {
                    sentence_tokens[participants::mention_head(sentence_tokens, offset, m)].deprel
                        == "obj"
                })
        };
        let own_country = |t: &Actor| {
            t.roles.is_empty() && t.country.is_some() && t.country == source.country && !done_to()
        };
        let the_public = |t: &Actor| t.country.is_none() && t.roles == ["CVL"] || own_country(t);
        if rule.directed
            && target
                .as_ref()
                .is_none_or(|t| t.code.is_none() || the_public(t))
        {
            return None;
        }
        // A journey to a place no actor stands for is a campaign tour, not a visit; so is one
        // whose target is neither where it goes nor where it takes place ("speaking to the
        // BBC … before visiting the Pakistani community").
        if rule.travel {
            if let Some(place) = destination(sentence_tokens, site.first) {
                let goes_there = picked
                    .target
                    .and_then(|t| mentions.get(t))
                    .is_some_and(|m| {
                        // Or where it takes place ("visited slums in … Nairobi").
                        let head = participants::mention_head(sentence_tokens, offset, m);
                        participants::descends(sentence_tokens, head, place)
                            || (sentence_tokens[head].head == Some(site.first)
                                && sentence_tokens[head].deprel.starts_with("obl"))
                    });
                if target.as_ref().is_none_or(|t| t.code.is_none()) || !goes_there {
                    return None;
                }
            }
        }
        // An event is an act between political actors: with no actor code on either side
        // (a private person, a company, a group nobody knows) there is none to record.
        if source.code.is_none() && target.as_ref().is_none_or(|t| t.code.is_none()) {
            return None;
        }
        // A body at odds with its own kind ("the European Parliament has clashed with the
        // European Union", a minister with his government's leaders) fights with words.
        let among_own =
            || source.code.is_some() && target.as_ref().is_some_and(|t| t.code == source.code);
        let political = || {
            !target.as_ref().is_some_and(is_armed)
                && (is_political(&source)
                    || in_sector(&source, UNARMED_ROLES)
                    || target.as_ref().is_some_and(is_political)
                    || among_own())
        };
        let code = match (&rule.irregular_code, &rule.armed_code, &rule.political_code) {
            (Some(irregular), _, _) if is_irregular(&source) => irregular.as_str(),
            (_, Some(armed), _) if is_armed(&source) => armed.as_str(),
            (_, _, Some(verbal)) if !is_armed(&source) && political() => verbal.as_str(),
            _ => code,
        };
        // Violence against things in a country no one owns by name ("bombed targets in
        // Venezuela", "strikes on land targets in Venezuela") is aimed at that country.
        if is_violence(code) && target.is_none() {
            let inside = mentions.iter().position(|m| {
                m.kind == MentionKind::Country
                    && m.actor.country.is_some()
                    && m.actor.country != source.country
                    && participants::struck_within(
                        sentence_tokens,
                        participants::mention_head(sentence_tokens, offset, m),
                        site.first,
                    )
            });
            if let Some(k) = inside {
                picked.target = Some(k);
                target = Some(mentions[k].actor.clone());
            }
        }
        // Violence in a capital ("massive explosions … in the City of London") strikes the
        // country, not the government the capital stands for in words and deeds.
        let capital = picked
            .target
            .and_then(|t| mentions.get(t))
            .filter(|m| m.kind == MentionKind::Country && m.actor.roles.iter().any(|r| r == "GOV"));
        if let (true, Some(m), Some(t)) = (is_violence(code), capital, target.as_mut()) {
            if same_actor(t, &m.actor) {
                t.code = t.country.clone();
                t.roles.clear();
            }
        }
        let rejection = code.starts_with("12");
        let mode = mode::mode_of(
            words,
            &mode::Site {
                tokens: sentence_tokens,
                first: site.first,
                end: site.end,
                noun: site.noun,
                threat: rule.threat,
                rejection,
                declined: code == DECLINE_COMMENT,
            },
        );
        // An announced deed is coded as an intent or a threat (CAMEO 03, 13); its mode
        // stays the deed's (future) unless its actor is seen announcing it (below).
        // A noun deed is announced by the verb it is done with ("said the US would begin
        // strikes").
        let deed_verb = if site.noun {
            participants::light_verb(sentence_tokens, site.first)
        } else {
            Some(site.first)
        };
        let announced = !rule.threat
            && (mode == Mode::Future
                || (mode == Mode::Hypothetical
                    && deed_verb.is_some_and(|v| {
                        intent::future_in_past(sentence_tokens, v)
                            || intent::on_if(sentence_tokens, v)
                            || intent::possibility_reported(sentence_tokens, v)
                    })));
        let aimed = target.as_ref().is_some_and(|t| t.code.is_some());
        let deed_code = code;
        let code = match announced
            .then(|| intent::announced_code(code, aimed))
            .flatten()
        {
            Some(intended)
                if intended.starts_with('0')
                    && intent::on_condition(sentence_tokens, site.first) =>
            {
                "130"
            }
            Some(intended) => intended,
            None => code,
        };
        // An intent or threat its actor announces happened when the announcing did
        // ("Britain has offered to send troops": an offer made, 033; "will offer to send":
        // one to come).
        let announcer =
            intent::announcer(sentence_tokens, site.first).filter(|_| code != deed_code);
        // Forces offered or promised ("offered to send troops to Indonesia") are help on
        // offer, coded at the offer, not a threat of force.
        if deed_code.starts_with("15")
            && announcer.is_some_and(|w| lemma_among(&sentence_tokens[w], OFFERING_VERBS))
        {
            return None;
        }
        // An announcement is one event: coded already at its own word with this code
        // ("promised to give aid": 033 at "promised"), that one stands; coded there as a bare
        // intent or threat (030 at "pledged"), this one, naming the deed, replaces it
        // ("pledged to lift sanctions": 035).
        if let Some(word) = announcer {
            let at = analysis.tokens[offset + word].start;
            let at_word = |e: &Event| {
                e.sentence == sentence && e.trigger.start == at && e.source.code == source.code
            };
            let mut this_sentence = earlier.iter().rev().take_while(|e| e.sentence == sentence);
            if this_sentence.any(|e| at_word(e) && e.cameo == code) {
                return None;
            }
            earlier.retain(|e| !(at_word(e) && bare_of(&e.cameo, code)));
        }
        let mode = announcer.map_or(mode, |word| {
            mode::mode_of_verb(words, sentence_tokens, word)
        });
        let attribution = mode::attribution_of(words, offset, site.first, mentions, picked.source);
        let mode = if mode == Mode::Asserted && !attribution.is_empty() {
            Mode::Reported
        } else {
            mode
        };
        let first_token = &analysis.tokens[offset + site.first];
        let last_token = &analysis.tokens[offset + site.end - 1];
        let trigger = Trigger {
            start: first_token.start,
            end: last_token.end,
            text: analysis.doc.text[first_token.start..last_token.end].to_string(),
        };
        // A fallback-tier event ranks under main-rule events, the sentence's main verb
        // (the parse root) first among fallback events.
        let fallback = if !rule.fallback {
            0.0
        } else if sentence_tokens
            .get(site.first)
            .is_some_and(|t| t.deprel == "root")
        {
            0.2
        } else {
            0.3
        };
        // A clause describing a noun is background to the sentence's event ("demonstrators
        // rioted following a demonstration calling for …").
        let describing = !site.noun
            && sentence_tokens
                .get(site.first)
                .is_some_and(|t| t.deprel.starts_with("acl"));
        // An adverbial clause says why or how the sentence's act was done ("continued their
        // hunger strike to demand …", "blocked roads demanding …"): the act ranks first.
        // A clause with its own auxiliary or conjunction ("but was still refusing") is
        // a second act, whatever the parse calls it; an intent announced in it ("agreed
        // … to provide aid") is what the sentence says.
        let adverbial = !site.noun
            && code == deed_code
            && sentence_tokens.get(site.first).is_some_and(|t| {
                let child =
                    |deprel, lemma| has_dependent(sentence_tokens, site.first, deprel, lemma);
                t.deprel == "advcl"
                    && (child("mark", Some("to"))
                        || (t.xpos == "VBG" && !child("aux", None) && !child("cc", None)))
            });
        let confidence = 0.5 + if rule.cues.is_empty() { 0.0 } else { 0.2 }
            - fallback
            - if describing { 0.2 } else { 0.0 }
            - if adverbial { 0.2 } else { 0.0 }
            + if target.is_some() { 0.15 } else { 0.0 }
            + if source.code.is_some() { 0.15 } else { 0.0 };
        Some(build_event(
            analysis,
            sentence,
            trigger,
            source,
            target,
            code,
            mode,
            attribution,
            confidence,
        ))
    }

    /// Whether word `i` is a critical word as used there: not "lie" that places something
    /// ("the best prospect of peace lies in …", "the blame lies with …").
    fn critical(&self, words: &SentenceWords, i: usize) -> bool {
        let placing = matches!(words.lower[i].as_str(), "lie" | "lies" | "lying")
            && words.lower.get(i + 1).is_some_and(|next| {
                matches!(
                    next.as_str(),
                    "in" | "at" | "with" | "on" | "behind" | "ahead" | "within" | "beyond"
                )
            });
        // Things that "went badly wrong" blame no one.
        let gone_wrong = words.lower[i] == "wrong" && {
            let mut j = i;
            loop {
                let Some(k) = j.checked_sub(1).filter(|&k| i - k <= 3) else {
                    break false;
                };
                let w = words.lower[k].as_str();
                if matches!(w, "go" | "goes" | "went" | "gone" | "going") {
                    break true;
                }
                if !(w.ends_with("ly") || matches!(w, "very" | "so" | "all")) {
                    break false;
                }
                j = k;
            }
        };
        self.lexicon.is_critical(&words.lower[i]) && !placing && !gone_wrong
    }

    /// A statement with critical words about another actor: CAMEO 111.
    fn criticism(
        &self,
        analysis: &Analysis,
        sentence: usize,
        words: &SentenceWords,
        mentions: &[ActorMention],
        coded: &[usize],
    ) -> Option<Event> {
        // The harsh words, found once.
        let harsh: Vec<usize> = (0..words.len())
            .filter(|&i| self.critical(words, i))
            .collect();
        if harsh.is_empty() {
            return None;
        }
        let offset = analysis.sentences[sentence].first_token;
        let sentence_tokens = &analysis.tokens[offset..];
        // A statement verb, not its noun ("denied the claims").
        let verb = (0..words.len()).find(|&i| {
            STATEMENT_VERBS.iter().any(|v| words.has_lemma(i, v))
                && !words.inside_quote(i)
                && (i >= sentence_tokens.len()
                    || pos_allows(sentence_tokens, &words.lower[i], i, TriggerKind::Verb))
        })?;
        let site = TriggerSite {
            first: verb,
            end: verb + 1,
            noun: false,
        };
        let picked = participants::select(analysis, offset, words, &site, mentions);
        let source_index = picked.source?;
        let source = &mentions[source_index].actor;
        // Criticism is of someone: without a known actor to aim at, a harsh statement
        // ("it would be wrong to assume …", she said) is no event. Those spoken to ("told
        // BBC Radio: …") are not the ones criticised, nor a group no country or name says
        // whose ("sends the wrong signals to violent criminals").
        // The one criticised is the actor nearest in the parse to a critical word, within
        // three links ("Labour's failure", "branded Mr Howard arrogant", "wrong even if Lord
        // Goldsmith had signed"), not any actor the sentence names ("Britain could not
        // afford …", "good co-operation with member states on cases of fraud").
        // A critical word modifying a noun stands for its phrase ("this intimidation
        // campaign", "a reckless spree").
        let in_sentence = &analysis.tokens[offset..analysis.sentences[sentence].last_token];
        // What "…, he told the conference" says is the clause it hangs from.
        let content = match in_sentence.get(verb) {
            Some(t) if t.deprel == "parataxis" => t.head.unwrap_or(verb),
            _ => verb,
        };
        // A statement that reports a coded event, its harsh words all inside it ("he says
        // Lord X warned Mr Y that the war could be illegal"), is that event's report; not
        // one whose harsh words are about it ("said the Home Office had been wrong to
        // dismiss concerns").
        // So is one that reports what someone else said ("he says Lord X warned …" when
        // the warning states a view and is no event).
        let someone_else_says = |i: usize| {
            in_sentence[i].upos == "VERB"
                && words.is_reporting_verb(i)
                && in_sentence
                    .iter()
                    .any(|t| t.head == Some(i) && t.deprel == "nsubj" && t.upos != "PRON")
        };
        let reported: Vec<usize> = (0..in_sentence.len())
            .filter(|&i| {
                i != verb
                    && (coded.contains(&in_sentence[i].start) || someone_else_says(i))
                    && participants::descends(in_sentence, i, content)
            })
            .collect();
        let harsh_here = || harsh.iter().copied().filter(|&i| i < in_sentence.len());
        let harsh_inside_report = || {
            harsh_here().all(|c| {
                reported
                    .iter()
                    .any(|&r| participants::descends(in_sentence, c, r))
            })
        };
        if !reported.is_empty() && harsh_inside_report() {
            return None;
        }
        // Harsh words that only set the scene ("in difficult circumstances following the
        // failure of the first competition, … have worked hard to get a deal", "amid the
        // collapse of the talks") blame no one.
        let scene_setting = harsh_here().all(|c| in_circumstance(in_sentence, c));
        if scene_setting {
            return None;
        }
        let critical: Vec<usize> = harsh_here()
            .map(
                |i| match (in_sentence[i].head, in_sentence[i].deprel.as_str()) {
                    (Some(h), "compound" | "amod") => h,
                    _ => i,
                },
            )
            .collect();
        // The deed a harsh word judges ("it was wrong to put China under the same embargo"):
        // those it is done to are not the ones criticised; whoever does it is.
        let judged_deeds: Vec<usize> = (0..in_sentence.len())
            .filter(|&i| {
                in_sentence[i].head.is_some_and(|h| {
                    harsh.contains(&h)
                        && matches!(
                            in_sentence[i].deprel.as_str(),
                            "csubj" | "xcomp" | "advcl" | "ccomp"
                        )
                        && (0..in_sentence.len()).any(|j| {
                            in_sentence[j].head == Some(i)
                                && in_sentence[j].deprel == "mark"
                                && words.lower[j] == "to"
                        })
                })
            })
            .collect();
        let in_judged_deed = |m: &ActorMention| {
            m.head_token.checked_sub(offset).is_some_and(|h| {
                judged_deeds
                    .iter()
                    .any(|&d| participants::descends(in_sentence, h, d))
            })
        };
        // Nor whoever is named inside the speaker's own phrase ("the chairman of Migration
        // Watch UK, Sir Andrew Green, said …").
        let speaker_phrase = (0..in_sentence.len()).find(|&i| {
            in_sentence[i].head == Some(verb) && in_sentence[i].deprel.starts_with("nsubj")
        });
        // Nor the speaker of another reporting verb ("…, he claims, of the Tories setting the
        // agenda").
        let in_speaker_phrase = |m: &ActorMention| {
            m.head_token.checked_sub(offset).is_some_and(|h| {
                speaker_phrase.is_some_and(|s| participants::descends(in_sentence, h, s))
                    || (in_sentence[h].deprel == "nsubj"
                        && in_sentence[h]
                            .head
                            .is_some_and(|v| v < words.len() && words.is_reporting_verb(v)))
            })
        };
        // Nor the subject of a condition put first by its auxiliary ("…, should Labour
        // win"): it is what may come, not whom the words are about.
        let in_condition = |m: &ActorMention| {
            m.head_token.checked_sub(offset).is_some_and(|h| {
                in_sentence[h].deprel == "nsubj"
                    && in_sentence[h].head.is_some_and(|clause| {
                        (0..h).any(|a| {
                            in_sentence[a].head == Some(clause)
                                && in_sentence[a].deprel == "aux"
                                && matches!(words.lower[a].as_str(), "should" | "had" | "were")
                        })
                    })
            })
        };
        // The source's own country as a whole is not whom its words criticise ("Britain
        // could not afford the reckless spree planned by the Tories", "gloomy forecasts
        // proved wrong, he will argue, while suggesting that only by sticking with him can
        // Britain continue to have a sound economy").
        let own_country = |m: &ActorMention| {
            m.actor.code.is_some() && m.actor.code == source.country && m.actor.roles.is_empty()
        };
        let candidates: Vec<(Option<(usize, bool)>, &ActorMention)> = mentions
            .iter()
            .enumerate()
            .filter(|(k, m)| {
                !own_country(m)
                    && !in_judged_deed(m)
                    && !in_speaker_phrase(m)
                    && !in_condition(m)
                    && !participants::suffers_harm(in_sentence, offset, m)
                    && *k != source_index
                    && m.actor.code.is_some()
                    && (m.actor.country.is_some() || m.actor.name.is_some())
                    && (m.actor.name.is_none() || m.actor.name != source.name)
                    && !participants::addressee(analysis, offset, m, verb)
                    && !participants::governs_the_statement(analysis, offset, m, verb)
            })
            .filter_map(|(_, m)| {
                let head = m.head_token.checked_sub(offset)?;
                // A place ("not least in the Czech Republic") is where, not whom.
                let first = m.first_token.checked_sub(offset)?;
                if participants::after_locative(words, first) {
                    return None;
                }
                let near = critical
                    .iter()
                    .filter_map(|&c| tree_distance(in_sentence, head, c, CRITICISM_REACH))
                    .min();
                Some((near, m))
            })
            .collect();
        // With no actor near a critical word, a sentence harsh in tone as a whole still
        // criticises the first actor it names ("the reason … is because warmongering neocons
        // have gotten very close to him").
        let target = candidates
            .iter()
            .filter_map(|(near, m)| near.map(|n| (n, m)))
            .min_by_key(|(near, _)| *near)
            .map(|(_, m)| m)
            .or_else(|| {
                // Of what the statement says, not of the clause the statement sits in ("the
                // bill, which ministers claim will tackle crime …, is expected to be opposed
                // by the Liberal Democrats").
                let said = |m: &ActorMention| {
                    in_sentence.iter().all(|t| t.deprel.is_empty())
                        || m.head_token
                            .checked_sub(offset)
                            .is_some_and(|h| participants::descends(in_sentence, h, content))
                };
                harsh_in_tone(analysis, sentence)
                    .then(|| candidates.iter().map(|(_, m)| m).find(|m| said(m)))
                    .flatten()
            })
            .map(|m| m.actor.clone())?;
        let rule = Rule {
            trigger: vec![words.lower[verb].clone()],
            kind: TriggerKind::Verb,
            cues: Vec::new(),
            code: "111".into(),
            threat: false,
            speech: false,
            reply: false,
            directed: false,
            addressed: false,
            object: false,
            near: false,
            opinion: false,
            travel: false,
            naming: false,
            armed_code: None,
            irregular_code: None,
            political_code: None,
            origin: "critical_words.txt".into(),
            fallback: false,
        };
        let mut event = self.event(
            analysis,
            sentence,
            words,
            &site,
            mentions,
            &rule,
            "111",
            &mut Vec::new(),
        )?;
        event.target = Some(target);
        Some(event)
    }
}

impl Stage for EventCoder {
    fn name(&self) -> &str {
        "coder@1"
    }

    fn process(&self, analysis: &mut Analysis) {
        self.code(analysis);
    }
}

/// Quote speakers found by the quotation stage take the actor of the mention they cover
/// ("he" → Nicolás Maduro, "the Journal's editors" → USAMED).
fn resolve_speakers(analysis: &mut Analysis, mentions: &[ActorMention]) {
    for quote in &mut analysis.quotes {
        let Some(speaker) = quote.speaker.as_mut() else {
            continue;
        };
        let covering = mentions
            .iter()
            .find(|m| m.actor.start < speaker.end && speaker.start < m.actor.end);
        if let Some(m) = covering {
            let (start, end, text) = (speaker.start, speaker.end, speaker.text.clone());
            *speaker = Actor {
                start,
                end,
                text,
                ..m.actor.clone()
            };
        }
    }
}

/// An outlet whose report the document traces to unnamed sources ("The sources who talked
/// to the Herald said …") passes its events on with the sources behind it:
/// `[Miami Herald (outlet), sources (anonymous)]`.
fn cite_anonymous_sources(analysis: &Analysis, mentions: &[ActorMention], events: &mut [Event]) {
    let mut relying: Vec<String> = Vec::new();
    for (index, _) in analysis.sentences.iter().enumerate() {
        let tokens = analysis.sentence_tokens(index);
        let words: Vec<String> = tokens
            .iter()
            .map(|t| analysis.token_text(t).to_lowercase())
            .collect();
        let anonymous = words.iter().any(|w| w == "source" || w == "sources");
        let reported = tokens
            .iter()
            .any(|t| matches!(t.lemma.as_str(), "say" | "tell" | "add" | "talk" | "speak"))
            || words.iter().any(|w| w == "according");
        if !(anonymous && reported) {
            continue;
        }
        for m in mentions.iter().filter(|m| m.sentence == index) {
            if m.actor.roles.iter().any(|r| r == "MED") {
                relying.extend(m.actor.name.clone());
            }
        }
    }
    for event in events.iter_mut() {
        let Some(first) = event.attribution.first() else {
            continue;
        };
        let outlet = first.actor.as_ref().and_then(|a| a.name.clone());
        let cited = first.kind == dyad_types::AttributionKind::Outlet
            && event.attribution.len() == 1
            && outlet.is_some_and(|name| relying.contains(&name));
        if cited {
            event.attribution.push(dyad_types::Attribution {
                text: "sources".into(),
                kind: dyad_types::AttributionKind::Anonymous,
                actor: None,
            });
        }
    }
}

/// CAMEO's "decline comment".
const DECLINE_COMMENT: &str = "011";

/// CAMEO codes of support and aid, and of the intent to give them (not agreements or
/// cooperation: "a deal to import gas from Iran" is with Iran).
const SUPPORT_CODES: &[&str] = &["032", "033", "050", "051", "052", "053", "054", "07"];

/// Verbs of sending forces or people somewhere ("send troops", "deploy peacekeepers").
const SENDING_VERBS: &[&str] = &["send", "deploy", "dispatch"];

/// Whether `bare` is the root code (030, 130) of the more precise `code` of its category.
fn bare_of(bare: &str, code: &str) -> bool {
    bare != code && bare.len() == 3 && bare.ends_with('0') && bare.get(..2) == code.get(..2)
}

/// Whether `actor` is armed forces of `source`'s own side: military of its country, or of
/// no country named ("troops").
fn own_forces(actor: &Actor, source: &Actor) -> bool {
    actor.roles.iter().any(|r| r == "MIL")
        && (actor.country.is_none() || actor.country == source.country)
}

/// Verbs by which an actor puts its own deed on offer ("offered to send troops").
const OFFERING_VERBS: &[&str] = &["offer", "promise", "pledge", "agree", "undertake"];

/// Whether a CAMEO code is violence: an assault, a fight or mass violence (roots 18–20).
fn is_violence(code: &str) -> bool {
    ["18", "19", "20"].iter().any(|c| code.starts_with(c))
}

/// CAMEO codes of acts two parties do together (consult, meet, negotiate; cooperate; sign an
/// agreement): the subject's co-subject is the other party.
const RECIPROCAL_CODES: &[&str] = &["03", "04", "057", "06"];

/// Nouns of relief work, whose `in` phrase names the country helped ("the relief effort in
/// Indonesia").
const RELIEF_WORK: &[&str] = &[
    "effort",
    "relief",
    "work",
    "operation",
    "reconstruction",
    "mission",
    "aid",
];

/// Objects that the co-subjects of a reciprocal act share ("signed an agreement", "held
/// talks").
const SHARED_OBJECTS: &[&str] = &[
    "agreement",
    "deal",
    "accord",
    "treaty",
    "pact",
    "memorandum",
    "talk",
    "talks",
    "meeting",
    "tie",
    "ties",
    "relation",
    "relations",
    "cooperation",
    "statement",
    "declaration",
    "communique",
    "summit",
    "negotiation",
    "negotiations",
    "contract",
    "ceasefire",
    "truce",
    "exercise",
    "exercises",
];

/// Whether the verb at `trigger` is a passive withdrawal ("were shipped out", "were
/// recalled", "were pulled out"): its subject is a body its owner withdrew.
fn withdrawn_by_owner(tokens: &[dyad_types::Token], trigger: usize) -> bool {
    const WITHDRAWING: &[&str] = &["withdraw", "recall", "ship", "pull"];
    tokens
        .get(trigger)
        .is_some_and(|t| lemma_among(t, WITHDRAWING))
        && participants::is_passive(tokens, trigger)
}

/// Where the journey at word `trigger` goes, when it names it: an object ("visiting
/// constituencies") or a `to`, `of` or `round` phrase ("travel to key cities", "a visit to
/// Sheffield", "a tour of marginal seats"), not a time ("visit on Tuesday").
fn destination(tokens: &[dyad_types::Token], trigger: usize) -> Option<usize> {
    (0..tokens.len()).find(|&c| {
        let t = &tokens[c];
        let to_place = matches!(t.deprel.as_str(), "obl" | "nmod")
            && ["to", "of", "round", "around"]
                .iter()
                .any(|w| has_dependent(tokens, c, "case", Some(w)));
        t.head == Some(trigger)
            && matches!(t.upos.as_str(), "NOUN" | "PROPN")
            && (t.deprel == "obj" || to_place)
    })
}

/// Words that open a phrase of the circumstances ("following the failure", "amid the
/// row"). Not "after": "failed the country after years of reckless spending" blames.
const CIRCUMSTANCE_WORDS: &[&str] = &["follow", "following", "amid", "amidst"];

/// Whether word `i` lies in a phrase of the circumstances: under a "following" participle,
/// or a phrase or clause opened by "following" or "amid".
fn in_circumstance(tokens: &[dyad_types::Token], i: usize) -> bool {
    let mut at = i;
    for _ in 0..8 {
        let t = &tokens[at];
        let opens = |w: &str| CIRCUMSTANCE_WORDS.iter().any(|c| w.eq_ignore_ascii_case(c));
        if t.xpos == "VBG" && t.lemma.eq_ignore_ascii_case("follow") && t.deprel != "root" {
            return true;
        }
        if matches!(t.deprel.as_str(), "obl" | "advcl" | "nmod")
            && tokens.iter().any(|c| {
                c.head == Some(at)
                    && matches!(c.deprel.as_str(), "case" | "mark")
                    && opens(&c.lemma)
            })
        {
            return true;
        }
        match t.head {
            Some(h) if h != at && h < tokens.len() => at = h,
            _ => return false,
        }
    }
    false
}

/// Singular titles of one office holder: "the chancellor", "his minister".
const OFFICE_HOLDERS: &[&str] = &[
    "president",
    "chancellor",
    "minister",
    "secretary",
    "premier",
    "leader",
    "chairman",
    "chairwoman",
    "spokesman",
    "spokeswoman",
    "mayor",
    "governor",
    "senator",
    "ambassador",
    "envoy",
    "commander",
    "general",
    "counterpart",
    "deputy",
    "predecessor",
    "successor",
];

/// Whether mention `holder` is an office holder nobody named ("the chancellor") while
/// `named` is a person with a name: two people, even of one actor code.
fn unnamed_office_holder(analysis: &Analysis, holder: &ActorMention, named: &ActorMention) -> bool {
    named.kind == MentionKind::Person
        && named.actor.name.is_some()
        && !holder.coreferent
        && nameless_office(analysis, holder)
}

/// Whether two mentions nobody named hold two offices ("the prime minister hailed his
/// chancellor's performance"): two parties, even of one actor code.
fn two_offices(analysis: &Analysis, a: &ActorMention, b: &ActorMention) -> bool {
    nameless_office(analysis, a)
        && nameless_office(analysis, b)
        && !analysis.tokens[a.head_token]
            .lemma
            .eq_ignore_ascii_case(&analysis.tokens[b.head_token].lemma)
}

/// Whether mention `m` names an office by its title alone, with no one's name ("the
/// chancellor").
fn nameless_office(analysis: &Analysis, m: &ActorMention) -> bool {
    let head = &analysis.tokens[m.head_token];
    m.actor.name.is_none()
        && matches!(head.xpos.as_str(), "NN" | "NNP")
        && OFFICE_HOLDERS
            .iter()
            .any(|o| head.lemma.eq_ignore_ascii_case(o))
}

/// Whether mention `group` is people named by a plural ("Labour MPs") and `named` a person
/// with a name ("Mr Jackson would be warmly welcomed by Labour MPs") or an office holder
/// ("the chancellor has demanded all government departments make similar savings"): two
/// parties, even of one actor code.
fn group_and_person(analysis: &Analysis, group: &ActorMention, named: &ActorMention) -> bool {
    group.kind == MentionKind::Group
        && group.actor.name.is_none()
        && matches!(
            analysis.tokens[group.head_token].xpos.as_str(),
            "NNS" | "NNPS"
        )
        && (named.kind == MentionKind::Person && named.actor.name.is_some()
            || nameless_office(analysis, named))
}

/// Whether two mentions of one code are two bodies of it, an institution and a group named
/// apart ("The National Audit Office praised ministers").
fn two_bodies(analysis: &Analysis, a: &ActorMention, b: &ActorMention) -> bool {
    let body = |m: &ActorMention| {
        !m.coreferent && matches!(m.kind, MentionKind::Institution | MentionKind::Group)
    };
    body(a)
        && body(b)
        && a.kind != b.kind
        && analysis.tokens[a.head_token].lemma != analysis.tokens[b.head_token].lemma
}

/// Whether the tone of sentence `sentence` is negative: more weight of negative words than
/// of positive ones.
fn harsh_in_tone(analysis: &Analysis, sentence: usize) -> bool {
    let s = analysis.sentences[sentence];
    let words: Vec<dyad_tone::tone::Word<'_>> = analysis.tokens[s.first_token..s.last_token]
        .iter()
        .map(|t| dyad_tone::tone::Word {
            text: analysis.token_text(t),
            lemma: &t.lemma,
            upos: &t.upos,
        })
        .collect();
    let tally = dyad_tone::ToneLexicon::embedded().score_sentence(&words);
    tally.negative > tally.positive
}

/// The most links in the parse between a critical word and the actor it criticises.
const CRITICISM_REACH: usize = 3;

/// How far word `a` of a sentence is from word `b` in the parse, if at most `limit` links:
/// the links between them, and whether `b` is not above `a` (of equals, "Iran's policy was
/// a failure" is nearer Iran than "Britain had done good work but …" is Britain).
fn tree_distance(
    tokens: &[dyad_types::Token],
    a: usize,
    b: usize,
    limit: usize,
) -> Option<(usize, bool)> {
    // The words above `from` (itself first), `limit` links at most.
    let above = |from: usize| {
        let mut chain = vec![from];
        while let Some(h) = tokens.get(chain[chain.len() - 1]).and_then(|t| t.head) {
            if chain.len() > limit || h >= tokens.len() || chain.contains(&h) {
                break;
            }
            chain.push(h);
        }
        chain
    };
    let (from_a, from_b) = (above(a), above(b));
    from_a
        .iter()
        .enumerate()
        .filter_map(|(i, w)| {
            let j = from_b.iter().position(|v| v == w)?;
            Some((i + j, j > 0))
        })
        .min()
        .filter(|&(d, _)| d <= limit)
}

/// Whether `body` is `owner`'s own, named by a possessive ("Syria … its troops").
fn own_body(owner: &ActorMention, body: &ActorMention) -> bool {
    body.possessor_head == Some(owner.head_token)
}

/// Whether two actors are one: the same code, and the same name where both have one.
pub(crate) fn same_actor(a: &Actor, b: &Actor) -> bool {
    a.code == b.code && (a.name == b.name || a.name.is_none() || b.name.is_none())
}

/// How many sentences back (about a paragraph) an appeal, a criticism or a rejection can be
/// what a refusal answers; a demand or a threat is answered however far back it was made.
const REPLY_REACH: usize = 5;

/// The source of the latest earlier demand, appeal or threat aimed at `source`'s country by
/// another country's actor (not by someone no code places), when the refusal in `sentence`
/// can answer it: "Maduro refused" answers the demand that he leave made long before, but
/// "George Bush's refusal to sign up to the Kyoto protocol" answers no appeal to the US to
/// "build anew their alliance" fourteen sentences back.
fn replied_to(source: &Actor, sentence: usize, earlier: &[Event]) -> Option<Actor> {
    let country = source.country.as_ref()?;
    earlier
        .iter()
        .rev()
        .filter(|e| {
            let demand = ["10", "13"].iter().any(|root| e.cameo.starts_with(root));
            let answerable = ["02", "12", "11"]
                .iter()
                .any(|root| e.cameo.starts_with(root))
                && sentence.saturating_sub(e.sentence) <= REPLY_REACH;
            demand || answerable
        })
        .find(|e| {
            e.target.as_ref().and_then(|t| t.country.as_ref()) == Some(country)
                && e.source.country.is_some()
                && e.source.country.as_ref() != Some(country)
        })
        .map(|e| e.source.clone())
}

/// The same event done by each coded co-subject of its source ("Russia and China condemned
/// the buildup": China condemned it too), each with an id of its own. In a reciprocal act
/// whose target is the co-subject ("France and Germany met"), the co-subject acts upon the
/// source.
fn co_subjects_acting(
    analysis: &Analysis,
    sentence: &Sentence,
    mentions: &[ActorMention],
    event: &Event,
) -> Vec<Event> {
    let offset = sentence.first_token;
    let tokens = &analysis.tokens[offset..sentence.last_token];
    let Some(s) = mentions
        .iter()
        .position(|m| m.actor.start == event.source.start && m.actor.end == event.source.end)
    else {
        return Vec::new();
    };
    (0..mentions.len())
        .filter(|&k| k != s && participants::co_subject(tokens, offset, mentions, s, k))
        .filter(|&k| {
            let m = &mentions[k].actor;
            m.code.is_some() && m.code != event.source.code
        })
        .map(|k| {
            let actor = mentions[k].actor.clone();
            let target = match &event.target {
                Some(t) if same_actor(t, &actor) => {
                    Some(event.source.clone()).filter(|s| s.code.is_some())
                }
                other => other.clone(),
            };
            let id = dyad_types::content_hash(&format!(
                "{}:{}:{}:{}:co-subject:{}",
                analysis.doc.store_key(),
                event.trigger.start,
                event.trigger.end,
                event.cameo,
                actor.start
            ));
            Event {
                id,
                source: actor,
                target,
                ..event.clone()
            }
        })
        .collect()
}

#[allow(clippy::too_many_arguments)]
fn build_event(
    analysis: &Analysis,
    sentence: usize,
    trigger: Trigger,
    source: Actor,
    target: Option<Actor>,
    code: &str,
    mode: Mode,
    attribution: Vec<dyad_types::Attribution>,
    confidence: f64,
) -> Event {
    let codebook = Codebook::embedded();
    let entry = codebook.get_or_ancestor(code);
    let plover = entry.and_then(|e| {
        e.plover_event.as_ref().map(|event| PloverCoding {
            event: event.clone(),
            mode: e.plover_mode.clone(),
        })
    });
    let doc_key = analysis.doc.store_key();
    let id = dyad_types::content_hash(&format!(
        "{doc_key}:{}:{}:{code}",
        trigger.start, trigger.end
    ));
    let date = dating::date_event(analysis, sentence, trigger.start);
    Event {
        id,
        sentence,
        trigger,
        source,
        target,
        cameo: code.to_string(),
        cameo_name: entry.map(|e| e.name.clone()).unwrap_or_default(),
        goldstein: entry.map(|e| e.goldstein).unwrap_or(0.0),
        quad_class: entry.map(|e| e.quad_class).unwrap_or(0),
        plover,
        date,
        mode,
        attribution,
        location: None,
        confidence: confidence.min(1.0),
        contexts: Vec::new(),
        tone: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cues::quoted_content_end;
    use crate::test_rows::parsed;
    use dyad_types::Token;

    /// The codes the lexicon matches in a sentence, in text order (blockers included).
    fn codes(rows: &[(&str, &str, &str, &str, usize, &str)]) -> Vec<String> {
        let (texts, tokens) = parsed(rows);
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        let lemmas: Vec<&str> = tokens.iter().map(|t| t.lemma.as_str()).collect();
        let words = SentenceWords::new(&texts, &lemmas);
        let coder = EventCoder::new();
        coder
            .matches(&words, &texts, &tokens)
            .iter()
            .map(|m| m.rule.code.clone())
            .collect()
    }

    /// A row of a word whose parse does not matter to the test.
    fn w<'a>(
        word: &'a str,
        upos: &'a str,
        lemma: &'a str,
    ) -> (&'a str, &'a str, &'a str, &'a str, usize, &'a str) {
        (word, upos, "", lemma, 0, "dep")
    }

    #[test]
    fn a_message_quoted_after_a_colon_lends_the_verb_its_cue() {
        // "gave Maduro a clear message: “You can save yourself and those closest to you, but
        // you must leave the country now.”": "must leave" lies 19 words after "gave".
        let text = "The White House gave Maduro a clear message : \u{201c} You can save yourself \
            and those closest to you , but you must leave the country now . \u{201d}";
        let texts: Vec<&str> = text.split_whitespace().collect();
        let lemmas: Vec<&str> = texts
            .iter()
            .map(|w| if *w == "gave" { "give" } else { w })
            .collect();
        let words = SentenceWords::new(&texts, &lemmas);
        let coder = EventCoder::new();
        let codes = |words: &SentenceWords| -> Vec<String> {
            let tokens: Vec<Token> = (0..words.len()).map(|i| Token::new(i, i + 1)).collect();
            coder
                .matches(words, &texts, &tokens)
                .iter()
                .map(|m| m.rule.code.clone())
                .collect()
        };
        assert!(
            codes(&words).iter().any(|c| c == "1041"),
            "{:?}",
            codes(&words)
        );
        // Without the colon's quotation the cue is out of the clause's reach.
        let plain: Vec<&str> = texts.iter().copied().filter(|w| *w != ":").collect();
        let plain_words = SentenceWords::new(&plain, &plain);
        assert!(quoted_content_end(&plain_words, 3) == 3);
    }

    #[test]
    fn insisting_on_a_day_or_a_programme_and_conceding_that_are_no_events() {
        let rows = |words: &[(&'static str, &'static str, &'static str)]| {
            words
                .iter()
                .map(|&(w_, u, l)| w(w_, u, l))
                .collect::<Vec<_>>()
        };
        let insisted = |on: &'static str| {
            rows(&[
                ("he", "PRON", "he"),
                ("insisted", "VERB", "insist"),
                ("on", "ADP", "on"),
                (on, "PROPN", on),
            ])
        };
        assert_eq!(codes(&insisted("reform")), ["100"]);
        assert_eq!(codes(&insisted("Wednesday")), ["---"]);
        assert_eq!(codes(&insisted("BBC")), ["---"]);
        let conceded = |next: &'static str| {
            rows(&[
                ("he", "PRON", "he"),
                ("conceded", "VERB", "concede"),
                (next, "NOUN", next),
            ])
        };
        assert_eq!(codes(&conceded("defeat")), ["080"]);
        assert_eq!(codes(&conceded("that")), ["---"]);
    }

    #[test]
    fn a_word_tagged_as_a_noun_triggers_no_verb_rule() {
        // "via press release" with "release" tagged VERB/NN.
        let rows = [
            ("via", "ADP", "IN", "via", 3, "case"),
            ("press", "NOUN", "NN", "press", 3, "compound"),
            ("release", "VERB", "NN", "release", 0, "root"),
        ];
        assert!(codes(&rows).is_empty());
        let rows = [
            ("they", "PRON", "PRP", "they", 2, "nsubj"),
            ("released", "VERB", "VBD", "release", 0, "root"),
        ];
        assert_eq!(codes(&rows), ["084"]);
    }

    #[test]
    fn an_adjective_with_a_verbs_form_triggers_no_verb_rule() {
        // "free care" is no release; "freed" read as an adjective and "promising to" are.
        let adjective = [
            ("free", "ADJ", "JJ", "free", 2, "amod"),
            ("care", "NOUN", "NN", "care", 0, "root"),
        ];
        assert!(codes(&adjective).is_empty());
        let participle = [
            ("freed", "ADJ", "JJ", "free", 2, "amod"),
            ("hostages", "NOUN", "NNS", "hostage", 0, "root"),
        ];
        assert_eq!(codes(&participle), ["084"]);
        let infinitive = [
            ("free", "ADJ", "JJ", "free", 0, "root"),
            ("to", "PART", "TO", "to", 3, "mark"),
            ("go", "VERB", "VB", "go", 1, "xcomp"),
        ];
        assert_eq!(codes(&infinitive), ["084"]);
    }

    #[test]
    fn charging_a_price_and_hitting_a_target_are_no_events() {
        let fees = [
            w("charging", "VERB", "charge"),
            w("students", "NOUN", "student"),
            w("tuition", "NOUN", "tuition"),
            w("fees", "NOUN", "fee"),
        ];
        assert_eq!(codes(&fees), [NO_EVENT]);
        let charged = [
            w("police", "NOUN", "police"),
            w("charged", "VERB", "charge"),
            w("him", "PRON", "he"),
        ];
        assert_eq!(codes(&charged), ["173"]);
        let target = [
            w("hitting", "VERB", "hit"),
            w("his", "PRON", "his"),
            w("growth", "NOUN", "growth"),
            w("target", "NOUN", "target"),
        ];
        assert!(codes(&target).is_empty());
    }

    #[test]
    fn an_armed_actor_attacking_uses_force_others_criticise() {
        let armed = |roles: &[&str], code: Option<&str>| Actor {
            start: 0,
            end: 0,
            text: String::new(),
            name: None,
            code: code.map(str::to_string),
            country: None,
            roles: roles.iter().map(|r| r.to_string()).collect(),
            office_left: None,
        };
        assert!(is_armed(&armed(&["MIL"], Some("SYRMIL"))));
        assert!(is_armed(&armed(&[], Some("COLREB"))));
        assert!(!is_armed(&armed(&["OPP"], Some("SYROPP"))));
        assert!(!is_armed(&armed(&[], Some("SYR"))));
        let attack = EventCoder::new().lexicon.rules_for("attack").to_vec();
        let verb = attack
            .iter()
            .find(|r| r.kind == TriggerKind::Verb && r.cues.is_empty())
            .expect("a verb row for attack");
        assert_eq!(verb.code, "111");
        assert_eq!(verb.armed_code.as_deref(), Some("190"));
    }

    #[test]
    fn not_commenting_declines_comment_and_meeting_a_target_and_naming_are_no_events() {
        let declined = [
            w("he", "PRON", "he"),
            w("was", "AUX", "be"),
            w("unable", "ADJ", "unable"),
            w("to", "PART", "to"),
            w("comment", "VERB", "comment"),
        ];
        assert_eq!(codes(&declined), ["011"]);
        let never = [
            w("he", "PRON", "he"),
            w("has", "AUX", "have"),
            w("never", "ADV", "never"),
            w("commented", "VERB", "comment"),
        ];
        assert_eq!(codes(&never), [NO_EVENT]);
        // (The cue must be what is met: here the parse matters.)
        let target = [
            ("he", "PRON", "PRP", "he", 2, "nsubj"),
            ("met", "VERB", "VBD", "meet", 0, "root"),
            ("his", "PRON", "PRP$", "his", 5, "nmod:poss"),
            ("golden", "ADJ", "JJ", "golden", 5, "amod"),
            ("rule", "NOUN", "NN", "rule", 2, "obj"),
        ];
        assert_eq!(codes(&target), [NO_EVENT]);
        let named = [
            w("calling", "VERB", "call"),
            w("it", "PRON", "it"),
            w("an", "DET", "a"),
            w("early", "ADJ", "early"),
            w("present", "NOUN", "present"),
            w("for", "ADP", "for"),
            w("voters", "NOUN", "voter"),
        ];
        assert_eq!(codes(&named), [NO_EVENT]);
        let authorised = [
            w("a", "DET", "a"),
            w("resolution", "NOUN", "resolution"),
            w("sanctioning", "VERB", "sanction"),
            w("military", "ADJ", "military"),
            w("action", "NOUN", "action"),
        ];
        assert_eq!(codes(&authorised), [NO_EVENT]);
    }
}
