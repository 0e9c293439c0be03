//! Scores the committed models on UD English test (or given) files and measures speed.
//!
//! `cargo run --release -p dyad-syntax --example eval -- [FILE.conllu…]` (models from
//! `$DYAD_SYNTAX_MODELS`, default `models/`)
#![allow(clippy::print_stdout)]
use std::path::PathBuf;
use std::time::Instant;

use dyad_syntax::{conllu::read_conllu, eval::evaluate_ud, Parser, Tagger};

/// CPU time of this thread so far (Linux), which a busy shared machine does not inflate.
fn thread_cpu_seconds() -> Option<f64> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = text.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let data = PathBuf::from(
        std::env::var("DYAD_SHARED_DATA").unwrap_or_else(|_| "../shared/data".into()),
    );
    let mut files: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    if files.is_empty() {
        files = vec![
            data.join("ud/en_ewt/en_ewt-ud-test.conllu"),
            data.join("ud/en_gum/en_gum-ud-test.conllu"),
        ];
    }
    let models = std::env::var("DYAD_SYNTAX_MODELS").map_or_else(
        |_| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("models"),
        PathBuf::from,
    );
    let tagger = Tagger::load(&models.join("tagger.bin"))?;
    let parser = Parser::load(&models.join("parser.bin"))?;
    for file in &files {
        let start = Instant::now();
        let scores = evaluate_ud(file, &tagger, &parser)?;
        let secs = start.elapsed().as_secs_f64();
        println!("{}", file.display());
        print!("{}", scores.to_table());
        println!("{}", serde_json::to_string(&scores)?);
        println!(
            "(read+tag+parse+score: {:.0} words/s)",
            scores.words as f64 / secs
        );
        let sentences = read_conllu(file)?;
        if let Ok(dump) = std::env::var("DYAD_SYNTAX_DUMP") {
            // One line per word: form, gold and predicted UPOS, XPOS, head, relation.
            let mut out = String::new();
            for s in &sentences {
                let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
                let tags = tagger.tag(&words);
                let upos: Vec<&str> = tags.iter().map(|t| t.upos).collect();
                let xpos: Vec<&str> = tags.iter().map(|t| t.xpos.as_str()).collect();
                let tree = parser.parse(&words, &upos, &xpos);
                for (i, (t, (h, rel))) in tags.iter().zip(&tree).enumerate() {
                    out.push_str(&format!(
                        "{}\t{}\t{}\t{}\t{}\t{:?}\t{:?}\t{}\t{}\n",
                        s.words[i],
                        s.upos[i],
                        t.upos,
                        s.xpos[i],
                        t.xpos,
                        s.heads[i],
                        h,
                        s.deprels[i],
                        rel
                    ));
                }
                out.push('\n');
            }
            std::fs::write(&dump, out)?;
        }
        let sentences: Vec<Vec<&str>> = sentences
            .iter()
            .map(|s| s.words.iter().map(String::as_str).collect())
            .collect();
        let mut tag_cpu = f64::MAX;
        for _ in 0..3 {
            let cpu = thread_cpu_seconds();
            let n: usize = sentences.iter().map(|s| tagger.tag(s).len()).sum();
            assert_eq!(n, scores.words);
            if let (Some(a), Some(b)) = (cpu, thread_cpu_seconds()) {
                tag_cpu = tag_cpu.min(b - a);
            }
        }
        println!(
            "tag only: {:.0} words per CPU second",
            scores.words as f64 / tag_cpu
        );
        let mut best = f64::MAX;
        let mut best_cpu = f64::MAX;
        for _ in 0..5 {
            let start = Instant::now();
            let cpu = thread_cpu_seconds();
            let mut roots = 0;
            for s in &sentences {
                let tags = tagger.tag(s);
                let upos: Vec<&str> = tags.iter().map(|t| t.upos).collect();
                let xpos: Vec<&str> = tags.iter().map(|t| t.xpos.as_str()).collect();
                roots += parser
                    .parse(s, &upos, &xpos)
                    .iter()
                    .filter(|(h, _)| h.is_none())
                    .count();
            }
            assert_eq!(roots, sentences.len());
            best = best.min(start.elapsed().as_secs_f64());
            if let (Some(a), Some(b)) = (cpu, thread_cpu_seconds()) {
                best_cpu = best_cpu.min(b - a);
            }
        }
        println!(
            "tag+parse, one thread, best of 5: {:.0} words/s wall, {:.0} words per CPU second\n",
            scores.words as f64 / best,
            scores.words as f64 / best_cpu
        );
    }
    Ok(())
}
