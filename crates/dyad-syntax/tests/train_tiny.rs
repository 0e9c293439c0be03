//! Training runs end to end on a synthetic mini-treebank and learns it.
mod common;

use dyad_syntax::eval::evaluate_ud;
use dyad_syntax::train::{train_parser_with, train_tagger_with, ParserConfig, TaggerConfig};
use dyad_syntax::{Parser, Tagger};

#[test]
fn trains_tagger_and_parser_on_a_mini_treebank() {
    let dir = tempfile::tempdir().unwrap();
    let bank = common::mini_treebank(dir.path());
    let tagger_path = dir.path().join("models/tagger.bin");
    let parser_path = dir.path().join("models/parser.bin");
    let tagger_config = TaggerConfig {
        epochs: 3,
        xpos_bits: 12,
        upos_bits: 10,
        dict_min_count: 1000,
        ..TaggerConfig::default()
    };
    let report = train_tagger_with(
        &tagger_config,
        std::slice::from_ref(&bank),
        &bank,
        &tagger_path,
        &|_| {},
    )
    .unwrap();
    assert!(report.model_bytes > 0);
    assert!(report.description.contains("mini.conllu"));
    let parser_config = ParserConfig {
        epochs: 4,
        action_bits: 12,
        label_bits: 10,
        mix: 2,
        tagger: tagger_config,
        ..ParserConfig::default()
    };
    train_parser_with(
        &parser_config,
        std::slice::from_ref(&bank),
        &bank,
        &parser_path,
        &|_| {},
    )
    .unwrap();

    let tagger = Tagger::load(&tagger_path).unwrap();
    let parser = Parser::load(&parser_path).unwrap();
    let scores = evaluate_ud(&bank, &tagger, &parser).unwrap();
    assert!(scores.upos > 0.95, "{scores:?}");
    assert!(scores.lemma > 0.95, "{scores:?}");
    assert!(scores.las > 0.9, "{scores:?}");

    let words = ["The", "soldier", "praised", "a", "village", "."];
    let tags = tagger.tag(&words);
    assert_eq!(tags[2].xpos, "VBD");
    assert_eq!(tags[2].lemma, "praise");
    let upos: Vec<&str> = tags.iter().map(|t| t.upos).collect();
    let xpos: Vec<&str> = tags.iter().map(|t| t.xpos.as_str()).collect();
    let tree = parser.parse(&words, &upos, &xpos);
    assert_eq!(tree[2], (None, "root".to_string()));
    assert_eq!(tree[1], (Some(2), "nsubj".to_string()));
    assert_eq!(tree[4], (Some(2), "obj".to_string()));
}

#[test]
fn training_is_reproducible() {
    let dir = tempfile::tempdir().unwrap();
    let bank = common::mini_treebank(dir.path());
    let config = TaggerConfig {
        epochs: 2,
        xpos_bits: 10,
        upos_bits: 10,
        ..TaggerConfig::default()
    };
    let a = train_tagger_with(
        &config,
        std::slice::from_ref(&bank),
        &bank,
        &dir.path().join("a.bin"),
        &|_| {},
    )
    .unwrap();
    let b = train_tagger_with(
        &config,
        std::slice::from_ref(&bank),
        &bank,
        &dir.path().join("b.bin"),
        &|_| {},
    )
    .unwrap();
    assert_eq!(a.model_hash, b.model_hash);
}
