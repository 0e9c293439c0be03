//! One sentence per kind of expression, with our own sentences and document dates.

use chrono::NaiveDate;
use dyad_time::{parse_dct, TimexTagger};
use dyad_types::TimexType;

struct Case {
    text: &'static str,
    dct: &'static str,
    expression: &'static str,
    kind: TimexType,
    value: &'static str,
    modifier: Option<&'static str>,
}

fn case(
    text: &'static str,
    dct: &'static str,
    expression: &'static str,
    kind: TimexType,
    value: &'static str,
) -> Case {
    Case {
        text,
        dct,
        expression,
        kind,
        value,
        modifier: None,
    }
}

fn check(cases: &[Case]) {
    let tagger = TimexTagger::new();
    let mut failures = Vec::new();
    for c in cases {
        let dct: NaiveDate = parse_dct(c.dct).unwrap();
        let found = tagger.tag(c.text, Some(dct));
        for t in &found {
            assert_eq!(&c.text[t.start..t.end], t.text, "offsets of {:?}", t.text);
        }
        let hit = found.iter().find(|t| t.text == c.expression);
        match hit {
            Some(t)
                if t.kind == c.kind
                    && t.value == c.value
                    && t.modifier.as_deref() == c.modifier => {}
            _ => failures.push(format!(
                "{:?} in {:?}: want {:?} {} {:?}, got {:?}",
                c.expression, c.text, c.kind, c.value, c.modifier, found
            )),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn weekdays_resolve_by_tense() {
    use TimexType::Date;
    check(&[
        // 2024-05-15 is a Wednesday
        case(
            "The minister resigned on Monday after the vote.",
            "2024-05-15",
            "Monday",
            Date,
            "2024-05-13",
        ),
        case(
            "On Friday, she visited the border town.",
            "2024-05-15",
            "Friday",
            Date,
            "2024-05-10",
        ),
        case(
            "The committee will meet Friday to decide.",
            "2024-05-15",
            "Friday",
            Date,
            "2024-05-17",
        ),
        case(
            "Talks resume next Tuesday in Geneva.",
            "2024-05-15",
            "next Tuesday",
            Date,
            "2024-05-21",
        ),
        case(
            "The strike began last Thursday.",
            "2024-05-15",
            "last Thursday",
            Date,
            "2024-05-09",
        ),
        case(
            "He spoke at Sunday's rally in the capital.",
            "2024-05-15",
            "Sunday",
            Date,
            "2024-05-12",
        ),
    ]);
}

#[test]
fn parts_of_days_are_times() {
    use TimexType::Time;
    check(&[
        case(
            "Protesters gathered Tuesday evening outside parliament.",
            "2024-05-15",
            "Tuesday evening",
            Time,
            "2024-05-14TEV",
        ),
        case(
            "The fire broke out last night near the port.",
            "2024-05-15",
            "last night",
            Time,
            "2024-05-14TNI",
        ),
        case(
            "The polls closed at 8:30 p.m. local time.",
            "2024-05-15",
            "8:30 p.m.",
            Time,
            "2024-05-15T20:30",
        ),
        case(
            "He will speak this morning.",
            "2024-05-15",
            "this morning",
            Time,
            "2024-05-15TMO",
        ),
    ]);
}

#[test]
fn weeks_months_years() {
    use TimexType::Date;
    let mut late = case(
        "Officials met late last week to discuss aid.",
        "2024-05-15",
        "late last week",
        Date,
        "2024-W19",
    );
    late.modifier = Some("END");
    let mut early = case(
        "Elections are due early next year.",
        "2024-05-15",
        "early next year",
        Date,
        "2025",
    );
    early.modifier = Some("START");
    check(&[
        case(
            "Prices fell last week across the region.",
            "2024-05-15",
            "last week",
            Date,
            "2024-W19",
        ),
        late,
        early,
        case(
            "The treaty was signed in 2019 after long talks.",
            "2024-05-15",
            "2019",
            Date,
            "2019",
        ),
        case(
            "As of 2023, the country held large reserves.",
            "2024-05-15",
            "2023",
            Date,
            "2023",
        ),
        case(
            "The army withdrew in March 2021.",
            "2024-05-15",
            "March 2021",
            Date,
            "2021-03",
        ),
        case(
            "Inflation rose this month.",
            "2024-05-15",
            "this month",
            Date,
            "2024-05",
        ),
        case(
            "The company lost money last year.",
            "2024-05-15",
            "last year",
            Date,
            "2023",
        ),
        case(
            "Sales fell in the third quarter.",
            "2024-11-15",
            "the third quarter",
            Date,
            "2024-Q3",
        ),
        case(
            "The embargo dates from the 1990s.",
            "2024-05-15",
            "the 1990s",
            Date,
            "199",
        ),
        case(
            "Three years ago the mine closed.",
            "2024-05-15",
            "Three years ago",
            Date,
            "2021",
        ),
    ]);
}

#[test]
fn month_day_without_year_takes_the_year_from_the_date() {
    use TimexType::Date;
    check(&[
        case(
            "Earlier that month, on April 24, the envoy arrived.",
            "2024-05-15",
            "April 24",
            Date,
            "2024-04-24",
        ),
        case(
            "By May 2, the troops had left.",
            "2024-05-15",
            "May 2",
            Date,
            "2024-05-02",
        ),
        case(
            "The summit opens June 3 in Oslo.",
            "2024-05-15",
            "June 3",
            Date,
            "2024-06-03",
        ),
        case(
            "The ceasefire of December 28 held.",
            "2025-01-10",
            "December 28",
            Date,
            "2024-12-28",
        ),
        case(
            "Markets closed on 4 July 2023.",
            "2024-05-15",
            "4 July 2023",
            Date,
            "2023-07-04",
        ),
        case(
            "The report is dated 2023-11-02.",
            "2024-05-15",
            "2023-11-02",
            Date,
            "2023-11-02",
        ),
    ]);
}

#[test]
fn durations() {
    use TimexType::Duration;
    check(&[
        case(
            "The siege lasted 22 weeks.",
            "2024-05-15",
            "22 weeks",
            Duration,
            "P22W",
        ),
        case(
            "Over the last couple of months, exports fell.",
            "2024-05-15",
            "the last couple of months",
            Duration,
            "P2M",
        ),
        case(
            "He has been in exile for years.",
            "2024-05-15",
            "years",
            Duration,
            "PXY",
        ),
        case(
            "Fighting continued over previous weeks.",
            "2024-05-15",
            "previous weeks",
            Duration,
            "PXW",
        ),
        case(
            "The talks took five hours.",
            "2024-05-15",
            "five hours",
            Duration,
            "PT5H",
        ),
        case(
            "It signed a two-year contract.",
            "2024-05-15",
            "two-year",
            Duration,
            "P2Y",
        ),
        case(
            "Growth slowed in the past three months.",
            "2024-05-15",
            "the past three months",
            Duration,
            "P3M",
        ),
        case(
            "The plan covers twenty four hours.",
            "2024-05-15",
            "twenty four hours",
            Duration,
            "PT24H",
        ),
    ]);
}

#[test]
fn references_and_sets() {
    use TimexType::{Date, Set};
    check(&[
        case(
            "The rebels now control the city.",
            "2024-05-15",
            "now",
            Date,
            "PRESENT_REF",
        ),
        case(
            "The group recently changed leaders.",
            "2024-05-15",
            "recently",
            Date,
            "PAST_REF",
        ),
        case(
            "The paper is published daily.",
            "2024-05-15",
            "daily",
            Set,
            "P1D",
        ),
        case(
            "The council meets every Monday.",
            "2024-05-15",
            "every Monday",
            Set,
            "XXXX-WXX-1",
        ),
        case(
            "Reports came in yesterday.",
            "2024-05-15",
            "yesterday",
            Date,
            "2024-05-14",
        ),
        case(
            "The vote is scheduled for tomorrow.",
            "2024-05-15",
            "tomorrow",
            Date,
            "2024-05-16",
        ),
        case(
            "Stores closed on Christmas Day.",
            "2024-05-15",
            "Christmas Day",
            Date,
            "2023-12-25",
        ),
    ]);
}

#[test]
fn prepositions_stay_outside() {
    let tagger = TimexTagger::new();
    let dct = parse_dct("2024-05-15").unwrap();
    let text = "On Saturday the rebels attacked; by June 1 they held the town; in 2020 it fell.";
    let found = tagger.tag(text, Some(dct));
    let texts: Vec<&str> = found.iter().map(|t| t.text.as_str()).collect();
    assert_eq!(texts, ["Saturday", "June 1", "2020"]);
}

#[test]
fn without_a_date_values_stay_relative() {
    let tagger = TimexTagger::new();
    let tagged = tagger.tag_document(
        "On November 24 the minister resigned; on Monday he left.",
        None,
    );
    assert!(!tagged.anchored);
    let values: Vec<&str> = tagged.timexes.iter().map(|t| t.value.as_str()).collect();
    assert_eq!(values, ["XXXX-11-24", "XXXX-WXX-1"]);
}

#[test]
fn anaphora_anchor_on_the_last_date() {
    use TimexType::{Date, Duration, Time};
    check(&[
        case(
            "On March 3, 2021 the rebels attacked; the next day they withdrew.",
            "2024-05-15",
            "the next day",
            Date,
            "2021-03-04",
        ),
        case(
            "The treaty was signed in 1995 and ratified the following year.",
            "2024-05-15",
            "the following year",
            Date,
            "1996",
        ),
        case(
            "Shares fell for six straight days.",
            "2024-05-15",
            "six straight days",
            Duration,
            "P6D",
        ),
        case(
            "Trading resumed at 0800 UTC after the halt.",
            "2024-05-15",
            "0800 UTC",
            Time,
            "2024-05-15T08:00Z",
        ),
        case(
            "Kopp, in his 30s, was arrested in the 1990s.",
            "2024-05-15",
            "the 1990s",
            Date,
            "199",
        ),
    ]);
    let tagger = TimexTagger::new();
    let found = tagger.tag(
        "Kopp, in his 30s, left.",
        Some(parse_dct("2024-05-15").unwrap()),
    );
    assert!(found.is_empty(), "{found:?}");
}
