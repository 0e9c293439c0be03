//! The seed article's time expressions come out right from the general rules.

use dyad_time::{parse_dct, TimexTagger};

#[test]
fn seed_article_values() {
    let Some(path) = dyad_testkit::shared_file("seed/article.txt") else {
        return;
    };
    let text = std::fs::read_to_string(path).unwrap();
    let tagger = TimexTagger::new();
    let found = tagger.tag(&text, Some(parse_dct("2025-12-03").unwrap()));
    for t in &found {
        assert_eq!(&text[t.start..t.end], t.text);
    }
    let value_of = |expression: &str| -> Vec<(String, Option<String>)> {
        found
            .iter()
            .filter(|t| t.text == expression)
            .map(|t| (t.value.clone(), t.modifier.clone()))
            .collect()
    };
    let expect = |expression: &str, value: &str| {
        let got = value_of(expression);
        assert!(
            got.iter().any(|(v, _)| v == value),
            "{expression:?}: want {value}, got {got:?}"
        );
    };
    let late = value_of("late last week");
    assert_eq!(late, [("2025-W48".to_string(), Some("END".to_string()))]);
    expect("Sunday", "2025-11-30");
    expect("Monday evening", "2025-12-01TEV");
    expect("last Thursday", "2025-11-27");
    expect("Tuesday", "2025-12-02");
    expect("Saturday", "2025-11-29");
    expect("November 24", "2025-11-24");
    expect("November 11", "2025-11-11");
    expect("2020", "2020");
    expect("the last couple of months", "P2M");
    expect("2025", "2025");
    expect("22 weeks", "P22W");
    expect("years", "PXY");
    // every "Monday" (On Monday, he attended…; told reporters on Monday) is Dec 1
    let mondays = value_of("Monday");
    assert!(!mondays.is_empty());
    assert!(
        mondays.iter().all(|(v, _)| v == "2025-12-01"),
        "{mondays:?}"
    );
    // prepositions stay outside
    assert!(found.iter().all(|t| !t.text.starts_with("On ")
        && !t.text.starts_with("By ")
        && !t.text.starts_with("In ")));
}
