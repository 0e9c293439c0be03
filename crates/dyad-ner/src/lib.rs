//! Named-entity recognition for dyad: a pure-Rust greedy averaged-perceptron tagger.
//!
//! The [`Recognizer`] tags tokens with BILOU labels over CoNLL's four classes, using word,
//! affix, shape, capitalisation, context-window, Brown-cluster, gazetteer and
//! document-history features (after Ratinov & Roth 2009), hashed into a compact quantised
//! weight table. Locations in the GeoNames gazetteer come out as GPE, nationalities and
//! religious or political groups as NORP. The shipped model uses features of runs of
//! capitalised words and was trained with a dynamic oracle ([`oracle`]: the label taught
//! after the model's own earlier labels is the best one still reachable); a second stage
//! over the first stage's labels of the whole document, trained on jackknifed labels (model
//! format 3), is a training setting it leaves off (docs/evaluation.md, "Named entities"). [`NerStage`] runs it over an
//! [`Analysis`](dyad_types::Analysis); [`train::train`] builds the model
//! (`dyad train ner`), [`eval::evaluate`] scores it on CoNLL-2003 or UNER files.
//!
//! ```
//! use dyad_ner::Recognizer;
//! use dyad_types::EntityType;
//! let ner = Recognizer::embedded().expect("model");
//! let words = ["Venezuelan", "President", "Nicolas", "Maduro", "visited", "Caracas", "."];
//! let found = ner.recognize(&words);
//! assert!(found.contains(&(2, 4, EntityType::Person)));
//! assert!(found.contains(&(5, 6, EntityType::Gpe)));
//! ```
//!
//! # Model
//!
//! `models/ner.bin` (about 10 MB, embedded with `include_bytes!`) holds a versioned,
//! checksummed header, the Brown clusters of 190k words, the gazetteers (GeoNames
//! countries, capitals, cities and places, US states, continents; our `data/` lists of
//! nationalities and country aliases; companies and other organisations of the Phoenix actor
//! dictionaries; names learnt from the training data) and the case
//! profiles of 400k words (whether a word is mostly written lowercase, capitalised or in
//! capitals, from spaCy's word probabilities: `chicago` in lowercase web text is still a
//! name; a lowercase word mostly written capitalised is tagged with its capitalised form's
//! features), all as 32-bit hash keys, and 90,000 rows of 16-bit weights. GeoNames (CC BY 4.0) must be credited
//! wherever the model is distributed. Rebuild it with `dyad train ner`, or
//! `cargo run --release -p dyad-ner --example ner -- train-default crates/dyad-ner/models/ner.bin ../shared/data`
//! (about a minute; the same bytes on every run).
//!
//! # Accuracy (entity-level, exact span and type, conlleval style)
//!
//! | file | precision | recall | F1 |
//! | --- | --- | --- | --- |
//! | CoNLL-2003 eng.testb (PER/ORG/LOC/MISC) | 0.893 | 0.874 | 0.884 |
//! | UNER EWT test (PER/ORG/LOC) | 0.706 | 0.696 | 0.701 |
//!
//! `cargo run --release -p dyad-ner --example ner -- eval embedded ../shared/data/conll2003/eng.testb`
//! prints the table per type. The shipped model trains on eng.train, eng.testa, GUM train and
//! UNER EWT dev; eng.testb and UNER EWT test are never seen.
#![warn(missing_docs)]

mod codec;
mod context;
pub mod corpus;
mod error;
pub mod eval;
mod features;
mod gum;
mod hash;
pub mod labels;
mod lexicon;
pub mod model;
mod names;
pub mod oracle;
mod recognizer;
mod scores;
mod second;
mod stage;
mod tagger;
pub mod train;
mod weights;

pub use error::{Error, Result, REBUILD_COMMAND};
pub use eval::{NerScores, TypeScores};
pub use recognizer::{Found, Recognizer};
pub use stage::NerStage;
