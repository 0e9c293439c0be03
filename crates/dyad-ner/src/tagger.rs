//! Greedy left-to-right BILOU decoding shared by training and prediction.

use crate::features::{Sentence, START_LABEL};
use crate::labels::{allowed, decode, Part, NUM_LABELS};
use crate::weights::Scorer;

/// The best label for a token given the previous one, keeping the sequence well formed
/// (`last`: the sentence ends after this token, so no entity may stay open).
pub fn best_label(scores: &[f32; NUM_LABELS], prev: usize, last: bool) -> usize {
    let prev = (prev != START_LABEL).then_some(prev);
    let mut best = 0;
    let mut best_score = f32::NEG_INFINITY;
    for (label, &score) in scores.iter().enumerate() {
        if !allowed(prev, label) {
            continue;
        }
        if last && matches!(decode(label), Some((_, Part::Begin | Part::Inside))) {
            continue;
        }
        if score > best_score {
            best = label;
            best_score = score;
        }
    }
    best
}

/// Tokens whose features that do not depend on the labels are computed, and their weights
/// prefetched, together: random lookups in the weight table are cache misses, which overlap
/// when requested side by side.
const PREFETCH_WINDOW: usize = 16;

/// Tags a sentence greedily; `extra[i]` holds more features of token `i` (document context).
/// Each token's features are summed in one order — its static features, those of the
/// previous labels, then `extra[i]` — whatever was computed ahead.
pub fn tag<S: Scorer>(sentence: &Sentence, scorer: &S, extra: Option<&[Vec<u64>]>) -> Vec<usize> {
    let mut labels = Vec::with_capacity(sentence.len());
    let mut features = Vec::with_capacity(96);
    let mut ahead: Vec<u64> = Vec::new();
    let mut ends: Vec<usize> = Vec::with_capacity(PREFETCH_WINDOW);
    let extra_of = |i: usize| extra.and_then(|e| e.get(i)).map_or(&[][..], Vec::as_slice);
    let (mut prev, mut prev2) = (START_LABEL, START_LABEL);
    for i in 0..sentence.len() {
        let k = i % PREFETCH_WINDOW;
        if k == 0 {
            ahead.clear();
            ends.clear();
            for j in i..(i + PREFETCH_WINDOW).min(sentence.len()) {
                sentence.static_features(j, &mut ahead);
                ends.push(ahead.len());
                for &f in extra_of(j) {
                    scorer.prefetch(f);
                }
            }
            for &f in &ahead {
                scorer.prefetch(f);
            }
        }
        let from = if k == 0 { 0 } else { ends[k - 1] };
        features.clear();
        features.extend_from_slice(&ahead[from..ends[k]]);
        let dynamic = features.len();
        sentence.label_features(i, prev, prev2, &mut features);
        for &f in &features[dynamic..] {
            scorer.prefetch(f);
        }
        features.extend_from_slice(extra_of(i));
        let scores = scorer.score(&features);
        let label = best_label(&scores, prev, i + 1 == sentence.len());
        labels.push(label);
        prev2 = prev;
        prev = label;
    }
    labels
}
