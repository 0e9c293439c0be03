//! The seed article's events read off the dependency parse (issue 3): for every coded event,
//! how its trigger sits in the parse (its relation and head, a passive auxiliary, a reporting
//! verb above it) and the path from the source's and the target's head words to the trigger.
//! Pinned as a golden file: a change of the parser or of the coder's reading of it shows up
//! here as a diff to review (passives such as "should be considered closed", reported speech
//! such as "reported Sunday that the White House gave …").

use dyad_pipeline::{Pipeline, PipelineOptions};
use dyad_types::{Actor, Analysis, Document, Token};

fn seed_analysis() -> Option<Analysis> {
    let path = dyad_testkit::shared_file("seed/article.txt")?;
    let raw = std::fs::read_to_string(path).expect("seed article");
    let mut doc = Document::from_text(dyad_readers::clean_text(&raw));
    doc.published = Some("2025-12-03".into());
    let pipeline = Pipeline::standard(&PipelineOptions::default()).expect("models");
    Some(pipeline.analyze(doc))
}

/// The sentence's tokens and the index (within them) of the token starting at byte `start`
/// or of the head of the words inside `start..end`.
fn head_within(tokens: &[Token], start: usize, end: usize) -> Option<usize> {
    let inside: Vec<usize> = (0..tokens.len())
        .filter(|&i| tokens[i].start >= start && tokens[i].end <= end)
        .collect();
    inside
        .iter()
        .copied()
        .find(|&i| tokens[i].head.is_none_or(|h| !inside.contains(&h)))
}

/// The relations from word `from` up to the first word that dominates `to`, then those from
/// `to` up to it: "nsubj" for a subject of the trigger, "obj" for its object, "nsubj / ccomp"
/// for a subject of the clause the trigger hangs under.
fn path(tokens: &[Token], from: usize, to: usize) -> String {
    let ancestors = |mut i: usize| {
        let mut chain = vec![i];
        while let Some(h) = tokens[i].head.filter(|&h| h != i && !chain.contains(&h)) {
            chain.push(h);
            i = h;
        }
        chain
    };
    let (up, down) = (ancestors(from), ancestors(to));
    let Some(meet) = up.iter().position(|i| down.contains(i)) else {
        return "no path".into();
    };
    let rels = |chain: &[usize]| {
        chain
            .iter()
            .map(|&i| tokens[i].deprel.as_str())
            .collect::<Vec<_>>()
            .join(">")
    };
    let from_side = rels(&up[..meet]);
    let to_side = rels(&down[..down.iter().position(|&i| i == up[meet]).unwrap()]);
    match (from_side.is_empty(), to_side.is_empty()) {
        (true, true) => "self".into(),
        (false, true) => from_side,
        _ => format!("{from_side} / {to_side}"),
    }
}

fn participant(analysis: &Analysis, tokens: &[Token], actor: &Actor, trigger: usize) -> String {
    let text = analysis.doc.text.as_str();
    match head_within(tokens, actor.start, actor.end) {
        Some(head) => {
            let word = &text[tokens[head].start..tokens[head].end];
            let code = actor.code.as_deref().unwrap_or("-");
            format!("{code} \"{word}\" {}", path(tokens, head, trigger))
        }
        None => "outside the sentence".into(),
    }
}

fn render(analysis: &Analysis) -> String {
    let text = analysis.doc.text.as_str();
    let mut out = String::new();
    for event in &analysis.events {
        let sentence = analysis.sentences[event.sentence];
        let tokens = &analysis.tokens[sentence.first_token..sentence.last_token];
        let Some(trigger) = head_within(tokens, event.trigger.start, event.trigger.end) else {
            out.push_str(&format!("{} trigger outside its sentence\n", event.cameo));
            continue;
        };
        let t = &tokens[trigger];
        let head = t
            .head
            .filter(|&h| h != trigger)
            .map_or("root".to_string(), |h| {
                text[tokens[h].start..tokens[h].end].to_string()
            });
        let passive = tokens
            .iter()
            .any(|c| c.head == Some(trigger) && c.deprel == "aux:pass");
        let reported = tokens.iter().enumerate().any(|(i, c)| {
            matches!(c.lemma.as_str(), "say" | "report" | "tell" | "announce")
                && path(tokens, trigger, i)
                    .split(" / ")
                    .next()
                    .is_some_and(|p| p.split('>').any(|r| matches!(r, "ccomp" | "parataxis")))
        });
        out.push_str(&format!(
            "s{} {} \"{}\" {}<-{}{}{}\n  source {}\n",
            event.sentence,
            event.cameo,
            event.trigger.text,
            t.deprel,
            head,
            if passive { " passive" } else { "" },
            if reported { " reported" } else { "" },
            participant(analysis, tokens, &event.source, trigger),
        ));
        if let Some(target) = &event.target {
            out.push_str(&format!(
                "  target {}\n",
                participant(analysis, tokens, target, trigger)
            ));
        }
    }
    out
}

#[test]
fn seed_events_are_read_off_the_parse() {
    let Some(analysis) = seed_analysis() else {
        return;
    };
    assert!(
        analysis.events.len() >= 10,
        "{} events",
        analysis.events.len()
    );
    // Every source and target the coder picked in the trigger's sentence is joined to the
    // trigger by the parse within a few arcs.
    for event in &analysis.events {
        let sentence = analysis.sentences[event.sentence];
        let tokens = &analysis.tokens[sentence.first_token..sentence.last_token];
        let trigger = head_within(tokens, event.trigger.start, event.trigger.end).unwrap();
        for actor in std::iter::once(&event.source).chain(event.target.as_ref()) {
            if let Some(head) = head_within(tokens, actor.start, actor.end) {
                let arcs = path(tokens, head, trigger).matches(['>', '/']).count() + 1;
                assert!(arcs <= 6, "{}: {arcs} arcs", event.trigger.text);
            }
        }
    }
    insta::assert_snapshot!(render(&analysis));
}
