//! Helpers shared by the command-line tests.
#![allow(dead_code)]

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

/// The `dyad` binary under test.
pub fn dyad() -> Command {
    Command::cargo_bin("dyad").expect("dyad binary")
}

/// Runs `dyad --quiet ingest INPUT --db DB` and asserts it succeeds.
pub fn ingest(input: &Path, db: &Path) {
    dyad()
        .args(["--quiet", "ingest"])
        .arg(input)
        .arg("--db")
        .arg(db)
        .assert()
        .success();
}

/// The single number an SQL query on the database returns.
pub fn count(db: &Path, sql: &str) -> i64 {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

/// One JSON value per line of a command's output.
pub fn json_lines(stdout: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}
