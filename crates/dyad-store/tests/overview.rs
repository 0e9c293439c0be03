//! The read-only summaries the dashboard shows: the actor network, frequent actors,
//! documents, the mode filter, and opening a store read-only.

mod common;

use dyad_store::{ActorLevel, EventQuery, SqliteStore, Store};
use dyad_types::Mode;

fn stored_corpus(dir: &tempfile::TempDir) -> std::path::PathBuf {
    let path = dir.path().join("store.db");
    let mut store = SqliteStore::open(&path).unwrap();
    store.put_batch(&common::corpus()).unwrap();
    path
}

#[test]
fn network_edges_count_events_per_source_and_target() {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open_read_only(&stored_corpus(&dir)).unwrap();
    let edges = store
        .actor_network(&EventQuery::all(), ActorLevel::Country, 100)
        .unwrap();
    let pairs: Vec<(&str, &str, u64)> = edges
        .iter()
        .map(|e| (e.source.as_str(), e.target.as_str(), e.events))
        .collect();
    // Events without a target (b2, c1) make no edge; every edge here has one event.
    assert_eq!(
        pairs,
        [
            ("IRN", "USA", 1),
            ("USA", "VEN", 1),
            ("VEN", "COL", 1),
            ("VEN", "USA", 1)
        ]
    );
    let usa_ven = &edges[1];
    assert_eq!(usa_ven.quad_classes, [0, 0, 1, 0]);
    assert_eq!(usa_ven.goldstein_mean, -2.5);
    assert_eq!(usa_ven.by_mode.get("asserted"), Some(&1));

    let by_code = store
        .actor_network(&EventQuery::all(), ActorLevel::Code, 100)
        .unwrap();
    assert!(by_code
        .iter()
        .any(|e| e.source == "USAGOV" && e.target == "VENGOV"));
    // Filters narrow the network; the limit keeps the busiest edges.
    let negated = EventQuery {
        modes: vec![Mode::Negated],
        ..EventQuery::all()
    };
    let edges = store
        .actor_network(&negated, ActorLevel::Country, 100)
        .unwrap();
    assert_eq!(edges.len(), 1);
    assert_eq!(
        (edges[0].source.as_str(), edges[0].target.as_str()),
        ("VEN", "USA")
    );
    assert_eq!(
        store
            .actor_network(&EventQuery::all(), ActorLevel::Country, 2)
            .unwrap()
            .len(),
        2
    );
}

#[test]
fn modes_filter_keeps_any_of_the_modes() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    store.put_batch(&common::corpus()).unwrap();
    let query = EventQuery {
        modes: vec![Mode::Future, Mode::Negated],
        ..EventQuery::all()
    };
    let mut found = common::ids(&store.query(&query).unwrap())
        .into_iter()
        .map(str::to_string)
        .collect::<Vec<_>>();
    found.sort();
    assert_eq!(found, ["a2", "b1", "c1"]);
    // With `mode` too, both must hold.
    let both = EventQuery {
        mode: Some(Mode::Future),
        ..query
    };
    assert_eq!(store.query(&both).unwrap().len(), 2);
}

#[test]
fn actors_and_documents_are_listed_most_frequent_first() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    store.put_batch(&common::corpus()).unwrap();
    let actors = store.actors(100).unwrap();
    assert_eq!(actors[0].actor, "USA");
    assert_eq!(actors[0].events, 4);
    assert!(actors.iter().any(|a| a.actor == "USAGOV"));
    assert_eq!(store.actors(1).unwrap().len(), 1);

    let all = store.documents(None, 10, 0).unwrap();
    assert_eq!(all.total, 3);
    assert_eq!(all.documents.len(), 3);
    assert!(all.documents.iter().all(|d| d.events == 2));
    assert!(all.documents[0].opening.len() <= 100);
    // Found by a word of the title, the id or the text, ignoring case.
    let found = store.documents(Some("MADURO"), 10, 0).unwrap();
    assert_eq!(found.total, 1);
    assert_eq!(found.documents[0].id, "doc-a");
    let page = store.documents(None, 2, 2).unwrap();
    assert_eq!((page.total, page.documents.len()), (3, 1));
    assert_eq!(
        store.documents(Some("no such words"), 10, 0).unwrap().total,
        0
    );
}

#[test]
fn read_only_store_reads_and_refuses_writes() {
    let dir = tempfile::tempdir().unwrap();
    let path = stored_corpus(&dir);
    let mut store = SqliteStore::open_read_only(&path).unwrap();
    assert_eq!(store.stats().unwrap().documents, 3);
    let mut extra = common::corpus();
    extra.truncate(1);
    extra[0].doc.text.push_str(" More.");
    extra[0].doc.id = "doc-new".into();
    assert!(store.put_batch(&extra).is_err());
    assert_eq!(store.stats().unwrap().documents, 3);

    let missing = dir.path().join("missing.db");
    assert!(matches!(
        SqliteStore::open_read_only(&missing),
        Err(dyad_store::Error::Missing { .. })
    ));
    assert!(!missing.exists(), "opening read-only creates nothing");
}
