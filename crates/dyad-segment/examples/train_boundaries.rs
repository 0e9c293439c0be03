//! Trains the sentence-boundary perceptron on UD EWT + GUM train, picks the decision
//! threshold on their dev sets, and writes `data/boundary_model.tsv`.
//!
//! ```text
//! cargo run --release -p dyad-segment --example train_boundaries [-- EPOCHS [--with-dev] [--threshold T] [--profiles]]
//! ```
//! With `--with-dev`, the model shipped is retrained on train + dev with the threshold and
//! epochs chosen on dev (the dev tables printed are those of the train-only model). With
//! `--threshold T`, the decision threshold is `T` instead of the one the dev sets choose
//! (the shipped model uses -4, the optimum of `boundary_cv`'s cross-validation on EWT
//! train, which pools six times as many sentences as the dev sets). With
//! `--profiles`, the model also uses the word-profile features (`data/case_profile.tsv`,
//! written by `learn_case_profile`); the shipped model does not.
//! Shared data is read from `$DYAD_SHARED_DATA`, else `../shared/data` beside the repository.
#![allow(clippy::print_stdout)]

use std::path::{Path, PathBuf};

use dyad_segment::boundary::{train_with_profile, TrainingDocument};
use dyad_segment::conllu::read_documents;
use dyad_segment::eval::evaluate_with;
use dyad_segment::{BoundaryModel, CaseProfile, Segmenter};

/// Perceptron margin, chosen on the dev sets (0, 2, 5, 10 tried).
const MARGIN: f32 = 10.0;

/// Data-order seeds of the perceptrons whose weights are averaged.
const SEEDS: [u64; 4] = [0x5eed, 0xbead, 0xcafe, 0xf00d];

fn shared() -> PathBuf {
    std::env::var_os("DYAD_SHARED_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"))
}

fn main() -> Result<(), dyad_segment::Error> {
    let epochs: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10);
    let with_dev = std::env::args().any(|a| a == "--with-dev");
    let fixed_threshold: Option<f32> = std::env::args()
        .skip_while(|a| a != "--threshold")
        .nth(1)
        .map(|a| a.parse().expect("--threshold takes a number"));
    let profiles = std::env::args()
        .any(|a| a == "--profiles")
        .then(CaseProfile::builtin);
    let ud = shared().join("ud");
    let segmenter = Segmenter::new();
    let load = |files: &[&str]| -> Result<Vec<TrainingDocument>, dyad_segment::Error> {
        let mut documents = Vec::new();
        for file in files {
            for doc in read_documents(&ud.join(file))? {
                let tokens = segmenter.tokenize(&doc.text);
                documents.push(TrainingDocument {
                    text: doc.text,
                    tokens,
                    sentence_starts: doc.sentence_starts,
                });
            }
        }
        Ok(documents)
    };
    let mut documents = load(&[
        "en_ewt/en_ewt-ud-train.conllu",
        "en_gum/en_gum-ud-train.conllu",
    ])?;
    let train_averaged = |documents: &[TrainingDocument]| {
        let models: Vec<BoundaryModel> = SEEDS
            .iter()
            .map(|&seed| train_with_profile(documents, epochs, seed, MARGIN, profiles))
            .collect();
        BoundaryModel::average(&models).unwrap_or_default()
    };
    let mut model = train_averaged(&documents);
    println!(
        "{} documents, {} non-zero weights",
        documents.len(),
        model.non_zero()
    );

    let dev = [
        ud.join("en_ewt/en_ewt-ud-dev.conllu"),
        ud.join("en_gum/en_gum-ud-dev.conllu"),
    ];
    let mut best = (f64::MIN, 0.0f32);
    for step in -12..=12 {
        let threshold = step as f32 * 2.0;
        model.set_threshold(threshold);
        let candidate = Segmenter::with_parts(segmenter.lexicon().clone(), model.clone());
        let mut total = 0.0;
        let mut line = format!("threshold {threshold:>5.2}:");
        for path in &dev {
            let scores = evaluate_with(&candidate, path)?;
            total += scores.sentence_f1;
            line.push_str(&format!(
                " {} sentence F1 {:.4}",
                scores.file, scores.sentence_f1
            ));
        }
        println!("{line}");
        if total > best.0 {
            best = (total, threshold);
        }
    }
    if let Some(fixed) = fixed_threshold {
        println!("threshold {fixed} given (dev would choose {})", best.1);
        best.1 = fixed;
    }
    model.set_threshold(best.1);
    let chosen = Segmenter::with_parts(segmenter.lexicon().clone(), model.clone());
    for path in &dev {
        print!("{}", evaluate_with(&chosen, path)?.to_table());
    }
    if with_dev {
        documents.extend(load(&[
            "en_ewt/en_ewt-ud-dev.conllu",
            "en_gum/en_gum-ud-dev.conllu",
        ])?);
        model = train_averaged(&documents);
        model.set_threshold(best.1);
        println!("retrained on train + dev: {} documents", documents.len());
    }
    let data = model.to_data(0.05);
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/boundary_model.tsv");
    std::fs::write(&out, &data).map_err(|source| dyad_segment::Error::Io {
        path: out.clone(),
        source,
    })?;
    println!(
        "threshold {}; wrote {} ({} bytes)",
        best.1,
        out.display(),
        data.len()
    );
    let chosen = Segmenter::with_parts(segmenter.lexicon().clone(), model);
    for path in &dev {
        print!("{}", evaluate_with(&chosen, path)?.to_table());
    }
    news_check(&chosen);
    Ok(())
}

/// On BBC news text (edited prose, where nearly every sentence ends in punctuation), counts
/// the sentences the model starts after a word rather than after punctuation or a line
/// break: a proxy for false splits inside names and titles.
fn news_check(segmenter: &Segmenter) {
    let Ok(content) = std::fs::read_to_string(shared().join("news/bbc.jsonl")) else {
        return;
    };
    let (mut sentences, mut after_word) = (0usize, 0usize);
    let mut examples = Vec::new();
    for line in content.lines().take(600) {
        let Ok(value) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let Some(text) = value.get("text").and_then(|t| t.as_str()) else {
            continue;
        };
        let (found, tokens) = segmenter.segment(text);
        for s in found.iter().skip(1) {
            sentences += 1;
            let previous = &tokens[s.first_token - 1];
            let gap = &text[previous.end..s.start];
            let last = previous.text(text);
            if !gap.contains('\n') && last.starts_with(char::is_alphanumeric) {
                after_word += 1;
                if examples.len() < 12 {
                    let from = text[..previous.start]
                        .char_indices()
                        .rev()
                        .nth(30)
                        .map_or(0, |c| c.0);
                    let to = text[s.start..]
                        .char_indices()
                        .nth(30)
                        .map_or(text.len(), |c| s.start + c.0);
                    examples.push(format!("{}|{}", &text[from..s.start], &text[s.start..to]));
                }
            }
        }
    }
    println!("BBC news: {after_word} of {sentences} sentences start after a word");
    for example in examples {
        println!("  {}", example.replace('\n', " "));
    }
}
