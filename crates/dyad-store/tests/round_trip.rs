//! Storing, reading back, idempotency and atomicity of batches.

mod common;

use dyad_store::{Error, EventQuery, PutSummary, SqliteStore, Store};
use dyad_types::{Analysis, Document, Entity, EntityType, Quote, QuoteKind};

fn enriched(mut analysis: Analysis) -> Analysis {
    analysis.entities.push(Entity {
        start: 0,
        end: 3,
        text: analysis.doc.text[..3].to_string(),
        kind: EntityType::Gpe,
        actor: None,
    });
    analysis.quotes.push(Quote {
        start: 4,
        end: 10,
        text: analysis.doc.text[4..10].to_string(),
        kind: QuoteKind::Indirect,
        speaker: analysis.events.first().map(|e| e.source.clone()),
        cue: Some("said".into()),
        via: vec!["Reuters".into()],
    });
    analysis
}

#[test]
fn put_then_query_then_document() {
    let corpus: Vec<Analysis> = common::corpus().into_iter().map(enriched).collect();
    let mut store = SqliteStore::open_in_memory().unwrap();
    let summary = store.put_batch(&corpus).unwrap();
    assert_eq!(
        summary,
        PutSummary {
            documents_added: 3,
            documents_skipped: 0,
            events_added: 6,
            merged_events_added: 6,
            documents_near_duplicate: 0,
        }
    );

    let events = store.query(&EventQuery::all()).unwrap();
    assert_eq!(events.len(), 6);
    for stored in &events {
        let analysis = corpus
            .iter()
            .find(|a| a.doc.id == stored.document_id)
            .unwrap();
        let original = analysis
            .events
            .iter()
            .find(|e| e.id == stored.event.id)
            .unwrap();
        assert_eq!(&stored.event, original);
        assert_eq!(stored.content_hash, analysis.doc.store_key());
        let sentence = analysis.sentences[original.sentence];
        assert_eq!(
            stored.evidence,
            &analysis.doc.text[sentence.start..sentence.end]
        );
    }

    for analysis in &corpus {
        assert_eq!(
            store.document(&analysis.doc.id).unwrap().as_ref(),
            Some(analysis)
        );
        let hash = analysis.doc.store_key();
        assert!(store.has_document(&hash).unwrap());
        assert_eq!(store.document(&hash).unwrap().as_ref(), Some(analysis));
    }
    assert_eq!(store.document("no such document").unwrap(), None);
    assert!(!store.has_document("0000000000000000").unwrap());
}

#[test]
fn same_batch_twice_adds_nothing() {
    let corpus = common::corpus();
    let mut store = SqliteStore::open_in_memory().unwrap();
    store.put_batch(&corpus).unwrap();
    let second = store.put_batch(&corpus).unwrap();
    assert_eq!(
        second,
        PutSummary {
            documents_added: 0,
            documents_skipped: 3,
            events_added: 0,
            merged_events_added: 0,
            documents_near_duplicate: 0,
        }
    );
    let stats = store.stats().unwrap();
    assert_eq!((stats.documents, stats.events), (3, 6));
}

#[test]
fn same_article_twice_in_a_batch_is_stored_once() {
    let first = common::corpus().remove(0);
    let mut store = SqliteStore::open_in_memory().unwrap();
    let summary = store.put_batch(&[first.clone(), first.clone()]).unwrap();
    assert_eq!(summary.documents_added, 1);
    assert_eq!(summary.documents_skipped, 1);
    assert_eq!(store.document(&first.doc.id).unwrap(), Some(first));
}

#[test]
fn same_text_under_another_id_is_kept_as_its_own_document() {
    // Wire copies: the same text published under two ids are two documents (their events,
    // keyed by the document, differ in id).
    let first = common::corpus().remove(0);
    let mut copy = first.clone();
    copy.doc.id = "another-id".into();
    copy.doc.url = Some("https://mirror.example/a".into());
    for event in &mut copy.events {
        event.id = format!("{}-copy", event.id);
    }
    let mut store = SqliteStore::open_in_memory().unwrap();
    let summary = store.put_batch(&[first.clone(), copy.clone()]).unwrap();
    assert_eq!(summary.documents_added, 2);
    assert_eq!(summary.documents_skipped, 0);
    assert_eq!(store.document("another-id").unwrap(), Some(copy));
    assert_eq!(store.document(&first.doc.id).unwrap(), Some(first));
}

#[test]
fn resuming_stores_only_the_new_documents() {
    let corpus = common::corpus();
    let mut store = SqliteStore::open_in_memory().unwrap();
    store.put_batch(&corpus[..1]).unwrap();
    let summary = store.put_batch(&corpus).unwrap();
    assert_eq!(
        summary,
        PutSummary {
            documents_added: 2,
            documents_skipped: 1,
            events_added: 4,
            merged_events_added: 4,
            documents_near_duplicate: 0,
        }
    );
}

#[test]
fn a_failing_document_rolls_back_the_whole_batch() {
    let mut corpus = common::corpus();
    // The last document of the batch repeats an event id: its insert fails after the
    // first two documents were written inside the transaction.
    let duplicate = corpus[2].events[0].clone();
    corpus[2].events.push(duplicate);
    let mut store = SqliteStore::open_in_memory().unwrap();
    let error = store.put_batch(&corpus).unwrap_err();
    assert!(
        matches!(error, Error::InvalidEvent { ref event, .. } if event == "c1"),
        "{error}"
    );
    assert!(error.to_string().contains("doc-c"), "{error}");

    let stats = store.stats().unwrap();
    assert_eq!((stats.documents, stats.events), (0, 0));
    for analysis in &corpus {
        assert!(!store.has_document(&analysis.doc.store_key()).unwrap());
    }
    // The store is usable afterwards and the good documents go in on a retry.
    let summary = store.put_batch(&corpus[..2]).unwrap();
    assert_eq!(summary.documents_added, 2);
}

#[test]
fn non_finite_numbers_are_refused() {
    let mut corpus = common::corpus();
    corpus[1].events[1].goldstein = f64::NAN;
    let mut store = SqliteStore::open_in_memory().unwrap();
    let error = store.put_batch(&corpus).unwrap_err();
    assert!(
        matches!(error, Error::InvalidEvent { ref event, .. } if event == "b2"),
        "{error}"
    );
    assert_eq!(store.stats().unwrap().documents, 0);
}

#[test]
fn empty_batch_and_empty_documents() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    assert_eq!(store.put_batch(&[]).unwrap(), PutSummary::default());
    let bare = Analysis::new(Document::from_text(""));
    let summary = store.put_batch(std::slice::from_ref(&bare)).unwrap();
    assert_eq!(summary.documents_added, 1);
    assert_eq!(store.document(&bare.doc.id).unwrap(), Some(bare));
}

#[test]
fn stats_count_by_class_mode_root_and_outlet() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    store.put_batch(&common::corpus()).unwrap();
    let stats = store.stats().unwrap();
    assert_eq!(stats.schema_version, dyad_store::SCHEMA_VERSION);
    assert_eq!(stats.by_quad_class.get(&3), Some(&3));
    assert_eq!(stats.by_quad_class.get(&2), None);
    assert_eq!(stats.by_mode.get("future"), Some(&2));
    assert_eq!(stats.by_root.get("03"), Some(&2));
    assert_eq!(stats.by_outlet.get("AP"), Some(&1));
    assert_eq!(stats.first_date.as_deref(), Some("2025-11"));
    assert_eq!(stats.last_date.as_deref(), Some("2025-12-08"));
    let json = serde_json::to_value(&stats).unwrap();
    assert_eq!(json["events"], 6);
}

#[test]
fn pipeline_and_file_store_survive_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("events.db");
    let corpus = common::corpus();
    {
        let mut store = SqliteStore::open(&path).unwrap();
        store.set_pipeline("segment@1 coder@1");
        store.put_batch(&corpus).unwrap();
    }
    let store = SqliteStore::open(&path).unwrap();
    assert_eq!(store.path(), path);
    assert_eq!(store.stats().unwrap().events, 6);
    assert_eq!(store.document("doc-b").unwrap().as_ref(), Some(&corpus[1]));
    let boxed: Box<dyn Store> = Box::new(store);
    assert_eq!(boxed.query(&EventQuery::all()).unwrap().len(), 6);
}

#[test]
fn stores_can_move_between_threads() {
    fn assert_send<T: Send>() {}
    assert_send::<SqliteStore>();
    assert_send::<Box<dyn Store + Send>>();
    let mut store = SqliteStore::open_in_memory().unwrap();
    let store = std::thread::spawn(move || {
        store.put_batch(&common::corpus()).unwrap();
        store
    })
    .join()
    .unwrap();
    assert_eq!(store.stats().unwrap().documents, 3);
}
