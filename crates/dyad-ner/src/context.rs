//! Non-local features: the labels a word was given earlier in the same document
//! ("extended prediction history", Ratinov & Roth 2009).

use std::collections::HashMap;

use crate::features::{document_feature, Sentence};
use crate::hash::FxBuild;
use crate::labels::{bilou_to_spans, Class};

/// Outcomes counted per word: O and the four classes.
const OUTCOMES: usize = 1 + Class::ALL.len();

/// What the document has said so far about its capitalised words.
#[derive(Default)]
pub struct DocumentHistory {
    seen: HashMap<u64, [u16; OUTCOMES], FxBuild>,
}

impl DocumentHistory {
    /// An empty history (start of a document).
    pub fn new() -> Self {
        DocumentHistory::default()
    }

    /// The document features of each token of `sentence`.
    pub fn features(&self, sentence: &Sentence) -> Vec<Vec<u64>> {
        sentence
            .tokens
            .iter()
            .map(|t| {
                let mut out = Vec::new();
                if !t.is_capitalised() {
                    return out;
                }
                let Some(counts) = self.seen.get(&t.lower) else {
                    out.push(document_feature(0, 0));
                    return out;
                };
                let mut best = 0;
                for (outcome, &n) in counts.iter().enumerate() {
                    if n > 0 {
                        out.push(document_feature(1, outcome as u64));
                    }
                    if n > counts[best] {
                        best = outcome;
                    }
                }
                out.push(document_feature(2, best as u64));
                out
            })
            .collect()
    }

    /// Records the labels given to `sentence`.
    pub fn record(&mut self, sentence: &Sentence, labels: &[usize]) {
        let mut outcome = vec![0usize; labels.len()];
        for span in bilou_to_spans(labels) {
            for o in &mut outcome[span.start..span.end] {
                *o = 1 + span.class as usize;
            }
        }
        for (t, o) in sentence.tokens.iter().zip(outcome) {
            if t.is_capitalised() {
                let counts = self.seen.entry(t.lower).or_insert([0; OUTCOMES]);
                counts[o] = counts[o].saturating_add(1);
            }
        }
    }
}

/// Context aggregation (Ratinov & Roth 2009): for each capitalised token, what the other
/// occurrences of the same word in the document look like — lowercase somewhere, capitalised
/// inside a sentence, and the words around them. Returns features per sentence per token.
pub fn aggregate(sentences: &[Sentence]) -> Vec<Vec<Vec<u64>>> {
    let mut occurrences: HashMap<u64, Vec<(u32, u32)>, FxBuild> = HashMap::default();
    for (s, sentence) in sentences.iter().enumerate() {
        for (i, t) in sentence.tokens.iter().enumerate() {
            let list = occurrences.entry(t.lower).or_default();
            if list.len() < MAX_OCCURRENCES {
                list.push((s as u32, i as u32));
            }
        }
    }
    let lower_at = |s: usize, i: isize| -> u64 {
        usize::try_from(i)
            .ok()
            .and_then(|i| sentences[s].tokens.get(i))
            .map_or(0, |t| t.lower)
    };
    sentences
        .iter()
        .enumerate()
        .map(|(s, sentence)| {
            sentence
                .tokens
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    let mut out = Vec::new();
                    if !t.is_capitalised() {
                        return out;
                    }
                    let Some(list) = occurrences.get(&t.lower) else {
                        return out;
                    };
                    let mut lower_elsewhere = false;
                    let mut capitalised_inside = false;
                    for &(os, oi) in list {
                        let (os, oi) = (os as usize, oi as usize);
                        if os == s && oi == i {
                            continue;
                        }
                        let other = &sentences[os].tokens[oi];
                        if !other.is_capitalised() {
                            lower_elsewhere = true;
                        } else if oi > 0 {
                            capitalised_inside = true;
                        }
                        for (kind, offset) in [(3u64, -1isize), (4, 1)] {
                            let f = document_feature(kind, lower_at(os, oi as isize + offset));
                            if !out.contains(&f) {
                                out.push(f);
                            }
                        }
                    }
                    out.push(document_feature(
                        5,
                        u64::from(lower_elsewhere) * 2 + u64::from(capitalised_inside),
                    ));
                    out
                })
                .collect()
        })
        .collect()
}

/// Occurrences of one word looked at in [`aggregate`].
const MAX_OCCURRENCES: usize = 24;
