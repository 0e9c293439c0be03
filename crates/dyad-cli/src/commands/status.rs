//! `dyad status`: the state of the workers and their queue.
#![allow(clippy::print_stdout)]

use std::io::Write;

use anyhow::{Context, Result};

use super::Status;
use crate::args::StatusArgs;

pub fn run(args: StatusArgs) -> Result<Status> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .context("cannot start the NATS client")?;
    let url = args.nats.nats.clone();
    let status = runtime
        .block_on(dyad_fleet::status::status(&url, args.db.as_deref()))
        .with_context(|| format!("cannot read the status from {url}"))?;
    let mut out = std::io::stdout().lock();
    if args.json {
        writeln!(out, "{}", serde_json::to_string(&status)?)?;
    } else {
        write!(out, "{}", status.to_table())?;
    }
    Ok(Status::Success)
}
