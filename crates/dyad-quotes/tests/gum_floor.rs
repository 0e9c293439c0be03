//! Accuracy floors on the GUM Wikinews attribution relations (the part kept for checking, a
//! little under the measured figures).
use dyad_quotes::eval::{evaluate_attribution_split, Split};

#[test]
fn gum_attribution_floors() {
    let Some(dir) = dyad_testkit::shared_file("attribution/gum_wikinews") else {
        return;
    };
    let scores = evaluate_attribution_split(&dir, Split::Check).expect("GUM data");
    assert!(scores.f1_overlap >= 0.70, "{}", scores.to_table());
    assert!(scores.f1_exact >= 0.55, "{}", scores.to_table());
    assert!(
        scores.quote_speaker_accuracy >= 0.60,
        "{}",
        scores.to_table()
    );
}
