//! Noun phrases of speakers and sources: their token extent and their fullest name.
use crate::tree::Tree;

/// Dependents that belong to a speaker's mention ("the Journal's editors", "White House Press
/// Secretary Karoline Leavitt", "the head of NATO"); relative clauses, appositions and
/// participial modifiers stay out.
const KEEP: &[&str] = &[
    "det", "amod", "compound", "flat", "case", "nummod", "nmod", "conj", "cc", "fixed", "goeswith",
];

/// The token range `(first, one past last)` of the mention headed by `head`.
pub(crate) fn mention(tree: &Tree, head: usize) -> (usize, usize) {
    let mut keep = vec![head];
    let mut stack = vec![head];
    while let Some(t) = stack.pop() {
        for &c in &tree.children[t] {
            let rel = tree.base_rel(c);
            let own_case = t == head && matches!(rel, "case" | "fixed") && c < head;
            // "professor Marc Lamont Hill": an apposition with no comma between.
            let tight_appos = rel == "appos" && (t.min(c) + 1..t.max(c)).all(|k| !tree.is_punct(k));
            if (KEEP.contains(&rel) && !own_case)
                || tight_appos
                || (t != head && rel == "punct" && tree.text(c) == "-")
            {
                keep.push(c);
                stack.push(c);
            }
        }
    }
    keep.sort_unstable();
    // Keep the contiguous run around the head.
    let pos = keep.iter().position(|&t| t == head).unwrap_or(0);
    let mut first = pos;
    while first > 0 && keep[first - 1] + 1 == keep[first] {
        first -= 1;
    }
    let mut last = pos;
    while last + 1 < keep.len() && keep[last + 1] == keep[last] + 1 {
        last += 1;
    }
    (keep[first], keep[last] + 1)
}

/// The text of tokens `first..end`.
pub(crate) fn span_text(tree: &Tree, first: usize, end: usize) -> (usize, usize, String) {
    let start = tree.token(first).start;
    let stop = tree.token(end - 1).end;
    (start, stop, tree.analysis.doc.text[start..stop].to_string())
}

/// The fullest name of a source mention: "the Herald" becomes "Miami Herald" when the
/// document named it so before; otherwise the mention without its leading article.
pub(crate) fn source_name(tree: &Tree, head: usize) -> String {
    let (first, end) = mention(tree, head);
    let mut from = first;
    while from < end
        && (matches!(tree.lemma(from).as_str(), "the" | "a" | "an")
            || matches!(tree.base_rel(from), "case" | "fixed"))
    {
        from += 1;
    }
    if from >= end {
        return tree.text(head).to_string();
    }
    let (_, _, text) = span_text(tree, from, end);
    if tree.upos(head) == "PROPN" && end - from == 1 {
        let word = tree.text(head);
        // The longest earlier run of proper nouns ending in the same word.
        let mut best: Option<(usize, usize)> = None;
        for i in 0..first {
            if tree.text(i) != word || tree.upos(i) != "PROPN" {
                continue;
            }
            let mut s = i;
            while s > 0
                && tree.upos(s - 1) == "PROPN"
                && tree.sentence_of[s - 1] == tree.sentence_of[i]
            {
                s -= 1;
            }
            if i + 1 - s > best.map_or(1, |(a, b)| b - a) {
                best = Some((s, i + 1));
            }
        }
        if let Some((s, e)) = best {
            return span_text(tree, s, e).2;
        }
    }
    text
}
