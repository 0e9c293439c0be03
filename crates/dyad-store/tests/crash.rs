//! A writer killed part way through a batch leaves the store as it was before that batch,
//! and running the ingest again stores the rest.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use dyad_store::{SqliteStore, Store};
use dyad_types::{Analysis, Document, Event, Sentence};
use rusqlite::{Connection, OpenFlags};

/// The variable that turns `writer_child` on and names its database.
const CHILD_DB: &str = "DYAD_STORE_CRASH_TEST_DB";
const BATCH: usize = 100;
const EVENTS_PER_DOCUMENT: usize = 3;
const BATCHES: usize = 400;

fn batch(number: usize) -> Vec<Analysis> {
    (0..BATCH)
        .map(|i| {
            let text = format!("Document {i} of batch {number}: the ministry denounced the raid.");
            let mut analysis = Analysis::new(Document::from_text(text));
            let end = analysis.doc.text.len();
            analysis.sentences.push(Sentence {
                start: 0,
                end,
                first_token: 0,
                last_token: 0,
            });
            for e in 0..EVENTS_PER_DOCUMENT {
                analysis.events.push(Event {
                    id: format!("e{e}"),
                    cameo: "111".into(),
                    quad_class: 3,
                    ..Event::default()
                });
            }
            analysis
        })
        .collect()
}

fn stored_documents(path: &Path) -> u64 {
    let Ok(conn) = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY) else {
        return 0;
    };
    conn.query_row("SELECT count(*) FROM documents", [], |row| row.get(0))
        .unwrap_or(0)
}

#[test]
fn killed_writer_leaves_whole_batches() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("events.db");
    drop(SqliteStore::open(&path).unwrap());

    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "writer_child", "--ignored", "--test-threads=1"])
        .env(CHILD_DB, &path)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while stored_documents(&path) < 3 * BATCH as u64 && started.elapsed() < Duration::from_secs(60)
    {
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().unwrap();
    child.wait().unwrap();

    let mut store = SqliteStore::open(&path).unwrap();
    let stats = store.stats().unwrap();
    assert!(
        stats.documents >= 3 * BATCH as u64,
        "the writer stored too little: {stats:?}"
    );
    assert_eq!(
        stats.documents % BATCH as u64,
        0,
        "a batch was stored in part: {stats:?}"
    );
    assert_eq!(stats.events, stats.documents * EVENTS_PER_DOCUMENT as u64);

    // Resuming: already stored batches are skipped, the next ones are added.
    let done = stats.documents as usize / BATCH;
    let mut skipped = 0;
    for number in 0..done + 2 {
        let summary = store.put_batch(&batch(number)).unwrap();
        skipped += summary.documents_skipped;
    }
    assert_eq!(skipped, stats.documents);
    assert_eq!(
        store.stats().unwrap().documents,
        ((done + 2) * BATCH) as u64
    );
}

/// The writer the test above kills; does nothing unless that test started it.
#[test]
#[ignore = "started and killed by killed_writer_leaves_whole_batches"]
fn writer_child() {
    let Some(path) = std::env::var_os(CHILD_DB) else {
        return;
    };
    let mut store = SqliteStore::open(Path::new(&path)).unwrap();
    for number in 0..BATCHES {
        store.put_batch(&batch(number)).unwrap();
    }
}
