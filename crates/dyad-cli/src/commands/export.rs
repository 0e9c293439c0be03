//! `dyad export`: the store's events, whole or filtered, for other tools.

use std::io::Write;

use anyhow::Result;

use super::query::to_query;
use super::Status;
use crate::args::{EventFormat, ExportArgs};
use crate::output::write_events;

pub fn run(args: ExportArgs) -> Result<Status> {
    let store = args.db.open(false)?;
    let mut query = to_query(&args.filters);
    // The mentions table has one row per report.
    query.mentions |= args.format == EventFormat::GdeltMentions;
    let events = store.query(&query)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    write_events(&mut out, &events, args.format)?;
    out.flush()?;
    Ok(Status::Success)
}
