//! Time expressions for dyad: TIMEX3 recognition and normalisation (TimeML types DATE,
//! TIME, DURATION and SET, with TimeML values and `mod`), anchored on the document
//! creation time (DCT), and the TempEval-3 evaluation.
//!
//! The principal types are [`TimexTagger`] (rules compiled once from the embedded data
//! files), [`TimeStage`] (the pipeline stage) and [`eval::TimexScores`].
//!
//! Recognition and normalisation are data-driven, in the spirit of HeidelTime's resources:
//! `data/lexicon.tsv` gives token classes (months, weekdays, units, number words…),
//! `data/rules.txt` patterns over those classes, each naming a normalisation function (Rust,
//! `src/normalize/`), and `data/modifiers.tsv` the phrases that set `mod`
//! ("late", "the end of", "more than"). News conventions: a weekday or a month-and-day without
//! a year resolves by the tense of nearby words (past → the last one before the DCT, future
//! → the next one); without a DCT values stay relative (`XXXX-11-24`).
//!
//! ```
//! use dyad_time::{parse_dct, TimexTagger};
//! let tagger = TimexTagger::new();
//! let dct = parse_dct("2025-12-03").unwrap();
//! let text = "On Monday, he attended a rally; the talks ran for 22 weeks.";
//! let found = tagger.tag(text, Some(dct));
//! assert_eq!(found[0].text, "Monday");
//! assert_eq!(found[0].value, "2025-12-01");
//! assert_eq!(found[1].value, "P22W");
//! assert_eq!(&text[found[1].start..found[1].end], "22 weeks");
//! ```
#![warn(missing_docs)]

mod calendar;
mod context;
mod error;
pub mod eval;
mod found;
mod lexicon;
mod meantime;
mod normalize;
mod rules;
mod stage;
mod tagger;
mod timeml;
mod tokens;

pub use error::{Error, Result};
pub use eval::TimexScores;
pub use stage::TimeStage;
pub use tagger::{Tagged, TimexTagger};
pub use timeml::{parse_dct, read_timeml, to_timeml, GoldTimex};
