//! Scores the quote stage on the GUM attribution data:
//! `cargo run --release -p dyad-quotes --example gum_eval -- ../shared/data/attribution [all|tune|check] [--json]`.
#![allow(clippy::print_stdout, clippy::print_stderr)]
use dyad_quotes::eval::{evaluate_attribution_split, Split};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first() else {
        eprintln!("usage: eval DIR [all|tune|check] [--json]");
        std::process::exit(2);
    };
    let split = match args.get(1).map(String::as_str) {
        Some("tune") => Split::Tune,
        Some("check") => Split::Check,
        _ => Split::All,
    };
    match evaluate_attribution_split(std::path::Path::new(dir), split) {
        Ok(scores) => {
            print!("{}", scores.to_table());
            if args.iter().any(|a| a == "--json") {
                println!("{}", serde_json::to_string(&scores).unwrap_or_default());
            }
        }
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    }
}
