//! The [`Store`] trait every backend implements.

use std::collections::HashSet;

use dyad_types::Analysis;
use serde::Serialize;

use crate::overview::{ActorCount, ActorLevel, DocumentPage, EventMap, NetworkEdge};
use crate::{EventQuery, MergedEvent, Result, StoreStats, StoredEvent};

/// What one [`Store::put_batch`] call did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct PutSummary {
    /// Documents stored by this call.
    pub documents_added: u64,
    /// Documents whose text was already stored (earlier, or earlier in the same batch).
    pub documents_skipped: u64,
    /// Event reports (one per event coded in an article) stored by this call.
    pub events_added: u64,
    /// Merged events this call created: reports that told no event already stored. The
    /// other reports joined a merged event (see [`crate::merge`]).
    pub merged_events_added: u64,
    /// Documents stored by this call that nearly repeat one stored before (wire copies,
    /// updated versions): linked to it and counted with it.
    pub documents_near_duplicate: u64,
}

impl std::ops::AddAssign for PutSummary {
    fn add_assign(&mut self, other: PutSummary) {
        self.documents_added += other.documents_added;
        self.documents_skipped += other.documents_skipped;
        self.events_added += other.events_added;
        self.merged_events_added += other.merged_events_added;
        self.documents_near_duplicate += other.documents_near_duplicate;
    }
}

/// A store of analysed documents and their events.
///
/// Documents are keyed by [`dyad_types::Document::store_key`] (text hash, with the id when one was given): storing an article that is
/// already there does nothing, whoever stored it first, so any number of writers may ingest
/// overlapping inputs without creating duplicates, and an interrupted ingest is resumed by
/// running it again.
///
/// The trait is object safe; the command line and the dashboard hold a `Box<dyn Store>`
/// chosen by the database location ([`crate::open`]): an SQLite file or a PostgreSQL URL.
/// A new read-side summary is one more method here, implemented by each backend in its
/// `overview` module.
pub trait Store {
    /// Whether a document with this content hash is stored. Lets a caller skip analysing a
    /// text that is already in the store.
    fn has_document(&self, content_hash: &str) -> Result<bool>;

    /// Which of `content_hashes` are stored ([`Store::has_document`] for each; a backend
    /// across a network answers in one query).
    fn stored_documents(&self, content_hashes: &[String]) -> Result<HashSet<String>> {
        let mut stored = HashSet::new();
        for hash in content_hashes {
            if self.has_document(hash)? {
                stored.insert(hash.clone());
            }
        }
        Ok(stored)
    }

    /// Stores a batch of analyses in one transaction: either every new document of the batch
    /// and all its events are stored, or, on any error (or a crash part way), none are.
    /// Documents already stored are skipped and counted in
    /// [`PutSummary::documents_skipped`].
    ///
    /// Fails without storing anything if the store is locked longer than its busy timeout,
    /// or if a document has two events with the same id.
    fn put_batch(&mut self, batch: &[Analysis]) -> Result<PutSummary>;

    /// The events matching `query`: one row per merged event (its first report matching the
    /// filter), or one per report with [`EventQuery::mentions`]; in the order of
    /// [`EventQuery::sort`].
    fn query(&self, query: &EventQuery) -> Result<Vec<StoredEvent>>;

    /// A merged event and all its reports, with why each joined; `None` for an unknown id.
    fn merged_event(&self, id: &str) -> Result<Option<MergedEvent>>;

    /// Counts of what the store holds.
    fn stats(&self) -> Result<StoreStats>;

    /// The stored record of a document, looked up by its id or else by its content hash.
    /// The record is returned as it was stored, except for
    /// [`Analysis::tokens`](dyad_types::Analysis::tokens), which are not part of a record.
    fn document(&self, id: &str) -> Result<Option<Analysis>>;

    /// The actor network of the events matching `query` (its sort, limit, offset and
    /// `mentions` are ignored): one edge per source and target, with the number of merged
    /// events, their mean Goldstein value, and counts per quad class and mode. At most
    /// `limit` edges, the busiest first; events without a target are left out.
    fn actor_network(
        &self,
        query: &EventQuery,
        level: ActorLevel,
        limit: usize,
    ) -> Result<Vec<NetworkEdge>>;

    /// The `limit` actors (countries and CAMEO codes) most often named by event reports,
    /// on either side, most frequent first.
    fn actors(&self, limit: usize) -> Result<Vec<ActorCount>>;

    /// Stored documents whose title, id or text contains `words` (ignoring case; all when
    /// `None` or empty), those with the most events first, `limit` from `offset`.
    fn documents(&self, words: Option<&str>, limit: usize, offset: usize) -> Result<DocumentPage>;

    /// Where the events matching `query` happened (its sort, limit, offset and `mentions`
    /// are ignored): merged events per country of their location (count, mean Goldstein,
    /// mean tone, quad classes), and per place with coordinates (rounded to 0.01°), at most
    /// `places` places, the busiest first.
    fn event_map(&self, query: &EventQuery, places: usize) -> Result<EventMap>;
}
