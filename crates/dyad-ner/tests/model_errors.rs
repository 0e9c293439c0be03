//! A missing, truncated, damaged or foreign model file gives an error naming the file and
//! the rebuilding command, never a panic.

use dyad_ner::{Error, Recognizer};

fn message_of(result: Result<Recognizer, Error>) -> String {
    match result {
        Ok(_) => panic!("expected an error"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn missing_model_names_file_and_command() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nothing-here.bin");
    let msg = message_of(Recognizer::load(&path));
    assert!(msg.contains("nothing-here.bin"), "{msg}");
    assert!(msg.contains("dyad train ner"), "{msg}");
}

#[test]
fn truncated_damaged_and_foreign_files_are_rejected() {
    let good = Recognizer::embedded();
    let dir = tempfile::tempdir().unwrap();
    let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/models/ner.bin")).unwrap();
    assert!(good.is_ok(), "the committed model must load");

    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("truncated.bin", bytes[..bytes.len() / 2].to_vec()),
        ("tiny.bin", bytes[..10].to_vec()),
        ("empty.bin", Vec::new()),
        ("foreign.bin", b"PK\x03\x04 definitely not a model".to_vec()),
        ("damaged.bin", {
            let mut b = bytes.clone();
            let mid = b.len() / 3;
            b[mid] ^= 0x55;
            b
        }),
        ("version.bin", {
            let mut b = bytes.clone();
            b[8..12].copy_from_slice(&999u32.to_le_bytes());
            b
        }),
    ];
    for (name, content) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, content).unwrap();
        let msg = message_of(Recognizer::load(&path));
        assert!(msg.contains(name), "{name}: {msg}");
        assert!(msg.contains("dyad train ner"), "{name}: {msg}");
        if name == "version.bin" {
            assert!(msg.contains("version 999"), "{msg}");
        }
    }
}
