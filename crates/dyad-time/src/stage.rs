//! The pipeline stage: fills `analysis.timexes`.

use dyad_types::{Analysis, Stage};

use crate::tagger::TimexTagger;
use crate::timeml::parse_dct;

/// Finds the time expressions of a document, anchored on its publication date
/// (`doc.published`, `YYYY-MM-DD…`); without one, values stay relative.
#[derive(Debug, Clone, Default)]
pub struct TimeStage {
    tagger: TimexTagger,
}

impl TimeStage {
    /// The stage with the embedded rules.
    pub fn new() -> TimeStage {
        TimeStage {
            tagger: TimexTagger::new(),
        }
    }

    /// The stage around a given tagger.
    pub fn with_tagger(tagger: TimexTagger) -> TimeStage {
        TimeStage { tagger }
    }
}

impl Stage for TimeStage {
    fn name(&self) -> &str {
        "time@1"
    }

    fn process(&self, analysis: &mut Analysis) {
        let dct = analysis
            .doc
            .published
            .as_deref()
            .and_then(|p| parse_dct(p).ok());
        let found = self.tagger.tag(&analysis.doc.text, dct);
        analysis.timexes.extend(found);
    }
}
