//! Prints the parse the quote stage sees, one token a line:
//! `cargo run -p dyad-quotes --example parse -- FILE`.
#![allow(clippy::print_stdout, clippy::print_stderr)]
use dyad_types::{Analysis, Document, Stage};

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: parse FILE");
        std::process::exit(2);
    };
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("cannot read {path}");
        std::process::exit(1);
    };
    let mut a = Analysis::new(Document::from_text(text));
    let (s, t) = dyad_segment::Segmenter::new().segment(&a.doc.text);
    a.sentences = s;
    a.tokens = t;
    match dyad_syntax::SyntaxStage::embedded() {
        Ok(stage) => stage.process(&mut a),
        Err(e) => {
            eprintln!("syntax models: {e}");
            std::process::exit(1);
        }
    }
    for (si, s) in a.sentences.iter().enumerate() {
        println!("# {si} {}", &a.doc.text[s.start..s.end]);
        for (i, t) in a.sentence_tokens(si).iter().enumerate() {
            let head = t.head.map_or("-".to_string(), |h| h.to_string());
            let word = t.text(&a.doc.text);
            println!(
                "{i}\t{word}\t{}\t{}\t{}\t{head}\t{}",
                t.upos, t.xpos, t.lemma, t.deprel
            );
        }
    }
}
