//! The tone stage: document tone, and each event's tone and contexts.

use dyad_types::{Analysis, Stage};

use crate::contexts::{self, ContextHits, ContextLexicon};
use crate::tone::{Tally, ToneLexicon, Word};

/// Adds the document tone to the analysis and, to every event, the tone of its sentence
/// and its PLOVER contexts. Runs after the coder (it needs the events) and uses the tags
/// and lemmas of the syntax stage when present.
#[derive(Debug, Clone, Copy)]
pub struct ToneStage {
    tone: &'static ToneLexicon,
    contexts: &'static ContextLexicon,
}

impl Default for ToneStage {
    fn default() -> Self {
        ToneStage::new()
    }
}

impl ToneStage {
    /// The stage with the embedded lexicons.
    pub fn new() -> ToneStage {
        ToneStage {
            tone: ToneLexicon::embedded(),
            contexts: ContextLexicon::embedded(),
        }
    }
}

impl Stage for ToneStage {
    fn name(&self) -> &str {
        "tone@1"
    }

    fn process(&self, analysis: &mut Analysis) {
        let text = &analysis.doc.text;
        let mut document = Tally::default();
        let mut sentence_tones = Vec::with_capacity(analysis.sentences.len());
        let mut sentence_contexts = Vec::with_capacity(analysis.sentences.len());
        let mut article = ContextHits::default();
        for sentence in &analysis.sentences {
            let tokens = analysis
                .tokens
                .get(sentence.first_token..sentence.last_token)
                .unwrap_or(&[]);
            let words: Vec<Word<'_>> = tokens
                .iter()
                .map(|t| Word {
                    text: t.text(text),
                    lemma: &t.lemma,
                    upos: &t.upos,
                })
                .collect();
            let tally = self.tone.score_sentence(&words);
            document.add(tally);
            sentence_tones.push(tally.tone().tone);
            let pairs: Vec<(&str, &str)> = words.iter().map(|w| (w.text, w.lemma)).collect();
            let hits = self.contexts.hits(&pairs);
            article.add(&hits);
            sentence_contexts.push(hits);
        }
        analysis.tone = Some(document.tone());
        // The article's dominant contexts once, not for every event.
        let dominant = article.dominant();
        let empty = ContextHits::default();
        for event in &mut analysis.events {
            event.tone = sentence_tones.get(event.sentence).copied();
            let sentence = sentence_contexts.get(event.sentence).unwrap_or(&empty);
            event.contexts = contexts::contexts_with_dominant(sentence, &dominant);
        }
    }
}
