//! The cue lexicon: predicates that introduce attributed content.
use std::collections::HashMap;

use crate::error::{Error, Result};

/// How a cue predicate introduces content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueClass {
    /// A reporting verb ("say", "tell", "announce").
    Speech,
    /// A verb of belief or knowledge ("believe", "think"); only with a clausal complement.
    Cognition,
    /// A verb that introduces quoted content only before a colon ("address", "continue").
    Colon,
}

/// One entry of the lexicon.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CueEntry {
    /// How it introduces content.
    pub class: CueClass,
    /// A particle the verb needs ("out" for "point out").
    pub particle: Option<String>,
}

/// Cue predicates by lemma, loaded from `data/cues.tsv`.
#[derive(Debug, Clone)]
pub struct CueLexicon {
    entries: HashMap<String, CueEntry>,
}

impl CueLexicon {
    /// The lexicon shipped with the crate.
    pub fn embedded() -> CueLexicon {
        // The embedded file is checked by a test; an error here would be a build defect.
        Self::parse(include_str!("../data/cues.tsv")).unwrap_or_else(|_| CueLexicon {
            entries: HashMap::new(),
        })
    }

    /// Parses a lexicon: `lemma<TAB>class[<TAB>particle]` per line, `#` comments.
    pub fn parse(text: &str) -> Result<CueLexicon> {
        let mut entries = HashMap::new();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim_end();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut fields = line.split('\t');
            let lemma = fields.next().unwrap_or_default().to_lowercase();
            let class = match fields.next() {
                Some("speech") => CueClass::Speech,
                Some("cognition") => CueClass::Cognition,
                Some("colon") => CueClass::Colon,
                other => {
                    return Err(Error::Lexicon {
                        line: n + 1,
                        message: format!("unknown class {other:?}"),
                    })
                }
            };
            let particle = fields.next().map(str::to_string);
            entries.insert(lemma, CueEntry { class, particle });
        }
        Ok(CueLexicon { entries })
    }

    /// The entry for a lemma, if it is a cue.
    pub fn get(&self, lemma: &str) -> Option<&CueEntry> {
        self.entries.get(&lemma.to_lowercase())
    }

    /// Number of cue lemmas.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the lexicon is empty.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lexicon_parses() {
        let parsed = CueLexicon::parse(include_str!("../data/cues.tsv")).expect("cue lexicon");
        assert!(parsed.len() > 100);
        assert_eq!(parsed.get("say").map(|e| e.class), Some(CueClass::Speech));
        assert_eq!(
            parsed.get("point").and_then(|e| e.particle.as_deref()),
            Some("out")
        );
        assert!(CueLexicon::parse("say\tshouting\n").is_err());
    }
}
