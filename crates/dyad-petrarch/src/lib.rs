//! PETRARCH/TABARI compatibility: dictionaries, a coder that applies them to dyad's own
//! tokens and tags, and the evaluation of PETRARCH validation records.
//!
//! Users with curated PETRARCH-1/TABARI dictionaries (verbs with patterns, actors with date
//! restrictions, agents, discards) can load them with [`Dictionaries::from_dir`] and code
//! text with [`PetrarchCoder`]; `dyad eval petrarch RECORDS --dictionaries DIR` scores the
//! coder against a records file.
#![warn(missing_docs)]

pub mod coder;
pub mod dictionary;
pub mod eval;
pub mod lexicon;
pub mod organisations;
pub mod people;
pub mod records;

use std::path::PathBuf;

pub use coder::{CodedEvent, PetrarchCoder, Settings};
pub use dictionary::Dictionaries;

/// Errors loading dictionaries or records.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be read.
    #[error("cannot read {path}: {cause}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause (in the message, not chained, so that it is printed once).
        cause: std::io::Error,
    },
    /// A dictionary file's kind could not be told from its name.
    #[error("{0}: not a dictionary name this reader knows (it needs `verbs`, `actors`, `agents` or `discards` in the name and a .txt ending)")]
    UnknownDictionary(PathBuf),
    /// No verbs dictionary was found.
    #[error("no verbs dictionary (a *verbs*.txt file, or PETRARCH-2's CAMEO*.txt) in {0}; pass --dictionaries DIR with PETRARCH-1/TABARI or PETRARCH-2 dictionaries")]
    NoVerbs(PathBuf),
    /// More than one verbs dictionary.
    #[error("{0}: a second verbs dictionary; give one *verbs*.txt file")]
    TwoVerbFiles(PathBuf),
    /// The records file held no `<Sentence>` records.
    #[error("{0}: no <Sentence> records found; is this a PETRARCH records file?")]
    NoRecords(PathBuf),
    /// The tagger or parser could not be loaded.
    #[error(transparent)]
    Syntax(#[from] dyad_syntax::Error),
    /// The predictions file could not be written.
    #[error("cannot write predictions to {path}: {cause}")]
    Write {
        /// The file.
        path: PathBuf,
        /// The cause (in the message, not chained).
        cause: std::io::Error,
    },
}
