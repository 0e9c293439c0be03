//! Missing, truncated, foreign and wrong-version model files give typed errors naming the
//! file and the command that rebuilds it.
mod common;

use dyad_syntax::train::{train_tagger_with, TaggerConfig};
use dyad_syntax::{Error, Parser, Tagger};

fn tiny_tagger_bytes(dir: &std::path::Path) -> Vec<u8> {
    let bank = common::mini_treebank(dir);
    let path = dir.join("tagger.bin");
    let config = TaggerConfig {
        epochs: 1,
        xpos_bits: 8,
        upos_bits: 8,
        ..TaggerConfig::default()
    };
    train_tagger_with(&config, std::slice::from_ref(&bank), &bank, &path, &|_| {}).unwrap();
    std::fs::read(path).unwrap()
}

#[test]
fn missing_model_names_file_and_command() {
    let err = Tagger::load(std::path::Path::new("/nonexistent/tagger.bin")).unwrap_err();
    assert!(matches!(err, Error::MissingModel { .. }), "{err}");
    let msg = err.to_string();
    assert!(
        msg.contains("/nonexistent/tagger.bin") && msg.contains("dyad train tagger"),
        "{msg}"
    );
    let err = Parser::load(std::path::Path::new("/nonexistent/parser.bin")).unwrap_err();
    assert!(err.to_string().contains("dyad train parser"));
}

#[test]
fn truncated_model_is_corrupt() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = tiny_tagger_bytes(dir.path());
    for cut in [9, 20, bytes.len() / 2, bytes.len() - 1] {
        let path = dir.path().join("cut.bin");
        std::fs::write(&path, &bytes[..cut]).unwrap();
        let err = Tagger::load(&path).unwrap_err();
        assert!(matches!(err, Error::Corrupt { .. }), "cut at {cut}: {err}");
        assert!(err.to_string().contains("cut.bin"));
    }
}

#[test]
fn wrong_magic_and_version() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = tiny_tagger_bytes(dir.path());
    let path = dir.path().join("m.bin");
    // A tagger file is not a parser.
    std::fs::write(&path, &bytes).unwrap();
    assert!(matches!(
        Parser::load(&path).unwrap_err(),
        Error::BadMagic { .. }
    ));
    std::fs::write(&path, b"hello world, not a model").unwrap();
    assert!(matches!(
        Tagger::load(&path).unwrap_err(),
        Error::BadMagic { .. }
    ));
    let mut v = bytes.clone();
    v[8] = v[8].wrapping_add(1);
    std::fs::write(&path, &v).unwrap();
    assert!(matches!(
        Tagger::load(&path).unwrap_err(),
        Error::WrongVersion { found, .. } if found == dyad_syntax::FORMAT_VERSION + 1
    ));
    let mut v = bytes;
    let last = v.len() - 1;
    v[last] ^= 0xff;
    std::fs::write(&path, &v).unwrap();
    assert!(matches!(
        Tagger::load(&path).unwrap_err(),
        Error::Corrupt { .. }
    ));
}

#[test]
fn empty_file_is_missing_model() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.bin");
    std::fs::write(&path, b"").unwrap();
    assert!(matches!(
        Tagger::load(&path).unwrap_err(),
        Error::MissingModel { .. }
    ));
}
