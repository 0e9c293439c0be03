//! Scoring the tagger and parser on a CoNLL-U treebank with gold tokenisation, as the CoNLL
//! 2018 shared task scorer does: every word counts (punctuation included), multiword-token
//! ranges and empty nodes are skipped, LAS compares the universal part of the relation
//! (`nsubj` for `nsubj:pass`); `las_full` compares whole relations.
use std::path::Path;

use serde::Serialize;

use crate::conllu::read_conllu;
use crate::error::Result;
use crate::{Parser, Tagger};

/// Scores on one treebank (fractions 0–1).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct UdScores {
    /// Universal POS accuracy.
    pub upos: f64,
    /// Penn Treebank tag accuracy.
    pub xpos: f64,
    /// Lemma accuracy.
    pub lemma: f64,
    /// Unlabelled attachment score.
    pub uas: f64,
    /// Labelled attachment score (universal relation).
    pub las: f64,
    /// Labelled attachment score with relation subtypes.
    pub las_full: f64,
    /// Sentences scored.
    pub sentences: usize,
    /// Words scored.
    pub words: usize,
}

impl UdScores {
    /// A two-row text table of the scores in percent.
    pub fn to_table(&self) -> String {
        format!(
            "| words | UPOS | XPOS | lemma | UAS | LAS | LAS (subtypes) |\n|---|---|---|---|---|---|---|\n| {} | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} |\n",
            self.words,
            self.upos * 100.0,
            self.xpos * 100.0,
            self.lemma * 100.0,
            self.uas * 100.0,
            self.las * 100.0,
            self.las_full * 100.0
        )
    }
}

fn universal(rel: &str) -> &str {
    rel.split(':').next().unwrap_or(rel)
}

/// Tags and parses the first `limit` sentences of a CoNLL-U file (all when `None`) and scores
/// them against its gold annotation.
pub fn evaluate_ud_sample(
    path: &Path,
    tagger: &Tagger,
    parser: &Parser,
    limit: Option<usize>,
) -> Result<UdScores> {
    let gold = read_conllu(path)?;
    let take = limit.unwrap_or(gold.len()).min(gold.len());
    let (mut upos, mut xpos, mut lemma, mut uas, mut las, mut las_full, mut n) =
        (0, 0, 0, 0, 0, 0, 0usize);
    for s in &gold[..take] {
        let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
        let tags = tagger.tag(&words);
        let up: Vec<&str> = tags.iter().map(|t| t.upos).collect();
        let xp: Vec<&str> = tags.iter().map(|t| t.xpos.as_str()).collect();
        let tree = parser.parse(&words, &up, &xp);
        for (i, (tag, (head, rel))) in tags.iter().zip(&tree).enumerate() {
            upos += usize::from(tag.upos == s.upos[i]);
            xpos += usize::from(tag.xpos == s.xpos[i]);
            lemma += usize::from(tag.lemma == s.lemmas[i]);
            let head_ok = *head == s.heads[i];
            uas += usize::from(head_ok);
            las += usize::from(head_ok && universal(rel) == universal(&s.deprels[i]));
            las_full += usize::from(head_ok && *rel == s.deprels[i]);
            n += 1;
        }
    }
    let f = |v: usize| v as f64 / n.max(1) as f64;
    Ok(UdScores {
        upos: f(upos),
        xpos: f(xpos),
        lemma: f(lemma),
        uas: f(uas),
        las: f(las),
        las_full: f(las_full),
        sentences: take,
        words: n,
    })
}

/// Tags and parses a whole CoNLL-U file and scores it against its gold annotation.
pub fn evaluate_ud(path: &Path, tagger: &Tagger, parser: &Parser) -> Result<UdScores> {
    evaluate_ud_sample(path, tagger, parser, None)
}
