//! Faults during ingest: a full disk stops cleanly and loses nothing; a re-run completes.
//! (Kill -9 and locked databases: `tests/ingest.rs`; corrupt files: `tests/bad_input.rs` and
//! the store's own tests.)

use predicates::prelude::*;

mod common;

use common::{count, dyad, ingest, json_lines};

#[test]
fn a_full_disk_stops_the_ingest_cleanly_and_a_rerun_completes() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("corpus.jsonl");
    let mut lines = String::new();
    for i in 0..120 {
        let text = format!(
            "Peru criticized Chile on Monday over dispute number {i}. {}",
            format!("Talks on case {i} went on through the night in Lima. ").repeat(25)
        );
        lines.push_str(&serde_json::json!({"id": format!("a{i}"), "text": text}).to_string());
        lines.push('\n');
    }
    std::fs::write(&input, lines).unwrap();
    let db = dir.path().join("events.db");

    // A quota of 0.4 MB stands in for a disk that fills up part way.
    dyad()
        .args(["--quiet", "ingest", "--batch", "8", "--max-db-mb", "0.4"])
        .arg(&input)
        .arg("--db")
        .arg(&db)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("disk full"))
        .stderr(predicate::str::contains("nothing of this batch was stored"));
    let stored = count(&db, "SELECT count(*) FROM documents");
    assert!(stored > 0 && stored < 120, "{stored}");
    assert_eq!(stored % 8, 0, "whole batches only");
    // Every stored article has all its events and is merged.
    assert_eq!(
        count(&db, "SELECT count(*) FROM events WHERE merged_id IS NULL"),
        0
    );

    // With room again, the same command finishes the job.
    dyad()
        .args(["--quiet", "ingest", "--batch", "8"])
        .arg(&input)
        .arg("--db")
        .arg(&db)
        .assert()
        .success();
    assert_eq!(count(&db, "SELECT count(*) FROM documents"), 120);
}

#[test]
fn trend_counts_events_per_period() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("corpus.jsonl");
    let mut lines = String::new();
    let days = [
        "2025-11-03",
        "2025-11-06",
        "2025-11-12",
        "2025-11-20",
        "2025-12-02",
    ];
    for (i, day) in days.iter().enumerate() {
        let text = format!("Peru criticized Chile over dispute number {i}.");
        lines.push_str(
            &serde_json::json!({"id": format!("a{i}"), "published": day, "text": text}).to_string(),
        );
        lines.push('\n');
    }
    std::fs::write(&input, lines).unwrap();
    let db = dir.path().join("events.db");
    ingest(&input, &db);
    let out = dyad()
        .args(["trend", "PER", "CHL", "--by", "week", "--json", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert!(out.status.success());
    let periods = json_lines(&out.stdout);
    let labels: Vec<&str> = periods
        .iter()
        .map(|p| p["period"].as_str().unwrap())
        .collect();
    assert_eq!(
        labels,
        ["2025-W45", "2025-W46", "2025-W47", "2025-W48", "2025-W49"]
    );
    let counts: Vec<u64> = periods
        .iter()
        .map(|p| p["events"].as_u64().unwrap())
        .collect();
    assert_eq!(counts, [2, 1, 1, 0, 1]);
    assert!(periods[0]["goldstein_sum"].as_f64().unwrap() < 0.0);
    // The other direction has nothing.
    let out = dyad()
        .args(["trend", "CHL", "PER", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("0 CHL → PER events"));
}
