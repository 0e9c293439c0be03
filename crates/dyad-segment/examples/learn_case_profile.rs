//! Writes `data/case_profile.tsv`: how each frequent word behaves around sentence boundaries
//! (see `dyad_segment::case_profile`), counted from UD EWT and GUM train (gold sentences).
//!
//! ```text
//! cargo run --release -p dyad-segment --example learn_case_profile -- [WORDS] [--news]
//! ```
//! Reads `ud/en_ewt` and `ud/en_gum` under `$DYAD_SHARED_DATA`, else `../shared/data` beside
//! the repository. Keeps the WORDS (default 50,000) most frequent words seen at least
//! `case_profile::MIN_COUNT` (30) times. `--news` also counts BBC news text (`news/bbc.jsonl`, sentences found
//! by punctuation), for experiments only: the BBC texts are for research use, so a table
//! derived from them is not committed.
#![allow(clippy::print_stdout)]

use std::path::{Path, PathBuf};

use dyad_segment::case_profile::{news_texts, punctuation_starts, Counter};
use dyad_segment::conllu::read_documents;
use dyad_segment::Segmenter;

fn shared() -> PathBuf {
    std::env::var_os("DYAD_SHARED_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"))
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let limit: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(50_000);
    let data = shared();
    let segmenter = Segmenter::new();
    let mut counter = Counter::default();
    for file in [
        "ud/en_ewt/en_ewt-ud-train.conllu",
        "ud/en_gum/en_gum-ud-train.conllu",
    ] {
        for doc in read_documents(&data.join(file))? {
            counter.add(
                &doc.text,
                &segmenter.tokenize(&doc.text),
                &doc.sentence_starts,
            );
        }
    }
    if std::env::args().any(|a| a == "--news") {
        for text in news_texts(&std::fs::read_to_string(data.join("news/bbc.jsonl"))?) {
            let tokens = segmenter.tokenize(&text);
            counter.add(&text, &tokens, &punctuation_starts(&text, &tokens));
        }
    }
    let table = counter.profile(limit);
    let text = table.to_data();
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/case_profile.tsv");
    std::fs::write(&out, &text)?;
    println!(
        "{} words, {} bytes -> {}",
        table.len(),
        text.len(),
        out.display()
    );
    Ok(())
}
