//! A floor on the PLOVER gold records (a little under the measured figure; issue 5 raises it),
//! and a clear error for a file that holds no records.
use dyad_pipeline::plover_eval::evaluate_plover;
use dyad_pipeline::{Pipeline, PipelineOptions};

#[test]
fn plover_event_types_floor() {
    let Some(path) = dyad_testkit::shared_file("attribution/plover_gsr") else {
        return;
    };
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let scores = evaluate_plover(&path, &pipeline).expect("PLOVER records");
    assert!(scores.records > 200, "{}", scores.to_table());
    assert!(scores.event_type_accuracy >= 0.84, "{}", scores.to_table());
    // Sources named by a role alone ("activists", "fundamentalists") or by a blast are coded
    // with no country, which agrees with no gold country: since they are coded (session 20)
    // the share is a little lower over more records; so it is since session 22 codes
    // "their forces" and the actor of an adjunct ("put under investigation … for rioting").
    assert!(scores.source_agreement >= 0.80, "{}", scores.to_table());
}

#[test]
fn plover_event_types_floor_with_the_petrarch2_tier() {
    let Some(path) = dyad_testkit::shared_file("attribution/plover_gsr") else {
        return;
    };
    let tier =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../dyad-coder/lexicons/petrarch2");
    let options = PipelineOptions {
        lexicon_dir: Some(tier),
    };
    let pipeline = Pipeline::standard(&options).unwrap();
    let scores = evaluate_plover(&path, &pipeline).expect("PLOVER records");
    assert!(scores.event_type_accuracy >= 0.83, "{}", scores.to_table());
    assert!(scores.coverage >= 0.91, "{}", scores.to_table());
}

#[test]
fn a_file_without_records_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("empty.json");
    std::fs::write(&file, "[]").unwrap();
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let err = evaluate_plover(&file, &pipeline).unwrap_err().to_string();
    assert!(err.contains("no records"), "{err}");
}
