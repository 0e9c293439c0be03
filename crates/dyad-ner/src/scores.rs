//! Entity-level precision, recall and F1, counted the conlleval way (exact span and type).

use std::collections::BTreeMap;

use serde::Serialize;

/// Scores of one entity type.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct TypeScores {
    /// Correct / predicted.
    pub precision: f64,
    /// Correct / gold.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
    /// Number of gold entities of this type.
    pub support: usize,
}

/// Entity-level scores over a file.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct NerScores {
    /// Correct / predicted, all types.
    pub precision: f64,
    /// Correct / gold, all types.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
    /// Scores per type (`PER`, `ORG`, `LOC`, `MISC`).
    pub by_type: BTreeMap<String, TypeScores>,
    /// Sentences scored.
    pub sentences: usize,
    /// Tokens scored.
    pub tokens: usize,
}

/// Counts of correct, predicted and gold entities per type.
#[derive(Debug, Default)]
pub struct Counter {
    counts: BTreeMap<String, [usize; 3]>,
    sentences: usize,
    tokens: usize,
}

impl Counter {
    /// Adds one sentence's gold and predicted spans `(start, end, type)`.
    pub fn add(
        &mut self,
        tokens: usize,
        gold: &[(usize, usize, String)],
        predicted: &[(usize, usize, String)],
    ) {
        self.sentences += 1;
        self.tokens += tokens;
        for p in predicted {
            let c = self.counts.entry(p.2.clone()).or_default();
            c[1] += 1;
            if gold.contains(p) {
                c[0] += 1;
            }
        }
        for g in gold {
            self.counts.entry(g.2.clone()).or_default()[2] += 1;
        }
    }

    /// The scores so far.
    pub fn scores(&self) -> NerScores {
        let mut total = [0usize; 3];
        let mut by_type = BTreeMap::new();
        for (kind, c) in &self.counts {
            for k in 0..3 {
                total[k] += c[k];
            }
            let (precision, recall, f1) = prf(c);
            by_type.insert(
                kind.clone(),
                TypeScores {
                    precision,
                    recall,
                    f1,
                    support: c[2],
                },
            );
        }
        let (precision, recall, f1) = prf(&total);
        NerScores {
            precision,
            recall,
            f1,
            by_type,
            sentences: self.sentences,
            tokens: self.tokens,
        }
    }
}

fn prf(c: &[usize; 3]) -> (f64, f64, f64) {
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let p = ratio(c[0], c[1]);
    let r = ratio(c[0], c[2]);
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

impl NerScores {
    /// A plain-text table: one row per type and a total row.
    pub fn to_table(&self) -> String {
        let mut out = format!(
            "{:<8} {:>9} {:>9} {:>9} {:>8}\n",
            "type", "precision", "recall", "f1", "support"
        );
        for (kind, s) in &self.by_type {
            out.push_str(&format!(
                "{:<8} {:>9.4} {:>9.4} {:>9.4} {:>8}\n",
                kind, s.precision, s.recall, s.f1, s.support
            ));
        }
        let support: usize = self.by_type.values().map(|s| s.support).sum();
        out.push_str(&format!(
            "{:<8} {:>9.4} {:>9.4} {:>9.4} {:>8}\n",
            "all", self.precision, self.recall, self.f1, support
        ));
        out
    }
}
