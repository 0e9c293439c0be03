//! `dyad eval SUITE PATH [--json]`: accuracy against gold data.
#![allow(clippy::print_stdout)]

use anyhow::{Context, Result};

use super::Status;
use crate::args::{EvalArgs, Suite};

pub fn run(args: EvalArgs) -> Result<Status> {
    let path = &args.path;
    let (table, json) = match args.suite {
        Suite::Segment => {
            let scores = dyad_segment::eval::evaluate_conllu(path)
                .with_context(|| format!("cannot evaluate segmentation on {}", path.display()))?;
            (scores.to_table(), serde_json::to_value(&scores)?)
        }
    };
    println!("{table}");
    if args.json {
        println!("{}", serde_json::to_string(&json)?);
    }
    Ok(Status::Success)
}
