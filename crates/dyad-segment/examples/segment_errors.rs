//! Lists segmentation errors on a CoNLL-U file (for error analysis on train/dev sets).
//!
//! ```text
//! cargo run --release -p dyad-segment --example segment_errors -- FILE.conllu [tokens|sentences]
//! ```
#![allow(clippy::print_stdout)]

use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;

use dyad_segment::conllu::read_documents;
use dyad_segment::Segmenter;

fn main() -> Result<(), dyad_segment::Error> {
    let mut args = std::env::args().skip(1);
    let path = PathBuf::from(args.next().unwrap_or_default());
    let mode = args.next().unwrap_or_else(|| "tokens".into());
    let segmenter = Segmenter::new();
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for doc in read_documents(&path)? {
        let (sentences, tokens) = segmenter.segment(&doc.text);
        let text = &doc.text;
        let window = |at: usize| {
            let mut a = at.saturating_sub(40);
            while !text.is_char_boundary(a) {
                a -= 1;
            }
            let mut b = (at + 40).min(text.len());
            while !text.is_char_boundary(b) {
                b += 1;
            }
            format!("{}|{}", &text[a..at], &text[at..b])
        };
        if mode == "tokens" {
            let predicted: HashSet<(usize, usize)> =
                tokens.iter().map(|t| (t.start, t.end)).collect();
            let gold: HashSet<(usize, usize)> = doc.tokens.iter().copied().collect();
            for &(s, e) in gold.difference(&predicted) {
                *counts.entry(format!("missed {}", &text[s..e])).or_default() += 1;
            }
            for &(s, e) in predicted.difference(&gold) {
                *counts.entry(format!("extra  {}", &text[s..e])).or_default() += 1;
            }
        } else {
            let predicted: HashSet<usize> = sentences.iter().map(|s| s.start).collect();
            let gold: HashSet<usize> = doc.sentence_starts.iter().copied().collect();
            for &s in gold.difference(&predicted) {
                println!("MISSED {}", window(s));
            }
            for &s in predicted.difference(&gold) {
                println!("EXTRA  {}", window(s));
            }
        }
    }
    let mut sorted: Vec<(String, usize)> = counts.into_iter().collect();
    sorted.sort_by_key(|entry| std::cmp::Reverse(entry.1));
    for (what, n) in sorted.iter().take(80) {
        println!("{n:>4} {what}");
    }
    Ok(())
}
