//! `dyad eval geo`: toponym recognition and resolution against gold news corpora
//! (`../shared/data/geoparse/`: TR-News, LGL), scored as `../shared/tools/geo_score.py` does.
//!
//! Recognition: a system toponym and a gold toponym match when their spans overlap; matching
//! is one-to-one, greedy, largest overlap first (ties: closest starts, then document order).
//! Resolution, over matched pairs whose gold toponym has coordinates: the great-circle error
//! (an unresolved system toponym counts 20,038 km), accuracy within 161 km, mean and median.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::{Error, Result};

/// Half the Earth's circumference, the error of a toponym left without coordinates.
pub const MAX_KM: f64 = 20038.0;
const EARTH_R: f64 = 6371.0088;

/// One toponym, gold or predicted (byte offsets).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GeoToponym {
    /// Byte offset.
    pub start: usize,
    /// Byte offset one past the end.
    pub end: usize,
    /// The name as written.
    pub text: String,
    /// Latitude, `None` when not placed.
    pub lat: Option<f64>,
    /// Longitude, `None` when not placed.
    pub lon: Option<f64>,
    /// ISO alpha-2 country code.
    pub country_code: Option<String>,
    /// GeoNames id.
    pub geonameid: Option<u64>,
}

/// One document's toponyms: the line format of `dyad geo --format jsonl` and geo_score.py.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GeoDoc {
    /// Document id.
    pub id: String,
    /// Its toponyms in text order.
    pub toponyms: Vec<GeoToponym>,
}

/// A gold document.
#[derive(Debug, Clone)]
pub struct GoldDoc {
    /// Document id (`trnews:1010001`).
    pub id: String,
    /// Corpus name.
    pub corpus: String,
    /// The text.
    pub text: String,
    /// Gold toponyms (byte offsets).
    pub toponyms: Vec<GeoToponym>,
}

/// Metrics of one corpus (or all).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct GeoScores {
    /// Documents scored.
    pub docs: usize,
    /// Gold toponyms.
    pub gold: usize,
    /// System toponyms.
    pub system: usize,
    /// Overlap-matched pairs.
    pub matched: usize,
    /// Recognition precision.
    pub precision: f64,
    /// Recognition recall.
    pub recall: f64,
    /// Recognition F1.
    pub f1: f64,
    /// Matched pairs with gold coordinates.
    pub geo_pairs: usize,
    /// Share of geo pairs placed within 161 km.
    pub acc161: f64,
    /// Mean error, km.
    pub mean_km: f64,
    /// Median error, km.
    pub median_km: f64,
}

#[derive(Deserialize)]
struct RawGold {
    id: String,
    #[serde(default)]
    corpus: String,
    text: String,
    toponyms: Vec<RawGoldToponym>,
}

#[derive(Deserialize)]
struct RawGoldToponym {
    start_byte: usize,
    end_byte: usize,
    text: String,
    lat: Option<f64>,
    lon: Option<f64>,
    country_code: Option<String>,
    geonameid: Option<u64>,
}

/// Reads the gold `*.jsonl` files of `path` (a folder or one file).
pub fn read_gold(path: &Path) -> Result<Vec<GoldDoc>> {
    let files: Vec<PathBuf> = if path.is_dir() {
        let mut v: Vec<PathBuf> = std::fs::read_dir(path)
            .map_err(|e| Error::Data(format!("cannot read {}: {e}", path.display())))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
            .collect();
        v.sort();
        v
    } else {
        vec![path.to_path_buf()]
    };
    if files.is_empty() {
        return Err(Error::Data(format!(
            "no *.jsonl gold files in {} (expected ../shared/data/geoparse/)",
            path.display()
        )));
    }
    let mut docs = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f)
            .map_err(|e| Error::Data(format!("cannot read {}: {e}", f.display())))?;
        for (n, line) in text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
        {
            let raw: RawGold = serde_json::from_str(line).map_err(|e| {
                Error::Data(format!(
                    "{}:{}: not a geoparsing gold line ({{id, text, toponyms: [{{start_byte, end_byte, lat, lon...}}]}}): {e}",
                    f.display(),
                    n + 1
                ))
            })?;
            docs.push(GoldDoc {
                id: raw.id,
                corpus: raw.corpus,
                text: raw.text,
                toponyms: raw
                    .toponyms
                    .into_iter()
                    .map(|t| GeoToponym {
                        start: t.start_byte,
                        end: t.end_byte,
                        text: t.text,
                        lat: t.lat,
                        lon: t.lon,
                        country_code: t.country_code,
                        geonameid: t.geonameid,
                    })
                    .collect(),
            });
        }
    }
    Ok(docs)
}

/// Great-circle distance in km.
pub fn haversine(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let (dp, dl) = (p2 - p1, (lon2 - lon1).to_radians());
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * EARTH_R * a.sqrt().min(1.0).asin()
}

/// One-to-one overlap matching: (gold index, system index) pairs.
pub fn match_spans(gold: &[(usize, usize)], sys: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut cands = Vec::new();
    for (gi, &(gs, ge)) in gold.iter().enumerate() {
        for (pi, &(ps, pe)) in sys.iter().enumerate() {
            let ov = ge.min(pe) as i64 - gs.max(ps) as i64;
            if ov > 0 {
                cands.push((-ov, gs.abs_diff(ps), gi, pi));
            }
        }
    }
    cands.sort();
    let (mut used_g, mut used_p) = (vec![false; gold.len()], vec![false; sys.len()]);
    let mut pairs = Vec::new();
    for (_, _, gi, pi) in cands {
        if used_g[gi] || used_p[pi] {
            continue;
        }
        used_g[gi] = true;
        used_p[pi] = true;
        pairs.push((gi, pi));
    }
    pairs
}

#[derive(Default)]
struct Tally {
    docs: usize,
    gold: usize,
    system: usize,
    matched: usize,
    errors: Vec<f64>,
}

impl Tally {
    fn add(&mut self, gold: &[GeoToponym], sys: &[GeoToponym]) {
        let g: Vec<(usize, usize)> = gold.iter().map(|t| (t.start, t.end)).collect();
        let s: Vec<(usize, usize)> = sys.iter().map(|t| (t.start, t.end)).collect();
        let pairs = match_spans(&g, &s);
        self.docs += 1;
        self.gold += gold.len();
        self.system += sys.len();
        self.matched += pairs.len();
        for (gi, pi) in pairs {
            let (gt, pt) = (&gold[gi], &sys[pi]);
            let (Some(glat), Some(glon)) = (gt.lat, gt.lon) else {
                continue;
            };
            self.errors.push(match (pt.lat, pt.lon) {
                (Some(a), Some(b)) => haversine(glat, glon, a, b),
                _ => MAX_KM,
            });
        }
    }

    fn scores(&self) -> GeoScores {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let (p, r) = (
            ratio(self.matched, self.system),
            ratio(self.matched, self.gold),
        );
        let f1 = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        let n = self.errors.len();
        let mut sorted = self.errors.clone();
        sorted.sort_by(f64::total_cmp);
        let median = match n {
            0 => 0.0,
            _ if n % 2 == 1 => sorted[n / 2],
            _ => (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0,
        };
        GeoScores {
            docs: self.docs,
            gold: self.gold,
            system: self.system,
            matched: self.matched,
            precision: p,
            recall: r,
            f1,
            geo_pairs: n,
            acc161: ratio(self.errors.iter().filter(|&&e| e <= 161.0).count(), n),
            mean_km: if n == 0 {
                0.0
            } else {
                self.errors.iter().sum::<f64>() / n as f64
            },
            median_km: median,
        }
    }
}

/// Scores `predictions` (matched to gold by id; a missing document counts as empty) per
/// corpus, per half (even and odd documents of each corpus, in file order) and overall.
pub fn score(gold: &[GoldDoc], predictions: &[GeoDoc]) -> Vec<(String, GeoScores)> {
    let by_id: std::collections::HashMap<&str, &GeoDoc> =
        predictions.iter().map(|d| (d.id.as_str(), d)).collect();
    let mut corpora: Vec<String> = gold.iter().map(|d| d.corpus.clone()).collect();
    corpora.sort();
    corpora.dedup();
    let mut out = Vec::new();
    let mut all = Tally::default();
    for c in &corpora {
        let (mut t, mut even, mut odd) = (Tally::default(), Tally::default(), Tally::default());
        for (k, g) in gold.iter().filter(|d| &d.corpus == c).enumerate() {
            let sys = by_id
                .get(g.id.as_str())
                .map_or(&[][..], |d| &d.toponyms[..]);
            t.add(&g.toponyms, sys);
            all.add(&g.toponyms, sys);
            if k % 2 == 0 { &mut even } else { &mut odd }.add(&g.toponyms, sys);
        }
        out.push((c.clone(), t.scores()));
        out.push((format!("{c} (even docs)"), even.scores()));
        out.push((format!("{c} (odd docs)"), odd.scores()));
    }
    out.push(("all".to_string(), all.scores()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn top(start: usize, end: usize, at: Option<(f64, f64)>) -> GeoToponym {
        GeoToponym {
            start,
            end,
            text: String::new(),
            lat: at.map(|p| p.0),
            lon: at.map(|p| p.1),
            country_code: None,
            geonameid: None,
        }
    }

    #[test]
    fn matching_is_one_to_one_largest_overlap_first() {
        let pairs = match_spans(&[(0, 10), (12, 20)], &[(5, 15), (0, 4), (30, 31)]);
        // (0,10)~(5,15) overlap 5 beats (0,10)~(0,4) overlap 4; (12,20)~(5,15) overlap 3 loses.
        assert_eq!(pairs, vec![(0, 0)]);
    }

    #[test]
    fn scores_follow_the_scorer() {
        let gold = vec![GoldDoc {
            id: "d".into(),
            corpus: "c".into(),
            text: String::new(),
            toponyms: vec![
                top(0, 5, Some((10.0, 10.0))),
                top(10, 15, Some((0.0, 0.0))),
                top(20, 25, None),
            ],
        }];
        let pred = vec![GeoDoc {
            id: "d".into(),
            toponyms: vec![
                top(0, 5, Some((10.5, 10.0))),
                top(10, 15, None),
                top(40, 41, None),
            ],
        }];
        let scores = score(&gold, &pred);
        let s = &scores.last().unwrap().1;
        assert_eq!((s.gold, s.system, s.matched, s.geo_pairs), (3, 3, 2, 2));
        assert!((s.f1 - 2.0 / 3.0).abs() < 1e-9);
        assert!((s.acc161 - 0.5).abs() < 1e-9);
        assert!(
            (s.median_km - (55.6 + MAX_KM) / 2.0).abs() < 1.0,
            "{}",
            s.median_km
        );
    }
}
