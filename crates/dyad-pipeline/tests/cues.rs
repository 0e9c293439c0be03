//! A lexicon row's cue, whole pipeline, own parse. A one-word preposition cue counts only when
//! the phrase it introduces belongs to the trigger: "insisted on a vote" is a demand, "insisted
//! the party was on course to win" is a statement.

use dyad_pipeline::{Pipeline, PipelineOptions};
use dyad_types::Document;

/// The CAMEO codes of the events coded in `text`.
fn codes(pipeline: &Pipeline, text: &str) -> Vec<String> {
    let analysis = pipeline.analyze(Document::from_text(text));
    analysis.events.iter().map(|e| e.cameo.clone()).collect()
}

#[test]
fn a_preposition_cue_belongs_to_the_trigger() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let demand = codes(&pipeline, "The Tories insisted on a vote in the Commons.");
    assert!(demand.iter().any(|c| c.starts_with("10")), "{demand:?}");
    for statement in [
        "The Tories insisted they were on course to win the election.",
        "The Tories insisted the vote would be held on Friday.",
    ] {
        let coded = codes(&pipeline, statement);
        assert!(
            coded.iter().all(|c| !c.starts_with("10")),
            "{statement}: {coded:?}"
        );
    }
}
