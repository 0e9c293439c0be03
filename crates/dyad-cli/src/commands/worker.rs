//! `dyad worker`: one worker of a scale-out fleet (see [`dyad_fleet::worker`]).
#![allow(clippy::print_stdout)]

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, Result};
use dyad_fleet::worker::WorkerOptions;

use super::{pipeline, Status};
use crate::args::{InputArgs, WorkerArgs};

pub fn run(args: WorkerArgs, quiet: bool) -> Result<Status> {
    let pipeline = Arc::new(pipeline(&InputArgs {
        paths: Vec::new(),
        date: None,
        lexicon: args.lexicon.clone(),
        max_article_mb: 10,
    })?);
    let options = WorkerOptions {
        nats_url: args.nats.nats.clone(),
        db: args.db.clone(),
        name: args
            .name
            .clone()
            .unwrap_or_else(dyad_fleet::worker::default_name),
        batch: args.batch.max(1),
        threads: args.threads.max(1),
        max_deliveries: args.max_deliveries.max(1),
        ack_wait: Duration::from_secs(args.ack_wait.max(1)),
        until_idle: args.until_idle,
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .context("cannot start the worker's runtime")?;
    let stop = Arc::new(AtomicBool::new(false));
    let report = runtime.block_on(async {
        let flag = stop.clone();
        tokio::spawn(async move {
            wait_for_signal().await;
            eprintln!("dyad: stopping after the batch under way");
            flag.store(true, Ordering::SeqCst);
        });
        dyad_fleet::worker::run(&options, pipeline, stop.clone()).await
    });
    let report = report.with_context(|| {
        format!(
            "worker {} stopped (nats {}, db {})",
            options.name,
            options.nats_url,
            dyad_store::redact_url(&options.db)
        )
    })?;
    if !quiet {
        eprintln!(
            "dyad: worker {}: {} articles in {:.1} s ({:.2}/s, {} threads): {} stored, {} already \
             stored, {} event reports, {} dead letters, {} retries",
            report.name,
            report.articles,
            report.busy_seconds,
            report.articles_per_second,
            report.threads,
            report.documents_added,
            report.documents_skipped,
            report.events_added,
            report.dead_letters,
            report.retries
        );
    }
    // The report as one JSON line, for scripts and measurements.
    println!("{}", serde_json::to_string(&report)?);
    Ok(if stop.load(Ordering::SeqCst) {
        Status::Interrupted
    } else {
        Status::Success
    })
}

/// SIGTERM (what service managers and `kill` send) or Ctrl-C.
async fn wait_for_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = term.recv() => {}
                    _ = tokio::signal::ctrl_c() => {}
                }
            }
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}
