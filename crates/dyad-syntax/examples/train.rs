//! Trains the tagger and/or parser on EWT + GUM train, tuning on their dev sets (with
//! `--with-dev`, on train + dev with the settings chosen on dev: the parser keeps its last
//! epoch unless `--select-from` says otherwise).
//!
//! `cargo run --release -p dyad-syntax --example train -- [tagger|parser|all] [--jackknife K] [--jackknife-cache FILE]
//! [--epochs N] [--select-from N] [--clip Q] [--mix N] [--gold-copy] [--explore-p P] [--explore-from E] [--action-bits B] [--label-bits B] [--seed S] [--out DIR] [--tagger-epochs N] [--tagger-bits B] [--second-pass-bits B] [--with-dev]`
#![allow(clippy::print_stdout)]
use std::path::PathBuf;

use dyad_syntax::train::{train_parser_with, train_tagger_with, ParserConfig, TaggerConfig};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let what = args.first().map_or("all", String::as_str).to_string();
    let flag = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .map(|v| v.to_string())
    };
    let data = PathBuf::from(
        std::env::var("DYAD_SHARED_DATA").unwrap_or_else(|_| "../shared/data".into()),
    );
    let ud = data.join("ud");
    let train = vec![
        ud.join("en_ewt/en_ewt-ud-train.conllu"),
        ud.join("en_gum/en_gum-ud-train.conllu"),
    ];
    let dev = ud.join("en_ewt/en_ewt-ud-dev.conllu");
    let models = flag("--out").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("models"),
        PathBuf::from,
    );
    let progress = |m: &str| println!("{m}");
    let clusters = Some(data.join("lexicons/spacy_en/en_lexeme_cluster.json.gz"));
    let mut tagger = TaggerConfig {
        clusters,
        ..TaggerConfig::default()
    };
    if let Some(e) = flag("--tagger-epochs") {
        tagger.epochs = e.parse()?;
    }
    if let Some(b) = flag("--tagger-bits") {
        tagger.xpos_bits = b.parse()?;
    }
    let with_dev = args.iter().any(|a| a == "--with-dev");
    tagger.with_dev = with_dev;
    if let Some(b) = flag("--second-pass-bits") {
        tagger.xpos2_bits = b.parse()?;
    }
    if what == "tagger" || what == "all" {
        let report =
            train_tagger_with(&tagger, &train, &dev, &models.join("tagger.bin"), &progress)?;
        println!("{}", serde_json::to_string_pretty(&report)?);
    }
    if what == "parser" || what == "all" {
        let mut config = ParserConfig {
            tagger: TaggerConfig {
                epochs: 5,
                with_dev: false,
                ..tagger
            },
            with_dev,
            ..ParserConfig::default()
        };
        if let Some(k) = flag("--jackknife") {
            config.jackknife_folds = k.parse()?;
        }
        if let Some(b) = flag("--action-bits") {
            config.action_bits = b.parse()?;
        }
        config.jackknife_cache = flag("--jackknife-cache").map(PathBuf::from);
        if let Some(b) = flag("--label-bits") {
            config.label_bits = b.parse()?;
        }
        if let Some(v) = flag("--seed") {
            config.seed = v.parse()?;
        }
        if let Some(e) = flag("--epochs") {
            config.epochs = e.parse()?;
        }
        if let Some(e) = flag("--select-from") {
            config.select_from = e.parse()?;
        } else if with_dev {
            config.select_from = config.epochs;
        }
        if let Some(p) = flag("--explore-p") {
            config.explore_p = p.parse()?;
        }
        if let Some(e) = flag("--explore-from") {
            config.explore_from = e.parse()?;
        }
        if let Some(m) = flag("--mix") {
            config.mix = m.parse()?;
        }
        if args.iter().any(|a| a == "--gold-copy") {
            config.gold_copy = true;
        }
        if let Some(q) = flag("--clip") {
            config.clip_quantile = q.parse()?;
        }
        let report =
            train_parser_with(&config, &train, &dev, &models.join("parser.bin"), &progress)?;
        println!("{}", serde_json::to_string_pretty(&report)?);
    }
    Ok(())
}
