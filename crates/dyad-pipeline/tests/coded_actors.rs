//! An event is an act between political actors: where neither the source nor the target has
//! an actor code (a private person, a company, an unknown group), nothing is coded, however
//! clear the verb. Whole pipeline, own parse.

use dyad_pipeline::{Pipeline, PipelineOptions};
use dyad_types::Document;

/// (CAMEO code, source code, target code) of each event; `-` for no code.
fn triples(pipeline: &Pipeline, text: &str) -> Vec<(String, String, String)> {
    let analysis = pipeline.analyze(Document::from_text(text));
    let code = |a: Option<&dyad_types::Actor>| {
        a.and_then(|a| a.code.clone()).unwrap_or_else(|| "-".into())
    };
    analysis
        .events
        .iter()
        .map(|e| {
            (
                e.cameo.clone(),
                code(Some(&e.source)),
                code(e.target.as_ref()),
            )
        })
        .collect()
}

#[test]
fn an_event_needs_an_actor_with_a_code() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let private = triples(
        &pipeline,
        "Laura Smith criticised her neighbour Peter Jones on Monday.",
    );
    assert!(private.is_empty(), "{private:?}");
    // The same act against a government is coded, with the critic left uncoded.
    let public = triples(
        &pipeline,
        "Laura Smith criticised the French government on Monday.",
    );
    assert!(
        public
            .iter()
            .any(|(c, s, t)| c.starts_with("11") && s == "-" && t == "FRAGOV"),
        "{public:?}"
    );
}
