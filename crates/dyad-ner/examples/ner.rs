//! Train, evaluate and time the recogniser:
//!
//! ```text
//! cargo run --release -p dyad-ner --example ner -- train-default OUT.bin SHARED_DATA_DIR
//! cargo run --release -p dyad-ner --example ner -- train OUT.bin DEV TRAIN...
//! cargo run --release -p dyad-ner --example ner -- eval MODEL.bin GOLD...
//! cargo run --release -p dyad-ner --example ner -- speed MODEL.bin GOLD
//! cargo run --release -p dyad-ner --example ner -- errors MODEL.bin GOLD
//! ```
//!
//! `MODEL.bin` may be `embedded` (the model built into the library). Environment variables
//! for experiments with `train`: `NER_LOWER` (share of lowercased copies; setting it switches
//! to explicit options, with `DYAD_SHARED_DATA`), `NER_EPOCHS`, `NER_FIXED`, `NER_ROWS`,
//! `NER_WEB`, `NER_SEED`, `NER_STAGE2` (jackknife folds of a second stage; 0 = one stage),
//! `NER_STAGE2_EPOCHS`, `NER_RUNS` (0: no features of runs of capitalised words),
//! `NER_ORACLE` (0 static, 1 skip unreachable gold labels, 2 dynamic, the default;
//! [`dyad_ner::oracle`]), `NER_SEEDS` (models of different shuffling seeds averaged into one;
//! 1 = one). Unset, they train like the shipped model; `scripts/ner_folds.py` runs the
//! held-out UNER dev folds with them.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::{Path, PathBuf};
use std::time::Instant;

use dyad_ner::oracle::Oracle;
use dyad_ner::{corpus, eval, train, Recognizer};

fn main() {
    if let Err(e) = run() {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("train") if args.len() >= 4 => {
            let out = PathBuf::from(&args[1]);
            let dev = PathBuf::from(&args[2]);
            let paths: Vec<PathBuf> = args[3..].iter().map(PathBuf::from).collect();
            let report = match std::env::var("NER_LOWER") {
                Ok(share) => {
                    let shared = PathBuf::from(std::env::var("DYAD_SHARED_DATA")?);
                    let options = train::TrainOptions {
                        shared_data: shared,
                        max_epochs: std::env::var("NER_EPOCHS").map_or(Ok(14), |v| v.parse())?,
                        select_epoch: std::env::var("NER_FIXED").is_err(),
                        max_rows: std::env::var("NER_ROWS")
                            .map_or(Ok(train::MAX_ROWS), |v| v.parse())?,
                        seed: std::env::var("NER_SEED").map_or(Ok(0x5eed), |v| v.parse())?,
                        lowercase_share: share.parse()?,
                        web_copies: std::env::var("NER_WEB")
                            .map_or(Ok(train::WEB_COPIES), |v| v.parse())?,
                        stage_two_folds: std::env::var("NER_STAGE2")
                            .map_or(Ok(0), |v| v.parse())?,
                        stage_two_fold_epochs: std::env::var("NER_STAGE2_EPOCHS")
                            .map_or(Ok(train::FIXED_EPOCHS), |v| v.parse())?,
                        capitalised_runs: std::env::var("NER_RUNS").map_or(true, |v| v != "0"),
                        oracle: std::env::var("NER_ORACLE").map_or(Ok(Oracle::Dynamic), |v| {
                            Oracle::parse(&v).ok_or("NER_ORACLE: 0, 1 or 2")
                        })?,
                        seed_models: std::env::var("NER_SEEDS").map_or(Ok(1), |v| v.parse())?,
                    };
                    train::train_with(&paths, &dev, &out, &options, &|m| eprintln!("{m}"))?
                }
                Err(_) => train::train(&paths, &dev, &out, &|m| eprintln!("{m}"))?,
            };
            println!("{}", serde_json::to_string_pretty(&report)?);
        }
        Some("train-default") if args.len() == 3 => {
            let (paths, dev) = train::default_inputs(Path::new(&args[2]));
            let report = train::train(&paths, &dev, Path::new(&args[1]), &|m| eprintln!("{m}"))?;
            println!("{}", serde_json::to_string_pretty(&report)?);
        }
        Some("eval") if args.len() >= 3 => {
            let ner = load(&args[1])?;
            for gold in &args[2..] {
                let scores = eval::evaluate(Path::new(gold), &ner)?;
                println!("{gold}\n{}", scores.to_table());
                println!("{}", serde_json::to_string(&scores)?);
            }
        }
        Some("errors") if args.len() == 3 => {
            let ner = load(&args[1])?;
            let path = Path::new(&args[2]);
            let scheme = eval::Scheme::of(path);
            for doc in corpus::read(path)? {
                let words: Vec<Vec<&str>> = doc
                    .iter()
                    .map(|s| s.words.iter().map(String::as_str).collect())
                    .collect();
                let refs: Vec<&[&str]> = words.iter().map(Vec::as_slice).collect();
                for (s, found) in doc.iter().zip(ner.recognize_document(&refs)) {
                    for &(a, b, k) in found.iter().filter(|f| scheme.map(f.2).is_none()) {
                        println!("FX {}/{k:?}", s.words[a..b].join(" "));
                    }
                    let pred: Vec<(usize, usize, String)> = found
                        .into_iter()
                        .filter_map(|(a, b, k)| scheme.map(k).map(|k| (a, b, k.to_string())))
                        .collect();
                    let show = |v: &(usize, usize, String)| {
                        format!("{}/{}", s.words[v.0..v.1].join(" "), v.2)
                    };
                    for p in pred.iter().filter(|p| !s.spans.contains(p)) {
                        let overlap = s.spans.iter().any(|g| g.0 < p.1 && p.0 < g.1);
                        println!("FP{} {}", if overlap { "~" } else { "" }, show(p));
                    }
                    for g in s.spans.iter().filter(|g| {
                        !pred.contains(g) && (scheme == eval::Scheme::Conll || g.2 != "MISC")
                    }) {
                        println!("FN {}", show(g));
                    }
                }
            }
        }
        Some("speed") if args.len() == 3 => {
            let ner = load(&args[1])?;
            let docs = corpus::read(Path::new(&args[2]))?;
            let sentences: Vec<Vec<&str>> = docs
                .iter()
                .flatten()
                .map(|s| s.words.iter().map(String::as_str).collect())
                .collect();
            let words: usize = sentences.iter().map(Vec::len).sum();
            let cpu_start = thread_cpu_ns();
            let start = Instant::now();
            let mut found = 0;
            for _ in 0..5 {
                for s in &sentences {
                    found += ner.recognize(s).len();
                }
            }
            let secs = start.elapsed().as_secs_f64();
            let cpu = (thread_cpu_ns() - cpu_start) as f64 / 1e9;
            let n = 5.0 * words as f64;
            println!(
                "{words} words x5: wall {secs:.3}s = {:.0} words/s; on-CPU {cpu:.3}s = {:.0} words/s ({found} entities)",
                n / secs,
                n / cpu
            );
        }
        _ => {
            eprintln!(
                "usage: ner train OUT DEV TRAIN... | ner eval MODEL GOLD... | ner speed MODEL GOLD"
            );
            std::process::exit(2);
        }
    }
    Ok(())
}

/// Nanoseconds this thread has run on a CPU (Linux `schedstat`; 0 elsewhere), so that
/// timings on a busy machine count only our own time.
fn thread_cpu_ns() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next().and_then(|v| v.parse().ok()))
        .unwrap_or(0)
}

fn load(arg: &str) -> Result<Recognizer, dyad_ner::Error> {
    if arg == "embedded" {
        Recognizer::embedded()
    } else {
        Recognizer::load(Path::new(arg))
    }
}
