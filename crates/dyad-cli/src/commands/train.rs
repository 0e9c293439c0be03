//! `dyad train tagger|parser|ner|gazetteer|lexicon|actors`: rebuild a model, the gazetteer,
//! the generated lexicon tier or the generated people tier from the shared data.
#![allow(clippy::print_stderr)]

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use super::Status;
use crate::args::{Model, TrainArgs};

const CRATES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/..");

pub fn run(args: TrainArgs) -> Result<Status> {
    let data = &args.data;
    if !data.is_dir() {
        anyhow::bail!(
            "no shared data folder at {} (pass --data DIR)",
            data.display()
        );
    }
    let progress = |line: &str| eprintln!("dyad train: {line}");
    let ud = |name: &str| -> Vec<PathBuf> {
        vec![
            data.join(format!("ud/en_ewt/en_ewt-ud-{name}.conllu")),
            data.join(format!("ud/en_gum/en_gum-ud-{name}.conllu")),
        ]
    };
    let default_out = |file: &str| Path::new(CRATES).join(file);
    match args.model {
        Model::Tagger => {
            let out = args
                .out
                .unwrap_or_else(|| default_out("dyad-syntax/models/tagger.bin"));
            let report =
                dyad_syntax::train::train_tagger(&ud("train"), &ud("dev")[0], &out, &progress)
                    .context("tagger training failed")?;
            eprintln!("dyad train: wrote {} ({report:?})", out.display());
        }
        Model::Parser => {
            let out = args
                .out
                .unwrap_or_else(|| default_out("dyad-syntax/models/parser.bin"));
            let report =
                dyad_syntax::train::train_parser(&ud("train"), &ud("dev")[0], &out, &progress)
                    .context("parser training failed")?;
            eprintln!("dyad train: wrote {} ({report:?})", out.display());
        }
        Model::Ner => {
            let out = args
                .out
                .unwrap_or_else(|| default_out("dyad-ner/models/ner.bin"));
            let (train, dev) = dyad_ner::train::default_inputs(data);
            let report = dyad_ner::train::train(&train, &dev, &out, &progress)
                .context("NER training failed")?;
            eprintln!("dyad train: wrote {} ({report:?})", out.display());
        }
        Model::Gazetteer => {
            let out = args
                .out
                .unwrap_or_else(|| default_out("dyad-geo/data/gazetteer.tsv.gz"));
            progress("reading geo/countries.json, us_states.json, continents.json, places500.tsv");
            let report = dyad_geo::builder::build(&data.join("geo"), &out)
                .context("building the gazetteer failed")?;
            eprintln!("dyad train: wrote {} ({report:?})", out.display());
        }
        Model::Lexicon => {
            let out = args
                .out
                .unwrap_or_else(|| default_out("dyad-coder/lexicons/petrarch2/verbs_cameo2.tsv"));
            let input = data.join("petrarch2_dictionaries/CAMEO.2.0.txt");
            progress(&format!("converting {}", input.display()));
            let text = std::fs::read_to_string(&input)
                .with_context(|| format!("cannot read {}", input.display()))?;
            let verbs = dyad_petrarch::dictionary::verbs::parse_verbs(&text);
            let codebook = dyad_codebook::Codebook::embedded();
            let rows = dyad_petrarch::lexicon::to_dyad_lexicon(
                &verbs,
                "petrarch2_dictionaries/CAMEO.2.0.txt",
                &|code| codebook.get(code).is_some(),
            );
            std::fs::write(&out, &rows)
                .with_context(|| format!("cannot write {}", out.display()))?;
            let count = rows.lines().filter(|l| !l.starts_with('#')).count();
            eprintln!("dyad train: wrote {} ({count} rows)", out.display());
        }
        Model::Actors => {
            let out = args
                .out
                .unwrap_or_else(|| default_out("dyad-actors/data/generated/people_phoenix.tsv"));
            let names = [
                "Phoenix.Countries.actors.txt",
                "Phoenix.International.actors.txt",
            ];
            let mut texts = Vec::new();
            for name in names {
                let input = data.join("petrarch2_dictionaries").join(name);
                progress(&format!("converting {}", input.display()));
                let text = std::fs::read_to_string(&input)
                    .with_context(|| format!("cannot read {}", input.display()))?;
                texts.push((format!("petrarch2_dictionaries/{name}"), text));
            }
            let files: Vec<(&str, &str)> = texts
                .iter()
                .map(|(n, t)| (n.as_str(), t.as_str()))
                .collect();
            let dict = dyad_actors::Dictionary::curated();
            let (rows, report) =
                dyad_petrarch::people::to_dyad_people(&files, &|code| dict.country(code).is_some());
            if let Some(dir) = out.parent() {
                std::fs::create_dir_all(dir)
                    .with_context(|| format!("cannot create {}", dir.display()))?;
            }
            std::fs::write(&out, &rows)
                .with_context(|| format!("cannot write {}", out.display()))?;
            eprintln!("dyad train: wrote {} ({report:?})", out.display());
            // The organisations tier beside it, from the same files and the groups' one.
            let organisations_out = out.with_file_name("organisations_phoenix.tsv");
            let name = "Phoenix.MilNonState.actors.txt";
            let input = data.join("petrarch2_dictionaries").join(name);
            progress(&format!("converting {}", input.display()));
            let text = std::fs::read_to_string(&input)
                .with_context(|| format!("cannot read {}", input.display()))?;
            let source = format!("petrarch2_dictionaries/{name}");
            let mut files = files;
            files.push((&source, &text));
            let (rows, report) =
                dyad_petrarch::organisations::to_dyad_institutions(&files, &|code| {
                    dict.country(code).is_some()
                });
            std::fs::write(&organisations_out, &rows)
                .with_context(|| format!("cannot write {}", organisations_out.display()))?;
            eprintln!(
                "dyad train: wrote {} ({report:?})",
                organisations_out.display()
            );
        }
    }
    eprintln!("dyad train: rebuild dyad (cargo build --release) to embed the new model");
    Ok(Status::Success)
}
