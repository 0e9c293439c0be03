//! Tone and contexts on real news (every 4th article of the BBC corpus): events coded as
//! conflict read negative and cooperation positive, light topics read warmer than
//! politics, and most events get a context. The quad class comes from the coder's verb
//! lexicon, not from the tone lexicon, so this is a rough independent check (the full
//! corpus's figures are in docs/tone.md).

use std::collections::HashMap;

use dyad_pipeline::{Pipeline, PipelineOptions};
use dyad_types::Document;

fn mean(values: &[f64]) -> f64 {
    values.iter().sum::<f64>() / values.len().max(1) as f64
}

#[test]
fn conflict_reads_negative_and_cooperation_positive_on_bbc_news() {
    let Some(path) = dyad_testkit::shared_file("news/bbc.jsonl") else {
        return;
    };
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    let mut conflict = Vec::new();
    let mut cooperation = Vec::new();
    let mut by_topic: HashMap<String, Vec<f64>> = HashMap::new();
    let (mut events, mut with_context) = (0, 0);
    for line in text.lines().step_by(4) {
        let article: serde_json::Value = serde_json::from_str(line).unwrap();
        let topic = article["category"].as_str().unwrap().to_string();
        let analysis = pipeline.analyze(Document::from_text(article["text"].as_str().unwrap()));
        let tone = analysis.tone.expect("every record has a tone");
        assert!((tone.tone - (tone.positive - tone.negative)).abs() < 1e-3);
        by_topic.entry(topic).or_default().push(tone.tone);
        for event in &analysis.events {
            events += 1;
            with_context += usize::from(!event.contexts.is_empty());
            let t = event.tone.expect("every event has a tone");
            if event.quad_class >= 3 {
                conflict.push(t);
            } else {
                cooperation.push(t);
            }
        }
    }
    let (c, k) = (mean(&conflict), mean(&cooperation));
    // Enough events of each kind for the means to say something (about 100 and 150 on
    // this sample since the coder asks for a coded actor and a clause-bound target).
    assert!(
        conflict.len() > 60 && cooperation.len() > 60,
        "{} conflict and {} cooperation events",
        conflict.len(),
        cooperation.len()
    );
    assert!(c < -1.0 && k > 1.0, "conflict {c:.2}, cooperation {k:.2}");
    let politics = mean(&by_topic["politics"]);
    let entertainment = mean(&by_topic["entertainment"]);
    assert!(
        entertainment > politics + 1.0,
        "{entertainment:.2} vs {politics:.2}"
    );
    assert!(
        with_context * 10 >= events * 6,
        "{with_context} of {events} with a context"
    );
}
