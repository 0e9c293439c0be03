//! The dynamic oracle of the arc-eager system (Goldberg & Nivre 2012): the cost of an action
//! is the number of gold arcs it makes unreachable. Words whose gold head is the root count
//! one lost arc when they are given a head. Exact for projective gold trees.
use super::state::{Action, State, NONE};

/// Gold tree of a training sentence.
#[derive(Debug, Clone)]
pub struct Gold {
    /// Gold heads (`NONE` for the root).
    pub heads: Vec<u32>,
    /// Gold label classes.
    pub labels: Vec<u16>,
    /// Gold dependents of each word.
    pub children: Vec<Vec<u32>>,
}

impl Gold {
    /// Builds the gold tree from heads and labels.
    pub fn new(heads: Vec<u32>, labels: Vec<u16>) -> Self {
        let mut children = vec![Vec::new(); heads.len()];
        for (d, h) in heads.iter().enumerate() {
            if *h != NONE {
                children[*h as usize].push(d as u32);
            }
        }
        Gold {
            heads,
            labels,
            children,
        }
    }
}

/// Scratch space: which words are on the stack.
#[derive(Debug, Default)]
pub struct Oracle {
    on_stack: Vec<bool>,
}

impl Oracle {
    /// Prepares for a state (call after each transition, or before [`Oracle::cost`]).
    pub fn sync(&mut self, state: &State) {
        self.on_stack.clear();
        self.on_stack.resize(state.n as usize, false);
        for &s in &state.stack {
            self.on_stack[s as usize] = true;
        }
    }

    fn in_buffer(state: &State, i: u32) -> bool {
        i != NONE && i >= state.b
    }

    /// Headless stack words whose gold head is `w`.
    fn stack_dependents(&self, state: &State, gold: &Gold, w: u32) -> usize {
        gold.children[w as usize]
            .iter()
            .filter(|&&d| self.on_stack[d as usize] && state.heads[d as usize] == NONE)
            .count()
    }

    /// Number of gold arcs lost by `action` (which must be valid).
    pub fn cost(&self, state: &State, gold: &Gold, action: Action) -> usize {
        let s = state.s0();
        let b = state.b;
        match action {
            Action::Shift => {
                let gh = gold.heads[b as usize];
                usize::from(gh != NONE && self.on_stack[gh as usize])
                    + self.stack_dependents(state, gold, b)
            }
            Action::Reduce => gold.children[s as usize]
                .iter()
                .filter(|&&d| d >= b)
                .count(),
            Action::Left => {
                let gh = gold.heads[s as usize];
                let head_lost = gh == NONE || (gh != b && Self::in_buffer(state, gh));
                usize::from(head_lost)
                    + gold.children[s as usize]
                        .iter()
                        .filter(|&&d| d >= b)
                        .count()
            }
            Action::Right => {
                let gh = gold.heads[b as usize];
                let head_lost = gh == NONE || (gh != s && (self.on_stack[gh as usize] || gh > b));
                let deps = gold.children[b as usize]
                    .iter()
                    .filter(|&&d| {
                        d != s && self.on_stack[d as usize] && state.heads[d as usize] == NONE
                    })
                    .count();
                usize::from(head_lost) + deps
            }
        }
    }
}
