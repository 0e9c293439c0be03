//! Repairs of parses the model gets wrong in a way the tree itself shows.

use crate::tagger::have_before_adverbial;

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
        let marked = has_child_word(tree, words, infinitive, "mark", "to");
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

/// A contrast with what the subject said or found, taken by the model for a conjunct of the
/// reported clause ("Mr Brown said America needed to act but defended President Bush", "He
/// woke to discover Mr Bush had won but declined to say …"): a past tense or participle with
/// no subject of its own, joined by "but" to a clausal complement that has its own subject,
/// becomes a conjunct of the verb that complement hangs from, when that verb has a subject
/// or is an infinitive whose subject is its head's ("woke to discover").
pub(crate) fn contrast_taken_for_reported_conjunct<W: AsRef<str>, X: AsRef<str>>(
    tree: &mut [(Option<usize>, String)],
    words: &[W],
    xpos: &[X],
) {
    // "woke up to discover": an infinitive whose subject is its head's.
    let infinitive = |tree: &[(Option<usize>, String)], v: usize| {
        xpos.get(v).map(AsRef::as_ref) == Some("VB")
            && matches!(tree[v].1.as_str(), "xcomp" | "advcl")
    };
    for verb in 0..tree.len() {
        if tree[verb].1 != "conj"
            || !matches!(xpos.get(verb).map(AsRef::as_ref), Some("VBD" | "VBN"))
        {
            continue;
        }
        let Some(reported) = tree[verb].0.filter(|&r| r < verb && tree[r].1 == "ccomp") else {
            continue;
        };
        let Some(matrix) = tree[reported].0 else {
            continue;
        };
        if has_child_word(tree, words, verb, "cc", "but")
            && !has_subject(tree, verb)
            && has_subject(tree, reported)
            && (has_subject(tree, matrix) || infinitive(tree, matrix))
        {
            tree[verb].0 = Some(matrix);
        }
    }
}

/// A perfect split by an adverbial, taken by the model for "have" as the main verb and the
/// participle as its complement ("Maduro has, so far, refused to leave", "Tony Blair had in
/// 1997 complained"): a past participle complement (`xcomp` or `ccomp`) of the "have" of
/// such a perfect ([`have_before_adverbial`]), which has no object, becomes the verb, with
/// "have" as its auxiliary and the other dependents of "have" as its own.
pub(crate) fn perfect_taken_for_main_verb<W: AsRef<str>, X: AsRef<str>>(
    tree: &mut [(Option<usize>, String)],
    words: &[W],
    xpos: &[X],
) {
    let xpos_at = |i: usize| xpos.get(i).map_or("", AsRef::as_ref);
    let word_at = |i: usize| words.get(i).map_or("", AsRef::as_ref);
    for participle in 0..tree.len() {
        let Some(have) = tree[participle].0 else {
            continue;
        };
        let complement = matches!(tree[participle].1.as_str(), "xcomp" | "ccomp");
        if !complement
            || xpos_at(participle) != "VBN"
            || have_before_adverbial(word_at, xpos_at, participle) != Some(have)
        {
            continue;
        }
        let object = tree
            .iter()
            .any(|(h, rel)| *h == Some(have) && matches!(rel.as_str(), "obj" | "iobj"));
        if object {
            continue;
        }
        tree[participle] = tree[have].clone();
        tree[have] = (Some(participle), "aux".to_string());
        for (i, arc) in tree.iter_mut().enumerate() {
            if i != have && arc.0 == Some(have) {
                arc.0 = Some(participle);
            }
        }
    }
}

/// Nouns of a span of time, which a "for" phrase before an infinitive measures ("stayed for
/// two weeks to rest"), not names as the infinitive's subject.
const TIME_NOUNS: &[&str] = &[
    "time", "times", "year", "years", "month", "months", "week", "weeks", "day", "days", "hour",
    "hours", "minute", "minutes", "decade", "decades", "while", "moment", "now",
];

/// The subject of a "for … to" infinitive, taken by the model for a modifier of the noun or
/// verb before it ("signed a two year deal for Brighton to host the autumn conference", with
/// "for Brighton" hung from "deal"): a noun right before "to" and an infinitive with no
/// subject of its own, whose phrase opens with "for", becomes the infinitive's subject and
/// "for" its marker, as the treebanks annotate "for him to go". Not a span of time ("for two
/// weeks to rest").
pub(crate) fn subject_taken_for_for_phrase<W: AsRef<str>, X: AsRef<str>>(
    tree: &mut [(Option<usize>, String)],
    words: &[W],
    xpos: &[X],
) {
    let xpos_at = |i: usize| xpos.get(i).map_or("", AsRef::as_ref);
    let word_at = |i: usize| words.get(i).map_or("", AsRef::as_ref);
    for infinitive in 2..tree.len() {
        let to = infinitive - 1;
        let marked = word_at(to).eq_ignore_ascii_case("to")
            && tree[to].0 == Some(infinitive)
            && tree[to].1 == "mark";
        if !marked || xpos_at(infinitive) != "VB" || has_subject(tree, infinitive) {
            continue;
        }
        // The noun whose phrase ends right before "to", opened by "for".
        let Some(noun) = (0..to).find(|&n| {
            matches!(tree[n].1.as_str(), "nmod" | "obl")
                && matches!(xpos_at(n), "NN" | "NNS" | "NNP" | "NNPS" | "PRP")
                && subtree_span(tree, n).1 == to
        }) else {
            continue;
        };
        let (first, _) = subtree_span(tree, noun);
        let opened_by_for = word_at(first).eq_ignore_ascii_case("for")
            && tree[first].0 == Some(noun)
            && tree[first].1 == "case";
        let counted = (first..noun).any(|i| xpos_at(i) == "CD");
        let time = TIME_NOUNS.contains(&word_at(noun).to_lowercase().as_str());
        if !opened_by_for
            || counted
            || time
            || is_below(tree, noun, infinitive)
            || is_below(tree, infinitive, noun)
        {
            continue;
        }
        tree[noun] = (Some(infinitive), "nsubj".to_string());
        tree[first] = (Some(infinitive), "mark".to_string());
    }
}

/// A second subject of one verb, taken by the model for a subject of its own where it is a
/// conjunct of the first ("France and Germany condemned the attack", "Britain, France and
/// Germany urged Iran …", `Germany` hung from the verb as `nsubj`): a subject after another
/// of the same verb, both before it, with a coordinating conjunction right before it that
/// hangs from the verb or from it, becomes a conjunct of the first, the conjunction its own.
pub(crate) fn second_subject_taken_for_own(tree: &mut [(Option<usize>, String)]) {
    for verb in 0..tree.len() {
        let subjects: Vec<usize> = (0..verb)
            .filter(|&i| tree[i].0 == Some(verb) && tree[i].1 == "nsubj")
            .collect();
        let [first, second] = subjects[..] else {
            continue;
        };
        let (_, first_end) = subtree_span(tree, first);
        let (second_start, _) = subtree_span(tree, second);
        // The conjunction: the word right before the second subject's phrase, nothing else
        // between the two phrases but it and commas.
        let Some(cc) = second_start.checked_sub(1) else {
            continue;
        };
        let joined = tree[cc].1 == "cc"
            && matches!(tree[cc].0, Some(h) if h == verb || h == second)
            && first_end <= cc
            && (first_end..cc).all(|i| tree[i].1 == "punct");
        if joined {
            tree[second] = (Some(first), "conj".to_string());
            tree[cc] = (Some(second), "cc".to_string());
        }
    }
}

/// Past forms of verbs that news uses with an object or in the passive, never bare ("killed",
/// "arrested", "jailed"): a headline's "Soldiers killed in clash" is a passive with its
/// auxiliary left out, not soldiers killing.
const HEADLINE_PASSIVES: &[&str] = &[
    "killed",
    "slain",
    "murdered",
    "assassinated",
    "massacred",
    "executed",
    "injured",
    "wounded",
    "hurt",
    "arrested",
    "detained",
    "captured",
    "abducted",
    "kidnapped",
    "jailed",
    "imprisoned",
    "sentenced",
    "indicted",
    "convicted",
    "deported",
    "expelled",
    "extradited",
    "sanctioned",
    "freed",
    "released",
    "seized",
    "impeached",
    "ousted",
    "banned",
    "fined",
    "sacked",
    "rescued",
    "evacuated",
    "summoned",
    "tortured",
    "beheaded",
];

/// Words that may follow such a verb when it is a headline's passive: a preposition of the
/// circumstances ("killed in clash", "jailed for ten years", "arrested at the border") or
/// the agent ("killed by rebels").
const AFTER_HEADLINE_PASSIVE: &[&str] = &[
    "in",
    "at",
    "on",
    "during",
    "after",
    "near",
    "off",
    "over",
    "following",
    "amid",
    "outside",
    "inside",
    "for",
    "by",
    "as",
    "across",
    "without",
];

/// A headline's or caption's passive with its auxiliary left out, taken by the model for an
/// active verb and its subject ("Venezuelan soldiers killed in clash with Colombian troops",
/// "Opposition leader arrested at airport"): a root past form of one of
/// [`HEADLINE_PASSIVES`], with a noun subject before it and no auxiliary, object or
/// complement, followed right away by one of [`AFTER_HEADLINE_PASSIVE`] or by the
/// sentence's last mark, has that subject as its passive subject.
pub(crate) fn passive_taken_for_active<W: AsRef<str>, U: AsRef<str>, X: AsRef<str>>(
    tree: &mut [(Option<usize>, String)],
    words: &[W],
    upos: &[U],
    xpos: &[X],
) {
    let word_at = |i: usize| words.get(i).map_or("", AsRef::as_ref);
    let Some(root) = tree.iter().position(|(h, _)| h.is_none()) else {
        return;
    };
    let past = matches!(xpos.get(root).map(AsRef::as_ref), Some("VBD" | "VBN"));
    let verb = word_at(root).to_lowercase();
    if !past || !HEADLINE_PASSIVES.contains(&verb.as_str()) {
        return;
    }
    let next = word_at(root + 1).to_lowercase();
    let last_mark = root + 2 == tree.len() && matches!(next.as_str(), "." | "!");
    if !last_mark && !AFTER_HEADLINE_PASSIVE.contains(&next.as_str()) {
        return;
    }
    let blocked = tree.iter().any(|(h, rel)| {
        *h == Some(root)
            && (rel.starts_with("aux")
                || rel.starts_with("csubj")
                || matches!(
                    rel.as_str(),
                    "obj" | "iobj" | "ccomp" | "xcomp" | "nsubj:pass" | "expl"
                ))
    });
    let subjects: Vec<usize> = (0..root)
        .filter(|&i| tree[i].0 == Some(root) && tree[i].1 == "nsubj")
        .collect();
    let [subject] = subjects[..] else {
        return;
    };
    let noun = matches!(upos.get(subject).map(AsRef::as_ref), Some("NOUN" | "PROPN"));
    if !blocked && noun {
        tree[subject].1 = "nsubj:pass".to_string();
    }
}

/// Whether word `i` is word `ancestor` or below it.
fn is_below(tree: &[(Option<usize>, String)], i: usize, ancestor: usize) -> bool {
    let mut j = i;
    for _ in 0..tree.len() {
        if j == ancestor {
            return true;
        }
        match tree[j].0 {
            Some(h) => j = h,
            None => return false,
        }
    }
    false
}

/// Whether word `head` has a dependent `rel` that is the word `word` (any case).
fn has_child_word<W: AsRef<str>>(
    tree: &[(Option<usize>, String)],
    words: &[W],
    head: usize,
    rel: &str,
    word: &str,
) -> bool {
    tree.iter()
        .zip(words)
        .any(|((h, r), w)| *h == Some(head) && r == rel && w.as_ref().eq_ignore_ascii_case(word))
}

/// Whether word `verb` has a subject: nominal, clausal or expletive.
fn has_subject(tree: &[(Option<usize>, String)], verb: usize) -> bool {
    tree.iter().any(|(h, rel)| {
        *h == Some(verb) && (rel.starts_with("nsubj") || rel.starts_with("csubj") || rel == "expl")
    })
}

/// The span (first word, one past the last) of the subtree of word `i`.
fn subtree_span(tree: &[(Option<usize>, String)], i: usize) -> (usize, usize) {
    let inside = |j: usize| is_below(tree, j, i);
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
    fn a_second_subject_after_a_conjunction_becomes_a_conjunct_of_the_first() {
        // France and Germany condemned the attack
        let arcs = [
            (Some(3), "nsubj"),
            (Some(3), "cc"),
            (Some(3), "nsubj"),
            (None, "root"),
            (Some(5), "det"),
            (Some(3), "obj"),
        ];
        let mut parsed = tree(&arcs);
        second_subject_taken_for_own(&mut parsed);
        assert_eq!(parsed[2], (Some(0), "conj".to_string()));
        assert_eq!(parsed[1], (Some(2), "cc".to_string()));
        // Britain, France and Germany urged Iran: France is a conjunct already.
        let arcs = [
            (Some(5), "nsubj"),
            (Some(2), "punct"),
            (Some(0), "conj"),
            (Some(5), "cc"),
            (Some(5), "nsubj"),
            (None, "root"),
            (Some(5), "obj"),
        ];
        let mut parsed = tree(&arcs);
        second_subject_taken_for_own(&mut parsed);
        assert_eq!(parsed[4], (Some(0), "conj".to_string()));
        // Two subjects with no conjunction between them stay as they are.
        let arcs = [
            (Some(3), "nsubj"),
            (Some(0), "punct"),
            (Some(3), "nsubj"),
            (None, "root"),
        ];
        let mut parsed = tree(&arcs);
        second_subject_taken_for_own(&mut parsed);
        assert_eq!(parsed[2], (Some(3), "nsubj".to_string()));
    }

    #[test]
    fn the_noun_of_a_for_phrase_before_an_infinitive_becomes_its_subject() {
        // signed a deal for Brighton to host it
        let arcs = [
            (None, "root"),
            (Some(2), "det"),
            (Some(0), "obj"),
            (Some(4), "case"),
            (Some(2), "nmod"),
            (Some(6), "mark"),
            (Some(0), "advcl"),
            (Some(6), "obj"),
        ];
        let words = ["signed", "a", "deal", "for", "Brighton", "to", "host", "it"];
        let xpos = ["VBD", "DT", "NN", "IN", "NNP", "TO", "VB", "PRP"];
        let mut parsed = tree(&arcs);
        subject_taken_for_for_phrase(&mut parsed, &words, &xpos);
        assert_eq!(parsed[4], (Some(6), "nsubj".to_string()));
        assert_eq!(parsed[3], (Some(6), "mark".to_string()));
        // A span of time is no subject: "stayed for weeks to rest".
        let mut time = tree(&arcs);
        let words = ["stayed", "a", "deal", "for", "weeks", "to", "host", "it"];
        let xpos = ["VBD", "DT", "NN", "IN", "NNS", "TO", "VB", "PRP"];
        subject_taken_for_for_phrase(&mut time, &words, &xpos);
        assert_eq!(time, tree(&arcs));
        // Nor a phrase not opened by "for" ("a deal with Brighton to host it").
        let mut with = tree(&arcs);
        let words = [
            "signed", "a", "deal", "with", "Brighton", "to", "host", "it",
        ];
        subject_taken_for_for_phrase(
            &mut with,
            &words,
            &["VBD", "DT", "NN", "IN", "NNP", "TO", "VB", "PRP"],
        );
        assert_eq!(with, tree(&arcs));
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
    fn a_but_conjunct_of_a_reported_clause_with_its_own_subject_joins_the_reporting_verb() {
        // he said America needed action but defended Bush
        let arcs = [
            (Some(1), "nsubj"),
            (None, "root"),
            (Some(3), "nsubj"),
            (Some(1), "ccomp"),
            (Some(3), "obj"),
            (Some(6), "cc"),
            (Some(3), "conj"),
            (Some(6), "obj"),
        ];
        let words = [
            "he", "said", "America", "needed", "action", "but", "defended", "Bush",
        ];
        let xpos = ["PRP", "VBD", "NNP", "VBD", "NN", "CC", "VBD", "NNP"];
        let mut parsed = tree(&arcs);
        contrast_taken_for_reported_conjunct(&mut parsed, &words, &xpos);
        assert_eq!(parsed[6], (Some(1), "conj".to_string()));
        // The tagger may read the conjunct as a participle sharing "had" ("had won but
        // declined"), and the reporting verb may be an infinitive ("woke to discover").
        let mut participle = xpos;
        participle[6] = "VBN";
        let mut infinitive = tree(&arcs);
        infinitive[1] = (Some(0), "advcl".to_string());
        infinitive[0] = (None, "root".to_string());
        let mut base = participle;
        base[1] = "VB";
        contrast_taken_for_reported_conjunct(&mut infinitive, &words, &base);
        assert_eq!(infinitive[6], (Some(1), "conj".to_string()));
        // "and", a subject of its own, or a reported clause with none: left alone.
        let mut and = words;
        and[5] = "and";
        let mut with_and = tree(&arcs);
        contrast_taken_for_reported_conjunct(&mut with_and, &and, &xpos);
        assert_eq!(with_and, tree(&arcs));
        let mut own_subject = tree(&arcs);
        own_subject[7] = (Some(6), "nsubj".to_string());
        let before = own_subject.clone();
        contrast_taken_for_reported_conjunct(&mut own_subject, &words, &xpos);
        assert_eq!(own_subject, before);
        let mut no_subject = tree(&arcs);
        no_subject[2] = (Some(3), "obj".to_string());
        let before = no_subject.clone();
        contrast_taken_for_reported_conjunct(&mut no_subject, &words, &xpos);
        assert_eq!(no_subject, before);
    }

    #[test]
    fn a_participle_after_have_and_an_adverbial_becomes_the_verb_with_have_its_auxiliary() {
        // he said Blair had in 1997 complained
        let arcs = [
            (Some(1), "nsubj"),
            (None, "root"),
            (Some(3), "nsubj"),
            (Some(1), "ccomp"),
            (Some(5), "case"),
            (Some(3), "obl"),
            (Some(3), "xcomp"),
        ];
        let words = ["he", "said", "Blair", "had", "in", "1997", "complained"];
        let xpos = ["PRP", "VBD", "NNP", "VBD", "IN", "CD", "VBN"];
        let mut parsed = tree(&arcs);
        perfect_taken_for_main_verb(&mut parsed, &words, &xpos);
        let repaired = [
            (Some(1), "nsubj"),
            (None, "root"),
            (Some(6), "nsubj"),
            (Some(6), "aux"),
            (Some(5), "case"),
            (Some(6), "obl"),
            (Some(1), "ccomp"),
        ];
        assert_eq!(parsed, tree(&repaired));
        // An object of "have" keeps it the verb.
        let mut with_object = tree(&arcs);
        with_object[5] = (Some(3), "obj".to_string());
        let before = with_object.clone();
        perfect_taken_for_main_verb(&mut with_object, &words, &xpos);
        assert_eq!(with_object, before);
        // A pronoun between ("had with him"), a past tense, or a verb that is not "have":
        // left alone.
        for (i, word, tag) in [
            (5, "1997", "PRP"),
            (6, "complained", "VBD"),
            (3, "was", "VBD"),
        ] {
            let (mut w, mut x) = (words, xpos);
            w[i] = word;
            x[i] = tag;
            let mut other = tree(&arcs);
            perfect_taken_for_main_verb(&mut other, &w, &x);
            assert_eq!(other, tree(&arcs), "{i}");
        }
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

    #[test]
    fn a_headlines_bare_harm_verb_after_a_noun_takes_it_as_its_passive_subject() {
        // Venezuelan soldiers killed in clash with troops .
        let arcs = [
            (Some(1), "amod"),
            (Some(2), "nsubj"),
            (None, "root"),
            (Some(4), "case"),
            (Some(2), "obl"),
            (Some(6), "case"),
            (Some(4), "nmod"),
            (Some(2), "punct"),
        ];
        let words = [
            "Venezuelan",
            "soldiers",
            "killed",
            "in",
            "clash",
            "with",
            "troops",
            ".",
        ];
        let upos = ["ADJ", "NOUN", "VERB", "ADP", "NOUN", "ADP", "NOUN", "PUNCT"];
        let xpos = ["JJ", "NNS", "VBD", "IN", "NN", "IN", "NNS", "."];
        let mut parsed = tree(&arcs);
        passive_taken_for_active(&mut parsed, &words, &upos, &xpos);
        let mut repaired = tree(&arcs);
        repaired[1].1 = "nsubj:pass".to_string();
        assert_eq!(parsed, repaired);
        // An object ("killed two rebels in a clash"), an auxiliary, a pronoun subject, a verb
        // that may stand bare ("fought in"), or a word after it that opens no circumstance:
        // left alone.
        let mut with_object = tree(&arcs);
        with_object[4].1 = "obj".to_string();
        let mut with_aux = tree(&arcs);
        with_aux[0] = (Some(2), "aux".to_string());
        for (i, arcs, word, pos) in [
            (4, with_object, "clash", "NOUN"),
            (0, with_aux, "Venezuelan", "ADJ"),
            (1, tree(&arcs), "they", "PRON"),
            (2, tree(&arcs), "fought", "VERB"),
            (3, tree(&arcs), "that", "SCONJ"),
        ] {
            let (mut w, mut u) = (words, upos);
            w[i] = word;
            u[i] = pos;
            let mut other = arcs.clone();
            passive_taken_for_active(&mut other, &w, &u, &xpos);
            assert_eq!(other, arcs, "{i} {word}");
        }
    }
}
