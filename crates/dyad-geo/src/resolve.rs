//! Toponym resolution: from the named-entity mentions of a document to gazetteer entries.
//!
//! Every GPE, LOC and FAC mention, and every NORP mention that is a country's demonym
//! ("Venezuelan"), is a toponym. Its candidates are the gazetteer entries with its name
//! (countries also by the actor dictionary's other names: "the U.S.", "Britain"). Each
//! candidate is scored by
//! * its kind and size: countries, then US states and regions, then places by log population
//!   (US counties at a fixed prior: "Hall County" has only counties for candidates, and the
//!   "Jackson" of "Jackson and Barrow counties" is looked up as "Jackson County");
//! * the document's dominant countries and US states (those of the unambiguous mentions);
//! * a nearby qualifier: "Paris, Texas" or "Valencia, Venezuela" keeps only the candidates
//!   inside the state or country named right after the comma.
//!
//! The best candidate wins; its confidence is its share of the candidates' softmax weight,
//! so an ambiguous name with no context is placed at its most likely reading with a low
//! confidence, never at random. A mention without candidates is kept with its text only.
//! A capital or country that is the subject of a verb ("Caracas refused") is marked as a
//! metonym: an actor standing for a government, not a place where something happened.

use std::collections::HashMap;

use dyad_types::{Analysis, EntityType, GeoPrecision, Location};

use crate::gazetteer::{Feature, Gazetteer, Kind};

/// A place name found in a document.
#[derive(Debug, Clone, PartialEq)]
pub struct Toponym {
    /// Byte offset of the name.
    pub start: usize,
    /// Byte offset one past the name.
    pub end: usize,
    /// The name as written.
    pub text: String,
    /// The sentence it is in.
    pub sentence: usize,
    /// Index of its syntactic head token in `Analysis::tokens`, when known.
    pub head: Option<usize>,
    /// The gazetteer entry chosen, if any.
    pub feature: Option<u32>,
    /// Confidence of the choice, 0–1 (0 when unresolved).
    pub confidence: f64,
    /// Whether the name stands for a government ("Caracas refused").
    pub metonym: bool,
    /// Whether the name is a demonym ("Venezuelan"), which names a country but no place.
    pub demonym: bool,
}

/// The weights of resolution. Chosen on the even-numbered documents of TR-News and LGL
/// (`dyad eval geo` reports the odd ones apart as a check): see docs/geo.md.
struct Knobs {
    /// Prior of a country (on the log10-population scale of places).
    country: f64,
    /// Prior of a first-order division (a US state, a province).
    admin1: f64,
    /// Prior of a US county.
    admin2: f64,
    /// Prior of a region or continent.
    region: f64,
    /// Added to a national capital's prior ("Washington", "Dublin" in world news).
    capital: f64,
    /// Weight of the other names' votes for the candidate's country.
    w_country: f64,
    /// Weight of their votes for its first-order division.
    w_div: f64,
    /// Weight of their places within `near_km` of it.
    w_near: f64,
    /// What "near" means, in km.
    near_km: f64,
}

const KNOBS: Knobs = Knobs {
    country: 9.5,
    admin1: 7.5,
    admin2: 5.0,
    region: 8.5,
    capital: 2.0,
    w_country: 3.0,
    w_div: 5.0,
    w_near: 3.0,
    near_km: 200.0,
};

fn knobs() -> &'static Knobs {
    &KNOBS
}

/// Kind-and-size prior of a candidate, on a log10-population-like scale.
fn prior(gaz: &Gazetteer, f: &Feature) -> f64 {
    let k = knobs();
    match f.kind {
        Kind::Country => k.country,
        Kind::Admin1 => k.admin1,
        Kind::Admin2 => k.admin2,
        Kind::Region => k.region,
        Kind::Place => {
            let capital = gaz
                .country(&f.country)
                .is_some_and(|c| c.capital.eq_ignore_ascii_case(&f.name));
            ((f.population as f64) + 1.0).log10() + if capital { k.capital } else { 0.0 }
        }
    }
}

/// The toponym mentions of a document: their spans, sentence and head token.
fn mentions(analysis: &Analysis) -> Vec<Toponym> {
    let dict = dyad_actors::ActorResolver::embedded().dictionary();
    let mut out = Vec::new();
    for e in &analysis.entities {
        let demonym = e.kind == EntityType::Norp && dict.country_of_demonym(&e.text).is_some();
        let keep = match e.kind {
            EntityType::Gpe | EntityType::Loc | EntityType::Fac => true,
            // Demonyms ("Venezuelan") stand for their country; a region the NER took for a
            // group ("the Caribbean") is kept too.
            EntityType::Norp => {
                demonym
                    || Gazetteer::embedded()
                        .lookup(&e.text)
                        .iter()
                        .any(|&(i, primary)| {
                            primary && Gazetteer::embedded().feature(i).kind == Kind::Region
                        })
            }
            _ => false,
        };
        if !keep {
            continue;
        }
        let (mut end, mut text) = (e.end, e.text.as_str());
        for suffix in ["'s", "\u{2019}s", "'", "\u{2019}"] {
            if let Some(stripped) = text.strip_suffix(suffix) {
                end -= suffix.len();
                text = stripped;
                break;
            }
        }
        // "us", "turkey": a name is capitalised somewhere.
        if !text.chars().any(char::is_uppercase) {
            continue;
        }
        let sentence = analysis
            .sentences
            .iter()
            .position(|s| s.start <= e.start && e.start < s.end.max(s.start + 1))
            .unwrap_or(0);
        let head = analysis.sentences.get(sentence).and_then(|s| {
            let first = s.first_token;
            let toks = analysis.tokens.get(first..s.last_token)?;
            let inside: Vec<usize> = (0..toks.len())
                .filter(|&i| toks[i].start >= e.start && toks[i].end <= end)
                .collect();
            inside
                .iter()
                .copied()
                .find(|&i| toks[i].head.is_none_or(|h| !inside.contains(&h)))
                .or(inside.last().copied())
                .map(|i| first + i)
        });
        out.push(Toponym {
            start: e.start,
            end,
            text: text.to_string(),
            sentence,
            head,
            feature: None,
            confidence: 0.0,
            metonym: false,
            demonym,
        });
    }
    out
}

/// The document's votes: countries, first-order divisions and points of its names' readings.
struct Votes {
    countries: HashMap<String, f64>,
    divisions: HashMap<(String, String), f64>,
    points: Vec<(f64, f64, f64)>,
    total: f64,
    point_total: f64,
}

impl Votes {
    fn new(gaz: &Gazetteer, reading: &HashMap<&str, (u32, f64)>) -> Votes {
        let mut v = Votes {
            countries: HashMap::new(),
            divisions: HashMap::new(),
            points: Vec::new(),
            total: 0.0,
            point_total: 0.0,
        };
        for &(i, weight) in reading.values() {
            let f = gaz.feature(i);
            if f.country.is_empty() {
                continue;
            }
            // A state or province named outright says more than a town's likeliest reading.
            let weight = if f.kind == Kind::Admin1 {
                2.0 * weight
            } else {
                weight
            };
            *v.countries.entry(f.country.clone()).or_default() += weight;
            v.total += weight;
            if matches!(f.kind, Kind::Admin1 | Kind::Admin2 | Kind::Place) && !f.admin1.is_empty() {
                *v.divisions
                    .entry((f.country.clone(), f.admin1.clone()))
                    .or_default() += weight;
            }
            if f.kind.is_local() {
                v.points.push((f.lat, f.lon, weight));
                v.point_total += weight;
            }
        }
        v
    }

    /// The support of the other names for candidate `f`; `own` is the name's own vote.
    fn support(&self, f: &Feature, own: Option<(&Feature, f64)>) -> f64 {
        let k = knobs();
        let own_w = |applies: &dyn Fn(&Feature) -> bool| {
            own.as_ref().map_or(0.0, |(o, w)| {
                if applies(o) {
                    if o.kind == Kind::Admin1 {
                        2.0 * w
                    } else {
                        *w
                    }
                } else {
                    0.0
                }
            })
        };
        let mut s = 0.0;
        let own_total = own_w(&|o| !o.country.is_empty());
        let total = self.total - own_total;
        if total > 0.0 && !f.country.is_empty() {
            let c = self.countries.get(&f.country).copied().unwrap_or(0.0)
                - own_w(&|o| o.country == f.country);
            s += k.w_country * c.max(0.0) / total;
        }
        if f.kind.is_local() && total > 0.0 {
            let d = self
                .divisions
                .get(&(f.country.clone(), f.admin1.clone()))
                .copied()
                .unwrap_or(0.0)
                - own_w(&|o| {
                    matches!(o.kind, Kind::Admin1 | Kind::Admin2 | Kind::Place)
                        && o.country == f.country
                        && o.admin1 == f.admin1
                });
            s += k.w_div * d.max(0.0) / total;
            let own_point = own_w(&|o| o.kind.is_local());
            let others = self.point_total - own_point;
            if others > 0.0 {
                let mut near: f64 = self
                    .points
                    .iter()
                    .filter(|p| crate::eval::haversine(f.lat, f.lon, p.0, p.1) <= k.near_km)
                    .map(|p| p.2)
                    .sum();
                if let Some((o, _)) = &own {
                    if o.kind.is_local()
                        && crate::eval::haversine(f.lat, f.lon, o.lat, o.lon) <= k.near_km
                    {
                        near -= own_point;
                    }
                }
                s += k.w_near * near.max(0.0) / others;
            }
        }
        s
    }
}

/// A name's candidates: (feature id, bonus).
type Candidates = Vec<(u32, f64)>;

/// Bonus of a candidate named by its primary name over one named by another name.
const PRIMARY: f64 = 1.5;

/// The candidates of one name: gazetteer entries, with a bonus for primary names.
fn candidates(gaz: &Gazetteer, text: &str) -> Vec<(u32, f64)> {
    let dict = dyad_actors::ActorResolver::embedded().dictionary();
    let mut out: Vec<(u32, f64)> = gaz
        .lookup(text)
        .iter()
        .map(|&(i, primary)| (i, if primary { PRIMARY } else { 0.0 }))
        .collect();
    let country = dict
        .country_by_name(text)
        .or_else(|| dict.country_of_demonym(text))
        .and_then(|c| gaz.country_by_iso3(&c.iso3));
    if let Some(c) = country {
        // A division with this very name ("England", "Georgia") competes with the country
        // only when the country is called so itself.
        let division = out
            .iter()
            .any(|&(i, primary)| primary > 0.0 && gaz.feature(i).kind == Kind::Admin1);
        if division && crate::normalize(&c.name) != crate::normalize(text) {
            return out;
        }
        out.retain(|&(i, _)| i != c.feature);
        out.push((c.feature, PRIMARY));
    }
    out
}

/// Candidates for a name the gazetteer does not have as a whole: the longest run of its
/// words that it has ("Oxford University" → "Oxford"), as (byte offset of the run within
/// `text`, run length, candidates); a "County" or "Parish" name falls back to its place.
fn sub_candidates(gaz: &Gazetteer, text: &str) -> Option<(usize, usize, Candidates)> {
    let words: Vec<(usize, &str)> = text
        .split(' ')
        .scan(0usize, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .filter(|(_, w)| !w.is_empty())
        .collect();
    if words.len() < 2 {
        return None;
    }
    for len in (1..words.len()).rev() {
        for first in 0..=words.len() - len {
            let run = &words[first..first + len];
            let (start, last) = (run[0].0, run[len - 1]);
            let end = last.0 + last.1.len();
            let name = &text[start..end];
            if !name.chars().next().is_some_and(char::is_uppercase) {
                continue;
            }
            // "Hall County", "Acadia Parish": US counties, by the place they are named after.
            let county =
                len + 1 == words.len() && first == 0 && matches!(words[len].1, "County" | "Parish");
            let c: Vec<(u32, f64)> = candidates(gaz, name)
                .into_iter()
                .filter(|&(i, _)| gaz.feature(i).kind != Kind::Region || len > 1)
                .filter(|&(i, _)| {
                    let f = gaz.feature(i);
                    // A run that starts the name ("Watertown High School") may be any
                    // place; a later run must be a sizeable one, not "West" of
                    // "Normanton West".
                    if county {
                        f.country == "US"
                    } else {
                        f.kind != Kind::Place || first == 0 || f.population >= 15_000
                    }
                })
                .collect();
            if !c.is_empty() {
                return Some((start, end - start, c));
            }
        }
    }
    None
}

/// Whether mention `k` names a county without the word: "Jackson" in "Jackson and Barrow
/// counties" (a list of mentions joined by commas, "and", "or", then "counties") or a name
/// the recogniser cut before its "County". Gives the word to add ("County", "Parish").
fn county_of(text: &str, tops: &[Toponym], k: usize) -> Option<&'static str> {
    let after = |j: usize| text.get(tops[j].end..).unwrap_or("");
    let word = |rest: &str, w: &str| {
        rest.strip_prefix(' ')
            .and_then(|r| r.get(..w.len()))
            .is_some_and(|r| r.eq_ignore_ascii_case(w))
            && !rest
                .get(w.len() + 1..)
                .and_then(|r| r.chars().next())
                .is_some_and(char::is_alphanumeric)
    };
    for (w, suffix) in [("County", "County"), ("Parish", "Parish")] {
        if word(after(k), w) && !tops[k].text.ends_with(suffix) {
            return Some(suffix);
        }
    }
    let joined = |j: usize| {
        tops.get(j + 1)
            .and_then(|next| text.get(tops[j].end..next.start))
            .is_some_and(|b| matches!(b.trim(), "," | "and" | ", and" | "or" | ", or" | "&"))
    };
    // A list: joined to the mention before it or to the one after it.
    if !(k > 0 && joined(k - 1) || joined(k)) {
        return None;
    }
    let mut j = k;
    loop {
        for (w, suffix) in [("counties", "County"), ("parishes", "Parish")] {
            if word(after(j), w) {
                return Some(suffix);
            }
        }
        if !joined(j) {
            return None;
        }
        j += 1;
    }
}

/// Resolves the toponyms of `analysis` against `gaz`.
pub fn resolve(gaz: &Gazetteer, analysis: &Analysis) -> Vec<Toponym> {
    let mut tops = mentions(analysis);
    let text = analysis.doc.text.as_str();
    let mut cands: Vec<Vec<(u32, f64)>> = Vec::with_capacity(tops.len());
    // The name each mention is looked up by: its text, or "Jackson County" for the "Jackson"
    // of "Jackson and Barrow counties".
    let mut names: Vec<String> = Vec::with_capacity(tops.len());
    for k in 0..tops.len() {
        // Looked up once: the county reading is kept when the gazetteer has it.
        let county = county_of(text, &tops, k)
            .map(|suffix| format!("{} {suffix}", tops[k].text))
            .map(|n| {
                let c = candidates(gaz, &n);
                (n, c)
            })
            .filter(|(_, c)| !c.is_empty());
        let t = &mut tops[k];
        if let Some((n, c)) = county {
            cands.push(c);
            names.push(n);
            continue;
        }
        let mut c = candidates(gaz, &t.text);
        if c.is_empty() {
            if let Some((offset, len, sub)) = sub_candidates(gaz, &t.text) {
                t.start += offset;
                t.end = t.start + len;
                t.text = t.text[offset..offset + len].to_string();
                c = sub;
            }
        }
        cands.push(c);
        names.push(t.text.clone());
    }

    // Each distinct name votes once for its reading's country, division and point: first its
    // best reading out of context, then (a second round) its reading in context. A name's
    // own vote never counts for itself.
    let keys: Vec<String> = names.iter().map(|n| crate::normalize(n)).collect();
    let mut first_of: HashMap<&str, usize> = HashMap::new();
    for (k, key) in keys.iter().enumerate() {
        if !cands[k].is_empty() {
            first_of.entry(key.as_str()).or_insert(k);
        }
    }
    // Each candidate's entry and prior, parsed from the gazetteer once per name rather than
    // at every comparison and in every round.
    let feats: Vec<Vec<(Feature, f64)>> = cands
        .iter()
        .map(|c| {
            c.iter()
                .map(|&(i, _)| {
                    let f = gaz.feature(i);
                    let p = prior(gaz, &f);
                    (f, p)
                })
                .collect()
        })
        .collect();
    let best_prior = |k: usize| {
        cands[k]
            .iter()
            .zip(&feats[k])
            .max_by(|(a, (_, pa)), (b, (_, pb))| (pa + a.1).total_cmp(&(pb + b.1)))
            .map(|(&(i, _), _)| i)
    };
    let mut reading: HashMap<&str, (u32, f64)> = first_of
        .iter()
        .filter_map(|(&key, &k)| {
            let best = best_prior(k)?;
            let sure = cands[k].len() == 1
                || matches!(gaz.feature(best).kind, Kind::Country | Kind::Admin1);
            let weight = if sure { 1.0 } else { 0.5 };
            Some((key, (best, weight)))
        })
        .collect();
    let mut chosen: Vec<Option<(u32, f64)>> = vec![None; tops.len()];
    for _round in 0..2 {
        let votes = Votes::new(gaz, &reading);
        for k in 0..tops.len() {
            if cands[k].is_empty() {
                continue;
            }
            // "Paris, Texas": the next mention right after a comma qualifies this one.
            let qualifier = tops.get(k + 1).and_then(|next| {
                let between = text.get(tops[k].end..next.start)?;
                (between.trim() == ",").then_some(k + 1)
            });
            let qualifying: Vec<&Feature> = qualifier
                .map(|q| {
                    feats[q]
                        .iter()
                        .map(|(f, _)| f)
                        .filter(|f| matches!(f.kind, Kind::Country | Kind::Admin1))
                        .collect()
                })
                .unwrap_or_default();
            let own = reading
                .get(keys[k].as_str())
                .map(|&(i, w)| (gaz.feature(i), w));
            let mut scored: Vec<(u32, f64)> = cands[k]
                .iter()
                .zip(&feats[k])
                .map(|(&(i, bonus), (f, p))| {
                    let mut s = p + bonus + votes.support(f, own.as_ref().map(|(o, w)| (o, *w)));
                    let inside = qualifying.iter().any(|q| {
                        q.country == f.country
                            && match q.kind {
                                Kind::Country => f.kind != Kind::Country,
                                _ => f.kind.is_local() && q.admin1 == f.admin1,
                            }
                    });
                    if inside {
                        s += 6.0;
                    }
                    (i, s)
                })
                .collect();
            scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            let (best, top) = scored[0];
            let z: f64 = scored.iter().map(|&(_, s)| (s - top).exp()).sum();
            chosen[k] = Some((best, (1.0 / z).clamp(0.0, 1.0)));
        }
        // The second round's votes: each name's surest reading in context.
        reading.clear();
        for (k, c) in chosen.iter().enumerate() {
            if let Some((f, conf)) = *c {
                let e = reading.entry(keys[k].as_str()).or_insert((f, conf));
                if conf > e.1 {
                    *e = (f, conf);
                }
            }
        }
    }
    for (t, c) in tops.iter_mut().zip(&chosen) {
        if let Some((f, conf)) = *c {
            t.feature = Some(f);
            t.confidence = conf;
        }
    }

    // One sense per document: a name keeps the reading of its surest mention.
    // `keys` holds each name's normalised text (names do not change after resolution).
    let mut surest: HashMap<&str, (u32, f64)> = HashMap::new();
    for (t, key) in tops.iter().zip(&keys) {
        if let Some(f) = t.feature {
            let e = surest.entry(key.as_str()).or_insert((f, t.confidence));
            if t.confidence > e.1 {
                *e = (f, t.confidence);
            }
        }
    }
    for (t, key) in tops.iter_mut().zip(&keys) {
        if let Some(&(f, c)) = surest.get(key.as_str()) {
            if t.feature.is_some() {
                t.feature = Some(f);
                t.confidence = c;
            }
        }
        t.metonym = is_metonym(gaz, analysis, t);
    }
    tops
}

/// A capital or country that is the subject of a verb stands for its government.
fn is_metonym(gaz: &Gazetteer, analysis: &Analysis, t: &Toponym) -> bool {
    let (Some(f), Some(h)) = (t.feature.map(|i| gaz.feature(i)), t.head) else {
        return false;
    };
    let capital = f.kind == Kind::Place
        && gaz
            .country(&f.country)
            .is_some_and(|c| c.capital.eq_ignore_ascii_case(&f.name));
    if !(capital || f.kind == Kind::Country) {
        return false;
    }
    let tok = &analysis.tokens[h];
    tok.deprel.starts_with("nsubj")
}

/// The record's [`Location`] for a resolved (or unresolved) toponym.
pub fn location(gaz: &Gazetteer, t: &Toponym) -> Location {
    let mut loc = Location {
        text: t.text.clone(),
        ..Location::default()
    };
    if let Some(i) = t.feature {
        let f = gaz.feature(i);
        let mut l = feature_location(gaz, &f);
        l.text = t.text.clone();
        l.confidence = Some((t.confidence * 1000.0).round() / 1000.0);
        loc = l;
    }
    loc
}

/// A [`Location`] for a gazetteer feature (text = its name).
pub fn feature_location(gaz: &Gazetteer, f: &Feature) -> Location {
    let country = gaz.country(&f.country);
    let precision = match f.kind {
        Kind::Country => GeoPrecision::Country,
        Kind::Admin1 => GeoPrecision::Admin1,
        Kind::Place => GeoPrecision::City,
        Kind::Admin2 => GeoPrecision::Admin2,
        Kind::Region => GeoPrecision::Region,
    };
    let state = (f.kind.is_local() && f.country == "US")
        .then(|| gaz.admin1(&f.country, &f.admin1))
        .flatten()
        .map(|i| gaz.feature(i).name.clone());
    let name = match (f.kind, country) {
        (Kind::Country | Kind::Region, _) | (_, None) => f.name.clone(),
        (_, Some(c)) => match state {
            Some(s) => format!("{}, {s}, {}", f.name, c.name),
            None => format!("{}, {}", f.name, c.name),
        },
    };
    let adm1 = country.and_then(|c| match f.kind {
        Kind::Country => Some(c.fips.clone()),
        Kind::Admin1 | Kind::Admin2 | Kind::Place if f.admin1.len() == 2 && !c.fips.is_empty() => {
            Some(format!("{}{}", c.fips, f.admin1))
        }
        _ => None,
    });
    Location {
        text: f.name.clone(),
        country: country.map(|c| c.iso3.clone()),
        lat: Some(f.lat),
        lon: Some(f.lon),
        precision: Some(precision),
        name: Some(name),
        geonameid: (f.geonameid != 0).then_some(u64::from(f.geonameid)),
        fips: country.map(|c| c.fips.clone()).filter(|s| !s.is_empty()),
        adm1,
        confidence: None,
    }
}

/// The country-level [`Location`] of the country with ISO alpha-3 code `iso3`.
pub fn country_location(gaz: &Gazetteer, iso3: &str) -> Option<Location> {
    let c = gaz.country_by_iso3(iso3)?;
    Some(feature_location(gaz, &gaz.feature(c.feature)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn top(text: &str, name: &str) -> Toponym {
        let start = text.find(name).unwrap();
        Toponym {
            start,
            end: start + name.len(),
            text: name.to_string(),
            sentence: 0,
            head: None,
            feature: None,
            confidence: 0.0,
            metonym: false,
            demonym: false,
        }
    }

    #[test]
    fn county_lists_and_cut_off_counties_are_found() {
        let text = "Jackson, Barrow and Madison counties met in Athens, near Clarke County.";
        let tops: Vec<Toponym> = ["Jackson", "Barrow", "Madison", "Athens", "Clarke"]
            .iter()
            .map(|n| top(text, n))
            .collect();
        let got: Vec<Option<&str>> = (0..tops.len()).map(|k| county_of(text, &tops, k)).collect();
        assert_eq!(
            got,
            vec![
                Some("County"),
                Some("County"),
                Some("County"),
                None,
                Some("County")
            ]
        );
        // A lone name before "counties" is not a list.
        let text = "Paris and the counties";
        assert_eq!(county_of(text, &[top(text, "Paris")], 0), None);
    }
}
