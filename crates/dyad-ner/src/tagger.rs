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

/// Scores of all labels for the features in `features`.
#[inline]
pub fn score<S: Scorer>(scorer: &S, features: &[u64]) -> [f32; NUM_LABELS] {
    let mut scores = [0f32; NUM_LABELS];
    for &f in features {
        scorer.add(f, &mut scores);
    }
    scores
}

/// Tags a sentence greedily; `extra[i]` holds more features of token `i` (document context).
pub fn tag<S: Scorer>(sentence: &Sentence, scorer: &S, extra: Option<&[Vec<u64>]>) -> Vec<usize> {
    let mut labels = Vec::with_capacity(sentence.len());
    let mut features = Vec::with_capacity(96);
    let (mut prev, mut prev2) = (START_LABEL, START_LABEL);
    for i in 0..sentence.len() {
        features.clear();
        sentence.static_features(i, &mut features);
        sentence.label_features(i, prev, prev2, &mut features);
        if let Some(extra) = extra.and_then(|e| e.get(i)) {
            features.extend_from_slice(extra);
        }
        let scores = score(scorer, &features);
        let label = best_label(&scores, prev, i + 1 == sentence.len());
        labels.push(label);
        prev2 = prev;
        prev = label;
    }
    labels
}
