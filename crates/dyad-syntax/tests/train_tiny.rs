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

#[test]
fn second_xpos_pass_is_stored_and_used() {
    let dir = tempfile::tempdir().unwrap();
    let bank = common::mini_treebank(dir.path());
    let train = |xpos2_bits: u32, name: &str| {
        let config = TaggerConfig {
            epochs: 3,
            xpos_bits: 12,
            xpos2_bits,
            upos_bits: 10,
            dict_min_count: 1000,
            ..TaggerConfig::default()
        };
        let path = dir.path().join(name);
        let report =
            train_tagger_with(&config, std::slice::from_ref(&bank), &bank, &path, &|_| {}).unwrap();
        (report, Tagger::load(&path).unwrap())
    };
    let (one, one_pass) = train(0, "one.bin");
    let (two, two_passes) = train(11, "two.bin");
    assert!(
        two.description.contains("xpos2_bits=11"),
        "{}",
        two.description
    );
    assert!(
        !one.description.contains("xpos2_bits"),
        "{}",
        one.description
    );
    // The second table (2^11 rows) is stored with the first.
    assert!(two_passes.weights_size() > one_pass.weights_size());
    let xpos = two.dev_scores.iter().find(|(n, _)| n == "xpos").unwrap().1;
    assert!(xpos > 0.95, "{:?}", two.dev_scores);
    let words = ["The", "soldier", "praised", "a", "village", "."];
    assert_eq!(two_passes.tag(&words)[2].xpos, "VBD");
}

#[test]
fn with_dev_trains_on_the_dev_file_beside_each_training_file() {
    let dir = tempfile::tempdir().unwrap();
    let bank = common::mini_treebank(dir.path());
    let config = TaggerConfig {
        epochs: 1,
        xpos_bits: 10,
        upos_bits: 10,
        with_dev: true,
        ..TaggerConfig::default()
    };
    let out = dir.path().join("tagger.bin");
    // No `-dev` file beside a file not named `-train`: an error, not a silent fallback.
    assert!(train_tagger_with(&config, std::slice::from_ref(&bank), &bank, &out, &|_| {}).is_err());
    let train = dir.path().join("mini-train.conllu");
    let dev = dir.path().join("mini-dev.conllu");
    std::fs::copy(&bank, &train).unwrap();
    std::fs::copy(&bank, &dev).unwrap();
    let report =
        train_tagger_with(&config, std::slice::from_ref(&train), &bank, &out, &|_| {}).unwrap();
    assert!(
        report.description.contains("mini-dev.conllu"),
        "{}",
        report.description
    );
    let plain = train_tagger_with(
        &TaggerConfig {
            with_dev: false,
            ..config
        },
        std::slice::from_ref(&train),
        &bank,
        &out,
        &|_| {},
    )
    .unwrap();
    assert_eq!(report.sentences, 2 * plain.sentences);
}
