//! Word lists embedded in the model: Brown clusters, gazetteers and case profiles.
//!
//! All are built once from the shared data at training time (GeoNames, spaCy's Brown
//! clusters and word probabilities, the organisations of the Phoenix actor dictionaries, our
//! own `data/` lists) and saved inside the model file,
//! so that prediction needs nothing but the model.

use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

use crate::codec::{Reader, Truncated, Writer};
use crate::error::{Error, Result};
use crate::hash::{hash_str, mix2, FxBuild};

/// Gazetteer list flags, one bit per list.
pub mod lists {
    /// Country names (GeoNames).
    pub const COUNTRY: u16 = 1;
    /// Cities with 15,000 people or more.
    pub const CITY: u16 = 1 << 1;
    /// Populated places with 500 people or more.
    pub const PLACE: u16 = 1 << 2;
    /// US states.
    pub const STATE: u16 = 1 << 3;
    /// Continents.
    pub const CONTINENT: u16 = 1 << 4;
    /// Nationalities, religions, parties (`data/norp.txt`).
    pub const NORP: u16 = 1 << 5;
    /// Capitals of countries.
    pub const CAPITAL: u16 = 1 << 6;
    /// Common country and state names (`data/gpe_aliases.txt`).
    pub const ALIAS: u16 = 1 << 7;
    /// Persons named in the training data.
    pub const TRAIN_PER: u16 = 1 << 8;
    /// Organisations named in the training data.
    pub const TRAIN_ORG: u16 = 1 << 9;
    /// Locations named in the training data.
    pub const TRAIN_LOC: u16 = 1 << 10;
    /// Other names in the training data.
    pub const TRAIN_MISC: u16 = 1 << 11;
    /// Companies, international and non-state organisations of the Phoenix actor
    /// dictionaries.
    pub const ACTOR_ORG: u16 = 1 << 12;
    /// Number of lists (bits 0..COUNT).
    pub const COUNT: usize = 13;
    /// Names that make a location a GPE.
    pub const GPE: u16 = COUNTRY | CITY | PLACE | STATE | CAPITAL | ALIAS;
    /// Set on proper prefixes of longer entries (matching goes on).
    pub const PREFIX: u16 = 1 << 15;
}

/// Longest gazetteer entry in tokens.
pub const MAX_PHRASE: usize = 6;

const PHRASE_TEMPLATE: u64 = 0x9a3f;

/// The hash of an empty phrase.
pub fn phrase_start() -> u64 {
    0x1234_5678
}

/// Extends a phrase hash by one token, given the hash of its lowercase form.
#[inline]
pub fn phrase_extend(phrase: u64, lower_token: u64) -> u64 {
    mix2(PHRASE_TEMPLATE, phrase, lower_token)
}

/// Brown clusters, gazetteers and case profiles.
#[derive(Default, Clone)]
pub struct Lexicon {
    clusters: HashMap<u32, u32, FxBuild>,
    gazetteer: HashMap<u32, u16, FxBuild>,
    /// Lowercase word → how the word is usually written ([`case_profile`]).
    case: HashMap<u32, u8, FxBuild>,
    /// Whether sentences get the features of runs of capitalised words (a model setting,
    /// [`crate::model::ModelInfo::capitalised_runs`]; not written with the lexicon).
    pub capitalised_runs: bool,
}

/// Number of case profiles (0 = word unknown).
pub const CASE_PROFILES: u8 = 9;

/// How a word is usually written, from the log-probabilities of its lowercase, capitalised
/// and all-capitals forms in a large corpus (`None` = form never seen): 1 only lowercase,
/// 2 only capitalised, 3–7 both, by how much likelier the capitalised form is (under -2,
/// -2..0, 0..1.5, 1.5..3, over 3 in natural log), 8 mostly in capitals. Lets the tagger know
/// that `chicago` or `lisa` is a name where web text leaves it uncapitalised.
pub fn case_profile(lower: Option<f64>, title: Option<f64>, upper: Option<f64>) -> u8 {
    let best = lower.into_iter().chain(title).fold(f64::MIN, f64::max);
    if upper.is_some_and(|u| u > best) {
        return 8;
    }
    match (lower, title) {
        (None, None) => 0,
        (Some(_), None) => 1,
        (None, Some(_)) => 2,
        (Some(l), Some(t)) => {
            let d = t - l;
            if d < -2.0 {
                3
            } else if d < 0.0 {
                4
            } else if d < 1.5 {
                5
            } else if d < 3.0 {
                6
            } else {
                7
            }
        }
    }
}

/// Lexicon keys are the high 32 bits of 64-bit hashes (false matches: about 1 in 20,000
/// unknown words).
#[inline]
fn key(hash: u64) -> u32 {
    (hash >> 32) as u32
}

impl Lexicon {
    /// The Brown cluster bit path of a word (low bits = path start), trying it as written,
    /// then lowercased (`lower_hash` = hash of the lowercase form).
    #[inline]
    pub fn cluster(&self, word_hash: u64, lower_hash: u64) -> Option<u32> {
        self.clusters
            .get(&key(word_hash))
            .or_else(|| self.clusters.get(&key(lower_hash)))
            .copied()
    }

    /// The list flags of a phrase hash (see [`phrase_extend`]); 0 when unknown.
    #[inline]
    pub fn phrase(&self, phrase_hash: u64) -> u16 {
        self.gazetteer.get(&key(phrase_hash)).copied().unwrap_or(0)
    }

    /// The list flags of a name given as text (split on spaces).
    pub fn lookup(&self, name: &str) -> u16 {
        let mut h = phrase_start();
        for token in name.split_whitespace() {
            h = phrase_extend(h, hash_lower(token));
        }
        self.phrase(h) & !lists::PREFIX
    }

    /// The case profile of a word given the hash of its lowercase form (0 when unknown).
    #[inline]
    pub fn case(&self, lower_hash: u64) -> u8 {
        self.case.get(&key(lower_hash)).copied().unwrap_or(0)
    }

    /// Sets the case profile of a word (any case; see [`case_profile`]).
    pub fn add_case(&mut self, word: &str, profile: u8) {
        if profile > 0 && profile < CASE_PROFILES {
            self.case.insert(key(hash_lower(word)), profile);
        }
    }

    /// Number of clustered words and gazetteer entries.
    pub fn sizes(&self) -> (usize, usize) {
        (self.clusters.len(), self.gazetteer.len())
    }

    /// Adds a name to a list.
    pub fn add_name(&mut self, name: &str, list: u16) {
        self.add_tokens(&split_name(name), list);
    }

    /// Adds a tokenised name to a list (`list` = 0 marks only its prefixes).
    pub fn add_tokens<S: AsRef<str>>(&mut self, tokens: &[S], list: u16) {
        if tokens.is_empty() || tokens.len() > MAX_PHRASE {
            return;
        }
        let mut h = phrase_start();
        for (i, token) in tokens.iter().enumerate() {
            h = phrase_extend(h, hash_lower(token.as_ref()));
            let flag = if i + 1 == tokens.len() {
                list
            } else {
                lists::PREFIX
            };
            *self.gazetteer.entry(key(h)).or_insert(0) |= flag;
        }
    }

    /// Adds a word's Brown cluster.
    pub fn add_cluster(&mut self, word: &str, cluster: u32) {
        self.clusters.insert(key(hash_str(word)), cluster);
    }

    /// Builds the lexicon from the shared data folder and this crate's `data/` lists.
    pub fn build(shared: &Path) -> Result<Lexicon> {
        let mut lex = Lexicon::default();
        let geo = shared.join("geo");
        let countries = read_json(&geo.join("countries.json"))?;
        if let Some(map) = countries.as_object() {
            for c in map.values() {
                if let Some(name) = c["name"].as_str() {
                    lex.add_name(name, lists::COUNTRY);
                }
                if let Some(cap) = c["capital"].as_str() {
                    lex.add_name(cap, lists::CAPITAL);
                }
            }
        }
        let cities = read_json(&geo.join("cities15000.json"))?;
        if let Some(map) = cities.as_object() {
            for c in map.values() {
                if let Some(name) = c["name"].as_str() {
                    lex.add_name(name, lists::CITY);
                }
            }
        }
        let states = read_json(&geo.join("us_states.json"))?;
        if let Some(map) = states.as_object() {
            for s in map.values() {
                if let Some(name) = s["name"].as_str() {
                    lex.add_name(name, lists::STATE);
                }
            }
        }
        let continents = read_json(&geo.join("continents.json"))?;
        if let Some(map) = continents.as_object() {
            for c in map.values() {
                if let Some(name) = c["asciiName"].as_str().or_else(|| c["name"].as_str()) {
                    lex.add_name(name, lists::CONTINENT);
                }
            }
        }
        let places_path = geo.join("places500.tsv");
        let places =
            std::fs::read_to_string(&places_path).map_err(|e| Error::io(&places_path, e))?;
        for line in places.lines().skip(1) {
            if let Some(name) = line.split('\t').nth(1) {
                lex.add_name(name, lists::PLACE);
            }
        }
        for name in list_entries(include_str!("../data/norp.txt")) {
            lex.add_name(&name, lists::NORP);
        }
        for name in list_entries(include_str!("../data/gpe_aliases.txt")) {
            lex.add_name(&name, lists::ALIAS);
        }
        let actors = shared.join("petrarch2_dictionaries");
        for (file, codes) in [
            (
                "Phoenix.International.actors.txt",
                &["MNC", "IGO", "NGO"][..],
            ),
            ("Phoenix.MilNonState.actors.txt", &[][..]),
        ] {
            let path = actors.join(file);
            let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
            for name in actor_organisations(&text, codes) {
                lex.add_name(&name, lists::ACTOR_ORG);
            }
        }
        let cluster_path = shared.join("lexicons/spacy_en/en_lexeme_cluster.json.gz");
        let file = std::fs::File::open(&cluster_path).map_err(|e| Error::io(&cluster_path, e))?;
        let mut text = String::new();
        flate2::read::GzDecoder::new(file)
            .read_to_string(&mut text)
            .map_err(|e| Error::io(&cluster_path, e))?;
        let clusters: HashMap<String, u32> =
            serde_json::from_str(&text).map_err(|e| Error::Format {
                path: cluster_path.clone(),
                line: e.line(),
                message: e.to_string(),
            })?;
        // Sorted, so that words sharing a 32-bit key resolve the same way on every run.
        let mut clusters: Vec<(String, u32)> =
            clusters.into_iter().filter(|(_, c)| *c != 0).collect();
        clusters.sort_unstable();
        for (word, cluster) in clusters {
            lex.add_cluster(&word, cluster);
        }
        lex.add_case_profiles(&shared.join("lexicons/spacy_en/en_lexeme_prob.json.gz"))?;
        Ok(lex)
    }

    /// Case profiles of the alphabetic words of spaCy's word log-probabilities.
    fn add_case_profiles(&mut self, path: &Path) -> Result<()> {
        let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
        let mut text = String::new();
        flate2::read::GzDecoder::new(file)
            .read_to_string(&mut text)
            .map_err(|e| Error::io(path, e))?;
        let probs: HashMap<String, f64> =
            serde_json::from_str(&text).map_err(|e| Error::Format {
                path: path.to_path_buf(),
                line: e.line(),
                message: e.to_string(),
            })?;
        // lowercase form → log-probabilities of its lowercase, capitalised, capitals forms.
        let mut forms: HashMap<String, [Option<f64>; 3]> = HashMap::new();
        for (word, &p) in &probs {
            if word.is_empty() || !word.chars().all(char::is_alphabetic) {
                continue;
            }
            let lower = word.to_lowercase();
            let mut chars = lower.chars();
            let title: String = chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect())
                .unwrap_or_default();
            let slot = if *word == lower {
                0
            } else if *word == title {
                1
            } else if *word == lower.to_uppercase() && lower.chars().count() > 1 {
                2
            } else {
                continue;
            };
            forms.entry(lower).or_default()[slot] = Some(p);
        }
        let mut forms: Vec<(String, [Option<f64>; 3])> = forms.into_iter().collect();
        forms.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        for (word, [l, t, u]) in forms {
            self.add_case(&word, case_profile(l, t, u));
        }
        Ok(())
    }

    /// Serialises the lexicon (entries sorted, so the bytes are reproducible).
    pub fn write(&self, w: &mut Writer) {
        let mut clusters: Vec<_> = self.clusters.iter().map(|(k, v)| (*k, *v)).collect();
        clusters.sort_unstable();
        w.u64(clusters.len() as u64);
        for (k, v) in clusters {
            w.u32(k);
            w.u32(v);
        }
        let mut gaz: Vec<_> = self.gazetteer.iter().map(|(k, v)| (*k, *v)).collect();
        gaz.sort_unstable();
        w.u64(gaz.len() as u64);
        for (k, v) in gaz {
            w.u32(k);
            w.raw(&v.to_le_bytes());
        }
        let mut case: Vec<_> = self.case.iter().map(|(k, v)| (*k, *v)).collect();
        case.sort_unstable();
        w.u64(case.len() as u64);
        for (k, v) in case {
            w.u32(k);
            w.u8(v);
        }
    }

    /// Reads a lexicon written by [`Lexicon::write`].
    pub fn read(r: &mut Reader) -> std::result::Result<Lexicon, Truncated> {
        let n = r.count(8)?;
        let mut clusters = HashMap::with_capacity_and_hasher(n, FxBuild::default());
        for _ in 0..n {
            let k = r.u32()?;
            clusters.insert(k, r.u32()?);
        }
        let n = r.count(6)?;
        let mut gazetteer = HashMap::with_capacity_and_hasher(n, FxBuild::default());
        for _ in 0..n {
            let k = r.u32()?;
            let v = r.take(2)?;
            gazetteer.insert(k, u16::from_le_bytes([v[0], v[1]]));
        }
        let n = r.count(5)?;
        let mut case = HashMap::with_capacity_and_hasher(n, FxBuild::default());
        for _ in 0..n {
            let k = r.u32()?;
            case.insert(k, r.u8()?);
        }
        Ok(Lexicon {
            clusters,
            gazetteer,
            case,
            capitalised_runs: false,
        })
    }
}

/// Organisation names of a Phoenix actor dictionary: entries (and their `+` synonyms) whose
/// code starts with one of `codes` (any code when empty) and carries no dates (dated
/// entries are office holders). Underscores become spaces; hyphenated names are also given
/// with the hyphens split off (`Al - Qaeda`, as web treebanks tokenise them).
fn actor_organisations(text: &str, codes: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = false;
    for line in text.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (name, synonym) = match line.strip_prefix('+') {
            Some(rest) => (rest, true),
            None => (line, false),
        };
        if !synonym {
            let code = line
                .split_once('[')
                .and_then(|(_, rest)| rest.split_once(']'))
                .map(|(code, _)| code.trim());
            current = code.is_some_and(|c| {
                !c.chars().any(|ch| ch.is_ascii_digit())
                    && (codes.is_empty() || codes.iter().any(|p| c.starts_with(p)))
            });
        }
        if !current {
            continue;
        }
        let Some(name) = name.split_whitespace().next() else {
            continue;
        };
        let name = name.replace('_', " ");
        let name = name.trim();
        if name.len() < 2 {
            continue;
        }
        if name.contains('-') {
            out.push(name.replace('-', " - "));
        }
        out.push(name.to_string());
    }
    out
}

/// Splits a name into tokens the way running text is tokenised (spaces, a final `'s`).
fn split_name(name: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for part in name.split_whitespace() {
        match part.strip_suffix("'s") {
            Some(stem) if !stem.is_empty() => {
                out.push(stem);
                out.push("'s");
            }
            _ => out.push(part.trim_end_matches(',')),
        }
    }
    out.retain(|t| !t.is_empty());
    out
}

/// Entries of one of our list files: `#` comments, `+s` adds the plural.
fn list_entries(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        match line.strip_suffix("+s") {
            Some(stem) => {
                out.push(stem.to_string());
                out.push(format!("{stem}s"));
            }
            None => out.push(line.to_string()),
        }
    }
    out
}

fn read_json(path: &Path) -> Result<serde_json::Value> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    serde_json::from_str(&text).map_err(|e| Error::Format {
        path: path.to_path_buf(),
        line: e.line(),
        message: e.to_string(),
    })
}

/// The hash of a word's lowercase form, as gazetteer phrases are keyed.
pub fn hash_lower(word: &str) -> u64 {
    if word.bytes().any(|b| b.is_ascii_uppercase()) || !word.is_ascii() {
        hash_str(&word.to_lowercase())
    } else {
        hash_str(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actor_organisations_leave_out_office_holders() {
        let text = "# comment\nAL-QAEDA_ [SAUREB]\n+AL_QAIDA_\nGOOGLE_ [MNCUSAMED] # note\n\
                    TRYGVE_LIE_ [IGOUNO 460201-521110]\n+LIE_\nRED_CROSS_ [NGOHLH]\n";
        let all = actor_organisations(text, &[]);
        assert_eq!(
            all,
            ["AL - QAEDA", "AL-QAEDA", "AL QAIDA", "GOOGLE", "RED CROSS"]
        );
        let companies = actor_organisations(text, &["MNC"]);
        assert_eq!(companies, ["GOOGLE"]);
    }

    #[test]
    fn phrases_match_case_insensitively_with_prefixes() {
        let mut lex = Lexicon::default();
        lex.add_name("South Korea", lists::COUNTRY);
        assert_eq!(lex.lookup("south korea"), lists::COUNTRY);
        assert_eq!(lex.lookup("South"), 0);
        let h = phrase_extend(phrase_start(), hash_str("south"));
        assert_eq!(lex.phrase(h), lists::PREFIX);
        let mut w = Writer::default();
        lex.write(&mut w);
        let back = Lexicon::read(&mut Reader::new(&w.bytes)).unwrap();
        assert_eq!(back.lookup("SOUTH KOREA"), lists::COUNTRY);
    }

    #[test]
    fn case_profiles() {
        assert_eq!(case_profile(Some(-13.4), Some(-10.8), None), 6);
        assert_eq!(case_profile(Some(-6.2), Some(-9.8), None), 3);
        assert_eq!(case_profile(None, Some(-12.0), None), 2);
        assert_eq!(case_profile(Some(-12.0), Some(-11.0), Some(-9.0)), 8);
        assert_eq!(case_profile(None, None, None), 0);
        let mut lex = Lexicon::default();
        lex.add_case("Chicago", 6);
        let mut w = Writer::default();
        lex.write(&mut w);
        let back = Lexicon::read(&mut Reader::new(&w.bytes)).unwrap();
        assert_eq!(back.case(hash_lower("CHICAGO")), 6);
        assert_eq!(back.case(hash_lower("elsewhere")), 0);
    }

    #[test]
    fn list_files_expand_plurals() {
        let e = list_entries("# c\nVenezuelan+s\nSwiss\n");
        assert_eq!(e, vec!["Venezuelan", "Venezuelans", "Swiss"]);
    }
}
