//! Accuracy floors on the shared TimeML gold data (a little under the measured figures).

use dyad_time::eval::evaluate_dir;
use dyad_time::TimexTagger;

fn check(relative: &str, relaxed_f1: f64, value_f1: f64) {
    let Some(dir) = dyad_testkit::shared_file(relative) else {
        return;
    };
    let scores = evaluate_dir(&dir, &TimexTagger::new()).unwrap();
    assert!(
        scores.relaxed_f1 >= relaxed_f1,
        "{relative}: relaxed F1 {:.3}\n{}",
        scores.relaxed_f1,
        scores.to_table()
    );
    assert!(
        scores.value_f1 >= value_f1,
        "{relative}: value F1 {:.3}\n{}",
        scores.value_f1,
        scores.to_table()
    );
}

#[test]
fn timebank_floor() {
    check("timex/tempeval3/TBAQ-cleaned/TimeBank", 0.93, 0.82);
}

#[test]
fn aquaint_floor() {
    check("timex/tempeval3/TBAQ-cleaned/AQUAINT", 0.93, 0.76);
}

#[test]
fn meantime_floor() {
    check("timex/meantime_en/intra-doc_annotation", 0.89, 0.77);
}

#[test]
fn scores_of_gold_against_itself_are_perfect() {
    let Some(dir) = dyad_testkit::shared_file("timex/tempeval3/TBAQ-cleaned/AQUAINT") else {
        return;
    };
    let docs = dyad_time::eval::read_gold_dir(&dir).unwrap();
    let mut scores = dyad_time::TimexScores::default();
    for doc in &docs {
        scores.add(&doc.timexes, &doc.timexes);
    }
    assert_eq!(scores.gold, 579);
    assert_eq!(scores.value_f1, 1.0);
    assert_eq!(scores.strict_f1, 1.0);
}
