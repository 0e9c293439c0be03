//! The time each stage of the standard pipeline takes over a JSON Lines corpus (the
//! `text` of each line), and its share of the whole analysis: a measure of one stage's
//! cost that the load of a shared machine does not skew (the stages take turns on the
//! same articles in one process). Where Linux reports it (`/proc/thread-self/schedstat`),
//! the time is the thread's CPU time, so other processes on a busy machine do not inflate
//! it; otherwise wall time. The last line is the words per second of tokenising, tagging,
//! parsing and recognising names (segment + syntax + ner) on one thread.
//!
//! ```sh
//! cargo run --release -p dyad-pipeline --example stage_costs -- ../shared/data/news/bbc.jsonl
//! ```
#![allow(clippy::print_stdout, clippy::print_stderr)]

/// The allocator the `dyad` binary uses, so the figures are the program's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::time::{Duration, Instant};

use dyad_types::{Analysis, Document, Stage};

/// The CPU time this thread has run, when Linux reports it.
fn thread_cpu() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

/// A clock: the thread's CPU time where available, else the time since `start`.
fn now(start: Instant) -> Duration {
    thread_cpu().unwrap_or_else(|| start.elapsed())
}

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: stage_costs FILE.jsonl (one article a line, with a `text` field)");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("cannot read {path}: {error}");
            std::process::exit(1);
        }
    };
    let stages: Vec<Box<dyn Stage>> = vec![
        Box::new(dyad_segment::Segmenter::new()),
        Box::new(dyad_time::TimeStage::new()),
        Box::new(dyad_syntax::SyntaxStage::embedded().expect("tagger and parser models")),
        Box::new(dyad_ner::NerStage::embedded().expect("NER model")),
        Box::new(dyad_quotes::QuoteStage::new()),
        Box::new(dyad_coder::EventCoder::new()),
        Box::new(dyad_tone::ToneStage::new()),
    ];
    let mut spent = vec![Duration::ZERO; stages.len()];
    let mut articles = 0;
    let mut words = 0usize;
    let clock = if thread_cpu().is_some() {
        "thread CPU time"
    } else {
        "wall time"
    };
    let origin = Instant::now();
    for line in text.lines() {
        let Ok(value) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let Some(body) = value["text"].as_str() else {
            continue;
        };
        let mut analysis = Analysis::new(Document::from_text(body));
        for (stage, total) in stages.iter().zip(&mut spent) {
            let started = now(origin);
            stage.process(&mut analysis);
            *total += now(origin).saturating_sub(started);
        }
        words += analysis
            .tokens
            .iter()
            .filter(|t| !t.upos.is_empty() && t.upos != "PUNCT")
            .count();
        articles += 1;
    }
    let all: Duration = spent.iter().sum();
    println!(
        "{articles} articles, {words} words, {:.2} s of analysis ({clock})",
        all.as_secs_f64()
    );
    for (stage, total) in stages.iter().zip(&spent) {
        println!(
            "{:<60} {:>8.3} s {:>6.2}%",
            stage.name(),
            total.as_secs_f64(),
            100.0 * total.as_secs_f64() / all.as_secs_f64()
        );
    }
    let nlp: f64 = stages
        .iter()
        .zip(&spent)
        .filter(|(stage, _)| {
            let name = stage.name();
            ["segment", "syntax", "ner"]
                .iter()
                .any(|s| name.starts_with(&format!("{s}@")))
        })
        .map(|(_, t)| t.as_secs_f64())
        .sum();
    println!(
        "tokenise + tag + parse + NER: {nlp:.2} s, {:.0} words/s",
        words as f64 / nlp.max(f64::MIN_POSITIVE)
    );
}
