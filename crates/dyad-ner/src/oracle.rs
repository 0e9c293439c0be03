//! What the trainer teaches at a token whose earlier labels are the model's own (possibly
//! wrong) predictions, as at prediction time.
//!
//! The static oracle teaches the gold label, even where the labels predicted before make
//! it impossible (after a predicted `B-PER` only `I-PER` or `L-PER` may follow; after `O`
//! no `I-` or `L-`). A dynamic oracle (Goldberg & Nivre 2012, here for BILOU and
//! entity-level scoring) teaches the best label still reachable: the gold label where it
//! is allowed and the span open so far is right, `L-X` to close a predicted span that is
//! already wrong (so the next token is free to start a right one), `O` inside a gold span
//! whose start was missed (none of its tokens can still be part of a right span).

use crate::labels::{allowed, decode, label, Part};

/// How the trainer chooses the label it teaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Oracle {
    /// The gold label, always (the shipped model's training).
    #[default]
    Static,
    /// The gold label where it is reachable; no update where it is not.
    Skip,
    /// The best reachable label ([`Tracker::target`]).
    Dynamic,
}

impl Oracle {
    /// Parses `0`, `1` or `2` (static, skip, dynamic), as in `NER_ORACLE`.
    pub fn parse(value: &str) -> Option<Oracle> {
        match value {
            "0" => Some(Oracle::Static),
            "1" => Some(Oracle::Skip),
            "2" => Some(Oracle::Dynamic),
            _ => None,
        }
    }
}

/// Follows one sentence's predicted labels against the gold ones.
#[derive(Debug, Clone, Copy)]
pub struct Tracker {
    oracle: Oracle,
    /// Whether every label of the predicted span now open equals the gold label.
    alive: bool,
}

impl Tracker {
    /// A tracker at the start of a sentence.
    pub fn new(oracle: Oracle) -> Self {
        Tracker {
            oracle,
            alive: false,
        }
    }

    /// The label to teach at a token with gold label `gold`, after the predicted label
    /// `prev` (`None` at the sentence start); `last`: the sentence ends after this token.
    /// `None`: learn nothing here.
    pub fn target(&self, gold: usize, prev: Option<usize>, last: bool) -> Option<usize> {
        let reachable = allowed(prev, gold)
            && !(last && matches!(decode(gold), Some((_, Part::Begin | Part::Inside))));
        match self.oracle {
            Oracle::Static => Some(gold),
            Oracle::Skip => reachable.then_some(gold),
            Oracle::Dynamic => {
                let open = match prev.and_then(decode) {
                    Some((class, Part::Begin | Part::Inside)) => Some(class),
                    _ => None,
                };
                Some(match open {
                    Some(_) if self.alive && reachable => gold,
                    Some(class) => label(class, Part::Last),
                    None if reachable => gold,
                    None => 0,
                })
            }
        }
    }

    /// Records the label predicted for a token with gold label `gold`.
    pub fn push(&mut self, predicted: usize, gold: usize) {
        match decode(predicted) {
            Some((_, Part::Begin)) => self.alive = predicted == gold,
            Some((_, Part::Inside)) => self.alive &= predicted == gold,
            _ => self.alive = false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::labels::Class;

    const B_PER: usize = 1;

    #[test]
    fn dynamic_oracle_closes_wrong_spans_and_skips_missed_ones() {
        let (b, i, l) = (
            label(Class::Per, Part::Begin),
            label(Class::Per, Part::Inside),
            label(Class::Per, Part::Last),
        );
        assert_eq!(b, B_PER);
        let mut t = Tracker::new(Oracle::Dynamic);
        // Predicted B-PER where the gold says O: the span is wrong, close it.
        t.push(b, 0);
        assert_eq!(t.target(0, Some(b), false), Some(l));
        // Predicted B-PER rightly: follow the gold.
        let mut t = Tracker::new(Oracle::Dynamic);
        t.push(b, b);
        assert_eq!(t.target(i, Some(b), false), Some(i));
        t.push(i, i);
        assert_eq!(t.target(l, Some(i), false), Some(l));
        // Wrong after a right start: close.
        let mut t = Tracker::new(Oracle::Dynamic);
        t.push(b, b);
        t.push(i, l);
        assert_eq!(t.target(0, Some(i), false), Some(l));
        // The gold span's start was missed: O.
        let t = Tracker::new(Oracle::Dynamic);
        assert_eq!(t.target(i, Some(0), false), Some(0));
        assert_eq!(t.target(l, None, false), Some(0));
        // Reachable gold labels are taught as they are.
        assert_eq!(t.target(b, Some(0), false), Some(b));
    }

    #[test]
    fn skip_oracle_learns_nothing_where_gold_is_unreachable() {
        let t = Tracker::new(Oracle::Skip);
        let i = label(Class::Per, Part::Inside);
        assert_eq!(t.target(i, Some(0), false), None);
        assert_eq!(t.target(B_PER, Some(0), true), None);
        assert_eq!(t.target(B_PER, Some(0), false), Some(B_PER));
        let s = Tracker::new(Oracle::Static);
        assert_eq!(s.target(i, Some(0), false), Some(i));
    }
}
