//! The pipeline stage.
use dyad_types::{Analysis, Stage};

use crate::cues::CueLexicon;
use crate::finder::{find_with, FoundQuote};

/// Fills [`Analysis::quotes`] from the tokens, tags and dependencies of earlier stages.
#[derive(Debug, Clone)]
pub struct QuoteStage {
    lexicon: CueLexicon,
}

impl QuoteStage {
    /// A stage with the embedded cue lexicon.
    pub fn new() -> QuoteStage {
        QuoteStage {
            lexicon: CueLexicon::embedded(),
        }
    }

    /// A stage with another cue lexicon.
    pub fn with_lexicon(lexicon: CueLexicon) -> QuoteStage {
        QuoteStage { lexicon }
    }

    /// The quotes of `analysis` with their cue and speaker tokens.
    pub fn find_detailed(&self, analysis: &Analysis) -> Vec<FoundQuote> {
        find_with(analysis, &self.lexicon)
    }
}

impl Default for QuoteStage {
    fn default() -> Self {
        Self::new()
    }
}

impl Stage for QuoteStage {
    fn name(&self) -> &str {
        "quotes@1"
    }

    fn process(&self, analysis: &mut Analysis) {
        let found = self.find_detailed(analysis);
        analysis.quotes.extend(found.into_iter().map(|f| f.quote));
    }
}
