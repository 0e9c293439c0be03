//! Accuracy floors on the UD test sets (a little under the measured figures).

use dyad_segment::eval::evaluate_conllu;

fn floors(relative: &str, token_f1: f64, sentence_f1: f64) {
    let Some(path) = dyad_testkit::shared_file(relative) else {
        return;
    };
    let scores = evaluate_conllu(&path).expect("readable CoNLL-U");
    assert!(scores.token_f1 >= token_f1, "{}", scores.to_table());
    assert!(scores.sentence_f1 >= sentence_f1, "{}", scores.to_table());
}

#[test]
fn ewt_test_floors() {
    floors("ud/en_ewt/en_ewt-ud-test.conllu", 0.988, 0.918);
}

#[test]
fn gum_test_floors() {
    floors("ud/en_gum/en_gum-ud-test.conllu", 0.994, 0.965);
}

/// Prints both score tables: `cargo test -p dyad-segment --test ud_floors -- --ignored --nocapture`.
#[test]
#[ignore]
#[allow(clippy::print_stdout)]
fn print_tables() {
    for relative in [
        "ud/en_ewt/en_ewt-ud-test.conllu",
        "ud/en_gum/en_gum-ud-test.conllu",
    ] {
        if let Some(path) = dyad_testkit::shared_file(relative) {
            let scores = evaluate_conllu(&path).expect("readable CoNLL-U");
            println!("{}", scores.to_table());
        }
    }
}
