//! Databases written by earlier schema versions still open and answer queries.
//!
//! `tests/fixtures/schema_v1.sqlite` was written by `write_schema_v1_fixture` (run it with
//! `--ignored` only while `SCHEMA_VERSION` is 1) from the corpus of `common::corpus`.

mod common;

use std::path::{Path, PathBuf};

use dyad_store::{EventQuery, SqliteStore, Store};

fn fixture(version: u32) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/schema_v{version}.sqlite"))
}

#[test]
fn schema_v1_fixture_opens_and_queries() {
    // Opening migrates and switches to WAL: work on a copy, never on the committed file.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v1.db");
    std::fs::copy(fixture(1), &path).unwrap();

    let store = SqliteStore::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), dyad_store::SCHEMA_VERSION);
    let stats = store.stats().unwrap();
    assert_eq!((stats.documents, stats.events), (3, 6));
    // Upgrading merged what the old store held: six reports of six distinct events.
    assert_eq!(stats.merged_events, 6);

    let query = EventQuery {
        dyad: Some(("VEN".into(), "USA".into())),
        ..Default::default()
    };
    let events = store.query(&query).unwrap();
    assert_eq!(common::ids(&events), ["a1", "a2"]);
    assert_eq!(events[1].evidence, "Nicolás Maduro rejected the claims.");
    let found = store.query(&EventQuery {
        text: Some("camp".into()),
        ..Default::default()
    });
    assert_eq!(common::ids(&found.unwrap()), ["b2"]);

    let document = store
        .document("doc-a")
        .unwrap()
        .expect("doc-a is in the fixture");
    assert!(document
        .doc
        .text
        .starts_with("The United States accused Venezuela"));
    assert_eq!(document.events.len(), 2);
    assert_eq!(
        document.events[1].source.name.as_deref(),
        Some("Nicolás Maduro")
    );
}

#[test]
#[ignore = "writes tests/fixtures/schema_v1.sqlite; run by hand, then commit the file"]
fn write_schema_v1_fixture() {
    assert_eq!(
        dyad_store::SCHEMA_VERSION,
        1,
        "the v1 fixture can only be written by v1"
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v1.db");
    {
        let mut store = SqliteStore::open(&path).unwrap();
        store.set_pipeline("fixture");
        store.put_batch(&common::corpus()).unwrap();
    }
    // One self-contained file, small pages, no free space.
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch("PRAGMA journal_mode = DELETE; PRAGMA page_size = 1024; VACUUM;")
        .unwrap();
    drop(conn);
    std::fs::copy(&path, fixture(1)).unwrap();
}
