//! Normalisation functions: a rule names one of them; it turns what the rule matched into
//! a TimeML value, anchored on the document creation time when there is one.

use chrono::{Datelike, NaiveDate};

use crate::calendar::*;
use crate::context::Tense;
use crate::found::Found;

/// A normalised value with an optional TimeML `mod`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normal {
    /// TimeML value.
    pub value: String,
    /// TimeML mod.
    pub modifier: Option<String>,
}

fn plain(value: String) -> Option<Normal> {
    Some(Normal {
        value,
        modifier: None,
    })
}

/// Names of all normalisation functions, for checking the rule file.
pub const FUNCTIONS: &[&str] = &[
    "iso",
    "slash",
    "date",
    "month",
    "year",
    "year_words",
    "decade",
    "century",
    "weekday",
    "deictic",
    "rel_unit",
    "duration",
    "ago",
    "quarter",
    "half",
    "season",
    "weekend",
    "fixed",
    "time",
    "set",
    "holiday",
    "vague_duration",
];

/// Applies the rule's normalisation function; `None` rejects the match.
pub fn normalise(f: &Found) -> Option<Normal> {
    let mut normal = match f.rule.function.as_str() {
        "iso" => iso(f),
        "slash" => slash(f),
        "date" => date(f),
        "month" => month(f),
        "year" => year(f),
        "year_words" => year_words(f),
        "decade" => decade(f),
        "century" => century(f),
        "weekday" => weekday_fn(f),
        "deictic" => deictic(f),
        "rel_unit" => rel_unit(f),
        "duration" => duration(f),
        "ago" => ago(f),
        "quarter" => quarter(f),
        "half" => half(f),
        "season" => season(f),
        "weekend" => weekend(f),
        "fixed" => plain(f.arg("value")?.to_string()),
        "time" => time(f),
        "set" => set(f),
        "holiday" => holiday(f),
        "vague_duration" => vague_duration(f),
        _ => None,
    }?;
    if normal.modifier.is_none() {
        normal.modifier = f.arg("mod").map(str::to_string);
    }
    Some(normal)
}

fn direction(f: &Found) -> i64 {
    match f.tense() {
        Tense::Future => 1,
        _ => -1,
    }
}

/// The year written in the match, two-digit years placed near the anchor.
fn written_year(f: &Found) -> Option<i32> {
    let text = f.get(f.classes.year)?;
    if let Some(short) = text.strip_prefix('\'') {
        let yy: i32 = short.parse().ok()?;
        let anchor = f.dct.map(|d| d.year()).unwrap_or(2000);
        let mut year = anchor / 100 * 100 + yy;
        if year > anchor + 10 {
            year -= 100;
        }
        return Some(year);
    }
    text.parse().ok()
}

fn iso(f: &Found) -> Option<Normal> {
    let text = f.get(f.classes.iso)?;
    let mut parts = text.split('-').map(|p| p.parse::<u32>().ok());
    let (y, m, d) = (parts.next()??, parts.next()??, parts.next()??);
    plain(day_value(valid_date(y as i32, m, d)?))
}

fn slash(f: &Found) -> Option<Normal> {
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

fn date(f: &Found) -> Option<Normal> {
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

fn month(f: &Found) -> Option<Normal> {
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

fn year(f: &Found) -> Option<Normal> {
    let year = written_year(f)?;
    if f.arg("bare").is_some() {
        let latest = f.dct.map(|d| d.year() + 30).unwrap_or(2100);
        if !(1800..=latest).contains(&year) {
            return None;
        }
    }
    plain(format!("{year:04}"))
}

fn year_words(f: &Found) -> Option<Normal> {
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

fn decade(f: &Found) -> Option<Normal> {
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

fn century(f: &Found) -> Option<Normal> {
    let n = f.num(f.classes.ord).or_else(|| f.num(f.classes.ordw))?;
    if !(1..=30).contains(&n) {
        return None;
    }
    plain(format!("{:02}", n - 1))
}

fn part_suffix(f: &Found) -> String {
    f.get(f.classes.part)
        .or(f.arg("part"))
        .map(|p| format!("T{p}"))
        .unwrap_or_default()
}

fn weekday_fn(f: &Found) -> Option<Normal> {
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

fn deictic(f: &Found) -> Option<Normal> {
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

/// The value of the period of `unit` containing `date`.
fn period_value(date: NaiveDate, unit: &str) -> Option<String> {
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
fn shift(date: NaiveDate, unit: &str, n: i64) -> Option<NaiveDate> {
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

fn unit_of(f: &Found) -> Option<String> {
    f.get(f.classes.unit)
        .or_else(|| f.get(f.classes.units))
        .or(f.arg("unit"))
        .map(str::to_string)
}

fn unresolved(unit: &str) -> Option<String> {
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

fn rel_unit(f: &Found) -> Option<Normal> {
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

fn duration_value(n: Option<u32>, unit: &str) -> Option<String> {
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

fn duration(f: &Found) -> Option<Normal> {
    let n = match f.quantity() {
        Some(q) => q,
        None => Some(f.arg_num("n").unwrap_or(1) as u32),
    };
    if n == Some(0) {
        return None;
    }
    plain(duration_value(n, &unit_of(f)?)?)
}

fn vague_duration(f: &Found) -> Option<Normal> {
    plain(duration_value(None, &unit_of(f)?)?)
}

fn ago(f: &Found) -> Option<Normal> {
    let unit = unit_of(f)?;
    let sign = f.num(f.classes.ago).unwrap_or(-1);
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

fn quarter(f: &Found) -> Option<Normal> {
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

fn half(f: &Found) -> Option<Normal> {
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

fn season_index(season: &str) -> i32 {
    match season {
        "SP" => 1,
        "SU" => 2,
        "FA" => 3,
        _ => 4,
    }
}

fn season(f: &Found) -> Option<Normal> {
    let season = f.get(f.classes.season)?;
    if let Some(year) = written_year(f) {
        return plain(format!("{year:04}-{season}"));
    }
    let Some(dct) = f.dct else {
        return plain(format!("XXXX-{season}"));
    };
    let current = match dct.month() {
        3..=5 => 1,
        6..=8 => 2,
        9..=11 => 3,
        _ => 4,
    };
    let s = season_index(season);
    let rel = f.num(f.classes.rel).unwrap_or(match f.tense() {
        Tense::Past if s > current => -1,
        Tense::Future if s < current => 1,
        _ => 0,
    });
    let year = match rel {
        r if r < 0 => dct.year() - if s < current { 0 } else { 1 },
        r if r > 0 => dct.year() + if s > current { 0 } else { 1 },
        _ => dct.year(),
    };
    plain(format!("{year:04}-{season}"))
}

fn weekend(f: &Found) -> Option<Normal> {
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

fn time(f: &Found) -> Option<Normal> {
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

fn set(f: &Found) -> Option<Normal> {
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

fn holiday(f: &Found) -> Option<Normal> {
    let on = |year: i32| -> Option<NaiveDate> {
        if let Some(md) = f.arg("md") {
            let (m, d) = md.split_once('-')?;
            valid_date(year, m.parse().ok()?, d.parse().ok()?)
        } else if let Some(spec) = f.arg("nth") {
            let mut parts = spec.split(':').map(|p| p.parse::<u32>().ok());
            let (m, wd, n) = (parts.next()??, parts.next()??, parts.next()??);
            nth_weekday(year, m, weekday(wd)?, n)
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
