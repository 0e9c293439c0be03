//! The dyad event coder: who did what to whom, coded in CAMEO and PLOVER.
//!
//! [`EventCoder`] reads a segmented (and, when available, tagged and parsed) [`Analysis`]
//! and appends [`Event`]s:
//! 1. [`Lexicon`] rows (`data/verbs.tsv`, extendable at run time) match trigger lemmas plus a
//!    cue in the clause ("tell … leave" → 1041, "close … airspace" → 191);
//! 2. actor mentions come from [`dyad_actors::ActorResolver`]; the trigger's subject (or
//!    passive agent, or possessor) becomes the source and its object the target, read off
//!    the dependency parse when there is one, else off the clause;
//! 3. each event gets its Goldstein value, quad class and PLOVER type from the codebook, its
//!    date from the governing time expression, its mode and its chain of sources.
//!
//! [`Analysis`]: dyad_types::Analysis
//! [`Event`]: dyad_types::Event
//!
//! ```
//! use dyad_coder::EventCoder;
//! use dyad_types::{Analysis, Document, Sentence, Token};
//!
//! let text = "Venezuela closed its airspace.";
//! let mut analysis = Analysis::new(Document::from_text(text));
//! let bounds = [(0, 9), (10, 16), (17, 20), (21, 29), (29, 30)];
//! analysis.tokens = bounds.iter().map(|&(s, e)| Token::new(s, e)).collect();
//! analysis.sentences = vec![Sentence { start: 0, end: 30, first_token: 0, last_token: 5 }];
//! EventCoder::new().code(&mut analysis);
//! assert_eq!(analysis.events[0].cameo, "191");
//! assert_eq!(analysis.events[0].source.code.as_deref(), Some("VEN"));
//! ```
#![warn(missing_docs)]

mod clause;
mod coder;
mod cues;
mod dating;
mod error;
pub mod factuality;
mod intent;
mod lemma;
mod lexicon;
pub mod modality;
mod mode;
mod no_deed;
mod opinion;
mod participants;
mod sectors;
mod solicit;
mod tenure;
#[cfg(test)]
mod test_rows;
mod tree;

pub use coder::EventCoder;
pub use error::{Error, Result};
pub use lexicon::{Cue, Lexicon, Rule, TriggerKind};
