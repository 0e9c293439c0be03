//! `dyad ingest`: analyse articles and store them, in batches of one transaction each. The
//! batching is [`dyad_pipeline::ingest`]'s; this adds Ctrl-C, the progress bar and reports.
#![allow(clippy::print_stderr)]

use std::cell::Cell;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use anyhow::Result;
use dyad_pipeline::ingest::{ingest, IngestError, IngestObserver, IngestOptions};
use dyad_store::PutSummary;
use dyad_types::Analysis;

use super::{documents, pipeline, Status};
use crate::args::IngestArgs;
use crate::progress::Progress;

/// Ctrl-C, the progress bar and refused articles.
struct Observer<'a> {
    interrupted: Arc<AtomicBool>,
    progress: &'a Progress,
    failures: &'a Cell<usize>,
}

impl IngestObserver for Observer<'_> {
    fn interrupted(&mut self) -> bool {
        self.interrupted.load(Ordering::SeqCst)
    }

    fn progress(&mut self, total: &PutSummary) {
        self.progress.tick(total);
    }

    fn refused(&mut self, analysis: &Analysis, error: &dyad_store::Error) {
        let name = analysis.doc.path.as_deref().unwrap_or(&analysis.doc.id);
        eprintln!("dyad: error: {name}: cannot store: {error}");
        self.failures.set(self.failures.get() + 1);
    }
}

pub fn run(args: IngestArgs, quiet: bool) -> Result<Status> {
    let pipeline = pipeline(&args.input)?;
    let mut store = args.db.open(true)?;
    let interrupted = Arc::new(AtomicBool::new(false));
    {
        let flag = interrupted.clone();
        // A second Ctrl-C while the batch commits is ignored: the batch finishes first.
        let _ = ctrlc::set_handler(move || flag.store(true, Ordering::SeqCst));
    }
    let failures = Cell::new(0);
    let progress = Progress::new(quiet);
    let options = IngestOptions {
        batch: args.batch,
        threads: args.threads,
    };
    let mut observer = Observer {
        interrupted: interrupted.clone(),
        progress: &progress,
        failures: &failures,
    };
    let docs = documents(&args.input, &failures);
    let summary = match ingest(&pipeline, &mut *store, docs, &options, &mut observer) {
        Ok(summary) => summary,
        Err(IngestError::Batch(err)) => {
            return Err(anyhow::Error::new(err).context("cannot store the batch"))
        }
        Err(err) => return Err(err.into()),
    };
    let total = summary.stored;
    progress.finish(&total);
    if !quiet {
        eprintln!(
            "dyad: {} articles read: {} stored ({} near-duplicates of stored ones), {} already \
             in {}; {} event reports added: {} new events, {} merged into known ones",
            summary.read,
            total.documents_added,
            total.documents_near_duplicate,
            total.documents_skipped,
            args.db.shown(),
            total.events_added,
            total.merged_events_added,
            total.events_added - total.merged_events_added
        );
    }
    if summary.interrupted {
        eprintln!("dyad: interrupted; everything stored so far is kept; run again to resume");
        return Ok(Status::Interrupted);
    }
    Ok(if failures.get() > 0 {
        Status::SomeFailed
    } else {
        Status::Success
    })
}
