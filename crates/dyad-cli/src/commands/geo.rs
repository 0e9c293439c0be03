//! `dyad geo`: the place names of articles, resolved against the gazetteer.
#![allow(clippy::print_stderr)]

use std::cell::Cell;
use std::io::Write as _;

use anyhow::Result;

use super::{documents, Status};
use crate::args::{GeoArgs, GeoFormat};

pub fn run(args: GeoArgs) -> Result<Status> {
    if let Some(dir) = &args.input.lexicon {
        eprintln!(
            "dyad geo: warning: --lexicon {} is not used here (places come from the built-in gazetteer and dictionaries)",
            dir.display()
        );
    }
    let pipeline = dyad_pipeline::Pipeline::places()?;
    let geo = dyad_geo::GeoStage::embedded();
    let gaz = geo.gazetteer();
    let failures = Cell::new(0);
    // Written, not printed: a closed pipe (`| head`) is an error to report, not a panic.
    let mut out = std::io::stdout().lock();
    for doc in documents(&args.input, &failures) {
        let id = doc.id.clone();
        let label = doc.path.clone().unwrap_or_else(|| doc.id.clone());
        let analysis = pipeline.analyze(doc);
        match args.format {
            GeoFormat::Jsonl => {
                writeln!(
                    out,
                    "{}",
                    serde_json::to_string(&geo.geo_doc(&id, &analysis))?
                )?;
            }
            GeoFormat::Table => {
                writeln!(out, "== {label}")?;
                for t in geo.toponyms(&analysis) {
                    let l = dyad_geo::location(gaz, &t);
                    let point = match (l.lat, l.lon) {
                        (Some(a), Some(b)) => format!("{a:9.4} {b:10.4}"),
                        _ => format!("{:>9} {:>10}", "-", "-"),
                    };
                    writeln!(
                        out,
                        "{:>6}-{:<6} {:<24} {} {:<8} {:>5} {}{}",
                        t.start,
                        t.end,
                        t.text,
                        point,
                        l.precision.map_or("-", |p| p.as_str()),
                        format!("{:.2}", t.confidence),
                        l.name.as_deref().unwrap_or("(not in the gazetteer)"),
                        if t.metonym {
                            "  [metonym: an actor]"
                        } else {
                            ""
                        },
                    )?;
                }
            }
        }
    }
    Ok(if failures.get() > 0 {
        Status::SomeFailed
    } else {
        Status::Success
    })
}
