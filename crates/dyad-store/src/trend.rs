//! Events over time: merged events bucketed per day, ISO week or month, with counts per quad
//! class and mode, Goldstein sums and means, and escalation flags. Used by `dyad trend`, the
//! dashboard's escalation chart and the Python package's `Store.trend`.
//!
//! [`dyad_trend`] queries a store for the merged events from one actor to another (or both
//! ways) that happened (modes asserted, reported, alleged), each counted once however many
//! articles report it; [`periods`] buckets any events into periods.
//!
//! ```
//! use dyad_store::trend::{periods, Granularity};
//! let (periods, left_out) = periods(&[], Granularity::Week);
//! assert!(periods.is_empty() && left_out == 0);
//! assert_eq!("month".parse::<Granularity>(), Ok(Granularity::Month));
//! ```

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use dyad_types::Mode;
use serde::{Deserialize, Serialize};

use crate::{merge, EventQuery, Result, Store, StoredEvent};

/// Days from 1 January of year 1 (day 1 of the common era) to 1970-01-01, the origin of
/// [`merge::day_range`].
const UNIX_EPOCH_CE_DAYS: i64 = 719_163;

/// Trailing periods that make the baseline.
pub const BASELINE_PERIODS: usize = 4;
/// Standard deviations above the baseline mean that flag an escalation…
pub const ESCALATION_SIGMAS: f64 = 2.0;
/// …and the least rise in conflict score that does.
pub const ESCALATION_MIN_RISE: f64 = 5.0;

/// The length of a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Granularity {
    /// Calendar days.
    Day,
    /// ISO weeks (Monday to Sunday).
    #[default]
    Week,
    /// Calendar months.
    Month,
}

impl std::str::FromStr for Granularity {
    type Err = String;

    /// `day`, `week` or `month`.
    fn from_str(s: &str) -> std::result::Result<Self, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "day" => Ok(Granularity::Day),
            "week" => Ok(Granularity::Week),
            "month" => Ok(Granularity::Month),
            _ => Err(format!("`{s}` is not a period (day, week or month)")),
        }
    }
}

/// One period of a trend.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Period {
    /// `2025-12-02`, `2025-W49` or `2025-12`.
    pub period: String,
    /// The first day of the period, `YYYY-MM-DD`.
    pub start: String,
    /// Events per quad class (verbal cooperation, material cooperation, verbal conflict,
    /// material conflict).
    pub quad_classes: [u64; 4],
    /// Events per mode name, each split per quad class as in `quad_classes`.
    pub modes: BTreeMap<String, [u64; 4]>,
    /// Events in the period.
    pub events: u64,
    /// The sum of their Goldstein values.
    pub goldstein_sum: f64,
    /// Their mean Goldstein value (0 for an empty period).
    pub goldstein_mean: f64,
    /// Sum of -Goldstein over the period's conflictual (negative) events.
    pub conflict_score: f64,
    /// Mean conflict score of the trailing periods, when there are enough.
    pub baseline: Option<f64>,
    /// Whether the conflict score rose sharply above the baseline.
    pub escalation: bool,
}

/// A dyad's trend: its periods and how many events were counted or left out.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Trend {
    /// The periods from the first event's to the last's, empty ones included.
    pub periods: Vec<Period>,
    /// Events counted in the periods.
    pub events: usize,
    /// Events left out because their date is coarser than a period, or missing.
    pub left_out: usize,
}

/// The trend of the events from `source` to `target` (and from `target` to `source` too
/// when `both`), actor filters as in [`EventQuery`]: merged events that happened, each once.
pub fn dyad_trend(
    store: &dyn Store,
    source: &str,
    target: &str,
    both: bool,
    by: Granularity,
) -> Result<Trend> {
    // Events that happened, one row per merged event, in one indexed query.
    let (source, target) = (source.to_string(), target.to_string());
    let query = EventQuery {
        modes: vec![Mode::Asserted, Mode::Reported, Mode::Alleged],
        ..if both {
            EventQuery {
                dyad: Some((source, target)),
                ..EventQuery::all()
            }
        } else {
            EventQuery {
                source: Some(source),
                target: Some(target),
                ..EventQuery::all()
            }
        }
    };
    let events = store.query(&query)?;
    let (periods, left_out) = periods(&events, by);
    Ok(Trend {
        periods,
        events: events.len() - left_out,
        left_out,
    })
}

/// The periods from the first event's to the last's (empty periods included, so that the
/// baseline sees quiet times), and the number of events left out because their date is
/// coarser than a period or missing. Each element of `events` is counted once: pass one
/// report per merged event.
pub fn periods(events: &[StoredEvent], by: Granularity) -> (Vec<Period>, usize) {
    let mut buckets: BTreeMap<NaiveDate, Vec<&StoredEvent>> = BTreeMap::new();
    let mut too_coarse = 0;
    for stored in events {
        let range = stored
            .event
            .date
            .value
            .as_deref()
            .and_then(merge::day_range);
        let first_day = range
            .filter(|(first, last)| last - first < max_days(by))
            .and_then(|(first, _)| i32::try_from(first + UNIX_EPOCH_CE_DAYS).ok())
            .and_then(NaiveDate::from_num_days_from_ce_opt);
        match first_day {
            Some(day) => buckets
                .entry(period_start(day, by))
                .or_default()
                .push(stored),
            None => too_coarse += 1,
        }
    }
    let (Some(&first), Some(&last)) = (buckets.keys().next(), buckets.keys().last()) else {
        return (Vec::new(), too_coarse);
    };
    let mut periods: Vec<Period> = Vec::new();
    let mut start = first;
    while start <= last {
        let events = buckets.get(&start).map(Vec::as_slice).unwrap_or(&[]);
        let mut quad_classes = [0u64; 4];
        let mut modes: BTreeMap<String, [u64; 4]> = BTreeMap::new();
        let (mut sum, mut conflict) = (0.0, 0.0);
        for e in events {
            let slot = usize::from(e.event.quad_class).wrapping_sub(1);
            if let Some(count) = quad_classes.get_mut(slot) {
                *count += 1;
            }
            if let Some(count) = modes
                .entry(e.event.mode.as_str().to_string())
                .or_default()
                .get_mut(slot)
            {
                *count += 1;
            }
            sum += e.event.goldstein;
            if e.event.goldstein < 0.0 {
                conflict -= e.event.goldstein;
            }
        }
        let trailing: Vec<f64> = periods
            .iter()
            .rev()
            .take(BASELINE_PERIODS)
            .map(|p| p.conflict_score)
            .collect();
        let (baseline, escalation) = if trailing.len() >= 2 {
            let mean = trailing.iter().sum::<f64>() / trailing.len() as f64;
            let var =
                trailing.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / trailing.len() as f64;
            let rise = conflict - mean;
            (
                Some(mean),
                rise > ESCALATION_SIGMAS * var.sqrt() && rise >= ESCALATION_MIN_RISE,
            )
        } else {
            (None, false)
        };
        periods.push(Period {
            period: label(start, by),
            start: start.format("%Y-%m-%d").to_string(),
            quad_classes,
            modes,
            events: events.len() as u64,
            goldstein_sum: sum,
            goldstein_mean: if events.is_empty() {
                0.0
            } else {
                sum / events.len() as f64
            },
            conflict_score: conflict,
            baseline,
            escalation,
        });
        start = next_period(start, by);
    }
    (periods, too_coarse)
}

/// The most days a date may span and still fall in one period.
fn max_days(by: Granularity) -> i64 {
    match by {
        Granularity::Day => 1,
        Granularity::Week => 7,
        Granularity::Month => 31,
    }
}

fn period_start(day: NaiveDate, by: Granularity) -> NaiveDate {
    match by {
        Granularity::Day => day,
        Granularity::Week => {
            day - chrono::Days::new(u64::from(day.weekday().num_days_from_monday()))
        }
        Granularity::Month => day.with_day(1).unwrap_or(day),
    }
}

fn next_period(start: NaiveDate, by: Granularity) -> NaiveDate {
    match by {
        Granularity::Day => start + chrono::Days::new(1),
        Granularity::Week => start + chrono::Days::new(7),
        Granularity::Month => start + chrono::Months::new(1),
    }
}

fn label(start: NaiveDate, by: Granularity) -> String {
    match by {
        Granularity::Day => start.format("%Y-%m-%d").to_string(),
        Granularity::Week => {
            let week = start.iso_week();
            format!("{}-W{:02}", week.year(), week.week())
        }
        Granularity::Month => start.format("%Y-%m").to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_types::{Event, EventDate, Mode};

    fn stored(id: &str, date: &str, goldstein: f64, quad_class: u8) -> StoredEvent {
        StoredEvent {
            event_id: id.into(),
            num_mentions: 1,
            num_articles: 1,
            num_sources: 1,
            merge_reason: None,
            duplicate_of: None,
            document_length: 0,
            event: Event {
                goldstein,
                quad_class,
                date: EventDate {
                    value: Some(date.into()),
                    ..EventDate::default()
                },
                ..Event::default()
            },
            document_id: String::new(),
            content_hash: String::new(),
            url: None,
            title: None,
            outlet: None,
            published: None,
            analysed_at: String::new(),
            evidence: String::new(),
            document_tone: None,
            avg_tone: None,
        }
    }

    #[test]
    fn weeks_fill_gaps_and_flag_a_sudden_rise_in_conflict() {
        let mut threat = stored("g", "2025-12-04", -4.0, 3);
        threat.event.mode = Mode::Future;
        let events = [
            stored("a", "2025-11-03", -2.0, 3),
            stored("b", "2025-11-11", 3.0, 1),
            stored("c", "2025-11-19", -2.0, 3),
            // Nothing in the week of 24 November; then strikes.
            stored("d", "2025-12-02", -10.0, 4),
            stored("e", "2025-12-03", -10.0, 4),
            stored("f", "2025-12", -10.0, 4),
            threat,
        ];
        let (weeks, coarse) = periods(&events, Granularity::Week);
        assert_eq!(coarse, 1);
        let labels: Vec<&str> = weeks.iter().map(|p| p.period.as_str()).collect();
        assert_eq!(
            labels,
            ["2025-W45", "2025-W46", "2025-W47", "2025-W48", "2025-W49"]
        );
        assert_eq!(weeks[3].events, 0);
        assert_eq!(weeks[4].start, "2025-12-01");
        let last = &weeks[4];
        assert_eq!(last.quad_classes, [0, 0, 1, 2]);
        assert_eq!(last.modes["asserted"], [0, 0, 0, 2]);
        assert_eq!(last.modes["future"], [0, 0, 1, 0]);
        assert_eq!(last.goldstein_sum, -24.0);
        assert_eq!(last.conflict_score, 24.0);
        assert!(last.escalation);
        assert!(weeks[..4].iter().all(|p| !p.escalation));

        let (months, coarse) = periods(&events, Granularity::Month);
        assert_eq!(coarse, 0);
        assert_eq!(months.len(), 2);
        assert_eq!(months[1].events, 4);
        let (days, _) = periods(&events, Granularity::Day);
        assert_eq!(days.first().map(|p| p.period.as_str()), Some("2025-11-03"));
    }

    #[test]
    fn period_lengths_parse_and_refuse_others() {
        assert_eq!(" Day ".parse::<Granularity>(), Ok(Granularity::Day));
        assert_eq!(
            "year".parse::<Granularity>().unwrap_err(),
            "`year` is not a period (day, week or month)"
        );
    }
}
