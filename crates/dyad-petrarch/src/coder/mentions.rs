//! Actor mentions: dictionary actors and agents found longest-first, agents joined to the
//! actor of their noun phrase, and compounds (`Arnor and Gondor`).

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

/// Whether dictionary word `dict` matches `word` (whole, or as a stem when allowed).
pub fn word_matches(word: &Word, dict: &str, exact: bool) -> bool {
    word.up == dict
        || (!exact
            && dict.len() >= MIN_STEM
            && word.up.starts_with(dict)
            && word.up[dict.len()..].chars().all(|c| c.is_alphabetic() || c == '\''))
}

/// Words that may stand between an actor and its agent inside one noun phrase.
fn inside_phrase(w: &Word) -> bool {
    matches!(w.upos.as_str(), "DET" | "ADJ" | "NUM" | "PROPN" | "NOUN" | "PART")
        || matches!(w.up.as_str(), "'S" | "OF" | "THE" | "'")
}

impl PetrarchCoder {
    fn actor_at(&self, words: &[Word], i: usize, date: Option<u32>) -> Option<(usize, Found)> {
        let w = &words[i];
        let mut keys: Vec<&str> = vec![&w.up];
        for (k, _) in w.up.char_indices().skip(MIN_STEM) {
            keys.push(&w.up[..k]);
        }
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
                if fits && best.map_or(true, |(bl, _)| len > bl) {
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
                && agent.words.iter().enumerate().all(|(k, aw)| &words[i + k].up == aw)
                && best.map_or(true, |(bl, _)| len > bl)
            {
                best = Some((len, g));
            }
        }
        best.map(|(len, g)| (len, Found::Agent(self.dict.agents[g].code.clone())))
    }

    /// The actor mentions of a sentence, in order.
    pub fn mentions(&self, words: &[Word], date: Option<u32>) -> Vec<Mention> {
        let mut found: Vec<(usize, usize, Found)> = Vec::new();
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
        // Group matches of one noun phrase.
        let mut out = Vec::new();
        let mut k = 0;
        while k < found.len() {
            let mut j = k + 1;
            while j < found.len() {
                let gap = &words[found[j - 1].1..found[j].0];
                if gap.len() > 4 || !gap.iter().all(inside_phrase) {
                    break;
                }
                // Two actors make two mentions, unless an agent comes between.
                let both_actors = matches!(found[j - 1].2, Found::Actor(_)) && matches!(found[j].2, Found::Actor(_));
                if both_actors && !gap.iter().any(|w| w.up == "'S") {
                    break;
                }
                j += 1;
            }
            if let Some(m) = join(&found[k..j]) {
                out.push(m);
            }
            k = j;
        }
        out
    }
}

/// One mention from the matches of a noun phrase: the first actor's code with the agents'
/// codes around it. A phrase with only agents is coded by its agents.
fn join(group: &[(usize, usize, Found)]) -> Option<Mention> {
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
    let code = format!("{before}{}{after}", actor.unwrap_or_default());
    (!code.is_empty()).then(|| Mention {
        start: group[0].0,
        end: group[group.len() - 1].1,
        code,
    })
}

/// Compound groups: mentions joined by `and`, `or` or commas. Returns for each mention the
/// index of its group's first mention.
pub fn compounds(words: &[Word], mentions: &[Mention]) -> Vec<usize> {
    let mut group: Vec<usize> = (0..mentions.len()).collect();
    for k in 1..mentions.len() {
        let gap = &words[mentions[k - 1].end..mentions[k].start];
        let joins = !gap.is_empty()
            && gap.len() <= 3
            && gap.iter().any(|w| matches!(w.up.as_str(), "AND" | "," | "&"))
            && gap.iter().all(|w| matches!(w.up.as_str(), "AND" | "," | "&" | "THE" | "BOTH"));
        if joins {
            group[k] = group[k - 1];
        }
    }
    group
}

/// The mentions of `m`'s compound group.
pub fn members(groups: &[usize], m: usize) -> Vec<usize> {
    (0..groups.len()).filter(|&k| groups[k] == groups[m]).collect()
}
