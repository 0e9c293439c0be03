//! Quotations and attribution relations of dyad.
//!
//! [`QuoteStage`] runs after segmentation, tagging and parsing and fills
//! [`Analysis::quotes`](dyad_types::Analysis::quotes): direct quotes found by their
//! quotation marks (curly, straight, nested, over several sentences or paragraphs, block
//! quotes after a colon), indirect speech read off the parse ("X said that …", "according to
//! X, …", "X believes …") and mixed quotes (indirect speech with a quoted fragment). Each has
//! its speaker mention (the subject of the cue verb, pronouns kept as written), its cue
//! ("said", "told reporters", "according to") and the sources it passed through (`via`,
//! outermost first). Cue predicates are a data file ([`CueLexicon`]). [`eval`] scores the
//! stage on the GUM Wikinews attribution relations.
//!
//! ```
//! use dyad_types::{Analysis, Document, Stage};
//! let mut analysis = Analysis::new(Document::from_text("“We will win,” the minister said."));
//! let (sentences, tokens) = dyad_segment::Segmenter::new().segment(&analysis.doc.text);
//! analysis.sentences = sentences;
//! analysis.tokens = tokens;
//! dyad_syntax::SyntaxStage::embedded()?.process(&mut analysis);
//! dyad_quotes::QuoteStage::new().process(&mut analysis);
//! let quote = &analysis.quotes[0];
//! assert_eq!(quote.text, "We will win");
//! assert_eq!(quote.speaker.as_ref().map(|s| s.text.as_str()), Some("the minister"));
//! # Ok::<(), dyad_syntax::Error>(())
//! ```
#![warn(missing_docs)]

mod candidates;
mod cues;
mod error;
pub mod eval;
mod finder;
mod marks;
mod phrase;
mod stage;
mod tree;

pub use cues::{CueClass, CueEntry, CueLexicon};
pub use error::{Error, Result};
pub use finder::FoundQuote;
pub use marks::{find_marked_quotes, MarkedQuote};
pub use stage::QuoteStage;

use dyad_types::{Analysis, Quote};

/// The quotes of an analysed document (tokens, tags and dependencies filled), in text order.
pub fn find_quotes(analysis: &Analysis) -> Vec<Quote> {
    find_quotes_detailed(analysis)
        .into_iter()
        .map(|f| f.quote)
        .collect()
}

/// The quotes of an analysed document with their cue and speaker tokens.
pub fn find_quotes_detailed(analysis: &Analysis) -> Vec<FoundQuote> {
    finder::find_with(analysis, &CueLexicon::embedded())
}
