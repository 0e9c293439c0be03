//! `dyad eval extract` without the rest of dyad, for a quick optimised build:
//!
//! ```text
//! cargo run --release -p dyad-readers --example extract_eval -- ../shared/data/html/scrapinghub [PRED.jsonl]
//! ```
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::PathBuf;

fn main() {
    let mut args = std::env::args_os().skip(1).map(PathBuf::from);
    let Some(dir) = args.next() else {
        eprintln!("usage: extract_eval DATASET_DIR [PREDICTIONS.jsonl]");
        std::process::exit(2);
    };
    let out = args.next();
    match dyad_readers::eval::evaluate_dir(&dir, out.as_deref()) {
        Ok(scores) => println!("{}", scores.to_table()),
        Err(message) => {
            eprintln!("extract_eval: {message}");
            std::process::exit(1);
        }
    }
}
