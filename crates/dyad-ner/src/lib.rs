//! Named-entity recognition for dyad: a pure-Rust greedy averaged-perceptron tagger.
//!
//! The [`Recognizer`] tags tokens with BILOU labels over CoNLL's four classes, using word,
//! affix, shape, capitalisation, context-window, Brown-cluster, gazetteer and
//! document-history features (after Ratinov & Roth 2009), hashed into a compact quantised
//! weight table. Locations in the GeoNames gazetteer come out as GPE, nationalities and
//! religious or political groups as NORP. [`NerStage`] runs it over an
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
mod recognizer;
mod scores;
mod stage;
mod tagger;
pub mod train;
mod weights;

pub use error::{Error, Result, REBUILD_COMMAND};
pub use eval::{NerScores, TypeScores};
pub use recognizer::{Found, Recognizer};
pub use stage::NerStage;
