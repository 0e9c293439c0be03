//! The event map (events per country and place of their location) and the tones read back
//! from stored records (AvgTone of a merged event: the mean of its articles' tones).

mod common;

use common::{actor, analysis, Spec};
use dyad_store::{EventQuery, SqliteStore, Store};
use dyad_types::{Analysis, Location, Mode, Tone};

/// An article in which `source` does `cameo` to `target` on `date`, located at `place`.
fn located(
    id: &str,
    cameo: &str,
    quad: u8,
    date: &str,
    place: Option<(&str, &str, f64, f64)>,
) -> Analysis {
    let mut a = analysis(
        id,
        Some(id),
        &[&format!("Sentence of {id} about {cameo}.")],
        vec![Spec {
            id: "e1",
            sentence: 0,
            source: actor(&format!("source {id}"), None, Some("AAA"), None),
            target: Some(actor(&format!("target {id}"), None, Some("BBB"), None)),
            cameo,
            quad_class: quad,
            mode: Mode::Asserted,
            date: Some(date),
        }],
    );
    a.events[0].location = place.map(|(text, country, lat, lon)| Location {
        text: text.into(),
        country: Some(country.into()),
        lat: Some(lat),
        lon: Some(lon),
        ..Location::default()
    });
    a.events[0].tone = Some(if quad > 2 { -4.0 } else { 2.0 });
    a.events[0].goldstein = if quad > 2 { -8.0 } else { 3.0 };
    a
}

#[test]
fn the_map_counts_merged_events_per_country_and_place_within_the_period() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    store
        .put_batch(&[
            located(
                "kyiv-1",
                "190",
                4,
                "2025-01-10",
                Some(("Kyiv", "UKR", 50.45, 30.52)),
            ),
            located(
                "kyiv-2",
                "042",
                1,
                "2025-01-20",
                Some(("Kiev", "UKR", 50.4501, 30.5234)),
            ),
            located(
                "lviv",
                "111",
                3,
                "2025-02-03",
                Some(("Lviv", "UKR", 49.84, 24.03)),
            ),
            located(
                "paris",
                "051",
                1,
                "2025-06-01",
                Some(("Paris", "FRA", 48.86, 2.35)),
            ),
            located("nowhere", "010", 2, "2025-06-02", None),
        ])
        .unwrap();
    let all = store.event_map(&EventQuery::all(), 100).unwrap();
    assert_eq!((all.events, all.located), (5, 4));
    let countries: Vec<(&str, u64)> = all
        .countries
        .iter()
        .map(|c| (c.country.as_str(), c.events))
        .collect();
    assert_eq!(countries, vec![("UKR", 3), ("FRA", 1)]);
    let ukraine = &all.countries[0];
    let stored = store.query(&EventQuery::all()).unwrap();
    let goldstein: Vec<f64> = stored
        .iter()
        .filter(|e| e.event.location.as_ref().and_then(|l| l.country.as_deref()) == Some("UKR"))
        .map(|e| e.event.goldstein)
        .collect();
    assert_eq!(goldstein.len(), 3);
    assert!((ukraine.goldstein_mean - goldstein.iter().sum::<f64>() / 3.0).abs() < 1e-9);
    assert!((ukraine.goldstein_mean - (-8.0 + 3.0 - 8.0) / 3.0).abs() < 1e-9);
    assert_eq!(ukraine.quad_classes, [1, 0, 1, 1]);
    assert!((ukraine.tone_mean.unwrap() - (-4.0 - 4.0 + 2.0) / 3.0).abs() < 1e-9);
    // Kyiv spelt two ways at the same rounded coordinates is one place of two events.
    assert_eq!(all.places.len(), 3);
    assert_eq!(all.places[0].events, 2);
    assert_eq!((all.places[0].lat, all.places[0].lon), (50.45, 30.52));
    assert_eq!(all.places[0].country.as_deref(), Some("UKR"));
    assert!(["Kyiv", "Kiev"].contains(&all.places[0].place.as_str()));
    assert!(!all.places[0].example_event.is_empty());
    // The period filter: from February on, Kyiv is gone.
    let later = store
        .event_map(
            &EventQuery {
                date_from: Some("2025-02-01".into()),
                ..EventQuery::all()
            },
            100,
        )
        .unwrap();
    let countries: Vec<(&str, u64)> = later
        .countries
        .iter()
        .map(|c| (c.country.as_str(), c.events))
        .collect();
    assert_eq!(countries, vec![("FRA", 1), ("UKR", 1)]);
    assert_eq!(later.places.len(), 2);
    // The place limit keeps the busiest.
    assert_eq!(
        store.event_map(&EventQuery::all(), 1).unwrap().places.len(),
        1
    );
}

#[test]
fn avg_tone_is_the_mean_of_the_reporting_articles_and_mention_tone_each_ones() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    let mut reports = Vec::new();
    for (id, outlet, tone) in [("a", "Reuters", -6.0), ("b", "AP", -2.0)] {
        let mut report = analysis(
            id,
            Some(outlet),
            &["US forces struck a boat off Venezuela on Tuesday."],
            vec![Spec {
                id: "e1",
                sentence: 0,
                source: actor("the Pentagon", Some("USAMIL"), Some("USA"), None),
                target: Some(actor("Venezuela", Some("VEN"), Some("VEN"), None)),
                cameo: "190",
                quad_class: 4,
                mode: Mode::Asserted,
                date: Some("2025-12-02"),
            }],
        );
        // Different texts (not near-duplicates), the same event.
        report.doc.text.push_str(&format!(" Written by {outlet}."));
        report.tone = Some(Tone {
            tone,
            ..Tone::default()
        });
        reports.push(report);
    }
    // An article stored before the tone stage existed has no tone.
    let mut untoned = located("old", "042", 1, "2025-12-05", None);
    untoned.tone = None;
    reports.push(untoned);
    store.put_batch(&reports).unwrap();
    let merged = store.query(&EventQuery::all()).unwrap();
    let strike = merged.iter().find(|e| e.event.cameo == "190").unwrap();
    assert_eq!(strike.num_articles, 2);
    assert_eq!(strike.avg_tone, Some(-4.0));
    let mentions = store
        .query(&EventQuery {
            mentions: true,
            code: Some("190".into()),
            ..EventQuery::all()
        })
        .unwrap();
    let tones: Vec<Option<f64>> = mentions.iter().map(|m| m.document_tone).collect();
    assert_eq!(tones, vec![Some(-6.0), Some(-2.0)]);
    let old = merged.iter().find(|e| e.event.cameo == "042").unwrap();
    assert_eq!((old.document_tone, old.avg_tone), (None, None));
}
