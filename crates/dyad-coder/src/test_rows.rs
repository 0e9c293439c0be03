//! Test helper: hand-written parsed sentences.

use dyad_types::Token;

/// Tokens from rows of (word, UPOS, XPOS, lemma, 1-based head, relation), the words joined by
/// single spaces.
pub(crate) fn tokens_from_rows(rows: &[(&str, &str, &str, &str, usize, &str)]) -> Vec<Token> {
    let mut at = 0;
    let mut tokens = Vec::with_capacity(rows.len());
    for &(w, upos, xpos, lemma, head, rel) in rows {
        let mut t = Token::new(at, at + w.len());
        t.upos = upos.into();
        t.xpos = xpos.into();
        t.lemma = lemma.into();
        t.head = head.checked_sub(1);
        t.deprel = rel.into();
        tokens.push(t);
        at += w.len() + 1;
    }
    tokens
}

/// Rows as [`tokens_from_rows`] reads them, and their words.
pub(crate) fn parsed(rows: &[(&str, &str, &str, &str, usize, &str)]) -> (Vec<String>, Vec<Token>) {
    let words = rows.iter().map(|r| r.0.to_string()).collect();
    (words, tokens_from_rows(rows))
}
