//! Prints token and sentence scores of the built-in segmenter on UD CoNLL-U files
//! (default: the EWT and GUM test sets), as tables and one JSON line each.
//!
//! ```text
//! cargo run --release -p dyad-segment --example segment_eval [-- FILE.conllu ...]
//! ```
#![allow(clippy::print_stdout)]

use std::path::{Path, PathBuf};

use dyad_segment::eval::evaluate_conllu;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut files: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    if files.is_empty() {
        let shared = std::env::var_os("DYAD_SHARED_DATA")
            .map(PathBuf::from)
            .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"));
        files.push(shared.join("ud/en_ewt/en_ewt-ud-test.conllu"));
        files.push(shared.join("ud/en_gum/en_gum-ud-test.conllu"));
    }
    for file in &files {
        let scores = evaluate_conllu(file)?;
        print!("{}", scores.to_table());
        println!("{}", serde_json::to_string(&scores)?);
    }
    Ok(())
}
