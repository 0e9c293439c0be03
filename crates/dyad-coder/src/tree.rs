//! Small questions about a dependency parse: does a word have a dependent of a relation,
//! with a given lemma.

/// Whether word `head` has a dependent of relation `deprel`, with the lemma `lemma` when one
/// is given (any case).
pub(crate) fn has_dependent(
    tokens: &[dyad_types::Token],
    head: usize,
    deprel: &str,
    lemma: Option<&str>,
) -> bool {
    tokens.iter().any(|t| {
        t.head == Some(head)
            && t.deprel == deprel
            && lemma.is_none_or(|l| t.lemma.eq_ignore_ascii_case(l))
    })
}

/// Whether the token at `head` has a dependent `deprel` whose lemma is one of `lemmas`.
pub(crate) fn has_dependent_among(
    tokens: &[dyad_types::Token],
    head: usize,
    deprel: &str,
    lemmas: &[&str],
) -> bool {
    tokens.iter().any(|t| {
        t.head == Some(head)
            && t.deprel == deprel
            && lemmas.iter().any(|l| t.lemma.eq_ignore_ascii_case(l))
    })
}

/// Whether `token`'s lemma is one of `words`.
pub(crate) fn lemma_among(token: &dyad_types::Token, words: &[&str]) -> bool {
    words.iter().any(|w| token.lemma.eq_ignore_ascii_case(w))
}
