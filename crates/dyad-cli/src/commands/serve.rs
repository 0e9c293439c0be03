//! `dyad serve`: the web dashboard over a database.
#![allow(clippy::print_stdout)]

use std::io::Write;

use anyhow::{bail, Context, Result};
use dyad_serve::ServeOptions;

use super::Status;
use crate::args::ServeArgs;

pub fn run(args: ServeArgs) -> Result<Status> {
    let postgres = dyad_store::is_postgres_url(&args.db.to_string_lossy());
    let shown = dyad_store::redact_url(&args.db.to_string_lossy());
    if !postgres && !args.db.exists() {
        bail!(
            "no database at {} (create one with `dyad ingest PATH --db {}`)",
            args.db.display(),
            args.db.display()
        );
    }
    if !args.addr.ip().is_loopback() {
        eprintln!(
            "dyad: warning: serving on {}, not a loopback address: anyone who can reach this \
             machine can read the database",
            args.addr
        );
    }
    let options = ServeOptions {
        db: args.db.clone(),
        addr: args.addr,
    };
    dyad_serve::run(&options, |bound| {
        let mut out = std::io::stdout().lock();
        // The URL on stdout (scripts read it to find a port picked with :0).
        let _ = writeln!(
            out,
            "dyad: dashboard of {shown} at http://{bound}/ (Ctrl-C stops)"
        );
        let _ = out.flush();
    })
    .with_context(|| format!("cannot serve the dashboard of {shown}"))?;
    Ok(Status::Success)
}
