//! The gazetteer: countries, US states, populated places and regions, with a name index.
//!
//! The data file (`data/gazetteer.tsv.gz`, written by [`crate::build`]) is a gzipped,
//! tab-separated table, one feature a line, its kind first:
//!
//! ```text
//! C  iso2 iso3 fips geonameid name lat lon population capital  names
//! A  geonameid name lat lon country admin1 population          names   (US states)
//! P  geonameid name lat lon country admin1 population          names   (populated places)
//! D  geonameid name lat lon country admin1 places              names   (US counties)
//! R  geonameid name lat lon population                         names   (continents, regions)
//! ```
//!
//! `names` are other names joined by `|`. Counties come after the places, have no GeoNames id
//! (0) and carry the number of their places of 1,000 people or more where the others carry a
//! population. Lines starting with `#` are comments. After the
//! features (countries and divisions first), a line `#index` starts the name index:
//! one line per normalised name, sorted bytewise, `name<TAB>feature,feature*,...`, where a
//! feature is the byte offset of its line and `*` marks the feature's primary name. A first
//! line `#layout<TAB>index offset<TAB>feature count` says where the index starts.
//!
//! The build script decompresses the file at compile time. Loading reads only the countries
//! and divisions (a few hundred lines at the top); a name is found by binary search over the
//! index's lines, a feature parsed from its line when asked for.

use std::borrow::Cow;
use std::collections::HashMap;
use std::io::Read;
use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;

use crate::{Error, Result};

const EMBEDDED: &str = include_str!(concat!(env!("OUT_DIR"), "/gazetteer.tsv"));

/// What kind of feature a gazetteer entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A country (GeoNames PCL*).
    Country,
    /// A first-order administrative division (US states).
    Admin1,
    /// A populated place (GeoNames P class).
    Place,
    /// A second-order administrative division (a US county or parish).
    Admin2,
    /// A continent or a named region ("the Caribbean", "the Middle East").
    Region,
}

impl Kind {
    /// Whether the feature is a place or a county: something with a point and a state, and
    /// near other such things.
    pub fn is_local(self) -> bool {
        matches!(self, Kind::Place | Kind::Admin2)
    }
}

/// One gazetteer entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Feature {
    /// Kind of feature.
    pub kind: Kind,
    /// GeoNames id, 0 for our own regions.
    pub geonameid: u32,
    /// Primary name.
    pub name: String,
    /// Latitude in degrees.
    pub lat: f64,
    /// Longitude in degrees.
    pub lon: f64,
    /// ISO 3166-1 alpha-2 country code, empty for regions.
    pub country: String,
    /// GeoNames admin1 code ("TX", "25"), empty when none.
    pub admin1: String,
    /// Population (0 when unknown; a county's number of places of 1,000 people or more).
    pub population: u64,
}

/// A country's codes.
#[derive(Debug, Clone, PartialEq)]
pub struct CountryInfo {
    /// ISO 3166-1 alpha-2.
    pub iso2: String,
    /// ISO 3166-1 alpha-3.
    pub iso3: String,
    /// FIPS 10-4 (the codes GDELT uses).
    pub fips: String,
    /// English name.
    pub name: String,
    /// Capital's name.
    pub capital: String,
    /// The country's feature id.
    pub feature: u32,
}

/// The gazetteer with its name index.
#[derive(Debug, Default)]
pub struct Gazetteer {
    text: Cow<'static, str>,
    /// How many features there are.
    count: usize,
    /// Byte offset of the name index's first line.
    index_start: usize,
    countries: HashMap<String, CountryInfo>,
    iso3: HashMap<String, String>,
    /// (country, admin1) → index of the admin1 feature.
    admin1: HashMap<(String, String), u32>,
}

/// The key a name is indexed under: lower case, accents removed, `St.` as `saint`,
/// punctuation other than apostrophes dropped, spaces collapsed; a leading "the" dropped.
pub fn normalize(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut space = true;
    // ASCII names (most of them) need no decomposition: a fast path for loading.
    let chars: Box<dyn Iterator<Item = char>> = if name.is_ascii() {
        Box::new(name.chars())
    } else {
        Box::new(name.nfd())
    };
    for c in chars {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
            space = false;
        } else if c == '\'' || c == '\u{2019}' {
            if !space {
                out.push('\'');
            }
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    while out.ends_with(' ') {
        out.pop();
    }
    let out = out.strip_prefix("the ").map(str::to_string).unwrap_or(out);
    if !out
        .split(' ')
        .any(|w| matches!(w, "st" | "ste" | "mt" | "ft"))
    {
        return out;
    }
    let mut words: Vec<&str> = out.split(' ').collect();
    for w in words.iter_mut() {
        if *w == "st" || *w == "ste" {
            *w = "saint";
        } else if *w == "mt" {
            *w = "mount";
        } else if *w == "ft" {
            *w = "fort";
        }
    }
    words.join(" ")
}

fn bad(line: usize, what: &str) -> Error {
    Error::Data(format!("gazetteer line {line}: {what}"))
}

/// Parses one feature line (1-based `line` for errors).
fn parse_feature(row: &str, line: usize) -> Result<Feature> {
    let f: Vec<&str> = row.split('\t').collect();
    let num = |i: usize| -> Result<f64> {
        f.get(i)
            .and_then(|v| v.parse::<f64>().ok())
            .ok_or_else(|| bad(line, "bad number"))
    };
    let int = |i: usize| -> Result<u64> {
        f.get(i)
            .and_then(|v| v.parse::<u64>().ok())
            .ok_or_else(|| bad(line, "bad integer"))
    };
    Ok(match f[0] {
        "C" if f.len() == 11 => Feature {
            kind: Kind::Country,
            geonameid: int(4)? as u32,
            name: f[5].to_string(),
            lat: num(6)?,
            lon: num(7)?,
            country: f[1].to_string(),
            admin1: String::new(),
            population: int(8)?,
        },
        "A" | "P" | "D" if f.len() == 9 => Feature {
            kind: match f[0] {
                "A" => Kind::Admin1,
                "D" => Kind::Admin2,
                _ => Kind::Place,
            },
            geonameid: int(1)? as u32,
            name: f[2].to_string(),
            lat: num(3)?,
            lon: num(4)?,
            country: f[5].to_string(),
            admin1: f[6].to_string(),
            population: int(7)?,
        },
        "R" if f.len() == 7 => Feature {
            kind: Kind::Region,
            geonameid: int(1)? as u32,
            name: f[2].to_string(),
            lat: num(3)?,
            lon: num(4)?,
            country: String::new(),
            admin1: String::new(),
            population: int(5)?,
        },
        _ => return Err(bad(line, "unknown kind or wrong number of fields")),
    })
}

/// The names of a feature line: (name, primary) pairs.
fn names_of(row: &str) -> Vec<(&str, bool)> {
    let f: Vec<&str> = row.split('\t').collect();
    let (name, alts) = match f[0] {
        "C" => (f.get(5), f.get(10)),
        "R" | "A" | "P" | "D" => (f.get(2), f.last()),
        _ => (None, None),
    };
    let mut out: Vec<(&str, bool)> = name.map(|n| (*n, true)).into_iter().collect();
    out.extend(
        alts.into_iter()
            .flat_map(|a| a.split('|'))
            .filter(|a| !a.is_empty())
            .map(|a| (a, false)),
    );
    out
}

/// The name index of a feature table: `(lines, feature count)`, each line
/// `key\toffset,offset*` (byte offsets of feature lines in `text`), sorted by key.
pub(crate) fn index_lines(text: &str) -> (Vec<String>, usize) {
    let mut map: HashMap<String, Vec<(usize, bool)>> = HashMap::new();
    let mut at = 0usize;
    let mut count = 0usize;
    for line in text.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let row = line.trim_end_matches('\n');
        if row.is_empty() || row.starts_with('#') {
            continue;
        }
        count += 1;
        for (name, primary) in names_of(row) {
            let key = normalize(name);
            if key.is_empty() {
                continue;
            }
            let entry = map.entry(key).or_default();
            match entry.iter_mut().find(|(j, _)| *j == start) {
                Some(e) => e.1 |= primary,
                None => entry.push((start, primary)),
            }
        }
    }
    let mut keys: Vec<(String, Vec<(usize, bool)>)> = map.into_iter().collect();
    keys.sort_by(|a, b| a.0.cmp(&b.0));
    let lines = keys
        .into_iter()
        .map(|(k, v)| {
            let list: Vec<String> = v
                .iter()
                .map(|(i, p)| format!("{i}{}", if *p { "*" } else { "" }))
                .collect();
            format!("{k}\t{}", list.join(","))
        })
        .collect();
    (lines, count)
}

/// Length of the layout line that starts an indexed table: `#layout<TAB>index<TAB>count`,
/// both numbers 12 digits wide (the index's byte offset and the number of features).
const LAYOUT_LEN: usize = 8 + 12 + 1 + 12 + 1;

/// `text` with a layout line put first and its name index appended (see the module
/// documentation). The index's offsets count the layout line.
pub(crate) fn with_index(text: String) -> String {
    let mut body = text;
    if !body.ends_with('\n') && !body.is_empty() {
        body.push('\n');
    }
    let (lines, count) = index_lines(&body);
    let index_start = LAYOUT_LEN + body.len() + "#index\n".len();
    let mut out = String::with_capacity(index_start + lines.len() * 24);
    out.push_str(&format!("#layout\t{index_start:012}\t{count:012}\n"));
    out.push_str(&body);
    out.push_str("#index\n");
    for line in lines {
        // Offsets were counted in `body`: shift them past the layout line.
        let (key, postings) = line.split_once('\t').unwrap_or((&line, ""));
        let shifted: Vec<String> = postings
            .split(',')
            .map(|p| {
                let primary = p.ends_with('*');
                let n: usize = p.trim_end_matches('*').parse().unwrap_or(0);
                format!("{}{}", n + LAYOUT_LEN, if primary { "*" } else { "" })
            })
            .collect();
        out.push_str(key);
        out.push('\t');
        out.push_str(&shifted.join(","));
        out.push('\n');
    }
    out
}

impl Gazetteer {
    /// The gazetteer shipped with dyad, loaded once per process.
    pub fn embedded() -> &'static Gazetteer {
        static GAZ: OnceLock<Gazetteer> = OnceLock::new();
        GAZ.get_or_init(|| {
            Gazetteer::from_text(Cow::Borrowed(EMBEDDED))
                .expect("the embedded gazetteer is valid (rebuild: dyad train gazetteer)")
        })
    }

    /// Reads a gzipped gazetteer file's bytes.
    pub fn from_gzip(bytes: &[u8]) -> Result<Gazetteer> {
        let mut text = String::new();
        flate2::read::GzDecoder::new(bytes)
            .read_to_string(&mut text)
            .map_err(|e| Error::Data(format!("gazetteer: not a gzipped UTF-8 table: {e}")))?;
        Gazetteer::from_text(Cow::Owned(text))
    }

    /// Reads a gazetteer table (see the module documentation); the name index is built when
    /// the table has none.
    pub fn from_tsv(text: &str) -> Result<Gazetteer> {
        Gazetteer::from_text(Cow::Owned(text.to_string()))
    }

    fn from_text(text: Cow<'static, str>) -> Result<Gazetteer> {
        let text = if text.starts_with("#layout\t") {
            text
        } else {
            Cow::Owned(with_index(text.into_owned()))
        };
        let layout = text.get(..LAYOUT_LEN).unwrap_or("");
        let numbers: Vec<usize> = layout
            .trim_end()
            .split('\t')
            .skip(1)
            .filter_map(|v| v.parse().ok())
            .collect();
        let (&[index_start, count], true) = (&numbers[..], text.len() <= u32::MAX as usize) else {
            return Err(Error::Data("gazetteer: bad #layout line".into()));
        };
        if index_start > text.len() {
            return Err(Error::Data("gazetteer: #layout points past the end".into()));
        }
        let at = index_start;
        let mut g = Gazetteer {
            count,
            index_start,
            ..Gazetteer::default()
        };
        // Countries and divisions come first; the places after them are not read now.
        let mut offset = 0usize;
        for (n, line) in text[..at].split_inclusive('\n').enumerate() {
            let start = offset as u32;
            offset += line.len();
            let line = line.trim_end_matches('\n');
            if line.is_empty() || line.starts_with('#') || line.starts_with("R\t") {
                continue;
            }
            if line.starts_with("P\t") || line.starts_with("D\t") {
                break;
            }
            if line.starts_with("C\t") {
                let f: Vec<&str> = line.split('\t').collect();
                if f.len() != 11 {
                    return Err(bad(n + 1, "a country needs 11 fields"));
                }
                let info = CountryInfo {
                    iso2: f[1].to_string(),
                    iso3: f[2].to_string(),
                    fips: f[3].to_string(),
                    name: f[5].to_string(),
                    capital: f[9].to_string(),
                    feature: start,
                };
                g.iso3.insert(info.iso3.clone(), info.iso2.clone());
                g.countries.insert(info.iso2.clone(), info);
            } else if line.starts_with("A\t") {
                let f = parse_feature(line, n + 1)?;
                g.admin1.insert((f.country, f.admin1), start);
            } else {
                return Err(bad(n + 1, "unknown kind"));
            }
        }
        if g.countries.is_empty() {
            return Err(Error::Data("gazetteer: no countries".into()));
        }
        g.text = text;
        Ok(g)
    }

    fn line_at(&self, offset: u32) -> &str {
        let rest = self.text.get(offset as usize..).unwrap_or("");
        rest.split('\n').next().unwrap_or("")
    }

    /// The features named `name` (any of their names), with whether it is the primary name.
    pub fn lookup(&self, name: &str) -> Vec<(u32, bool)> {
        let key = normalize(name);
        let text = self.text.as_ref();
        // Binary search over whole lines of the sorted index: lo and hi are line boundaries.
        let (mut lo, mut hi) = (self.index_start, text.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            // Newlines are single bytes: searching bytes keeps `mid` off character boundaries.
            let bytes = text.as_bytes();
            let start = bytes[lo..mid]
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(lo, |p| lo + p + 1);
            let end = bytes[mid..hi]
                .iter()
                .position(|&b| b == b'\n')
                .map_or(hi, |p| mid + p);
            let line = &text[start..end];
            let (k, postings) = line.split_once('\t').unwrap_or((line, ""));
            match k.cmp(key.as_str()) {
                std::cmp::Ordering::Less => lo = end + 1,
                std::cmp::Ordering::Greater => hi = start,
                std::cmp::Ordering::Equal => {
                    return postings
                        .split(',')
                        .filter_map(|v| {
                            let primary = v.ends_with('*');
                            v.trim_end_matches('*').parse().ok().map(|i| (i, primary))
                        })
                        .collect()
                }
            }
        }
        Vec::new()
    }

    /// The feature `id` (as [`lookup`](Self::lookup) gives it), parsed from its line.
    pub fn feature(&self, id: u32) -> Feature {
        parse_feature(self.line_at(id), 0).expect("a gazetteer line checked at build time")
    }

    /// Number of features.
    pub fn len(&self) -> usize {
        self.count
    }

    /// Whether the gazetteer is empty.
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// The country with ISO alpha-2 code `iso2`.
    pub fn country(&self, iso2: &str) -> Option<&CountryInfo> {
        self.countries.get(iso2)
    }

    /// The country with ISO alpha-3 code `iso3`.
    pub fn country_by_iso3(&self, iso3: &str) -> Option<&CountryInfo> {
        self.iso3.get(iso3).and_then(|c| self.countries.get(c))
    }

    /// The admin1 feature (US state) `admin1` of `country`, if the gazetteer has it.
    pub fn admin1(&self, country: &str, admin1: &str) -> Option<u32> {
        self.admin1
            .get(&(country.to_string(), admin1.to_string()))
            .copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_normalised() {
        assert_eq!(normalize("São Paulo"), "sao paulo");
        assert_eq!(normalize("St. Louis"), "saint louis");
        assert_eq!(normalize("the  Caribbean"), "caribbean");
        assert_eq!(normalize("Winston-Salem"), "winston salem");
        assert_eq!(normalize("Côte d’Ivoire"), "cote d'ivoire");
    }

    #[test]
    fn a_small_table_loads_and_bad_lines_are_reported() {
        let text = "# test\nC\tVE\tVEN\tVE\t3625428\tVenezuela\t8\t-66\t28000000\tCaracas\tBolivarian Republic of Venezuela\n\
                    P\t3646738\tCaracas\t10.48801\t-66.87919\tVE\t25\t3000000\tSantiago de Leon de Caracas\n";
        let g = Gazetteer::from_tsv(text).unwrap();
        assert_eq!(g.len(), 2);
        let caracas = g.lookup("caracas");
        assert_eq!(caracas.len(), 1);
        assert!(caracas[0].1, "primary name");
        assert_eq!(g.feature(caracas[0].0).name, "Caracas");
        let venezuela = g.lookup("Bolivarian Republic of Venezuela");
        assert_eq!(venezuela.len(), 1);
        assert_eq!(g.feature(venezuela[0].0).kind, Kind::Country);
        assert!(g.lookup("Valencia").is_empty());
        assert_eq!(g.country_by_iso3("VEN").unwrap().fips, "VE");
        let err = Gazetteer::from_tsv("Q\t1\tX\n").unwrap_err().to_string();
        assert!(err.contains("unknown kind"), "{err}");
    }
}
