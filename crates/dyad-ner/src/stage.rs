//! [`NerStage`]: the pipeline stage that adds entities to an [`Analysis`].

use dyad_types::{Analysis, Entity, Stage};

use crate::recognizer::Recognizer;

/// Finds the named entities of each sentence of an analysis, using its tokens.
pub struct NerStage {
    recognizer: Recognizer,
    name: String,
}

impl NerStage {
    /// A stage using `recognizer`.
    pub fn new(recognizer: Recognizer) -> NerStage {
        let name = format!("ner@{}", recognizer.model_hash());
        NerStage { recognizer, name }
    }

    /// A stage using the built-in model.
    pub fn embedded() -> crate::Result<NerStage> {
        Ok(NerStage::new(Recognizer::embedded()?))
    }

    /// The recogniser this stage uses.
    pub fn recognizer(&self) -> &Recognizer {
        &self.recognizer
    }
}

impl Stage for NerStage {
    fn name(&self) -> &str {
        &self.name
    }

    fn process(&self, analysis: &mut Analysis) {
        let text = &analysis.doc.text;
        let mut sentence_tokens = Vec::with_capacity(analysis.sentences.len());
        for s in &analysis.sentences {
            let (a, b) = (
                s.first_token.min(analysis.tokens.len()),
                s.last_token.min(analysis.tokens.len()),
            );
            let tokens = &analysis.tokens[a..b.max(a)];
            // Tokens must lie inside the text on character boundaries; skip a sentence if not.
            let valid = tokens
                .iter()
                .all(|t| t.start <= t.end && text.get(t.start..t.end).is_some());
            sentence_tokens.push(if valid { tokens } else { &[][..] });
        }
        let words: Vec<Vec<&str>> = sentence_tokens
            .iter()
            .map(|tokens| tokens.iter().map(|t| &text[t.start..t.end]).collect())
            .collect();
        let refs: Vec<&[&str]> = words.iter().map(Vec::as_slice).collect();
        let found = self.recognizer.recognize_document(&refs);
        let mut entities = Vec::new();
        for (tokens, found) in sentence_tokens.iter().zip(found) {
            for (first, end, kind) in found {
                let (start, stop) = (tokens[first].start, tokens[end - 1].end);
                if let Some(span_text) = text.get(start..stop) {
                    entities.push(Entity {
                        start,
                        end: stop,
                        text: span_text.to_string(),
                        kind,
                        actor: None,
                    });
                }
            }
        }
        analysis.entities.extend(entities);
    }
}
