//! Accuracy floors on the shared gold data, a little under the measured figures
//! (CoNLL-2003 eng.testb and UNER EWT test, full files).

use dyad_ner::{eval, Recognizer};

#[test]
fn conll2003_testb_floor() {
    let Some(path) = dyad_testkit::shared_file("conll2003/eng.testb") else {
        return;
    };
    let ner = Recognizer::embedded().unwrap();
    let scores = eval::evaluate(&path, &ner).unwrap();
    assert!(
        scores.f1 >= CONLL_FLOOR,
        "CoNLL testb F1 {:.4}\n{}",
        scores.f1,
        scores.to_table()
    );
    assert_eq!(scores.by_type.len(), 4);
}

#[test]
fn uner_ewt_test_floor() {
    let Some(path) = dyad_testkit::shared_file("ud/uner_en_ewt/en_ewt-ud-test.iob2") else {
        return;
    };
    let ner = Recognizer::embedded().unwrap();
    let scores = eval::evaluate(&path, &ner).unwrap();
    assert!(
        scores.f1 >= UNER_FLOOR,
        "UNER test F1 {:.4}\n{}",
        scores.f1,
        scores.to_table()
    );
    assert!(!scores.by_type.contains_key("MISC"));
}

const CONLL_FLOOR: f64 = 0.88;
const UNER_FLOOR: f64 = 0.695;
