//! Training end to end on a synthetic corpus with a synthetic lexicon.

use std::io::Write;
use std::path::{Path, PathBuf};

use dyad_ner::oracle::Oracle;
use dyad_ner::train::{train_with, TrainOptions};
use dyad_ner::{eval, Recognizer};
use dyad_types::EntityType;

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn fake_shared(dir: &Path) {
    write(
        &dir.join("geo/countries.json"),
        r#"{"VE": {"name": "Venezuela", "capital": "Caracas"}}"#,
    );
    write(
        &dir.join("geo/cities15000.json"),
        r#"{"1": {"name": "Maracaibo"}}"#,
    );
    write(
        &dir.join("geo/us_states.json"),
        r#"{"TX": {"name": "Texas"}}"#,
    );
    write(
        &dir.join("geo/continents.json"),
        r#"{"SA": {"asciiName": "South America"}}"#,
    );
    write(
        &dir.join("geo/places500.tsv"),
        "geonameid\tname\n1\tValencia\n",
    );
    write(
        &dir.join("petrarch2_dictionaries/Phoenix.International.actors.txt"),
        "ACME_CORP_ [MNCVEN]\n+ACME_\nJOHN_DOE_ [IGOUNO 900101-951231]\n",
    );
    write(
        &dir.join("petrarch2_dictionaries/Phoenix.MilNonState.actors.txt"),
        "RED_BRIGADE_ [VENREB]\n",
    );
    let gz = dir.join("lexicons/spacy_en/en_lexeme_cluster.json.gz");
    std::fs::create_dir_all(gz.parent().unwrap()).unwrap();
    let mut enc = flate2::write::GzEncoder::new(
        std::fs::File::create(&gz).unwrap(),
        flate2::Compression::fast(),
    );
    enc.write_all(br#"{"Caracas": 678, "Maracaibo": 678, "Ana": 502, "Luis": 502}"#)
        .unwrap();
    enc.finish().unwrap();
    let gz = dir.join("lexicons/spacy_en/en_lexeme_prob.json.gz");
    let mut enc = flate2::write::GzEncoder::new(
        std::fs::File::create(&gz).unwrap(),
        flate2::Compression::fast(),
    );
    enc.write_all(br#"{"Caracas": -12.0, "caracas": -16.0, "the": -3.5, "The": -6.0}"#)
        .unwrap();
    enc.finish().unwrap();
}

fn corpus(names: &[&str], places: &[&str]) -> String {
    let mut out = String::new();
    for (i, name) in names.iter().enumerate() {
        let place = places[i % places.len()];
        out.push_str(&format!(
            "{name} NNP B-NP I-PER\nvisited VBD B-VP O\n{place} NNP B-NP I-LOC\nwith IN B-PP O\nAcme NNP B-NP I-ORG\nCorp NNP I-NP I-ORG\n. . O O\n\n"
        ));
    }
    out
}

/// The dev file of both tests: names and places the training file has, and one it lacks.
fn dev_corpus() -> String {
    corpus(&["Carlos", "Elena"], &["Caracas", "Maracaibo"])
}

/// Quick training settings; `stage_two_folds` 0 trains one stage.
fn tiny_options(shared: PathBuf, stage_two_folds: usize, capitalised_runs: bool) -> TrainOptions {
    TrainOptions {
        shared_data: shared,
        max_epochs: 4,
        select_epoch: true,
        max_rows: 10_000,
        seed: 7,
        lowercase_share: 0.0,
        web_copies: 1,
        stage_two_folds,
        stage_two_fold_epochs: if stage_two_folds > 0 { 2 } else { 0 },
        capitalised_runs,
        oracle: Oracle::Dynamic,
        seed_models: 1,
    }
}

#[test]
fn trains_a_working_model_reproducibly() {
    let dir = tempfile::tempdir().unwrap();
    let shared = dir.path().join("shared");
    fake_shared(&shared);
    let train_path = dir.path().join("train.txt");
    let dev_path = dir.path().join("dev.txt");
    write(
        &train_path,
        &corpus(
            &["Ana", "Luis", "Maria", "Pedro", "Juan", "Rosa"],
            &["Caracas", "Maracaibo", "Valencia"],
        ),
    );
    write(&dev_path, &dev_corpus());
    let options = tiny_options(shared, 0, false);
    let out1 = dir.path().join("m1.bin");
    let out2 = dir.path().join("m2.bin");
    let report = train_with(
        std::slice::from_ref(&train_path),
        &dev_path,
        &out1,
        &options,
        &|_| {},
    )
    .unwrap();
    train_with(&[train_path], &dev_path, &out2, &options, &|_| {}).unwrap();
    assert_eq!(
        std::fs::read(&out1).unwrap(),
        std::fs::read(&out2).unwrap(),
        "training is reproducible"
    );
    assert!(report.dev.f1 > 0.9, "dev F1 {}", report.dev.f1);

    let ner = Recognizer::load(&out1).unwrap();
    let words = ["Carlos", "visited", "Caracas", "with", "Acme", "Corp", "."];
    let found = ner.recognize(&words);
    assert!(found.contains(&(2, 3, EntityType::Gpe)), "{found:?}");
    assert!(found.contains(&(4, 6, EntityType::Org)), "{found:?}");
    let scores = eval::evaluate(&dev_path, &ner).unwrap();
    assert!(scores.f1 > 0.9, "{}", scores.to_table());
}

#[test]
fn trains_a_two_stage_model_with_capitalised_runs() {
    let dir = tempfile::tempdir().unwrap();
    let shared = dir.path().join("shared");
    fake_shared(&shared);
    let train_path = dir.path().join("train.txt");
    let dev_path = dir.path().join("dev.txt");
    let names = [
        "Ana", "Luis", "Pedro", "Maria", "Jose", "Rosa", "Juan", "Elena",
    ];
    let mut text = String::new();
    for chunk in names.chunks(2) {
        text.push_str("-DOCSTART- -X- -X- O\n\n");
        text.push_str(&corpus(chunk, &["Caracas", "Maracaibo", "Valencia"]));
    }
    write(&train_path, &text);
    write(&dev_path, &dev_corpus());
    let options = tiny_options(shared, 2, true);
    let out = dir.path().join("two.bin");
    let report = train_with(&[train_path], &dev_path, &out, &options, &|_| {}).unwrap();
    assert!(report.dev_first_stage_f1.is_some());
    assert!(report.dev.f1 > 0.9, "dev F1 {}", report.dev.f1);
    let ner = Recognizer::load(&out).unwrap();
    assert!(ner.info().capitalised_runs);
    let words = ["Carlos", "visited", "Caracas", "with", "Acme", "Corp", "."];
    let found = ner.recognize(&words);
    assert!(found.contains(&(4, 6, EntityType::Org)), "{found:?}");
    // The file is format 3 (two weight tables).
    assert_eq!(std::fs::read(&out).unwrap()[8], 3);
}

#[test]
fn averages_models_of_several_seeds() {
    let dir = tempfile::tempdir().unwrap();
    let shared = dir.path().join("shared");
    fake_shared(&shared);
    let train_path = dir.path().join("train.txt");
    let dev_path = dir.path().join("dev.txt");
    let mut text = String::new();
    for chunk in ["Ana", "Luis", "Pedro", "Maria", "Jose", "Rosa"].chunks(2) {
        text.push_str("-DOCSTART- -X- -X- O\n\n");
        text.push_str(&corpus(chunk, &["Caracas", "Maracaibo", "Valencia"]));
    }
    write(&train_path, &text);
    write(&dev_path, &dev_corpus());
    let one = tiny_options(shared, 0, false);
    let three = TrainOptions {
        seed_models: 3,
        oracle: Oracle::Skip,
        ..one.clone()
    };
    let (out1, out3) = (dir.path().join("one.bin"), dir.path().join("three.bin"));
    train_with(
        std::slice::from_ref(&train_path),
        &dev_path,
        &out1,
        &one,
        &|_| {},
    )
    .unwrap();
    let report = train_with(&[train_path], &dev_path, &out3, &three, &|_| {}).unwrap();
    assert!(report.dev.f1 > 0.9, "dev F1 {}", report.dev.f1);
    assert_ne!(std::fs::read(&out1).unwrap(), std::fs::read(&out3).unwrap());
    let ner = Recognizer::load(&out3).unwrap();
    let found = ner.recognize(&["Carlos", "visited", "Caracas", "."]);
    assert!(found.contains(&(2, 3, EntityType::Gpe)), "{found:?}");
}
