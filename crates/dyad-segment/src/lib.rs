//! The sentence splitter and tokeniser of dyad.
//!
//! [`Segmenter`] splits a text into UD-style tokens (English EWT/GUM conventions) and
//! sentences, all with byte offsets into the text. Tokenisation is rule-based with word lists
//! learned from the UD training data ([`Lexicon`]); sentence boundaries are decided by an
//! averaged perceptron ([`BoundaryModel`]) at every space between tokens, and a line break
//! always ends a sentence. [`eval`] scores both against UD CoNLL-U files.
//!
//! ```
//! use dyad_segment::Segmenter;
//! let text = "Sen. Rand Paul (R-Ky.) didn't agree. He left.";
//! let (sentences, tokens) = Segmenter::new().segment(text);
//! let words: Vec<&str> = tokens.iter().map(|t| t.text(text)).collect();
//! assert_eq!(&words[..6], ["Sen.", "Rand", "Paul", "(", "R", "-"]);
//! assert!(words.contains(&"n't"));
//! assert_eq!(sentences.len(), 2);
//! assert_eq!(&text[sentences[1].start..sentences[1].end], "He left.");
//! ```
#![warn(missing_docs)]

pub mod boundary;
pub mod case_profile;
pub mod conllu;
mod error;
pub mod eval;
mod lexicon;
mod segmenter;
mod tokenizer;
mod word_classes;

pub use boundary::BoundaryModel;
pub use case_profile::CaseProfile;
pub use error::{Error, Result};
pub use lexicon::Lexicon;
pub use segmenter::Segmenter;
pub use tokenizer::tokenize;
pub use word_classes::{WordClass, WordClasses};
