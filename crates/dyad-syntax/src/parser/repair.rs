//! Repairs of parses the model gets wrong in a way the tree itself shows.

/// The subject of a sentence opened by a prepositional phrase, taken by the model for an
/// apposition of that phrase's noun ("During his speech Mr Brown told MPs …", "On Monday the
/// Pakistani president met …"): a finite root verb with no subject, right after a phrase in
/// apposition to an oblique noun before it, with no punctuation between the two, gets that
/// phrase as its subject.
pub(crate) fn subject_taken_for_apposition<U: AsRef<str>, X: AsRef<str>>(
    tree: &mut [(Option<usize>, String)],
    upos: &[U],
    xpos: &[X],
) {
    let upos_at = |i: usize| upos.get(i).map(AsRef::as_ref);
    let Some(root) = tree.iter().position(|(h, _)| h.is_none()) else {
        return;
    };
    let finite = matches!(
        xpos.get(root).map(AsRef::as_ref),
        Some("VBD" | "VBZ" | "VBP")
    );
    if upos_at(root) != Some("VERB") || !finite || root == 0 {
        return;
    }
    if has_subject(tree, root) {
        return;
    }
    // The phrase ending right before the root, in apposition: its head and first word.
    let Some((apposed, start)) = (0..root).find_map(|a| {
        let (first, end) = (tree[a].1 == "appos").then(|| subtree_span(tree, a))?;
        (end == root).then_some((a, first))
    }) else {
        return;
    };
    // In apposition to an oblique of the root before it, with no punctuation between.
    let Some(noun) = tree[apposed].0 else {
        return;
    };
    let oblique = tree[noun].0 == Some(root) && tree[noun].1 == "obl";
    let unbroken = (noun + 1..=start).all(|i| upos_at(i) != Some("PUNCT"));
    if oblique && noun < start && unbroken {
        tree[apposed] = (Some(root), "nsubj".to_string());
    }
}

/// The subject of a second clause, taken by the model for a conjunct of a noun in the first
/// ("Labour MPs have warned against disunity and Tory leader Michael Howard may well take up
/// the theme"): a verb complement with a modal and no subject, right after a noun conjunct
/// that hangs from a dependent of the complement's own head, gets that conjunct as its
/// subject, and becomes a conjunct of the head with the conjunction.
pub(crate) fn subject_taken_for_conjunct<X: AsRef<str>>(
    tree: &mut [(Option<usize>, String)],
    xpos: &[X],
) {
    for verb in 0..tree.len() {
        if let Some((head, conjunct, cc)) = conjunct_before_subjectless_clause(tree, xpos, verb) {
            tree[conjunct] = (Some(verb), "nsubj".to_string());
            tree[cc] = (Some(verb), "cc".to_string());
            tree[verb] = (Some(head), "conj".to_string());
        }
    }
}

/// For a modal verb complement `verb` with no subject: its head, the noun conjunct ending
/// right before it whose first conjunct hangs from that head, and the conjunct's
/// conjunction.
fn conjunct_before_subjectless_clause<X: AsRef<str>>(
    tree: &[(Option<usize>, String)],
    xpos: &[X],
    verb: usize,
) -> Option<(usize, usize, usize)> {
    let xpos_at = |i: usize| xpos.get(i).map(AsRef::as_ref);
    let head = tree[verb].0.filter(|_| tree[verb].1 == "ccomp")?;
    let children = |of: usize| (0..tree.len()).filter(move |&c| tree[c].0 == Some(of));
    let modal = children(verb).any(|c| tree[c].1 == "aux" && xpos_at(c) == Some("MD"));
    if !modal || has_subject(tree, verb) {
        return None;
    }
    let (start, _) = subtree_span(tree, verb);
    let conjunct = (0..start).find(|&n| {
        tree[n].1 == "conj"
            && subtree_span(tree, n).1 == start
            && tree[n].0.is_some_and(|first| tree[first].0 == Some(head))
            && xpos_at(n).is_some_and(|x| x.starts_with("NN"))
    })?;
    let cc = children(conjunct).find(|&c| tree[c].1 == "cc" && c < conjunct)?;
    Some((head, conjunct, cc))
}

/// Verbs (by the start of their forms) that take an object and an infinitive the object
/// does: "prompting unions to threaten", "urged ministers to act".
const OBJECT_CONTROL: &[&str] = &[
    "prompt", "urg", "forc", "persuad", "encourag", "compel", "invit", "allow", "enabl",
];

/// The infinitive of an object-control verb, taken by the model for a purpose clause of a
/// participle modifying the object ("prompting unions representing 4.5m workers to threaten
/// united action"): an infinitive in an adverbial clause of a participle that modifies the
/// object of such a verb, which has no clausal complement of its own, becomes that verb's
/// complement (`xcomp`), so the object is the one who does it.
pub(crate) fn infinitive_taken_for_modifiers<W: AsRef<str>, X: AsRef<str>>(
    tree: &mut [(Option<usize>, String)],
    words: &[W],
    xpos: &[X],
) {
    let xpos_at = |i: usize| xpos.get(i).map(AsRef::as_ref);
    let word_at = |i: usize| words.get(i).map(|w| w.as_ref().to_lowercase());
    for infinitive in 0..tree.len() {
        if tree[infinitive].1 != "advcl" || xpos_at(infinitive) != Some("VB") {
            continue;
        }
        let marked = (0..tree.len()).any(|c| {
            tree[c].0 == Some(infinitive)
                && tree[c].1 == "mark"
                && word_at(c).as_deref() == Some("to")
        });
        let Some(participle) = tree[infinitive].0 else {
            continue;
        };
        if !marked
            || tree[participle].1 != "acl"
            || !matches!(xpos_at(participle), Some("VBG" | "VBN"))
        {
            continue;
        }
        let Some(object) = tree[participle].0.filter(|&o| tree[o].1 == "obj") else {
            continue;
        };
        let Some(verb) = tree[object].0 else { continue };
        let controls =
            word_at(verb).is_some_and(|w| OBJECT_CONTROL.iter().any(|stem| w.starts_with(stem)));
        let complemented = (0..tree.len())
            .any(|c| tree[c].0 == Some(verb) && matches!(tree[c].1.as_str(), "xcomp" | "ccomp"));
        if controls && !complemented {
            tree[infinitive] = (Some(verb), "xcomp".to_string());
        }
    }
}

/// Whether word `verb` has a subject: nominal, clausal or expletive.
fn has_subject(tree: &[(Option<usize>, String)], verb: usize) -> bool {
    tree.iter().any(|(h, rel)| {
        *h == Some(verb) && (rel.starts_with("nsubj") || rel.starts_with("csubj") || rel == "expl")
    })
}

/// The span (first word, one past the last) of the subtree of word `i`.
fn subtree_span(tree: &[(Option<usize>, String)], i: usize) -> (usize, usize) {
    let inside = |mut j: usize| {
        for _ in 0..tree.len() {
            if j == i {
                return true;
            }
            match tree[j].0 {
                Some(h) => j = h,
                None => return false,
            }
        }
        false
    };
    let first = (0..=i).find(|&j| inside(j)).unwrap_or(i);
    let last = (i..tree.len()).rev().find(|&j| inside(j)).unwrap_or(i);
    (first, last + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(arcs: &[(Option<usize>, &str)]) -> Vec<(Option<usize>, String)> {
        arcs.iter().map(|&(h, r)| (h, r.to_string())).collect()
    }

    #[test]
    fn a_phrase_apposed_to_an_opening_oblique_becomes_the_subject_of_a_subjectless_root() {
        // On Monday the president met Blair
        let mut parsed = tree(&[
            (Some(1), "case"),
            (Some(4), "obl"),
            (Some(3), "det"),
            (Some(1), "appos"),
            (None, "root"),
            (Some(4), "obj"),
        ]);
        let upos = ["ADP", "PROPN", "DET", "NOUN", "VERB", "PROPN"];
        let xpos = ["IN", "NNP", "DT", "NN", "VBD", "NNP"];
        subject_taken_for_apposition(&mut parsed, &upos, &xpos);
        assert_eq!(parsed[3], (Some(4), "nsubj".to_string()));
    }

    #[test]
    fn a_noun_conjunct_before_a_subjectless_modal_clause_becomes_its_subject() {
        // MPs warned against disunity and Howard may take it
        let arcs = [
            (Some(1), "nsubj"),
            (None, "root"),
            (Some(3), "case"),
            (Some(1), "obl"),
            (Some(5), "cc"),
            (Some(3), "conj"),
            (Some(7), "aux"),
            (Some(1), "ccomp"),
            (Some(7), "obj"),
        ];
        let xpos = ["NNS", "VBD", "IN", "NN", "CC", "NNP", "MD", "VB", "PRP"];
        let mut parsed = tree(&arcs);
        subject_taken_for_conjunct(&mut parsed, &xpos);
        assert_eq!(parsed[5], (Some(7), "nsubj".to_string()));
        assert_eq!(parsed[4], (Some(7), "cc".to_string()));
        assert_eq!(parsed[7], (Some(1), "conj".to_string()));
        // No modal ("… and Howard took it" as a complement): left alone.
        let mut no_modal = tree(&arcs);
        no_modal[6] = (Some(7), "advmod".to_string());
        let before = no_modal.clone();
        subject_taken_for_conjunct(
            &mut no_modal,
            &["NNS", "VBD", "IN", "NN", "CC", "NNP", "RB", "VBD", "PRP"],
        );
        assert_eq!(no_modal, before);
    }

    #[test]
    fn an_object_controlled_infinitive_under_the_objects_participle_moves_to_the_verb() {
        // it prompted unions representing workers to threaten action
        let arcs = [
            (Some(1), "nsubj"),
            (None, "root"),
            (Some(1), "obj"),
            (Some(2), "acl"),
            (Some(3), "obj"),
            (Some(6), "mark"),
            (Some(3), "advcl"),
            (Some(6), "obj"),
        ];
        let words = [
            "it",
            "prompted",
            "unions",
            "representing",
            "workers",
            "to",
            "threaten",
            "action",
        ];
        let xpos = ["PRP", "VBD", "NNS", "VBG", "NNS", "TO", "VB", "NN"];
        let mut parsed = tree(&arcs);
        infinitive_taken_for_modifiers(&mut parsed, &words, &xpos);
        assert_eq!(parsed[6], (Some(1), "xcomp".to_string()));
        // A verb that makes no one act ("it hired unions representing workers to …"): a
        // purpose clause, left alone.
        let mut hired = tree(&arcs);
        let mut other = words;
        other[1] = "hired";
        infinitive_taken_for_modifiers(&mut hired, &other, &xpos);
        assert_eq!(hired, tree(&arcs));
    }

    #[test]
    fn an_apposition_set_off_by_a_comma_or_a_root_with_a_subject_is_left_alone() {
        // On Monday, the holiday, he met Blair
        let mut with_comma = tree(&[
            (Some(1), "case"),
            (Some(7), "obl"),
            (Some(4), "punct"),
            (Some(4), "det"),
            (Some(1), "appos"),
            (Some(4), "punct"),
            (Some(7), "nsubj"),
            (None, "root"),
            (Some(7), "obj"),
        ]);
        let before = with_comma.clone();
        let upos = [
            "ADP", "PROPN", "PUNCT", "DET", "NOUN", "PUNCT", "PRON", "VERB", "PROPN",
        ];
        let xpos = ["IN", "NNP", ",", "DT", "NN", ",", "PRP", "VBD", "NNP"];
        subject_taken_for_apposition(&mut with_comma, &upos, &xpos);
        assert_eq!(with_comma, before);
        // On Monday the holiday began, no subject but a comma before the apposition
        let mut comma_only = tree(&[
            (Some(1), "case"),
            (Some(5), "obl"),
            (Some(4), "punct"),
            (Some(4), "det"),
            (Some(1), "appos"),
            (None, "root"),
        ]);
        let before = comma_only.clone();
        let upos = ["ADP", "PROPN", "PUNCT", "DET", "NOUN", "VERB"];
        let xpos = ["IN", "NNP", ",", "DT", "NN", "VBD"];
        subject_taken_for_apposition(&mut comma_only, &upos, &xpos);
        assert_eq!(comma_only, before);
    }
}
