//! Name lists learnt from the training data, used as gazetteers.
//!
//! In training, a sentence sees only the names of the *other* training documents
//! (leave-one-document-out), so that the model learns how far such a list can be trusted on
//! unseen text rather than learning that every training name is in it.

use std::collections::HashMap;

use crate::corpus::GoldDocument;
use crate::hash::FxBuild;
use crate::labels::Class;
use crate::lexicon::{hash_lower, lists, phrase_extend, phrase_start, Lexicon, MAX_PHRASE};

const FLAGS: [u16; 4] = [
    lists::TRAIN_PER,
    lists::TRAIN_ORG,
    lists::TRAIN_LOC,
    lists::TRAIN_MISC,
];

/// The names of one document: phrase hash → classes it is given there.
pub type OwnNames = HashMap<u64, [bool; 4], FxBuild>;

/// Names of the training data with the number of documents naming them, per class.
#[derive(Default)]
pub struct TrainNames {
    counts: HashMap<u64, [u32; 4], FxBuild>,
    names: Vec<(Vec<String>, Class)>,
}

impl TrainNames {
    /// Collects the names of `docs`.
    pub fn collect(docs: &[GoldDocument]) -> TrainNames {
        let mut out = TrainNames::default();
        let mut seen: HashMap<(u64, Class), (), FxBuild> = HashMap::default();
        for doc in docs {
            for (h, classes) in own_names(doc) {
                let counts = out.counts.entry(h).or_insert([0; 4]);
                for (c, &present) in classes.iter().enumerate() {
                    counts[c] += u32::from(present);
                }
            }
            for sentence in doc {
                for (s, e, name) in &sentence.spans {
                    let Some(class) = Class::parse(name) else {
                        continue;
                    };
                    if e - s > MAX_PHRASE {
                        continue;
                    }
                    let words = &sentence.words[*s..*e];
                    if seen.insert((phrase_hash(words), class), ()).is_none() {
                        out.names.push((words.to_vec(), class));
                    }
                }
            }
        }
        out
    }

    /// The list flags of a phrase hash, not counting the document whose names are `own`.
    pub fn flags_without(&self, phrase: u64, own: &OwnNames) -> u16 {
        let Some(counts) = self.counts.get(&phrase) else {
            return 0;
        };
        let mine = own.get(&phrase).copied().unwrap_or([false; 4]);
        let mut flags = 0;
        for c in 0..4 {
            if counts[c] > u32::from(mine[c]) {
                flags |= FLAGS[c];
            }
        }
        flags
    }

    /// Marks the prefixes of every name in `lexicon` (so that matching goes on), without
    /// adding the names themselves.
    pub fn add_prefixes(&self, lexicon: &mut Lexicon) {
        for (words, _) in &self.names {
            lexicon.add_tokens(words, 0);
        }
    }

    /// Adds every name to `lexicon` under its class's list.
    pub fn add_all(&self, lexicon: &mut Lexicon) {
        for (words, class) in &self.names {
            lexicon.add_tokens(words, FLAGS[*class as usize]);
        }
    }

    /// Number of distinct (name, class) pairs.
    pub fn len(&self) -> usize {
        self.names.len()
    }
}

/// The names of one document.
pub fn own_names(doc: &GoldDocument) -> OwnNames {
    let mut own = OwnNames::default();
    for sentence in doc {
        for (s, e, name) in &sentence.spans {
            let Some(class) = Class::parse(name) else {
                continue;
            };
            if e - s > MAX_PHRASE {
                continue;
            }
            own.entry(phrase_hash(&sentence.words[*s..*e]))
                .or_insert([false; 4])[class as usize] = true;
        }
    }
    own
}

fn phrase_hash(words: &[String]) -> u64 {
    words
        .iter()
        .fold(phrase_start(), |h, w| phrase_extend(h, hash_lower(w)))
}
