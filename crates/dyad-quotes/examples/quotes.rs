//! Prints the quotes of a text file: `cargo run -p dyad-quotes --example quotes -- FILE`.
#![allow(clippy::print_stdout, clippy::print_stderr)]
use dyad_types::{Analysis, Document, Stage};

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: quotes FILE");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let mut analysis = Analysis::new(Document::from_text(text));
    let (sentences, tokens) = dyad_segment::Segmenter::new().segment(&analysis.doc.text);
    analysis.sentences = sentences;
    analysis.tokens = tokens;
    match dyad_syntax::SyntaxStage::embedded() {
        Ok(stage) => stage.process(&mut analysis),
        Err(e) => {
            eprintln!("syntax models: {e}");
            std::process::exit(1);
        }
    }
    for q in dyad_quotes::find_quotes(&analysis) {
        let speaker = q.speaker.as_ref().map_or("-", |s| s.text.as_str());
        println!(
            "{:?}\t[{}]\tcue={:?}\tvia={:?}\t{}",
            q.kind,
            speaker,
            q.cue.unwrap_or_default(),
            q.via,
            q.text
        );
    }
}
