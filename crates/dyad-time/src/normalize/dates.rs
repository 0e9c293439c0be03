//! Normalisers of calendar dates, weekdays, days named from the anchor, times and holidays.

use chrono::{Datelike, NaiveDate};

use super::{direction, plain, written_year, Normal};
use crate::calendar::*;
use crate::context::Tense;
use crate::found::Found;

pub(super) fn iso(f: &Found) -> Option<Normal> {
    let text = f.get(f.classes.iso)?;
    let mut parts = text.split('-').map(|p| p.parse::<u32>().ok());
    let (y, m, d) = (parts.next()??, parts.next()??, parts.next()??);
    plain(day_value(valid_date(y as i32, m, d)?))
}

pub(super) fn slash(f: &Found) -> Option<Normal> {
    let text = f.get(f.classes.slash)?;
    let parts: Vec<u32> = text
        .split('/')
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    let (m, d, mut y) = (parts[0], parts[1], parts[2] as i32);
    if y < 100 {
        let anchor = f.dct.map(|d| d.year()).unwrap_or(2000);
        y += anchor / 100 * 100;
        if y > anchor + 10 {
            y -= 100;
        }
    }
    plain(day_value(valid_date(y, m, d)?))
}

pub(super) fn date(f: &Found) -> Option<Normal> {
    let month = f.num(f.classes.month)? as u32;
    let day = f.num(f.classes.day)? as u32;
    if let Some(year) = written_year(f) {
        return plain(day_value(valid_date(year, month, day)?));
    }
    valid_date(2000, month, day)?;
    match f.dct {
        None => plain(format!("XXXX-{month:02}-{day:02}")),
        Some(dct) => {
            let tense = match f.num(f.classes.rel) {
                Some(r) if r < 0 => Tense::Past,
                Some(r) if r > 0 => Tense::Future,
                _ => f.tense(),
            };
            let year = infer_year(dct, month, Some(day), tense);
            plain(day_value(
                valid_date(year, month, day).or_else(|| valid_date(year, month, day - 1))?,
            ))
        }
    }
}

pub(super) fn month(f: &Found) -> Option<Normal> {
    let month = f.num(f.classes.month)? as u32;
    if let Some(year) = written_year(f) {
        return plain(month_value(year, month));
    }
    let Some(dct) = f.dct else {
        return plain(format!("XXXX-{month:02}"));
    };
    let rel = f.num(f.classes.rel);
    if let (Some(r), Some(_)) = (rel, f.arg("yearrel")) {
        return plain(month_value(dct.year() + r as i32, month));
    }
    let year = match rel {
        Some(-1) if month >= dct.month() => dct.year() - 1,
        Some(1) if month <= dct.month() => dct.year() + 1,
        Some(_) => dct.year(),
        None => infer_month_year(dct, month, f.tense()),
    };
    plain(month_value(year, month))
}

pub(super) fn year(f: &Found) -> Option<Normal> {
    let year = written_year(f)?;
    if f.arg("bare").is_some() {
        let latest = f.dct.map(|d| d.year() + 30).unwrap_or(2100);
        if !(1800..=latest).contains(&year) {
            return None;
        }
    }
    plain(format!("{year:04}"))
}

pub(super) fn year_words(f: &Found) -> Option<Normal> {
    let values: Vec<i64> = f.tokens[f.found.start..f.found.end]
        .iter()
        .filter_map(|t| t.value(f.classes.numw)?.parse().ok())
        .collect();
    let rest: i64 = match values.as_slice() {
        [19, tail @ ..] | [2, 1000, tail @ ..] => tail.iter().sum(),
        _ => return None,
    };
    let year = if values[0] == 19 {
        if !(10..=99).contains(&rest) {
            return None;
        }
        1900 + rest
    } else {
        2000 + rest
    };
    plain(year.to_string())
}

pub(super) fn decade(f: &Found) -> Option<Normal> {
    let digits = if let Some(d) = f.get(f.classes.decade) {
        d.to_string()
    } else {
        f.get(f.classes.decadew)?.to_string()
    };
    // "in his 30s" is an age: a two-digit decade needs "the" or an apostrophe
    let written = &f.tokens[f.found.start..f.found.end];
    let before = f
        .found
        .start
        .checked_sub(1)
        .map(|i| f.tokens[i].lower.as_str());
    let listed = matches!(
        before,
        Some("and" | "or" | "early" | "late" | "mid" | "the")
    );
    if digits.starts_with('\'')
        && !f.has("the")
        && !listed
        && !written.iter().any(|t| t.lower.starts_with('\''))
    {
        return None;
    }
    let decade = match digits.strip_prefix('\'').unwrap_or(&digits) {
        d if d.len() == 3 => d.parse::<i32>().ok()?,
        d => {
            let digit: i32 = d.parse().ok()?;
            let anchor = f.dct.map(|d| d.year()).unwrap_or(2000);
            let mut decade = anchor / 100 * 10 + digit;
            if decade * 10 > anchor {
                decade -= 10;
            }
            decade
        }
    };
    plain(format!("{decade:03}"))
}

pub(super) fn century(f: &Found) -> Option<Normal> {
    let n = f.num(f.classes.ord).or_else(|| f.num(f.classes.ordw))?;
    if !(1..=30).contains(&n) {
        return None;
    }
    plain(format!("{:02}", n - 1))
}

pub(super) fn part_suffix(f: &Found) -> String {
    f.get(f.classes.part)
        .or(f.arg("part"))
        .map(|p| format!("T{p}"))
        .unwrap_or_default()
}

pub(super) fn weekday_fn(f: &Found) -> Option<Normal> {
    let n = f.num(f.classes.weekday)? as u32;
    let day = weekday(n)?;
    let part = part_suffix(f);
    let Some(dct) = f.dct else {
        return plain(format!("XXXX-WXX-{n}{part}"));
    };
    let date = match f.num(f.classes.rel) {
        Some(0) if f.has("coming") => resolve_weekday(dct, day, 1),
        Some(0) => weekday_in_week(dct, day),
        Some(r) => resolve_weekday(dct, day, r),
        None if dct.weekday() == day => dct,
        None => resolve_weekday(dct, day, direction(f)),
    };
    plain(format!("{}{part}", day_value(date)))
}

pub(super) fn deictic(f: &Found) -> Option<Normal> {
    let offset = f
        .num(f.classes.deictic)
        .or_else(|| f.arg_num("offset"))
        .or_else(|| f.num(f.classes.rel))?;
    let part = part_suffix(f);
    let Some(dct) = f.dct else {
        return plain(format!("XXXX-XX-XX{part}"));
    };
    plain(format!("{}{part}", day_value(add_days(dct, offset))))
}

pub(super) fn time(f: &Found) -> Option<Normal> {
    let (mut hour, minute) = if let Some(clock) = f.get(f.classes.clock) {
        let (h, m) = clock.split_once(':')?;
        (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?)
    } else if let Some(h) = f.arg_num("hour") {
        (h as u32, 0)
    } else {
        let h = f.num(f.classes.num).or_else(|| f.num(f.classes.numw))?;
        let h = u32::try_from(h).ok()?;
        let digits = f.tokens[f.found.start].lower.len();
        if digits == 4 && f.get(f.classes.zone).is_some() {
            (h / 100, h % 100) // 0800 UTC
        } else {
            (h, 0)
        }
    };
    let pm = match f.get(f.classes.ampm) {
        Some(v) => Some(v == "PM"),
        None => f.get(f.classes.part).map(|p| p != "MO"),
    };
    if let Some(pm) = pm {
        if !(1..=12).contains(&hour) {
            return None;
        }
        hour = match (pm, hour) {
            (false, 12) => 0,
            (true, h) if h < 12 => h + 12,
            (_, h) => h,
        };
    }
    if hour > 23 || minute > 59 {
        return None;
    }
    let zone = match f.get(f.classes.zone) {
        Some("UTC" | "GMT") => "Z",
        _ => "",
    };
    let clock = format!("T{hour:02}:{minute:02}{zone}");
    let Some(dct) = f.dct else {
        return plain(format!("XXXX-XX-XX{clock}"));
    };
    let date = if let (Some(m), Some(d)) = (f.num(f.classes.month), f.num(f.classes.day)) {
        let (m, d) = (m as u32, d as u32);
        let year = written_year(f).unwrap_or_else(|| infer_year(dct, m, Some(d), f.tense()));
        valid_date(year, m, d)?
    } else if let Some(n) = f.num(f.classes.weekday) {
        let day = weekday(n as u32)?;
        if dct.weekday() == day {
            dct
        } else {
            resolve_weekday(dct, day, direction(f))
        }
    } else {
        add_days(dct, f.num(f.classes.deictic).unwrap_or(0))
    };
    plain(format!("{}{clock}", day_value(date)))
}

pub(super) fn holiday(f: &Found) -> Option<Normal> {
    let on = |year: i32| -> Option<NaiveDate> {
        if let Some(md) = f.arg("md") {
            let (m, d) = md.split_once('-')?;
            valid_date(year, m.parse().ok()?, d.parse().ok()?)
        } else if let Some(spec) = f.arg("nth") {
            let mut parts = spec.split(':').map(|p| p.parse::<u32>().ok());
            let (m, wd, n) = (parts.next()??, parts.next()??, parts.next()??);
            let day = nth_weekday(year, m, weekday(wd)?, n)?;
            Some(add_days(day, f.arg_num("days").unwrap_or(0)))
        } else {
            let offset = f.arg_num("easter")?;
            Some(add_days(easter(year)?, offset))
        }
    };
    if let Some(year) = written_year(f) {
        return plain(day_value(on(year)?));
    }
    let Some(dct) = f.dct else {
        return match f.arg("md") {
            Some(md) => plain(format!("XXXX-{md}")),
            None => plain("XXXX-XX-XX".into()),
        };
    };
    let guess = on(dct.year())?;
    let year = infer_year(dct, guess.month(), Some(guess.day()), f.tense());
    plain(day_value(on(year)?))
}
