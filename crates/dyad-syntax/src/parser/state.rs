//! The arc-eager transition system (Nivre 2003) without an artificial root: words left
//! without a head when the buffer runs out become roots. Every word is pushed once and popped
//! at most once, so a sentence of `n` words takes at most `2n` transitions.

/// No word / no head.
pub const NONE: u32 = u32::MAX;

/// A transition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Action {
    /// Push the first buffer word onto the stack.
    Shift = 0,
    /// Pop the stack (its top already has a head).
    Reduce = 1,
    /// The first buffer word becomes the head of the stack top, which is popped.
    Left = 2,
    /// The stack top becomes the head of the first buffer word, which is pushed.
    Right = 3,
}

/// All actions, in class order.
pub const ACTIONS: [Action; 4] = [Action::Shift, Action::Reduce, Action::Left, Action::Right];

/// A parser configuration: stack, buffer front and the partial tree with the attributes the
/// features need, each kept up to date in O(1) per transition.
#[derive(Debug, Clone)]
pub struct State {
    /// The stack, top last.
    pub stack: Vec<u32>,
    /// The first buffer word (`== n` when the buffer is empty).
    pub b: u32,
    /// Number of words.
    pub n: u32,
    /// Heads (`NONE` when unattached).
    pub heads: Vec<u32>,
    /// Label classes of the arcs to the heads.
    pub labels: Vec<u16>,
    /// The two leftmost children of each word.
    pub left: Vec<[u32; 2]>,
    /// The two rightmost children of each word.
    pub right: Vec<[u32; 2]>,
    /// Number of left and right children.
    pub valency: Vec<[u16; 2]>,
    /// Sets of the labels of the left and right children (bit `label % 64`).
    pub label_sets: Vec<[u64; 2]>,
    /// Transitions applied so far.
    pub steps: usize,
}

impl State {
    /// The initial configuration for `n` words.
    pub fn new(n: usize) -> Self {
        State {
            stack: Vec::with_capacity(n.min(1024)),
            b: 0,
            n: n as u32,
            heads: vec![NONE; n],
            labels: vec![0; n],
            left: vec![[NONE; 2]; n],
            right: vec![[NONE; 2]; n],
            valency: vec![[0; 2]; n],
            label_sets: vec![[0; 2]; n],
            steps: 0,
        }
    }

    /// Makes this state a copy of `other`, reusing this one's buffers.
    pub fn copy_from(&mut self, other: &State) {
        self.stack.clone_from(&other.stack);
        self.b = other.b;
        self.n = other.n;
        self.heads.clone_from(&other.heads);
        self.labels.clone_from(&other.labels);
        self.left.clone_from(&other.left);
        self.right.clone_from(&other.right);
        self.valency.clone_from(&other.valency);
        self.label_sets.clone_from(&other.label_sets);
        self.steps = other.steps;
    }

    /// Whether the buffer is empty.
    pub fn is_terminal(&self) -> bool {
        self.b >= self.n
    }

    /// The stack top.
    pub fn s0(&self) -> u32 {
        self.stack.last().copied().unwrap_or(NONE)
    }

    /// The word below the stack top.
    pub fn s1(&self) -> u32 {
        if self.stack.len() >= 2 {
            self.stack[self.stack.len() - 2]
        } else {
            NONE
        }
    }

    /// The `k`-th buffer word.
    pub fn buffer(&self, k: u32) -> u32 {
        let i = self.b + k;
        if i < self.n {
            i
        } else {
            NONE
        }
    }

    /// Whether `action` is allowed now.
    pub fn is_valid(&self, action: Action) -> bool {
        let has_stack = !self.stack.is_empty();
        let has_buffer = self.b < self.n;
        match action {
            Action::Shift => has_buffer,
            Action::Reduce => has_stack && self.heads[self.s0() as usize] != NONE,
            Action::Left => has_stack && has_buffer && self.heads[self.s0() as usize] == NONE,
            Action::Right => has_stack && has_buffer,
        }
    }

    fn attach(&mut self, head: u32, dep: u32, label: u16) {
        let (h, d) = (head as usize, dep as usize);
        self.heads[d] = head;
        self.labels[d] = label;
        let side = usize::from(dep > head);
        self.valency[h][side] += 1;
        self.label_sets[h][side] |= 1u64 << (label % 64);
        if dep < head {
            let l = &mut self.left[h];
            if l[0] == NONE || dep < l[0] {
                l[1] = l[0];
                l[0] = dep;
            } else if l[1] == NONE || dep < l[1] {
                l[1] = dep;
            }
        } else {
            let r = &mut self.right[h];
            if r[0] == NONE || dep > r[0] {
                r[1] = r[0];
                r[0] = dep;
            } else if r[1] == NONE || dep > r[1] {
                r[1] = dep;
            }
        }
    }

    /// Applies a valid action; `label` is used by the arc actions.
    pub fn apply(&mut self, action: Action, label: u16) {
        self.steps += 1;
        match action {
            Action::Shift => {
                self.stack.push(self.b);
                self.b += 1;
            }
            Action::Reduce => {
                self.stack.pop();
            }
            Action::Left => {
                let s = self.stack.pop().unwrap_or(NONE);
                self.attach(self.b, s, label);
            }
            Action::Right => {
                let s = self.s0();
                self.attach(s, self.b, label);
                self.stack.push(self.b);
                self.b += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tracks_children() {
        let mut s = State::new(4);
        s.apply(Action::Shift, 0);
        s.apply(Action::Shift, 0);
        s.apply(Action::Left, 1); // 1 <- 2? no: b=2 heads s0=1
        assert_eq!(s.heads[1], 2);
        s.apply(Action::Left, 2); // 0 <- 2
        assert_eq!(s.left[2], [0, 1]);
        assert_eq!(s.valency[2], [2, 0]);
        s.apply(Action::Shift, 0);
        s.apply(Action::Right, 3);
        assert_eq!(s.right[2], [3, NONE]);
        assert!(s.is_terminal());
        assert_eq!(s.steps, 6);
        let mut copy = State::new(1);
        copy.copy_from(&s);
        assert_eq!(format!("{copy:?}"), format!("{s:?}"));
    }
}
