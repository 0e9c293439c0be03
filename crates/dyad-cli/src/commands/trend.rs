//! `dyad trend`: events between two actors per period, with escalation flags. The
//! counting is [`dyad_store::trend`]'s; this prints it.

use std::io::Write;

use anyhow::Result;
use dyad_store::trend::{dyad_trend, Granularity};

use super::Status;
use crate::args::{PeriodArg, TrendArgs};

pub fn run(args: TrendArgs) -> Result<Status> {
    let store = args.db.open(false)?;
    let by = match args.by {
        PeriodArg::Day => Granularity::Day,
        PeriodArg::Week => Granularity::Week,
        PeriodArg::Month => Granularity::Month,
    };
    let trend = dyad_trend(&*store, &args.source, &args.target, args.both, by)?;
    let periods = &trend.periods;

    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if args.json {
        for period in periods {
            serde_json::to_writer(&mut out, period)?;
            writeln!(out)?;
        }
    } else {
        writeln!(
            out,
            "{:<10} {:>6} {:>5} {:>5} {:>5} {:>5} {:>9} {:>7} {:>8} {:>8}",
            "period", "events", "q1", "q2", "q3", "q4", "goldstein", "mean", "conflict", "baseline"
        )?;
        for p in periods {
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
            trend.events,
            args.source,
            args.target,
            if args.both { " (both directions)" } else { "" },
            periods.len()
        )?;
        if trend.left_out > 0 {
            writeln!(
                out,
                "{} events dated too coarsely for this period (or undated) are left out",
                trend.left_out
            )?;
        }
    }
    out.flush()?;
    Ok(Status::Success)
}
