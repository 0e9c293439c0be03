//! A lexicon row flagged `directed` ("support", "kill") is coded only when its target is a
//! known actor: support for a government is an event, a "supporting actress" or killing a
//! bill is not.

use dyad_pipeline::{Pipeline, PipelineOptions};
use dyad_types::Document;

fn codes(pipeline: &Pipeline, text: &str) -> Vec<String> {
    let analysis = pipeline.analyze(Document::from_text(text));
    analysis.events.iter().map(|e| e.cameo.clone()).collect()
}

#[test]
fn directed_rows_need_a_known_actor_as_target() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let coded = codes(
        &pipeline,
        "France supported the Iraqi government on Monday.",
    );
    assert!(coded.iter().any(|c| c.starts_with("05")), "{coded:?}");
    for text in [
        "Natalie Portman supported Meryl Streep in the film.",
        "The minister tried to kill the Disability Bill in 1994.",
    ] {
        let coded = codes(&pipeline, text);
        assert!(
            !coded
                .iter()
                .any(|c| c.starts_with("05") || c.starts_with("19")),
            "{text}: {coded:?}"
        );
    }
}
