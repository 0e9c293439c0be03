//! The pipeline stage filling tags, lemmas and dependencies into an analysis.
use dyad_types::{Analysis, Stage};

use crate::error::Result;
use crate::{Parser, Tagger};

/// Tags, lemmatises and parses every sentence of an [`Analysis`].
#[derive(Debug, Clone)]
pub struct SyntaxStage {
    tagger: Tagger,
    parser: Parser,
    name: String,
}

impl SyntaxStage {
    /// A stage from loaded models.
    pub fn new(tagger: Tagger, parser: Parser) -> Self {
        let name = format!(
            "syntax@1+tagger:{}+parser:{}",
            tagger.info().hash,
            parser.info().hash
        );
        SyntaxStage {
            tagger,
            parser,
            name,
        }
    }

    /// A stage with the models compiled into the binary.
    pub fn embedded() -> Result<Self> {
        Ok(Self::new(Tagger::embedded()?, Parser::embedded()?))
    }

    /// The tagger.
    pub fn tagger(&self) -> &Tagger {
        &self.tagger
    }

    /// The parser.
    pub fn parser(&self) -> &Parser {
        &self.parser
    }
}

impl Stage for SyntaxStage {
    fn name(&self) -> &str {
        &self.name
    }

    fn process(&self, analysis: &mut Analysis) {
        let text = &analysis.doc.text;
        for sentence in &analysis.sentences {
            let (first, last) = (
                sentence.first_token,
                sentence.last_token.min(analysis.tokens.len()),
            );
            if first >= last {
                continue;
            }
            let tokens = &mut analysis.tokens[first..last];
            let words: Vec<&str> = tokens
                .iter()
                .map(|t| text.get(t.start..t.end).unwrap_or(""))
                .collect();
            let tags = self.tagger.tag(&words);
            let upos: Vec<&str> = tags.iter().map(|t| t.upos).collect();
            let xpos: Vec<&str> = tags.iter().map(|t| t.xpos.as_str()).collect();
            let tree = self.parser.parse(&words, &upos, &xpos);
            for ((token, tag), (head, deprel)) in tokens.iter_mut().zip(tags).zip(tree) {
                token.upos = tag.upos.to_string();
                token.xpos = tag.xpos;
                token.lemma = tag.lemma;
                token.head = head;
                token.deprel = deprel;
            }
        }
    }
}
