//! Word lists that steer the tokeniser: abbreviations that keep their period, contractions
//! written without an apostrophe, and prefixes that keep their hyphen.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use crate::error::{Error, Result};

const ABBREVIATIONS_HAND: &str = include_str!("../data/abbreviations_hand.txt");
const ABBREVIATIONS: &str = include_str!("../data/abbreviations.txt");
const CONTRACTIONS: &str = include_str!("../data/contractions.tsv");
const HYPHEN_PREFIXES: &str = include_str!("../data/hyphen_prefixes.txt");
const CONTRACTIONS_BEFORE: &str = include_str!("../data/contractions_before.tsv");

/// Longest contraction form the lexicon looks up, in bytes.
const MAX_CONTRACTION: usize = 16;

/// FNV-1a: a fast hasher for the short keys of the word lists.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

pub(crate) type FnvBuild = BuildHasherDefault<Fnv>;

/// The tokeniser's word lists.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    abbreviations: HashSet<Box<str>, FnvBuild>,
    /// Lowercase form → byte offsets where it splits (`cannot` → `[3]`).
    contractions: HashMap<Box<str>, Vec<u8>, FnvBuild>,
    /// Bit `n` set when some contraction is `n` bytes long.
    contraction_lengths: u32,
    hyphen_prefixes: HashSet<Box<str>, FnvBuild>,
    /// Lowercase `form next` → byte offsets where the form splits before that next word.
    contractions_before: HashMap<Box<str>, Vec<u8>, FnvBuild>,
    /// The lowercase forms of `contractions_before`.
    before_forms: HashSet<Box<str>, FnvBuild>,
}

impl Lexicon {
    /// The lists shipped with the crate (learned from UD EWT and GUM training data plus a
    /// hand list).
    pub fn builtin() -> Lexicon {
        // The shipped files are checked by a unit test; a broken one yields empty lists.
        let abbreviations = format!("{ABBREVIATIONS_HAND}\n{ABBREVIATIONS}");
        let mut lexicon =
            Lexicon::parse(&abbreviations, CONTRACTIONS, HYPHEN_PREFIXES).unwrap_or_default();
        // Checked by a unit test like the other files.
        let _ = lexicon.add_contractions_before(CONTRACTIONS_BEFORE);
        lexicon
    }

    /// Adds words that split as contractions only before given next words, from
    /// `form<TAB>next<TAB>offset,offset` lines (`its<TAB>a<TAB>2`: `its a` is `it s a`).
    pub fn add_contractions_before(&mut self, data: &str) -> Result<()> {
        for (index, line) in data.lines().enumerate() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let bad = |message: &str| Error::Data {
                name: "contractions_before.tsv",
                line: index + 1,
                message: message.to_string(),
            };
            let mut fields = line.split('\t');
            let (Some(form), Some(next), Some(offsets), None) =
                (fields.next(), fields.next(), fields.next(), fields.next())
            else {
                return Err(bad("expected three tab-separated fields"));
            };
            if form.len() > MAX_CONTRACTION || !form.is_ascii() || next.is_empty() {
                return Err(bad("form too long, not ASCII, or no next word"));
            }
            let mut splits = Vec::new();
            for offset in offsets.split(',') {
                let offset: u8 = offset.trim().parse().map_err(|_| bad("bad offset"))?;
                if offset == 0 || usize::from(offset) >= form.len() {
                    return Err(bad("offset outside the form"));
                }
                splits.push(offset);
            }
            self.before_forms.insert(form.to_ascii_lowercase().into());
            let key = format!("{} {}", form.to_ascii_lowercase(), next.to_lowercase());
            self.contractions_before.insert(key.into(), splits);
        }
        Ok(())
    }

    /// Where `word` splits as a contraction because `next` follows it, if it does.
    pub fn contraction_before(&self, word: &str, next: &str) -> Option<&[u8]> {
        let len = word.len();
        if len > MAX_CONTRACTION || next.len() > 2 * MAX_CONTRACTION || !word.is_ascii() {
            return None;
        }
        let mut buffer = [0u8; MAX_CONTRACTION];
        let lower = &mut buffer[..len];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        let lower = std::str::from_utf8(lower).ok()?;
        if !self.before_forms.contains(lower) {
            return None;
        }
        let key = format!("{lower} {}", next.to_lowercase());
        self.contractions_before
            .get(key.as_str())
            .map(Vec::as_slice)
    }

    /// Builds a lexicon from the text of the three data files: abbreviations (with their
    /// period, separated by whitespace), contractions (`form<TAB>offset,offset` lines) and
    /// hyphen prefixes (separated by whitespace). Lines starting with `#` are comments.
    pub fn parse(abbreviations: &str, contractions: &str, hyphen_prefixes: &str) -> Result<Self> {
        let mut lexicon = Lexicon::default();
        for word in data_lines(abbreviations) {
            lexicon.abbreviations.insert(word.into());
        }
        for (index, line) in contractions.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let bad = |message: &str| Error::Data {
                name: "contractions.tsv",
                line: index + 1,
                message: message.to_string(),
            };
            let (form, offsets) = line.split_once('\t').ok_or_else(|| bad("missing tab"))?;
            if form.len() > MAX_CONTRACTION || !form.is_ascii() {
                return Err(bad("form too long or not ASCII"));
            }
            let mut splits = Vec::new();
            for offset in offsets.split(',') {
                let offset: u8 = offset.trim().parse().map_err(|_| bad("bad offset"))?;
                if offset == 0 || usize::from(offset) >= form.len() {
                    return Err(bad("offset outside the form"));
                }
                splits.push(offset);
            }
            lexicon.contraction_lengths |= 1 << form.len();
            lexicon
                .contractions
                .insert(form.to_ascii_lowercase().into(), splits);
        }
        for prefix in data_lines(hyphen_prefixes) {
            lexicon.hyphen_prefixes.insert(prefix.to_lowercase().into());
        }
        Ok(lexicon)
    }

    /// Whether `word` (with its final period) is a known abbreviation.
    /// An all-capitals word also matches its capitalised form (`GEN.` as `Gen.`).
    pub fn is_abbreviation(&self, word: &str) -> bool {
        if self.abbreviations.contains(word) {
            return true;
        }
        let len = word.len();
        let bytes = word.as_bytes();
        if !(3..=MAX_CONTRACTION).contains(&len) || bytes.iter().any(u8::is_ascii_lowercase) {
            return false;
        }
        let mut buffer = [0u8; MAX_CONTRACTION];
        let titled = &mut buffer[..len];
        titled.copy_from_slice(bytes);
        titled[1..].make_ascii_lowercase();
        std::str::from_utf8(titled).is_ok_and(|t| self.abbreviations.contains(t))
    }

    /// Where a contraction written without apostrophe splits, if `word` is one.
    pub fn contraction(&self, word: &str) -> Option<&[u8]> {
        let len = word.len();
        if len > MAX_CONTRACTION || self.contraction_lengths & (1 << len) == 0 {
            return None;
        }
        let mut buffer = [0u8; MAX_CONTRACTION];
        let lower = &mut buffer[..len];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        let lower = std::str::from_utf8(lower).ok()?;
        self.contractions.get(lower).map(Vec::as_slice)
    }

    /// Whether a hyphen after `prefix` stays inside the word (`non-avian`, `e-mail`).
    pub fn keeps_hyphen_after(&self, prefix: &str) -> bool {
        let len = prefix.len();
        if len == 0 || len > MAX_CONTRACTION {
            return false;
        }
        let mut buffer = [0u8; MAX_CONTRACTION];
        let lower = &mut buffer[..len];
        lower.copy_from_slice(prefix.as_bytes());
        lower.make_ascii_lowercase();
        std::str::from_utf8(lower).is_ok_and(|p| self.hyphen_prefixes.contains(p))
    }

    /// Number of abbreviations, contractions and hyphen prefixes.
    pub fn sizes(&self) -> (usize, usize, usize) {
        (
            self.abbreviations.len(),
            self.contractions.len(),
            self.hyphen_prefixes.len(),
        )
    }
}

fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .flat_map(str::split_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_files_parse() {
        let abbreviations = format!("{ABBREVIATIONS_HAND}\n{ABBREVIATIONS}");
        let lexicon = Lexicon::parse(&abbreviations, CONTRACTIONS, HYPHEN_PREFIXES).unwrap();
        let (abbreviations, _, _) = lexicon.sizes();
        assert!(abbreviations > 50);
        assert!(lexicon.is_abbreviation("Gen."));
        assert!(lexicon.is_abbreviation("Ky."));
        assert!(!lexicon.is_abbreviation("house."));
        assert!(lexicon.is_abbreviation("GEN."));
        assert!(!lexicon.is_abbreviation("HOUSE."));
    }

    #[test]
    fn contractions_before_next_words() {
        let mut lexicon = Lexicon::default();
        lexicon
            .add_contractions_before(CONTRACTIONS_BEFORE)
            .unwrap();
        lexicon.add_contractions_before("its\ta\t2\n").unwrap();
        assert_eq!(lexicon.contraction_before("Its", "a"), Some(&[2u8][..]));
        assert_eq!(lexicon.contraction_before("its", "own"), None);
        assert!(lexicon.add_contractions_before("its\ta\n").is_err());
        assert!(lexicon.add_contractions_before("its\ta\t5\n").is_err());
    }

    #[test]
    fn contraction_lookup_ignores_case() {
        let lexicon = Lexicon::parse("", "cannot\t3\n", "non\n").unwrap();
        assert_eq!(lexicon.contraction("Cannot"), Some(&[3u8][..]));
        assert_eq!(lexicon.contraction("canned"), None);
        assert!(lexicon.keeps_hyphen_after("Non"));
        assert!(!lexicon.keeps_hyphen_after("well"));
    }
}
