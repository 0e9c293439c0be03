//! `dyad ingest`: idempotent, resumable after a kill, clear about locked databases.

use std::process::Stdio;
use std::time::{Duration, Instant};

use assert_cmd::Command;
use predicates::prelude::*;

fn dyad() -> Command {
    Command::cargo_bin("dyad").expect("dyad binary")
}

/// A JSONL corpus of `n` distinct short articles.
fn corpus(dir: &std::path::Path, n: usize) -> std::path::PathBuf {
    let path = dir.join("corpus.jsonl");
    let countries = [
        "Peru",
        "Chile",
        "Brazil",
        "Colombia",
        "Venezuela",
        "Mexico",
        "Cuba",
    ];
    let mut lines = String::new();
    for i in 0..n {
        let a = countries[i % countries.len()];
        let b = countries[(i + 3) % countries.len()];
        let text = format!(
            "{a} criticized {b} on Monday over dispute number {i}. {b} rejected the criticism. \
             The foreign ministers of {a} and {b} met in Lima on Tuesday to discuss case {i}."
        );
        lines.push_str(
            &serde_json::json!({"id": format!("a{i}"), "published": "2025-11-03", "text": text})
                .to_string(),
        );
        lines.push('\n');
    }
    std::fs::write(&path, lines).unwrap();
    path
}

fn count(db: &std::path::Path, table: &str) -> i64 {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

#[test]
fn ingesting_twice_adds_nothing_the_second_time() {
    let dir = tempfile::tempdir().unwrap();
    let input = corpus(dir.path(), 30);
    let db = dir.path().join("events.db");
    dyad()
        .arg("ingest")
        .arg(&input)
        .arg("--db")
        .arg(&db)
        .assert()
        .success();
    let (docs, events) = (count(&db, "documents"), count(&db, "events"));
    assert_eq!(docs, 30);
    assert!(events > 0);
    dyad()
        .arg("ingest")
        .arg(&input)
        .arg("--db")
        .arg(&db)
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "0 stored (0 near-duplicates of stored ones), 30 already",
        ))
        .stderr(predicate::str::contains(
            "0 event reports added: 0 new events",
        ));
    let merged = count(&db, "merged_events");
    assert!(merged > 0);
    assert_eq!(
        (count(&db, "documents"), count(&db, "events"), merged),
        (docs, events, count(&db, "merged_events"))
    );
}

#[test]
fn killed_midway_then_rerun_ends_with_the_same_store() {
    let dir = tempfile::tempdir().unwrap();
    let input = corpus(dir.path(), 3000);
    let reference = dir.path().join("reference.db");
    dyad()
        .arg("ingest")
        .arg(&input)
        .arg("--db")
        .arg(&reference)
        .assert()
        .success();

    let db = dir.path().join("killed.db");
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("dyad"))
        .arg("ingest")
        .arg(&input)
        .arg("--db")
        .arg(&db)
        .args(["--batch", "20"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Wait until some batches are committed, then kill without warning.
    let started = Instant::now();
    loop {
        std::thread::sleep(Duration::from_millis(20));
        let stored = db.exists()
            && rusqlite::Connection::open(&db)
                .and_then(|c| {
                    c.query_row("SELECT count(*) FROM documents", [], |r| r.get::<_, i64>(0))
                })
                .is_ok_and(|n| n >= 40);
        if stored
            || started.elapsed() > Duration::from_secs(60)
            || child.try_wait().unwrap().is_some()
        {
            break;
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    let partial = count(&db, "documents");
    assert!(
        partial >= 40,
        "some batches committed before the kill ({partial})"
    );
    dyad()
        .arg("ingest")
        .arg(&input)
        .arg("--db")
        .arg(&db)
        .assert()
        .success();
    assert_eq!(count(&db, "documents"), count(&reference, "documents"));
    assert_eq!(count(&db, "events"), count(&reference, "events"));
}

#[test]
fn locked_database_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let input = corpus(dir.path(), 3);
    let db = dir.path().join("locked.db");
    dyad()
        .arg("ingest")
        .arg(&input)
        .arg("--db")
        .arg(&db)
        .assert()
        .success();
    let more = dir.path().join("more.txt");
    std::fs::write(&more, "Cuba praised Mexico on Friday.\n").unwrap();
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute_batch("BEGIN EXCLUSIVE;").unwrap();
    dyad()
        .arg("ingest")
        .arg(&more)
        .arg("--db")
        .arg(&db)
        .env("DYAD_BUSY_TIMEOUT_MS", "200")
        .timeout(Duration::from_secs(60))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("locked.db").and(predicate::str::contains("locked")));
    conn.execute_batch("ROLLBACK;").unwrap();
    assert_eq!(
        count(&db, "documents"),
        3,
        "nothing already stored was lost"
    );
}
