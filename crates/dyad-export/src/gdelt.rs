//! The GDELT 2.0 event table (61 columns).

use chrono::{Datelike, NaiveDate};
use dyad_types::{Actor, Event, RELIGIONS};

/// The 61 column names of the GDELT 2.0 event table, in order.
pub const COLUMNS: [&str; 61] = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// Where an event was reported, how often, and when dyad analysed it.
#[derive(Debug, Clone, Default)]
pub struct Provenance {
    /// The dyad id of the (merged) event; its numeric form is `GLOBALEVENTID`.
    pub global_id: String,
    /// The article's URL (else its path or id), for `SOURCEURL` and `MentionIdentifier`.
    pub source_url: String,
    /// The outlet, for `MentionSourceName` (the URL's host when empty).
    pub source_name: String,
    /// When the article was analysed (UTC), for `DATEADDED` and `MentionTimeDate`.
    pub analysed_at: Option<chrono::NaiveDateTime>,
    /// Reports of this event (`NumMentions`); 1 for a single article.
    pub num_mentions: u32,
    /// Distinct articles reporting it (`NumArticles`).
    pub num_articles: u32,
    /// Distinct outlets reporting it (`NumSources`).
    pub num_sources: u32,
    /// Length of the article's text in bytes (`MentionDocLen`).
    pub document_length: u64,
    /// Tone in GDELT's AvgTone convention; 0 when unknown. In an event row (`AvgTone`) the
    /// mean tone of the articles reporting the event; in a mention row (`MentionDocTone`)
    /// the tone of the mention's article.
    pub tone: f64,
}

impl Provenance {
    /// The provenance of a report read back from a store: its merged event's id and counts,
    /// its article's URL (else id), outlet, length and analysis time, and the mean tone of
    /// the merged event's articles.
    pub fn of_stored(s: &dyad_store::StoredEvent) -> Provenance {
        Provenance {
            global_id: s.event_id.clone(),
            source_url: s.url.clone().unwrap_or_else(|| s.document_id.clone()),
            source_name: s.outlet.clone().unwrap_or_default(),
            analysed_at: chrono::NaiveDateTime::parse_from_str(
                &s.analysed_at,
                "%Y-%m-%dT%H:%M:%SZ",
            )
            .ok(),
            num_mentions: s.num_mentions.try_into().unwrap_or(u32::MAX),
            num_articles: s.num_articles.try_into().unwrap_or(u32::MAX),
            num_sources: s.num_sources.try_into().unwrap_or(u32::MAX),
            document_length: s.document_length,
            tone: s.avg_tone.unwrap_or(0.0),
        }
    }
}

/// The rows of stored events as GDELT tab-separated lines, newline-terminated: the event
/// table (one row per event given), or with `mentions` the mentions table (query the
/// store with [`dyad_store::EventQuery::mentions`] to get one row per report).
pub fn write_stored<W: std::io::Write>(
    out: &mut W,
    events: &[dyad_store::StoredEvent],
    mentions: bool,
) -> std::io::Result<()> {
    for s in events {
        let mut provenance = Provenance::of_stored(s);
        if mentions {
            provenance.tone = s.document_tone.unwrap_or(0.0);
        }
        let fields = if mentions {
            mention_row(&s.event, &provenance)
        } else {
            row(&s.event, &provenance)
        };
        writeln!(out, "{}", fields.join("\t"))?;
    }
    Ok(())
}

/// The 16 column names of the GDELT 2.0 mentions table, in order.
pub const MENTION_COLUMNS: [&str; 16] = [
    "GLOBALEVENTID",
    "EventTimeDate",
    "MentionTimeDate",
    "MentionType",
    "MentionSourceName",
    "MentionIdentifier",
    "SentenceID",
    "Actor1CharOffset",
    "Actor2CharOffset",
    "ActionCharOffset",
    "InRawText",
    "Confidence",
    "MentionDocLen",
    "MentionDocTone",
    "MentionDocTranslationInfo",
    "Extras",
];

/// The 16 GDELT mentions-table columns of one report of an event. Character offsets are
/// byte offsets into dyad's cleaned text (GDELT's are into its own); -1 when absent.
pub fn mention_row(event: &Event, provenance: &Provenance) -> Vec<String> {
    let day = event
        .date
        .value
        .as_deref()
        .and_then(first_day)
        .map(|d| format!("{}000000", d.format("%Y%m%d")))
        .unwrap_or_default();
    let mentioned = provenance
        .analysed_at
        .map(|t| t.format("%Y%m%d%H%M%S").to_string())
        .unwrap_or_default();
    let url = provenance.source_url.replace(['\t', '\n'], " ");
    let name = if provenance.source_name.is_empty() {
        host(&url).to_string()
    } else {
        provenance.source_name.replace(['\t', '\n'], " ")
    };
    let target = event
        .target
        .as_ref()
        .map_or_else(|| "-1".to_string(), |t| t.start.to_string());
    vec![
        global_event_id(&provenance.global_id).to_string(),
        day,
        mentioned,
        "1".to_string(),
        name,
        url,
        (event.sentence + 1).to_string(),
        event.source.start.to_string(),
        target,
        event.trigger.start.to_string(),
        "1".to_string(),
        format!("{:.0}", (event.confidence * 100.0).clamp(0.0, 100.0)),
        provenance.document_length.to_string(),
        format!("{}", provenance.tone),
        String::new(),
        String::new(),
    ]
}

/// The host of a URL (`https://a.example/x` → `a.example`), or the whole string.
fn host(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    rest.split(['/', '?', '#']).next().unwrap_or(rest)
}

/// The numeric `GLOBALEVENTID` of a dyad event id (its first 15 hex digits).
pub fn global_event_id(event_id: &str) -> u64 {
    let hex: String = event_id
        .chars()
        .filter(char::is_ascii_hexdigit)
        .take(15)
        .collect();
    u64::from_str_radix(&hex, 16).unwrap_or(0)
}

/// The calendar day a TimeML date value stands for: its first day (`2025-W48` → the Monday).
pub fn first_day(value: &str) -> Option<NaiveDate> {
    let value = value.split('T').next().unwrap_or(value);
    if let Some((year, week)) = value.split_once("-W") {
        let (year, week) = (year.parse().ok()?, week.parse().ok()?);
        return NaiveDate::from_isoywd_opt(year, week, chrono::Weekday::Mon);
    }
    let parts: Vec<&str> = value.split('-').collect();
    let number = |i: usize, default: u32| parts.get(i).map_or(Some(default), |p| p.parse().ok());
    match parts[0].len() {
        4 => NaiveDate::from_ymd_opt(parts[0].parse().ok()?, number(1, 1)?, number(2, 1)?),
        3 => NaiveDate::from_ymd_opt(parts[0].parse::<i32>().ok()? * 10, 1, 1),
        _ => None,
    }
}

/// Christian denominations among the religion codes ([`RELIGIONS`], which GDELT puts in the
/// religion columns, not the type columns): GDELT's second religion code, after `CHR`.
const DENOMINATIONS: &[&str] = &["CTH", "PRO"];

fn actor_columns(actor: Option<&Actor>) -> [String; 10] {
    let Some(a) = actor else {
        return Default::default();
    };
    let code = a.code.clone().unwrap_or_default();
    let name = a.name.as_deref().unwrap_or(&a.text).to_uppercase();
    let known_group = code
        .strip_prefix("IGO")
        .map(|g| g.chars().take(3).collect())
        .unwrap_or_default();
    let religion = a.roles.iter().find(|r| RELIGIONS.contains(&r.as_str()));
    // A Christian denomination is the second religion code under CHR, as GDELT codes it.
    let (religion1, religion2) = match religion.map(String::as_str) {
        Some(d) if DENOMINATIONS.contains(&d) => ("CHR".to_string(), d.to_string()),
        Some(r) => (r.to_string(), String::new()),
        None => Default::default(),
    };
    let mut types = a
        .roles
        .iter()
        .filter(|r| r.len() == 3 && !RELIGIONS.contains(&r.as_str()))
        .cloned();
    [
        code,
        name,
        a.country.clone().unwrap_or_default(),
        known_group,
        String::new(),
        religion1,
        religion2,
        types.next().unwrap_or_default(),
        types.next().unwrap_or_default(),
        types.next().unwrap_or_default(),
    ]
}

/// A coordinate as GDELT prints it: at most 6 significant digits, no trailing zeros
/// (`49.25`, `-123.133`, `3.16667`).
pub fn gdelt_coordinate(v: f64) -> String {
    if v == 0.0 || !v.is_finite() {
        return "0".into();
    }
    let int_digits = v.abs().log10().floor() as i32 + 1;
    let decimals = (6 - int_digits).max(0) as usize;
    let s = format!("{v:.decimals$}");
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    };
    if s == "-0" {
        "0".into()
    } else {
        s
    }
}

/// The 8 GDELT geo columns (Type, FullName, CountryCode, ADM1Code, ADM2Code, Lat, Long,
/// FeatureID) of a location. Geo_Type: 1 country, 2 US state, 3 US city, 4 world city,
/// 5 world state; 0 (all empty) for no location, a place without coordinates, or a region
/// larger than a country (GDELT has no type for those). FeatureID is the FIPS country code
/// (type 1), the state code (type 2), else the GeoNames id (GDELT uses GNS ids there), or the
/// ADM1 code for a division without a GeoNames id.
pub fn geo_columns(location: Option<&dyad_types::Location>) -> [String; 8] {
    use dyad_types::GeoPrecision;
    let none = || std::array::from_fn(|i| if i == 0 { "0".into() } else { String::new() });
    let Some(l) = location else {
        return none();
    };
    let (Some(lat), Some(lon), Some(precision)) = (l.lat, l.lon, l.precision) else {
        return none();
    };
    let us = l.fips.as_deref() == Some("US");
    let geo_type = match precision {
        GeoPrecision::Country => 1,
        GeoPrecision::Admin1 if us => 2,
        GeoPrecision::Admin1 => 5,
        // GDELT has no county type, and its US places (type 3) carry a numeric feature id:
        // a county without a GeoNames id of its own goes out at its state's level (its
        // point kept), one with an id as a US place.
        GeoPrecision::Admin2 if us && l.geonameid.is_none() => 2,
        GeoPrecision::City | GeoPrecision::Admin2 if us => 3,
        GeoPrecision::City | GeoPrecision::Admin2 => 4,
        GeoPrecision::Region => return none(),
    };
    let feature = match geo_type {
        1 => l.fips.clone().unwrap_or_default(),
        2 => l
            .adm1
            .as_deref()
            .and_then(|a| a.get(2..))
            .unwrap_or_default()
            .to_string(),
        _ => l
            .geonameid
            .map(|g| g.to_string())
            .or_else(|| l.adm1.clone())
            .unwrap_or_default(),
    };
    [
        geo_type.to_string(),
        l.name
            .clone()
            .unwrap_or_else(|| l.text.clone())
            .replace(['\t', '\n'], " "),
        l.fips.clone().unwrap_or_default(),
        l.adm1.clone().unwrap_or_default(),
        String::new(),
        gdelt_coordinate(lat),
        gdelt_coordinate(lon),
        feature,
    ]
}

/// The geo columns of an actor: its country's (GDELT's Geo_Type 1), when it has one.
fn actor_geo_columns(actor: Option<&Actor>) -> [String; 8] {
    let location = actor
        .and_then(|a| a.country.as_deref())
        .and_then(|iso3| dyad_geo::country_location(dyad_geo::Gazetteer::embedded(), iso3));
    geo_columns(location.as_ref())
}

/// The 61 GDELT columns of `event`.
pub fn row(event: &Event, provenance: &Provenance) -> Vec<String> {
    let day = event.date.value.as_deref().and_then(first_day);
    let (sqldate, month_year, year, fraction) = match day {
        Some(d) => (
            d.format("%Y%m%d").to_string(),
            d.format("%Y%m").to_string(),
            d.year().to_string(),
            format!("{:.4}", d.year() as f64 + f64::from(d.ordinal0()) / 365.0),
        ),
        None => Default::default(),
    };
    let code = event.cameo.clone();
    let base: String = code.chars().take(3).collect();
    let root: String = code.chars().take(2).collect();
    let mut fields = vec![
        global_event_id(&provenance.global_id).to_string(),
        sqldate,
        month_year,
        year,
        fraction,
    ];
    fields.extend(actor_columns(Some(&event.source)));
    fields.extend(actor_columns(event.target.as_ref()));
    fields.extend([
        if event.sentence == 0 { "1" } else { "0" }.to_string(),
        code,
        base,
        root,
        event.quad_class.to_string(),
        format!("{:.1}", event.goldstein),
        provenance.num_mentions.max(1).to_string(),
        provenance.num_sources.max(1).to_string(),
        provenance.num_articles.max(1).to_string(),
        format!("{}", provenance.tone),
    ]);
    fields.extend(actor_geo_columns(Some(&event.source)));
    fields.extend(actor_geo_columns(event.target.as_ref()));
    fields.extend(geo_columns(event.location.as_ref()));
    fields.push(
        provenance
            .analysed_at
            .map(|t| t.format("%Y%m%d%H%M%S").to_string())
            .unwrap_or_default(),
    );
    fields.push(provenance.source_url.replace(['\t', '\n'], " "));
    fields
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_of_every_precision_have_a_first_day() {
        assert_eq!(
            first_day("2025-11-29"),
            NaiveDate::from_ymd_opt(2025, 11, 29)
        );
        assert_eq!(
            first_day("2025-12-01TEV"),
            NaiveDate::from_ymd_opt(2025, 12, 1)
        );
        assert_eq!(first_day("2025-W48"), NaiveDate::from_ymd_opt(2025, 11, 24));
        assert_eq!(first_day("2025-11"), NaiveDate::from_ymd_opt(2025, 11, 1));
        assert_eq!(first_day("2020"), NaiveDate::from_ymd_opt(2020, 1, 1));
        assert_eq!(first_day("PAST_REF"), None);
    }

    #[test]
    fn religion_codes_go_to_the_religion_columns() {
        let actor = |code: &str, roles: &[&str]| Actor {
            code: Some(code.into()),
            roles: roles.iter().map(|r| r.to_string()).collect(),
            ..Actor::default()
        };
        // Columns: code, name, country, known group, ethnic, religion 1 and 2, types 1–3.
        let muslims = actor_columns(Some(&actor("GBRMOS", &["MOS"])));
        assert_eq!((&muslims[5][..], &muslims[6][..]), ("MOS", ""));
        assert_eq!(muslims[7], "");
        let catholics = actor_columns(Some(&actor("CTH", &["CTH"])));
        assert_eq!((&catholics[5][..], &catholics[6][..]), ("CHR", "CTH"));
        let police = actor_columns(Some(&actor("GBRCOP", &["COP"])));
        assert_eq!((&police[5][..], &police[7][..]), ("", "COP"));
    }

    #[test]
    fn ids_are_numeric_and_stable() {
        assert_eq!(global_event_id("00000000000000ff"), 15);
        assert_eq!(global_event_id("abc"), 0xabc);
    }
}
