//! Reports of one event merged across articles; near-duplicate articles linked.

mod common;

use common::{actor, analysis, Spec};
use dyad_store::{Error, EventQuery, SqliteOptions, SqliteStore, Store};
use dyad_types::{Analysis, Mode};

/// An article telling that the US struck a Venezuelan boat, dated `date`.
fn strike_report(id: &str, outlet: &str, sentence: &str, date: &str, mode: Mode) -> Analysis {
    analysis(
        id,
        Some(outlet),
        &[sentence],
        vec![Spec {
            id: "e1",
            sentence: 0,
            source: actor("the Pentagon", Some("USAMIL"), Some("USA"), None),
            target: Some(actor("Venezuela", Some("VEN"), Some("VEN"), None)),
            cameo: "190",
            quad_class: 4,
            mode,
            date: Some(date),
        }],
    )
}

fn merged(store: &SqliteStore) -> Vec<dyad_store::StoredEvent> {
    store.query(&EventQuery::all()).unwrap()
}

#[test]
fn reports_of_one_event_from_three_outlets_merge_once() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    let batch = [
        strike_report(
            "a",
            "Reuters",
            "US forces struck a boat off Venezuela on Tuesday.",
            "2025-12-02",
            Mode::Asserted,
        ),
        strike_report(
            "b",
            "AP",
            "The Pentagon said it hit a vessel near the Venezuelan coast.",
            "2025-12-02",
            Mode::Reported,
        ),
        strike_report(
            "c",
            "reuters",
            "A second Reuters story on the strike.",
            "2025-12-03",
            Mode::Asserted,
        ),
    ];
    let summary = store.put_batch(&batch).unwrap();
    assert_eq!(summary.events_added, 3);
    assert_eq!(summary.merged_events_added, 1);

    let events = merged(&store);
    assert_eq!(events.len(), 1, "{events:#?}");
    let event = &events[0];
    assert_eq!((event.num_mentions, event.num_articles), (3, 3));
    // Outlets compare ignoring case: Reuters twice is one source.
    assert_eq!(event.num_sources, 2);
    assert_eq!(event.document_id, "a");

    let mentions = store
        .query(&EventQuery {
            mentions: true,
            ..EventQuery::all()
        })
        .unwrap();
    assert_eq!(mentions.len(), 3);
    assert!(mentions.iter().all(|m| m.event_id == event.event_id));

    let shown = store.merged_event(&event.event_id).unwrap().unwrap();
    let reasons: Vec<&str> = shown
        .mentions
        .iter()
        .map(|m| m.merge_reason.as_deref().unwrap())
        .collect();
    assert_eq!(reasons[0], "first report");
    assert!(
        reasons[1].contains("USA → VEN") && reasons[1].contains("root 19"),
        "{reasons:?}"
    );
    assert_eq!(store.merged_event("no-such-event").unwrap(), None);
    let stats = store.stats().unwrap();
    assert_eq!((stats.events, stats.merged_events), (3, 1));
}

#[test]
fn what_differs_stays_apart() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    let base = "US forces struck a boat off Venezuela.";
    let batch = [
        strike_report("a", "Reuters", base, "2025-12-02", Mode::Asserted),
        // Five days later: another strike.
        strike_report("b", "AP", base, "2025-12-07", Mode::Asserted),
        // A denial is not the deed.
        strike_report("c", "BBC", base, "2025-12-02", Mode::Negated),
        // A threat of one is not the deed either.
        strike_report("d", "CNN", base, "2025-12-02", Mode::Future),
    ];
    store.put_batch(&batch).unwrap();
    assert_eq!(merged(&store).len(), 4);
}

#[test]
fn two_events_of_one_article_never_merge() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    let mut article = strike_report(
        "a",
        "Reuters",
        "US forces struck two boats off Venezuela on Tuesday.",
        "2025-12-02",
        Mode::Asserted,
    );
    let mut second = article.events[0].clone();
    second.id = "e2".into();
    article.events.push(second);
    let copy_of_both = {
        let mut other = article.clone();
        other.doc.id = "b".into();
        other.doc.outlet = Some("AP".into());
        other.doc.text = "Two boats were struck by US forces off Venezuela, AP learned.".into();
        other.sentences[0].end = other.doc.text.len();
        other
    };
    store.put_batch(&[article, copy_of_both]).unwrap();
    let events = merged(&store);
    assert_eq!(events.len(), 2);
    // Each strike is told by both articles.
    assert!(events.iter().all(|e| e.num_articles == 2), "{events:#?}");
}

#[test]
fn coarse_dates_merge_only_on_similar_evidence() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    let batch = [
        strike_report(
            "a",
            "Reuters",
            "In December the Pentagon struck a drug boat near Venezuela.",
            "2025-12",
            Mode::Asserted,
        ),
        strike_report(
            "b",
            "AP",
            "The Pentagon struck a drug boat near Venezuela in December.",
            "2025-12",
            Mode::Asserted,
        ),
        strike_report(
            "c",
            "BBC",
            "Air raids on ports were carried out that month.",
            "2025-12",
            Mode::Asserted,
        ),
    ];
    store.put_batch(&batch).unwrap();
    let mut counts: Vec<u64> = merged(&store).iter().map(|e| e.num_articles).collect();
    counts.sort_unstable();
    assert_eq!(counts, [1, 2]);
}

/// A long article text, so that its shingles say which article it is.
fn long_text(lead: &str) -> String {
    format!(
        "{lead} Officials in Caracas said the vessel was a fishing boat and that its crew of \
         eleven had no links to any cartel. The Pentagon said the boat carried drugs bound for \
         the United States and released a short video of the strike. Lawmakers in Washington \
         asked for the legal basis of the operation, and the White House said a briefing \
         would be held later in the week. Venezuela's foreign ministry called the strike an \
         act of aggression and said it would raise the matter at the United Nations."
    )
}

#[test]
fn wire_copies_are_linked_and_add_no_event() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    let lead = "US forces struck a boat off Venezuela on Tuesday.";
    let mut original = strike_report("wire-1", "AP", lead, "2025-12-02", Mode::Asserted);
    original.doc.text = long_text(lead);
    let mut copy = original.clone();
    copy.doc.id = "paper-7".into();
    copy.doc.outlet = Some("Daily Paper".into());
    copy.doc.title = Some("A new headline".into());
    copy.doc.text = format!("{} Reporting by AP.", copy.doc.text);
    // The copy was published later and dates its event by its own publication.
    copy.events[0].date.value = Some("2025-12-09".into());

    // Another strike on the copy's date, told by another article: a candidate for the
    // copy's report too, but not the one it copies.
    let other = strike_report(
        "other",
        "BBC",
        "A week later another boat was hit near Venezuelan waters.",
        "2025-12-09",
        Mode::Asserted,
    );
    store.put_batch(&[original, other]).unwrap();
    let summary = store.put_batch(&[copy]).unwrap();
    assert_eq!(summary.documents_added, 1);
    assert_eq!(summary.documents_near_duplicate, 1);
    assert_eq!(summary.merged_events_added, 0);

    let events: Vec<_> = merged(&store)
        .into_iter()
        .filter(|e| e.document_id != "other")
        .collect();
    assert_eq!(events.len(), 1);
    // One article (the copy counts with its original), two outlets carried it.
    assert_eq!((events[0].num_mentions, events[0].num_articles), (2, 1));
    assert_eq!(events[0].num_sources, 2);
    let shown = store.merged_event(&events[0].event_id).unwrap().unwrap();
    let copy = &shown.mentions[1];
    assert_eq!(copy.document_id, "paper-7");
    assert_eq!(
        copy.duplicate_of.as_deref(),
        Some(shown.mentions[0].content_hash.as_str())
    );
    assert!(copy
        .merge_reason
        .as_deref()
        .unwrap()
        .contains("nearly repeats"));
    assert_eq!(store.stats().unwrap().near_duplicate_documents, 1);
    assert_eq!(store.stats().unwrap().merged_events, 2);
}

#[test]
fn a_full_disk_refuses_the_batch_and_keeps_what_was_stored() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("quota.db");
    let options = SqliteOptions {
        max_size_bytes: Some(256 * 1024),
        ..SqliteOptions::default()
    };
    let mut store = SqliteStore::open_with(&path, &options).unwrap();
    let mut stored = 0;
    let mut error = None;
    for batch in 0..200 {
        let articles: Vec<Analysis> = (0..5)
            .map(|i| {
                let mut a = strike_report(
                    &format!("doc-{batch}-{i}"),
                    "AP",
                    "US forces struck a boat off Venezuela on Tuesday.",
                    "2025-12-02",
                    Mode::Asserted,
                );
                a.doc.text = long_text(&format!("Report {batch}-{i}: {}", "filler ".repeat(400)));
                a
            })
            .collect();
        match store.put_batch(&articles) {
            Ok(summary) => stored += summary.documents_added,
            Err(e) => {
                error = Some(e);
                break;
            }
        }
    }
    let error = error.expect("the quota is reached");
    assert!(matches!(error, Error::DiskFull { .. }), "{error:?}");
    assert!(error.to_string().contains("disk full"), "{error}");
    assert!(stored > 0);
    drop(store);

    // Everything committed is intact; with room again the store takes more.
    let mut store = SqliteStore::open(&path).unwrap();
    assert_eq!(store.stats().unwrap().documents, stored);
    let more = strike_report(
        "after",
        "AP",
        "Another strike.",
        "2025-12-09",
        Mode::Asserted,
    );
    assert_eq!(store.put_batch(&[more]).unwrap().documents_added, 1);
}

#[test]
fn deleting_an_article_deletes_its_bands_and_no_other() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bands.db");
    let mut a = strike_report(
        "a",
        "AP",
        "US forces struck a boat.",
        "2025-12-02",
        Mode::Asserted,
    );
    a.doc.text = long_text("US forces struck a boat off Venezuela on Tuesday.");
    let mut b = strike_report(
        "b",
        "BBC",
        "Another boat was hit.",
        "2025-12-09",
        Mode::Asserted,
    );
    b.doc.text = long_text("A week later another boat was hit near Venezuelan waters.");
    SqliteStore::open(&path)
        .unwrap()
        .put_batch(&[a, b])
        .unwrap();

    // As any program would delete it, with foreign keys enforced.
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "foreign_keys", true).unwrap();
    let bands = |id: &str| -> i64 {
        conn.query_row(
            "SELECT count(*) FROM minhash_bands b JOIN documents d USING (content_hash)
             WHERE d.id = ?1",
            [id],
            |row| row.get(0),
        )
        .unwrap()
    };
    assert!(bands("a") > 0 && bands("b") > 0);
    let all = |conn: &rusqlite::Connection| -> i64 {
        conn.query_row("SELECT count(*) FROM minhash_bands", [], |row| row.get(0))
            .unwrap()
    };
    let before = all(&conn);
    let kept = bands("b");
    conn.execute("DELETE FROM documents WHERE id = 'a'", [])
        .unwrap();
    assert_eq!(all(&conn), kept, "of {before} band rows, only b's are left");
    assert_eq!(bands("b"), kept);
}
