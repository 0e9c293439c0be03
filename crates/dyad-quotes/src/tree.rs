//! A document-wide view of the dependency trees: global token indices, heads and children.
use dyad_types::{Analysis, Token};

/// Dependency trees of all sentences, indexed by global token index.
#[derive(Debug)]
pub(crate) struct Tree<'a> {
    pub(crate) analysis: &'a Analysis,
    /// Sentence index of each token.
    pub(crate) sentence_of: Vec<usize>,
    /// Global index of each token's head.
    pub(crate) head: Vec<Option<usize>>,
    /// Global indices of each token's dependents, in text order.
    pub(crate) children: Vec<Vec<usize>>,
}

impl<'a> Tree<'a> {
    pub(crate) fn new(analysis: &'a Analysis) -> Tree<'a> {
        let n = analysis.tokens.len();
        let mut sentence_of = vec![0; n];
        let mut head = vec![None; n];
        let mut children = vec![Vec::new(); n];
        for (si, s) in analysis.sentences.iter().enumerate() {
            let last = s.last_token.min(n);
            for i in s.first_token..last {
                sentence_of[i] = si;
                let h = analysis.tokens[i].head.map(|h| s.first_token + h);
                if let Some(h) = h.filter(|&h| h < last && h != i) {
                    head[i] = Some(h);
                    children[h].push(i);
                }
            }
        }
        Tree {
            analysis,
            sentence_of,
            head,
            children,
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.analysis.tokens.len()
    }

    pub(crate) fn token(&self, i: usize) -> &'a Token {
        &self.analysis.tokens[i]
    }

    pub(crate) fn text(&self, i: usize) -> &'a str {
        self.analysis
            .doc
            .text
            .get(self.token(i).start..self.token(i).end)
            .unwrap_or("")
    }

    pub(crate) fn lemma(&self, i: usize) -> String {
        let t = self.token(i);
        if t.lemma.is_empty() {
            self.text(i).to_lowercase()
        } else {
            t.lemma.to_lowercase()
        }
    }

    pub(crate) fn deprel(&self, i: usize) -> &'a str {
        &self.token(i).deprel
    }

    /// The relation without its subtype (`nsubj` for `nsubj:pass`).
    pub(crate) fn base_rel(&self, i: usize) -> &'a str {
        let d = self.deprel(i);
        d.split(':').next().unwrap_or(d)
    }

    pub(crate) fn upos(&self, i: usize) -> &'a str {
        &self.token(i).upos
    }

    /// First and one-past-last global token index of the sentence of `i`.
    pub(crate) fn sentence_bounds(&self, i: usize) -> (usize, usize) {
        let s = &self.analysis.sentences[self.sentence_of[i]];
        (s.first_token, s.last_token.min(self.len()))
    }

    /// Children of `i` with relation (base or full) `rel`.
    pub(crate) fn children_with<'s>(
        &'s self,
        i: usize,
        rels: &'s [&'s str],
    ) -> impl Iterator<Item = usize> + 's {
        self.children[i]
            .iter()
            .copied()
            .filter(move |&c| rels.contains(&self.deprel(c)) || rels.contains(&self.base_rel(c)))
    }

    /// All tokens of the subtree of `i` (including `i`), sorted.
    pub(crate) fn subtree(&self, i: usize) -> Vec<usize> {
        let mut out = vec![i];
        let mut stack = vec![i];
        while let Some(t) = stack.pop() {
            for &c in &self.children[t] {
                out.push(c);
                stack.push(c);
            }
        }
        out.sort_unstable();
        out
    }

    /// The first token starting at or after byte `offset` (tokens are in text order).
    pub(crate) fn first_from(&self, offset: usize) -> Option<usize> {
        let i = self.analysis.tokens.partition_point(|t| t.start < offset);
        (i < self.len()).then_some(i)
    }

    /// The last token ending at or before byte `offset`.
    pub(crate) fn last_until(&self, offset: usize) -> Option<usize> {
        self.analysis
            .tokens
            .partition_point(|t| t.end <= offset)
            .checked_sub(1)
    }

    /// The tokens lying wholly within bytes `start..end`, in order.
    pub(crate) fn tokens_within(&self, start: usize, end: usize) -> std::ops::Range<usize> {
        let first = self.analysis.tokens.partition_point(|t| t.start < start);
        let stop = self.analysis.tokens.partition_point(|t| t.end <= end);
        first..stop.max(first)
    }

    /// Whether a token is punctuation (by tag or by text).
    pub(crate) fn is_punct(&self, i: usize) -> bool {
        self.upos(i) == "PUNCT" || self.text(i).chars().all(|c| !c.is_alphanumeric())
    }
}
