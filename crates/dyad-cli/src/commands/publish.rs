//! `dyad publish`: articles onto NATS JetStream for the workers.

use anyhow::{Context, Result};

use super::{documents, Status};
use crate::args::{InputArgs, PublishArgs};

pub fn run(args: PublishArgs, quiet: bool) -> Result<Status> {
    let input = InputArgs {
        paths: args.paths,
        date: args.date,
        lexicon: None,
        max_article_mb: args.max_article_mb,
    };
    let failures = std::cell::Cell::new(0);
    let docs = documents(&input, &failures);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .context("cannot start the NATS client")?;
    let url = args.nats.nats.clone();
    let summary = runtime
        .block_on(dyad_fleet::publish::publish(&url, docs, |total| {
            if !quiet {
                eprintln!("dyad: {} articles sent", total.sent);
            }
        }))
        .with_context(|| format!("cannot publish to {url}"))?;
    if !quiet {
        eprintln!(
            "dyad: {} articles sent to {url}: {} published, {} already there (same content \
             hash within the duplicate window); {} retries",
            summary.sent, summary.published, summary.duplicates, summary.retries
        );
    }
    Ok(if failures.get() > 0 {
        Status::SomeFailed
    } else {
        Status::Success
    })
}
