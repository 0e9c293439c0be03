//! Shared types of the dyad pipeline.
//!
//! Every stage reads and extends one [`Analysis`]: the [`Document`] being analysed plus the
//! sentences, tokens, entities, timexes, quotes and events found in it. All offsets are byte
//! offsets into [`Document::text`], the cleaned text the engine analysed, so that
//! `&doc.text[span.start..span.end] == span.text` holds for every span in a record.
//!
//! ```
//! use dyad_types::{Analysis, Document, Span};
//! let doc = Document::from_text("Trump met Maduro.");
//! let analysis = Analysis::new(doc);
//! let span = Span::new(0, 5);
//! assert_eq!(span.slice(&analysis.doc.text), "Trump");
//! ```
#![warn(missing_docs)]

mod actor;
mod analysis;
mod document;
mod event;
mod prefetch;
mod span;
mod stage;
mod token;

pub use actor::{Actor, ELITES, RELIGIONS};
pub use analysis::{Analysis, Entity, EntityType, Quote, QuoteKind, Timex, TimexType, Tone};
pub use document::Document;
pub use event::{
    Attribution, AttributionKind, DateBasis, DatePrecision, Event, EventDate, GeoPrecision,
    Location, Mode, PloverCoding, Trigger,
};
pub use prefetch::prefetch;
pub use span::{Sentence, Span};
pub use stage::Stage;
pub use token::Token;

/// A short stable hexadecimal hash of some text (first 16 hex digits of BLAKE3).
pub fn content_hash(text: &str) -> String {
    let hash = blake3::hash(text.as_bytes());
    hash.to_hex()[..16].to_string()
}
