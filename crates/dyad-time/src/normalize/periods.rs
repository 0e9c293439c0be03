//! Normalisers of periods: last week, quarters, seasons, durations, "N units ago" and sets.

use chrono::{Datelike, NaiveDate};

use super::{plain, written_year, Normal};
use crate::calendar::*;
use crate::context::Tense;
use crate::found::Found;

/// The value of the period of `unit` containing `date`.
pub(super) fn period_value(date: NaiveDate, unit: &str) -> Option<String> {
    Some(match unit {
        "Y" => format!("{:04}", date.year()),
        "M" => month_value(date.year(), date.month()),
        "W" => week_value(date),
        "D" => day_value(date),
        "Q" => format!("{:04}-Q{}", date.year(), quarter_of(date)),
        "DE" => format!("{:03}", date.year() / 10),
        "CE" => format!("{:02}", date.year() / 100),
        "WE" => format!("{}-WE", week_value(date)),
        _ => return None,
    })
}

/// `date` moved by `n` periods of `unit`.
pub(super) fn shift(date: NaiveDate, unit: &str, n: i64) -> Option<NaiveDate> {
    Some(match unit {
        "Y" => add_months(date, 12 * n),
        "M" => add_months(date, n),
        "W" | "WE" => add_days(date, 7 * n),
        "FN" => add_days(date, 14 * n),
        "D" => add_days(date, n),
        "Q" => add_months(date, 3 * n),
        "DE" => add_months(date, 120 * n),
        "CE" => add_months(date, 1200 * n),
        _ => return None,
    })
}

pub(super) fn unit_of(f: &Found) -> Option<String> {
    f.get(f.classes.unit)
        .or_else(|| f.get(f.classes.units))
        .or_else(|| f.get(f.classes.qunit))
        .or(f.arg("unit"))
        .map(str::to_string)
}

pub(super) fn unresolved(unit: &str) -> Option<String> {
    Some(match unit {
        "Y" => "XXXX".into(),
        "M" => "XXXX-XX".into(),
        "W" => "XXXX-WXX".into(),
        "WE" => "XXXX-WXX-WE".into(),
        "D" => "XXXX-XX-XX".into(),
        "Q" => "XXXX-QX".into(),
        _ => return None,
    })
}

pub(super) fn rel_unit(f: &Found) -> Option<Normal> {
    let unit = unit_of(f)?;
    let rel = f
        .num(f.classes.rel)
        .or_else(|| f.arg_num("rel"))
        .unwrap_or(0);
    let Some(dct) = f.dct else {
        return plain(unresolved(&unit)?);
    };
    plain(period_value(shift(dct, &unit, rel)?, &unit)?)
}

pub(super) fn duration_value(n: Option<u32>, unit: &str) -> Option<String> {
    let Some(n) = n else {
        return Some(match unit {
            "H" => "PTXH".into(),
            "MIN" => "PTXM".into(),
            "S" => "PTXS".into(),
            "DE" | "CE" | "ML" => "PXY".into(),
            "NI" => "PXD".into(),
            "FN" => "PXW".into(),
            u => format!("PX{u}"),
        });
    };
    Some(match unit {
        "Y" | "M" | "W" | "D" | "WE" => format!("P{n}{unit}"),
        "Q" => format!("P{}M", 3 * n),
        "DE" => format!("P{}Y", 10 * n),
        "CE" => format!("P{}Y", 100 * n),
        "ML" => format!("P{}Y", 1000 * n),
        "FN" => format!("P{}W", 2 * n),
        "NI" => format!("P{n}D"),
        "H" => format!("PT{n}H"),
        "MIN" => format!("PT{n}M"),
        "S" => format!("PT{n}S"),
        _ => return None,
    })
}

/// `n` and a half `unit`s: the half in the next smaller unit where it comes out whole
/// (P2Y6M, PT5H30M, P1DT12H), else as a decimal (P2.5W).
pub(super) fn half_duration_value(n: u32, unit: &str) -> Option<String> {
    let whole = |v: String| if n == 0 { String::new() } else { v };
    Some(match unit {
        "Y" => format!("P{}6M", whole(format!("{n}Y"))),
        "DE" => format!("P{}Y", 10 * n + 5),
        "CE" => format!("P{}Y", 100 * n + 50),
        "D" | "NI" => format!("P{}T12H", whole(format!("{n}D"))),
        "H" => format!("PT{}30M", whole(format!("{n}H"))),
        "MIN" => format!("PT{}30S", whole(format!("{n}M"))),
        "M" | "W" => format!("P{n}.5{unit}"),
        "Q" => format!("P{}.5M", 3 * n + 1),
        _ => return None,
    })
}

pub(super) fn duration(f: &Found) -> Option<Normal> {
    let n = match f.quantity() {
        Some(q) => q,
        None => Some(f.arg_num("n").unwrap_or(1) as u32),
    };
    if f.arg("half").is_some() {
        return plain(half_duration_value(n?, &unit_of(f)?)?);
    }
    if n == Some(0) {
        return None;
    }
    plain(duration_value(n, &unit_of(f)?)?)
}

pub(super) fn vague_duration(f: &Found) -> Option<Normal> {
    plain(duration_value(None, &unit_of(f)?)?)
}

pub(super) fn ago(f: &Found) -> Option<Normal> {
    let unit = unit_of(f)?;
    let sign = f.num(f.classes.ago).unwrap_or(-1);
    // "three days later", "two days before the launch": a stretch of time measured from
    // an event (TimeML: a DURATION, the word after it a signal), unlike "ago" (from now)
    // or "a year earlier" (the same period a year before)
    let last = f.tokens[f.found.end - 1].lower.as_str();
    let short = matches!(unit.as_str(), "D" | "H" | "MIN" | "S" | "W" | "NI");
    let event_follows = f
        .tokens
        .get(f.found.end)
        .is_some_and(|t| t.lower.starts_with(|c: char| c.is_alphanumeric()));
    if !matches!(last, "ago" | "hence") && (short || (last == "before" && event_follows)) {
        return None;
    }
    let n = match f.quantity() {
        Some(Some(n)) => n as i64,
        Some(None) => return plain(if sign < 0 { "PAST_REF" } else { "FUTURE_REF" }.into()),
        None => 1,
    };
    let Some(dct) = f.dct else {
        return plain(if sign < 0 { "PAST_REF" } else { "FUTURE_REF" }.into());
    };
    let value = match unit.as_str() {
        "H" | "MIN" | "S" => day_value(dct),
        _ => period_value(shift(dct, &unit, sign * n)?, &unit)?,
    };
    plain(value)
}

pub(super) fn quarter(f: &Found) -> Option<Normal> {
    let year = written_year(f);
    let n = f
        .num(f.classes.ordw)
        .or_else(|| f.num(f.classes.ord))
        .or_else(|| f.num(f.classes.num))
        .or_else(|| f.arg_num("q"));
    let Some(dct) = f.dct else {
        return plain(match (year, n) {
            (Some(y), Some(n)) => format!("{y:04}-Q{n}"),
            (None, Some(n)) => format!("XXXX-Q{n}"),
            _ => "XXXX-QX".into(),
        });
    };
    let years_back = f.arg_num("years").unwrap_or(0) as i32;
    let (y, q) = match n {
        Some(n) if !(1..=4).contains(&n) => return None,
        Some(n) => {
            let rel_year = f.num(f.classes.rel).filter(|_| f.has("year"));
            let y = year
                .or(rel_year.map(|r| dct.year() + r as i32))
                .unwrap_or_else(|| {
                    let current = quarter_of(dct) as i64;
                    if n > current && f.tense() != Tense::Future {
                        dct.year() - 1
                    } else {
                        dct.year()
                    }
                });
            (y, n as u32)
        }
        None if year.is_some() => {
            let reference = add_months(dct, -3);
            (year.unwrap_or(reference.year()), quarter_of(reference))
        }
        // "the quarter", "the latest period": the quarter the text has been speaking of
        None if f.arg("quarter") == Some("last") && f.last_quarter.is_some() => {
            let (y, q) = f.last_quarter?;
            (y, q)
        }
        None => {
            let rel = f
                .num(f.classes.rel)
                .or_else(|| f.arg_num("rel"))
                .unwrap_or(0);
            let date = add_months(dct, 3 * rel);
            (date.year(), quarter_of(date))
        }
    };
    plain(format!("{:04}-Q{q}", y + years_back))
}

pub(super) fn half(f: &Found) -> Option<Normal> {
    let n = f.num(f.classes.ordw)?;
    if !(1..=2).contains(&n) {
        return None;
    }
    let year = match (written_year(f), f.dct) {
        (Some(y), _) => y,
        (None, Some(dct)) => {
            if n == 2 && dct.month() <= 6 && f.tense() != Tense::Future {
                dct.year() - 1
            } else {
                dct.year()
            }
        }
        (None, None) => return plain(format!("XXXX-H{n}")),
    };
    plain(format!("{year:04}-H{n}"))
}

pub(super) fn season_index(season: &str) -> i32 {
    match season {
        "SP" => 1,
        "SU" => 2,
        "FA" => 3,
        _ => 4,
    }
}

pub(super) fn season(f: &Found) -> Option<Normal> {
    let season = f.get(f.classes.season)?;
    if let Some(year) = written_year(f) {
        return plain(format!("{year:04}-{season}"));
    }
    let Some(dct) = f.dct else {
        return plain(format!("XXXX-{season}"));
    };
    // the winter of January and February began the year before
    let (this_year, current) = match dct.month() {
        1 | 2 => (dct.year() - 1, 4),
        3..=5 => (dct.year(), 1),
        6..=8 => (dct.year(), 2),
        9..=11 => (dct.year(), 3),
        _ => (dct.year(), 4),
    };
    let s = season_index(season);
    let rel = f.num(f.classes.rel).unwrap_or(match f.tense() {
        Tense::Past if s > current => -1,
        Tense::Future if s < current => 1,
        _ => 0,
    });
    let year = match rel {
        r if r < 0 => this_year - if s < current { 0 } else { 1 },
        r if r > 0 => this_year + if s > current { 0 } else { 1 },
        _ => this_year,
    };
    plain(format!("{year:04}-{season}"))
}

pub(super) fn weekend(f: &Found) -> Option<Normal> {
    let Some(dct) = f.dct else {
        return plain("XXXX-WXX-WE".into());
    };
    let rel = f.num(f.classes.rel).unwrap_or_else(|| {
        let weekend_now = dct.weekday().num_days_from_monday() >= 5;
        match f.tense() {
            Tense::Future => 0,
            _ if weekend_now => 0,
            _ => -1,
        }
    });
    plain(format!("{}-WE", week_value(add_days(dct, 7 * rel))))
}

pub(super) fn set(f: &Found) -> Option<Normal> {
    if let Some(freq) = f.get(f.classes.freq) {
        return plain(freq.to_string());
    }
    if let Some(n) = f
        .num(f.classes.weekday)
        .or_else(|| f.num(f.classes.weekdays))
    {
        return plain(format!("XXXX-WXX-{n}"));
    }
    if let Some(m) = f.num(f.classes.month) {
        return plain(format!("XXXX-{m:02}"));
    }
    if let Some(p) = f.get(f.classes.part) {
        return plain(format!("XXXX-XX-XXT{p}"));
    }
    plain(duration_value(Some(1), &unit_of(f)?)?)
}
