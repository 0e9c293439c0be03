//! `dyad eval SUITE PATH [--json]`: accuracy against gold data.
use std::io::Write as _;

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
        Suite::Ud => {
            let tagger = dyad_syntax::Tagger::embedded()?;
            let parser = dyad_syntax::Parser::embedded()?;
            let scores =
                dyad_syntax::eval::evaluate_ud(path, &tagger, &parser).with_context(|| {
                    format!("cannot evaluate tagging and parsing on {}", path.display())
                })?;
            (scores.to_table(), serde_json::to_value(scores)?)
        }
        Suite::Ner => {
            let recognizer = dyad_ner::Recognizer::embedded()?;
            let scores = dyad_ner::eval::evaluate(path, &recognizer)
                .with_context(|| format!("cannot evaluate NER on {}", path.display()))?;
            (scores.to_table(), serde_json::to_value(&scores)?)
        }
        Suite::Attribution => {
            let scores = dyad_quotes::eval::evaluate_attribution(path)
                .with_context(|| format!("cannot evaluate attribution on {}", path.display()))?;
            (scores.to_table(), serde_json::to_value(scores)?)
        }
        Suite::Factuality => {
            let syntax = dyad_syntax::SyntaxStage::embedded()?;
            let scores = dyad_coder::factuality::evaluate_dir(path, &syntax)
                .with_context(|| format!("cannot evaluate factuality on {}", path.display()))?;
            (scores.to_table(), serde_json::to_value(&scores)?)
        }
        Suite::Plover => {
            let pipeline = dyad_pipeline::Pipeline::standard(&Default::default())?;
            let scores = dyad_pipeline::plover_eval::evaluate_plover(path, &pipeline)
                .with_context(|| format!("cannot evaluate PLOVER coding on {}", path.display()))?;
            (scores.to_table(), serde_json::to_value(&scores)?)
        }
        Suite::Extract => {
            let scores = dyad_readers::eval::evaluate_dir(path, args.predictions.as_deref())
                .map_err(anyhow::Error::msg)
                .with_context(|| format!("cannot evaluate extraction on {}", path.display()))?;
            (scores.to_table(), serde_json::to_value(&scores)?)
        }
        Suite::Petrarch => {
            let scores = dyad_petrarch::eval::evaluate(
                path,
                args.dictionaries.as_deref(),
                args.predictions.as_deref(),
            )
            .with_context(|| format!("cannot evaluate PETRARCH coding on {}", path.display()))?;
            let mut table = String::new();
            if args.errors {
                for (id, gold, coded) in &scores.differences {
                    table.push_str(&format!("DIFF {id} expected={gold:?} coded={coded:?}\n"));
                }
            }
            table.push_str(&scores.to_table());
            (table, serde_json::to_value(&scores)?)
        }
        Suite::Timex => {
            let tagger = dyad_time::TimexTagger::new();
            let scores = dyad_time::eval::evaluate_dir(path, &tagger).with_context(|| {
                format!("cannot evaluate time expressions on {}", path.display())
            })?;
            (scores.to_table(), serde_json::to_value(&scores)?)
        }
    };
    // Written, not printed: a closed pipe (`| head`) is an error to report, not a panic.
    let mut out = std::io::stdout().lock();
    writeln!(out, "{table}")?;
    if args.json {
        writeln!(out, "{}", serde_json::to_string(&json)?)?;
    }
    Ok(Status::Success)
}
