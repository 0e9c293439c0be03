//! Actor mentions: dictionary actors and agents found longest-first, agents joined to the
//! actor of their noun phrase (`Arnor police`, `police of Arnor`, `lawmakers in Arnor and
//! Gondor`), and compounds (`Arnor and Gondor`).

use super::sentence::{Mention, Word};
use super::{PetrarchCoder, MIN_STEM};
use crate::dictionary::AgentCode;

/// A dictionary match before grouping.
enum Found {
    /// An actor with its code on the date (`None`: no code then, or a null code).
    Actor(Option<String>),
    /// An agent.
    Agent(AgentCode),
}

/// A noun phrase's actor and agents.
#[derive(Debug, Clone)]
struct Phrase {
    start: usize,
    end: usize,
    /// Actor codes (a dictionary code `FRO/BIL` is two); empty: agents only.
    actors: Vec<String>,
    before: String,
    after: String,
}

impl Phrase {
    fn codes(&self) -> Vec<String> {
        let join = |actor: &str| {
            let mut code = String::new();
            if !actor.contains(&self.before) {
                code.push_str(&self.before);
            }
            code.push_str(actor);
            // An agent the actor's code already ends with is not repeated (USAGOV + GOV).
            if !actor.ends_with(&self.after) {
                code.push_str(&self.after);
            }
            code
        };
        if self.actors.is_empty() {
            vec![join("---")]
        } else {
            self.actors.iter().map(|a| join(a)).collect()
        }
    }
}

/// Whether dictionary word `dict` matches `word` (whole, or as a stem when allowed).
pub fn word_matches(word: &Word, dict: &str, exact: bool) -> bool {
    word.up == dict
        || (!exact
            && dict.len() >= MIN_STEM
            && word.up.starts_with(dict)
            && word.up[dict.len()..]
                .chars()
                .all(|c| c.is_alphabetic() || c == '\''))
}

/// Words that may stand between an actor and its agent inside one noun phrase.
fn inside_phrase(w: &Word) -> bool {
    matches!(
        w.upos.as_str(),
        "DET" | "ADJ" | "NUM" | "PROPN" | "NOUN" | "PART"
    ) || matches!(w.up.as_str(), "'S" | "THE" | "'")
}

/// Words joining the members of a compound.
fn joins_compound(w: &Word) -> bool {
    matches!(w.up.as_str(), "AND" | "," | "&" | "OR" | "NOR")
}

impl PetrarchCoder {
    fn actor_at(&self, words: &[Word], i: usize, date: Option<u32>) -> Option<(usize, Found)> {
        let w = &words[i];
        // The word itself, then its stems of at least MIN_STEM characters.
        let keys = std::iter::once(w.up.as_str())
            .chain(w.up.char_indices().skip(MIN_STEM).map(|(k, _)| &w.up[..k]));
        let mut best: Option<(usize, usize)> = None;
        for key in keys {
            for &(a, n) in self.actors_by_word.get(key).into_iter().flatten() {
                let name = &self.dict.actors[a].names[n];
                let len = name.len();
                if i + len > words.len() {
                    continue;
                }
                let fits = name
                    .iter()
                    .enumerate()
                    .all(|(k, (dw, exact))| word_matches(&words[i + k], dw, *exact));
                if fits && best.is_none_or(|(bl, _)| len > bl) {
                    best = Some((len, a));
                }
            }
        }
        best.map(|(len, a)| {
            let code = self.dict.actors[a]
                .code_on(date)
                .filter(|c| !c.chars().all(|ch| ch == '-'))
                .map(str::to_string);
            (len, Found::Actor(code))
        })
    }

    fn agent_at(&self, words: &[Word], i: usize) -> Option<(usize, Found)> {
        let mut best: Option<(usize, usize)> = None;
        for &g in self.agents_by_word.get(&words[i].up).into_iter().flatten() {
            let agent = &self.dict.agents[g];
            let len = agent.words.len();
            if i + len <= words.len()
                && agent
                    .words
                    .iter()
                    .enumerate()
                    .all(|(k, aw)| &words[i + k].up == aw)
                && best.is_none_or(|(bl, _)| len > bl)
            {
                best = Some((len, g));
            }
        }
        best.map(|(len, g)| (len, Found::Agent(self.dict.agents[g].code.clone())))
    }

    fn matches(&self, words: &[Word], date: Option<u32>) -> Vec<(usize, usize, Found)> {
        let mut found = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let actor = self.actor_at(words, i, date);
            let agent = self.agent_at(words, i);
            let pick = match (actor, agent) {
                (Some(a), Some(g)) => Some(if g.0 > a.0 { g } else { a }),
                (a, g) => a.or(g),
            };
            match pick {
                Some((len, f)) => {
                    found.push((i, i + len, f));
                    i += len;
                }
                None => i += 1,
            }
        }
        found
    }

    /// The actor mentions of a sentence, in order, and for each the index of the first
    /// mention of its compound.
    pub fn mentions(&self, words: &[Word], date: Option<u32>) -> (Vec<Mention>, Vec<usize>) {
        let found = self.matches(words, date);
        // Matches of one noun phrase.
        let mut phrases: Vec<Phrase> = Vec::new();
        let mut k = 0;
        while k < found.len() {
            let mut j = k + 1;
            while j < found.len() {
                let gap = &words[found[j - 1].1..found[j].0];
                if gap.len() > 4 || !gap.iter().all(inside_phrase) {
                    break;
                }
                let both_actors = matches!(found[j - 1].2, Found::Actor(_))
                    && matches!(found[j].2, Found::Actor(_));
                if both_actors && !gap.iter().any(|w| w.up == "'S") {
                    break;
                }
                j += 1;
            }
            if let Some(p) = phrase(&found[k..j]) {
                phrases.push(p);
            }
            k = j;
        }
        // Compounds of phrases.
        let mut groups: Vec<Vec<Phrase>> = Vec::new();
        for p in phrases {
            let joined = groups.last().is_some_and(|g| {
                let last = g.last().expect("groups are never empty");
                let gap = &words[last.end..p.start];
                // `, and` closes a list of three or more (`A, B, and C`); after a single
                // actor it starts a new clause (`... in Moscow, and Obama said`).
                let comma_and = gap.iter().any(|w| w.up == ",")
                    && gap.iter().any(|w| matches!(w.up.as_str(), "AND" | "OR"));
                !(gap.is_empty() || comma_and && g.len() < 2)
                    && gap.len() <= 4
                    && gap.iter().any(joins_compound)
                    && gap.iter().all(|w| {
                        joins_compound(w)
                            || matches!(w.upos.as_str(), "DET" | "ADJ")
                            || w.up == "BOTH"
                    })
            });
            match groups.last_mut() {
                Some(g) if joined => g.push(p),
                _ => groups.push(vec![p]),
            }
        }
        // Agents of a compound take the country of the member before them (Danish media and
        // government); agents followed by in/of/from and actors join those actors.
        let mut merged: Vec<Vec<Phrase>> = Vec::new();
        for mut g in groups {
            for m in 1..g.len() {
                if g[m].actors.is_empty() && !g[m - 1].actors.is_empty() {
                    g[m].actors = g[m - 1].actors.clone();
                    if g[m].before.is_empty() {
                        g[m].before = g[m - 1].before.clone();
                    }
                }
            }
            let attach = merged.last().is_some_and(|prev: &Vec<Phrase>| {
                let last = prev.last().expect("non-empty");
                let gap = &words[last.end..g[0].start];
                prev.iter().all(|p| p.actors.is_empty())
                    && g.iter().all(|p| !p.actors.is_empty())
                    && gap.len() == 1
                    && matches!(gap[0].up.as_str(), "IN" | "OF" | "FROM")
            });
            if attach {
                let prev = merged.pop().expect("checked");
                let mut cross = Vec::new();
                for a in &prev {
                    for b in &g {
                        cross.push(Phrase {
                            start: prev[0].start,
                            end: g[g.len() - 1].end,
                            actors: b.actors.clone(),
                            before: format!("{}{}", b.before, a.before),
                            after: format!("{}{}", b.after, a.after),
                        });
                    }
                }
                merged.push(cross);
            } else {
                merged.push(g);
            }
        }
        let mut mentions = Vec::new();
        let mut group_of = Vec::new();
        for g in merged {
            let first = mentions.len();
            if g.iter().all(|p| p.start == g[0].start && p.end == g[0].end) {
                // A merged phrase: one mention with every code.
                mentions.push(Mention {
                    start: g[0].start,
                    end: g[0].end,
                    codes: g.iter().flat_map(Phrase::codes).collect(),
                });
                group_of.push(first);
                continue;
            }
            for p in g {
                mentions.push(Mention {
                    start: p.start,
                    end: p.end,
                    codes: p.codes(),
                });
                group_of.push(first);
            }
        }
        (mentions, group_of)
    }
}

/// One phrase from the matches of a noun phrase: the first actor's code with the agents'
/// codes around it. `None` when its actor has no code on the date.
fn phrase(group: &[(usize, usize, Found)]) -> Option<Phrase> {
    let mut actor: Option<String> = None;
    let mut any_actor = false;
    let (mut before, mut after) = (String::new(), String::new());
    for (_, _, f) in group {
        match f {
            Found::Actor(code) => {
                any_actor = true;
                if actor.is_none() {
                    actor.clone_from(code);
                }
            }
            Found::Agent(a) if a.prefix => {
                if !before.contains(&a.code) {
                    before.push_str(&a.code);
                }
            }
            Found::Agent(a) => {
                if !after.contains(&a.code) {
                    after.push_str(&a.code);
                }
            }
        }
    }
    if any_actor && actor.is_none() {
        return None;
    }
    Some(Phrase {
        start: group[0].0,
        end: group[group.len() - 1].1,
        actors: actor
            .map(|a| a.split('/').map(str::to_string).collect())
            .unwrap_or_default(),
        before,
        after,
    })
}

/// The codes of mention `m`'s compound.
pub fn compound_codes(mentions: &[Mention], groups: &[usize], m: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for k in (0..mentions.len()).filter(|&k| groups[k] == groups[m]) {
        for c in &mentions[k].codes {
            if !out.contains(c) {
                out.push(c.clone());
            }
        }
    }
    out
}
