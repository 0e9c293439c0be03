//! Accuracy floor on the UDS "It Happened" factuality judgements: the modes read off dyad's
//! own parse must beat always answering "happened" by ten points on every split.
use dyad_coder::factuality::evaluate_dir;

#[test]
fn modes_beat_the_majority_class_by_ten_points() {
    let Some(dir) = dyad_testkit::shared_file("attribution/uds_ih2_factuality") else {
        return;
    };
    let syntax = dyad_syntax::SyntaxStage::embedded().expect("syntax models");
    let scores = evaluate_dir(&dir, &syntax).expect("UDS data");
    assert_eq!(scores.splits.len(), 2, "{}", scores.to_table());
    for split in &scores.splits {
        assert!(split.predicates > 1000, "{}", scores.to_table());
        assert!(
            split.accuracy >= split.majority_baseline + 0.10,
            "{}",
            scores.to_table()
        );
        assert!(
            split.f1 >= split.majority_f1 + 0.25,
            "{}",
            scores.to_table()
        );
    }
}

#[test]
fn a_folder_without_the_data_is_a_clear_error() {
    let dir = std::env::temp_dir().join("dyad-no-factuality-here");
    std::fs::create_dir_all(&dir).unwrap();
    let syntax = dyad_syntax::SyntaxStage::embedded().expect("syntax models");
    let err = evaluate_dir(&dir, &syntax).unwrap_err().to_string();
    assert!(err.contains("no UDS factuality data"), "{err}");
}
