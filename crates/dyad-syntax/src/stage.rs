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
    /// The two models hold the same Brown clusters, so the parser takes each word's
    /// cluster from the tagger instead of looking it up again.
    shared_clusters: bool,
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
            shared_clusters: tagger.clusters() == parser.clusters(),
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
            let (tags, clusters) = self.tagger.tag_with_clusters(&words);
            let upos: Vec<&str> = tags.iter().map(|t| t.upos).collect();
            let xpos: Vec<&str> = tags.iter().map(|t| t.xpos.as_str()).collect();
            let clusters = self.shared_clusters.then_some(clusters.as_slice());
            let tree = self
                .parser
                .parse_with_clusters(&words, &upos, &xpos, clusters);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_parser_takes_the_taggers_clusters_and_parses_the_same() {
        let stage = SyntaxStage::embedded().expect("committed models");
        assert!(
            stage.shared_clusters,
            "the committed models share their clusters"
        );
        let words = [
            "Caracas",
            "rejected",
            "the",
            "designation",
            "on",
            "Monday",
            ".",
        ];
        let (tags, clusters) = stage.tagger().tag_with_clusters(&words);
        assert!(
            clusters.iter().any(|&c| c != 0),
            "known words have clusters"
        );
        let upos: Vec<&str> = tags.iter().map(|t| t.upos).collect();
        let xpos: Vec<&str> = tags.iter().map(|t| t.xpos.as_str()).collect();
        let looked_up = stage.parser().parse(&words, &upos, &xpos);
        let given = stage
            .parser()
            .parse_with_clusters(&words, &upos, &xpos, Some(&clusters));
        assert_eq!(given, looked_up);
    }
}
