//! Tense cues read in context, anaphoric quarters, halves and event-relative durations,
//! with our own sentences and document dates.

use dyad_time::{parse_dct, TimexTagger};
use dyad_types::TimexType;

/// The type and value of `expression` in `text` written on `dct`.
fn tagged(text: &str, dct: &str, expression: &str) -> (TimexType, String) {
    let found = TimexTagger::new().tag(text, Some(parse_dct(dct).unwrap()));
    let hit = found
        .iter()
        .find(|t| t.text == expression)
        .unwrap_or_else(|| panic!("{expression:?} not found in {found:?}"));
    (hit.kind, hit.value.clone())
}

fn value(text: &str, dct: &str, expression: &str) -> String {
    tagged(text, dct, expression).1
}

#[test]
fn nouns_and_participles_are_not_tense_cues() {
    // "the plan" is a noun: the past verb before it decides
    assert_eq!(
        value(
            "The council adopted the plan Sept. 12.",
            "2023-11-02",
            "Sept. 12"
        ),
        "2023-09-12"
    );
    // "will be held": a participle after "be" is not a past tense
    assert_eq!(
        value("The vote will be held on Friday.", "2024-05-15", "Friday"),
        "2024-05-17"
    );
    // "the reduced dividend": an adjective, while "payable" points forward
    assert_eq!(
        value(
            "The reduced dividend is payable Jan. 4.",
            "2023-11-20",
            "Jan. 4"
        ),
        "2024-01-04"
    );
}

#[test]
fn a_past_tense_never_resolves_into_next_year() {
    assert_eq!(
        value(
            "Sales grew in the fiscal year that ended March 31.",
            "2023-11-20",
            "March 31"
        ),
        "2023-03-31"
    );
}

#[test]
fn plans_in_the_past_and_future() {
    // "had been due to": a plan that lay in the past
    assert_eq!(
        value(
            "The offer had been due to expire Friday.",
            "2024-05-13",
            "Friday"
        ),
        "2024-05-10"
    );
    assert_eq!(
        value(
            "Farmers were planning to march on Saturday.",
            "2024-05-15",
            "Saturday"
        ),
        "2024-05-18"
    );
    // the attribution after the expression gives way to the clause before it
    assert_eq!(
        value(
            "The delegation will leave at dawn Thursday, the ministry said.",
            "2024-05-15",
            "Thursday"
        ),
        "2024-05-16"
    );
}

#[test]
fn the_year_and_the_past_year() {
    assert_eq!(
        tagged("Profits fell for the year.", "2022-10-30", "the year"),
        (TimexType::Date, "2022".to_string())
    );
    assert_eq!(
        tagged(
            "Revenue was $3 million in the year ended June 30.",
            "2022-10-30",
            "the year"
        ),
        (TimexType::Duration, "P1Y".to_string())
    );
    assert_eq!(
        value(
            "Protests grew over the past year.",
            "2022-10-30",
            "the past year"
        ),
        "2021"
    );
}

#[test]
fn durations_measured_from_events() {
    assert_eq!(
        tagged(
            "Two days later, the rebels withdrew.",
            "2022-10-30",
            "Two days"
        ),
        (TimexType::Duration, "P2D".to_string())
    );
    assert_eq!(
        tagged(
            "The banks must wait 30 days before closing the deal.",
            "2022-10-30",
            "30 days"
        ),
        (TimexType::Duration, "P30D".to_string())
    );
    // "ago" stays anchored on the document date
    assert_eq!(
        value(
            "Two days ago, the rebels withdrew.",
            "2022-10-30",
            "Two days ago"
        ),
        "2022-10-28"
    );
}

#[test]
fn halves() {
    let dct = "2021-06-01";
    let text = "The siege lasted two and a half years; talks took 5 1/2 hours and half a day.";
    assert_eq!(value(text, dct, "two and a half years"), "P2Y6M");
    assert_eq!(value(text, dct, "5 1/2 hours"), "PT5H30M");
    assert_eq!(value(text, dct, "half a day"), "PT12H");
    assert_eq!(
        value("It took a minute and a half.", dct, "a minute and a half"),
        "PT1M30S"
    );
}

#[test]
fn the_quarter_is_the_one_being_reported() {
    let text = "The firm lost money in its fiscal first quarter. Sales for the quarter \
                fell, while last year's quarter was strong.";
    let dct = "2023-10-26";
    assert_eq!(value(text, dct, "the quarter"), "2023-Q1");
    assert_eq!(value(text, dct, "last year's quarter"), "2022-Q1");
}

#[test]
fn last_fall_seen_from_february() {
    assert_eq!(
        value("Hiring slowed last fall.", "2022-02-06", "last fall"),
        "2021-FA"
    );
}

#[test]
fn fiscal_years_and_election_day() {
    let dct = "2022-10-27";
    assert_eq!(
        value(
            "Sales should rise in the current fiscal year.",
            dct,
            "the current fiscal year"
        ),
        "2022"
    );
    assert_eq!(
        tagged(
            "In the fiscal year ended May 31, it lost money.",
            dct,
            "the fiscal year"
        ),
        (TimexType::Duration, "P1Y".to_string())
    );
    // the Tuesday after the first Monday of November
    assert_eq!(
        value(
            "Voters go to the polls on Election Day.",
            dct,
            "Election Day"
        ),
        "2022-11-08"
    );
}
