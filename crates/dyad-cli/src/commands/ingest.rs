//! `dyad ingest`: analyse articles and store them, in batches of one transaction each.
#![allow(clippy::print_stderr)]

use std::cell::Cell;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use anyhow::{Context, Result};
use dyad_store::{PutSummary, Store};
use dyad_types::Analysis;
use rayon::prelude::*;

use super::{documents, pipeline, Status};
use crate::args::IngestArgs;
use crate::progress::Progress;

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
    let mut total = PutSummary::default();
    let threads = args.threads.unwrap_or(0);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()?;
    // Articles are read in order, analysed a batch at a time on every core, and each batch is
    // stored in one transaction: memory stays bounded by the batch size.
    let analyse = |pending: &mut Vec<dyad_types::Document>| -> Vec<Analysis> {
        let docs = std::mem::take(pending);
        pool.install(|| {
            docs.into_par_iter()
                .map(|doc| pipeline.analyze(doc))
                .collect()
        })
    };
    let mut pending = Vec::with_capacity(args.batch);
    let mut seen_in_run = 0usize;
    for doc in documents(&args.input, &failures) {
        if interrupted.load(Ordering::SeqCst) {
            break;
        }
        seen_in_run += 1;
        let hash = doc.store_key();
        if store.has_document(&hash)? {
            total.documents_skipped += 1;
            progress.tick(&total);
            continue;
        }
        pending.push(doc);
        if pending.len() >= args.batch.max(1) {
            let batch = analyse(&mut pending);
            total += store_batch(&mut store, &batch, &failures)?;
            progress.tick(&total);
        }
    }
    if !pending.is_empty() {
        let batch = analyse(&mut pending);
        total += store_batch(&mut store, &batch, &failures)?;
    }
    progress.finish(&total);
    if !quiet {
        eprintln!(
            "dyad: {} articles read: {} stored ({} near-duplicates of stored ones), {} already \
             in {}; {} event reports added: {} new events, {} merged into known ones",
            seen_in_run,
            total.documents_added,
            total.documents_near_duplicate,
            total.documents_skipped,
            args.db.db.display(),
            total.events_added,
            total.merged_events_added,
            total.events_added - total.merged_events_added
        );
    }
    if interrupted.load(Ordering::SeqCst) {
        eprintln!("dyad: interrupted; everything stored so far is kept; run again to resume");
        return Ok(Status::Interrupted);
    }
    Ok(if failures.get() > 0 {
        Status::SomeFailed
    } else {
        Status::Success
    })
}

/// Stores a batch; if one record is refused (an invalid event), stores the others one by one
/// and reports the refused article, so one bad article never loses the batch.
fn store_batch(
    store: &mut dyn Store,
    batch: &[Analysis],
    failures: &Cell<usize>,
) -> Result<PutSummary> {
    match store.put_batch(batch) {
        Ok(summary) => Ok(summary),
        Err(dyad_store::Error::InvalidEvent { .. } | dyad_store::Error::Record { .. }) => {
            let mut total = PutSummary::default();
            for analysis in batch {
                match store.put_batch(std::slice::from_ref(analysis)) {
                    Ok(summary) => total += summary,
                    Err(err) => {
                        let name = analysis.doc.path.as_deref().unwrap_or(&analysis.doc.id);
                        eprintln!("dyad: error: {name}: cannot store: {err}");
                        failures.set(failures.get() + 1);
                    }
                }
            }
            Ok(total)
        }
        Err(err) => Err(err).context("cannot store the batch"),
    }
}
