//! Every kind of bad input gets a one-line error naming it; the batch goes on; exit status 1
//! at the end (2 for usage errors). Regression tests for issue 2 ("Bad input").

use std::io::Write;

use assert_cmd::Command;
use predicates::prelude::*;

fn dyad() -> Command {
    Command::cargo_bin("dyad").expect("dyad binary")
}

const GOOD: &str = "Venezuela closed its airspace on Monday.\n";

#[test]
fn missing_file_is_reported_and_the_rest_is_analysed() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.txt");
    std::fs::write(&good, GOOD).unwrap();
    let missing = dir.path().join("missing.txt");
    dyad()
        .args(["code", "--format", "jsonl"])
        .arg(&missing)
        .arg(&good)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("missing.txt"))
        .stdout(predicate::str::contains("closed its airspace"));
}

#[test]
fn directory_without_articles_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("image.png"), [0x89u8, b'P', b'N', b'G']).unwrap();
    dyad()
        .arg("code")
        .arg(dir.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no articles"));
}

#[test]
fn binary_file_is_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let bin = dir.path().join("blob.txt");
    std::fs::write(&bin, [0u8, 1, 2, 0, 255, 0, 7, 0, 0, 0]).unwrap();
    dyad()
        .arg("code")
        .arg(&bin)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("blob.txt"));
}

#[test]
fn invalid_utf8_is_decoded_lossily_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let latin = dir.path().join("latin.txt");
    let mut bytes = b"Caf\xe9 owners in Caracas protested on Monday.".to_vec();
    bytes.push(b'\n');
    std::fs::write(&latin, bytes).unwrap();
    dyad()
        .args(["code", "--format", "jsonl"])
        .arg(&latin)
        .assert()
        .code(0)
        .stderr(predicate::str::contains("latin.txt"))
        .stdout(predicate::str::contains("Caracas"));
}

#[test]
fn empty_article_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "  \n\n ").unwrap();
    dyad()
        .arg("code")
        .arg(&empty)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("empty.txt"));
}

#[test]
fn huge_single_line_file_is_refused_without_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    let huge = dir.path().join("huge.txt");
    let mut f = std::fs::File::create(&huge).unwrap();
    let chunk = "word ".repeat(200_000);
    for _ in 0..50 {
        f.write_all(chunk.as_bytes()).unwrap();
    }
    drop(f);
    let good = dir.path().join("good.txt");
    std::fs::write(&good, GOOD).unwrap();
    dyad()
        .args(["code", "--format", "jsonl"])
        .arg(&huge)
        .arg(&good)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("huge.txt").and(predicate::str::contains("too large")))
        .stdout(predicate::str::contains("airspace"));
}

#[test]
fn malformed_jsonl_line_names_its_line_and_the_rest_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = dir.path().join("batch.jsonl");
    std::fs::write(
        &jsonl,
        "{\"text\": \"Peru praised Chile.\"}\n{not json\n{\"text\": \"Chile thanked Peru.\"}\n",
    )
    .unwrap();
    let out = dyad()
        .args(["code", "--format", "jsonl"])
        .arg(&jsonl)
        .assert()
        .code(1);
    let out = out.stderr(predicate::str::contains("batch.jsonl:2"));
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert_eq!(
        stdout.lines().count(),
        2,
        "both good lines analysed: {stdout}"
    );
}

#[test]
fn bad_date_is_a_usage_error() {
    dyad()
        .args(["code", "--date", "2025-02-30", "x.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("2025-02-30"));
    dyad()
        .args(["code", "--date", "last tuesday", "x.txt"])
        .assert()
        .code(2);
}

#[test]
fn unwritable_database_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.txt");
    std::fs::write(&good, GOOD).unwrap();
    let db = dir.path().join("no-such-dir").join("deeper").join("x.db");
    dyad()
        .arg("ingest")
        .arg(&good)
        .arg("--db")
        .arg(&db)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("x.db"));
}

#[test]
fn corrupt_database_is_a_clear_error_and_is_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.txt");
    std::fs::write(&good, GOOD).unwrap();
    let db = dir.path().join("corrupt.db");
    let garbage =
        b"this is not a database, just some bytes that are long enough to matter....".repeat(100);
    std::fs::write(&db, &garbage).unwrap();
    dyad()
        .arg("ingest")
        .arg(&good)
        .arg("--db")
        .arg(&db)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("corrupt.db"));
    assert_eq!(
        std::fs::read(&db).unwrap(),
        garbage,
        "the file is left as it was"
    );
}
