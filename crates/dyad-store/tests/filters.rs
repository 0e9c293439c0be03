//! Each [`EventQuery`] filter on a small corpus (see `common::corpus` for its table).

mod common;

use dyad_store::{EventQuery, SqliteStore, Store};
use dyad_types::Mode;

fn store() -> SqliteStore {
    let mut store = SqliteStore::open_in_memory().unwrap();
    store.put_batch(&common::corpus()).unwrap();
    store
}

fn s(text: &str) -> Option<String> {
    Some(text.to_string())
}

fn run(store: &SqliteStore, query: EventQuery) -> Vec<String> {
    let events = store.query(&query).unwrap();
    common::ids(&events)
        .into_iter()
        .map(str::to_string)
        .collect()
}

#[test]
fn everything_sorted_by_date_then_document_then_sentence() {
    let store = store();
    assert_eq!(
        run(&store, EventQuery::all()),
        ["c2", "a1", "a2", "b2", "b1", "c1"]
    );
}

#[test]
fn filters_match_their_events() {
    let store = store();
    let cases: Vec<(&str, EventQuery, Vec<&str>)> = vec![
        (
            "actor by code prefix",
            EventQuery {
                actor: s("USA"),
                ..Default::default()
            },
            vec!["c2", "a1", "a2", "c1"],
        ),
        (
            "actor lowercase code",
            EventQuery {
                actor: s("usagov"),
                ..Default::default()
            },
            vec!["a1", "c1"],
        ),
        (
            "actor by country only",
            EventQuery {
                actor: s("IRN"),
                ..Default::default()
            },
            vec!["c2"],
        ),
        (
            "actor by canonical name",
            EventQuery {
                actor: s("nicolás maduro"),
                ..Default::default()
            },
            vec!["a2"],
        ),
        (
            "actor by mention without name",
            EventQuery {
                actor: s("TEHRAN"),
                ..Default::default()
            },
            vec!["c2"],
        ),
        (
            "actor name, not mention",
            EventQuery {
                actor: s("Trump"),
                ..Default::default()
            },
            vec![],
        ),
        (
            "source",
            EventQuery {
                source: s("USA"),
                ..Default::default()
            },
            vec!["a1", "c1"],
        ),
        (
            "target",
            EventQuery {
                target: s("USA"),
                ..Default::default()
            },
            vec!["c2", "a2"],
        ),
        (
            "target country",
            EventQuery {
                target: s("COL"),
                ..Default::default()
            },
            vec!["b1"],
        ),
        (
            "dyad forward",
            EventQuery {
                dyad: Some(("USA".into(), "VEN".into())),
                ..Default::default()
            },
            vec!["a1", "a2"],
        ),
        (
            "dyad backward",
            EventQuery {
                dyad: Some(("VEN".into(), "USA".into())),
                ..Default::default()
            },
            vec!["a1", "a2"],
        ),
        (
            "dyad without events",
            EventQuery {
                dyad: Some(("USA".into(), "COL".into())),
                ..Default::default()
            },
            vec![],
        ),
        (
            "code prefix",
            EventQuery {
                code: s("11"),
                ..Default::default()
            },
            vec!["c2", "a1"],
        ),
        (
            "code exact",
            EventQuery {
                code: s("112"),
                ..Default::default()
            },
            vec!["a1"],
        ),
        (
            "code one digit",
            EventQuery {
                code: s("0"),
                ..Default::default()
            },
            vec!["b1", "c1"],
        ),
        (
            "root",
            EventQuery {
                root: s("19"),
                ..Default::default()
            },
            vec!["b2"],
        ),
        (
            "root one digit",
            EventQuery {
                root: s("3"),
                ..Default::default()
            },
            vec!["b1", "c1"],
        ),
        (
            "quad class",
            EventQuery {
                quad_class: Some(3),
                ..Default::default()
            },
            vec!["c2", "a1", "a2"],
        ),
        (
            "quad class 4",
            EventQuery {
                quad_class: Some(4),
                ..Default::default()
            },
            vec!["b2"],
        ),
        (
            "mode",
            EventQuery {
                mode: Some(Mode::Future),
                ..Default::default()
            },
            vec!["b1", "c1"],
        ),
        (
            "mode negated",
            EventQuery {
                mode: Some(Mode::Negated),
                ..Default::default()
            },
            vec!["a2"],
        ),
        (
            "mode unused",
            EventQuery {
                mode: Some(Mode::Hypothetical),
                ..Default::default()
            },
            vec![],
        ),
        (
            "date from",
            EventQuery {
                date_from: s("2025-11-28"),
                ..Default::default()
            },
            vec!["a2", "b2", "b1"],
        ),
        (
            "date to",
            EventQuery {
                date_to: s("2025-11-27"),
                ..Default::default()
            },
            vec!["c2", "a1"],
        ),
        (
            "month range",
            EventQuery {
                date_from: s("2025-12"),
                date_to: s("2025-12"),
                ..Default::default()
            },
            vec!["b2", "b1"],
        ),
        (
            "text word",
            EventQuery {
                text: s("drug"),
                ..Default::default()
            },
            vec!["a1"],
        ),
        (
            "text case",
            EventQuery {
                text: s("CAMP"),
                ..Default::default()
            },
            vec!["b2"],
        ),
        (
            "text accents",
            EventQuery {
                text: s("nicolas"),
                ..Default::default()
            },
            vec!["a2"],
        ),
        (
            "text all words",
            EventQuery {
                text: s("officials camp"),
                ..Default::default()
            },
            vec!["b2"],
        ),
        (
            "text phrase",
            EventQuery {
                text: s("\"drug trafficking\""),
                ..Default::default()
            },
            vec!["a1"],
        ),
        (
            "text phrase order",
            EventQuery {
                text: s("\"trafficking drug\""),
                ..Default::default()
            },
            vec![],
        ),
        (
            "text prefix",
            EventQuery {
                text: s("traffic*"),
                ..Default::default()
            },
            vec!["a1"],
        ),
        (
            "text syntax is literal",
            EventQuery {
                text: s("drug OR camp"),
                ..Default::default()
            },
            vec![],
        ),
        (
            "text without words",
            EventQuery {
                text: s("( * )"),
                ..Default::default()
            },
            vec![],
        ),
        (
            "outlet",
            EventQuery {
                outlet: s("reuters"),
                ..Default::default()
            },
            vec!["a1", "a2"],
        ),
        (
            "limit",
            EventQuery {
                limit: Some(2),
                ..Default::default()
            },
            vec!["c2", "a1"],
        ),
        (
            "offset",
            EventQuery {
                limit: Some(2),
                offset: 1,
                ..Default::default()
            },
            vec!["a1", "a2"],
        ),
        (
            "offset alone",
            EventQuery {
                offset: 4,
                ..Default::default()
            },
            vec!["b1", "c1"],
        ),
        (
            "combined",
            EventQuery {
                actor: s("VEN"),
                mode: Some(Mode::Future),
                ..Default::default()
            },
            vec!["b1"],
        ),
        (
            "empty filters ignored",
            EventQuery {
                actor: s("  "),
                code: s(""),
                ..Default::default()
            },
            vec!["c2", "a1", "a2", "b2", "b1", "c1"],
        ),
    ];
    for (name, query, expected) in cases {
        assert_eq!(run(&store, query), expected, "{name}");
    }
}

#[test]
fn results_carry_document_and_evidence() {
    let store = store();
    let events = store
        .query(&EventQuery {
            code: s("036"),
            ..Default::default()
        })
        .unwrap();
    let [event] = events.as_slice() else {
        panic!("one event expected, got {events:?}")
    };
    assert_eq!(event.document_id, "doc-b");
    assert_eq!(event.outlet.as_deref(), Some("AP"));
    assert_eq!(event.url.as_deref(), Some("https://news.example/doc-b"));
    assert_eq!(
        event.evidence,
        "Venezuela will meet Colombian officials next week."
    );
    assert_eq!(event.content_hash.len(), 16);
    assert!(event.analysed_at.ends_with('Z'), "{}", event.analysed_at);
}

#[test]
fn hostile_values_are_data_not_sql() {
    let store = store();
    for value in [
        "'; DROP TABLE events; --",
        "%",
        "_",
        "\"",
        "\\",
        "USA' OR '1'='1",
    ] {
        let query = EventQuery {
            actor: s(value),
            text: s(value),
            outlet: s(value),
            code: s(value),
            ..Default::default()
        };
        assert!(run(&store, query).is_empty(), "{value}");
    }
    assert_eq!(store.stats().unwrap().events, 6);
}
