//! Nonsense dates, number look-alikes and odd input never produce invalid values or offsets.

use dyad_time::{parse_dct, TimexTagger};

fn values(text: &str, dct: &str) -> Vec<(String, String)> {
    let tagger = TimexTagger::new();
    let found = tagger.tag(text, Some(parse_dct(dct).unwrap()));
    found.into_iter().map(|t| (t.text, t.value)).collect()
}

#[test]
fn impossible_dates_are_not_produced() {
    for (text, _) in values(
        "The deal was signed on February 30 and confirmed on the 45th.",
        "2024-05-15",
    ) {
        assert!(
            text != "February 30" && !text.contains("45th"),
            "tagged {text:?}"
        );
    }
    let found = values("It happened on April 31, 2023.", "2024-05-15");
    assert!(found.iter().all(|(_, v)| v != "2023-04-31"), "{found:?}");
}

#[test]
fn numbers_that_look_like_dates_are_left_alone() {
    assert!(values("Case number 2882015 was closed.", "2024-05-15").is_empty());
    assert!(values("The team scored 1234567 points.", "2024-05-15").is_empty());
    assert!(values("He paid 3000 dollars.", "2024-05-15").is_empty());
}

#[test]
fn years_far_from_the_document_date() {
    // a bare four-digit number far in the future is not a year
    assert!(values("They shipped 2750 units.", "2024-05-15").is_empty());
    // an explicit year with a preposition is kept, however old
    let found = values("The city was founded in 1066.", "2024-05-15");
    assert_eq!(found, [("1066".to_string(), "1066".to_string())]);
    let found = values("In 2500 the colony will be ready.", "2024-05-15");
    assert_eq!(found, [("2500".to_string(), "2500".to_string())]);
}

#[test]
fn bad_document_dates_are_errors() {
    for bad in [
        "",
        "2024",
        "15/05/2024",
        "2024-13-01",
        "2024-02-30",
        "yesterday",
        "2024-5-1",
    ] {
        assert!(parse_dct(bad).is_err(), "{bad:?} accepted");
    }
    assert_eq!(
        parse_dct("2024-05-15T10:00:00Z").unwrap().to_string(),
        "2024-05-15"
    );
    assert_eq!(parse_dct("20240515").unwrap().to_string(), "2024-05-15");
}

#[test]
fn offsets_hold_on_odd_text() {
    let tagger = TimexTagger::new();
    let texts = [
        "",
        "—",
        "Ünïcödé Monday — 5 p.m. ’90s 24th ‘n’ 10:30",
        "’91 and ’s and 'twas",
        "a.m. p.m. o'clock '",
        "1998-13-45 12/45/99 99:99 a.m.",
        "twenty twenty twenty four hundred thousand years",
        "the the the of of last last week week",
    ];
    for text in texts {
        for dct in [None, Some(parse_dct("2024-05-15").unwrap())] {
            for t in tagger.tag(text, dct) {
                assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
                assert_eq!(&text[t.start..t.end], t.text);
                assert!(!t.value.is_empty());
                assert!(!t.value.contains("-00"), "{t:?}");
            }
        }
    }
}

#[test]
fn possessive_years_and_verbs_that_look_like_seasons() {
    let found = values(
        "Unlike 2003's results, the fall of the wall changed the 1990's.",
        "2005-03-01",
    );
    let expected: Vec<(String, String)> = [("2003", "2003"), ("the 1990's", "199")]
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(found, expected);
}
