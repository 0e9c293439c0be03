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
            let options = dyad_pipeline::PipelineOptions {
                lexicon_dir: args.lexicon.clone(),
            };
            let pipeline = dyad_pipeline::Pipeline::standard(&options)?;
            let scores = dyad_pipeline::plover_eval::evaluate_plover(path, &pipeline)
                .with_context(|| format!("cannot evaluate PLOVER coding on {}", path.display()))?;
            let mut table = String::new();
            if args.errors {
                table.push_str(&scores.outcome_lines());
            }
            table.push_str(&scores.to_table());
            (table, serde_json::to_value(&scores)?)
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
        Suite::Geo => {
            let (table, json) = geo_eval(path, args.predictions.as_deref())
                .with_context(|| format!("cannot evaluate geoparsing on {}", path.display()))?;
            (table, json)
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

/// Runs the place pipeline over each gold document and scores its toponyms.
fn geo_eval(
    path: &std::path::Path,
    predictions: Option<&std::path::Path>,
) -> Result<(String, serde_json::Value)> {
    use rayon::prelude::*;
    let gold = dyad_geo::eval::read_gold(path)?;
    let pipeline = dyad_pipeline::Pipeline::places()?;
    let geo = dyad_geo::GeoStage::embedded();
    let docs: Vec<dyad_geo::eval::GeoDoc> = gold
        .par_iter()
        .map(|g| {
            let analysis = pipeline.analyze(dyad_types::Document::from_text(g.text.clone()));
            geo.geo_doc(&g.id, &analysis)
        })
        .collect();
    if let Some(p) = predictions {
        let mut f = std::io::BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("cannot write {}", p.display()))?,
        );
        for d in &docs {
            writeln!(f, "{}", serde_json::to_string(d)?)?;
        }
        f.flush()?;
    }
    let scores = dyad_geo::eval::score(&gold, &docs);
    let mut table = format!(
        "{:<22} {:>5} {:>6} {:>6} {:>7} {:>7} {:>7} {:>6} {:>8} {:>9} {:>9}\n",
        "corpus",
        "docs",
        "gold",
        "system",
        "P",
        "R",
        "F1",
        "pairs",
        "acc@161",
        "mean km",
        "median km"
    );
    for (name, s) in &scores {
        table.push_str(&format!(
            "{:<22} {:>5} {:>6} {:>6} {:>7.3} {:>7.3} {:>7.3} {:>6} {:>8.3} {:>9.1} {:>9.1}\n",
            name,
            s.docs,
            s.gold,
            s.system,
            s.precision,
            s.recall,
            s.f1,
            s.geo_pairs,
            s.acc161,
            s.mean_km,
            s.median_km
        ));
    }
    let json = serde_json::Value::Object(
        scores
            .iter()
            .map(|(n, s)| Ok((n.clone(), serde_json::to_value(s)?)))
            .collect::<Result<_>>()?,
    );
    Ok((table.trim_end().to_string(), json))
}
