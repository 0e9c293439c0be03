//! [`StoredEvent`]: an event read back from a store with its document's metadata.

use dyad_types::Event;
use serde::Serialize;

/// An event as a query returns it: the event, the document it was found in, and the
/// sentence that is its evidence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredEvent {
    /// The event as coded.
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
}
