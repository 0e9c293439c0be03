//! Evaluation on gold files: CoNLL-2003 (four classes) and UNER (PER/ORG/LOC).

use std::path::Path;

use dyad_types::EntityType;

use crate::corpus::{self, GoldDocument};
use crate::error::Result;
use crate::recognizer::Recognizer;
use crate::scores::Counter;
pub use crate::scores::{NerScores, TypeScores};

/// Which label set a gold file uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheme {
    /// CoNLL-2003: PER, ORG, LOC, MISC.
    Conll,
    /// UNER: PER, ORG, LOC (nationalities and other names are not annotated).
    Uner,
}

impl Scheme {
    /// The scheme of a file, by its name (`.iob2` = UNER).
    pub fn of(path: &Path) -> Scheme {
        if path.to_string_lossy().ends_with(".iob2") {
            Scheme::Uner
        } else {
            Scheme::Conll
        }
    }

    /// The gold label a record type counts as, if any.
    pub fn map(self, kind: EntityType) -> Option<&'static str> {
        match kind {
            EntityType::Person => Some("PER"),
            EntityType::Org => Some("ORG"),
            EntityType::Gpe | EntityType::Loc | EntityType::Fac => Some("LOC"),
            EntityType::Norp | EntityType::Event | EntityType::Misc => match self {
                Scheme::Conll => Some("MISC"),
                Scheme::Uner => None,
            },
        }
    }
}

/// Scores `recognizer` on a CoNLL-2003 file or a UNER `.iob2` file.
pub fn evaluate(path: &Path, recognizer: &Recognizer) -> Result<NerScores> {
    let docs = corpus::read(path)?;
    Ok(evaluate_documents(&docs, Scheme::of(path), recognizer))
}

/// Scores `recognizer` on documents already read.
pub fn evaluate_documents(
    docs: &[GoldDocument],
    scheme: Scheme,
    recognizer: &Recognizer,
) -> NerScores {
    let mut counter = Counter::default();
    for doc in docs {
        let words: Vec<Vec<&str>> = doc
            .iter()
            .map(|s| s.words.iter().map(String::as_str).collect())
            .collect();
        let refs: Vec<&[&str]> = words.iter().map(Vec::as_slice).collect();
        let found = recognizer.recognize_document(&refs);
        for (sentence, found) in doc.iter().zip(found) {
            let predicted: Vec<(usize, usize, String)> = found
                .into_iter()
                .filter_map(|(s, e, kind)| scheme.map(kind).map(|k| (s, e, k.to_string())))
                .collect();
            let gold: Vec<(usize, usize, String)> = match scheme {
                Scheme::Conll => sentence.spans.clone(),
                Scheme::Uner => sentence
                    .spans
                    .iter()
                    .filter(|s| matches!(s.2.as_str(), "PER" | "ORG" | "LOC"))
                    .cloned()
                    .collect(),
            };
            counter.add(sentence.words.len(), &gold, &predicted);
        }
    }
    counter.scores()
}
