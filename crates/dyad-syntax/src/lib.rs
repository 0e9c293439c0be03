//! Part-of-speech tagging (UPOS and Penn Treebank XPOS), lemmatisation and labelled
//! dependency parsing (Universal Dependencies relations) in pure Rust.
//!
//! Both models are averaged perceptrons (Collins 2002) over hashed features, trained here from
//! the UD English treebanks: the [`Tagger`] tags greedily left to right and learns its
//! lemmatiser from the treebank; the [`Parser`] is a greedy arc-eager parser trained with a
//! dynamic oracle (Goldberg & Nivre 2012), linear in the sentence length. The committed
//! models in `models/` are compiled in ([`Tagger::embedded`], [`Parser::embedded`]);
//! [`train`] rebuilds them and [`eval`] scores them on a CoNLL-U file.
//!
//! ```no_run
//! use dyad_syntax::{Parser, Tagger};
//! let tagger = Tagger::embedded()?;
//! let parser = Parser::embedded()?;
//! let words = ["Protesters", "attacked", "the", "embassy", "."];
//! let tags = tagger.tag(&words);
//! let upos: Vec<&str> = tags.iter().map(|t| t.upos).collect();
//! let xpos: Vec<&str> = tags.iter().map(|t| t.xpos.as_str()).collect();
//! let tree = parser.parse(&words, &upos, &xpos);
//! assert_eq!(tree[1], (None, "root".to_string()));
//! # Ok::<(), dyad_syntax::Error>(())
//! ```
#![warn(missing_docs)]

mod codec;
pub mod conllu;
mod error;
pub mod eval;
mod hash;
mod lemmatizer;
mod lexical;
mod parser;
mod perceptron;
mod stage;
mod tag_features;
mod tagger;
pub mod train;

pub use codec::{ModelInfo, FORMAT_VERSION};
pub use error::{Error, Result};
pub use parser::{Parser, BEAM_PRUNE, BEAM_TEMPERATURE, BEAM_WIDTH, ROOT_LABEL};
pub use stage::SyntaxStage;
pub use tagger::{TagResult, Tagger, UPOS_TAGS};

/// Transitions used to parse `words` (at most `2n`); for checking linear behaviour.
pub fn transition_count<U: AsRef<str>, X: AsRef<str>>(
    parser: &Parser,
    words: &[&str],
    upos: &[U],
    xpos: &[X],
) -> usize {
    let mut tokens: Vec<parser::features::ParseToken> = words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            parser::features::ParseToken::new(
                w,
                upos.get(i).map_or("", AsRef::as_ref),
                xpos.get(i).map_or("", AsRef::as_ref),
                &parser.clusters,
            )
        })
        .collect();
    parser::features::count_context(&mut tokens);
    parser.run(&tokens).steps
}
