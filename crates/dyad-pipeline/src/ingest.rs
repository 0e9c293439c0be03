//! Analysing articles into a store, a batch at a time: what `dyad ingest` and the Python
//! package's `Store.ingest` share.
//!
//! Articles are taken in order; one already stored (by [`Document::store_key`]) is skipped
//! without being analysed; the others are analysed a batch at a time on every core and each
//! batch is stored in one transaction, so memory stays bounded by the batch size and an
//! interrupted run is resumed by running it again.
//!
//! ```
//! use dyad_pipeline::ingest::{ingest, IngestOptions, Quiet};
//! use dyad_pipeline::{Pipeline, PipelineOptions};
//! use dyad_store::SqliteStore;
//! use dyad_types::Document;
//!
//! let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
//! let mut store = SqliteStore::open_in_memory().unwrap();
//! let docs = vec![Document::from_text("Venezuela closed its airspace on Saturday.")];
//! let summary = ingest(&pipeline, &mut store, docs.clone(), &IngestOptions::default(), &mut Quiet).unwrap();
//! assert_eq!((summary.read, summary.stored.documents_added), (1, 1));
//! let again = ingest(&pipeline, &mut store, docs, &IngestOptions::default(), &mut Quiet).unwrap();
//! assert_eq!(again.stored.documents_skipped, 1);
//! ```

use dyad_store::{PutSummary, Store};
use dyad_types::{Analysis, Document};
use rayon::prelude::*;

use crate::Pipeline;

/// How to ingest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IngestOptions {
    /// Articles per transaction (at least 1). Default 64.
    pub batch: usize,
    /// Analysis threads; `None` or 0: one per core.
    pub threads: Option<usize>,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            batch: 64,
            threads: None,
        }
    }
}

/// What an ingest did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct IngestSummary {
    /// Articles taken from the input in this run (stored, skipped or refused).
    pub read: usize,
    /// What was stored.
    pub stored: PutSummary,
    /// Articles whose record the store refused (each told to
    /// [`IngestObserver::refused`]).
    pub refused: usize,
    /// The run stopped early because [`IngestObserver::interrupted`] said so.
    pub interrupted: bool,
}

/// Why an ingest stopped. Batches stored before the error are kept.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// The analysis threads could not be started.
    #[error(transparent)]
    Threads(#[from] rayon::ThreadPoolBuildError),
    /// The store could not be asked whether an article is stored.
    #[error(transparent)]
    Lookup(dyad_store::Error),
    /// A batch could not be stored (disk full, database locked…); nothing of it was.
    #[error("cannot store the batch: {0}")]
    Batch(dyad_store::Error),
}

/// Told of an ingest's progress; every method has a default that does nothing.
pub trait IngestObserver {
    /// Asked before each article: `true` stops the run after storing what was analysed.
    fn interrupted(&mut self) -> bool {
        false
    }
    /// After each stored or skipped batch, with the totals so far.
    fn progress(&mut self, _total: &PutSummary) {}
    /// An article whose record the store refused (an invalid event); the others of its
    /// batch are stored.
    fn refused(&mut self, _analysis: &Analysis, _error: &dyad_store::Error) {}
}

/// An observer that wants to know nothing.
#[derive(Debug, Clone, Copy, Default)]
pub struct Quiet;

impl IngestObserver for Quiet {}

/// Analyses `docs` with `pipeline` and stores them in `store` (see the module docs).
pub fn ingest(
    pipeline: &Pipeline,
    store: &mut dyn Store,
    docs: impl IntoIterator<Item = Document>,
    options: &IngestOptions,
    observer: &mut dyn IngestObserver,
) -> Result<IngestSummary, IngestError> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.threads.unwrap_or(0))
        .build()?;
    let batch_size = options.batch.max(1);
    let analyse = |pending: &mut Vec<Document>| -> Vec<Analysis> {
        let docs = std::mem::take(pending);
        pool.install(|| {
            docs.into_par_iter()
                .map(|doc| pipeline.analyze(doc))
                .collect()
        })
    };
    let mut summary = IngestSummary::default();
    let mut pending = Vec::with_capacity(batch_size);
    for doc in docs {
        if observer.interrupted() {
            summary.interrupted = true;
            break;
        }
        summary.read += 1;
        if store
            .has_document(&doc.store_key())
            .map_err(IngestError::Lookup)?
        {
            summary.stored.documents_skipped += 1;
            observer.progress(&summary.stored);
            continue;
        }
        pending.push(doc);
        if pending.len() >= batch_size {
            let batch = analyse(&mut pending);
            store_batch(store, &batch, &mut summary, observer)?;
            observer.progress(&summary.stored);
        }
    }
    if !pending.is_empty() {
        let batch = analyse(&mut pending);
        store_batch(store, &batch, &mut summary, observer)?;
    }
    Ok(summary)
}

/// Stores a batch; if one record is refused (an invalid event), stores the others one by one
/// and reports the refused article, so one bad article never loses the batch.
fn store_batch(
    store: &mut dyn Store,
    batch: &[Analysis],
    summary: &mut IngestSummary,
    observer: &mut dyn IngestObserver,
) -> Result<(), IngestError> {
    match store.put_batch(batch) {
        Ok(stored) => summary.stored += stored,
        Err(dyad_store::Error::InvalidEvent { .. } | dyad_store::Error::Record { .. }) => {
            for analysis in batch {
                match store.put_batch(std::slice::from_ref(analysis)) {
                    Ok(stored) => summary.stored += stored,
                    Err(err) => {
                        observer.refused(analysis, &err);
                        summary.refused += 1;
                    }
                }
            }
        }
        Err(err) => return Err(IngestError::Batch(err)),
    }
    Ok(())
}
