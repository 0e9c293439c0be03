//! Evaluation on the GUM Wikinews attribution relations.
//!
//! Each document is rebuilt as running text from its tokens, segmented, tagged and parsed by
//! the dyad stages and passed to [`find_quotes_detailed`](crate::find_quotes_detailed). A
//! predicted quote with a cue or a speaker is an attribution; it matches a gold relation when
//! its content overlaps the relation's content (one-to-one, largest overlaps first), and
//! matches exactly when both contents agree once edge punctuation, quotation marks and a
//! leading complementizer are set aside. A gold `<quote>` has the right speaker when the
//! predicted quote overlapping it most names a speaker overlapping the gold source.
mod gum;
mod scores;

use std::path::{Path, PathBuf};

use dyad_types::{Analysis, Document, Stage};

pub use gum::{document_names, load_document, GoldQuote, GoldRelation, GumDocument};
pub use scores::{AttributionScores, Counts};

use crate::error::Result;
use crate::finder::FoundQuote;

/// Which documents to score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Split {
    /// All documents.
    All,
    /// Two documents of three (sorted by name, those whose index is not 2 modulo 3): the part
    /// the rules were tuned on.
    Tune,
    /// The third document of each three: the part kept for checking.
    Check,
}

impl Split {
    fn keeps(self, index: usize) -> bool {
        match self {
            Split::All => true,
            Split::Tune => index % 3 != 2,
            Split::Check => index % 3 == 2,
        }
    }
}

/// The folder holding `xml/` and `rst/`: `dir` itself or its `gum_wikinews/`.
fn gum_dir(dir: &Path) -> PathBuf {
    let inner = dir.join("gum_wikinews");
    if inner.is_dir() {
        inner
    } else {
        dir.to_path_buf()
    }
}

/// Scores the quote stage on all GUM documents in `dir` (the attribution folder or its
/// `gum_wikinews/`).
pub fn evaluate_attribution(dir: &Path) -> Result<AttributionScores> {
    evaluate_attribution_split(dir, Split::All)
}

/// Scores the quote stage on one part of the GUM documents in `dir`.
pub fn evaluate_attribution_split(dir: &Path, split: Split) -> Result<AttributionScores> {
    let dir = gum_dir(dir);
    let segmenter = dyad_segment::Segmenter::new();
    let syntax = dyad_syntax::SyntaxStage::embedded()?;
    let mut counts = Counts::default();
    for (i, name) in document_names(&dir)?.iter().enumerate() {
        if !split.keeps(i) {
            continue;
        }
        let doc = load_document(&dir, name)?;
        let mut analysis = Analysis::new(Document::from_text(doc.text.clone()));
        let (sentences, tokens) = segmenter.segment(&analysis.doc.text);
        analysis.sentences = sentences;
        analysis.tokens = tokens;
        syntax.process(&mut analysis);
        let found = crate::find_quotes_detailed(&analysis);
        counts.add(&score_document(&doc, &found));
    }
    Ok(AttributionScores::from_counts(counts))
}

/// Counts for one document.
pub fn score_document(doc: &GumDocument, found: &[FoundQuote]) -> Counts {
    let text = doc.text.as_str();
    let predicted: Vec<&FoundQuote> = found
        .iter()
        .filter(|f| f.quote.cue.is_some() || f.quote.speaker.is_some())
        .collect();
    let gold: Vec<Vec<(usize, usize)>> = doc
        .relations
        .iter()
        .map(|r| r.content.iter().map(|&t| doc.tokens[t]).collect())
        .collect();
    // Overlap matching, largest overlaps first.
    let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
    for (pi, p) in predicted.iter().enumerate() {
        for (gi, g) in gold.iter().enumerate() {
            let o: usize = g
                .iter()
                .map(|&s| overlap(s, (p.quote.start, p.quote.end)))
                .sum();
            if o > 0 {
                pairs.push((o, pi, gi));
            }
        }
    }
    pairs.sort_by_key(|p| std::cmp::Reverse(p.0));
    let (mut used_p, mut used_g) = (vec![false; predicted.len()], vec![false; gold.len()]);
    let mut matched = 0;
    let mut matched_no_credit = 0;
    for &(_, pi, gi) in &pairs {
        if !used_p[pi] && !used_g[gi] {
            used_p[pi] = true;
            used_g[gi] = true;
            matched += 1;
            matched_no_credit += usize::from(!doc.relations[gi].credit);
        }
    }
    // Exact matching on normalised spans.
    let gold_norm: Vec<Option<(usize, usize)>> = gold
        .iter()
        .map(|g| {
            let (s, e) = (g.first()?.0, g.last()?.1);
            Some(normalise(text, s, e))
        })
        .collect();
    let mut used_g = vec![false; gold.len()];
    let mut exact = 0;
    for p in &predicted {
        let n = normalise(text, p.quote.start, p.quote.end);
        if let Some(gi) = (0..gold.len()).find(|&gi| !used_g[gi] && gold_norm[gi] == Some(n)) {
            used_g[gi] = true;
            exact += 1;
        }
    }
    // Quotes with their speakers.
    let mut quotes_with_speaker = 0;
    let mut quotes_found = 0;
    let mut right_speaker = 0;
    for q in &doc.quotes {
        let Some(ri) = q.relation else { continue };
        quotes_with_speaker += 1;
        let span = (doc.tokens[q.first].0, doc.tokens[q.end - 1].1);
        let best = found
            .iter()
            .map(|f| (overlap(span, (f.quote.start, f.quote.end)), f))
            .filter(|&(o, _)| o > 0)
            .max_by_key(|&(o, _)| o);
        let Some((_, f)) = best else { continue };
        quotes_found += 1;
        let Some(speaker) = &f.quote.speaker else {
            continue;
        };
        let hit = doc.relations[ri]
            .source
            .iter()
            .filter_map(|&t| doc.tokens.get(t))
            .any(|&s| overlap(s, (speaker.start, speaker.end)) > 0);
        right_speaker += usize::from(hit);
    }
    Counts {
        documents: 1,
        gold_relations: gold.len(),
        credit_relations: doc.relations.iter().filter(|r| r.credit).count(),
        predicted: predicted.len(),
        matched_overlap: matched,
        matched_overlap_no_credits: matched_no_credit,
        matched_exact: exact,
        gold_quotes: doc.quotes.len(),
        gold_quotes_with_speaker: quotes_with_speaker,
        quotes_found,
        quotes_right_speaker: right_speaker,
    }
}

fn overlap(a: (usize, usize), b: (usize, usize)) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

/// A span without edge punctuation, quotation marks, spaces and a leading complementizer.
fn normalise(text: &str, mut start: usize, mut end: usize) -> (usize, usize) {
    let edge = |c: char| !c.is_alphanumeric();
    loop {
        let before = (start, end);
        while start < end {
            let c = text[start..end].chars().next().unwrap_or('a');
            if !edge(c) {
                break;
            }
            start += c.len_utf8();
        }
        while end > start {
            let c = text[start..end].chars().next_back().unwrap_or('a');
            if !edge(c) {
                break;
            }
            end -= c.len_utf8();
        }
        let lower = text[start..end].to_lowercase();
        for w in ["that ", "that\n"] {
            if lower.starts_with(w) {
                start += w.len();
            }
        }
        if (start, end) == before {
            return (start, end);
        }
    }
}
