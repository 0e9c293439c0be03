//! Small questions about a dependency parse: does a word have a dependent of a relation,
//! with a given lemma; is a verb passive; which conjunct opens a list.

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

/// Whether the verb at `verb` is passive: it has a passive auxiliary or subject ("was
/// asked", "were later ordered back").
pub(crate) fn passive(tokens: &[dyad_types::Token], verb: usize) -> bool {
    tokens
        .iter()
        .any(|t| t.head == Some(verb) && matches!(t.deprel.as_str(), "aux:pass" | "nsubj:pass"))
}

/// The first conjunct of the list word `i` is a later conjunct of, climbing at most three
/// links ("free or charge the men": "free"); `i` itself when it is none.
pub(crate) fn first_conjunct(tokens: &[dyad_types::Token], i: usize) -> usize {
    let mut i = i;
    for _ in 0..3 {
        match tokens.get(i).and_then(|t| t.head) {
            Some(h) if tokens[i].deprel == "conj" && h < i => i = h,
            _ => break,
        }
    }
    i
}

/// The word on the way up from word `i` whose head is `ancestor`: the branch of `ancestor`
/// that `i` lies in, `None` when `i` does not descend from it (or is it).
pub(crate) fn branch_under(
    tokens: &[dyad_types::Token],
    i: usize,
    ancestor: usize,
) -> Option<usize> {
    let mut at = i;
    for _ in 0..tokens.len() {
        match tokens[at].head {
            Some(h) if h == ancestor => return Some(at),
            Some(h) if h != at => at = h,
            _ => return None,
        }
    }
    None
}
