//! Analyses built by hand for the store tests.
#![allow(dead_code)]

use dyad_types::{
    Actor, Analysis, DateBasis, DatePrecision, Document, Event, EventDate, Mode, Sentence, Trigger,
};

/// An actor mention with an optional code, country and canonical name.
pub fn actor(text: &str, code: Option<&str>, country: Option<&str>, name: Option<&str>) -> Actor {
    Actor {
        start: 0,
        end: text.len(),
        text: text.to_string(),
        name: name.map(str::to_string),
        code: code.map(str::to_string),
        country: country.map(str::to_string),
        roles: code
            .filter(|c| c.len() > 3)
            .map(|c| vec![c[3..].to_string()])
            .unwrap_or_default(),
        ..Actor::default()
    }
}

/// The description of one event in a test corpus.
pub struct Spec<'a> {
    pub id: &'a str,
    pub sentence: usize,
    pub source: Actor,
    pub target: Option<Actor>,
    pub cameo: &'a str,
    pub quad_class: u8,
    pub mode: Mode,
    pub date: Option<&'a str>,
}

/// An analysis of `sentences` (joined by spaces) with the given events.
pub fn analysis(id: &str, outlet: Option<&str>, sentences: &[&str], specs: Vec<Spec>) -> Analysis {
    let text = sentences.join(" ");
    let mut doc = Document::from_text(text);
    doc.id = id.to_string();
    doc.outlet = outlet.map(str::to_string);
    doc.url = Some(format!("https://news.example/{id}"));
    doc.title = Some(format!("Title of {id}"));
    doc.published = Some("2025-12-01".to_string());
    let mut analysis = Analysis::new(doc);
    let mut start = 0;
    for sentence in sentences {
        let end = start + sentence.len();
        analysis.sentences.push(Sentence {
            start,
            end,
            first_token: 0,
            last_token: 0,
        });
        start = end + 1;
    }
    for spec in specs {
        let sentence = analysis.sentences[spec.sentence];
        let first_word = analysis.doc.text[sentence.start..sentence.end]
            .split(' ')
            .next()
            .unwrap_or_default()
            .to_string();
        analysis.events.push(Event {
            id: spec.id.to_string(),
            sentence: spec.sentence,
            trigger: Trigger {
                start: sentence.start,
                end: sentence.start + first_word.len(),
                text: first_word,
            },
            source: spec.source,
            target: spec.target,
            cameo: spec.cameo.to_string(),
            cameo_name: format!("name of {}", spec.cameo),
            goldstein: -2.5,
            quad_class: spec.quad_class,
            plover: None,
            date: EventDate {
                value: spec.date.map(str::to_string),
                precision: match spec.date.map(str::len) {
                    Some(10) => DatePrecision::Day,
                    Some(7) => DatePrecision::Month,
                    _ => DatePrecision::Year,
                },
                basis: if spec.date.is_some() {
                    DateBasis::Timex
                } else {
                    DateBasis::Unknown
                },
            },
            mode: spec.mode,
            attribution: Vec::new(),
            location: None,
            confidence: 0.75,
            ..Event::default()
        });
    }
    analysis
}

/// Three articles with six events covering every filter.
///
/// | event | source | target | cameo | quad | mode | date | outlet |
/// | a1 | USAGOV | VENGOV | 112 | 3 | asserted | 2025-11-27 | Reuters |
/// | a2 | VENGOV "Nicolás Maduro" | USA | 125 | 3 | negated | 2025-11-28 | Reuters |
/// | b1 | VEN | COLGOV | 036 | 1 | future | 2025-12-08 | AP |
/// | b2 | COLMIL | — | 190 | 4 | reported | 2025-12 | AP |
/// | c1 | USAGOV "Donald Trump" | — | 0311 | 1 | future | — | — |
/// | c2 | country IRN "Tehran" | USA | 111 | 3 | asserted | 2025-11 | — |
pub fn corpus() -> Vec<Analysis> {
    vec![
        analysis(
            "doc-a",
            Some("Reuters"),
            &[
                "The United States accused Venezuela of drug trafficking.",
                "Nicolás Maduro rejected the claims.",
            ],
            vec![
                Spec {
                    id: "a1",
                    sentence: 0,
                    source: actor("The United States", Some("USAGOV"), Some("USA"), None),
                    target: Some(actor("Venezuela", Some("VENGOV"), Some("VEN"), None)),
                    cameo: "112",
                    quad_class: 3,
                    mode: Mode::Asserted,
                    date: Some("2025-11-27"),
                },
                Spec {
                    id: "a2",
                    sentence: 1,
                    source: actor(
                        "Nicolás Maduro",
                        Some("VENGOV"),
                        Some("VEN"),
                        Some("Nicolás Maduro"),
                    ),
                    target: Some(actor("the United States", Some("USA"), Some("USA"), None)),
                    cameo: "125",
                    quad_class: 3,
                    mode: Mode::Negated,
                    date: Some("2025-11-28"),
                },
            ],
        ),
        analysis(
            "doc-b",
            Some("AP"),
            &[
                "Venezuela will meet Colombian officials next week.",
                "Colombia's army attacked a rebel camp, officials said.",
            ],
            vec![
                Spec {
                    id: "b1",
                    sentence: 0,
                    source: actor("Venezuela", Some("VEN"), Some("VEN"), None),
                    target: Some(actor(
                        "Colombian officials",
                        Some("COLGOV"),
                        Some("COL"),
                        None,
                    )),
                    cameo: "036",
                    quad_class: 1,
                    mode: Mode::Future,
                    date: Some("2025-12-08"),
                },
                Spec {
                    id: "b2",
                    sentence: 1,
                    source: actor("Colombia's army", Some("COLMIL"), Some("COL"), None),
                    target: None,
                    cameo: "190",
                    quad_class: 4,
                    mode: Mode::Reported,
                    date: Some("2025-12"),
                },
            ],
        ),
        analysis(
            "doc-c",
            None,
            &[
                "Trump said the strikes would continue.",
                "Tehran condemned Washington.",
            ],
            vec![
                Spec {
                    id: "c1",
                    sentence: 0,
                    source: actor("Trump", Some("USAGOV"), Some("USA"), Some("Donald Trump")),
                    target: None,
                    cameo: "0311",
                    quad_class: 1,
                    mode: Mode::Future,
                    date: None,
                },
                Spec {
                    id: "c2",
                    sentence: 1,
                    source: actor("Tehran", None, Some("IRN"), None),
                    target: Some(actor("Washington", Some("USA"), Some("USA"), None)),
                    cameo: "111",
                    quad_class: 3,
                    mode: Mode::Asserted,
                    date: Some("2025-11"),
                },
            ],
        ),
    ]
}

/// The ids of the events, in the order returned.
pub fn ids(events: &[dyad_store::StoredEvent]) -> Vec<&str> {
    events.iter().map(|e| e.event.id.as_str()).collect()
}
