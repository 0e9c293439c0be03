//! `dyad query`: filtered events from the store.

use std::io::Write;

use anyhow::Result;
use dyad_store::{EventQuery, Sort};

use super::Status;
use crate::args::{FilterArgs, QueryArgs, SortArg};
use crate::output::write_events;

pub fn run(args: QueryArgs) -> Result<Status> {
    let store = args.db.open(false)?;
    let events = store.query(&to_query(&args.filters))?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    write_events(&mut out, &events, args.format)?;
    out.flush()?;
    Ok(Status::Success)
}

/// The store query of the command-line filters.
pub fn to_query(f: &FilterArgs) -> EventQuery {
    EventQuery {
        actor: f.actor.clone(),
        source: f.source.clone(),
        target: f.target.clone(),
        dyad: f.dyad.clone(),
        code: f.code.clone(),
        root: f.root.clone(),
        quad_class: f.quad_class,
        mode: f.mode,
        date_from: f.from.clone(),
        date_to: f.to.clone(),
        text: f.text.clone(),
        outlet: f.outlet.clone(),
        limit: f.limit,
        mentions: f.mentions,
        sort: match f.sort {
            SortArg::Date => Sort::Date,
            SortArg::Recent => Sort::Recent,
            SortArg::Reports => Sort::Reports,
            SortArg::Conflict => Sort::Conflict,
        },
        ..EventQuery::all()
    }
}
