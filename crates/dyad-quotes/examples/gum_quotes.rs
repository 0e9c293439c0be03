//! Lists each attributed GUM quote with its gold source and the predicted speaker:
//! `cargo run --release -p dyad-quotes --example gum_quotes -- ../shared/data/attribution/gum_wikinews`.
#![allow(clippy::print_stdout, clippy::print_stderr)]
use dyad_quotes::eval::{document_names, load_document};
use dyad_types::{Analysis, Document, Stage};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::path::PathBuf::from(std::env::args().nth(1).ok_or("usage: gum_quotes DIR")?);
    let segmenter = dyad_segment::Segmenter::new();
    let syntax = dyad_syntax::SyntaxStage::embedded()?;
    let relations_too = std::env::args().any(|a| a == "--relations");
    for name in document_names(&dir)? {
        let doc = load_document(&dir, &name)?;
        let mut analysis = Analysis::new(Document::from_text(doc.text.clone()));
        let (sentences, tokens) = segmenter.segment(&analysis.doc.text);
        analysis.sentences = sentences;
        analysis.tokens = tokens;
        syntax.process(&mut analysis);
        let found = dyad_quotes::find_quotes_detailed(&analysis);
        let span_text = |ts: &[usize]| -> String {
            ts.iter()
                .map(|&t| &doc.text[doc.tokens[t].0..doc.tokens[t].1])
                .collect::<Vec<_>>()
                .join(" ")
        };
        for q in &doc.quotes {
            let Some(ri) = q.relation else { continue };
            let (s, e) = (doc.tokens[q.first].0, doc.tokens[q.end - 1].1);
            let best = found
                .iter()
                .filter(|f| f.quote.start < e && s < f.quote.end)
                .max_by_key(|f| f.quote.end.min(e) - f.quote.start.max(s));
            let predicted = best
                .and_then(|f| f.quote.speaker.as_ref())
                .map_or("-", |a| a.text.as_str());
            let gold = span_text(&doc.relations[ri].source);
            let excerpt: String = doc.text[s..e].chars().take(70).collect();
            println!("{name}\tgold=[{gold}]\tpred=[{predicted}]\t{excerpt}");
        }
        if relations_too {
            for f in &found {
                let sp = f.quote.speaker.as_ref().map_or("-", |a| a.text.as_str());
                let excerpt: String = f.quote.text.chars().take(70).collect();
                println!(
                    "{name}\tPRED\t{:?}\t[{sp}]\t{}\t{excerpt}",
                    f.quote.kind,
                    f.quote.cue.clone().unwrap_or_default()
                );
            }
            for r in &doc.relations {
                let c: String = span_text(&r.content).chars().take(70).collect();
                println!("{name}\tGOLD\t[{}]\t{c}", span_text(&r.source));
            }
        }
    }
    Ok(())
}
