//! Tags and parses a CoNLL-U file's sentences once (for profilers such as
//! `valgrind --tool=callgrind --toggle-collect=*tag_and_parse*`).
//!
//! `cargo run --release -p dyad-syntax --example speed -- FILE.conllu [PASSES]`
#![allow(clippy::print_stdout)]
use std::path::PathBuf;
use std::time::Instant;

use dyad_syntax::{conllu::read_conllu, Parser, Tagger};

#[inline(never)]
fn tag_and_parse(tagger: &Tagger, parser: &Parser, sentences: &[Vec<&str>]) -> usize {
    let mut roots = 0;
    for s in sentences {
        let tags = tagger.tag(s);
        let upos: Vec<&str> = tags.iter().map(|t| t.upos).collect();
        let xpos: Vec<&str> = tags.iter().map(|t| t.xpos.as_str()).collect();
        roots += parser
            .parse(s, &upos, &xpos)
            .iter()
            .filter(|(h, _)| h.is_none())
            .count();
    }
    roots
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let file = PathBuf::from(args.first().ok_or("usage: speed FILE.conllu [PASSES]")?);
    let passes: usize = args.get(1).map_or(Ok(1), |p| p.parse())?;
    let models = std::env::var("DYAD_SYNTAX_MODELS").map_or_else(
        |_| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("models"),
        PathBuf::from,
    );
    let tagger = Tagger::load(&models.join("tagger.bin"))?;
    let parser = Parser::load(&models.join("parser.bin"))?;
    let gold = read_conllu(&file)?;
    let sentences: Vec<Vec<&str>> = gold
        .iter()
        .map(|s| s.words.iter().map(String::as_str).collect())
        .collect();
    let words: usize = sentences.iter().map(Vec::len).sum();
    let start = Instant::now();
    for _ in 0..passes {
        let roots = tag_and_parse(&tagger, &parser, &sentences);
        assert_eq!(roots, sentences.len());
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{words} words x {passes}: {:.0} words/s",
        (words * passes) as f64 / secs
    );
    Ok(())
}
