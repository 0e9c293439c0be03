//! Matching a verb pattern around a verb: the part before `*` backwards from the verb, the
//! part after it forwards, with backtracking. `_` demands adjacency; otherwise other words
//! may come between. `$`, `+` and `%` match an actor mention and bind it.

use std::collections::HashMap;

use super::mentions::word_matches;
use super::sentence::{Mention, Word};
use crate::dictionary::{Elem, Pattern, Step};

/// What a matched pattern bound.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Binding {
    /// Mention index of `$`.
    pub source: Option<usize>,
    /// Mention index of `+`.
    pub target: Option<usize>,
    /// Mention index of `%`.
    pub compound: Option<usize>,
    /// Whether `%` stood before the verb (the compound acts on itself).
    pub compound_lower: bool,
    /// One past the last word the upper part matched.
    pub end: usize,
    /// Whether a pattern matched (rather than the verb's own code applying).
    pub patterned: bool,
}

/// A sentence to match in.
pub struct Context<'a> {
    /// Its words.
    pub words: &'a [Word],
    /// Its actor mentions.
    pub mentions: &'a [Mention],
    /// The dictionary's synsets.
    pub synsets: &'a HashMap<String, Vec<Vec<Step>>>,
}

/// Whether a pattern word matches a word: the word itself, its lemma, or as a stem.
fn word_ok(w: &Word, dict: &str) -> bool {
    // `ANTI-` also matches `anti` split from its hyphen.
    let bare = dict.trim_end_matches('-');
    w.lemma == dict
        || word_matches(w, dict, dict.len() < 5)
        || (bare.len() < dict.len() && w.up == bare)
}

impl Context<'_> {
    /// Matches `p` around the verb at `start..end`.
    pub fn match_pattern(&self, p: &Pattern, start: usize, end: usize) -> Option<Binding> {
        let mut b = Binding {
            end,
            ..Binding::default()
        };
        if !self.backward(&p.lower, start, &mut b, 0) {
            return None;
        }
        b.compound_lower = b.compound.is_some();
        let mut upper = b.clone();
        if !self.forward(&p.upper, end, &mut upper, 0) {
            return None;
        }
        upper.patterned = true;
        Some(upper)
    }

    /// The end of `elem` matched at `pos` going forward.
    fn elem_forward(
        &self,
        elem: &Elem,
        pos: usize,
        b: &mut Binding,
        depth: usize,
    ) -> Option<usize> {
        if pos >= self.words.len() {
            return None;
        }
        match elem {
            Elem::Word(w) => word_ok(&self.words[pos], w).then_some(pos + 1),
            Elem::Synset(name) => {
                if depth > 4 {
                    return None;
                }
                self.synsets.get(name)?.iter().find_map(|member| {
                    let mut tmp = b.clone();
                    self.forward_all(member, pos, &mut tmp, depth + 1)
                })
            }
            Elem::Source | Elem::Target | Elem::Compound | Elem::Skip => {
                let m = self.mentions.iter().position(|m| m.start == pos)?;
                bind(elem, m, b);
                Some(self.mentions[m].end)
            }
        }
    }

    /// The start of `elem` matched ending at `pos` going backward.
    fn elem_backward(
        &self,
        elem: &Elem,
        pos: usize,
        b: &mut Binding,
        depth: usize,
    ) -> Option<usize> {
        if pos == 0 {
            return None;
        }
        match elem {
            Elem::Word(w) => word_ok(&self.words[pos - 1], w).then_some(pos - 1),
            Elem::Synset(name) => {
                if depth > 4 {
                    return None;
                }
                self.synsets.get(name)?.iter().find_map(|member| {
                    // A member's words are in text order; match them all ending at pos.
                    (0..pos).rev().find(|&s| {
                        let mut tmp = b.clone();
                        self.forward_all(member, s, &mut tmp, depth + 1) == Some(pos)
                    })
                })
            }
            Elem::Source | Elem::Target | Elem::Compound | Elem::Skip => {
                let m = self.mentions.iter().position(|m| m.end == pos)?;
                bind(elem, m, b);
                Some(self.mentions[m].start)
            }
        }
    }

    /// All of a synset member's steps, adjacent, from `pos`.
    fn forward_all(
        &self,
        steps: &[Step],
        pos: usize,
        b: &mut Binding,
        depth: usize,
    ) -> Option<usize> {
        let mut p = pos;
        for s in steps {
            p = self.elem_forward(&s.elem, p, b, depth)?;
        }
        Some(p)
    }

    fn forward(&self, steps: &[Step], pos: usize, b: &mut Binding, depth: usize) -> bool {
        let Some(step) = steps.first() else {
            b.end = b.end.max(pos);
            return true;
        };
        let last = if step.adjacent { pos } else { self.words.len() };
        for p in pos..=last.min(self.words.len()) {
            let mut tmp = b.clone();
            if let Some(q) = self.elem_forward(&step.elem, p, &mut tmp, depth) {
                if self.forward(&steps[1..], q, &mut tmp, depth) {
                    *b = tmp;
                    return true;
                }
            }
        }
        false
    }

    fn backward(&self, steps: &[Step], pos: usize, b: &mut Binding, depth: usize) -> bool {
        let Some(step) = steps.first() else {
            return true;
        };
        let lowest = if step.adjacent { pos } else { 1 };
        for p in (lowest.max(1)..=pos).rev() {
            let mut tmp = b.clone();
            if let Some(q) = self.elem_backward(&step.elem, p, &mut tmp, depth) {
                if self.backward(&steps[1..], q, &mut tmp, depth) {
                    *b = tmp;
                    return true;
                }
            }
        }
        false
    }
}

fn bind(elem: &Elem, m: usize, b: &mut Binding) {
    match elem {
        Elem::Source => b.source = Some(m),
        Elem::Target => b.target = Some(m),
        Elem::Compound => b.compound = Some(m),
        Elem::Word(_) | Elem::Synset(_) | Elem::Skip => {}
    }
}
