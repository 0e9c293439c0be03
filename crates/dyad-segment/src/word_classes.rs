//! Word classes that let the boundary model generalise beyond the words of its training
//! data: a Brown cluster per frequent word form and a casing class per lowercase word (how
//! much more often the word is written capitalised than lowercase in a large English corpus).
//! Both come from the spaCy English lexeme tables, pruned to frequent forms
//! (`data/word_classes.tsv`, written by `examples/learn_word_classes.rs`).

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::error::{Error, Result};
use crate::lexicon::FnvBuild;

/// Longest form kept in the table, in bytes.
pub(crate) const MAX_FORM: usize = 24;

/// The class of one word form: its Brown cluster path (0 when unknown) and its casing class
/// (0 when unknown, 1 = almost always lowercase … 7 = almost always capitalised).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WordClass {
    /// Brown cluster bit path, with a leading 1 bit; 0 when unknown.
    pub cluster: u32,
    /// Casing class of the lowercase word, 0 when unknown.
    pub casing: u8,
}

const WORD_CLASSES: &str = include_str!("../data/word_classes.tsv");

/// Brown clusters and casing classes of frequent word forms.
#[derive(Debug, Clone, Default)]
pub struct WordClasses {
    forms: HashMap<Box<str>, WordClass, FnvBuild>,
}

impl WordClasses {
    /// Parses `form<TAB>cluster<TAB>casing` lines; `#` starts a comment line.
    pub fn parse(data: &str) -> Result<WordClasses> {
        let mut classes = WordClasses::default();
        for (index, line) in data.lines().enumerate() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let bad = |message: &str| Error::Data {
                name: "word_classes.tsv",
                line: index + 1,
                message: message.to_string(),
            };
            let mut fields = line.split('\t');
            let (Some(form), Some(cluster), Some(casing), None) =
                (fields.next(), fields.next(), fields.next(), fields.next())
            else {
                return Err(bad("expected three tab-separated fields"));
            };
            if form.is_empty() || form.len() > MAX_FORM {
                return Err(bad("form empty or too long"));
            }
            let cluster: u32 = cluster.parse().map_err(|_| bad("bad cluster"))?;
            let casing: u8 = casing.parse().map_err(|_| bad("bad casing class"))?;
            if casing > 7 {
                return Err(bad("casing class above 7"));
            }
            classes
                .forms
                .insert(form.into(), WordClass { cluster, casing });
        }
        Ok(classes)
    }

    /// The table shipped with the crate (empty if it were broken; a unit test checks it).
    pub fn builtin() -> &'static WordClasses {
        static BUILTIN: OnceLock<WordClasses> = OnceLock::new();
        BUILTIN.get_or_init(|| WordClasses::parse(WORD_CLASSES).unwrap_or_default())
    }

    /// Number of forms in the table.
    pub fn len(&self) -> usize {
        self.forms.len()
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.forms.is_empty()
    }

    /// The class of `token`: its own entry, else the casing class of its lowercase form
    /// (with no cluster).
    pub fn get(&self, token: &str) -> WordClass {
        if token.len() > MAX_FORM {
            return WordClass::default();
        }
        if let Some(class) = self.forms.get(token) {
            return *class;
        }
        let casing = if token.is_ascii() {
            if !token.bytes().any(|b| b.is_ascii_uppercase()) {
                return WordClass::default();
            }
            let mut buffer = [0u8; MAX_FORM];
            let lower = &mut buffer[..token.len()];
            lower.copy_from_slice(token.as_bytes());
            lower.make_ascii_lowercase();
            std::str::from_utf8(lower)
                .ok()
                .and_then(|l| self.forms.get(l))
                .map_or(0, |c| c.casing)
        } else {
            let lower = token.to_lowercase();
            self.forms.get(lower.as_str()).map_or(0, |c| c.casing)
        };
        WordClass { cluster: 0, casing }
    }
}

/// The first `bits` bits of a cluster path (the whole path when shorter), tagged with `bits`.
#[inline]
pub(crate) fn cluster_prefix(cluster: u32, bits: u32) -> u64 {
    let length = 32 - cluster.leading_zeros();
    let prefix = if length > bits {
        cluster >> (length - bits)
    } else {
        cluster
    };
    u64::from(prefix) | u64::from(bits) << 40
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookup_falls_back_to_the_lowercase_casing() {
        let classes = WordClasses::parse("# c\nthe\t11\t2\nThe\t30\t2\nparis\t0\t7\n").unwrap();
        assert_eq!(classes.len(), 3);
        assert_eq!(
            classes.get("The"),
            WordClass {
                cluster: 30,
                casing: 2
            }
        );
        assert_eq!(
            classes.get("PARIS"),
            WordClass {
                cluster: 0,
                casing: 7
            }
        );
        assert_eq!(classes.get("unknown"), WordClass::default());
    }

    #[test]
    fn shipped_table_parses() {
        let classes = WordClasses::parse(WORD_CLASSES).unwrap();
        assert!(classes.len() > 10_000);
        assert!(classes.get("Paris").casing > classes.get("The").casing);
        assert!(classes.get("the").cluster > 0);
    }

    #[test]
    fn bad_lines_are_errors() {
        assert!(WordClasses::parse("the\t11\n").is_err());
        assert!(WordClasses::parse("the\tx\t1\n").is_err());
        assert!(WordClasses::parse("the\t1\t9\n").is_err());
    }

    #[test]
    fn prefixes_cut_the_path() {
        assert_eq!(cluster_prefix(0b1011_0110, 4) & 0xff, 0b1011);
        assert_eq!(cluster_prefix(0b101, 4) & 0xff, 0b101);
        assert_ne!(cluster_prefix(0b101, 4), cluster_prefix(0b101, 6));
    }
}
