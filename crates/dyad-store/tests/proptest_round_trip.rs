//! Whatever events are stored come back unchanged, from a query and from `document`.

use dyad_store::{EventQuery, SqliteStore, Store};
use dyad_types::{
    Actor, Analysis, Attribution, AttributionKind, DateBasis, DatePrecision, Document, Event,
    EventDate, Location, Mode, PloverCoding, Sentence, Trigger,
};
use proptest::prelude::*;

fn maybe(pattern: &'static str) -> impl Strategy<Value = Option<String>> {
    proptest::option::of(pattern)
}

fn actor() -> impl Strategy<Value = Actor> {
    (
        (0usize..500, 0usize..50),
        "\\PC{0,20}",
        maybe("\\PC{1,20}"),
        maybe("[A-Z]{3}[A-Z]{0,6}"),
        maybe("[A-Z]{3}"),
        proptest::collection::vec("[A-Z]{3}", 0..3),
    )
        .prop_map(|((start, len), text, name, code, country, roles)| Actor {
            start,
            end: start + len,
            text,
            name,
            code,
            country,
            roles,
            office_left: None,
        })
}

fn date() -> impl Strategy<Value = EventDate> {
    let precision = prop::sample::select(vec![
        DatePrecision::Day,
        DatePrecision::Week,
        DatePrecision::Month,
        DatePrecision::Year,
        DatePrecision::Decade,
    ]);
    let basis = prop::sample::select(vec![
        DateBasis::Timex,
        DateBasis::Document,
        DateBasis::Unknown,
    ]);
    (
        maybe("[12][0-9]{3}(-[01][0-9](-[0-3][0-9])?|-W[0-5][0-9])?"),
        precision,
        basis,
    )
        .prop_map(|(value, precision, basis)| EventDate {
            value,
            precision,
            basis,
        })
}

fn extras() -> impl Strategy<Value = (Option<PloverCoding>, Vec<Attribution>, Option<Location>)> {
    let plover = proptest::option::of(
        ("[A-Z]{4,10}", maybe("[a-z]{3,8}")).prop_map(|(event, mode)| PloverCoding { event, mode }),
    );
    let kind = prop::sample::select(vec![
        AttributionKind::Person,
        AttributionKind::Organization,
        AttributionKind::Outlet,
        AttributionKind::Anonymous,
        AttributionKind::Document,
    ]);
    let attribution = proptest::collection::vec(
        ("\\PC{0,15}", kind, proptest::option::of(actor()))
            .prop_map(|(text, kind, actor)| Attribution { text, kind, actor }),
        0..3,
    );
    let location = proptest::option::of(
        (
            "\\PC{0,15}",
            maybe("[A-Z]{3}"),
            proptest::option::of(-90.0..90.0f64),
            { proptest::option::of(-180.0..180.0f64) },
        )
            .prop_map(|(text, country, lat, lon)| Location {
                text,
                country,
                lat,
                lon,
                ..Location::default()
            }),
    );
    (plover, attribution, location)
}

fn event() -> impl Strategy<Value = Event> {
    (
        (0usize..4, actor(), proptest::option::of(actor())),
        ("[0-2][0-9]{1,3}", "\\PC{0,30}", -10.0..10.0f64, 1u8..=4),
        (
            date(),
            prop::sample::select(Mode::ALL.to_vec()),
            extras(),
            0.0..=1.0f64,
            prop::collection::vec("[a-z_]{1,12}", 0..3),
            prop::option::of(-100.0..=100.0f64),
        ),
        "\\PC{0,12}",
    )
        .prop_map(|(who, what, how, trigger)| {
            let (sentence, source, target) = who;
            let (cameo, cameo_name, goldstein, quad_class) = what;
            let (date, mode, (plover, attribution, location), confidence, contexts, tone) = how;
            Event {
                id: String::new(),
                sentence,
                trigger: Trigger {
                    start: 0,
                    end: trigger.len(),
                    text: trigger,
                },
                source,
                target,
                cameo,
                cameo_name,
                goldstein,
                quad_class,
                plover,
                date,
                mode,
                attribution,
                location,
                confidence,
                contexts,
                tone,
            }
        })
}

/// A document of one to three sentences with up to six events; a sentence index may point
/// past the last sentence (the trigger is then the evidence).
fn analysis() -> impl Strategy<Value = Analysis> {
    (
        proptest::collection::vec("\\PC{1,40}", 1..4),
        maybe("[a-z]{2,12}"),
        maybe("\\PC{0,10}"),
        "[a-z0-9-]{1,12}",
        proptest::collection::vec(event(), 0..6),
    )
        .prop_map(|(sentences, outlet, title, id, events)| {
            let mut doc = Document::from_text(sentences.join(" "));
            doc.id = id;
            doc.outlet = outlet;
            doc.title = title;
            let mut analysis = Analysis::new(doc);
            let mut start = 0;
            for sentence in &sentences {
                let end = start + sentence.len();
                analysis.sentences.push(Sentence {
                    start,
                    end,
                    first_token: 0,
                    last_token: 0,
                });
                start = end + 1;
            }
            analysis.events = events
                .into_iter()
                .enumerate()
                .map(|(i, event)| Event {
                    id: format!("ev{i}"),
                    ..event
                })
                .collect();
            analysis
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn stored_analyses_read_back_unchanged(batch in proptest::collection::vec(analysis(), 1..4)) {
        let mut store = SqliteStore::open_in_memory().unwrap();
        let summary = store.put_batch(&batch).unwrap();
        let distinct: std::collections::HashSet<_> =
            batch.iter().map(|a| a.doc.store_key()).collect();
        prop_assert_eq!(summary.documents_added, distinct.len() as u64);
        prop_assert_eq!(summary.documents_skipped, (batch.len() - distinct.len()) as u64);

        let events = store.query(&EventQuery::all()).unwrap();
        prop_assert_eq!(events.len() as u64, summary.events_added);
        for stored in &events {
            let analysis = batch
                .iter()
                .find(|a| a.doc.store_key() == stored.content_hash)
                .unwrap();
            let original = analysis.events.iter().find(|e| e.id == stored.event.id).unwrap();
            prop_assert_eq!(&stored.event, original);
            let evidence = analysis
                .sentences
                .get(original.sentence)
                .map_or(original.trigger.text.as_str(), |s| &analysis.doc.text[s.start..s.end]);
            prop_assert_eq!(&stored.evidence, evidence);
        }
        for hash in &distinct {
            let first = batch.iter().find(|a| &a.doc.store_key() == hash);
            let read = store.document(hash).unwrap();
            prop_assert_eq!(read.as_ref(), first);
        }
        prop_assert_eq!(store.put_batch(&batch).unwrap().documents_added, 0);
    }
}
