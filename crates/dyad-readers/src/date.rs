//! Normalising publication dates to `YYYY-MM-DD`.

use std::sync::OnceLock;

use chrono::{DateTime, NaiveDate};
use regex::Regex;

/// The calendar date of a date or timestamp string, as `YYYY-MM-DD`; `None` when it does
/// not parse.
///
/// Accepts ISO 8601 dates and timestamps (`2025-12-01`, `2025-12-01T14:03:00-05:00`,
/// `20251201`), `2025/12/01`, day-first `01.12.2025`, RFC 2822 (`Mon, 01 Dec 2025 14:03:00 GMT`), written dates
/// (`1 December 2025`, `Dec. 1, 2025`, `Monday, December 1st, 2025 2:03 PM`) and Unix times
/// in seconds or milliseconds. A timestamp keeps the date as written in its own time zone,
/// the publisher's local date.
///
/// ```
/// use dyad_readers::normalize_date;
/// assert_eq!(normalize_date("2025-12-01T23:30:00-05:00").as_deref(), Some("2025-12-01"));
/// assert_eq!(normalize_date("December 1, 2025").as_deref(), Some("2025-12-01"));
/// assert_eq!(normalize_date("yesterday"), None);
/// ```
pub fn normalize_date(raw: &str) -> Option<String> {
    let s = raw.trim();
    if s.is_empty() || s.len() > 100 {
        return None;
    }
    let date = numeric_date(s)
        .or_else(|| dotted_day_first(s))
        .or_else(|| DateTime::parse_from_rfc2822(s).ok().map(|d| d.date_naive()))
        .or_else(|| written_date(s))
        .or_else(|| unix_time(s))?;
    plausible(date).then(|| date.format("%Y-%m-%d").to_string())
}

/// Years outside this range are taken for parse accidents, not publication dates.
fn plausible(date: NaiveDate) -> bool {
    use chrono::Datelike;
    (1800..=2200).contains(&date.year())
}

/// `YYYY-MM-DD`, `YYYY/MM/DD`, `YYYY.MM.DD`, `YYYYMMDD`, each optionally followed by a time.
fn numeric_date(s: &str) -> Option<NaiveDate> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(
            r"^(\d{4})(?:([-/.])(\d{1,2})([-/.])(\d{1,2})|(\d{2})(\d{2}))(?:$|[T\s]|[+-]\d\d|Z)",
        )
        .expect("valid regex")
    });
    let caps = re.captures(s)?;
    if let (Some(a), Some(b)) = (caps.get(2), caps.get(4)) {
        if a.as_str() != b.as_str() {
            return None;
        }
    }
    let year = caps[1].parse().ok()?;
    let month = caps.get(3).or(caps.get(6))?.as_str().parse().ok()?;
    let day = caps.get(5).or(caps.get(7))?.as_str().parse().ok()?;
    NaiveDate::from_ymd_opt(year, month, day)
}

/// `DD.MM.YYYY` (the dotted form is day-first wherever it is used), optionally with a time.
fn dotted_day_first(s: &str) -> Option<NaiveDate> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:$|[\s,T])").expect("valid regex")
    });
    let c = re.captures(s)?;
    NaiveDate::from_ymd_opt(c[3].parse().ok()?, c[2].parse().ok()?, c[1].parse().ok()?)
}

/// "1 December 2025", "Dec. 1, 2025", "Monday, December 1st, 2025 at 2pm".
fn written_date(s: &str) -> Option<NaiveDate> {
    static DAY_FIRST: OnceLock<Regex> = OnceLock::new();
    static MONTH_FIRST: OnceLock<Regex> = OnceLock::new();
    let day_first = DAY_FIRST.get_or_init(|| {
        Regex::new(r"(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]{3,9})\.?,?\s+(\d{4})\b")
            .expect("valid regex")
    });
    let month_first = MONTH_FIRST.get_or_init(|| {
        Regex::new(r"(?i)\b([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
            .expect("valid regex")
    });
    if let Some(c) = day_first.captures(s) {
        if let Some(month) = month_number(&c[2]) {
            return NaiveDate::from_ymd_opt(c[3].parse().ok()?, month, c[1].parse().ok()?);
        }
    }
    let c = month_first.captures(s)?;
    let month = month_number(&c[1])?;
    NaiveDate::from_ymd_opt(c[3].parse().ok()?, month, c[2].parse().ok()?)
}

/// January = 1; accepts full names and three-letter (and "Sept") abbreviations.
fn month_number(name: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let name = name.to_lowercase();
    if name.len() < 3 {
        return None;
    }
    let index = MONTHS
        .iter()
        .position(|m| *m == name || (name.len() <= 4 && m.starts_with(&name)))?;
    Some(index as u32 + 1)
}

/// Month names and abbreviations of the languages dyad meets in web pages (English,
/// German, French, Spanish, Italian, Portuguese, Dutch, Russian), January = 1.
fn any_month_number(name: &str) -> Option<u32> {
    if let Some(m) = month_number(name) {
        return Some(m);
    }
    const MONTHS: [&[&str]; 12] = [
        &[
            "января",
            "январь",
            "januar",
            "jänner",
            "janvier",
            "enero",
            "gennaio",
            "janeiro",
            "januari",
            "jan",
        ],
        &[
            "февраля",
            "февраль",
            "februar",
            "février",
            "fevrier",
            "febrero",
            "febbraio",
            "fevereiro",
            "februari",
            "feb",
        ],
        &[
            "марта",
            "март",
            "märz",
            "maerz",
            "mars",
            "marzo",
            "março",
            "maart",
            "mär",
            "mrz",
        ],
        &["апреля", "апрель", "avril", "abril", "aprile", "apr"],
        &["мая", "май", "mai", "mayo", "maggio", "maio", "mei"],
        &[
            "июня", "июнь", "juni", "juin", "junio", "giugno", "junho", "jun",
        ],
        &[
            "июля", "июль", "juli", "juillet", "julio", "luglio", "julho", "jul",
        ],
        &[
            "августа",
            "август",
            "august",
            "août",
            "aout",
            "agosto",
            "augustus",
            "aug",
        ],
        &[
            "сентября",
            "сентябрь",
            "september",
            "septembre",
            "septiembre",
            "settembre",
            "setembro",
            "sep",
            "sept",
        ],
        &[
            "октября",
            "октябрь",
            "oktober",
            "octobre",
            "octubre",
            "ottobre",
            "outubro",
            "okt",
            "oct",
        ],
        &[
            "ноября",
            "ноябрь",
            "november",
            "novembre",
            "noviembre",
            "novembro",
            "nov",
        ],
        &[
            "декабря",
            "декабрь",
            "dezember",
            "décembre",
            "decembre",
            "diciembre",
            "dicembre",
            "dezembro",
            "december",
            "dez",
            "dec",
        ],
    ];
    let name = name.to_lowercase();
    let name = name.trim_end_matches('.');
    MONTHS
        .iter()
        .position(|names| names.contains(&name))
        .map(|i| i as u32 + 1)
}

/// The first calendar date written anywhere in `text`, as `YYYY-MM-DD`: ISO dates,
/// day-first dotted dates (`13.01.2022`, `28.01.22`), and written dates with an English,
/// German, French, Spanish, Italian, Portuguese, Dutch or Russian month name (`13. Januar 2022`,
/// `5 de marzo de 2021`, `March 5, 2021`). Slashed dates are left alone: their order is
/// ambiguous.
pub fn find_date(text: &str) -> Option<String> {
    find_date_at(text).map(|(_, date)| date)
}

/// [`find_date`] with the byte offset where the date is written.
pub(crate) fn find_date_at(text: &str) -> Option<(usize, String)> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(concat!(
            r"(?i)\b(?:",
            r"(?P<iy>(?:19|20)\d\d)-(?P<im>\d\d)-(?P<id>\d\d)",
            r"|(?P<dd>\d{1,2})\.\s?(?P<dm>\d{1,2})\.\s?(?P<dy>(?:19|20)\d\d|\d\d)\b",
            r"|(?P<wd>\d{1,2})(?:\.|st|nd|rd|th|er)?\s+(?:de\s+|of\s+)?(?P<wm>\p{L}{3,10})\.?,?\s+(?:de\s+)?(?P<wy>(?:19|20)\d\d)\b",
            r"|(?P<mm>\p{L}{3,10})\.?\s+(?P<md>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<my>(?:19|20)\d\d)\b",
            r")"
        ))
        .expect("valid regex")
    });
    for c in re.captures_iter(text) {
        let num = |k: &str| c.name(k).and_then(|m| m.as_str().parse::<i32>().ok());
        let date = if let (Some(y), Some(m), Some(d)) = (num("iy"), num("im"), num("id")) {
            NaiveDate::from_ymd_opt(y, m as u32, d as u32)
        } else if let (Some(d), Some(m), Some(y)) = (num("dd"), num("dm"), num("dy")) {
            let y = if y < 100 { 2000 + y } else { y };
            NaiveDate::from_ymd_opt(y, m as u32, d as u32)
        } else if let (Some(d), Some(m), Some(y)) = (
            num("wd"),
            c.name("wm").and_then(|m| any_month_number(m.as_str())),
            num("wy"),
        ) {
            NaiveDate::from_ymd_opt(y, m, d as u32)
        } else if let (Some(m), Some(d), Some(y)) = (
            c.name("mm").and_then(|m| any_month_number(m.as_str())),
            num("md"),
            num("my"),
        ) {
            NaiveDate::from_ymd_opt(y, m, d as u32)
        } else {
            None
        };
        if let Some(date) = date.filter(|d| plausible(*d)) {
            let at = c.get(0).map_or(0, |m| m.start());
            return Some((at, date.format("%Y-%m-%d").to_string()));
        }
    }
    None
}

/// Seconds (9–10 digits) or milliseconds (12–13 digits) since 1970, as a UTC date.
fn unix_time(s: &str) -> Option<NaiveDate> {
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let value: i64 = s.parse().ok()?;
    let seconds = match s.len() {
        9 | 10 => value,
        12 | 13 => value / 1000,
        _ => return None,
    };
    DateTime::from_timestamp(seconds, 0).map(|d| d.date_naive())
}

#[cfg(test)]
mod tests {
    use super::normalize_date;

    #[test]
    fn accepted_forms() {
        let cases = [
            ("2025-12-01", "2025-12-01"),
            ("2025-12-01T23:30:00-05:00", "2025-12-01"),
            ("2025-12-01T04:30:00Z", "2025-12-01"),
            ("2025-12-01 04:30:00", "2025-12-01"),
            ("2025-1-5", "2025-01-05"),
            ("2025/12/01", "2025-12-01"),
            ("20251201", "2025-12-01"),
            ("Mon, 01 Dec 2025 14:03:00 GMT", "2025-12-01"),
            ("Tue, 2 Dec 2025 01:00:00 +0100", "2025-12-02"),
            ("1 December 2025", "2025-12-01"),
            ("Monday, December 1st, 2025 2:03 PM", "2025-12-01"),
            ("Dec. 1, 2025", "2025-12-01"),
            ("Sept 30, 2025", "2025-09-30"),
            ("1764547200", "2025-12-01"),
            ("1764547200000", "2025-12-01"),
            ("20.12.2022", "2022-12-20"),
            ("1.2.2023 14:00", "2023-02-01"),
        ];
        for (raw, want) in cases {
            assert_eq!(normalize_date(raw).as_deref(), Some(want), "{raw}");
        }
    }

    #[test]
    fn dates_found_in_text() {
        use super::find_date;
        let cases = [
            ("Stand - 12.11.2021 (gültig)", "2021-11-12"),
            ("posted 28.01.22 / 0 comments", "2022-01-28"),
            ("am 13. Januar 2022 um 10 Uhr", "2022-01-13"),
            ("publicado el 5 de marzo de 2021", "2021-03-05"),
            ("Updated: March 5, 2021", "2021-03-05"),
            ("x 2020-02-29T10:00", "2020-02-29"),
            ("le 1er mai 2019", "2019-05-01"),
            ("15 августа 2016, 13:43", "2016-08-15"),
        ];
        for (text, want) in cases {
            assert_eq!(find_date(text).as_deref(), Some(want), "{text}");
        }
        assert_eq!(find_date("3.5 million in 12/01/2025"), None);
        assert_eq!(find_date("Room 12 2021"), None);
    }

    #[test]
    fn rejected_forms() {
        for raw in [
            "",
            "yesterday",
            "2025-13-01",
            "2025-02-30",
            "12/01/2025",
            "May 2025",
            "2025-12/01",
            "0001-01-01",
            "Mayday 5, 2025",
        ] {
            assert_eq!(normalize_date(raw), None, "{raw}");
        }
    }
}
