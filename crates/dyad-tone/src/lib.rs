//! Tone and PLOVER contexts.
//!
//! [`ToneStage`] gives every record a document tone ([`dyad_types::Tone`], GDELT's AvgTone
//! and its GKG parts) and every event the tone of its sentence on the same scale
//! ([`tone`]), and the PLOVER contexts of the event ([`contexts`]): those named in its
//! sentence first, then the article's dominant ones.
//!
//! ```
//! use dyad_tone::tone::{ToneLexicon, Word};
//! let lexicon = ToneLexicon::embedded();
//! let words: Vec<Word> = "The talks were a great success".split(' ').map(Word::plain).collect();
//! let tally = lexicon.score_sentence(&words);
//! assert!(tally.tone().tone > 0.0);
//! ```
#![warn(missing_docs)]

pub mod contexts;
mod error;
mod hash;
mod stage;
pub mod tone;

pub use contexts::ContextLexicon;
pub use error::Error;
pub use stage::ToneStage;
pub use tone::ToneLexicon;
