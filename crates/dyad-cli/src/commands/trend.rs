//! `dyad trend`: events between two actors per period, with escalation flags.

use std::io::Write;

use anyhow::Result;
use dyad_store::trend::{self, Granularity, Period};
use dyad_store::{merge, EventQuery, Store, StoredEvent};
use dyad_types::Mode;

use super::Status;
use crate::args::{PeriodArg, TrendArgs};

pub fn run(args: TrendArgs) -> Result<Status> {
    let store = args.db.open(false)?;
    let mut events = Vec::new();
    let directions = if args.both {
        vec![
            (args.source.clone(), args.target.clone()),
            (args.target.clone(), args.source.clone()),
        ]
    } else {
        vec![(args.source.clone(), args.target.clone())]
    };
    for (source, target) in directions {
        let query = EventQuery {
            source: Some(source),
            target: Some(target),
            ..EventQuery::all()
        };
        events.extend(store.query(&query)?);
    }
    events.retain(|e| merge::mode_group(e.event.mode) == merge::mode_group(Mode::Asserted));
    events.sort_by(|a, b| a.event_id.cmp(&b.event_id));
    events.dedup_by(|a, b| a.event_id == b.event_id);
    let (periods, too_coarse) = trend(&events, args.by);

    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if args.json {
        for period in &periods {
            serde_json::to_writer(&mut out, period)?;
            writeln!(out)?;
        }
    } else {
        writeln!(
            out,
            "{:<10} {:>6} {:>5} {:>5} {:>5} {:>5} {:>9} {:>7} {:>8} {:>8}",
            "period", "events", "q1", "q2", "q3", "q4", "goldstein", "mean", "conflict", "baseline"
        )?;
        for p in &periods {
            writeln!(
                out,
                "{:<10} {:>6} {:>5} {:>5} {:>5} {:>5} {:>9.1} {:>7.2} {:>8.1} {:>8}{}",
                p.period,
                p.events,
                p.quad_classes[0],
                p.quad_classes[1],
                p.quad_classes[2],
                p.quad_classes[3],
                p.goldstein_sum,
                p.goldstein_mean,
                p.conflict_score,
                p.baseline
                    .map(|b| format!("{b:.1}"))
                    .unwrap_or_else(|| "-".into()),
                if p.escalation { "  ESCALATION" } else { "" }
            )?;
        }
        writeln!(
            out,
            "{} {} → {} events{} in {} periods",
            events.len() - too_coarse,
            args.source,
            args.target,
            if args.both { " (both directions)" } else { "" },
            periods.len()
        )?;
        if too_coarse > 0 {
            writeln!(
                out,
                "{too_coarse} events dated too coarsely for this period (or undated) are left out"
            )?;
        }
    }
    out.flush()?;
    Ok(Status::Success)
}

/// The periods of `events` (see [`dyad_store::trend::periods`]) and how many were dated
/// too coarsely for them.
pub fn trend(events: &[StoredEvent], by: PeriodArg) -> (Vec<Period>, usize) {
    let by = match by {
        PeriodArg::Day => Granularity::Day,
        PeriodArg::Week => Granularity::Week,
        PeriodArg::Month => Granularity::Month,
    };
    trend::periods(events, by)
}
