//! Calendar arithmetic on the anchor date and TimeML value formatting.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

use crate::context::Tense;

/// `YYYY-MM-DD`.
pub fn day_value(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// `YYYY-Www` (ISO week).
pub fn week_value(date: NaiveDate) -> String {
    let week = date.iso_week();
    format!("{:04}-W{:02}", week.year(), week.week())
}

/// `YYYY-MM`.
pub fn month_value(year: i32, month: u32) -> String {
    format!("{year:04}-{month:02}")
}

/// The quarter (1–4) of a date.
pub fn quarter_of(date: NaiveDate) -> u32 {
    (date.month() - 1) / 3 + 1
}

/// `date` shifted by `n` days (saturating at the calendar's ends).
pub fn add_days(date: NaiveDate, n: i64) -> NaiveDate {
    if n >= 0 {
        date.checked_add_days(Days::new(n as u64)).unwrap_or(date)
    } else {
        date.checked_sub_days(Days::new(n.unsigned_abs()))
            .unwrap_or(date)
    }
}

/// `date` shifted by `n` months.
pub fn add_months(date: NaiveDate, n: i64) -> NaiveDate {
    if n >= 0 {
        date.checked_add_months(Months::new(n as u32))
            .unwrap_or(date)
    } else {
        date.checked_sub_months(Months::new(n.unsigned_abs() as u32))
            .unwrap_or(date)
    }
}

/// ISO weekday number (Monday = 1) to chrono's weekday.
pub fn weekday(n: u32) -> Option<Weekday> {
    Some(match n {
        1 => Weekday::Mon,
        2 => Weekday::Tue,
        3 => Weekday::Wed,
        4 => Weekday::Thu,
        5 => Weekday::Fri,
        6 => Weekday::Sat,
        7 => Weekday::Sun,
        _ => return None,
    })
}

/// The day named `day` nearest to `anchor` in the direction `direction` (-1 before, +1 after,
/// 0 the anchor itself when it is that day, else the most recent before).
pub fn resolve_weekday(anchor: NaiveDate, day: Weekday, direction: i64) -> NaiveDate {
    let from = anchor.weekday().num_days_from_monday() as i64;
    let to = day.num_days_from_monday() as i64;
    match direction {
        d if d < 0 => {
            let back = (from - to).rem_euclid(7);
            add_days(anchor, -(if back == 0 { 7 } else { back }))
        }
        d if d > 0 => {
            let ahead = (to - from).rem_euclid(7);
            add_days(anchor, if ahead == 0 { 7 } else { ahead })
        }
        _ => add_days(anchor, -((from - to).rem_euclid(7))),
    }
}

/// The day named `day` in the ISO week of `anchor`.
pub fn weekday_in_week(anchor: NaiveDate, day: Weekday) -> NaiveDate {
    let from = anchor.weekday().num_days_from_monday() as i64;
    add_days(anchor, day.num_days_from_monday() as i64 - from)
}

/// The year of a month-and-day (or month) mention with no year: the nearest such date to
/// the anchor when the tense is unknown; a past tense points back (never into the next
/// year) and a future tense forward (never into the last year), allowing a couple of
/// months of slack around the anchor.
pub fn infer_year(anchor: NaiveDate, month: u32, day: Option<u32>, tense: Tense) -> i32 {
    let year = anchor.year();
    let day = day.unwrap_or(if month == anchor.month() {
        anchor.day()
    } else {
        15
    });
    let now = month_key(year, anchor.month(), anchor.day());
    let here = month_key(year, month, day);
    let slack = 62;
    let half = 186;
    match tense {
        Tense::Past if here - now > slack => year - 1,
        Tense::Future if now - here > slack => year + 1,
        Tense::Past | Tense::Future => year,
        Tense::Unknown if here - now > half => year - 1,
        Tense::Unknown if now - here > half => year + 1,
        Tense::Unknown => year,
    }
}

/// The year of a month mention with no year: past tense → the latest such month up to the
/// anchor's, future → the next from the anchor's on, otherwise the nearest.
pub fn infer_month_year(anchor: NaiveDate, month: u32, tense: Tense) -> i32 {
    let (year, current) = (anchor.year(), anchor.month() as i32);
    let m = month as i32;
    match tense {
        Tense::Past if m > current => year - 1,
        Tense::Future if m < current => year + 1,
        Tense::Past | Tense::Future => year,
        Tense::Unknown if m - current > 6 => year - 1,
        Tense::Unknown if current - m > 6 => year + 1,
        Tense::Unknown => year,
    }
}

fn month_key(year: i32, month: u32, day: u32) -> i64 {
    year as i64 * 372 + (month as i64 - 1) * 31 + day as i64
}

/// A date if it exists ("February 30" does not).
pub fn valid_date(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day)
}

/// The `n`-th (1-based; 5 = last) `day` of a month.
pub fn nth_weekday(year: i32, month: u32, day: Weekday, n: u32) -> Option<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let offset = (day.num_days_from_monday() as i64
        - first.weekday().num_days_from_monday() as i64)
        .rem_euclid(7);
    let mut date = add_days(first, offset + 7 * (n as i64 - 1));
    while date.month() != month {
        date = add_days(date, -7);
    }
    Some(date)
}

/// Easter Sunday (Gregorian, anonymous algorithm).
pub fn easter(year: i32) -> Option<NaiveDate> {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32)
}
