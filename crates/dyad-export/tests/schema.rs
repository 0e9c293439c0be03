//! Our GDELT rows against the real GDELT 2.0 export in ../shared/data/gdelt (issue 7,
//! acceptance 3): same 61 column names in order, and every column of ours parses the way the
//! real file's column does (integers, decimals, 8-digit dates, CAMEO codes as text).

use dyad_export::gdelt::{row, Provenance, COLUMNS};
use dyad_types::{Actor, DateBasis, DatePrecision, Event, EventDate};

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Integer,
    Decimal,
    Text,
}

fn kind_of(values: &[&str]) -> Kind {
    let filled: Vec<&&str> = values.iter().filter(|v| !v.is_empty()).collect();
    if !filled.is_empty()
        && filled
            .iter()
            .all(|v| v.parse::<i64>().is_ok() && !(v.starts_with('0') && v.len() > 1))
    {
        Kind::Integer
    } else if !filled.is_empty()
        && filled.iter().all(|v| {
            v.parse::<f64>().is_ok() && !(v.starts_with('0') && v.len() > 1 && !v.starts_with("0."))
        })
    {
        Kind::Decimal
    } else {
        Kind::Text
    }
}

fn sample_event() -> Event {
    let actor = |code: &str, country: &str, role: &str, name: &str| Actor {
        code: Some(code.into()),
        country: Some(country.into()),
        roles: vec![role.into()],
        name: Some(name.into()),
        text: name.into(),
        ..Actor::default()
    };
    Event {
        id: "3f2a9c0b7d1e4a55".into(),
        cameo: "191".into(),
        goldstein: -9.5,
        quad_class: 4,
        source: actor("USAGOV", "USA", "GOV", "Donald Trump"),
        target: Some(actor("VEN", "VEN", "", "Venezuela")),
        date: EventDate {
            value: Some("2025-11-29".into()),
            precision: DatePrecision::Day,
            basis: DateBasis::Timex,
        },
        ..Event::default()
    }
}

#[test]
fn rows_match_the_real_gdelt_schema() {
    let Some(header) = dyad_testkit::shared_file("gdelt/events.header.tsv") else {
        return;
    };
    let Some(export) = dyad_testkit::shared_file("gdelt/20191024143000.export.CSV") else {
        return;
    };
    let names: Vec<String> = std::fs::read_to_string(header)
        .unwrap()
        .trim()
        .split('\t')
        .map(String::from)
        .collect();
    assert_eq!(names, COLUMNS, "column names and order");

    let real = std::fs::read_to_string(export).unwrap();
    let rows: Vec<Vec<&str>> = real.lines().map(|l| l.split('\t').collect()).collect();
    assert!(rows.iter().all(|r| r.len() == 61));
    let provenance = Provenance {
        global_id: "3f2a9c0d11b7e845".into(),
        source_url: "https://example.org/a".into(),
        analysed_at: chrono::NaiveDate::from_ymd_opt(2025, 12, 3)
            .unwrap()
            .and_hms_opt(10, 0, 0),
        num_mentions: 4,
        num_articles: 3,
        num_sources: 2,
        tone: -2.5,
        ..Provenance::default()
    };
    let ours = row(&sample_event(), &provenance);
    assert_eq!(ours.len(), 61);
    for (i, name) in COLUMNS.iter().enumerate() {
        let column: Vec<&str> = rows.iter().map(|r| r[i]).collect();
        let expected = kind_of(&column);
        let value = ours[i].as_str();
        if value.is_empty() {
            continue;
        }
        match expected {
            Kind::Integer => assert!(
                value.parse::<i64>().is_ok(),
                "{name} = `{value}` is not an integer"
            ),
            Kind::Decimal => assert!(
                value.parse::<f64>().is_ok(),
                "{name} = `{value}` is not a number"
            ),
            Kind::Text => {}
        }
        if name.contains("DATE") && *name != "FractionDate" {
            assert_eq!(value.len(), column[0].len(), "{name} has GDELT's width");
        }
    }
    assert_eq!(ours[1], "20251129", "SQLDATE is the event's resolved date");
    assert_eq!(ours[26], "191");
    assert_eq!(ours[28], "19");
    assert_eq!(ours[59], "20251203100000");
}

#[test]
fn mention_rows_match_the_real_gdelt_mentions_schema() {
    let Some(header) = dyad_testkit::shared_file("gdelt/mentions.header.tsv") else {
        return;
    };
    let Some(sample) = dyad_testkit::shared_file("gdelt/mentions_20170701234500.sample.pandas.csv")
    else {
        return;
    };
    let names: Vec<String> = std::fs::read_to_string(header)
        .unwrap()
        .trim_end()
        .split('\t')
        .map(String::from)
        .collect();
    assert_eq!(names, dyad_export::gdelt::MENTION_COLUMNS);

    let real = std::fs::read_to_string(sample).unwrap();
    let rows: Vec<Vec<&str>> = real
        .lines()
        .skip(1)
        // Rows whose URL holds a comma would need CSV quoting rules; the others suffice.
        .map(|l| l.split(',').collect())
        .filter(|r: &Vec<&str>| r.len() == 16)
        .collect();
    assert!(!rows.is_empty());
    let provenance = Provenance {
        global_id: "3f2a9c0d11b7e845".into(),
        source_url: "https://news.example.org/story".into(),
        analysed_at: chrono::NaiveDate::from_ymd_opt(2025, 12, 3)
            .unwrap()
            .and_hms_opt(10, 0, 0),
        document_length: 2048,
        ..Provenance::default()
    };
    let event = sample_event();
    let ours = dyad_export::gdelt::mention_row(&event, &provenance);
    assert_eq!(ours.len(), 16);
    // Numeric columns hold numbers of GDELT's kind; dates have GDELT's width.
    for i in [0, 1, 2, 3, 6, 7, 8, 9, 10, 11, 12] {
        let column: Vec<&str> = rows.iter().map(|r| r[i]).collect();
        assert_eq!(kind_of(&column), Kind::Integer, "{}", names[i]);
        assert!(
            ours[i].parse::<i64>().is_ok(),
            "{} = `{}`",
            names[i],
            ours[i]
        );
    }
    assert_eq!(ours[1].len(), rows[0][1].len());
    assert_eq!(ours[2].len(), rows[0][2].len());
    assert_eq!(
        &ours[1][..8],
        "20251129",
        "EventTimeDate is the event's resolved date"
    );
    assert_eq!(
        ours[4], "news.example.org",
        "the URL's host stands in for the outlet"
    );
    assert_eq!(
        ours[0],
        row(&event, &provenance)[0],
        "mentions key to their event's GLOBALEVENTID"
    );
}
