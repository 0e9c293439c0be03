//! Event dates: from the time expression governing the trigger, else the document date.

use dyad_types::{Analysis, DateBasis, DatePrecision, EventDate, TimexType};

/// The precision of a TimeML date value, if it is a calendar value. A season, quarter or
/// half of a year ("the autumn of 1978", 1978-FA) dates to its year.
pub fn precision_of(value: &str) -> Option<(String, DatePrecision)> {
    let date = value.split('T').next().unwrap_or(value);
    let bytes = date.as_bytes();
    let digits = |r: std::ops::Range<usize>| {
        bytes
            .get(r)
            .is_some_and(|s| s.iter().all(u8::is_ascii_digit))
    };
    match date.len() {
        10 if digits(0..4) && digits(5..7) && digits(8..10) => {
            Some((date.to_string(), DatePrecision::Day))
        }
        8 if digits(0..4) && bytes[5] == b'W' && digits(6..8) => {
            Some((date.to_string(), DatePrecision::Week))
        }
        7 if digits(0..4) && digits(5..7) => Some((date.to_string(), DatePrecision::Month)),
        4 if digits(0..4) => Some((date.to_string(), DatePrecision::Year)),
        7 if digits(0..4) && bytes[4] == b'-' && is_part_of_year(&date[5..]) => {
            Some((date[..4].to_string(), DatePrecision::Year))
        }
        3 if digits(0..3) => Some((date.to_string(), DatePrecision::Decade)),
        _ => None,
    }
}

/// Whether a TimeML value's part after the year names a season, quarter or half.
fn is_part_of_year(part: &str) -> bool {
    matches!(
        part,
        "SP" | "SU" | "FA" | "WI" | "Q1" | "Q2" | "Q3" | "Q4" | "H1" | "H2"
    )
}

/// How far up the parse tree from the trigger the expression at `timex` attaches: 0 when it
/// modifies the trigger itself, 1 its head, and so on; `None` when it does not govern it.
fn tree_distance(
    analysis: &Analysis,
    sentence: usize,
    trigger_start: usize,
    timex: &dyad_types::Timex,
) -> Option<usize> {
    let s = analysis.sentences[sentence];
    let tokens = &analysis.tokens[s.first_token..s.last_token];
    if tokens.iter().all(|t| t.deprel.is_empty()) {
        return None;
    }
    let trigger = tokens.iter().position(|t| t.start == trigger_start)?;
    let inside: Vec<usize> = (0..tokens.len())
        .filter(|&i| tokens[i].start >= timex.start && tokens[i].end <= timex.end)
        .collect();
    let head = *inside
        .iter()
        .find(|&&i| tokens[i].head.is_none_or(|h| !inside.contains(&h)))?;
    let attached = tokens[head].head?;
    let mut node = trigger;
    for depth in 0..6 {
        if node == attached {
            return Some(depth);
        }
        node = match tokens[node].head {
            Some(h) if h != node => h,
            _ => return None,
        };
    }
    None
}

/// The date of an event whose trigger starts at byte `trigger_start` in sentence `sentence`:
/// the time expression attached to the trigger (or to the nearest word governing it) in the
/// parse, else the nearest one in the sentence, else the document date.
pub fn date_event(analysis: &Analysis, sentence: usize, trigger_start: usize) -> EventDate {
    let span = analysis.sentences[sentence].span();
    let nearest = analysis
        .timexes
        .iter()
        .filter(|t| span.start <= t.start && t.end <= span.end)
        .filter(|t| matches!(t.kind, TimexType::Date | TimexType::Time))
        .filter_map(|t| precision_of(&t.value).map(|p| (t, p)))
        .min_by_key(|(t, _)| {
            if let Some(depth) = tree_distance(analysis, sentence, trigger_start, t) {
                return depth;
            }
            let distance = t.start.abs_diff(trigger_start);
            // Prefer expressions before the trigger, as in "On Saturday, X announced".
            100 + if t.start < trigger_start {
                distance
            } else {
                distance + 20
            }
        });
    if let Some((_, (value, precision))) = nearest {
        return EventDate {
            value: Some(value),
            precision,
            basis: DateBasis::Timex,
        };
    }
    match analysis
        .doc
        .published
        .as_deref()
        .and_then(|p| precision_of(&p[..p.len().min(10)]))
    {
        Some((value, precision)) => EventDate {
            value: Some(value),
            precision,
            basis: DateBasis::Document,
        },
        None => EventDate {
            value: None,
            precision: DatePrecision::Day,
            basis: DateBasis::Unknown,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precision_follows_the_value_shape() {
        assert_eq!(precision_of("2025-11-29").unwrap().1, DatePrecision::Day);
        assert_eq!(
            precision_of("2025-12-01TEV").unwrap(),
            ("2025-12-01".into(), DatePrecision::Day)
        );
        assert_eq!(precision_of("2025-W48").unwrap().1, DatePrecision::Week);
        assert_eq!(precision_of("2025-11").unwrap().1, DatePrecision::Month);
        assert_eq!(precision_of("2020").unwrap().1, DatePrecision::Year);
        assert_eq!(precision_of("198").unwrap().1, DatePrecision::Decade);
        assert_eq!(
            precision_of("1978-FA").unwrap(),
            ("1978".into(), DatePrecision::Year)
        );
        assert_eq!(precision_of("2005-Q1").unwrap().1, DatePrecision::Year);
        assert!(precision_of("2005-XX").is_none());
        assert!(precision_of("PAST_REF").is_none());
        assert!(precision_of("P2M").is_none());
    }
}

/// Words that make a time expression an offset from the story's previous event ("a few days
/// later", "the day before", "shortly afterwards").
const RELATIVE_WORDS: &[&str] = &[
    "later",
    "earlier",
    "afterwards",
    "afterward",
    "before",
    "after",
];

/// Events dated only by the document but whose sentence says "a few days later" take the
/// date of the previous dated event as their anchor (with that event's precision).
pub fn anchor_relative(analysis: &Analysis, events: &mut [dyad_types::Event]) {
    let mut previous: Option<EventDate> = None;
    for event in events.iter_mut() {
        if event.date.basis == DateBasis::Timex {
            previous = Some(event.date.clone());
            continue;
        }
        let span = analysis.sentences[event.sentence].span();
        let relative = analysis.timexes.iter().any(|t| {
            // TimeML keeps the signal outside the extent: "a few days" + "later".
            let next = analysis.doc.text[t.end..]
                .split_whitespace()
                .next()
                .unwrap_or("");
            let next = next
                .trim_matches(|c: char| !c.is_alphabetic())
                .to_lowercase();
            let in_text = t
                .text
                .split_whitespace()
                .any(|w| RELATIVE_WORDS.contains(&w.to_lowercase().as_str()));
            span.start <= t.start
                && t.end <= span.end
                && precision_of(&t.value).is_none()
                && (RELATIVE_WORDS.contains(&next.as_str()) || in_text)
        });
        if let (true, Some(anchor)) = (relative, &previous) {
            event.date = anchor.clone();
        }
    }
}

#[cfg(test)]
mod relative_tests {
    use dyad_types::{
        Analysis, DateBasis, DatePrecision, Document, Event, EventDate, Sentence, Timex, TimexType,
    };

    #[test]
    fn a_few_days_later_anchors_on_the_previous_event() {
        let text = "Talks began on May 2. A few days later they collapsed.";
        let extent = "A few days";
        let mut analysis = Analysis::new(Document::from_text(text));
        analysis.sentences = vec![
            Sentence {
                start: 0,
                end: 21,
                first_token: 0,
                last_token: 0,
            },
            Sentence {
                start: 22,
                end: 54,
                first_token: 0,
                last_token: 0,
            },
        ];
        analysis.timexes = vec![Timex {
            start: 22,
            end: 22 + extent.len(),
            text: extent.into(),
            kind: TimexType::Date,
            value: "PXD".into(),
            modifier: None,
        }];
        let dated = EventDate {
            value: Some("2025-05-02".into()),
            precision: DatePrecision::Day,
            basis: DateBasis::Timex,
        };
        let undated = EventDate {
            value: None,
            precision: DatePrecision::Day,
            basis: DateBasis::Unknown,
        };
        let mut events = vec![
            Event {
                sentence: 0,
                date: dated.clone(),
                ..Event::default()
            },
            Event {
                sentence: 1,
                date: undated,
                ..Event::default()
            },
        ];
        super::anchor_relative(&analysis, &mut events);
        assert_eq!(events[1].date, dated);
    }
}
