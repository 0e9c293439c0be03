//! Throughput of the tagger on one thread: `timex_speed FILE.jsonl|DIR [--dct YYYY-MM-DD]`.
//!
//! Reads every `.txt` under a folder (or the `text` of each JSONL line), tags all texts
//! three times and prints megabytes per second and the number of expressions found.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::Path;
use std::time::Instant;

use dyad_time::{parse_dct, TimexTagger};

fn collect(path: &Path, out: &mut Vec<String>) {
    if path.is_dir() {
        let mut entries: Vec<_> = std::fs::read_dir(path)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .collect();
        entries.sort();
        for p in entries {
            collect(&p, out);
        }
    } else if path.extension().is_some_and(|e| e == "txt") {
        out.extend(std::fs::read_to_string(path).ok());
    } else if path.extension().is_some_and(|e| e == "jsonl") {
        for line in std::fs::read_to_string(path).unwrap_or_default().lines() {
            if let Ok(v) = serde_json::from_str::<serde_json::Value>(line) {
                out.extend(v["text"].as_str().map(str::to_string));
            }
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(input) = args.first() else {
        eprintln!("usage: timex_speed FILE.jsonl|DIR [--dct YYYY-MM-DD]");
        std::process::exit(2);
    };
    let dct = args
        .iter()
        .position(|a| a == "--dct")
        .and_then(|i| args.get(i + 1))
        .map(|d| parse_dct(d).expect("bad --dct"));
    let dct = dct.or_else(|| parse_dct("2005-01-01").ok());
    let mut texts = Vec::new();
    collect(Path::new(input), &mut texts);
    let bytes: usize = texts.iter().map(String::len).sum();
    let tagger = TimexTagger::new();
    let mut best = f64::MAX;
    let mut found = 0;
    for _ in 0..3 {
        let start = Instant::now();
        found = 0;
        for text in &texts {
            let timexes = tagger.tag(text, dct);
            assert!(timexes.iter().all(|t| t.end <= text.len()));
            found += timexes.len();
        }
        best = best.min(start.elapsed().as_secs_f64());
    }
    println!(
        "{} texts, {:.2} MB, {} timexes, best of 3: {:.3} s = {:.2} MB/s (one thread)",
        texts.len(),
        bytes as f64 / 1e6,
        found,
        best,
        bytes as f64 / 1e6 / best
    );
}
