//! `dyad show`: one merged event, every report of it, and why they merged.

use std::io::Write;

use anyhow::{bail, Result};

use super::Status;
use crate::args::{EventFormat, ShowArgs};
use crate::output::write_merged_event;

pub fn run(args: ShowArgs) -> Result<Status> {
    let store = args.db.open(false)?;
    let Some(event) = store.merged_event(&args.event_id)? else {
        bail!(
            "no event {} in {} (event ids are the `event_id` of `dyad query --format json`)",
            args.event_id,
            args.db.shown()
        );
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match args.format {
        EventFormat::Json | EventFormat::Jsonl => {
            serde_json::to_writer(&mut out, &event)?;
            writeln!(out)?;
        }
        _ => write_merged_event(&mut out, &event)?,
    }
    out.flush()?;
    Ok(Status::Success)
}
