//! Shows why the coder coded what it did: for each sentence of a text file, its words with
//! their tags and dependency heads, the actor mentions the resolver found (with codes), and
//! the events coded (source, CAMEO code, target, mode).
//!
//! ```text
//! cargo run --release -p dyad-pipeline --example explain -- FILE.txt [YYYY-MM-DD]
//! ```
#![allow(clippy::print_stdout)]

use dyad_actors::ActorResolver;
use dyad_types::Document;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: explain FILE.txt [YYYY-MM-DD]")?;
    let date = args.next();
    let mut doc = Document::from_text(&std::fs::read_to_string(&path)?);
    doc.published.clone_from(&date);
    let pipeline = dyad_pipeline::Pipeline::standard(&Default::default())?;
    let analysis = pipeline.analyze(doc);
    let mentions = ActorResolver::embedded().resolve(&analysis, date.as_deref());
    for (s, sentence) in analysis.sentences.iter().enumerate() {
        println!(
            "\n[{s}] {}",
            &analysis.doc.text[sentence.start..sentence.end]
        );
        for i in sentence.first_token..sentence.last_token {
            let t = &analysis.tokens[i];
            let head = t.head.map_or("root".to_string(), |h| {
                (h + sentence.first_token).to_string()
            });
            println!(
                "  {i:>3} {:<18} {:<14} {:<5} {:<4} {:>4} {}",
                analysis.token_text(t),
                t.lemma,
                t.upos,
                t.xpos,
                head,
                t.deprel
            );
        }
        for e in analysis
            .entities
            .iter()
            .filter(|e| e.start >= sentence.start && e.end <= sentence.end)
        {
            println!(
                "  entity {:?} {:?}",
                e.kind,
                &analysis.doc.text[e.start..e.end]
            );
        }
        for m in mentions.iter().filter(|m| m.sentence == s) {
            println!(
                "  mention {}..{} head {} {:?} = {:?} ({:?}{})",
                m.first_token,
                m.end_token,
                m.head_token,
                m.actor.text,
                m.actor.code,
                m.kind,
                if m.coreferent { ", coreferent" } else { "" }
            );
        }
        for e in analysis.events.iter().filter(|e| e.sentence == s) {
            let side = |a: Option<&dyad_types::Actor>| {
                a.map_or("-".to_string(), |a| {
                    format!("{}={}", a.text, a.code.as_deref().unwrap_or("None"))
                })
            };
            println!(
                "  event {} --{} ({}; {:?})--> {}",
                side(Some(&e.source)),
                e.cameo,
                e.trigger.text,
                e.mode,
                side(e.target.as_ref())
            );
        }
    }
    Ok(())
}
