//! Tokenisation and sentence-boundary scores on UD treebanks.
//!
//! The raw text of each document is rebuilt from the gold words and their `SpaceAfter`
//! (see [`crate::conllu`]), segmented, and compared by character offsets, exactly as the
//! project's reference scorer (`spacy_baseline.py raw`) does: a token counts when its start
//! and end both match a gold word; a sentence counts when its first token starts where a
//! gold sentence starts. Counts are summed over documents (micro-averaged).

use std::collections::HashSet;
use std::path::Path;

use serde::Serialize;

use crate::conllu::{read_documents, GoldDocument};
use crate::error::Result;
use crate::Segmenter;

/// Token and sentence precision, recall and F1 with their counts.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct SegmentScores {
    /// The evaluated file's name.
    pub file: String,
    /// Documents in the file.
    pub documents: usize,
    /// Gold syntactic words.
    pub gold_tokens: usize,
    /// Predicted tokens.
    pub predicted_tokens: usize,
    /// Predicted tokens matching a gold word exactly.
    pub matched_tokens: usize,
    /// Gold sentences.
    pub gold_sentences: usize,
    /// Predicted sentences.
    pub predicted_sentences: usize,
    /// Predicted sentences starting where a gold sentence starts.
    pub matched_sentences: usize,
    /// Matched / predicted tokens.
    pub token_precision: f64,
    /// Matched / gold tokens.
    pub token_recall: f64,
    /// Harmonic mean of token precision and recall.
    pub token_f1: f64,
    /// Matched / predicted sentences.
    pub sentence_precision: f64,
    /// Matched / gold sentences.
    pub sentence_recall: f64,
    /// Harmonic mean of sentence precision and recall.
    pub sentence_f1: f64,
}

impl SegmentScores {
    /// Adds one document's segmentation to the counts (call [`SegmentScores::finish`] after).
    pub fn add(&mut self, gold: &GoldDocument, tokens: &[(usize, usize)], starts: &[usize]) {
        let gold_tokens: HashSet<(usize, usize)> = gold.tokens.iter().copied().collect();
        let predicted: HashSet<(usize, usize)> = tokens.iter().copied().collect();
        let gold_starts: HashSet<usize> = gold.sentence_starts.iter().copied().collect();
        let predicted_starts: HashSet<usize> = starts.iter().copied().collect();
        self.documents += 1;
        self.gold_tokens += gold_tokens.len();
        self.predicted_tokens += predicted.len();
        self.matched_tokens += gold_tokens.intersection(&predicted).count();
        self.gold_sentences += gold_starts.len();
        self.predicted_sentences += predicted_starts.len();
        self.matched_sentences += gold_starts.intersection(&predicted_starts).count();
    }

    /// Computes the fractions from the counts.
    pub fn finish(&mut self) {
        (self.token_precision, self.token_recall, self.token_f1) =
            prf(self.matched_tokens, self.predicted_tokens, self.gold_tokens);
        (
            self.sentence_precision,
            self.sentence_recall,
            self.sentence_f1,
        ) = prf(
            self.matched_sentences,
            self.predicted_sentences,
            self.gold_sentences,
        );
    }

    /// A human-readable table of the scores.
    pub fn to_table(&self) -> String {
        let mut table = format!("{} ({} documents)\n", self.file, self.documents);
        table.push_str("unit        gold  predicted  matched  precision  recall      F1\n");
        for (unit, gold, predicted, matched, p, r, f) in [
            (
                "tokens",
                self.gold_tokens,
                self.predicted_tokens,
                self.matched_tokens,
                self.token_precision,
                self.token_recall,
                self.token_f1,
            ),
            (
                "sentences",
                self.gold_sentences,
                self.predicted_sentences,
                self.matched_sentences,
                self.sentence_precision,
                self.sentence_recall,
                self.sentence_f1,
            ),
        ] {
            table.push_str(&format!(
                "{unit:<9} {gold:>6} {predicted:>10} {matched:>8} {p:>10.4} {r:>7.4} {f:>7.4}\n"
            ));
        }
        table
    }
}

fn prf(matched: usize, predicted: usize, gold: usize) -> (f64, f64, f64) {
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let (p, r) = (ratio(matched, predicted), ratio(matched, gold));
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

/// Scores the built-in [`Segmenter`] on a CoNLL-U file.
pub fn evaluate_conllu(path: &Path) -> Result<SegmentScores> {
    evaluate_with(&Segmenter::new(), path)
}

/// Scores `segmenter` on a CoNLL-U file.
pub fn evaluate_with(segmenter: &Segmenter, path: &Path) -> Result<SegmentScores> {
    let documents = read_documents(path)?;
    let mut scores = SegmentScores {
        file: path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
        ..SegmentScores::default()
    };
    for doc in &documents {
        let (sentences, tokens) = segmenter.segment(&doc.text);
        let spans: Vec<(usize, usize)> = tokens.iter().map(|t| (t.start, t.end)).collect();
        let starts: Vec<usize> = sentences.iter().map(|s| s.start).collect();
        scores.add(doc, &spans, &starts);
    }
    scores.finish();
    Ok(scores)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_match_the_reference_method() {
        let gold = GoldDocument {
            id: "d".into(),
            text: "We do. Yes ".into(),
            tokens: vec![(0, 2), (3, 5), (5, 6), (7, 10)],
            sentence_starts: vec![0, 7],
        };
        let mut scores = SegmentScores::default();
        scores.add(&gold, &[(0, 2), (3, 6), (7, 10)], &[0]);
        scores.finish();
        assert_eq!(
            (
                scores.matched_tokens,
                scores.predicted_tokens,
                scores.gold_tokens
            ),
            (2, 3, 4)
        );
        assert!((scores.token_precision - 2.0 / 3.0).abs() < 1e-12);
        assert!((scores.token_recall - 0.5).abs() < 1e-12);
        assert_eq!((scores.matched_sentences, scores.sentence_recall), (1, 0.5));
        assert!(scores.to_table().contains("sentences"));
    }
}
