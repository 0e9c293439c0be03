//! The second stage of a two-stage recogniser (Ratinov & Roth 2009): the same tagger run
//! again over the document with features of the first stage's labels over the whole
//! document — the labels around each token, what the token's word was labelled elsewhere
//! (earlier and later), and whether the same words were a name elsewhere.
//!
//! The second stage is trained on first-stage labels of models that did not see the
//! document (jackknifing, [`crate::train`]), so it learns how far the first stage can be
//! trusted on unseen text.

use std::collections::HashMap;

use crate::context::DocumentHistory;
use crate::features::{stage_one_feature, Sentence};
use crate::hash::FxBuild;
use crate::labels::{bilou_to_spans, ClassSpan, NUM_LABELS};
use crate::lexicon::{phrase_extend, phrase_start, MAX_PHRASE};
use crate::tagger::tag;
use crate::weights::Scorer;

// Feature kinds of [`stage_one_feature`].
const LABEL_AT: u64 = 1;
const WORD_ELSEWHERE: u64 = 2;
const WORD_MAJORITY: u64 = 3;
const PHRASE_ELSEWHERE: u64 = 4;
const LABEL_WITH_CAP: u64 = 5;

/// Outcomes of a token: O and the four classes.
const OUTCOMES: usize = 5;

/// The labels of each sentence of a document: the first stage, then the second stage over
/// the first stage's labels where a second-stage scorer is given. `aggregated[s][i]` holds
/// the document features of token `i` of sentence `s` ([`crate::context::aggregate`]).
pub fn tag_document<A: Scorer, B: Scorer>(
    sentences: &[Sentence],
    aggregated: Vec<Vec<Vec<u64>>>,
    first: &A,
    second: Option<&B>,
) -> Vec<Vec<usize>> {
    let Some(second) = second else {
        return history_pass(sentences, aggregated, first);
    };
    let labels = history_pass(sentences, aggregated.clone(), first);
    let mut extra = aggregated;
    for (sentence_extra, more) in extra.iter_mut().zip(features(sentences, &labels)) {
        for (e, m) in sentence_extra.iter_mut().zip(more) {
            e.extend(m);
        }
    }
    history_pass(sentences, extra, second)
}

/// Tags the sentences in order, the labels of earlier sentences informing later ones.
fn history_pass<S: Scorer>(
    sentences: &[Sentence],
    extra: Vec<Vec<Vec<u64>>>,
    scorer: &S,
) -> Vec<Vec<usize>> {
    let mut history = DocumentHistory::new();
    sentences
        .iter()
        .zip(extra)
        .map(|(sentence, mut extra)| {
            for (e, h) in extra.iter_mut().zip(history.features(sentence)) {
                e.extend(h);
            }
            let labels = tag(sentence, scorer, Some(&extra));
            history.record(sentence, &labels);
            labels
        })
        .collect()
}

/// The second-stage features of every token of a document, from the first stage's
/// `labels` of each sentence.
pub fn features(sentences: &[Sentence], labels: &[Vec<usize>]) -> Vec<Vec<Vec<u64>>> {
    // The first stage's names of each sentence.
    let spans_of: Vec<Vec<ClassSpan>> = labels.iter().map(|l| bilou_to_spans(l)).collect();
    // Outcome (0 = O, 1 + class) of every token.
    let outcomes: Vec<Vec<usize>> = sentences
        .iter()
        .zip(&spans_of)
        .map(|(sentence, spans)| {
            let mut out = vec![0; sentence.len()];
            for span in spans {
                for o in out.iter_mut().take(span.end).skip(span.start) {
                    *o = 1 + span.class as usize;
                }
            }
            out
        })
        .collect();
    // Per word: outcome counts before and after each position, as a list of (position, outcome).
    let mut by_word: HashMap<u64, Vec<(u32, u32, u8)>, FxBuild> = HashMap::default();
    for (s, sentence) in sentences.iter().enumerate() {
        for (i, t) in sentence.tokens.iter().enumerate() {
            by_word
                .entry(t.lower)
                .or_default()
                .push((s as u32, i as u32, outcomes[s][i] as u8));
        }
    }
    // Names of the first stage: phrase hash → spans per class.
    let mut phrases: HashMap<u64, [u16; OUTCOMES], FxBuild> = HashMap::default();
    for (sentence, spans) in sentences.iter().zip(&spans_of) {
        for span in spans {
            if span.end - span.start <= MAX_PHRASE {
                let h = phrase_of(sentence, span.start, span.end);
                phrases.entry(h).or_insert([0; OUTCOMES])[1 + span.class as usize] += 1;
            }
        }
    }
    sentences
        .iter()
        .enumerate()
        .map(|(s, sentence)| {
            let mut out: Vec<Vec<u64>> = vec![Vec::new(); sentence.len()];
            let label_at = |i: isize| -> u64 {
                usize::try_from(i)
                    .ok()
                    .and_then(|i| labels[s].get(i))
                    .map_or(NUM_LABELS as u64 + 1, |&l| l as u64)
            };
            for (i, t) in sentence.tokens.iter().enumerate() {
                let f = &mut out[i];
                let ii = i as isize;
                for offset in -2isize..=2 {
                    f.push(stage_one_feature(
                        LABEL_AT,
                        offset as u64,
                        label_at(ii + offset),
                    ));
                }
                f.push(stage_one_feature(
                    LABEL_WITH_CAP,
                    label_at(ii),
                    u64::from(t.is_capitalised()),
                ));
                word_features(&by_word, t.lower, (s, i), t.is_capitalised(), f);
            }
            phrase_features(sentence, &phrases, &spans_of[s], &mut out);
            out
        })
        .collect()
}

/// What the other occurrences of a word were labelled: each outcome seen before and after
/// this one, and the commonest outcome.
fn word_features(
    by_word: &HashMap<u64, Vec<(u32, u32, u8)>, FxBuild>,
    lower: u64,
    (s, i): (usize, usize),
    capitalised: bool,
    out: &mut Vec<u64>,
) {
    let Some(list) = by_word.get(&lower) else {
        return;
    };
    let mut seen = [[false; OUTCOMES]; 2];
    let mut counts = [0u32; OUTCOMES];
    for &(os, oi, o) in list {
        let here = (os as usize, oi as usize);
        if here == (s, i) {
            continue;
        }
        let after = usize::from(here > (s, i));
        seen[after][o as usize] = true;
        counts[o as usize] += 1;
    }
    let named_elsewhere = counts[1..].iter().any(|&n| n > 0);
    if !capitalised && !named_elsewhere {
        return;
    }
    for (after, outcomes) in seen.iter().enumerate() {
        for (o, &present) in outcomes.iter().enumerate() {
            if present {
                out.push(stage_one_feature(WORD_ELSEWHERE, after as u64, o as u64));
            }
        }
    }
    if let Some(best) = (0..OUTCOMES)
        .filter(|&o| counts[o] > 0)
        .max_by_key(|&o| (counts[o], std::cmp::Reverse(o)))
    {
        out.push(stage_one_feature(
            WORD_MAJORITY,
            best as u64,
            u64::from(capitalised),
        ));
    }
}

/// Marks the token sequences of a sentence that the first stage called a name elsewhere in
/// the document (B/I/L/U part and class), not counting the span itself.
fn phrase_features(
    sentence: &Sentence,
    phrases: &HashMap<u64, [u16; OUTCOMES], FxBuild>,
    spans: &[ClassSpan],
    out: &mut [Vec<u64>],
) {
    if phrases.is_empty() {
        return;
    }
    let n = sentence.len();
    for i in 0..n {
        let mut h = phrase_start();
        for j in i..n.min(i + MAX_PHRASE) {
            h = phrase_extend(h, sentence.tokens[j].lower);
            let Some(counts) = phrases.get(&h) else {
                continue;
            };
            for (o, &count) in counts.iter().enumerate().skip(1) {
                let own = spans
                    .iter()
                    .any(|sp| sp.start == i && sp.end == j + 1 && 1 + sp.class as usize == o);
                if count <= u16::from(own) {
                    continue;
                }
                if i == j {
                    out[i].push(stage_one_feature(PHRASE_ELSEWHERE, 3, o as u64));
                } else {
                    out[i].push(stage_one_feature(PHRASE_ELSEWHERE, 0, o as u64));
                    for f in out.iter_mut().take(j).skip(i + 1) {
                        f.push(stage_one_feature(PHRASE_ELSEWHERE, 1, o as u64));
                    }
                    out[j].push(stage_one_feature(PHRASE_ELSEWHERE, 2, o as u64));
                }
            }
        }
    }
}

fn phrase_of(sentence: &Sentence, start: usize, end: usize) -> u64 {
    sentence.tokens[start..end]
        .iter()
        .fold(phrase_start(), |h, t| phrase_extend(h, t.lower))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::labels::{spans_to_bilou, Class};
    use crate::lexicon::Lexicon;

    fn sentence(words: &[&str]) -> Sentence {
        Sentence::new(words, &Lexicon::default())
    }

    #[test]
    fn a_name_elsewhere_in_the_document_marks_the_same_words_here() {
        let sentences = [
            sentence(&["Acme", "Widgets", "hired", "him", "."]),
            sentence(&["He", "left", "Acme", "Widgets", "."]),
        ];
        let org = |start, end| ClassSpan {
            start,
            end,
            class: Class::Org,
        };
        let labels = vec![spans_to_bilou(5, &[org(0, 2)]), vec![0; 5]];
        let f = features(&sentences, &labels);
        let begin = stage_one_feature(PHRASE_ELSEWHERE, 0, 1 + Class::Org as u64);
        let last = stage_one_feature(PHRASE_ELSEWHERE, 2, 1 + Class::Org as u64);
        // The second sentence's "Acme Widgets" was an organisation in the first one…
        assert!(f[1][2].contains(&begin) && f[1][3].contains(&last));
        // …but the first sentence's own span does not count for itself.
        assert!(!f[0][0].contains(&begin));
        // The word "Acme" was an organisation earlier (after = 0) for the second sentence.
        let earlier = stage_one_feature(WORD_ELSEWHERE, 0, 1 + Class::Org as u64);
        assert!(f[1][2].contains(&earlier));
        // For the first sentence, it comes again later, left out of any name there.
        let later_outside = stage_one_feature(WORD_ELSEWHERE, 1, 0);
        assert!(f[0][0].contains(&later_outside) && !f[0][0].contains(&earlier));
    }
}
