//! Scores the parser on CoNLL-U files at several beam widths, tagging each file once: UAS,
//! LAS (universal and full relation) and the thread CPU time of parsing.
//!
//! `cargo run --release -p dyad-syntax --example beam -- WIDTHS FILE.conllu…` with `WIDTHS`
//! such as `1,2,4,8` (`4t90p1.5`: width 4 at temperature 90, states 1.5 below the best
//! pruned; without `t` or `p` the defaults of `dyad_syntax`); models from
//! `$DYAD_SYNTAX_MODELS`, default `models/`.
#![allow(clippy::print_stdout)]
use std::path::PathBuf;

use dyad_syntax::{conllu::read_conllu, Parser, Tagger, BEAM_PRUNE, BEAM_TEMPERATURE};

/// CPU time of this thread so far (Linux).
fn thread_cpu_seconds() -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|t| t.split_whitespace().next()?.parse::<f64>().ok())
        .map_or(0.0, |ns| ns / 1e9)
}

fn universal(rel: &str) -> &str {
    rel.split(':').next().unwrap_or(rel)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let widths = args.next().ok_or("usage: beam WIDTHS FILE…")?;
    let files: Vec<PathBuf> = args.map(PathBuf::from).collect();
    let models = std::env::var("DYAD_SYNTAX_MODELS").map_or_else(
        |_| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("models"),
        PathBuf::from,
    );
    let tagger = Tagger::load(&models.join("tagger.bin"))?;
    let parser = Parser::load(&models.join("parser.bin"))?;
    for file in &files {
        let gold = read_conllu(file)?;
        let tagged: Vec<(Vec<&str>, Vec<&'static str>, Vec<String>)> = gold
            .iter()
            .map(|s| {
                let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
                let tags = tagger.tag(&words);
                let upos = tags.iter().map(|t| t.upos).collect();
                let xpos = tags.iter().map(|t| t.xpos.clone()).collect();
                (words, upos, xpos)
            })
            .collect();
        for w in widths.split(',') {
            let (w2, p) = w.split_once('p').map_or((w, BEAM_PRUNE), |(a, p)| {
                (a, p.parse().unwrap_or(BEAM_PRUNE))
            });
            let (k, t) = w2.split_once('t').map_or((w2, BEAM_TEMPERATURE), |(a, t)| {
                (a, t.parse().unwrap_or(BEAM_TEMPERATURE))
            });
            let parser = parser.clone().with_beam(k.parse()?, t, p);
            let (mut uas, mut las, mut full, mut n) = (0usize, 0usize, 0usize, 0usize);
            let start = thread_cpu_seconds();
            let trees: Vec<_> = tagged
                .iter()
                .map(|(words, upos, xpos)| parser.parse(words, upos, xpos))
                .collect();
            let cpu = thread_cpu_seconds() - start;
            for (s, tree) in gold.iter().zip(&trees) {
                for (i, (head, rel)) in tree.iter().enumerate() {
                    let ok = *head == s.heads[i];
                    uas += usize::from(ok);
                    las += usize::from(ok && universal(rel) == universal(&s.deprels[i]));
                    full += usize::from(ok && *rel == s.deprels[i]);
                    n += 1;
                }
            }
            let pct = |v: usize| 100.0 * v as f64 / n.max(1) as f64;
            println!(
                "{}\tbeam {w}\tUAS {:.2}\tLAS {:.2}\tLAS full {:.2}\tparse {:.0} words/CPU s",
                file.file_name()
                    .map_or_else(String::new, |f| f.to_string_lossy().into()),
                pct(uas),
                pct(las),
                pct(full),
                n as f64 / cpu.max(1e-9)
            );
        }
    }
    Ok(())
}
