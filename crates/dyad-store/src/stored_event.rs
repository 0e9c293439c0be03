//! [`StoredEvent`]: an event read back from a store with its document's metadata.

use dyad_types::Event;
use serde::Serialize;

/// An event as a query returns it: one report of it (the event as coded in one article),
/// the document it was found in, the sentence that is its evidence, and how many reports
/// of the same event the store holds.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredEvent {
    /// The merged event this report belongs to: the id `dyad show` takes, the same for
    /// every report of one event.
    pub event_id: String,
    /// Reports of the merged event (one per article that codes it).
    pub num_mentions: u64,
    /// Distinct articles reporting it, near-duplicate copies counted once.
    pub num_articles: u64,
    /// Distinct outlets reporting it (an article without an outlet counts as its own).
    pub num_sources: u64,
    /// Why this report joined the merged event (`first report` for the first).
    pub merge_reason: Option<String>,
    /// The article this report's article nearly repeats, if any (its content hash).
    pub duplicate_of: Option<String>,
    /// The length in bytes of the document's text.
    pub document_length: u64,
    /// The event as coded in this report.
    pub event: Event,
    /// The id of the document it was found in.
    pub document_id: String,
    /// The content hash of that document's text (the store's key).
    pub content_hash: String,
    /// The document's URL, if known.
    pub url: Option<String>,
    /// The document's title, if known.
    pub title: Option<String>,
    /// The document's outlet, if known.
    pub outlet: Option<String>,
    /// The document's publication date, if known.
    pub published: Option<String>,
    /// When the document was stored, `YYYY-MM-DDTHH:MM:SSZ` (UTC).
    pub analysed_at: String,
    /// The text of the sentence the event was coded from.
    pub evidence: String,
    /// The tone of this report's article (GDELT's AvgTone convention), if recorded.
    pub document_tone: Option<f64>,
    /// The mean tone of the articles reporting the merged event (GDELT's `AvgTone`: each
    /// article once), if recorded.
    pub avg_tone: Option<f64>,
}

/// A merged event with all its reports, as `dyad show` prints it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MergedEvent {
    /// Its id.
    pub id: String,
    /// Every report, first one first.
    pub mentions: Vec<StoredEvent>,
}
