//! The time zone a page's declared locale implies, for turning a UTC publication timestamp
//! into the publisher's local date (an article published at 00:30 in Vienna is stamped
//! 22:30 UTC the day before).
//!
//! Only locales that name one zone count: German, Italian, Dutch, Polish… (Central
//! European Time), Finnish, Greek… (Eastern European), Portuguese of Portugal and English of
//! Britain or Ireland (Western European / GMT), Russian (Moscow); French and Spanish only
//! with a European region (`fr-FR`, `es-ES`), English otherwise never (it is written in every
//! zone).

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};

/// A European zone: its standard offset from UTC in hours, and whether it keeps the EU's
/// summer time (last Sunday of March to last Sunday of October, switching at 01:00 UTC).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Zone {
    standard_hours: i64,
    eu_summer_time: bool,
}

const WESTERN: Zone = Zone {
    standard_hours: 0,
    eu_summer_time: true,
};
const CENTRAL: Zone = Zone {
    standard_hours: 1,
    eu_summer_time: true,
};
const EASTERN: Zone = Zone {
    standard_hours: 2,
    eu_summer_time: true,
};
const MOSCOW: Zone = Zone {
    standard_hours: 3,
    eu_summer_time: false,
};

/// The zone of a locale such as `de`, `de-AT`, `fr_FR` or `en-GB`; `None` when the locale
/// does not pin one down.
pub(crate) fn zone_of_locale(locale: &str) -> Option<Zone> {
    let locale = locale.trim().to_ascii_lowercase().replace('_', "-");
    let mut parts = locale.split('-');
    let language = parts.next()?;
    let region = parts.next().unwrap_or("");
    match (language, region) {
        (
            "de" | "it" | "nl" | "pl" | "cs" | "sk" | "hu" | "sl" | "hr" | "sv" | "da" | "nb"
            | "nn" | "no",
            "",
        )
        | ("fr", "fr" | "be" | "ch" | "lu" | "mc")
        | ("es", "es")
        | ("ca", "" | "es") => Some(CENTRAL),
        ("de" | "it" | "nl", "de" | "at" | "ch" | "it" | "nl" | "be" | "lu" | "li") => {
            Some(CENTRAL)
        }
        ("fi" | "el" | "et" | "lv" | "lt" | "ro" | "bg", "") => Some(EASTERN),
        ("pt", "pt") | ("en", "gb" | "uk" | "ie") | ("ga", _) => Some(WESTERN),
        ("ru", "" | "ru") => Some(MOSCOW),
        _ => None,
    }
}

/// The wall-clock time in `zone` of a UTC time.
pub(crate) fn to_local(utc: NaiveDateTime, zone: Zone) -> NaiveDateTime {
    let summer = zone.eu_summer_time && in_eu_summer_time(utc);
    utc + Duration::hours(zone.standard_hours + i64::from(summer))
}

/// Whether EU summer time is in force at a UTC time.
fn in_eu_summer_time(utc: NaiveDateTime) -> bool {
    let year = utc.year();
    let start = last_sunday(year, 3).and_hms_opt(1, 0, 0);
    let end = last_sunday(year, 10).and_hms_opt(1, 0, 0);
    match (start, end) {
        (Some(start), Some(end)) => start <= utc && utc < end,
        _ => false,
    }
}

/// The last Sunday of a month (March or October here).
fn last_sunday(year: i32, month: u32) -> NaiveDate {
    let last = NaiveDate::from_ymd_opt(year, month, 31)
        .or_else(|| NaiveDate::from_ymd_opt(year, month, 30))
        .unwrap_or_default();
    let back = last.weekday().num_days_from_sunday();
    last - Duration::days(i64::from(back))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S").unwrap()
    }

    #[test]
    fn locales_that_name_one_zone() {
        assert_eq!(zone_of_locale("de-AT"), Some(CENTRAL));
        assert_eq!(zone_of_locale("fr_FR"), Some(CENTRAL));
        assert_eq!(zone_of_locale("en-GB"), Some(WESTERN));
        assert_eq!(zone_of_locale("fi"), Some(EASTERN));
        for open in ["en", "en-US", "fr", "fr-CA", "es", "es-CO", "pt-BR", "ja"] {
            assert_eq!(zone_of_locale(open), None, "{open}");
        }
    }

    #[test]
    fn summer_and_winter_time() {
        // Vienna: 22:04 UTC on 18 October 2019 is 00:04 the next day (summer time, +2).
        assert_eq!(
            to_local(at("2019-10-18T22:04:00"), CENTRAL),
            at("2019-10-19T00:04:00")
        );
        // Berlin in November: +1.
        assert_eq!(
            to_local(at("2022-11-06T23:00:00"), CENTRAL),
            at("2022-11-07T00:00:00")
        );
        // The switch itself: 31 March 2024 01:00 UTC.
        assert_eq!(
            to_local(at("2024-03-31T00:59:00"), WESTERN),
            at("2024-03-31T00:59:00")
        );
        assert_eq!(
            to_local(at("2024-03-31T01:00:00"), WESTERN),
            at("2024-03-31T02:00:00")
        );
        assert_eq!(
            to_local(at("2024-01-10T22:30:00"), MOSCOW),
            at("2024-01-11T01:30:00")
        );
    }
}
