//! Attribution scores and their table.
use serde::Serialize;

/// Raw counts, summed over documents.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Documents scored.
    pub documents: usize,
    /// Gold attribution relations.
    pub gold_relations: usize,
    /// Gold relations that are image credits ("Image: …").
    pub credit_relations: usize,
    /// Predicted attributions (quotes with a cue or a speaker).
    pub predicted: usize,
    /// Predictions matched to a gold relation by overlapping content.
    pub matched_overlap: usize,
    /// Of those, matches to relations that are not image credits.
    pub matched_overlap_no_credits: usize,
    /// Predictions matching a gold content exactly (after normalisation).
    pub matched_exact: usize,
    /// Gold `<quote>` elements.
    pub gold_quotes: usize,
    /// Gold quotes attributed by a relation (with a speaker).
    pub gold_quotes_with_speaker: usize,
    /// Of those, quotes overlapped by a predicted quote.
    pub quotes_found: usize,
    /// Of those, quotes whose predicted speaker overlaps the gold source.
    pub quotes_right_speaker: usize,
}

impl Counts {
    /// Adds another document's counts.
    pub fn add(&mut self, o: &Counts) {
        self.documents += o.documents;
        self.gold_relations += o.gold_relations;
        self.credit_relations += o.credit_relations;
        self.predicted += o.predicted;
        self.matched_overlap += o.matched_overlap;
        self.matched_overlap_no_credits += o.matched_overlap_no_credits;
        self.matched_exact += o.matched_exact;
        self.gold_quotes += o.gold_quotes;
        self.gold_quotes_with_speaker += o.gold_quotes_with_speaker;
        self.quotes_found += o.quotes_found;
        self.quotes_right_speaker += o.quotes_right_speaker;
    }
}

/// Attribution scores (fractions in 0–1) with the counts behind them.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct AttributionScores {
    /// Precision of relations matched by overlapping content.
    pub precision_overlap: f64,
    /// Recall of relations matched by overlapping content.
    pub recall_overlap: f64,
    /// F1 of relations matched by overlapping content.
    pub f1_overlap: f64,
    /// Precision of exactly matched contents.
    pub precision_exact: f64,
    /// Recall of exactly matched contents.
    pub recall_exact: f64,
    /// F1 of exactly matched contents.
    pub f1_exact: f64,
    /// Overlap recall leaving image credits out of the gold relations.
    pub recall_overlap_no_credits: f64,
    /// Overlap F1 leaving image credits out of the gold relations.
    pub f1_overlap_no_credits: f64,
    /// Share of attributed gold quotes found at all.
    pub quote_recall: f64,
    /// Share of attributed gold quotes found with the right speaker.
    pub quote_speaker_accuracy: f64,
    /// The counts.
    pub counts: Counts,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

impl AttributionScores {
    /// Scores from summed counts.
    pub fn from_counts(c: Counts) -> AttributionScores {
        let precision_overlap = ratio(c.matched_overlap, c.predicted);
        let recall_overlap = ratio(c.matched_overlap, c.gold_relations);
        let precision_exact = ratio(c.matched_exact, c.predicted);
        let recall_exact = ratio(c.matched_exact, c.gold_relations);
        let recall_overlap_no_credits = ratio(
            c.matched_overlap_no_credits,
            c.gold_relations - c.credit_relations,
        );
        let precision_no_credits = ratio(c.matched_overlap_no_credits, c.predicted);
        AttributionScores {
            precision_overlap,
            recall_overlap,
            f1_overlap: f1(precision_overlap, recall_overlap),
            precision_exact,
            recall_exact,
            f1_exact: f1(precision_exact, recall_exact),
            recall_overlap_no_credits,
            f1_overlap_no_credits: f1(precision_no_credits, recall_overlap_no_credits),
            quote_recall: ratio(c.quotes_found, c.gold_quotes_with_speaker),
            quote_speaker_accuracy: ratio(c.quotes_right_speaker, c.gold_quotes_with_speaker),
            counts: c,
        }
    }

    /// A plain-text table of the scores.
    pub fn to_table(&self) -> String {
        let c = &self.counts;
        let mut out = String::new();
        out.push_str(&format!(
            "GUM attribution: {} documents, {} gold relations ({} image credits), {} predicted\n",
            c.documents, c.gold_relations, c.credit_relations, c.predicted
        ));
        out.push_str("match                 precision  recall     F1\n");
        out.push_str(&format!(
            "content overlap          {:.3}   {:.3}  {:.3}\n",
            self.precision_overlap, self.recall_overlap, self.f1_overlap
        ));
        out.push_str(&format!(
            "overlap, no credits          -   {:.3}  {:.3}\n",
            self.recall_overlap_no_credits, self.f1_overlap_no_credits
        ));
        out.push_str(&format!(
            "content exact            {:.3}   {:.3}  {:.3}\n",
            self.precision_exact, self.recall_exact, self.f1_exact
        ));
        out.push_str(&format!(
            "quotes: {} attributed gold quotes, found {:.3}, right speaker {:.3}\n",
            c.gold_quotes_with_speaker, self.quote_recall, self.quote_speaker_accuracy
        ));
        out
    }
}
